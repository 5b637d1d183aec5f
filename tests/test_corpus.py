"""Every corpus sample comes out exactly as its .expected.txt, through every way in."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from cleaner import clean, clean_document
from cleaner.io.cli import main

from .conftest import CORPUS, expected_of, sample_meta, text_samples

SAMPLES = text_samples()
SEEDS = [p for p in sorted((CORPUS / "seeds").glob("*.txt")) if not p.name.endswith(".expected.txt")]


def _diff(got: str, want: str) -> str:
    extra = [l for l in got.splitlines() if l not in want.splitlines()]
    lost = [l for l in want.splitlines() if l not in got.splitlines()]
    return f"kept but should go: {extra[:3]}\nlost but should stay: {lost[:3]}"


def _expected(path):
    """A sample whose meta names a ``known_failure`` is a strict xfail: the expected output
    stays as the house style wants it, and the day the cleaner gets it right the test says so."""
    reason = sample_meta(path).get("known_failure")
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(path, marks=marks, id=path.stem)


@pytest.mark.parametrize("path", [_expected(p) for p in SAMPLES])
def test_sample_through_clean(path):
    meta = sample_meta(path)
    got = clean(path.read_bytes(), url=meta.get("url"))
    want = expected_of(path)
    assert got == want, _diff(got, want)


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_through_cli_file_and_stdin(path):
    runner = CliRunner()
    want = expected_of(path)
    by_file = runner.invoke(main, ["clean", str(path)])
    assert by_file.exit_code == 0, by_file.output
    assert by_file.stdout == want
    by_stdin = runner.invoke(main, ["clean"], input=path.read_bytes())
    assert by_stdin.exit_code == 0
    assert by_stdin.stdout == want


def test_seed_count():
    assert len(SEEDS) == 5


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_removals_account_for_every_line(path):
    """kept + removed = input: every non-blank input line is either in the output or in a removal."""
    text = path.read_text(encoding="utf-8")
    result = clean_document(text)
    removed = {n for r in result.removals if not r.trimmed for n in r.line_numbers}
    trimmed = {r.line_numbers[0] for r in result.removals if r.trimmed}
    kept = result.text.splitlines()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        assert (number in removed) != (line in kept or number in trimmed), (number, line)


@pytest.mark.slow
def test_every_sample_is_complete():
    """Issue 19: a sample without its .expected.txt was skipped silently, and a .meta.yaml
    without url or licence passed. Every sample (NAME.txt or NAME.html) has both files, the
    meta a url (null only for a text with no page, and never in a site pack's folder) and a
    licence."""
    from cleaner.engine.packs import get_packset
    from cleaner.authoring.ruletest import sample_files, sample_problems

    sites = {p.name for p in get_packset().packs if p.kind == "site"}
    problems = []
    folders = [CORPUS, *sorted(p for p in CORPUS.rglob("*") if p.is_dir())]
    for folder in folders:
        for path in sample_files(folder):
            for problem in sample_problems(path, site=folder.name in sites):
                problems.append(f"{path.relative_to(CORPUS)}: {problem}")
    assert not problems, "\n".join(problems)
    assert len(SAMPLES) >= 90  # the samples are found at all
