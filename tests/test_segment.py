"""Sentence ends, read off a line's last characters, agree with their regex definitions."""
import pytest
import re

from hypothesis import given, settings, strategies as st

from cleaner.text import ends_sentence, ends_with_ellipsis

# The definitions the string functions replace (a regex search tries every position of a line).
TERMINAL = re.compile(r"[.!?。！？»”\"')\]]\s*$")
ELLIPSIS = re.compile(r"(\.\.\.|…)\s*[\]\)]?\s*$")

PIECES = st.sampled_from(list("ab .!?。！？»”\"')](…\n\t\u00a0\u2003") + ["...", "\r\n", "Done."])


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.lists(PIECES, max_size=10).map("".join))
def test_agrees_with_the_regex_definitions(text):
    assert ends_sentence(text) == (bool(TERMINAL.search(text)) and not ELLIPSIS.search(text))
    assert ends_with_ellipsis(text) == bool(ELLIPSIS.search(text))


def test_examples():
    assert ends_sentence("Officials declined to comment.")
    assert ends_sentence('He said "no."  ')
    assert ends_sentence("(See the report.)")
    assert not ends_sentence("Read more...")
    assert not ends_sentence("and then (…)")
    assert not ends_sentence("Home | News")
    assert not ends_sentence("")
    assert ends_with_ellipsis("To be continued… ")


def test_fenced_lines_are_the_code_blocks_with_their_fences():
    from cleaner.text.segment import fenced_lines

    lines = ["Intro", "```", "pip install x", "```", "Text", "~~~python", "print(1)", "~~~",
             "```", "never closed"]
    assert fenced_lines(lines) == frozenset({1, 2, 3, 5, 6, 7})


def test_unfenced_code_after_a_lead_in_is_found_with_its_lead_in():
    from cleaner.text.segment import unfenced_code
    lines = [
        "Once you have finished work on a branch, you merge it back:",
        "git checkout main",
        "git merge feature-login",
        "git branch -d feature-login",
        "That is all there is to it.",
    ]
    assert unfenced_code(lines) == frozenset(range(4))


def test_a_script_leaked_after_a_menu_is_not_taken_for_code():
    from cleaner.text.segment import unfenced_code
    lines = ["Home", "News", "Sport", "var _gaq = _gaq || [];",
             "_gaq.push(['_setAccount', 'UA-1234-1']);", "_gaq.push(['_trackPageview']);",
             "The council approved the budget on Monday."]
    assert unfenced_code(lines) == frozenset()


def test_two_code_like_lines_are_not_a_block():
    from cleaner.text.segment import unfenced_code
    assert unfenced_code(["Key figures:", "Revenue = £612m;", "Staff = 4,100;",
                          "The rest of the story."]) == frozenset()


def test_code_between_two_paragraphs_of_prose_is_found_without_a_colon():
    from cleaner.text.segment import unfenced_code
    lines = [
        "Once you have finished work on a branch, you merge it back into the main line of work.",
        "git checkout main",
        "git merge feature-login",
        "git branch -d feature-login",
        "After that the branch is gone, and its commits live on in the history of the main branch.",
    ]
    assert unfenced_code(lines) == frozenset(range(4))
    # a sentence above a leaked script at the page's foot is no explanation of it
    assert unfenced_code(lines[:4]) == frozenset()


# code_like's end test, as the regexes it reads off the last character (a "...\s*$" search
# tries every position of the line).
CODE_PIECES = st.sampled_from(list("ab1 .=<>;{}[](),\t\u00a0\u2028\x0b\n") + ["})", "]);", "x = 1"])


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(st.lists(CODE_PIECES, max_size=10).map("".join))
def test_code_like_agrees_with_its_regex_definitions(text):
    from cleaner.text.code import _CODE_END, _STATEMENT_MARKS, _CODE_START, code_like
    s = text.strip()
    want = bool(s) and len(s) <= 200 and (
        bool(_CODE_END.search(s) and _STATEMENT_MARKS.search(s)) or bool(_CODE_START.match(s)))
    assert code_like(text) == want


def test_code_like_reads_a_statement_end_and_not_a_bracketed_aside():
    from cleaner.text.code import code_like
    assert code_like("foo(bar);") and code_like("});") and code_like(")") and code_like("x = [1,")
    assert not code_like("(What most people do)") and not code_like("Apples, pears,")
    assert not code_like("Comments (3)")


def test_unfenced_code_needs_two_code_like_lines_at_least():
    # a block holds at least half code-like lines: a text with one has none (settled at once)
    from cleaner.text.segment import unfenced_code
    assert unfenced_code(["Paste this in:", "npm install left-pad", "and you are done."]) == frozenset()
    assert unfenced_code(["Paste this in:", "npm install left-pad", "npm test",
                          "npm run build", "and you are done."]) == frozenset(range(4))
    assert unfenced_code(["Paste this in:", "npm install left-pad"], min_lines=1) == frozenset({0, 1})
