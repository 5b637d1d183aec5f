"""Step 2: split text into lines and blocks.

A *line* is one ``\\n``-separated line, kept exactly as written. A *block* is a run of non-blank
lines between blank lines: a paragraph in a scraper's output, or one element of a page dump.
Rules see both; rendering only ever keeps or drops whole lines (or trims a span of one).
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Iterator

from .code import code_like, comment_line, statement_line
from .leadin import ends_with_colon, introduces, post_header
from .prose import is_prose

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


# --- code written out without fences (an extractor's text of a documentation page) ----------
# (what makes a line code-like: text/code.py)
def unfenced_code(lines: list[str], min_lines: int = 3) -> frozenset[int]:
    """Code blocks written without fences: a lead-in that ends with a colon ("... paste in
    the following code:"), or a paragraph of prose with another one after the code, and then
    ``min_lines`` or more lines in a row of which most read as code (:func:`code_like`); the
    block runs to the last code-like line before a line that is not. The prose around it ties
    the code to the text that explains it, so the script a page leaks into a scraped dump (at
    its head or foot, after a menu) is not taken for it.
    The lead-in is part of what is found: were it removed, the code would not be found
    again in a second round, and cleaning would not be idempotent."""
    found: set[int] = set()
    n = len(lines)
    # Every line's code_like, read in one pass (the walk below asks about nearly every line).
    # A block holds at least half code-like lines (a line that is not code joins one only
    # with code right after it), so a text with fewer than half min_lines has none: most
    # pages, settled here.
    code = [code_like(line) for line in lines]
    if sum(code) < -(-min_lines // 2):
        return frozenset()
    is_code = code.__getitem__
    i = 0
    while i < n:
        # The code after a line is looked for before the line is read as a lead-in: most
        # lines have none after them, and reading a line as prose is the dearer test.
        if not lines[i].strip() or is_code(i):  # a blank line is no lead-in (nor prose)
            i += 1
            continue
        j, block, misses = i + 1, [], 0
        while j < n:
            line = lines[j]
            if not line.strip():
                j += 1
                continue
            if is_code(j):
                block.append(j)
                misses = 0
            else:
                misses += 1
                if misses > 1 or j + 1 >= n or not is_code(j + 1):
                    break
                block.append(j)  # one line inside code (a comment, a bare word)
            j += 1
        if len(block) < min_lines:
            i += 1
            continue
        colon = ends_with_colon(lines[i])
        ok = colon or is_prose(lines[i])  # the lead-in
        if ok and not colon:  # a sentence before it: one after it too
            after = next((k for k in range(block[-1] + 1, n) if lines[k].strip()), None)
            ok = after is not None and is_prose(lines[after])
        if ok:
            found.update(range(i, block[-1] + 1))
            i = block[-1] + 1
        else:
            i += 1
    return frozenset(found)


def code_after_lead_in(lines: list[str]) -> frozenset[int]:
    """A line of code by itself (:func:`~cleaner.text.code.statement_line`: an extractor prints
    a documentation page's whole listing on one line, "from django import forms class
    F(forms.Form): ...") right under a lead-in that ends with a colon ("Reading cookies:",
    "... in your view, for example:", "读取Cookie的示例代码如下：": :func:`~cleaner.text.leadin.introduces`),
    the lead-in with it; a post's header in a comment thread ("John Smith says:",
    :func:`~cleaner.text.leadin.post_header`) introduces no code of the article's. :func:`unfenced_code` wants three
    lines of code; one that shows a statement's opening and its marks needs no more, once a
    sentence announces it. The next non-blank line is the one under the lead-in (a page dump
    sets a blank line between its lines). The lead-in is part of what is found, as in
    :func:`unfenced_code`: were it removed, a second round would not find the code again."""
    found: set[int] = set()
    led = False  # the last non-blank line is a lead-in (asked first: few lines end in ":")
    previous = -1  # its index
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if led and statement_line(line):
            found.update((previous, i))
        # a lead-in (asked first: few lines end in ":"), not a post's header ("John says:")
        led = introduces(line) and not post_header(line)
        previous = i
    return frozenset(found)


# a line number printed on a line of its own, as a listing's gutter leaves it in a page dump
_LINE_NUMBER = re.compile(r"^\s*(\d{1,4})\s*$")
NUMBERED_LINES = 3  # lines of code between a listing's line numbers, at least


def numbered_listing(lines: list[str]) -> frozenset[int]:
    """Code listings printed with their line numbers, each number on a line of its own
    before its line of code ("1", "# Download the helper library ...", "2", "import os",
    ...): numbers counting up from 1, no more than two non-blank lines apart (an empty line of
    code leaves two numbers together), with :data:`NUMBERED_LINES` or more lines between them
    of which half or more read as code (:func:`code_like`) or a comment. A numbered list of
    headlines or steps holds sentences, and a calendar's or a pager's numbers nothing between:
    neither is taken. The numbers and the lines between them are found, with the line after
    the last number unless it reads as prose (the last line of code was empty: the line is
    the sentence under the listing). A gutter printed as a column (all the numbers, then all
    the lines: a table's line numbers) reads as a pager's numbers and is not found, on
    purpose: widening the distance between two numbers to catch it would take pagers too."""
    if not any(line.strip() == "1" for line in lines):
        return frozenset()  # no gutter (most texts): no index of the non-blank lines built
    found: set[int] = set()
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    k = 0
    while k < len(nonblank):
        match = _LINE_NUMBER.match(lines[nonblank[k]])
        if match is None or match.group(1) != "1":
            k += 1
            continue
        gutter, want, j = [k], 2, k + 1  # positions in nonblank of the numbers' lines
        while j < len(nonblank) and j - gutter[-1] <= 3:
            match = _LINE_NUMBER.match(lines[nonblank[j]])
            if match is not None:
                if int(match.group(1)) != want:
                    break
                gutter.append(j)
                want += 1
            j += 1
        last = gutter[-1]  # the listing's last non-blank line: the last number's line of code
        if last + 1 < len(nonblank):
            after = lines[nonblank[last + 1]]
            if _LINE_NUMBER.match(after) is None and not is_prose(after):
                last += 1
        told = set(gutter)
        between = [nonblank[m] for m in range(k, last + 1) if m not in told]
        code = sum(1 for i in between if code_like(lines[i]) or comment_line(lines[i]))
        if len(between) >= NUMBERED_LINES and 2 * code >= len(between):
            found.update(range(nonblank[k], nonblank[last] + 1))
            k = last + 1
        else:
            k += 1
    return frozenset(found)
