"""Code written out as text: how a line shows it is code or data, not prose or a menu.

One home for the marks the text steps read as code (review-s9 D6). They ask different things
of a line, so each is its own predicate:

- :func:`code_like`: a line written as a statement ("import x", "foo.bar(", "});"): the
  segmenter finds unfenced code blocks with it;
- :func:`statement_line`: a line that is code by itself (a whole listing printed on one
  line); :func:`comment_line`: a line opening with a comment's mark;
- :func:`code_marks`: a line carrying code's or a program output's marks (a quoted key, a
  comment's "#", an arrow): no menu's link label holds them;
- :func:`typed_at_prompt`: a command typed at a shell's or Python's prompt ("$ npm install",
  ">>> import json"): a documentation page's code, one command a line;
- :func:`ends_as_code`: a value that ends in a separator ('"email": "x",', "font-size: 1rem;"):
  code or data written out, no field of a list.

(The classifier's ``_NO_LABEL`` also refuses ";", "{", "}" and "=" in a link label, beside
figures, a field's colon and "@": one regex for every sign that a line is no menu entry.)
"""
from __future__ import annotations

import re

from . import ends_sentence

_CODE_START = re.compile(
    r"^\s*(import\s+[\w.{]|from\s+[\w.]+\s+import\b|def\s+\w+\s*\(|class\s+\w+[\s:({]|"
    r"function\b|const\s+[\w{\[]|let\s+\w|var\s+\w|return\b|public\s|private\s|package\s+\w|"
    r"#include\b|export\s|async\s|await\s|print\(|console\.|curl\s|npm\s|pip\s|git\s|"
    r"docker\s|\$\s+\w|</?[a-z][\w-]*[\s>/]|@\w+\(?|\w+(\.\w+)+\(|\w+\s*=\s*\S)")
_CODE_END = re.compile(r"[;{}\[\](,]\s*$|^\s*[})\]]+[;,)]*\s*$")
_STATEMENT_MARKS = re.compile(r"[(){}\[\];=<>]")
_END_MARKS = frozenset(";{}[](")  # the last characters of _CODE_END's first form but ","
_CLOSERS = re.compile(r"[})\]]+[;,)]*")  # _CODE_END's second form, on a stripped line


# A line of code's length at most: a longer line is a paragraph that happens to open like code
# ("Export controls ...") or end in a bracket.
CODE_LINE_CHARS = 200


def code_like(line: str) -> bool:
    """A line written as code: a statement's opening word or shape (``import x``, ``const
    a =``, ``foo.bar(``, ``<div>``) or a statement's end (``;``, a brace, an open bracket)."""
    s = line.strip()
    if not s or len(s) > CODE_LINE_CHARS:
        return False
    # _CODE_END and _STATEMENT_MARKS read off the last character (a search for "...\s*$" tries
    # every position): on a stripped line, _CODE_END's first form holds when it ends in one
    # of _END_MARKS (each a mark itself) or in "," (a mark needed elsewhere), its second when
    # the line is closing brackets alone (")" a mark). tests/test_segment.py holds it to them.
    last = s[-1]
    if last in _END_MARKS or (last == "," and _STATEMENT_MARKS.search(s)) or \
            (last == ")" and _CLOSERS.fullmatch(s)):
        return True
    return bool(_CODE_START.match(s))


# A statement's marks a line of code carries at least, beside its opening word, to read as code
# on its own: a whole listing an extractor printed on one line ("from x import Y class
# Z(Y): a = f(b)") has many.
STATEMENT_LINE_MARKS = 3
# A sentence that opens like code holds marks too, in its asides ("return to the homepage
# (free) [link]", "Kunde = König (sagt er) [Zitat]", "FY = 2024 (enacted) [table 3]"), and so
# does a product's spec line ("SKU = CDM / Color = Black / UPC = 820103873260"). What neither
# shows, and a line of code does: a statement's end or a block (";", a brace), a call or an
# index (a name and its bracket with no space between: "index()", "files['f']"), an
# assignment of a string or a collection ("= 'x'", "= [", "= ("), a setting or a comparison
# written without spaces ("HOST=10.0.0.11", "flask==1.0.3"), a command at a shell's prompt.
_CODE_MARK = re.compile(r"[;{}]|\w[(\[]|=\s*[\"'\[{(]|\w=[\w\"'$=]|^\$ [a-z]")
# a one-line listing may hold a page's whole example, ten of code_like's lines (CODE_LINE_CHARS);
# a longer line is refused unread
ONE_LINE_LISTING_CHARS = 2000


def statement_line(line: str) -> bool:
    """A line that is code by itself: a statement's opening word or shape (``from x import``,
    ``def f(``, ``const a =``), :data:`STATEMENT_LINE_MARKS` or more of a statement's marks
    (brackets, ``;``, ``=``, ``<>``), one of them a mark no sentence's aside shows
    (``_CODE_MARK``: ``;``, a brace, a call, an assignment of a string or a collection). Markup
    is not read so: a page dump's markup on a line of its own is mostly a leak (a comment
    form's "Allowed tags: <a href="" title="">", a consent form's ``<form class=...>``), not an
    example."""
    s = line.strip()
    return len(s) <= ONE_LINE_LISTING_CHARS and not s.startswith("<") \
        and _CODE_START.match(s) is not None \
        and len(_STATEMENT_MARKS.findall(s)) >= STATEMENT_LINE_MARKS \
        and _CODE_MARK.search(s) is not None


# a comment's mark opening a line of code ("# Find your Account SID ...", "// Or, for ESM")
_COMMENT = re.compile(r"^\s*(?://|/\*|#\s)")


def comment_line(line: str) -> bool:
    """``line`` opens with a comment's mark ("# ", "//", "/*"): a listing's comment, which
    :func:`code_like` does not read as a statement."""
    return _COMMENT.match(line) is not None


# A quoted key ('"city": null,'), a comment's "#" at the start ("# Stage the file"), an arrow
# or a tree's branch ("-->", "+-- SystemExit"): a code listing's or a program output's marks.
# (An underscore is no such mark: a menu's icon names read "arrow_drop_down", "navigate_next".)
# Markup written out is code too: a tag opening the line or an end tag ("<section>",
# "<h1>Sample flexbox example</h1>", "<br />"), as a web tutorial's example shows it; a menu's
# "< Back" and "<< Previous" hold no tag ("<Back" written without its space reads as one: less
# menu evidence, the safe side).
_OUTPUT_MARKS = re.compile(r'"|--|->|^\s*#|^\s*</?[A-Za-z][\w:-]*(?:[\s/>]|$)|</[A-Za-z][\w:-]*>')


def code_marks(text: str) -> bool:
    """``text`` carries code's or a program output's marks: a quote, "--", "->", a leading
    "#", or a tag."""
    return _OUTPUT_MARKS.search(text) is not None


# a shell's prompt and a command ("$ npm install"), Python's interactive prompt (">>> import
# json"); a price is a figure after its "$" ("$ 5 off"), a command a lowercase word
_PROMPT = re.compile(r"^\s*(\$ [a-z]|>>> )")


def typed_at_prompt(text: str) -> bool:
    """``text`` is a command typed at a shell's prompt or Python's."""
    return _PROMPT.match(text) is not None


# The button a documentation page prints above a code block ("Copy", "Copy code", "Copy to
# clipboard"), which a page dump leaves on its own line; "Copy link" is a share bar's.
_COPY_BUTTON = re.compile(r"^\s*(?:copy(?: code(?: block)?| to clipboard)?|copied!?)\s*$",
                          re.IGNORECASE)


def copied_lines(texts: list[str]) -> list[int]:
    """The positions of ``texts`` (a page's non-blank lines, in order) that stand right under
    a copy button (see ``_COPY_BUTTON``) and read as a command or a line of code: the first
    line of the code block the button copies ("pip install flask twilio", "git clone
    https://..."), which holds no prompt to tell it by and few function words. (Known limit:
    the button's words are English's; other languages' would belong in a word list per
    language, as text/navlabels.yaml holds a menu's.)"""
    return [k + 1 for k in range(len(texts) - 1)
            if _COPY_BUTTON.match(texts[k]) and _command_or_code(texts[k + 1])]


# a command as typed: a program's lowercase name, then its arguments ("pip install flask",
# "git clone https://...", "nvm use 20.2.0")
_COMMAND = re.compile(r"^\s*[a-z][a-z0-9._-]*\s+\S")


def _command_or_code(text: str) -> bool:
    """``text`` reads as a command or a line of code, not as a sentence: a discount code
    ("WELCOME10") or a citation ("Jayakody K, Gunadasa S. ...") under a shop's or a
    library's copy button reads as neither."""
    if ends_sentence(text) and not code_like(text):
        return False
    return _COMMAND.match(text) is not None or code_like(text) or code_marks(text)


# The separators code and data written out end a line with
_SEPARATOR_ENDS = (",", ";", "{", "[", "(")


def ends_as_code(value: str) -> bool:
    """``value`` ends in a separator, as a line of code or data does ('"email": "x",',
    "font-size: 0.8rem;", "config = {")."""
    return value.rstrip().endswith(_SEPARATOR_ENDS)
