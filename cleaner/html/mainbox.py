"""The page's ``<main>``: the author's own mark for what the page is about.

The scoring ranks boxes by their prose, which finds a story wherever it sits. A page that is
no story (a company's landing page, a shop's category, a list of links, a table of results)
has little prose, and the box that wins is one part of it: a tagline, a testimonial, one
section of many. Where the page marks its content with ``<main>`` (or ``role=main``), that mark
knows more than the scoring:

- ``main_instead``: a choice of a handful of words beside a ``<main>`` (the body when there
  is none) that holds many times as much, outside the boxes named like chrome, missed the
  page; ``<main>`` is shown instead. A short page (a stub, a notice, a product with no
  description) keeps its choice: its ``<main>`` holds little more; so does a short story (a
  paragraph of prose was chosen), whose page around it is its site's furniture.
- ``main_over_footer``: a choice in the page's footer (a ``<footer>``, a box named so), outside
  a ``<main>`` that holds text outside chrome, missed the page too, however much it holds: a
  shop's "about us" paragraph at the foot of a category of two products outweighs its cards.
- ``with_main``: on a page that declared no type, whose choice lies in ``<main>`` and is not
  one story, the rest of ``<main>`` is the page's too, less the boxes named like chrome, the
  page's frame (header, footer, navigation, asides, forms) and teaser cards
  (html/sections.py's ``outside_page``). A story (eight paragraphs of prose, or three long
  ones: a short news story) keeps its choice alone: what stands beside a story in ``<main>``
  is a pitch, a teaser, the site's lists.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from .score import hints
from .sections import outside_page, story
from .walk import Page
from ..text.prose import is_prose

TINY_WORDS = 80       # a choice of fewer words than this may have missed the page
MAIN_TIMES = 5        # ... when <main> holds this many times as many words
MAIN_MIN_WORDS = 150  # ... and this many at least
STORY_WORDS = 15      # a paragraph of prose this long makes the choice a (short) story
UNDECLARED = frozenset(("unknown", "service"))  # page types read with the rest of <main>
# A choice with this many paragraphs of prose this long (a link or two in them) is a story
# too, however short: a news story runs to a few long paragraphs, a landing page's blurbs
# are shorter.
NEWS_PARAGRAPHS = 3
NEWS_PARAGRAPH_WORDS = 30
NEWS_LINK_SHARE = 0.3
FOOTER = re.compile(r"footer", re.I)  # a box named as the page's footer


def _first_main(page: Page) -> Optional[int]:
    """The index of the page's first ``<main>`` (or role=main) element with text, or None."""
    return next((i for i, el in enumerate(page.elements) if el.node is not None and el.is_main
                 and el.end > el.start), None)


def _words(page: Page, blocks) -> int:
    return sum(len(page.blocks[i].text.split()) for i in blocks)


def main_instead(page: Page, keep: list[int], neg: list) -> Optional[tuple[int, list[int]]]:
    """The page's ``<main>`` (or body: element 0) and its blocks outside boxes named like chrome,
    to show instead of ``keep``, or None (see module doc). ``neg``: per element, named like
    chrome or inside such a box (html_score.negative_elements)."""
    chosen = _words(page, keep)
    if chosen >= TINY_WORDS or any(is_prose(page.blocks[i].text, STORY_WORDS) for i in keep):
        return None  # enough text, or a short story: a blog post of one paragraph is a page
    main = _first_main(page)
    if main is None:
        main = 0
    el = page.elements[main]
    inner = [i for i in range(el.start, el.end) if not neg[page.blocks[i].owner]]
    if _words(page, inner) < max(MAIN_MIN_WORDS, MAIN_TIMES * chosen):
        return None
    return main, inner


def main_over_footer(page: Page, keep: list[int], top: int, neg: list
                     ) -> Optional[tuple[int, list[int]]]:
    """The page's ``<main>`` and its blocks outside boxes named like chrome, to show instead of
    ``keep`` (the choice, whose top element is ``top``), when the choice lies outside it in
    the page's footer and ``<main>`` holds text outside chrome; else None (see module doc).
    A box named as a footer that holds ``<main>`` is a layout's wrapper ("has-sticky-footer"),
    not the page's footer; and a choice that reads as a story (NEWS_PARAGRAPHS of prose)
    stays, wherever it sits."""
    footers = _footers_over(page, top)  # the climb first: few choices are in a footer
    if not keep or not footers:
        return None
    main = _first_main(page)
    if main is None:
        return None
    el = page.elements[main]
    if any(el.start <= i < el.end for i in keep):
        return None
    wrappers = set(_ancestors(page, main))
    if all(f in wrappers for f in footers):
        return None
    if sum(1 for i in keep if is_prose(page.blocks[i].text, NEWS_PARAGRAPH_WORDS)) >= NEWS_PARAGRAPHS:
        return None
    inner = [i for i in range(el.start, el.end) if not neg[page.blocks[i].owner]]
    return (main, inner) if inner else None


def _ancestors(page: Page, idx: int) -> Iterator[int]:
    """Element ``idx``'s ancestors, nearest first, up to (not including) the root."""
    idx = page.elements[idx].parent
    while idx > 0:
        yield idx
        idx = page.elements[idx].parent


def _footers_over(page: Page, idx: int) -> list[int]:
    """Element ``idx`` and those of its ancestors that are a ``<footer>`` or a box named as
    one (FOOTER)."""
    found = []
    while idx > 0:
        el = page.elements[idx]
        if el.tag == "footer" or FOOTER.search(hints(el.node)):
            found.append(idx)
        idx = el.parent
    return found


def with_main(page: Page, keep: list[int], neg: list) -> list[int]:
    """``keep`` and the rest of the page's ``<main>`` outside chrome, frame and teaser boxes,
    when the choice lies in ``<main>`` and is not one story (see module doc); else ``keep``."""
    main = _first_main(page)
    if main is None or not keep or not neg:
        return keep
    el = page.elements[main]
    if not all(el.start <= i < el.end for i in keep) or story(page, keep):
        return keep
    if sum(1 for i in keep if page.blocks[i].links <= NEWS_LINK_SHARE * page.blocks[i].chars
           and is_prose(page.blocks[i].text, NEWS_PARAGRAPH_WORDS)) >= NEWS_PARAGRAPHS:
        return keep  # a short news story: its <main> holds its site's teasers and lists
    off = outside_page(page, neg)
    return sorted(set(keep).union(i for i in range(el.start, el.end)
                                  if not off[page.blocks[i].owner]))
