"""text/code.py: the marks that show a line is code or data (one home, used by the segmenter,
the classifier's link labels and the field parser)."""
from cleaner.engine.kinds.classify import link_label
from cleaner.text.code import code_like, code_marks, copied_lines, ends_as_code, typed_at_prompt
from cleaner.text.segment import unfenced_code
from cleaner.text.shape import field_line


def test_code_marks_are_a_quote_an_arrow_a_dash_pair_or_a_leading_hash():
    for text in ('"city": null,', "# Stage the file", "a --> b", "+-- SystemExit", "x -> y"):
        assert code_marks(text), text
    for text in ("World news", "arrow_drop_down", "Contact us", "Price: 4 - 6 euros",
                 "Issue #4 of the magazine"):
        assert not code_marks(text), text


def test_a_line_with_code_marks_is_no_link_label():
    assert link_label("Stage the file") and not link_label("# Stage the file")
    assert link_label("Errors") and not link_label("+-- Errors")


def test_a_value_ending_in_a_separator_is_code_and_no_field():
    assert ends_as_code('"https://example.org",') and ends_as_code("font-size: 0.8rem;  ")
    assert not ends_as_code("Rosewood and maple") and not ends_as_code("a list (see below)")
    assert field_line("Fingerboard: rosewood with maple inlays")
    assert not field_line("font-size: 0.8rem and more;")


def test_code_like_lines_make_the_segmenter_s_unfenced_blocks():
    lines = ["Paste the following code:", "import os", "x = os.getcwd()", "print(x)",
             "That prints the folder."]
    assert all(code_like(line) for line in lines[1:4])
    assert unfenced_code(lines) == frozenset(range(0, 4))


def test_a_command_at_a_prompt_is_typed_at_a_prompt_and_a_price_is_not():
    for text in ("$ pip install flower", "  $ celery -A proj flower", ">>> import json"):
        assert typed_at_prompt(text), text
    for text in ("$ 5 off your first order", "$5 a month", "Price: $ 12", "> quoted reply"):
        assert not typed_at_prompt(text), text


def test_a_command_under_a_copy_button_is_code_and_a_discount_code_or_a_citation_is_not():
    # A documentation page prints "Copy" (or "Copy code", "Copy to clipboard") above each
    # code block; the block's first line holds no prompt to tell it by ("pip install flask
    # twilio", "git clone https://..."). A shop's discount code and a library's citation
    # have copy buttons too, and read as neither a command nor code.
    lines = ["Install the helper library:", "Copy code block", "pip install flask twilio",
             "Then clone the guide:", "Copy", "git clone https://example.org/guide.git",
             "Use this code at checkout:", "COPY", "WELCOME10",
             "Cite this article:", "Copy", "Jayakody K, Gunadasa S. Exercise for anxiety. Br J Sports Med.",
             "Copy to clipboard", "const client = new Client(token);",
             "Share:", "Copy link", "https://example.org/story/123",
             "Copy", "Copy"]
    assert copied_lines(lines) == [2, 5, 13]
