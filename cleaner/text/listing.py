"""A page of teasers: a front page or a section's listing, whose content *is* its headlines
and their one-sentence summaries. Rules that drop a teaser list under a heading ("More",
"In case you missed it") would take the page's content on such a page.

A listing shows itself over the whole page: many headlines each followed by one summary
sentence, and no story, that is no paragraph of the story's length and no two paragraphs
of prose in a row (a story's paragraphs come two in a row; a teaser has one summary).
A short news item (a headline and one paragraph) shows one such pair, not ``min_pairs``; an
interview's questions are no headlines, and a question is no summary (a list of a forum's
questions is titles, not teasers).
"""
from __future__ import annotations

from typing import Iterable

from . import is_list_item, words
from .prose import Unit, as_prose, ends_with_full_stop, full_sentence

MIN_PAIRS = 8  # headline + summary pairs that make a listing
HEADLINE_WORDS = (3, 20)  # a headline's words
SUMMARY_WORDS = 6  # a summary sentence has at least this many words
STORY_WORDS = 60  # a paragraph this long is a story's, no summary is
PARAGRAPH_WORDS = 20  # two paragraphs this long in a row are a story's
TOLD_ITEM_WORDS = 12  # a list item this long tells something: a headline and its summary
ITEM_PAGE_ITEMS = 20  # told items that make a page of them
ITEM_PAGE_SHARE = 0.6  # ... holding at least this share of the page's words


def _sentence(u: Unit, min_words: int) -> bool:
    return full_sentence(u.text, u.nwords, min_words)


def _headline(u: Unit) -> bool:
    low, high = HEADLINE_WORDS
    text = u.text.rstrip()
    # a headline ends no sentence. A question over an answer is as often an interview's
    # (its questions and answers pair as teasers do): a teaser written as a question ("Do
    # you have to be polite to AI?") is not counted
    return low <= u.nwords <= high and not text.endswith(":") and not ends_with_full_stop(text)


def listing_shape(units: Iterable[Unit]) -> tuple[int, bool]:
    """The headline + summary pairs in ``units`` (a page's surviving lines, read as
    sentences) and whether a story shows among them."""
    pairs = 0
    story = False
    prev = None
    for u in units:
        if _sentence(u, STORY_WORDS):
            story = True
        elif prev is not None and _sentence(prev, PARAGRAPH_WORDS) and _sentence(u, PARAGRAPH_WORDS):
            story = True
        elif prev is not None and _headline(prev) and _sentence(u, SUMMARY_WORDS) \
                and u.nwords > prev.nwords and not u.text.rstrip().endswith("?"):
            pairs += 1  # a summary says more than its headline; a list of titles does not
        prev = u
    return pairs, story


def is_listing(units: Iterable[Unit], min_pairs: int = MIN_PAIRS) -> bool:
    """``min_pairs`` or more headline + summary pairs and no story: a page of teasers."""
    pairs, story = listing_shape(units)
    return pairs >= min_pairs and not story


def page_is_listing(lines: list[str], min_pairs: int = MIN_PAIRS) -> bool:
    """:func:`is_listing` of a page's ``lines`` as they came, each non-blank line a unit (a
    page dump prints a block a line)."""
    units = []
    for k, line in enumerate(lines):
        if line.strip():
            text = as_prose(line)
            units.append(Unit(k, text, len(words(text))))
    return is_listing(units, min_pairs)


def told_item(text: str) -> bool:
    """A bulleted or numbered line of ``TOLD_ITEM_WORDS`` words or more: a teaser told on
    one line ("- Gates Sworn In as Defense Secretary AFPS 18 Dec 2006 -- Robert M. Gates
    was sworn in..."), not a menu's or a "Most read" list's bare link."""
    return is_list_item(text) and len(words(text)) >= TOLD_ITEM_WORDS


def page_is_item_list(lines: list[str], min_items: int = ITEM_PAGE_ITEMS,
                      share: float = ITEM_PAGE_SHARE) -> bool:
    """A page whose content is one long list of told items (a news digest, a link blog):
    ``min_items`` or more of them, holding ``share`` of the page's words or more. Another
    list of such items under a heading ("Other News") is more of the page's content."""
    items = total = item_words = 0
    for line in lines:
        n = len(words(line))
        total += n
        if n >= TOLD_ITEM_WORDS and is_list_item(line):
            items += 1
            item_words += n
    return items >= min_items and item_words >= share * total > 0
