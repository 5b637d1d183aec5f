"""A product page's other products: the rails of priced cards around the product.

A shop's product page shows one product (its title, price, description, specifications) and,
beside or below it, rails of other products: "customers also viewed", "similar items", "you
may also like", "complete the look", sponsored picks. Each is a run of cards of one shape,
each card a short title and a price (and a picture, a rating, a delivery line). Their names
vary by shop and language, and their titles are often no links at all (the whole card is an
overlay link with no text, a script's click handler), so neither the news page's teaser test
(a linked headline in each card) nor a heading's wording finds them; the shape does: several
sibling cards, most of them short and priced, holding the box's text.

The product's own box never counts (the scoring's best element and the elements above it are
protected by the caller): its variants ("One-time purchase $37.99", "Subscribe and save
$30.39") are two or three lines of one card, not a run of cards.
"""
from __future__ import annotations

import re
from typing import Optional

from .walk import HEADINGS, Page

RAIL_MIN = 3              # a rail shows at least this many other products
CARD_MAX_CHARS = 500      # a card: a title, a price, a line or two more
CARD_TITLE_WORDS = 2      # a card names its product: a line of this many words at least
RAIL_PRICED_SHARE = 0.7   # of a rail's cards, this share show a price (an ad or a "see all" aside)
RAIL_TEXT_SHARE = 0.8     # the cards hold this share of the rail's text
# A price as shops print it: a currency sign or code before or after an amount
# ("$153.43", "US $18.00", "EUR 163.12", "19,99 €", "1 299 Kč").
PRICE = re.compile(
    r"(?:[$€£¥₹₩₺₽]|\b(?:US|USD|EUR|GBP|CAD|AUD|NZD|CHF|JPY|INR|SEK|NOK|DKK|PLN|CZK|R\$|A\$|C\$)"
    r"\s?)\s?\d[\d.,\s]*\d|\b\d[\d.,\s]*\d?\s?(?:€|£|zł|kr|Kč|₽|₺|lei|Ft|EUR|USD|GBP|CHF)(?!\w)")


def priced_card(page: Page, idx: int) -> bool:
    """Is element ``idx`` a product's card: short, a line naming something, and a price?"""
    el = page.elements[idx]
    if page.text_len(el) > CARD_MAX_CHARS:
        return False
    titled = priced = False
    for b in page.blocks[el.start:el.end]:
        if not priced and PRICE.search(b.text):
            priced = True
        if not titled and len(b.text.split()) >= CARD_TITLE_WORDS and not PRICE.search(b.text):
            titled = True
        if titled and priced:
            return True
    return False


def product_rail(page: Page, el, children) -> bool:
    """Is ``el`` a rail of other products: RAIL_MIN or more child cards of one shape (a list's
    items are one shape whatever their classes say) holding most of its text, most of them
    short cards with a title and a price?"""
    elements = page.elements
    shapes: dict[tuple, list] = {}
    for idx in children:
        child = elements[idx]
        if child.end > child.start:
            key = (child.tag, "" if child.tag == "li" else child.node.attributes.get("class") or "")
            shapes.setdefault(key, []).append(idx)
    if not shapes:
        return False
    cards = max(shapes.values(), key=len)
    if len(cards) < RAIL_MIN or \
            sum(page.text_len(elements[c]) for c in cards) < RAIL_TEXT_SHARE * page.text_len(el):
        return False
    priced = sum(1 for c in cards if priced_card(page, c))
    return priced >= RAIL_MIN and priced >= RAIL_PRICED_SHARE * len(cards)


RAIL_HEADER_BLOCKS = 3    # a rail's header: its title ("Similar items"), a "sponsored" mark, a "see all"
RAIL_CLIMB = 8            # wrappers looked through above a rail for its header


def rail_box(page: Page, idx: int, keep_out: set) -> int:
    """The box of rail ``idx`` with its header: the highest element above it whose other
    blocks are that header, a heading (h2 to h6, not the product's h1) and a line or two
    before the cards, with at most "see all" links after them. ``keep_out``: elements never
    taken (the product's box and those above it, the chosen content's roots)."""
    elements, blocks = page.elements, page.blocks
    rail = elements[idx]
    box = idx
    at = rail.parent
    for _ in range(RAIL_CLIMB):
        if at <= 0 or at in keep_out:
            break
        el = elements[at]
        before = blocks[el.start:rail.start]
        after = blocks[rail.end:el.end]
        if len(before) + len(after) > RAIL_HEADER_BLOCKS or \
                any(b.links < 0.5 * b.chars for b in after):
            break
        if before and (before[0].tag not in HEADINGS or before[0].tag == "h1"):
            break
        box = at
        at = el.parent
    return box


def product_box(page: Page, head: Optional[int], top: int) -> Optional[int]:
    """The box that holds both the product's name (block ``head``, the page's headline) and
    the chosen content ``top`` (a description, often in a box of its own), or None when the
    choice holds the name already or only the page's body holds both. A shop lays its product
    out in panels (a gallery and buy box with the name and price, a description, a table of
    specifications): the product is all of them, and its box is the smallest that holds its
    name and its description."""
    if head is None:
        return None
    elements = page.elements
    above = set()
    at = page.blocks[head].owner
    while at > 0:
        above.add(at)
        at = elements[at].parent
    at = top
    while at > 0 and at not in above:
        at = elements[at].parent
    return at if 0 < at != top else None
