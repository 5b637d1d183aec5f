"""Every rule obeys its own examples, and fires somewhere in the corpus or its examples."""
from __future__ import annotations

import pytest

from cleaner import clean_document
from cleaner.packs import get_packset
from cleaner.ruletest import shadowed, check_rule

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


@pytest.mark.slow
def test_every_rule_fires_in_corpus_or_examples():
    """A rule that never fires anywhere is dead weight or broken: name it."""
    fired: set[str] = set()
    for path in text_samples():
        result = clean_document(path.read_bytes(), url=sample_meta(path).get("url"))
        fired |= {r.rule_id for r in result.removals}
    for rule in RULES:
        if rule.KEY == "selector":
            continue  # HTML rules fire on HTML samples (tests/test_html.py)
        if not check_rule(rule, PACKSET):
            fired.add(rule.id)  # its drop examples passed, so it fires on them
    silent = [r.id for r in RULES if r.KEY != "selector" and r.id not in fired]
    assert not silent, f"rules that fire nowhere: {silent}"


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
