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

A title of one word ("Contents", "Inhalt", "Innehåll") is also an ordinary section heading
(home insurance's contents cover, a film review's plot, a food's ingredients), and page
builders box every heading in an element of its own: such a title goes only when its box
says it is a table of contents (TOC_TAGS, TOC_NAME on the way up). An ``<h1>`` is the page's
headline and never goes.

The titles are data, per language (``cleaner/text/toctitles.yaml``); English's are read on
every page (plugins print their English defaults on sites in every language).
"""
from __future__ import annotations

import re
from itertools import accumulate
from pathlib import Path
from typing import Optional

from ..text.langlists import phrase_sets, with_english
from .walk import Page

TITLE_MAX_CHARS = 40  # a title is a few words: "Table of Contents", "Navigate this article"
LINKED_SHARE = 0.5  # a next block with this share of its text in links is the list's entry
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")  # "Contents:", "Jump to ↓", "▼ Table of contents"


# What names a box as a table of contents, for a title of one word: its tag, or its class or id
# ("ez-toc-container", "table-of-contents", "inline-anchor-links", "jump-links", "blog_index").
TOC_TAGS = frozenset(("details", "nav", "aside"))
TOC_NAME = re.compile(r"toc(?![a-z])|table-?of-?contents|anchor|jump|index", re.I)


def _normal(text: str) -> str:
    # casefold() writes Turkish "İ" as "i" and a combining dot (U+0307): "İçindekiler" would
    # never be the list's "içindekiler"
    return " ".join(_EDGES.sub("", text.casefold().replace("i\u0307", "i")).split())


TITLES = phrase_sets(Path(__file__).parent.parent / "text" / "toctitles.yaml",
                     "table-of-contents titles", "table of contents, on this page", _normal)


def titles_for(lang: Optional[str]) -> frozenset[str]:
    """The titles of ``lang`` and English's."""
    return with_english(TITLES, lang)


def _box(page: Page, i: int, before: list[int]) -> list[int]:
    """The elements above block ``i``'s own that hold no other shown block, innermost first:
    the widget's box, emptied of its list (none for a heading among paragraphs, boxed by
    nothing but its own element). ``before[j]``: how many shown blocks come before block j."""
    elements = page.elements
    box = page.blocks[i].owner
    chain: list[int] = []
    while True:
        parent = elements[box].parent
        if parent is None or parent < 0:
            break
        el = elements[parent]
        if before[el.end] - before[el.start] > 1:  # another shown block than i
            break
        box = parent
        chain.append(parent)
    return chain


def _names_toc(page: Page, chain: list[int]) -> bool:
    """An element of ``chain`` is a table of contents by its tag or its class or id."""
    for e in chain:
        el = page.elements[e]
        if el.tag in TOC_TAGS:
            return True
        attrs = el.node.attributes
        if TOC_NAME.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
            return True
    return False


def orphan_titles(page: Page, shown: list[int], lang: Optional[str]) -> set[int]:
    """The blocks of ``shown`` that are a table of contents' title (one of the language's
    titles, whole) left alone in its widget's box, its list not shown after it."""
    titles = titles_for(lang)
    found: set[int] = set()
    before: Optional[list[int]] = None  # counted once, for the first title found
    for pos, i in enumerate(shown):
        block = page.blocks[i]
        if block.chars > TITLE_MAX_CHARS or block.tag == "h1":
            continue
        title = _normal(block.text)
        if title not in titles or page.elements[block.owner].tag == "h1":
            continue
        nxt = page.blocks[shown[pos + 1]] if pos + 1 < len(shown) else None
        if nxt is not None and (nxt.tag == "li" or nxt.links >= LINKED_SHARE * nxt.chars):
            continue  # the list is shown, under its title
        if before is None:
            before = _shown_before(len(page.blocks), shown)
        chain = _box(page, i, before)
        if chain and (" " in title or _names_toc(page, chain)):
            found.add(i)
    return found


def _shown_before(blocks: int, shown: list[int]) -> list[int]:
    """For each block index j (and ``blocks``), how many of ``shown`` come before it: an
    element's shown blocks are counted in one subtraction, not a scan of its range."""
    kept = set(shown)
    return list(accumulate((j in kept for j in range(blocks)), initial=0))
