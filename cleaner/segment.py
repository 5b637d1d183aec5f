"""Step 2: split text into lines and blocks.

A *line* is one ``\\n``-separated line, kept exactly as written. A *block* is a run of non-blank
lines between blank lines: a paragraph in a scraper's output, or one element of a page dump.
Rules see both; rendering only ever keeps or drops whole lines (or trims a span of one).
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate
from dataclasses import dataclass, field
from typing import Iterator

from .memo import LINE_CACHE_CHARS

_WORD = re.compile(r"\w+")
# Sentence ends are read off the line's last characters (a regex search for "...\s*$" would
# try every position of the line): terminal punctuation, optionally followed by closing quotes
# or brackets, is the last non-space character; an ellipsis, perhaps inside a closing bracket,
# is not a sentence end. The Devanagari danda ("।", "॥") ends a Hindi sentence as "." does, and
# "؟" is the question mark of Arabic and Persian.
_TERMINAL_CHARS = frozenset(".!?。！？।॥؟»”\"')]")
_CLOSING_BRACKETS = ("]", ")")


WORDS_CACHE_SIZE = 32768
_WORDS: dict[str, tuple[str, ...]] = {}  # line -> its words (see cleaner.memo for why a dict)
_cached_words = _WORDS.get
_held = [0]  # characters of the lines in _WORDS (bounded by LINE_CACHE_CHARS)


def words(text: str) -> tuple[str, ...]:
    """The ``\\w+`` tokens of ``text`` (Unicode-aware); cached, as rules ask for the same
    line's words many times (and again in each round). The cache is inline, not a
    :func:`~cleaner.memo.memo` wrapper: this is the most called function of a run."""
    found = _cached_words(text)
    if found is None:
        if len(text) > 4096:
            return _long_words(text)
        if len(_WORDS) >= WORDS_CACHE_SIZE or _held[0] >= LINE_CACHE_CHARS:
            _clear_words()
        found = _WORDS[text] = tuple(_WORD.findall(text))
        _held[0] += len(text)
    return found


def _clear_words() -> None:
    _WORDS.clear()
    _held[0] = 0


words.cache_clear = _clear_words  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def _long_words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))  # the huge line in hand: split it once


def line_starts(text: str) -> list[int]:
    """Where each ``\\n``-separated line of ``text`` starts, plus ``len(text) + 1`` at the end
    (so line ``k`` is ``text[starts[k]:starts[k + 1] - 1]``), summed without a Python loop;
    ``bisect_right(starts, pos) - 1`` is the line holding ``pos``."""
    return list(accumulate(map(_PLUS_ONE, map(len, text.split("\n"))), initial=0))


_PLUS_ONE = (1).__add__


def ends_sentence(text: str) -> bool:
    """True when the line ends like a finished sentence (not with an ellipsis)."""
    end = text.rstrip()
    return bool(end) and end[-1] in _TERMINAL_CHARS and not _ellipsis_at_end(end)


def _ellipsis_at_end(end: str) -> bool:
    """``end`` (right-stripped) closes with "..." or "…", perhaps then one ")" or "]"."""
    if end.endswith(_CLOSING_BRACKETS):
        end = end[:-1].rstrip()
    return end.endswith(("...", "…"))


_LIST_ITEM = re.compile(r"^\s*([-–•*·▪►✓]|\d{1,2}[.)])\s+\S")


def lower(text: str) -> str:
    """Lowercase for matching: like ``str.lower`` but the Turkish dotted İ becomes a plain i
    (``str.lower`` gives i plus a combining dot, which no pattern written with i matches)."""
    return text.replace("İ", "i").lower()


def is_list_item(text: str) -> bool:
    """A bulleted or numbered item ("- Salt", "• 2 eggs", "3. Stir"): written as a list."""
    return bool(_LIST_ITEM.match(text))


def is_menu(text: str) -> bool:
    """Two or more menu separators ('|', '•', '·'): a nav bar, never a headline."""
    return sum(text.count(c) for c in "|•·") >= 2


_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def fenced_lines(lines: list[str]) -> frozenset[int]:
    """The lines of Markdown code blocks, their fences included ("```" ... "```"): a code
    block is content as written, whatever its lines look like. An unclosed fence opens
    nothing (a stray line of backticks)."""
    found: set[int] = set()
    opened = None
    for i, line in enumerate(lines):
        match = _FENCE.match(line)
        if not match:
            continue
        if opened is None:
            opened = (i, match.group(1)[0])
        elif match.group(1)[0] == opened[1] and not line.strip().strip(opened[1]):
            found.update(range(opened[0], i + 1))
            opened = None
    return frozenset(found)


def ends_with_ellipsis(text: str) -> bool:
    return _ellipsis_at_end(text.rstrip())


class Blocks(Sequence):
    """The blocks' [start, end) line ranges, as (start, end) pairs, kept in two arrays of
    machine integers: a page dump has a block for every other line, and a tuple of two int
    objects for each was 120 bytes a block (100 MB for a 50 MB dump)."""

    __slots__ = ("starts", "ends")

    def __init__(self, starts: "array[int]", ends: "array[int]") -> None:
        self.starts, self.ends = starts, ends

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return list(zip(self.starts[index], self.ends[index]))
        return self.starts[index], self.ends[index]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts, self.ends)


@dataclass
class Document:
    """A text split into lines, with the blocks (runs of non-blank lines) indexed."""

    lines: list[str]
    blocks: Sequence[tuple[int, int]] = field(default_factory=list)  # [start, end) line ranges
    # line index -> block index, -1 if blank (an array: no int object per line)
    block_of: Sequence[int] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str) -> "Document":
        lines = text.split("\n")
        doc = cls(lines)
        doc.index_blocks()
        return doc

    def index_blocks(self) -> None:
        starts, ends = array("l"), array("l")
        block_of = array("l", [-1]) * len(self.lines)
        block = last = -2  # the block being read, its last line
        # A page dump is half blank lines: only the others are visited, and a block ends
        # where the next one is not the line right after.
        for i in [i for i, line in enumerate(self.lines) if line and not line.isspace()]:
            if i != last + 1:
                if block >= 0:
                    ends.append(last + 1)
                block = len(starts)
                starts.append(i)
            block_of[i] = block
            last = i
        if block >= 0:
            ends.append(last + 1)
        self.blocks = Blocks(starts, ends)
        self.block_of = block_of

    def nonblank(self) -> list[int]:
        return [i for i, b in enumerate(self.block_of) if b >= 0]
