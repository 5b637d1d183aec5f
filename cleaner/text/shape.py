"""Lines of one shape: the rows of a list or a table a page prints one item a line.

A directory's entries ("Telephone: (925) 846-7768"), a bibliography ("Hyers TM, Agnelli G.
Antithrombotic therapy. Chest. 2001 Jan;119(1):176-193."), a catalogue's index ("Pages 6-13
(Hard Copy pages IV-XI) - Pictorial Index"), a ranking ("30. Romeo and Juliet by William
Shakespeare 3.74 avg rating — 2,837,648 ratings") are written to one pattern of figures and
punctuation, item after item. Read line by line they have few function words and look like a
menu; read together they are one block, the page's data. A menu or a teaser list has no such
pattern: its entries are words, with no figures between them.

- :func:`skeleton`: a line's figures and punctuation, its letters left out;
- :func:`alike`: two skeletons of one pattern;
- :func:`same_shape_runs`: the runs of consecutive lines of one pattern.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..memo import memo
from . import ends_with_ellipsis, words

_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*")  # "2,837,648", "3.74", "12:30", "1/2": one figure
# A date is no figure of a row: an archive's or a teaser list's entries carry one each
# ("Tuesday | Sept 3, 2002", "... on MSNBC. December 20, 2006."): a year, with the day
# written before it, a date in figures, a time of day
_DATE = re.compile(r"(?:\b\d{1,2}(?:st|nd|rd|th)?\b[^\d\n]{0,12}?)?\b(?:19|20)\d\d\b"
                   r"|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d\d\b")
# A line that opens with a date or a time is a feed's entry (a ticker's "08-09 16:10: ...",
# an archive's, a comment's stamp), not a row of the page's data
_STAMPED = re.compile(r"^\W*\d{1,2}[./:-]\d{1,2}\b")
_LETTERS = re.compile(r"[^\W\d_]+|\s+")

ROW_MARKS = 3  # marks a row's skeleton holds at least, a figure among them
ROW_WORDS = 3  # words of letters a row holds at least: a sidebar's "Politics (12)" has one,
# an archive's "07 Dec 02 | Scotland" two
ROW_RUN = 3  # rows in a row that make a block
ALIKE = 0.7  # the share of two skeletons' marks that must line up
ALIKE_OPENING = 3  # or the marks they open with: a row's last cell is free text


@memo(4096)
def skeleton(text: str) -> str:
    """The marks of ``text`` in order: each figure as ``9``, each other character that is
    neither a letter nor a space as itself ("Pages 6-13 (Hard Copy pages IV-XI) - Index"
    gives "9-9(-)-"); dates left out."""
    return _LETTERS.sub("", _NUMBER.sub("9", _DATE.sub(" ", text)))


def row_like(text: str) -> bool:
    """A line that can be a row: ``ROW_WORDS`` words or more that are not figures, and a skeleton of ``ROW_MARKS``
    marks or more with a figure in it (a menu entry or a headline has none)."""
    if _STAMPED.match(text) or ends_with_ellipsis(text):
        return False  # a feed's entry; a teaser cut short ("33 Christmas Decorations Ideas Brin…")
    mark = skeleton(text)
    return len(mark) >= ROW_MARKS and "9" in mark \
        and sum(1 for w in words(text) if not w.isdigit()) >= ROW_WORDS


def alike(a: str, b: str) -> bool:
    """Two skeletons of one pattern: they open alike (``ALIKE_OPENING`` marks: "Pages 1-76 -
    Hinges" and "Pages 77-174 - D-Rings, Folding, and Paddle Handles"), or ``ALIKE`` of their
    marks line up."""
    if a == b or (len(a) >= ALIKE_OPENING and a[:ALIKE_OPENING] == b[:ALIKE_OPENING]):
        return True
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= ALIKE


def same_shape_runs(texts: list[str], min_run: int = ROW_RUN) -> list[range]:
    """The runs of ``min_run`` or more consecutive ``texts`` that are rows (see
    :func:`row_like`) each alike the one before it, as ranges of positions in ``texts``."""
    runs: list[range] = []
    start = None
    prev = None
    for k, text in enumerate(texts + [""]):
        mark = skeleton(text) if k < len(texts) and row_like(text) else None
        if mark is not None and prev is not None and alike(prev, mark):
            prev = mark
            continue
        if start is not None and k - start >= min_run:
            runs.append(range(start, k))
        start, prev = (k, mark) if mark is not None else (None, None)
    return runs
