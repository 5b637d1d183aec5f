"""A table of words a page dump prints one cell a line, found by its header row.

A comparison table ("Platform / Effective Content Types / Recommended Posting Frequency",
then "YouTube / Long-form video (tutorials, reviews) / Varies (1-3 times/week)", ...; or
"Attribute / Data Type / Supported Values / Description / ...", then "item_id / String
(alphanumeric) / — / Merchant product ID (unique per variant) / ...") comes out of a page
dump one cell a line. Read line by line its cells are short and poor in function words, and
the classifier takes them as a menu's entries. :func:`cleaner.text.shape.table_runs` finds a
table by its columns of figures; a table of words has none.

What shows it is a table:

- its *header row*: the names of its ``p`` columns, a few words each, no figure, each told
  once, and none told again below (a menu told twice tells its entries again);
- its *period*: below the header, rows of ``p`` cells to the end of the stretch of short
  lines, and a cell has the *shape* (its size in words, a figure or not, the case of its
  first letter, its closing mark) of the cell a row below far more often than that of the
  line right below it: a table's columns differ in shape (a name, a value "Yes", a clause),
  a menu's entries are all alike and show no period of their own. A period that is a shorter
  one told twice (pairs of a name and a count: a facet list) is that shorter one's;
- its *rows*: a first column of names (each row its own), and in another column a value
  told again ("Yes", "Rest", "Required"); no column the same on every row (a card's button)
  and no column of headlines (a grid of teasers: author, rubric, title).

Earlier tries read the period on the cells' words alone, a value told again p lines below,
and took menus told in panes of equal length and filters with a label between entries (git
log: textloss14); the header row and the cells' shapes are what those lacked. The
classifier keeps such a table only between the story's first and last runs of prose (see
:meth:`ClassifyRule.word_tables`), not where the prose merely touches it as it does a table
of figures: the chrome right under a story (a cookie table, a shop's delivery selector, a
grid of teasers in sentence case) has a header row and a period too.
"""
from __future__ import annotations

from typing import Optional

from . import comparable, words
from .prose import _STOPS, title_case  # a sentence's end in any script; a teaser's headline
from .shape import CELL_CHARS, NAMES_DISTINCT, _DIGIT  # one home for a printed table's cell
from .shape import TABLE_COLUMNS as COLUMNS, TABLE_ROWS as ROWS

# a description cell may be a short clause ("Allows direct purchase ..."): more words than
# a table of figures' cell (shape.CELL_WORDS, 10), whose word cells are values and names
CELL_WORDS = 16
LABEL_WORDS = 5  # a column's name: a few words ("Average Cost per Click")
_EMPTY = frozenset("—–-")  # an empty cell printed as a dash
LEAD = 2  # cells of the stretch above the header row, at most (a table's title, a caption)
TAIL = 2  # cells of the stretch below the last row, at most (a heading, a note)
PERIOD_SHARE = 0.5  # the body's cells of the shape of the cell a row below, at least
FIRST_ROWS = 2  # the rows right under the header row that must keep the period too
ROW_SHARE = 0.5  # the last row's cells of a shape told elsewhere in their column, at least:
# chrome after a table ("Accept all", "Contact / Careers / Privacy") fills whole rows too
LATER_HEAD = 0.1  # a header row a line or two lower wins by this much more of the period
# only (its body, a row shorter, differs by noise: the header one line off)
CONTRAST = 0.3  # ... above the share of the shape of the line right below
SHORTER = 0.1  # a shorter period whose share is this close is the rows' own
TOLD_COLUMNS = 1  # columns telling a value again, at least
DATA_SHARE = 0.5  # a column of data: this share of its cells no column's name would be
# (a figure, a clause, a full stop, an empty cell's dash); a menu's panes are labels all
HEADLINE_WORDS = 7  # a teaser's headline: this many words or more, in title case
HEADLINE_SHARE = 0.5  # a column of headlines: this share of its cells written so


def _size(text: str) -> int:
    """A line's words as a cell's, 0 when it is no cell: blank, prose-long, or several cells
    or links on one line (a pipe menu). An empty cell's dash counts as one word."""
    stripped = text.strip()
    if not stripped or len(stripped) > CELL_CHARS or " | " in stripped:
        return 0
    if stripped in _EMPTY:
        return 1
    n = len(words(stripped))
    return n if n <= CELL_WORDS else 0


def _label(text: str) -> bool:
    """A column's name: a few words, no figure, no sentence's end."""
    stripped = text.strip()
    return (stripped not in _EMPTY and len(words(stripped)) <= LABEL_WORDS
            and not _DIGIT.search(stripped) and stripped[-1] not in _STOPS)


CellShape = tuple  # (size, figure, case, closing mark), or ("-",) for an empty cell
# a cell's closing mark, a full stop, question or exclamation mark in any script told as
# the Latin one ("完成。" ends as "Done." does)
_MARKS = {**{c: c for c in ".:?!)"}, "。": ".", "।": ".", "॥": ".", "！": "!", "？": "?",
          "؟": "?", "：": ":", "）": ")"}


def cell_shape(text: str, n: Optional[int] = None) -> CellShape:
    """A cell's shape: its size in words (``n``, when counted already), a figure or not, its
    first letter's case, its closing mark."""
    stripped = text.strip()
    if stripped in _EMPTY:
        return ("-",)
    n = len(words(stripped)) if n is None else n
    size = n if n <= 2 else 3 if n <= 4 else 5 if n <= 8 else 9
    first = stripped[0]
    case = "A" if first.isupper() else "a" if first.islower() else "9" if first.isdigit() else "."
    end = _MARKS.get(stripped[-1], "")
    return (size, bool(_DIGIT.search(stripped)), case, end)


def _stretches(cells: list[bool], least: int) -> list[tuple[int, int]]:
    """The stretches ``(start, end)`` of ``least`` or more cells in a row."""
    found, start = [], None
    for k, cell in enumerate(cells + [False]):
        if cell:
            start = k if start is None else start
            continue
        if start is not None and k - start >= least:
            found.append((start, k))
        start = None
    return found


class _Shapes:
    """The cells' shapes of one stretch, and for each distance asked the running count of
    cells whose shape is that of the cell that far below: any stretch's share at once."""

    def __init__(self, shapes: list[CellShape]):
        self.shapes = shapes
        self._counts: dict[int, list[int]] = {}

    def share(self, body: range, lag: int) -> float:
        """The share of the cells of ``body`` whose shape is that of the cell ``lag`` below."""
        counts = self._counts.get(lag)
        if counts is None:
            shapes, counts, n = self.shapes, [0], 0
            for k in range(len(shapes) - lag):
                n += shapes[k] == shapes[k + lag]
                counts.append(n)
            self._counts[lag] = counts
        stop = body.stop - lag
        return (counts[stop] - counts[body.start]) / (stop - body.start)


def _rows_kept(shapes: "_Shapes", head: int, p: int, rows: int) -> int:
    """Of the ``rows`` under the header row at ``head`` (a position in ``shapes``), those up
    to the last that keeps the table's pattern: a row of which ``ROW_SHARE`` of the cells
    have a shape some other row's cell in their column has. The chrome after a table fills
    the stretch's last rows ("Accept all / Save preferences / About us", "Email this /
    Print / Comments") without the pattern; the body's share alone lets it in. (Measured
    against the whole column, not the row above: a table's own last row may differ from
    its neighbour in a cell or two, "session" under "365 days".)"""
    told: list[dict[CellShape, int]] = [{} for _ in range(p)]  # each column's shapes, counted
    for r in range(1, rows + 1):
        for j in range(p):
            key = shapes.shapes[head + p * r + j]
            told[j][key] = told[j].get(key, 0) + 1
    while rows > 1:
        row = [shapes.shapes[head + p * rows + j] for j in range(p)]
        if sum(told[j][key] > 1 for j, key in enumerate(row)) >= ROW_SHARE * p:
            break
        for j, key in enumerate(row):
            told[j][key] -= 1
        rows -= 1
    return rows


def _table(texts: list[str], keys: "_Keys", head: int, end: int, p: int) -> bool:
    """``texts[head:end]`` read as a header row of ``p`` names and the rows below it (see
    the module's comment)."""
    header = [keys[k] for k in range(head, head + p)]
    if not all(_label(texts[k]) for k in range(head, head + p)) or len(set(header)) < p:
        return False
    rows = (end - head) // p - 1
    body = range(head + p, end)
    if set(header) & {keys[k] for k in body}:
        return False  # the header's names told again below: a menu told twice
    if len({keys[k] for k in body[::p]}) < NAMES_DISTINCT * rows:
        return False  # no column of the rows' names
    told = data = 0
    for j in range(p):
        column = body[j::p]
        if sum(1 for k in column if len(words(texts[k])) >= HEADLINE_WORDS
               and title_case(texts[k])) >= HEADLINE_SHARE * rows:
            return False  # a column of headlines: a grid of teasers (author, rubric, title)
        if j == 0:
            continue  # the rows' names
        distinct = len({keys[k] for k in column})
        if distinct == 1:
            return False  # the same on every row: a card's button ("Add to cart")
        told += distinct < rows  # a value told again down the column ("Yes", "Rest")
        data += sum(1 for k in column if not _label(texts[k])) >= DATA_SHARE * rows
    return told >= TOLD_COLUMNS and data >= 1


def word_table_runs(texts: list[str]) -> list[range]:
    """The stretches of ``texts`` (a page's non-blank lines, in order) that read as a table
    of words printed one cell a line under its header row (see the module's comment), as
    ranges of positions, from the header row to the last full row, in order and not
    overlapping (one table a stretch of short lines: the one of the clearest period)."""
    sizes = [_size(t) for t in texts]
    cells = [n > 0 for n in sizes]
    lo, hi = COLUMNS
    found: list[range] = []
    keys = _Keys(texts)
    for start, end in _stretches(cells, lo * (ROWS + 1)):
        shapes = _Shapes([cell_shape(texts[k], sizes[k]) for k in range(start, end)])
        best: Optional[tuple[float, int, int]] = None
        for head in range(start, min(start + LEAD + 1, end)):
            for p in range(lo, hi + 1):
                rows = (end - head) // p - 1
                if rows < ROWS or end - head - p * (rows + 1) > TAIL:
                    continue
                body = range(head + p - start, head + p * (rows + 1) - start)
                share = shapes.share(body, p)
                first = range(body.start, min(body.stop, body.start + FIRST_ROWS * p + p))
                if shapes.share(first, p) < PERIOD_SHARE:
                    continue  # a table keeps its period from the row under its header
                if share < PERIOD_SHARE or share - shapes.share(body, 1) < CONTRAST:
                    continue
                if best is not None and share <= best[0] + (LATER_HEAD if head > best[1]
                                                            else 0.0):
                    continue
                if any(p % d == 0 and shapes.share(body, d) >= share - SHORTER
                       for d in range(2, p // 2 + 1)):
                    continue  # a shorter pattern told twice or more: pairs of a name and
                    # a count (a facet list), or a table of fewer columns
                rows = _rows_kept(shapes, head - start, p, rows)
                if rows >= ROWS and _table(texts, keys, head, head + p * (rows + 1), p):
                    best = (share, head, head + p * (rows + 1))
        if best is not None:
            found.append(range(best[1], best[2]))
    return found


class _Keys:
    """The comparable forms of ``texts``, each read when first asked (most lines of a page
    are in no stretch that could hold a table)."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.known: dict[int, str] = {}

    def __getitem__(self, k: int) -> str:
        key = self.known.get(k)
        if key is None:
            key = self.known[k] = comparable(self.texts[k])
        return key
