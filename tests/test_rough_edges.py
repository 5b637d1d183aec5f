"""Issue 19's rough edges a new user hit: install names, option checks, messages, encodings,
several input files, rules test diffs, samples' metadata, packs and why they were chosen."""
from __future__ import annotations

import configparser
import json
import re
from pathlib import Path

import pytest

from cleaner import InputError, PackError, clean, clean_document

from .conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
STORY = ("Council approves new budget\n\nThe city council approved the budget on Monday after "
         "a long debate about schools and roads, officials said.\n")


run = run_cli  # the shared in-process runner (conftest)


# ---- the distribution's name --------------------------------------------------------------

def test_distribution_is_not_the_unrelated_cleaner_package():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    assert config["metadata"]["name"] == "cleaner-news"
    assert "cleaner = cleaner.io.cli:main" in config["options.entry_points"]["console_scripts"]
    # no instruction anywhere installs a distribution called "cleaner" from the index
    pulls_other = re.compile(r"pip install[^\n`]*?(?<![\w.-])['\"]?cleaner(?:\[|['\"\s`]|$)")
    files = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "Makefile",
             *ROOT.glob("cleaner/**/*.py"), *ROOT.glob("tests/**/*.py"), *ROOT.glob("bench/*.py")]
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path.name == "test_rough_edges.py":
            continue
        assert not pulls_other.search(text), path
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install 'cleaner-news[datatrove]'" in readme


def test_make_demo_installs_the_core_alone():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    demo = re.search(r"^demo: (\S+)", makefile, re.M).group(1)
    core = re.search(rf"^\$\(VENV\)/\.installed-core:.*?(?=^\S)", makefile, re.M | re.S).group(0)
    assert demo == "install-core" and "pip install --quiet -e .\n" in core
    assert "spark" not in core and "datatrove" not in core
    assert re.search(r"^test: install$", makefile, re.M)


# ---- options checked ------------------------------------------------------------------------

@pytest.mark.parametrize("args, says", [
    (("--lang", "xx"), "'xx' is not an ISO 639-1 language code"),
    (("--lang", "english"), "is not an ISO 639-1 language code"),
    (("--url", "not-a-url"), "'not-a-url' is not a page's URL"),
    (("--url", "ftp://example.org/a"), "is not a page's URL"),
    (("--url", "https://exa mple.org/"), "is not a page's URL"),
])
def test_bad_lang_or_url_is_a_usage_error(args, says):
    result = run("clean", *args, input=STORY)
    assert result.exit_code == 2 and says in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("args", [("--lang", "en"), ("--lang", "EN-us"), ("--lang", "ja"),
                                  ("--url", "https://www.example.org/news/1"),
                                  ("--url", "example.org/news/1")])
def test_good_lang_or_url_is_accepted(args):
    result = run("clean", *args, input=STORY)
    assert result.exit_code == 0 and "city council approved" in result.stdout


def test_lang_region_is_the_language():
    result = run("clean", "--lang", "en-GB", "--format", "json", input=STORY)
    assert json.loads(result.stdout)["language"] == "en"


def test_api_url_of_wrong_type_is_input_error():
    with pytest.raises(InputError, match="url must be a str or None, not int"):
        clean_document(STORY, url=123)
    with pytest.raises(InputError, match="lang must be a str or None"):
        clean(STORY, lang=["en"])


@pytest.mark.slow
def test_api_rules_dirs_accepts_one_path(tmp_path):
    (tmp_path / "p.yaml").write_text(
        "pack: p\nrules:\n  - id: p-zzz\n    category: ad\n    line: '^ZZZ PROMO$'\n"
        "    examples: {drop: ['ZZZ PROMO'], keep: ['zzz']}\n")
    text = STORY + "\nZZZ PROMO\n"
    assert "ZZZ PROMO" in clean(text)
    for one in (str(tmp_path), tmp_path):
        result = clean_document(text, rules_dirs=one)
        assert "ZZZ PROMO" not in result.text and "p-zzz" in {r.rule_id for r in result.removals}
    with pytest.raises(PackError, match=r"rules folder does not exist \(from rules_dirs\)"):
        clean(text, rules_dirs=str(tmp_path / "nope"))


# ---- messages ---------------------------------------------------------------------------------

@pytest.mark.slow
def test_missing_pack_names_the_right_source(tmp_path, monkeypatch):
    monkeypatch.delenv("CLEANER_RULES_PATH", raising=False)
    tested = run("rules", "test", "/nonexistent.yaml")
    assert tested.exit_code == 1
    assert tested.stderr.strip() == \
        "cleaner: /nonexistent.yaml: pack file does not exist (from the command line)"
    linted = run("rules", "lint", tmp_path / "none")
    assert "rules folder does not exist (from the command line)" in linted.stderr
    cleaned = run("clean", "--rules-dir", tmp_path / "none", input=STORY)
    assert cleaned.exit_code == 1 and "does not exist (from --rules-dir)" in cleaned.stderr
    monkeypatch.setenv("CLEANER_RULES_PATH", str(tmp_path / "env-none"))
    from_env = run("clean", input=STORY)
    assert "env-none: rules folder does not exist (from CLEANER_RULES_PATH)" in from_env.stderr


def test_help_summaries_are_whole():
    for args in ((), ("rules",)):
        shown = run(*args, "--help").stdout
        commands = shown.split("Commands:")[1]
        assert "..." not in commands, commands
    listing = run("rules", "list", "--help").stdout
    assert "--rules-dir PATH      A folder of extra rule packs" in listing
    assert "--format [text|json]  text:" in listing


# ---- bytes that are not UTF-8 -----------------------------------------------------------------

def test_latin1_bytes_are_detected_and_reported():
    raw = ("Die Regierung beschließt neue Regeln für Straßen und Brücken.\n\n"
           "Der Rat stimmte am Montag zu.\n").encode("latin-1")
    result = clean_document(raw)
    assert "beschließt" in result.text and "\ufffd" not in result.text
    assert result.encoding == "cp1252" and not result.warnings
    shown = run("clean", "--format", "json", input=raw)
    data = json.loads(shown.stdout)
    assert data["encoding"] == "cp1252" and "beschließt" in data["text"]
    assert run("clean", input=raw).stdout.startswith("Die Regierung beschließt")


@pytest.mark.parametrize("text, codec, expect", [
    ("Президент России заявил в среду, что реформа будет принята.", "cp1251", "cp1251"),
    ("Президент России заявил в среду, что реформа будет принята.", "koi8-r", "koi8-r"),
    ("L'été à Genève: les élèves ont été reçus à l'hôtel de ville.", "cp1252", "cp1252"),
    ("日本語のニュース記事です。東京で雨が降りました。", "cp932", "cp932"),
])
def test_legacy_encodings(text, codec, expect):
    result = clean_document((text + "\n").encode(codec), lang=None)
    assert result.text == text + "\n" and result.encoding == expect


def test_utf8_and_str_report_their_encoding():
    assert clean_document(STORY.encode()).encoding == "utf-8"
    assert clean_document(STORY.encode("utf-16")).encoding == "utf-16-le"  # the codec after the mark, as HTML names it
    assert clean_document(STORY).encoding is None


def test_html_encoding_declared_detected_or_distrusted():
    page = "<html><head>{}</head><body><p>Grüße aus Köln: die Straße ist gesperrt.</p></body></html>"
    declared = clean_document(page.format("<meta charset=iso-8859-2>").encode("iso8859-2"))
    assert "Grüße" in declared.text and declared.encoding == "iso8859-2"
    undeclared = clean_document(page.format("").encode("latin-1"))
    assert "Grüße" in undeclared.text and undeclared.encoding == "cp1252"
    # issue 16's rule stands: valid UTF-8 wins whatever the declaration says
    mislabelled = clean_document(page.format("<meta charset=windows-1251>").encode("utf-8"))
    assert "Grüße" in mislabelled.text and mislabelled.encoding == "utf-8"
    # a page that says UTF-8 but is not: read as what it is
    wrong = clean_document(page.format("<meta charset=utf-8>").encode("latin-1"))
    assert "Grüße" in wrong.text and wrong.encoding == "cp1252"


def test_no_text_codec_is_ever_chosen():
    # bytes that UTF-7 or a Python transform codec would "decode": read in a browser's encoding
    from cleaner.text.charset import decode_unknown
    from cleaner.html.decode import WHATWG

    allowed = {__import__("codecs").lookup(c).name for c in WHATWG.values()}
    for data in (b"+AGEAYgBj- \xff\xfe", b"\x80\x81\x82\x83 caf\xe9", bytes(range(128, 256))):
        assert decode_unknown(data).encoding in allowed


# ---- packs, and why they were chosen ----------------------------------------------------------

@pytest.mark.slow
def test_pack_chosen_by_a_signature_it_removed_is_reported(tmp_path):
    (tmp_path / "zz.yaml").write_text(
        "pack: zz.example\nmatch:\n  domains: [zz.example]\n"
        "  signatures: ['Published by ZZ Media Ltd']\nrules:\n"
        "  - id: zz-footer\n    category: footer\n    line: '^Published by ZZ Media Ltd'\n"
        "    examples: {drop: ['Published by ZZ Media Ltd, London'], keep: ['ZZ Media grew']}\n")
    text = STORY + "\nPublished by ZZ Media Ltd, London\n"
    result = clean_document(text, rules_dirs=tmp_path)
    assert "Published by" not in result.text and result.removals[-1].rule_id == "zz-footer"
    # the signature line went in the first round; the pack still ran, and says why
    assert "zz.example" in result.packs
    assert result.pack_reasons["zz.example"].startswith("signature")
    assert result.pack_reasons["generic"].startswith("always")
    assert result.pack_reasons["en"] == "the document's language, en"
    assert set(result.pack_reasons) == set(result.packs)
    by_url = clean_document(text, rules_dirs=tmp_path, url="https://www.zz.example/a")
    assert by_url.pack_reasons["zz.example"].startswith("domain: the url's host zz.example")
    shown = json.loads(run("clean", "--format", "json", "--rules-dir", tmp_path, input=text).stdout)
    # the report holds each reason's code, in the order of the packs
    reasons = dict(zip(shown["packs"], shown["pack_reasons"]))
    assert (reasons["zz.example"], reasons["generic"], reasons["en"]) == ("signature", "always", "language")
    assert by_url.report()["pack_reasons"][by_url.packs.index("zz.example")] == "domain"


# ---- several input files ----------------------------------------------------------------------

def _two_files(tmp_path):
    a, b = tmp_path / "in" / "a.txt", tmp_path / "in" / "b.html"
    a.parent.mkdir()
    a.write_text("First story title here\n\nAlpha text of the story, as written.\n")
    b.write_text("Second story title here\n\nBeta text of the story, as written.\n")
    return a, b


def test_several_files_never_run_together_on_stdout(tmp_path):
    a, b = _two_files(tmp_path)
    for jobs in ("1", "2"):
        result = run("clean", "--jobs", jobs, a, b)
        assert result.exit_code == 2 and result.stdout == ""
        assert "--out-dir DIR" in result.stderr and "--format json" in result.stderr
    assert run("clean", a).exit_code == 0  # one file: stdout, as always


@pytest.mark.slow
def test_out_dir_writes_one_file_per_input(tmp_path):
    a, b = _two_files(tmp_path)
    out = tmp_path / "out" / "deeper"
    for jobs in ("1", "2"):
        result = run("clean", "--jobs", jobs, "--out-dir", out, a, b)
        assert result.exit_code == 0 and result.stdout == ""
        assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt"]
        assert (out / "a.txt").read_text() == clean(a.read_text())
        assert (out / "b.txt").read_text() == clean(b.read_text())
    as_json = run("clean", "--format", "json", "--out-dir", out, a)
    assert json.loads((out / "a.json").read_text())["source"] == str(a)


def test_json_lines_carry_each_files_path(tmp_path):
    a, b = _two_files(tmp_path)
    result = run("clean", "--format", "json", a, b)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in rows] == [str(a), str(b)] and "Beta" in rows[1]["text"]


def test_out_dir_refuses_clashes_overwrites_and_stdin(tmp_path):
    a, b = _two_files(tmp_path)
    other = tmp_path / "other" / "a.txt"
    other.parent.mkdir()
    other.write_text("x\n")
    clash = run("clean", "--out-dir", tmp_path / "out", a, other)
    assert clash.exit_code == 2 and "would both be written to" in clash.stderr
    over = run("clean", "--out-dir", a.parent, a)
    assert over.exit_code == 2 and "over the input" in over.stderr
    assert a.read_text().startswith("First story")  # untouched
    assert run("clean", "--out-dir", tmp_path / "out", "-", input="x\n").exit_code == 2
    assert run("clean", "--jsonl", "--out-dir", tmp_path / "out", a).exit_code == 2
    blocked = tmp_path / "file"
    blocked.write_text("")
    cannot = run("clean", "--out-dir", blocked / "sub", a)
    assert cannot.exit_code == 1 and "cannot create the output folder" in cannot.stderr


# ---- rules test: samples complete, failures as a diff ---------------------------------------

ZZ_PACK = ("pack: zz.example\nmatch:\n  domains: [zz.example]\nrules:\n"
           "  - id: zz-footer\n    category: footer\n    line: '^Published by ZZ Media Ltd'\n"
           "    examples: {drop: ['Published by ZZ Media Ltd, London'], keep: ['ZZ Media grew']}\n")
ZZ_PAGE = (STORY + "\nAdvertisement\n\nPublished by ZZ Media Ltd, London\n\nPrinted from the ZZ archive\n"
           "\nShare this article\n")
ZZ_META = "url: https://zz.example/news/1\nlicence: MIT (written for this project)\n"


def _zz(tmp_path, expected: str | None, meta: str | None = ZZ_META):
    (tmp_path / "zz.example.yaml").write_text(ZZ_PACK)
    samples = tmp_path / "corpus_samples" / "zz.example"
    samples.mkdir(parents=True)
    (samples / "README.txt").write_text("not a sample\n")
    (samples / "one.txt").write_text(ZZ_PAGE)
    if expected is not None:
        (samples / "one.expected.txt").write_text(expected)
    if meta is not None:
        (samples / "one.meta.yaml").write_text(meta)
    return run("rules", "test", tmp_path / "zz.example.yaml")


@pytest.mark.slow
def test_rules_test_failure_is_a_diff_naming_rules(tmp_path):
    # expected: the advertisement label stays (wrong on purpose), the menu line goes
    want = STORY + "\nAdvertisement\n"
    result = _zz(tmp_path, want)
    assert result.exit_code == 1
    out = result.stdout
    assert "FAIL zz.example: corpus sample one.txt: output differs from one.expected.txt:" in out
    assert "--- one.expected.txt (expected)" in out and "+++ cleaned (actual)" in out
    assert re.search(r"^    @@ -\d+(,\d+)? \+\d+(,\d+)? @@", out, re.M)
    removed = next(l for l in out.splitlines() if l.startswith("    -Advertisement"))
    assert removed.endswith("# input line 5: removed by en-advertisement-label")
    kept = next(l for l in out.splitlines() if l.startswith("    +Printed from the ZZ archive"))
    assert kept.endswith("# input line 9: kept, no rule took it")
    assert "README" not in out and out.strip().endswith("2 passed, 1 failed")


@pytest.mark.slow
def test_rules_test_example_mapping_failure_is_a_diff(tmp_path):
    pack = tmp_path / "x.yaml"
    pack.write_text("pack: x\nrules:\n  - id: x-promo\n    category: ad\n    line: '^PROMO$'\n"
                    "    examples:\n      drop:\n        - text: \"Story one.\\nPROMO\\nStory two.\\n\"\n"
                    "          output: \"Story one.\\n\"\n      keep: ['fine']\n")
    out = run("rules", "test", pack).stdout
    assert "the output differs from the example's:" in out
    assert "+Story two." in out and "# input line 3: kept, no rule took it" in out


@pytest.mark.parametrize("expected, meta, says", [
    (None, ZZ_META, "no one.expected.txt beside it"),
    (STORY, None, "no one.meta.yaml beside it"),
    (STORY, "licence: MIT\n", "no url in one.meta.yaml"),
    (STORY, "url: null\nlicence: MIT\n", "a site pack's sample needs its page's address"),
    (STORY, "url: https://zz.example/1\n", "no licence in one.meta.yaml"),
    (STORY, "url: https://zz.example/1\nlicence: ''\n", "no licence in one.meta.yaml"),
    (STORY, "url: zz.example\nlicence: MIT\n", "is not a web address"),
    (STORY, "- a list\n", "is not a mapping"),
])
@pytest.mark.slow
def test_incomplete_sample_is_an_error(tmp_path, expected, meta, says):
    result = _zz(tmp_path, expected, meta)
    assert result.exit_code == 1 and "FAIL zz.example: corpus sample one.txt:" in result.stdout
    assert says in result.stdout and "1 failed" in result.stdout


def test_big_documents_read_line_by_line_fall_back_to_the_encoding_check(monkeypatch):
    import cleaner.text.decode as decode

    monkeypatch.setattr(decode, "LINE_BY_LINE_BYTES", 10)
    text = "Erste Zeile ohne Umlaut\nDie Straße wird gesperrt, sagt der Bürgermeister.\n"
    lines, decoded = decode.decoded_lines(text.encode("latin-1"))
    assert lines == text.split("\n") and decoded.encoding == "cp1252"
    lines, decoded = decode.decoded_lines(text.encode("utf-8"))
    assert lines == text.split("\n") and decoded.encoding == "utf-8"
    assert clean_document(text.encode("latin-1")).encoding == "cp1252"
