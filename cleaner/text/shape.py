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
- :func:`same_shape_runs`: the runs of consecutive lines of one pattern;
- :func:`field_runs`: the runs of consecutive lines written as fields ("Label: value");
- :func:`table_runs`: a table printed one cell a line (:func:`in_tables`: whether given lines
  lie in one);
- :func:`record_items`: a listing's records told in the same few lines (job ads, an archive).
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from pathlib import Path
from typing import Iterable, Optional

from ..memo import memo
from . import comparable, ends_with_ellipsis, words
from .code import ends_as_code
from .langlists import load_language_lists
from .prose import title_case  # a value written as a headline: a kicker and its headline

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


# --- a list of fields -------------------------------------------------------------------
# An in-story list written as fields, a label and its value ("Fruits: berries, citrus fruits,
# pears, etc.", "Storage tiers: EBS volumes with various NVMe SSD configurations", "Social
# media advertising: Depends on your ad spend"): each line alone has few function words and
# no full stop, and reads as a menu entry; a menu's or a footer's entries have no label.
_BULLETS = "–—•*·▪►✓-"  # a list's bullets, before a field's label ("-" last: no range)
_LABEL = r"(?P<label>[^\W\d_][^:.!?|]{0,40}?)\s*:\s+(?P<value>\S.*)$"  # "Label: value"
_FIELD = re.compile(rf"^[\s>{_BULLETS}]{{0,3}}{_LABEL}")  # a bullet, a quote mark or none
# A numbered label is a heading's ("Chapter 02: First Class Functions", "Step 3: Mix",
# "Appendix A: Tables"): a table of contents, not a list of fields
_NUMBERED = re.compile(r"(?:\s\d+|\s[A-Z]|\s[IVX]+)$")
FIELD_LABEL_WORDS = 5  # a label is a few words ("Seeds, nuts, and nut butters")
FIELD_VALUE_WORDS = 2  # a value says something: a bare "Language: Spanish" is a metadata box's
FIELD_RUN = 3  # fields in a row that make a list


def field_label(text: str) -> str | None:
    """The label of a line written as a field, lowercased, or None: a label of at most
    ``FIELD_LABEL_WORDS`` words that opens with a letter (after a bullet), is not numbered
    and holds no "|" (a brand's "Game|Life Video: ..."), a colon, and a value of
    ``FIELD_VALUE_WORDS`` words or more that ends no line of code, is no headline and holds
    no link."""
    m = _field_parts(_FIELD.match(text.strip()))
    if m is None or len(words(m["value"])) < FIELD_VALUE_WORDS or title_case(m["value"]):
        return None
    return m["label"].strip().lower()


def _field_parts(m: Optional[re.Match]) -> Optional[re.Match]:
    """``m``, a line matched as "label: value", if it passes what every field passes: a
    label of at most ``FIELD_LABEL_WORDS`` words, not numbered, and a value that ends no line
    of code and holds no link; else None."""
    # code and data written out ('"email": "https://…",', "font-size: 0.8rem;") end in a
    # separator; a link's address is a cookie table's or a directory's
    if m is None or len(words(m["label"])) > FIELD_LABEL_WORDS or _NUMBERED.search(m["label"]) \
            or ends_as_code(m["value"]) or "://" in m["value"]:
        return None
    return m


def field_line(text: str) -> bool:
    """A line written as a field (see :func:`field_label`)."""
    return field_label(text) is not None


def written_field_label(text: str) -> Optional[str]:
    """The label of a line written as a field, a label and its value, whatever the value's
    case (see :func:`field_label`, which takes a title-case value for a headline's: here a
    list of places or of a product's parts, "Caribbean: Anguilla, Aruba, Curacao, Grand
    Cayman"); None for a line that is no field."""
    m = _field_parts(_FIELD.match(text.strip()))
    return m["label"] if m is not None and len(words(m["value"])) >= FIELD_VALUE_WORDS else None


def written_field(text: str) -> bool:
    """A line written as a field (see :func:`written_field_label`)."""
    return written_field_label(text) is not None


def field_runs(texts: list[str], min_run: int = FIELD_RUN) -> list[range]:
    """The runs of ``min_run`` or more consecutive ``texts`` written as fields (see
    :func:`field_label`), as ranges of positions in ``texts``. A list names each thing once:
    a run with a label twice is records told one after another (a cookie table's "Name: /
    Anbieter: / Zweck:", a series' "InfoClipz: Cloud computing", "InfoClipz: Green IT"),
    not one list of fields."""
    runs: list[range] = []
    labels: list[str] = []
    start = None
    for k, text in enumerate(texts + [""]):
        label = field_label(text) if k < len(texts) else None
        if label is not None:
            if start is None:
                start, labels = k, []
            labels.append(label)
            continue
        if start is not None and k - start >= min_run and len(set(labels)) == len(labels):
            runs.append(range(start, k))
        start = None
    return runs


# A bulleted field: a bullet, then a label and its value ("- Memory: 4 GB RAM", "• Price:
# $568", "• Fingerboard: Rosewood"). The bullet is the writer's list: a product's specs, a
# game's system requirements, a course's facts. A value may be one word or a figure, as a
# spec's is; what a bare field (see field_label) needs to tell it from a metadata box, the
# bullet shows here. Menus have no labels, and a footer's contact box no bullets.
_ITEM_FIELD = re.compile(rf"^\s*[{_BULLETS}]\s*{_LABEL}")


def item_field_label(text: str) -> str | None:
    """The label of a line written as a bulleted field, lowercased, or None: a label of at
    most ``FIELD_LABEL_WORDS`` words, not numbered (a table of contents' "- Step 3: Mix"),
    and a value that ends no line of code and holds no link."""
    m = _field_parts(_ITEM_FIELD.match(text))
    return None if m is None else m["label"].strip().lower()


def item_field_runs(texts: list[str], min_run: int = FIELD_RUN) -> list[range]:
    """The runs of ``min_run`` or more consecutive ``texts`` written as bulleted fields (see
    :func:`item_field_label`), each label told once in the run (a list names each thing
    once), as ranges of positions in ``texts``. Few function words and no full stop make
    each line read as a menu entry; the run reads as a list of facts."""
    runs: list[range] = []
    labels: set[str] = set()  # a set: a run may be a long glossary
    start = None
    for k, text in enumerate(texts + [""]):
        label = item_field_label(text) if ":" in text else None  # most lines hold no colon
        if label is not None and label not in labels:
            if start is None:
                start = k
            labels.add(label)
            continue
        if start is not None and k - start >= min_run:
            runs.append(range(start, k))
        start, labels = (k, {label}) if label is not None else (None, set())
    return runs


# --- a table printed one cell a line -----------------------------------------------------
# A page dump prints a table's cells one a line: "Mouse / Weight / Sensor / Dimensions",
# then "Zaunkoenig M1K / 23g / 3360 / 79x60x30mm", row after row. No line is a row; the
# table shows in its period: every ``columns`` lines, a cell of the same kind (a figure, or
# words). A menu's entries are all words, a teaser list's dates are no figures (see _DATE):
# neither has columns of figures beside a column of words.
_DIGIT = re.compile(r"\d")
# A count in brackets is a facet's or a category's ("Charbon (146)", "WI-FI (2)"), no figure
_COUNT = re.compile(r"\(\s*\d[\d.,\s]*\)")
CELL_CHARS = 160  # no line longer than this holds as few as CELL_WORDS words
CELL_WORDS = 10  # a cell holds at most this many words ("Simplified plans; exited most
# markets in 2023"); a longer line is a sentence, not a cell
TABLE_COLUMNS = (3, 12)  # the columns a table printed so has, fewest and most
TABLE_ROWS = 3  # rows a table has at least, its header row not counted
FIGURE_COLUMN = 0.7  # a column of figures: this share of its cells hold one ("~47M", "8KHz")
WORD_COLUMN = 0.3  # a column of words: at most this share do (names, "Solid, symmetric")
VALUE_WORDS = 3  # a column of values: cells of a few words ("Yes", "For-Profit", "All 50")
VALUE_SHARE = 0.5  # ... with at most this many distinct values for each cell
NAMES_DISTINCT = 0.9  # a column of names: this share of its cells told once


def _cell_kind(text: str) -> str | None:
    """A line's kind as a table's cell: ``"9"`` when it holds a figure (dates left out),
    ``"a"`` when it holds only words, None when it is no cell (blank, or sentence-long)."""
    if len(text) > CELL_CHARS:
        return None  # settled without reading words: most of a page's prose
    n = len(words(text))
    if n == 0 or n > CELL_WORDS:
        return None
    return "9" if _DIGIT.search(text) and "9" in skeleton(_COUNT.sub("", text)) else "a"


def _periodic_runs(kinds: list, p: int) -> list[tuple[int, int]]:
    """The stretches ``(start, end)`` of cells whose kind repeats every ``p`` lines, a cell
    that breaks the period alone (a product named "Burst 2 Air" in a column of names)
    passed over."""
    n = len(kinds)
    same = [k >= p and kinds[k] is not None and kinds[k] == kinds[k - p] for k in range(n)]
    runs, k = [], p
    while k < n:
        if not same[k]:
            k += 1
            continue
        start = k
        while k < n and kinds[k] is not None and (
                same[k] or (k + 1 < n and same[k + 1] and same[k - 1])
                or (k + p < n and not same[k + p] and kinds[k + p] is not None
                    and k + p + 1 < n and same[k + p + 1])):
            k += 1
        runs.append((start - p, k))
    return runs


def _figure_share(kinds: list, first: int, end: int, p: int) -> float:
    """The share of figure cells in the column whose first cell is ``first``."""
    column = range(first, end, p)
    return sum(1 for i in column if kinds[i] == "9") / len(column)


def _columns_hold(texts: list[str], kinds: list, start: int, end: int, p: int) -> bool:
    """The columns of ``texts[start:end]``, ``p`` cells a row, read as a table's: one of
    figures (most of them different), a second of figures or of a few values told again and
    again ("Yes", "No", "For-Profit", "8KHz"), and one of cells each row its own (the names
    the rows are about); and no column the same on every row."""
    shares = [_figure_share(kinds, start + j, end, p) for j in range(p)]
    if max(shares) < FIGURE_COLUMN:
        return False
    pattern = ["9" if share >= 0.5 else "a" for share in shares]
    if p % 2 == 0 and pattern == pattern[:2] * (p // 2):
        return False  # pairs of a name and a count ("Politics", "(12)"): two columns, a list
    figures = values = names = 0
    for j, share in enumerate(shares):
        cells = [texts[i].strip().casefold() for i in range(start + j, end, p)]
        distinct = len(set(cells))
        if distinct == 1:
            return False  # the same on every row: a card's button or label ("Add to cart")
        if share >= FIGURE_COLUMN and distinct >= VALUE_SHARE * len(cells):
            figures += 1  # a quantity picker's "1", "2", "3" on every card is no data
            continue
        if distinct <= VALUE_SHARE * len(cells) \
                and all(len(words(c)) <= VALUE_WORDS for c in cells):
            values += 1
        elif distinct >= NAMES_DISTINCT * len(cells):
            names += 1  # a model's name may hold a figure ("Zaunkoenig M1K")
    return figures >= 1 and figures + values >= 2 and names >= 1


def table_runs(texts: list[str]) -> list[range]:
    """The stretches of ``texts`` (consecutive lines) that read as a table printed one cell a
    line: ``TABLE_ROWS`` rows or more of a period of ``TABLE_COLUMNS`` cells, with two columns
    of figures and one of words (see the comment above), and the header row above them when
    its cells are words. As ranges of positions in ``texts``, in order, not overlapping."""
    kinds = [_cell_kind(t) for t in texts]
    found: list[tuple[int, int]] = []
    for first, last in _cell_stretches(kinds, TABLE_COLUMNS[0] * TABLE_ROWS):
        found.extend((first + a, first + b) for a, b in _tables(texts[first:last], kinds[first:last]))
    merged: list[range] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1].stop:
            start = merged[-1].start
            end = max(end, merged[-1].stop)
            merged.pop()
        merged.append(range(start, end))
    return merged


def in_tables(texts: list[str], asked: Iterable[int]) -> set[int]:
    """Those of the positions ``asked`` that lie in a table :func:`table_runs` finds in
    ``texts``: the same answer, read only around them. A table lies within one stretch of
    cells (see :func:`_cell_stretches`), so only the stretches holding an asked position are
    read; the repeat rule asks about the few lines another line repeats, and a page's other
    lines (its prose, most of it) are not read as cells at all."""
    kinds: dict[int, Optional[str]] = {}

    def kind(k: int) -> Optional[str]:
        found = kinds.get(k, _UNREAD)
        if found is _UNREAD:
            found = kinds[k] = _cell_kind(texts[k])
        return found

    found: set[int] = set()
    least = TABLE_COLUMNS[0] * TABLE_ROWS
    stop, covered = -1, frozenset()  # the stretch last read ends before ``stop``
    for p in sorted(asked):
        if p < stop:
            if p in covered:
                found.add(p)
            continue
        if kind(p) is None:
            continue
        start, stop = p, p + 1
        while start > 0 and kind(start - 1) is not None:
            start -= 1
        while stop < len(texts) and kind(stop) is not None:
            stop += 1
        stretch = [kinds[k] for k in range(start, stop)]
        covered = frozenset()
        if stop - start >= least and "9" in stretch:
            covered = frozenset(start + k for a, b in _tables(texts[start:stop], stretch)
                                for k in range(a, b))
        if p in covered:
            found.add(p)
    return found


_UNREAD = object()


def _cell_stretches(kinds: list, least: int) -> list[tuple[int, int]]:
    """The stretches of ``least`` cells or more in a row, with a figure among them: no table
    is anywhere else, and a page's prose is passed over at once."""
    stretches, start = [], None
    for k, kind in enumerate(kinds + [None]):
        if kind is not None:
            start = k if start is None else start
            continue
        if start is not None and k - start >= least and "9" in kinds[start:k]:
            stretches.append((start, k))
        start = None
    return stretches


def _tables(texts: list[str], kinds: list) -> list[tuple[int, int]]:
    """:func:`table_runs` over one stretch of cells, as ``(start, end)`` pairs."""
    found: list[tuple[int, int]] = []
    lo, hi = TABLE_COLUMNS
    for p in range(lo, hi + 1):
        for start, end in _periodic_runs(kinds, p):
            if end - start < p * TABLE_ROWS or not _columns_hold(texts, kinds, start, end, p):
                continue
            # the first row, when its name breaks the period ("Zaunkoenig M1K" over
            # "Finalmouse ULX Prophecy"): a column of figures wants a figure, another any cell
            figure = [_figure_share(kinds, start + j, end, p) >= FIGURE_COLUMN for j in range(p)]
            run = start
            while start > 0 and kinds[start - 1] is not None and (
                    kinds[start - 1] == kinds[start - 1 + p] or not figure[(start - 1 - run) % p]):
                start -= 1
            for _ in range(p):  # the header row above: the columns' names, words all
                if start == 0 or kinds[start - 1] != "a":
                    break
                start -= 1
            found.append((start, end))
    return found


# --- a listing's records -------------------------------------------------------------------
# A page whose body is a list of records: job ads ("Secretary III / Job type: Full time /
# Join us for ... / View full job description / Reading Hospital / PA - Reading / 6 Days
# Ago"), classified ads ("12-20-06 / HELP WANTED School Crossing Guard ... / View this ad").
# Each record is told in the same few lines, one of them the same on every record or a date
# (its anchor), the others the record's own. Read line by line, a record's lines are short or
# poor in function words and look like a menu; read together they are the page's items. An
# archive of bare titles and dates, a table of contents or a product grid of names and prices
# tells nothing of its own (see _described), and is no such body.
# A relative date ("3 Days Ago") is an anchor in English only; other languages' listings are
# anchored by their numeric dates (_DATE) or a line told on every record. (Known limit: the
# words belong in the language packs, with en-dateline's, if listings in other languages need
# them.)
_AGO = re.compile(r"\b\d+\s+(?:minute|hour|day|week|month|year)s?\s+ago\b", re.IGNORECASE)
RECORD_RUN = 6  # records in a row that make a listing's body
RECORD_LINES = 8  # lines a record holds at most, its anchor's line included
# ... and a record that tells its fields as labels on lines of their own, each value under
# its label ("Instructor:" / "Jane Doe" / "Location:" / "Room 4": a course's or an event's
# record), runs to 16 lines or so with its title and summary. The longer record needs the
# labels and a summary that is a sentence (10+ words ending in a full stop): a product
# grid's records ("Weight:" / "0.7 lbs", "... reviews with an average rating of 4.8 out of 5
# stars") and a forum poster's statistics ("Messages:" / "1,046") have labels and the
# length (measured: with the labels alone, text wcxb kept both; with the sentence, neither).
RECORD_LABELLED_LINES = 18
RECORD_LABELS = 2  # label lines a record holds at least for RECORD_LABELLED_LINES
_LABEL_ALONE = re.compile(r"^\w[\w .'/&-]{0,30}:$")  # a field's label alone on its line: "Class ID:"
RECORD_SPREAD = 2  # records of one list differ by at most this many lines (a pay told or not)
RECORD_TEXT_WORDS = 10  # a line of a record that tells something (most records hold one)
RECORD_ITEM_WORDS = 3  # a record's own line that names it ("Secretary III", a title) at least
STAMP_WORDS = 6  # a date line's words at most ("Posted December 18, 2006", "5 Days Ago")
STAMP_REST = 2  # ... and its words outside the date ("Posted December")


_YEAR = re.compile(r"(?:19|20)\d\d")


def load_months(text: str, path: str) -> dict[str, list[str]]:
    """``months.yaml``'s data: a list of month names for each language code, checked as the
    packs are (see :mod:`cleaner.text.langlists`)."""
    return load_language_lists(text, path, "month names", "january, february",
                               empty_hint="for a language that writes months in figures")


def _load_months() -> dict[Optional[str], frozenset[str]]:
    """The month names a document in each language writes (``months.yaml``, casefolded): its
    language's and English's (sites in every language print English dates, and a listing's
    short lines are where a document's language is least sure); under ``None``, and for a
    language that names none (ja, zh, ko, vi and th write months in figures, but their pages
    may print others'), every language's. "set" and "mai" are months in Portuguese and
    French, not on an English page."""
    path = Path(__file__).with_name("months.yaml")
    data = load_months(path.read_text(encoding="utf-8"), str(path))
    own = {lang: frozenset(name.casefold() for name in names) for lang, names in data.items()}
    every = frozenset().union(*own.values())
    by_lang: dict[Optional[str], frozenset[str]] = {
        lang: names | own["en"] if names else every for lang, names in own.items()}
    by_lang[None] = every
    return by_lang


_MONTHS = _load_months()  # built once: month_names is asked once a document


def month_names(lang: Optional[str]) -> frozenset[str]:
    """The month names a document in ``lang`` writes (see :func:`_load_months`); every
    language's when ``lang`` is None or not in months.yaml."""
    return _MONTHS.get(lang, _MONTHS[None])


def _stamp(text: str, months: frozenset[str] = _MONTHS[None]) -> bool:
    """A line that is a date and little else ("December 18, 2006", "12-20-06", "1 Week Ago"):
    ``STAMP_WORDS`` words at most, ``STAMP_REST`` of them outside the date (a title with a
    year, "Top Women of 2006", is no date line). A year alone is a date when a month names
    it ("Posted December 2006") or nothing else is told ("2006"): "Budget 2006" and
    "Windows 2000" are a title's."""
    if not _DIGIT.search(text) or len(words(text)) > STAMP_WORDS:  # every date has a figure
        return False
    dates = [m.group(0) for m in _DATE.finditer(text)]
    ago = _AGO.search(text) is not None
    if not dates and not ago:
        return False
    rest = words(_AGO.sub(" ", _DATE.sub(" ", text)))
    if len(rest) > STAMP_REST:
        return False
    if ago or any(not _YEAR.fullmatch(d) for d in dates):
        return True  # a day's date, a date in figures, a time of day
    return all(w.isdigit() for w in rest) or any(w.casefold() in months for w in rest)


def record_items(texts: list[str], min_records: int = RECORD_RUN,
                 lang: Optional[str] = None) -> list[int]:
    """The positions of ``texts`` (a page's non-blank lines, in order) that are the records'
    own lines in runs of ``min_records`` or more records (see the comment above): the lines
    between anchors (a line told the same ``min_records`` times or more, or a date line),
    the records' lengths (anchor to anchor) within ``RECORD_SPREAD`` lines of each other
    over the whole run, each record holding a line of its own of ``RECORD_ITEM_WORDS`` words
    or more. The anchors themselves
    and lines told on every record are not the records' own. The record before the first
    anchor and after the last are read alike, line for line, to the next one in. ``lang``:
    the document's language, whose month names make a year alone a date (:func:`month_names`)."""
    keys = [comparable(t) for t in texts]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    months = month_names(lang)
    stamps = [counts[key] < min_records and _stamp(text, months) for text, key in zip(texts, keys)]
    anchors: dict[str, list[int]] = {}
    for k, key in enumerate(keys):
        if counts[key] >= min_records:
            anchors.setdefault(key, []).append(k)
        elif stamps[k]:
            anchors.setdefault("\0date", []).append(k)

    def own(k: int) -> bool:  # a line of the record's own
        return counts[keys[k]] < min_records and not stamps[k]  # a date is no item

    def named(lo: int, hi: int) -> bool:
        return any(own(k) and len(words(texts[k])) >= RECORD_ITEM_WORDS
                   for k in range(lo, hi))

    def longest(lo: int, hi: int) -> int:  # the lines a record from lo to hi may hold
        labels = sum(1 for k in range(lo, hi) if _LABEL_ALONE.match(texts[k].strip()))
        told = any(own(k) and len(words(texts[k])) >= RECORD_TEXT_WORDS
                   and texts[k].rstrip().endswith(".") for k in range(lo, hi))
        return RECORD_LABELLED_LINES if labels >= RECORD_LABELS and told else RECORD_LINES

    found: set[int] = set()
    for at in anchors.values():
        if len(at) < min_records:
            continue
        run = [at[0]]
        for a, b in zip(at, at[1:] + [None]):
            record = b is not None and 2 <= b - a <= longest(a + 1, b) and named(a + 1, b)
            if record:
                gaps = [y - x for x, y in zip(run, run[1:])] + [b - a]
                if max(gaps) - min(gaps) <= RECORD_SPREAD:
                    run.append(b)
                    continue
            if len(run) >= min_records and _described(texts, run, own):
                found.update(run_items(texts, run, own))
            # a record of another length may start a run of its own
            run = [a, b] if record else [b]
    return sorted(found)


def _described(texts: list[str], run: list[int], own) -> bool:
    """Most records of the run (positions of its anchors ``run``) hold a line of their own
    that tells something (``RECORD_TEXT_WORDS`` words or more: an ad's text, a summary).
    Records of names and figures alone (a table of contents, a product grid's "Only 3
    left! / 12" CAST IRON SKILLET / $49.99 USD") are no page's body of items: a page of
    them is left whole to the emptied-document guard, which a part of it kept would undo."""
    told = sum(1 for a, b in zip(run, run[1:])
               if any(own(k) and len(words(texts[k])) >= RECORD_TEXT_WORDS
                      for k in range(a + 1, b)))
    return told * 2 >= len(run) - 1


_LABEL = re.compile(r"^\W{0,3}([^:\d]{1,30}):\s")  # "Job type: Full time", "Pay: $10.00/hour"


def _record_line_alike(a: str, b: str) -> bool:
    """Two lines at one place of two records: both tell something (an ad's text, a
    summary); or both name (a title, a company) or neither does, under one label ("Job
    type: Contractor | Pay: $10.00/hour", "Job type: Part time") or none, in one skeleton
    or alike with figures or without ("T-OT-Administrative Assistant", "Customer Service
    Positions"). A pager ("Page 1 of 1") or a newsletter box after a listing reads as no
    record's line."""
    na, nb = words(a), words(b)
    if len(na) >= RECORD_TEXT_WORDS and len(nb) >= RECORD_TEXT_WORDS:
        return True
    if (len(na) >= RECORD_ITEM_WORDS) != (len(nb) >= RECORD_ITEM_WORDS):
        return False
    la, lb = _LABEL.match(a), _LABEL.match(b)
    if la or lb:
        return bool(la and lb) and la[1].strip().lower() == lb[1].strip().lower()
    return alike(skeleton(a), skeleton(b)) or bool(_DIGIT.search(a)) == bool(_DIGIT.search(b))


def run_items(texts: list[str], run: list[int], own) -> list[int]:
    """The records' own lines of one run of anchors (positions ``run``), with the lines of
    the record before the first anchor and after the last, out from the anchor, as long as
    they read line for line as the record next to them does (a line of words where it has
    one, an anchor where it has one)."""
    items = [k for a, b in zip(run, run[1:]) for k in range(a + 1, b) if own(k)]
    for edge, inner, step in ((run[0], run[1], -1), (run[-1], run[-2], 1)):
        span = abs(edge - inner)  # the length of the record next to the edge
        added = []
        for t in range(1, span):
            k, m = edge + step * t, inner + step * t
            if not 0 <= k < len(texts) or own(k) != own(m) \
                    or not _record_line_alike(texts[k], texts[m]):
                break  # the record's lines read alike up to here, from its anchor out
            if own(k):
                added.append(k)
        items.extend(added)
    return items
