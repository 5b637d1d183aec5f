"""Pack loading and validation: the issue's minimal pack, clear errors, safe YAML only."""
from __future__ import annotations


import pytest

from cleaner import PackError, clean
from cleaner.packs import get_packset, load_pack

from .conftest import EXAMPLE_PACK

MINIMAL = EXAMPLE_PACK


def write(tmp_path, text, name="pack.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.slow
def test_minimal_pack_is_valid_and_applies_by_domain(tmp_path):
    path = write(tmp_path, MINIMAL)
    pack = load_pack(path)
    assert pack.domains == ("example.org",) and pack.rules[0].id == "example-promo"
    doc = ("Shop prices rise\n\nPrices in the shops rose again in May, the statistics office said, "
           "led by food and energy.\nZZZ-PROMO buy two get one free\n")
    assert "ZZZ-PROMO" in clean(doc, rules_dirs=[tmp_path])  # no url: the site pack stays out
    out = clean(doc, url="https://www.example.org/news/1", rules_dirs=[tmp_path])
    assert "ZZZ-PROMO" not in out and "Prices in the shops" in out


def error_of(tmp_path, text) -> PackError:
    with pytest.raises(PackError) as info:
        load_pack(write(tmp_path, text))
    return info.value


def test_unknown_key_names_file_line_and_suggests(tmp_path):
    err = error_of(tmp_path, MINIMAL.replace("    line:", "    lne: 'x'\n    line:"))
    assert err.line == 7 and "lne" in str(err) and "did you mean 'line'" in str(err)
    assert str(err).startswith(str(tmp_path / "pack.yaml") + ":7:")


def test_bad_regex_is_reported_with_line(tmp_path):
    err = error_of(tmp_path, MINIMAL.replace("'^ZZZ-PROMO\\b.*$'", "'^(ZZZ'"))
    assert err.line == 7 and "does not compile" in str(err)


def test_missing_id_and_bad_category(tmp_path):
    assert "without an 'id'" in str(error_of(tmp_path, MINIMAL.replace("id: example-promo", "name: x")))
    err = error_of(tmp_path, MINIMAL.replace("category: ad", "category: adverts"))
    assert "adverts" in str(err) and "not one of" in str(err)


def test_empty_examples_refused(tmp_path):
    err = error_of(tmp_path, MINIMAL.replace(
        'keep: ["The ZZZ-PROMO campaign was investigated by regulators."]', "keep: []"))
    assert "examples.keep is empty" in str(err)


def test_python_tags_are_refused_not_executed(tmp_path):
    err = error_of(tmp_path, "pack: x\nrules: !!python/object/apply:os.system ['echo pwned']\n")
    assert "refused" in str(err) and err.line == 2


def test_alias_bomb_is_refused(tmp_path):
    lines = ["pack: bomb", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(ord("b"), ord("j")):
        prev = chr(i - 1)
        lines.append(f"{chr(i)}: &{chr(i)} [" + ",".join(f"*{prev}" for _ in range(9)) + "]")
    err = error_of(tmp_path, "\n".join(lines) + "\nrules: []\n")
    assert "alias" in str(err)


@pytest.mark.slow
def test_yaml_booleans_in_stopwords_get_advice(tmp_path):
    # YAML 1.2 (issue 16): only true/false are booleans; bare no and yes are the words
    err = error_of(tmp_path, "pack: xx\nmatch: {languages: [xx]}\nstopwords: [a, true, 12]\nrules: []\n")
    assert "quote them" in str(err)
    write(tmp_path, "pack: xx\nmatch: {languages: [xx]}\nstopwords: [a, no, yes]\nrules: []\n")
    assert get_packset([tmp_path]).model.stopwords["xx"] >= {"a", "no", "yes"}


@pytest.mark.slow
def test_later_pack_disables_and_replaces_shipped_rules(tmp_path):
    doc = ("Storm hits coast\n\nThe storm reached the coast on Monday, officials said, and the damage "
           "was the worst that the town had seen in a decade.\n\nAdvertisement\n")
    assert "Advertisement" not in clean(doc)
    write(tmp_path, "pack: mine\ndisable: [en-advertisement-label]\nrules: []\n")
    assert "Advertisement" in clean(doc, rules_dirs=[tmp_path])


@pytest.mark.slow
def test_rules_path_env_var(tmp_path, monkeypatch):
    write(tmp_path, MINIMAL)
    monkeypatch.setenv("CLEANER_RULES_PATH", str(tmp_path))
    out = clean("Title of the story here\n\nZZZ-PROMO buy two get one free\n", url="example.org")
    assert "ZZZ-PROMO" not in out


def test_shipped_packs_all_load():
    packset = get_packset()
    names = {p.name for p in packset.packs}
    assert {"generic", "en", "tr"} <= names
