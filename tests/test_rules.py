"""Every rule obeys its own examples, and fires on a corpus sample (or is listed as not yet)."""
from __future__ import annotations

from pathlib import Path

import pytest

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


WITHOUT_SAMPLES = Path(__file__).with_name("rules_without_corpus_samples.txt")


def listed_without_samples() -> set[str]:
    lines = (line.split("#", 1)[0].strip() for line in WITHOUT_SAMPLES.read_text().splitlines())
    return {line for line in lines if line}


@pytest.mark.slow
def test_every_rule_fires_in_the_corpus_or_is_listed():
    """A rule's own examples prove it runs, not that it meets real text: every text rule fires
    on a corpus sample, or is listed in rules_without_corpus_samples.txt; the list is exact,
    so a rule that gains a sample leaves it and a new rule without one cannot slip in."""
    fired: set[str] = set()
    for path in text_samples():
        result = clean_document(path.read_bytes(), url=sample_meta(path).get("url"))
        fired |= {r.rule_id for r in result.removals}
    text_rules = {r.id for r in RULES if r.KEY != "selector"}  # HTML rules: tests/test_html.py
    listed = listed_without_samples()
    silent = sorted(text_rules - fired - listed)
    assert not silent, f"rules that fire on no corpus sample (add one, or list them): {silent}"
    stale = sorted(listed & fired)
    assert not stale, f"listed as without samples, but they fire on one now: {stale}"
    unknown = sorted(listed - text_rules)
    assert not unknown, f"listed, but no shipped text rule has the id: {unknown}"


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
