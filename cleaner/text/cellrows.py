"""A table printed one row a line, its cells apart: extractors print a row's cells split by
tabs (resiliparse: "Industry\t\tPlatforms\t\tEngagement") or between pipes (trafilatura:
"| Industry | Platforms | Engagement |"). Rows like these have few function words and no
full stop, and the line classifier reads each as a menu's entry; between two parts of a story
they are the story's table (house style: an in-story table is article).
"""
from __future__ import annotations

import re
from typing import Optional

from . import words
from .prose import table_cells

_TABS = re.compile(r"\s*\t\s*")  # a tab, with the spaces an extractor pads the cell with
ROW_CELLS = 2  # filled cells a row holds at least


def row_cells(text: str) -> Optional[list[str]]:
    """The filled cells of a line printed as a table's row (two or more: tabs or pipes
    between them), None for any other line. A row of tabs whose cells hold pipes is a
    footer's: a label and its links ("Encyclopaedia:\t\tDiseases | Examinations | Medicines")."""
    cells = table_cells(text)
    if cells is None and "\t" in text.strip():
        cells = [c for c in _TABS.split(text.strip()) if c]
        if any("|" in c for c in cells):
            return None
    return cells if cells is not None and len(cells) >= ROW_CELLS else None


TABLE_ROWS = 3  # rows that make a table
TABLE_SHARE = 0.5  # of the lines, rows: the rest are cells broken over lines, a caption
# words a row holds on average: a table whose rows say something ("Entertainment (Movies,
# Music) | YouTube, TikTok | High engagement with comments, likes and shares"); a grid of
# names ("Chatham | Chelmsford | Clinton"), a compass's or a spec sheet's short cells ("Weight |
# 95 Grams") are as often a layout's or a shop's furniture, left to the classifier
ROW_WORDS = 10


def table_block(texts: list[str]) -> bool:
    """``texts`` (the lines between two parts of a story) are one table printed a row a
    line: ``TABLE_ROWS`` rows or more, rows ``TABLE_SHARE`` of the lines or more (a cell
    the extractor broke over two lines leaves lines that are no row), of ``ROW_WORDS`` words
    a row on average."""
    rows = [t for t in texts if row_cells(t) is not None]
    return len(rows) >= TABLE_ROWS and len(rows) >= TABLE_SHARE * len(texts) \
        and sum(len(words(t)) for t in rows) >= ROW_WORDS * len(rows)
