"""A table of contents' title left alone once its links are gone.

A table-of-contents widget (a WordPress plugin's box, a ``<details>`` whose summary reads
"Table of Contents", a "Jump to:" bar) is a title over a list of links to the story's own
sections. The reader takes the list as chrome (a ``<nav>``, a collapsed panel, links its
choice leaves out), and the title stays behind, printed as a line of its own over the story.
House style keeps a table of contents with the article only when its entries are kept.

What tells the orphaned title from a section heading of the same words (a README's "Table of
Contents" heading over its text, a guide's "Contents" heading over a list it shows) is its
box: the widget wraps the title in an element of its own (``div.ez-toc-title-container``,
``<details>``), which, once the list has gone, holds nothing else that the reader shows; a
heading among the story's paragraphs is boxed by nothing but itself. And the title's list
is not what follows it: the next block shown is no list item and no line of links (a
wrapper round the title alone, with the list shown after it, keeps the title).

The titles are data, per language (``cleaner/text/toctitles.yaml``); English's are read on
every page (plugins print their English defaults on sites in every language).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from ..text.langlists import load_language_lists
from .walk import Page

TITLE_MAX_CHARS = 40  # a title is a few words: "Table of Contents", "Navigate this article"
LINKED_SHARE = 0.5  # a next block with this share of its text in links is the list's entry
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")  # "Contents:", "Jump to ↓", "▼ Table of contents"


def _load() -> dict[str, frozenset[str]]:
    path = Path(__file__).parent.parent / "text" / "toctitles.yaml"
    data = load_language_lists(path.read_text(encoding="utf-8"), str(path),
                               "table-of-contents titles", "table of contents, on this page")
    return {lang: frozenset(_normal(t) for t in titles) for lang, titles in data.items()}


def _normal(text: str) -> str:
    return " ".join(_EDGES.sub("", text.casefold()).split())


TITLES = _load()


def titles_for(lang: Optional[str]) -> frozenset[str]:
    """The titles of ``lang`` and English's."""
    return TITLES["en"] | TITLES.get(lang or "", frozenset())


def _alone_in_box(page: Page, i: int, shown: set[int]) -> bool:
    """Block ``i`` sits in an element above its own that holds no other shown block: the
    widget's box, emptied of its list. A block whose parent holds other shown blocks is
    boxed by nothing but its own element (a heading among paragraphs)."""
    elements = page.elements
    own = page.blocks[i].owner
    box = own
    while True:
        parent = elements[box].parent
        if parent is None or parent < 0:
            break
        el = elements[parent]
        if any(j in shown for j in range(el.start, el.end) if j != i):
            break
        box = parent
    return box != own


def orphan_titles(page: Page, shown: list[int], lang: Optional[str]) -> set[int]:
    """The blocks of ``shown`` that are a table of contents' title (one of the language's
    titles, whole) left alone in its widget's box, its list not shown after it."""
    titles = titles_for(lang)
    found: set[int] = set()
    kept = set(shown)
    for pos, i in enumerate(shown):
        block = page.blocks[i]
        if block.chars > TITLE_MAX_CHARS or _normal(block.text) not in titles:
            continue
        nxt = page.blocks[shown[pos + 1]] if pos + 1 < len(shown) else None
        if nxt is not None and (nxt.tag == "li" or nxt.links >= LINKED_SHARE * nxt.chars):
            continue  # the list is shown, under its title
        if _alone_in_box(page, i, kept):
            found.add(i)
    return found
