"""An author's bio below the story, told by its shape rather than its box's class name.

A story's page declares who wrote it (JSON-LD ``author``, ``<meta name="author">``). Below the
story, many themes print that person's bio in a box whose class names nothing an author-box
selector knows (a page builder's text widget, a CSS-in-JS class, a "contributor" card): a
paragraph that opens with the author's own name and says who they are ("Jane Doe is a
freelance writer...", "Jane Doe has covered energy since..."). House style: a bio is
boilerplate (category ``bio``).

Doubt keeps the line:
- only a person is an author with a bio; an organisation named as author (a company's blog
  post signed "Acme") speaking of itself ("Acme is dedicated to...") is the page's content;
- the paragraph must open a box of its own, below at least half of the story: a bio written
  as the story's last paragraph, among its other paragraphs (an italic line about a guest
  writer), is left alone, as some publishers count it part of the piece;
- a paragraph speaking as "we" or "our" is a company's, not a person's bio.

A bio may also sit under an "About the author" heading, in a box that the heading opens
(:func:`about_blocks`): the heading and its box go, wherever the box stands, and a heading
with no box of its own is left alone. Among a flat run of paragraphs, such a label in a
paragraph of its own ("About the Author:", its colon pointing at what follows) and the one
paragraph right after it go when the label stands below half of the story and that
paragraph reads as the author's bio: the declared author's name (any person's, when the page
declares nobody), then a bio's verb (:func:`label_blocks`); the story after it stays. A book
review's "About the author:" over the novelist's bio is the review's content.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterable, Optional

import regex

from .lookups import META_AUTHOR, PageLookups
from .pagetype import SCHEMA_TYPES, WEAK_SCHEMA_TYPES
from .walk import HEADINGS, Page

# The schema.org items whose author is the story's (not a reviewed book's writer, a checked
# claim's speaker, a comment's poster).
STORY_TYPES = frozenset(t for t, kind in {**SCHEMA_TYPES, **WEAK_SCHEMA_TYPES}.items()
                        if kind == "article") | {"webpage"}

# What a bio says right after its subject's name.
BIO_VERB = (r"(?:is|was|has|had|started|joined|writes|wrote|covers|covered|holds|lives|leads|"
            r"serves|founded|co-founded|works|worked|loves|enjoys|specializes|specialises|"
            r"graduated|earned|began|helps|brings)")
# The share of the shown text (characters) that comes before a bio: it follows the story.
BIO_AFTER_SHARE = 0.5
# What a bio's box may hold before it (a name, a role, an "About the author" heading).
BOX_LEAD_CHARS = 120
# What a bio's box may hold besides the bio (a name, a role, a disclosure line): a box
# holding more is no bio's, the story may go on in it (an author card set mid-page).
BOX_OTHER_CHARS = 400
# A heading over an author's (a reviewer's) bio, and the most its box holds.
# (Not "About the expert": an expert the story quotes, whose card cartalk 4497 keeps as its own.)
ABOUT_PAGE_SHARE = 0.5  # an About box holding more of the shown text is the page itself
# The same words are label_blocks' label over a bio among flat paragraphs. (Not "Who curated
# this article?": one publisher's two sites print it over the same bio card, and one gold
# keeps the card, pcworld 4603, where the other drops it, techhive 0212.)
ABOUT_HEADING = re.compile(r"about (?:the|this) (?:author|reviewer|writer|contributor)s?:?$", re.I)
ABOUT_BOX_CHARS = 1500
# A paragraph that opens as a person's bio: a name of two to four capitalised words (an
# optional "(she/her)" or ", appositive,"), then a bio's verb.
NAMED_BIO = regex.compile(r"\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}(?:\s*\([^)]{0,20}\))?"
                          r"(?:,[^,]{1,60},)?\s+%s\b" % BIO_VERB)
# A company speaking of itself.
FIRST_PLURAL = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")  # case-sensitive: "a US-based writer" is no "us"
# A declared name: a person's name is one to four words, no address.
MAX_NAME_WORDS = 4


def _types(item: dict) -> set[str]:
    kind = item.get("@type")
    return {k.rsplit("/", 1)[-1].lower() for k in (kind if isinstance(kind, list) else [kind])
            if isinstance(k, str)}


def _people(value: object, out: set[str]) -> None:
    """The names of the people in a JSON-LD ``author`` value (organisations left out)."""
    for one in value if isinstance(value, list) else [value]:
        if isinstance(one, str):
            out.add(one)
        elif isinstance(one, dict) and isinstance(one.get("name"), str) and \
                _types(one) <= {"person"}:  # a Person, or untyped: no organisation of any kind
            out.add(one["name"])


def declared_authors(lookups: PageLookups) -> frozenset[str]:
    """The people the page names as its story's author, in JSON-LD or ``<meta name=author>``."""
    names: set[str] = set()
    for item in lookups.json_ld():
        if "author" in item and _types(item) & STORY_TYPES:  # the story's own author
            _people(item["author"], names)
    for node in lookups.all(META_AUTHOR):
        names.add(node.attributes.get("content") or "")
    return frozenset(n.strip() for n in names
                     if 0 < len(n.split()) <= MAX_NAME_WORDS and "/" not in n and "@" not in n)


def bio_opening(authors: Iterable[str]) -> Optional[re.Pattern[str]]:
    """A pattern for a paragraph that opens with one of ``authors`` and a bio's verb, or None."""
    names = sorted((re.escape(n.strip()) for n in authors if n.strip()), key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?P<name>%s)(?:\s*\([^)]{0,20}\))?(?:,[^,]{1,60},)?\s+%s\b" % ("|".join(names), BIO_VERB))


def bio_blocks(page: Page, shown: list[int], opening: re.Pattern[str]) -> set[int]:
    """The blocks of ``shown`` that are the declared author's bio (see the module's doc): a
    paragraph opening a box of its own with ``opening``, and the rest of that box."""
    total = sum(page.blocks[i].chars for i in shown)
    before = 0
    gone: set[int] = set()
    elements = page.elements
    order = sorted(shown)  # a box's blocks, found by bisection
    for i in shown:
        block = page.blocks[i]
        found = opening.match(block.text) \
            if i not in gone and before >= BIO_AFTER_SHARE * total else None
        if found and not FIRST_PLURAL.search(block.text):
            box = _own_box(page, block.owner, i, block.chars)
            if box is not None:
                start, end = elements[box].start, elements[box].end
                lead = " ".join(page.blocks[j].text for j in range(start, i))
                # the box opens with the author's name line (a card: name, role, bio), and the
                # box, not only the paragraph, stands below the story's half (a short brief's
                # <article> is the box of its last paragraph)
                if found.group("name") not in lead or \
                        before - (page.chars[i] - page.chars[start]) < BIO_AFTER_SHARE * total:
                    box = None
            if box is not None:  # the bio, and its box's name and role lines around it
                gone.update(order[bisect_left(order, start):bisect_left(order, end)])
        before += block.chars
    return gone


def about_blocks(page: Page, shown: list[int]) -> set[int]:
    """The blocks of ``shown`` in the box an "About the author" heading opens (ABOUT_HEADING):
    the heading and the short bio under it. The box is the largest element the heading opens
    that holds no more than ABOUT_BOX_CHARS; a heading with no box of its own (a flat run of
    the story's paragraphs) is left alone, as the story may go on below it. A box closes, so
    where it stands does not matter: the Motley Fool sets its author's card mid-page, the
    story going on below it, outside the box."""
    gone: set[int] = set()
    elements = page.elements
    total = sum(page.blocks[i].chars for i in shown)
    order = sorted(shown)  # a box's blocks, found by bisection
    for i in shown:
        block = page.blocks[i]
        if i not in gone and block.tag in HEADINGS and \
                ABOUT_HEADING.match(block.text.strip()):
            box, el = None, block.owner
            while el is not None and el >= 0 and elements[el].start == i and \
                    page.text_len(elements[el]) <= ABOUT_BOX_CHARS:
                box, el = el, elements[el].parent
            if box is not None and elements[box].end > i + 1:  # the heading and what it heads
                mine = order[bisect_left(order, i):bisect_left(order, elements[box].end)]
                # a box holding most of the page's text is the page (a writer's About page)
                if sum(page.blocks[j].chars for j in mine) <= ABOUT_PAGE_SHARE * total:
                    gone.update(mine)
    return gone


def _own_box(page: Page, owner: int, first: int, chars: int) -> Optional[int]:
    """The element that ``first`` (a block of ``chars`` characters) opens, with no more than
    BOX_LEAD_CHARS of text before it and BOX_OTHER_CHARS besides it: the bio's box, or None
    when the paragraph sits among the story's."""
    elements = page.elements
    box = owner
    while True:
        parent = elements[box].parent
        if parent is None or parent < 0:
            return None
        el = elements[parent]
        if el.start < first:
            lead = page.chars[first] - page.chars[el.start]
            if lead > BOX_LEAD_CHARS or page.text_len(el) - chars > BOX_OTHER_CHARS:
                return None
            return parent
        box = parent


def label_blocks(page: Page, shown: list[int], gone: set[int],
                 opening: Optional[re.Pattern[str]] = None) -> set[int]:
    """The blocks of ``shown`` that are a bio's label among flat paragraphs (ABOUT_HEADING, in
    a paragraph of its own that ends in a colon: "About the Author:") and the paragraph right
    after it, when that paragraph is the story's author's bio: it opens with the declared
    author's name and a bio's verb (``opening``), or, when the page declares nobody (``opening``
    None), with a person's name and a bio's verb (NAMED_BIO); it speaks as no "we" and is no
    longer than an About box (ABOUT_BOX_CHARS); and the label stands below at least half of
    the story (BIO_AFTER_SHARE), as a bio follows the story. A book review prints "About the
    author:" over the reviewed novelist's bio, anywhere in the piece: that bio is the story's
    content. What follows the bio is left alone (the story may go on). Blocks already in
    ``gone`` (an About heading's box) are not read again."""
    found: set[int] = set()
    total = sum(page.blocks[i].chars for i in shown)
    before = 0
    for pos, i in enumerate(shown[:-1]):
        label = page.blocks[i].text.strip()
        ahead = before
        before += page.blocks[i].chars
        # a paragraph ending in a colon introduces the next one; a heading opens a section, and
        # the story may go on under it (about_blocks reads a heading's own box)
        if i in gone or page.blocks[i].tag in HEADINGS or not label.endswith(":") or \
                not ABOUT_HEADING.match(label) or ahead < BIO_AFTER_SHARE * total:
            continue
        nxt = shown[pos + 1]
        bio = page.blocks[nxt]
        named = opening.match(bio.text) if opening is not None else NAMED_BIO.match(bio.text)
        if nxt not in gone and bio.chars <= ABOUT_BOX_CHARS and named \
                and not FIRST_PLURAL.search(bio.text):
            found.update((i, nxt))
    return found
