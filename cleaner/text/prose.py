"""What reads as prose: the one place that says what a sentence, a paragraph of prose and a
sentence broken across lines are, for every rule that asks.

- :func:`is_prose`: a line that finishes a sentence and has at least ``min_words`` words
  (``PROSE_WORDS``, 10, by default: what the guards count as the article's prose);
- :func:`as_prose`: a line as a reader reads it (a table row as its cells' text);
- :func:`sentence_units`: lines grouped into the sentences they were broken from (hard
  wrapping, or an extractor that breaks lines at links), so that each is judged whole.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Iterator, Optional

import regex

from ..memo import memo
from . import ends_sentence, NO_SPACE_CJK, thai_sentence, words

if TYPE_CHECKING:  # pragma: no cover
    from ..engine.context import Context

PROSE_WORDS = 10  # a finished sentence this long is the article's prose, for the guards

# How much a line says, in scripts without spaces too. Word counts come from
# :func:`~cleaner.text.words` (a Han or kana pair, five Thai characters, or a spaced word);
# a length in characters (the classifier's ``length_low`` of 70) reads a Han or kana character
# as the three Latin characters it stands for (English: six characters a word with its space;
# Chinese and Japanese: two a word), and a Thai one as one (five a word).
CJK_CHAR_WEIGHT = 3
_CJK = re.compile(f"[{NO_SPACE_CJK}]")


def reading_length(text: str) -> int:
    """The length of ``text`` in Latin-equivalent characters (see CJK_CHAR_WEIGHT)."""
    if text.isascii() or not _CJK.search(text):
        return len(text)  # (a regex scan in C: max(text) made a string of each character)
    return len(text) + (CJK_CHAR_WEIGHT - 1) * len(_CJK.findall(text))


def opens_sentence(text: str) -> bool:
    """Does the line start as a sentence does: with a capital, or with a letter of a script
    that has no case (Chinese, Japanese, Korean, Thai, Arabic, Hebrew, Hindi...), after any
    opening quotes or brackets ('“We cannot let this happen again,” she said.', '¿Qué pasó?')?"""
    first = text.lstrip().lstrip(_OPENERS)[:1]
    return first.isupper() or (first.isalpha() and not first.islower())


# opening quotes and brackets, Spanish's opening marks, and the space French sets after «
_OPENERS = "\"'“‘„‚«‹「『（(¿¡ \u00a0\u202f"


def full_sentence(text: str, nwords: int, min_words: int) -> bool:
    """``text`` (of ``nwords`` words) is written as a finished sentence of ``min_words`` or
    more words: it opens as a sentence does and ends with a full stop."""
    return nwords >= min_words and ends_with_full_stop(text) and opens_sentence(text)


def title_case(text: str) -> bool:
    """Most words capitalised, as a headline is written ("Jaguar SUV Set to Hit the Markets",
    a kicker's "Notebook im Test: Asus Vivobook S15")."""
    ws = [w for w in text.split() if w[:1].isalpha()]
    return len(ws) > 0 and sum(1 for w in ws if w[0].isupper()) >= 0.6 * len(ws)


def is_prose(text: str, min_words: int = PROSE_WORDS) -> bool:
    """A finished sentence of at least ``min_words`` words."""
    return ends_sentence(text) and len(words(text)) >= min_words


_CLOSERS = "»”\"')]’」』）"  # closing quotes and brackets that may follow a full stop
_STOPS = frozenset(".!?。！？।॥؟")  # as text._TERMINAL_CHARS, without closers


def last_mark(text: str) -> str:
    """The line's last character before any closing quotes and brackets ('... she said."'
    gives "."), or "" for a line of nothing else."""
    return text.rstrip().rstrip(_CLOSERS)[-1:]


QUESTION_MARKS = frozenset("?？؟")  # Latin, full-width (Chinese, Japanese), Arabic
_SENTENCE_BREAK = re.compile(  # Chinese and Japanese put no space after a sentence
    r"(?<=[.!?।॥؟])[" + re.escape(_CLOSERS) + r"]*\s+|(?<=[。！？])[" + re.escape(_CLOSERS) + r"]*\s*")


def asks(text: str) -> bool:
    """Is the paragraph a question put to its readers: it ends with a question mark (inside
    closing quotes too) and more than half of its sentences do? A story that ends "What do
    you think?" asks one question among its statements, and is none."""
    if last_mark(text) not in QUESTION_MARKS:
        return False
    sentences = [s for s in _SENTENCE_BREAK.split(text.strip()) if s]
    return sum(last_mark(s) in QUESTION_MARKS for s in sentences) * 2 > len(sentences)


def ends_with_full_stop(text: str) -> bool:
    """True when the line ends with a full stop, a question or an exclamation mark, perhaps
    inside closing quotes or brackets ('"Yes," she said.', '... (2019).'): stricter than
    :func:`~cleaner.text.ends_sentence`, which takes any closing quote (a quoted title,
    "Bold-faced names dished in 'This Town'") as an end."""
    end = text.rstrip().rstrip(_CLOSERS)
    if end and "\u0e01" <= end[-1] <= "\u0e4e":
        return thai_sentence(end)  # Thai writes no full stop
    return bool(end) and end[-1] in _STOPS and not end.endswith(("...", "…"))


_CELL_EDGE = regex.compile(r"(?<!\\)\|")  # a cell border; "\\|" is a pipe inside a cell


def table_cells(text: str) -> Optional[list[str]]:
    """The filled cells of a table row as extractors print one ("| Votes | 74% |"), with
    escaped pipes restored; None for a line that is not a table row."""
    s = text.strip()
    if len(s) < 3 or s[0] != "|" or s[-1] != "|":
        return None
    cells = (c.strip().replace("\\|", "|") for c in _CELL_EDGE.split(s))
    return [c for c in cells if c]


def is_table_row(text: str) -> bool:
    """A row of a table as extractors print one: "| cell | cell |"."""
    return table_cells(text) is not None


_BULLETS = frozenset("-–•*·▪►✓")


def as_prose(text: str) -> str:
    """A line as the classifier reads it. A table row ("| • | Prepare for the interview. |")
    is read as its cells' text ("• Prepare for the interview."): the borders are layout, and a
    row's sentence or list item is what it holds. Other lines are only stripped."""
    stripped = text.strip()
    if stripped[:1] != "|" or stripped[-1:] != "|":
        return stripped  # not a table row (most lines): no cache lookup needed
    return _row_as_prose(stripped)


@memo(4096)
def _row_as_prose(text: str) -> str:
    cells = table_cells(text)
    if cells is None:
        return text
    if len(cells) >= 2 and cells[0] in _BULLETS:
        cells[0:2] = [f"{cells[0]} {cells[1]}"]
    return " ".join(cells)


_OPENS_INSIDE = re.compile(r"^[,;:)\]}%]|^[^\W\d_]", re.UNICODE)  # punctuation, or a letter...


_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}.,;:!?…"  # around a word, not part of it


def _continues(ctx: "Context", prev: int, i: int, text: str, so_far: str, stop: frozenset) -> bool:
    """Line ``i`` carries on the sentence that line ``prev`` broke off, ``so_far`` the text of
    that sentence until then (see :func:`sentence_units`)."""
    for j in range(prev + 1, i):  # between them: no blank line, only a word or two rules took
        if not ctx.text[j].strip() or len(words(ctx.text[j])) > 2:
            return False
    before = as_prose(ctx.text[prev])
    if ends_sentence(before) or not text:
        return False
    between = "".join(ctx.text[j].strip() for j in range(prev + 1, i))
    first, first_before = words(text[:40])[:1], words(before[:40])[:1]
    if first and first == first_before:
        return False  # lines that open alike are items of a list ("ћ Finance", "ћ Retail")
    if _OPENS_INSIDE.match(text) and (not text[0].isalpha() or text[0].islower()):
        return True  # ", and Docs" / "announced": a sentence does not start like this
    if is_table_row(ctx.text[prev]) or is_table_row(ctx.text[i]):
        return False  # a cell that ends without a full stop ends all the same
    if (before + between).endswith(","):
        return True
    tokens = words(so_far[-200:])
    # the last word as written: "Well-being" and "Client’s" end in no function word, though
    # their last \w+ token ("being", "s") may be one
    last = so_far.rsplit(None, 1)[-1].strip(_EDGE_PUNCTUATION).lower() if so_far.strip() else ""
    return len(tokens) >= 4 and last in stop  # "... and get your" / "horoscope."


class Unit:
    """A line, or the lines of one sentence broken across several (see :func:`sentence_units`)."""

    __slots__ = ("lines", "text", "nwords")

    def __init__(self, i: int, text: str, nwords: int):
        self.lines = [i]
        self.text = text
        self.nwords = nwords

    def add(self, i: int, text: str, nwords: int) -> None:
        self.lines.append(i)
        self.text = f"{self.text} {text}"
        self.nwords += nwords


def iter_units(ctx: "Context", lines: Iterable[int], stop: frozenset) -> Iterator[Unit]:
    """The units of ``lines`` in order, one at a time (see :func:`sentence_units`): a caller
    that stops early reads no further than it needs."""
    unit: Optional[Unit] = None
    prev = None
    counts = ctx.word_counts()
    block_of = ctx.doc.block_of  # < 0: a blank line, which ends any sentence above it
    for i in lines:
        text = as_prose(ctx.text[i])
        # as_prose() keeps a line's words (it drops spaces and table borders): the line's
        # cached count is the unit's
        if unit is not None and (i == prev + 1 or block_of[prev + 1] >= 0) \
                and _continues(ctx, prev, i, text, unit.text, stop):
            unit.add(i, text, counts[i])
        else:
            if unit is not None:
                yield unit
            unit = Unit(i, text, counts[i])
        prev = i
    if unit is not None:
        yield unit


def sentence_units(ctx: "Context", lines: list[int], stop: frozenset) -> dict[int, Unit]:
    """Each of ``lines``' unit: the line alone, or the run of lines one sentence was broken
    into (hard wrapping, or an extractor that breaks lines at links: "as" / "announced" / "on
    the blog."). A line continues the one above it when that one ends no sentence and the
    break falls inside a phrase: the line starts in lower case or with punctuation, or the
    line above ends with a comma or a function word (``stop``: the language's stopwords).
    Lines judged alone would read as a menu of fragments; a unit is judged as the sentence
    it is."""
    out: dict[int, Unit] = {}
    for unit in iter_units(ctx, lines, stop):
        for i in unit.lines:
            out[i] = unit
    return out
