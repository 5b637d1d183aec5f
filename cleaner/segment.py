"""Step 2: split text into lines and blocks.

A *line* is one ``\\n``-separated line, kept exactly as written. A *block* is a run of non-blank
lines between blank lines: a paragraph in a scraper's output, or one element of a page dump.
Rules see both; rendering only ever keeps or drops whole lines (or trims a span of one).
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate
from dataclasses import dataclass, field

_WORD = re.compile(r"\w+")
# Sentence ends are read off the line's last characters (a regex search for "...\s*$" would
# try every position of the line): terminal punctuation, optionally followed by closing quotes
# or brackets, is the last non-space character; an ellipsis, perhaps inside a closing bracket,
# is not a sentence end.
_TERMINAL_CHARS = frozenset(".!?。！？»”\"')]")
_CLOSING_BRACKETS = ("]", ")")


WORDS_CACHE_SIZE = 65536
_WORDS: dict[str, tuple[str, ...]] = {}  # line -> its words (see cleaner.memo for why a dict)
_cached_words = _WORDS.get


def words(text: str) -> tuple[str, ...]:
    """The ``\\w+`` tokens of ``text`` (Unicode-aware); cached, as rules ask for the same
    line's words many times (and again in each round). The cache is inline, not a
    :func:`~cleaner.memo.memo` wrapper: this is the most called function of a run."""
    found = _cached_words(text)
    if found is None:
        if len(text) > 4096:
            return _long_words(text)
        if len(_WORDS) >= WORDS_CACHE_SIZE:
            _WORDS.clear()
        found = _WORDS[text] = tuple(_WORD.findall(text))
    return found


words.cache_clear = _WORDS.clear  # type: ignore[attr-defined]


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


@dataclass
class Document:
    """A text split into lines, with the blocks (runs of non-blank lines) indexed."""

    lines: list[str]
    blocks: list[tuple[int, int]] = field(default_factory=list)  # [start, end) line ranges
    block_of: list[int] = field(default_factory=list)  # line index -> block index, -1 if blank

    @classmethod
    def from_text(cls, text: str) -> "Document":
        lines = text.split("\n")
        doc = cls(lines)
        doc.index_blocks()
        return doc

    def index_blocks(self) -> None:
        blocks: list[tuple[int, int]] = []
        block_of = [-1] * len(self.lines)
        start = last = -2
        # A page dump is half blank lines: only the others are visited, and a block ends
        # where the next one is not the line right after.
        for i in [i for i, line in enumerate(self.lines) if line and not line.isspace()]:
            if i != last + 1:
                if start >= 0:
                    blocks.append((start, last + 1))
                start = i
            block_of[i] = len(blocks)
            last = i
        if start >= 0:
            blocks.append((start, last + 1))
        self.blocks = blocks
        self.block_of = block_of

    def nonblank(self) -> list[int]:
        return [i for i, b in enumerate(self.block_of) if b >= 0]
