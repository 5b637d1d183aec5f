"""cleaner clean --report: the HTML report of one document and of a corpus, read back as HTML.

(The same pages rendered by a real browser: tests/test_report_browser.py.)"""
from __future__ import annotations

import json

import pytest

from cleaner.report import CorpusReport, RecordSummary
from cleaner.report.corpus import LISTED, SAMPLES, RuleCount
from cleaner.report_schema import rows as entries
from cleaner.text import words

from .conftest import CORPUS, EXAMPLE_PACK, PROMO_STORY, run_cli
from .report_checks import broken_links, check_removals, external_references, line_items, parse

STORY = CORPUS / "seeds" / "001_221361826b34e8bf.txt"

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Storm hits the coast | Example News</title>
<link rel="canonical" href="https://news.example.com/storm"></head><body>
<header class="site-header"><a href="/">Example News</a> <a href="/subscribe">Subscribe</a></header>
<div class="site-cookie-banner"><p>This site uses cookies to improve your experience. Accept</p></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div hidden><p>A hidden promotion nobody sees.</p></div>
<article><h1>Storm hits the coast</h1>
<p>The storm reached the coast on Monday night, and officials said that the damage was the
worst that the region had seen in a decade of storms.</p>
<p>Advertisement</p>
<p>Thousands of homes lost power, and the emergency services said they had rescued dozens of
people from flooded streets before dawn on Tuesday.</p>
<p>The mayor said that the city would ask the national government for help with the repairs,
which could take months to finish.</p>
</article>
<footer><p>© 2024 Example Media. All rights reserved.</p></footer>
</body></html>
"""


run = run_cli  # the shared in-process runner (conftest)


def report_of(tmp_path, *args, input=None):
    """(the JSON result, the report page) of one run with --format json --report."""
    out = tmp_path / "report.html"
    got = run("clean", "--format", "json", "--report", str(out), *args, input=input)
    assert got.exit_code == 0, got.output + got.stderr
    return json.loads(got.stdout), out.read_text(encoding="utf-8")


def test_document_report_marks_every_removal_with_its_rule(tmp_path):
    result, page = report_of(tmp_path, str(STORY))
    # (the JSON's removals are one entry per rule since the report schema: count their lines)
    assert sum(result["removals"]["count"]) > 10
    assert any(result["removals"]["trimmed"])
    root = parse(page)
    checked = check_removals(root, result, STORY.read_text(encoding="utf-8"))
    assert checked == sum(len(lines) for lines in result["removals"]["lines"])
    # kept lines as written, every one of them
    kept = [n for n in line_items(root).values() if "kept" in n.classes()]
    text = STORY.read_text(encoding="utf-8").split("\n")
    for item in kept:
        number = int(item.attrs["id"][1:])
        assert item.find_all("span", cls="txt")[0].text() == text[number - 1]
    assert len(line_items(root)) == len(text) - (text[-1] == "")


def test_document_report_gives_counts_language_packs_and_warnings(tmp_path):
    result, page = report_of(tmp_path, str(STORY))
    root = parse(page)
    summary = root.find_all("section")[0].text()
    assert "en (detected from stopwords)" in summary
    for pack in result["packs"]:
        assert f"{pack} (" in summary
    assert "always in force (generic)" in summary and "the document's language, en" in summary
    # per-category counts: one row per category, its lines as the JSON has them
    rows = {}
    for row in root.find_all("tbody")[0].find_all("tr"):
        cells = [c.text() for c in row.children if not isinstance(c, str)]
        rows[cells[0]] = int(cells[1].replace(",", ""))
    by_category: dict = {}
    for r in entries(result["removals"]):
        by_category[r["category"]] = by_category.get(r["category"], 0) + len(r["lines"])
    assert rows == by_category
    assert "Warnings (0)" in page


@pytest.mark.slow
def test_document_report_lists_every_warning(tmp_path):
    # a pack whose one rule takes every line: the document is emptied, with a warning
    pack = tmp_path / "packs"
    pack.mkdir()
    (pack / "all.yaml").write_text(
        "pack: everything\nrules:\n  - id: every-line\n    category: ad\n"
        "    description: Takes every line, for the test.\n    line: '^The council met.*$'\n"
        "    evidence: true\n    max_words: 1000\n    examples:\n"
        "      drop: ['The council met on Monday.']\n      keep: ['The mayor spoke.']\n",
        encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("\n\n".join(["The council met on Monday and agreed to the budget for the "
                                  "schools, the roads and the parks of the city."] * 5),
                     encoding="utf-8")
    result, page = report_of(tmp_path, "--rules-dir", str(pack), str(story))
    assert result["warnings"]
    root = parse(page)
    shown = [n.text() for n in root.find_all("li", cls="warn")]
    assert shown == result["warnings"]
    assert f"Warnings ({len(result['warnings'])})" in page
    assert "Takes every line, for the test." in page  # the rule's description


def test_report_is_self_contained_and_accessible(tmp_path):
    _, page = report_of(tmp_path, str(STORY))
    assert external_references(page) == []
    assert "<script" not in page and "@media print" in page
    root = parse(page)
    gone = root.find_all("li", cls="gone")
    assert gone and all(n.find_all("del") for n in gone)  # real <del>, not colour alone
    for item in gone:
        label = item.find_all("span", cls="cat")[0]
        assert label.text() == item.attrs["data-category"]  # the category by name
        desc = item.find_all("span", cls="desc")
        assert desc and desc[0].text().startswith(item.attrs["data-rule"] + ": ")
    assert root.find_all("html")[0].attrs.get("lang") == "en"
    assert root.find_all("nav") and broken_links(root) == []


def test_page_report_shows_the_readers_choice_and_selector_removals(tmp_path):
    result, page = report_of(tmp_path, "--html", "-", input=PAGE)
    root = parse(page)
    check_removals(root, result, PAGE)
    reader = next(s for s in root.find_all("section") if "What the HTML reader did" in s.text())
    assert "Main content" in reader.text() and result["html"]["container"] in reader.text()
    hits = dict(result["html"]["selector_hits"])
    assert {"html-consent", "html-nav", "html-footer"} <= set(hits)
    table = reader.find_all("table")[0].text()
    for rule_id in hits:
        assert rule_id in table
    left = next(s for s in root.find_all("section") if s.attrs.get("aria-labelledby") == "s-left")
    dropped = left.find_all("ul", cls="dropped")[0].find_all("li")
    assert [(n.attrs["data-rule"], n.find_all("del")[0].text()) for n in dropped] == \
        [(d["rule_id"], "\n".join(d["lines"])) for d in result["html"]["dropped"]]
    assert "html-hidden" in {d["rule_id"] for d in result["html"]["dropped"]}
    for item in dropped:  # keyboard: each focusable, described by its rule's description
        assert item.attrs["tabindex"] == "0"
        assert root.find_all(id=item.attrs["aria-describedby"])
    assert broken_links(root) == []
    assert "domain: news.example.com" not in page  # no site pack for it; generic ones listed
    assert "always in force (generic)" in page


def test_explain_lists_the_readers_choice_and_selector_removals():
    got = run("clean", "--explain", "--html", "-", input=PAGE)
    assert got.exit_code == 0
    err = got.stderr
    assert "<stdin>: html: main content: " in err
    assert "<stdin>: html: dropped by html-consent [cookie]: 'This site uses cookies" in err
    assert "<stdin>: html: dropped by html-nav [nav]: 'Home World'" in err
    assert "<stdin>: html: dropped by html-footer [footer]: " in err


def _records(tmp_path, texts):
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)),
                    encoding="utf-8")
    return path


def test_corpus_report_totals_match_the_records(tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "seeds").glob("*.txt"))
             if not p.name.endswith(".expected.txt")][:8]
    crawl = _records(tmp_path, texts)
    out = tmp_path / "summary.html"
    got = run("clean", "--jsonl", "--explain", "--report", str(out), str(crawl))
    assert got.exit_code == 0, got.stderr
    per_rule: dict = {}
    for line in got.stdout.splitlines():
        for r in entries(json.loads(line)["cleaner"]["removals"]):
            row = per_rule.setdefault(r["rule_id"], [0, 0, 0])
            row[0] += 0 if r["trimmed"] else len(r["lines"])
            row[1] += sum(len(words(x)) for x in r["lines"])
    page = out.read_text(encoding="utf-8")
    assert external_references(page) == []
    root = parse(page)
    ranking = next(s for s in root.find_all("section") if s.attrs.get("aria-labelledby") == "s-rules")
    shown = {}
    for row in ranking.find_all("tr", cls="rule"):
        cells = [c.text() for c in row.children if not isinstance(c, str)]
        shown[cells[1]] = [int(cells[5].replace(",", "")), int(cells[6].replace(",", ""))]
    assert shown == {rule: row[:2] for rule, row in per_rule.items()}
    words_shown = [v[1] for v in shown.values()]
    assert words_shown == sorted(words_shown, reverse=True)  # ranked by words removed
    # each rule's examples: a few, each linking to a document named on the page
    for rule in per_rule:
        row = root.find_all(id=f"rule-{rule}")[0]
        assert row.find_all("code")[0].text() == rule
        examples = row.parent.children[row.parent.children.index(row) + 1].find_all("li")
        assert 1 <= len(examples) <= SAMPLES
        for example in examples:
            href = example.find_all("a")[0].attrs["href"]
            assert root.find_all(id=href[1:]), href
            assert example.find_all("del")
    assert f"{crawl}:1" in page  # records named by file and line
    assert broken_links(root) == []


@pytest.mark.slow
def test_corpus_report_is_the_same_for_any_number_of_jobs(tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "seeds").glob("*.txt"))
             if not p.name.endswith(".expected.txt")][:12] * 3
    crawl = _records(tmp_path, texts)
    pages = []
    for jobs in ("1", "2"):
        out = tmp_path / f"summary{jobs}.html"
        got = run("clean", "--jsonl", "--jobs", jobs, "--report", str(out), str(crawl))
        assert got.exit_code == 0, got.stderr
        pages.append(out.read_text(encoding="utf-8"))
    assert pages[0] == pages[1]


def test_several_files_make_a_corpus_report(tmp_path):
    out = tmp_path / "summary.html"
    files = [str(p) for p in sorted((CORPUS / "seeds").glob("00[0-3]_*.txt"))
             if not p.name.endswith(".expected.txt")]
    # several files' texts need --out-dir (they would run together on stdout)
    got = run("clean", "--report", str(out), "--out-dir", str(tmp_path / "clean"), *files)
    assert got.exit_code == 0, got.stderr
    page = out.read_text(encoding="utf-8")
    assert "Corpus cleaning report" in page and "<dd>4</dd>" in page
    assert files[0] in page


def test_corpus_report_memory_is_bounded():
    """However many documents: SAMPLES examples per rule, LISTED documents per list."""
    report = CorpusReport()
    for i in range(5000):
        report.add("crawl.jsonl", i + 1, RecordSummary(
            rules=(RuleCount("ad-label", "ad", "en", 1, 1, f"Advertisement {i}", 3),),
            words_in=100, words_removed=1, lines_removed=1,
            warnings=("rules would have removed every line (…) (emptied-document guard)",),
            emptied=True, language="en"))
    assert len(report.rules["ad-label"].samples) == SAMPLES
    assert len(report.guarded) == len(report.emptied) == LISTED
    assert report.guarded_total == report.emptied_total == 5000
    assert report.rules["ad-label"].documents == 5000
    # the sample is drawn from the whole run, not its first documents
    assert max(doc.record for _, _, doc in report.rules["ad-label"].samples) > 1000
    page = report.render()
    assert f"The first {LISTED} of 5,000 are listed." in page
    assert broken_links(parse(page)) == []


@pytest.mark.parametrize("where, message", [
    ("missing/report.html", "no folder"),
    (".", "is a directory"),
])
def test_report_path_that_cannot_be_written_is_refused_before_cleaning(tmp_path, where, message):
    got = run("clean", "--report", str(tmp_path / where), str(STORY))
    assert got.exit_code == 2
    assert message in got.stderr and "--report" in got.stderr
    assert got.stdout == ""



def test_a_lone_surrogate_is_written_as_a_replacement_character(tmp_path):
    """A JSON record may hold "\\ud800", which has no UTF-8: the report shows U+FFFD."""
    from cleaner.report import write_report

    report = CorpusReport()
    report.add("crawl.jsonl", 1, RecordSummary(
        rules=(RuleCount("ad-label", "ad", "en", 1, 1, "Advertisement \ud800", 3),),
        words_in=10, words_removed=1, lines_removed=1, warnings=(), emptied=False, language="en"))
    out = tmp_path / "summary.html"
    write_report(str(out), report.render())
    assert "<del>Advertisement \ufffd</del>" in out.read_text(encoding="utf-8")


@pytest.mark.slow
def test_packs_say_how_they_were_chosen(tmp_path):
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "example.org.yaml").write_text(EXAMPLE_PACK, encoding="utf-8")
    result, page = report_of(tmp_path, "--rules-dir", str(packs), "--url",
                             "https://www.example.org/a", "-", input=PROMO_STORY)
    assert "example.org" in result["packs"]
    assert "<b>example.org</b> <span class=\"muted\">(site)</span>: domain: example.org" in page
    # a shipped site pack found by its signature, with no url given (listed even when the
    # result's packs miss it: the signature's line went in an earlier round)
    story = next((CORPUS / "badische-zeitung.de").glob("*.txt"))
    result, page = report_of(tmp_path, str(story))
    assert "badische-zeitung.de" in result["removals"]["pack"]
    assert "<b>badische-zeitung.de</b> <span class=\"muted\">(site)</span>: signature" in page
