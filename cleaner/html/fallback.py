"""A choice that missed the page: a few words chosen beside a ``<main>`` that holds the text.

The scoring ranks boxes by their prose, so a page whose text is not prose (a list of links, a
table of results, a grid of cards, short blurbs) can see a stray box win: a site notice, a
footer's blurb, the one sentence under a hero. When what was chosen is a handful of words
and the page's own ``<main>`` (the author's mark for the page's content; the body when there
is none), less the boxes named like chrome, holds many times as much, the choice missed:
that is the page. A short page (a stub, a notice, a product with no description) keeps its
choice: its ``<main>`` holds little more; so does a short story (a paragraph of prose was
chosen), whose page around it is its site's furniture.
"""
from __future__ import annotations

from typing import Optional

from .walk import Page
from ..text.prose import is_prose

TINY_WORDS = 80       # a choice of fewer words than this may have missed the page
MAIN_TIMES = 5        # ... when <main> holds this many times as many words
MAIN_MIN_WORDS = 150  # ... and this many at least
STORY_WORDS = 15      # a paragraph of prose this long makes the choice a (short) story


def _is_main(el) -> bool:
    return el.tag == "main" or el.node.attributes.get("role") == "main"


def _words(page: Page, blocks) -> int:
    return sum(len(page.blocks[i].text.split()) for i in blocks)


def main_instead(page: Page, keep: list[int], neg: list) -> Optional[tuple[int, list[int]]]:
    """The page's ``<main>`` (or body: element 0) and its blocks outside boxes named like chrome,
    to show instead of ``keep``, or None (see module doc). ``neg``: per element, named like chrome or
    inside such a box (html_score.negative_elements)."""
    chosen = _words(page, keep)
    if chosen >= TINY_WORDS or any(is_prose(page.blocks[i].text, STORY_WORDS) for i in keep):
        return None  # enough text, or a short story: a blog post of one paragraph is a page
    main = next((i for i, el in enumerate(page.elements) if el.node is not None and _is_main(el)
                 and el.end > el.start), 0)
    el = page.elements[main]
    inner = [i for i in range(el.start, el.end) if not neg[page.blocks[i].owner]]
    if _words(page, inner) < max(MAIN_MIN_WORDS, MAIN_TIMES * chosen):
        return None
    return main, inner
