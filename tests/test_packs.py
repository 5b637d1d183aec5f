"""Pack loading and validation: the issue's minimal pack, clear errors, safe YAML only."""
from __future__ import annotations


import pytest

from cleaner import PackError, clean
from cleaner.engine.packs import get_packset, load_pack

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


# --- two vocabularies: rule kinds under rules:, the pipeline's stages under stages: ----------

OLD_STYLE = """\
pack: old-style
rules:
  - id: old-section
    category: related
    section: '^zzz related$'
    max_heading_words: 3
    examples:
      drop: ["ZZZ related\\nFirst teaser headline here\\nSecond teaser headline here"]
      keep: ["The ZZZ related story was long and had no list under it at all, reporters said."]
  - id: old-stage
    category: title
    repeat: title
    examples:
      drop:
        - text: "Storm Closes Schools Across County\\n\\nNews: Storm Closes Schools Across County\\n\\nBody."
          output: "Storm Closes Schools Across County\\n\\nBody.\\n"
      keep: ["Storm Closes Schools Across County\\n\\nThe storm closed the schools, officials said."]
"""


def test_old_packs_load_and_lint_names_the_new_vocabulary(tmp_path):
    from cleaner.authoring.lint import lint_files

    pack = load_pack(write(tmp_path, OLD_STYLE))
    section, stage = pack.rules
    assert section.options["max_words"] == 3  # max_heading_words, read under its new name
    assert stage.STAGE and stage.listed_in == "rules"
    report = lint_files([(str(tmp_path / "pack.yaml"), OLD_STYLE)])
    # the old vocabulary is no problem (the stage's example is shadowed by the shipped
    # repeated-headline stage, which is a problem of its own and is reported as one)
    assert [str(p) for p in report.problems if "shadowed" not in str(p)] == []
    notes = [str(n) for n in report.notes]
    assert any(":6: note: rule 'old-section': max_heading_words is now called max_words" in n
               for n in notes), notes
    assert any(":10: note: rule 'old-stage': repeat is a stage of the pipeline: list it under "
               "'stages:'" in n for n in notes), notes


def test_a_stage_is_configured_under_stages(tmp_path):
    new_style = OLD_STYLE.replace("  - id: old-stage", "stages:\n  - id: old-stage")
    pack = load_pack(write(tmp_path, new_style))
    assert [r.listed_in for r in pack.rules] == ["rules", "stages"]


def test_a_rule_kind_under_stages_is_refused(tmp_path):
    text = "pack: p\nstages:\n" + MINIMAL.split("rules:\n", 1)[1]
    err = error_of(tmp_path, text)
    assert err.line == 5 and "line is a rule kind, not a stage" in str(err) and "under 'rules:'" in str(err)


def test_an_option_and_its_old_name_together_are_refused(tmp_path):
    err = error_of(tmp_path, OLD_STYLE.replace("    max_heading_words: 3", "    max_heading_words: 3\n    max_words: 4"))
    assert "max_heading_words is the old name of max_words" in str(err)
    err = error_of(tmp_path, OLD_STYLE.replace("max_heading_words: 3", "max_heading_words: many"))
    assert "max_heading_words must be a whole number" in str(err)


def test_shipped_packs_write_stages_under_stages_and_no_old_option_names():
    from cleaner.authoring.lint import lint_files, pack_sources

    packset = get_packset()
    assert {r.KEY for r in packset.all_rules() if r.listed_in == "stages"} == \
        {"repeat", "head", "foreign", "cluster", "classify"}
    assert [r.id for r in packset.all_rules() if r.STAGE and r.listed_in == "rules"] == []
    notes = lint_files(pack_sources([])).notes
    assert [str(n) for n in notes if "is now called" in str(n) or "stage of the pipeline" in str(n)] == []


def test_lint_reports_an_option_naming_a_rule_no_pack_has():
    # review-s9: the classifier's post_marks named an English rule by id, and nothing checked
    # it: a renamed or misspelt rule switched the forum-thread spare off without a word
    from cleaner.authoring.lint import lint_files

    pack = ("pack: threads\nstages:\n  - id: thread-classify\n    category: nav\n"
            "    classify: true\n    post_marks: [en-forum-furnitur]\n    examples:\n"
            "      drop: ['Home\\nNews\\nSport\\nWeather\\nTravel']\n"
            "      keep: ['The storm reached the coast on Monday night, officials said.']\n")
    problems = [str(p) for p in lint_files([("threads.yaml", pack)]).problems]
    assert any("threads.yaml:3: rule 'thread-classify': post_marks names 'en-forum-furnitur', "
               "which no pack has" in p for p in problems), problems
    fixed = pack.replace("en-forum-furnitur]", "en-forum-furniture]")
    assert not [p for p in lint_files([("threads.yaml", fixed)]).problems
                if "post_marks" in str(p)]


def test_the_give_backs_name_the_repeat_rule_s_kind_and_category():
    # pipeline.REPEATED_LINES restates the repeat rule's kind and category: the item and
    # manual give-backs would stop silently if the YAML changed its category (review-s9 D7)
    from cleaner.engine.pipeline import REPEATED_LINES
    repeats = [r for r in get_packset().all_rules() if r.KEY == REPEATED_LINES[0]
               and r.id == "repeated-short-lines"]
    assert repeats and all(r.category == REPEATED_LINES[1] for r in repeats)
