"""Text a thread or a product page shows twice: the thread's text once, the product's once.

A reply on a forum quotes the post it answers ("Tomas said: Hello, my name is Tomas..."):
forum software draws the quote as a box (a ``<blockquote>``, XenForo's "bbCodeBlock--quote",
phpBB's "quotecontent") inside the reply, over text the thread has shown already. A reader
of the thread reads the quoted post once; printed again in every reply that quotes it, it
doubles the thread's words without adding any. A quote box whose text the thread showed
before it goes, with its "said:" line (:func:`without_repeated_quotes`); a quote of something
the page does not show (a post on an earlier page of the thread, a source outside it) stays,
as it is the reply's context.

A shop draws its product's description twice (the phone's layout and the desktop's, both in
the page), and a thread may repeat a post outside any quote box: on those pages a block that
repeats an earlier one word for word is shown once (:func:`without_repeated_blocks`). So it is
on a page that declares a collection or a listing, whose carousels clone their slides.
"""
from __future__ import annotations

import re

from .score import hints
from .walk import Page

QUOTE_NAME = re.compile(r"(?:^|[\s_-])(?:bbcode\w*-?-?quote|quote\w*|bbquote|postquote)", re.I)
QUOTE_MIN_WORDS = 4   # blocks shorter than this (a "said:" line, a name) say nothing to match
_SPACE = re.compile(r"\s+")


_EDGES = " .,;:!?…\"'“”‘’«»()[]-–—"


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def _excerpt(text: str) -> str:
    """A quoted block as the thread shows it elsewhere: without the ellipsis or the full stop
    a quoter puts at the ends of an excerpt ("...smells of nail polish remover.")."""
    return _norm(text).strip(_EDGES)


def _quote_boxes(page: Page) -> list[int]:
    """The outermost quote boxes of the page (element indices, in document order)."""
    out: list[int] = []
    end = -1
    for idx, el in enumerate(page.elements):
        if idx == 0 or el.end <= el.start or el.start < end:
            continue
        if el.tag == "blockquote" or QUOTE_NAME.search(hints(el.node)):
            out.append(idx)
            end = el.end
    return out


def without_repeated_quotes(page: Page, shown: list[int]) -> list[int]:
    """``shown`` without the blocks of quote boxes whose words the shown text holds before
    them (see the module docstring)."""
    boxes = _quote_boxes(page)
    if not boxes:
        return shown
    position = {i: n for n, i in enumerate(shown)}
    gone: set[int] = set()
    before, read = "", 0  # the shown text before the box, normalised, read once in order
    for idx in boxes:
        el = page.elements[idx]
        inside = [i for i in range(el.start, el.end) if i in position]
        if not inside:
            continue
        said = [_excerpt(page.blocks[i].text) for i in inside
                if len(page.blocks[i].text.split()) >= QUOTE_MIN_WORDS]
        if not said:
            continue
        for i in shown[read:position[inside[0]]]:
            before += " \n " + _norm(page.blocks[i].text)
        read = max(read, position[inside[0]])
        if all(text in before for text in said):
            gone.update(inside)
            read = max(read, position[inside[-1]] + 1)  # the repeated text is not read again
    return [i for i in shown if i not in gone] if gone else shown


REPEAT_MIN_WORDS = 6  # a shorter line ("Add to cart", "Reply") may well stand twice


def without_repeated_blocks(page: Page, shown: list[int]) -> list[int]:
    """``shown`` without the blocks that repeat an earlier shown block word for word
    (REPEAT_MIN_WORDS words or more). A product page draws its description twice (the phone's
    layout and the desktop's, a teaser and the full text); a thread repeats a post a reply
    quotes without a quote box. One product, one thread: each paragraph once."""
    seen: set[str] = set()
    out: list[int] = []
    for i in shown:
        text = page.blocks[i].text
        if len(text.split()) >= REPEAT_MIN_WORDS:
            key = _norm(text)
            if key in seen:
                continue
            seen.add(key)
        out.append(i)
    return out
