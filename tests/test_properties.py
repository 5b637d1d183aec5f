"""Invariants over generated documents and the real samples (hypothesis).

- output lines are input lines, in order (trimmed lines only lose a span);
- the removals account for every input line: kept + removed = input;
- cleaning is idempotent; output is deterministic, across processes too;
- the over-removal guard keeps prose that rules would have emptied.
"""
from __future__ import annotations

import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import clean, clean_document
from cleaner.decode import to_text

from .conftest import text_samples

PROSE = [
    "The council approved the new budget on Monday after a long debate about schools.",
    "Officials said the bridge would reopen next week, once the repairs were finished.",
    "It was the third time this year that the river had burst its banks, residents said.",
    "The company said its profits had fallen, and that it would cut hundreds of jobs.",
]
FURNITURE = ["Advertisement", "Share this article", "Related Articles:", "Subscribe", "Home | News | Sport",
             "© 2024 Example Media", "4 hours ago", "Tags: politics, budget", "Read more: Budget fight", "X",
             "We use cookies to personalise content and ads; by clicking accept you consent to our partners."]
line = st.one_of(st.sampled_from(PROSE + FURNITURE), st.text(max_size=60), st.just(""))
documents = st.lists(line, max_size=30).map("\n".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_invariants(text: str) -> None:
    result = clean_document(text, html=False)
    lines = to_text(text).split("\n")  # the decoded input (NULs dropped, newlines normalised)
    removed = {n for r in result.removals if not r.trimmed for n in r.line_numbers}
    trimmed = {r.line_numbers[0] for r in result.removals if r.trimmed}
    out = result.text.split("\n")[:-1] if result.text else []
    # output lines are the input's surviving lines, in order, blank runs folded to one
    expected = []
    for number, l in enumerate(lines, start=1):
        if number in removed:
            continue
        if not l.strip():
            if expected and expected[-1] != "":
                expected.append("")
            continue
        expected.append(l)
    while expected and expected[-1] == "":
        expected.pop()
    if trimmed:
        assert len(out) == len(expected)
        for got, want in zip(out, expected):
            assert got == want or got in want  # a trim only cuts a span
    else:
        assert out == expected
    # every non-blank input line is kept or accounted for by exactly one removal
    counted = [n for r in result.removals if not r.trimmed for n in r.line_numbers]
    assert len(counted) == len(set(counted))
    assert all(lines[n - 1].strip() for n in counted)
    # idempotent
    assert clean(result.text, html=False) == result.text


@SETTINGS
@given(documents)
def test_invariants_on_generated_documents(text):
    check_invariants(text)


@SETTINGS
@given(st.lists(st.sampled_from(PROSE + FURNITURE), min_size=1, max_size=40).map("\n\n".join))
def test_invariants_on_article_like_documents(text):
    check_invariants(text)


def test_invariants_on_real_samples():
    for path in text_samples():
        check_invariants(path.read_text(encoding="utf-8"))


def test_deterministic_across_processes():
    sample = text_samples()[0]
    code = ("import sys, cleaner; sys.stdout.write(repr(cleaner.clean_document("
            "open(sys.argv[1], 'rb').read()).to_dict()))")
    runs = {subprocess.run([sys.executable, "-c", code, str(sample)], capture_output=True,
                           text=True, check=True).stdout for _ in range(2)}
    assert len(runs) == 1
    # a mixed-language text, where langdetect decides, also gives one answer every time
    mixed = "Ceci est un texte court. Dies ist ein kurzer Text. " * 3
    assert len({clean_document(mixed).language for _ in range(5)}) == 1


def test_over_removal_guard_keeps_prose(tmp_path):
    pack = tmp_path / "greedy.yaml"
    pack.write_text("pack: greedy\nrules:\n  - id: greedy-everything\n    category: ad\n"
                    "    line: '\\w'\n    examples: {drop: [a], keep: ['---']}\n")
    story = "\n\n".join(PROSE * 3)
    result = clean_document(story, rules_dirs=[tmp_path])
    assert any("over-removal guard" in w for w in result.warnings)
    assert PROSE[0] in result.text


def test_a_document_that_loses_every_line_says_so():
    footer = "\n".join(f"© {2000 + i} Example Media Group. All rights reserved." for i in range(10))
    result = clean_document(footer)
    assert result.text == ""
    assert any(w.startswith("every line was removed (70 words; mostly by copyright-line)")
               for w in result.warnings)
    short = clean_document("© 2024 Example Media Group. All rights reserved.")
    assert short.text == "" and not short.warnings  # a lone footer line is no surprise
