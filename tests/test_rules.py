"""Every rule obeys its own examples, and fires on a corpus sample (or its pack says why not)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cleaner import clean_document
from cleaner.engine.packs import get_packset
from cleaner.authoring.ruletest import shadowed, check_rule

from .conftest import sample_meta, text_samples

PACKSET = get_packset()
RULES = PACKSET.all_rules()


@pytest.mark.parametrize("rule", RULES, ids=[f"{r.pack_name}:{r.id}" for r in RULES])
def test_no_rule_is_shadowed(rule):
    """No drop example of a shipped rule is taken first by another rule of the packs it runs
    with: each line of boilerplate belongs to one rule, and no rule is dead weight."""
    found = shadowed(rule, PACKSET)
    assert not found, "\n".join(str(f) for f in found)


@pytest.mark.parametrize("rule", RULES, ids=[f"{r.pack_name}:{r.id}" for r in RULES])
def test_rule_examples(rule):
    failures = check_rule(rule, PACKSET)
    assert not failures, "\n".join(str(f) for f in failures)


def test_every_rule_has_drop_and_keep_examples():
    for rule in RULES:
        assert rule.examples.get("drop") and rule.examples.get("keep"), rule.id


def reasons_without_samples() -> dict[str, str]:
    """Each shipped rule's ``no_corpus_sample`` reason, read from its pack's YAML: the reason
    lives beside the rule, where whoever edits the rule sees it (the loaded Rule keeps no copy)."""
    reasons: dict[str, str] = {}
    for path in sorted({r.pack_path for r in RULES}):
        pack = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        for spec in (pack.get("rules") or []) + (pack.get("stages") or []):
            if isinstance(spec, dict) and "no_corpus_sample" in spec:
                reasons[spec["id"]] = spec["no_corpus_sample"]
    return reasons


@pytest.mark.slow
def test_every_rule_fires_in_the_corpus_or_says_why_not():
    """A rule's own examples prove it runs, not that it meets real text: every text rule fires
    on a corpus sample, or carries ``no_corpus_sample: "<reason>"`` in its pack. Exact both
    ways: a rule that gains a sample loses its reason, and a new rule without either fails."""
    fired: set[str] = set()
    for path in text_samples():
        result = clean_document(path.read_bytes(), url=sample_meta(path).get("url"))
        fired |= {r.rule_id for r in result.removals}
    text_rules = {r.id for r in RULES if r.KEY != "selector"}  # HTML rules: tests/test_html.py
    reasons = reasons_without_samples()
    silent = sorted(text_rules - fired - set(reasons))
    assert not silent, ("rules that fire on no corpus sample (add a sample under corpus_samples/, "
                        f"or say why not with no_corpus_sample in the pack): {silent}")
    stale = sorted(set(reasons) & fired)
    assert not stale, f"these carry no_corpus_sample but fire on a corpus sample now (drop the key): {stale}"
    not_text = sorted(set(reasons) - text_rules)
    assert not not_text, f"no_corpus_sample on a rule that is no shipped text rule: {not_text}"
    vague = sorted(rule for rule, why in reasons.items() if len(str(why).split()) < 5)
    assert not vague, f"no_corpus_sample needs a real reason, a sentence, not a word: {vague}"


def test_rule_ids_unique_across_packs():
    seen: dict[str, str] = {}
    for pack in PACKSET.packs:
        for rule in pack.rules:
            assert rule.id not in seen, f"{rule.id} in {pack.path} and {seen[rule.id]}"
            seen[rule.id] = pack.path


def test_required_languages_have_packs():
    langs = PACKSET.languages()
    for code in ("en", "tr", "de", "fr", "es", "it", "pt", "nl", "pl", "ru"):
        assert code in langs, f"no language pack for {code}"
        assert PACKSET.model.stopwords.get(code), f"{code} pack has no stopwords"


def test_the_italian_rights_notice_is_a_footer_not_a_photo_credit():
    """"© Riproduzione riservata" closes an Italian story: its rights notice (footer), which
    it-photo-credit's "© <agency>" branch took as a credit (so --keep credit left it in)."""
    story = ("Il consiglio comunale ha approvato ieri sera il nuovo piano per la mobilità, dopo "
             "una discussione durata più di tre ore.\n\n© Riproduzione riservata\n\n"
             "Home | Cronaca | Sport | Politica\n")
    result = clean_document(story, lang="it", keep=["credit"])
    assert [(r.rule_id, r.category) for r in result.removals if "©" in r.lines[0]] == \
        [("it-rights-notice", "footer")]
    assert "Riproduzione" not in result.text


def test_shadowing_is_judged_in_the_order_the_engine_runs_rules():
    """A language pack's rule runs before the generic pack's in the same phase: the generic
    copyright-line also matches "© Riproduzione riservata", but never gets it, so the
    language rule is not shadowed (lint used to run the generic pack first and say it was)."""
    rule = next(r for r in RULES if r.id == "it-rights-notice")
    assert "© Riproduzione riservata" in rule.examples["drop"]
    assert shadowed(rule, PACKSET) == []
