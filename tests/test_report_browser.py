"""Both reports in a real browser: headless Chromium (Debian's ``chromium`` package) renders
them (a text, a page, a corpus), the DOM it built shows every removal of the JSON result
with its rule id, and it takes a screenshot of each. With ``CLEANER_SCREENSHOTS=1`` the
screenshots replace those in docs/ that the README shows (``CLEANER_SCREENSHOTS=1 make test``
after a change to the report's look); otherwise they go to the test's temporary folder, so a
test run leaves the checkout as it was.

.ci/run installs chromium when it is missing; elsewhere these tests are skipped without it.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.io.cli import main
from cleaner.report.corpus import SAMPLES

from .conftest import CORPUS
from .report_checks import check_removals, parse

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def shot(name: str, tmp_path: Path) -> Path:
    """Where a screenshot goes: docs/ when asked for (CLEANER_SCREENSHOTS), else tmp_path."""
    return (DOCS if os.environ.get("CLEANER_SCREENSHOTS") else tmp_path) / name
STORY = CORPUS / "seeds" / "001_221361826b34e8bf.txt"
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")

# Added to a copy of the page only (the report has no script): move the keyboard focus to the
# first removed line, and note what the browser then shows of its rule's description.
FOCUS = """<script>
const line = document.querySelector("li.gone");
line.focus();
document.body.dataset.focused = document.activeElement.id;
document.body.dataset.desc = getComputedStyle(line.querySelector(".desc")).display;
</script>"""


@pytest.fixture(scope="module")
def browser() -> str:
    if BROWSER is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run installs it (apt-get install chromium)")
        pytest.skip("no chromium here: `apt-get install chromium` as root (CI installs it)")
    return BROWSER


def render(browser: str, page: Path, screenshot: Path, tmp_path: Path,
           size: str = "1200,1500") -> str:
    """Load ``page`` in headless Chromium: its DOM as the browser built it, and a screenshot."""
    command = [browser, "--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage",
               "--no-first-run", "--disable-extensions", "--hide-scrollbars",
               f"--user-data-dir={tmp_path / 'profile'}", f"--window-size={size}",
               f"--screenshot={screenshot}", "--dump-dom", page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert screenshot.stat().st_size > 10_000
    return done.stdout


@pytest.mark.slow
def test_document_report_in_a_browser(browser, tmp_path, monkeypatch):
    out = tmp_path / "report.html"
    monkeypatch.chdir(ROOT)  # the page names the file as given: the same in every checkout
    got = CliRunner().invoke(main, ["clean", "--format", "json", "--report", str(out),
                                    str(STORY.relative_to(ROOT))])
    assert got.exit_code == 0, got.stderr
    result = json.loads(got.stdout)
    focused = tmp_path / "focused.html"
    focused.write_text(out.read_text(encoding="utf-8").replace("</body>", FOCUS + "</body>"),
                       encoding="utf-8")
    shot("x", tmp_path).parent.mkdir(exist_ok=True)
    dom = parse(render(browser, focused, shot("report-document.png", tmp_path), tmp_path))
    assert check_removals(dom, result, STORY.read_text(encoding="utf-8")) == \
        sum(len(lines) for lines in result["removals"]["lines"])
    body = dom.find_all("body")[0]
    assert body.attrs["data-focused"].startswith("L")  # a removed line takes the focus
    assert body.attrs["data-desc"] == "block"  # and then shows its rule's description


@pytest.mark.slow
def test_page_report_in_a_browser(browser, tmp_path, monkeypatch):
    page = CORPUS / "html" / "dragnet-29.html"
    out = tmp_path / "report.html"
    monkeypatch.chdir(ROOT)
    got = CliRunner().invoke(main, ["clean", "--format", "json", "--report", str(out),
                                    str(page.relative_to(ROOT))])
    assert got.exit_code == 0, got.stderr
    result = json.loads(got.stdout)
    dom = parse(render(browser, out, shot("report-page.png", tmp_path), tmp_path))
    check_removals(dom, result, page.read_bytes())
    left = [s for s in dom.find_all("section") if s.attrs.get("aria-labelledby") == "s-left"][0]
    shown = [(li.attrs["data-rule"], li.find_all("del")[0].text()) for li in left.find_all("li")]
    assert shown == [(d["rule_id"], "\n".join(d["lines"])) for d in result["html"]["dropped"]]
    reader = [s for s in dom.find_all("section") if s.attrs.get("aria-labelledby") == "s-reader"][0]
    assert result["html"]["container"] in reader.text()
    for rule_id, _ in result["html"]["selector_hits"]:
        assert rule_id in reader.find_all("table")[0].text()


@pytest.mark.slow
def test_document_report_prints(browser, tmp_path):
    out = tmp_path / "report.html"
    assert CliRunner().invoke(main, ["clean", "--report", str(out), str(STORY)]).exit_code == 0
    pdf = tmp_path / "report.pdf"
    done = subprocess.run([browser, "--headless", "--disable-gpu", "--no-sandbox",
                           "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}",
                           "--no-pdf-header-footer", f"--print-to-pdf={pdf}", out.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


@pytest.mark.slow
def test_corpus_report_in_a_browser(browser, tmp_path, monkeypatch):
    samples = [p for pattern in ("seeds/*.txt", "tricky/en-*.txt", "*.de/*.txt", "html/*.html")
               for p in sorted(CORPUS.glob(pattern)) if not p.name.endswith(".expected.txt")]
    monkeypatch.chdir(tmp_path)  # records are named crawl.jsonl:N, wherever the test runs
    crawl = Path("crawl.jsonl")
    crawl.write_text("".join(json.dumps({"id": p.name, "text": p.read_text(encoding="utf-8")}) + "\n"
                             for p in samples), encoding="utf-8")
    out = tmp_path / "summary.html"
    got = CliRunner().invoke(main, ["clean", "--jsonl", "--explain", "--report", str(out), "crawl.jsonl"])
    assert got.exit_code == 0, got.stderr
    records = [json.loads(line)["cleaner"] for line in got.stdout.splitlines()]
    dom = parse(render(browser, out, shot("report-corpus.png", tmp_path), tmp_path, size="1200,2000"))
    ranking = [s for s in dom.find_all("section") if s.attrs.get("aria-labelledby") == "s-rules"][0]
    ranked = {row.find_all("code")[0].text() for row in ranking.find_all("tr", cls="rule")}
    rule_ids = {r for rec in records for r in [*rec["removals"]["rule_id"], *(rec["dropped"] or {}).get("rule_id", [])]}
    assert rule_ids and ranked == rule_ids
    for rule_id in rule_ids:  # each with its examples, linked to documents named on the page
        row = dom.find_all(id=f"rule-{rule_id}")[0]
        assert row.find_all("code")[0].text() == rule_id
        examples = row.parent.children[row.parent.children.index(row) + 1]
        assert 1 <= len(examples.find_all("li")) <= SAMPLES
        for link in examples.find_all("a"):
            assert dom.find_all(id=link.attrs["href"][1:])
