"""A page made of sections: a service or landing page's headed blocks of prose, all of them.

A company's service page, a product's landing page, a department's page is not one story in
one container: it is a hero and a column of sections, each in a box of its own, each a
heading over a paragraph or two ("Capture tasks at the speed of thought" / "We've spent a
decade..."). The scoring picks the box with the most prose, which is one section (or a
testimonial carousel) of many; the reader asks here for the rest.

A section: a heading (h2 to h6, no link text, a few words), not inside a box named like chrome
or a ``header``/``footer``/``nav``/``aside``/``form``, followed before the next heading by a
paragraph of prose (a full sentence of SECTION_PROSE_WORDS words, no link text). Its blocks are
the heading and what follows it up to the next heading that are not link lists. The page is
made of sections when SECTIONS_MIN of them stand outside the chosen content: one or two headed
paragraphs beside a story are an author's box or a newsletter's pitch, a column of them is the
page. A page whose chosen content is one story (STORY_PARAGRAPHS paragraphs of prose that
are not an FAQ's answers) keeps its choice alone: what stands beside a story is a pitch.
Sections inside a list's cards or teaser boxes are other pages' summaries, not the page's.
"""
from __future__ import annotations

import re

from ..text import words
from ..text.prose import is_prose
from .score import chrome, hints
from .walk import HEADINGS, Page

# Boxes named like other pages' summaries (reader.STRAY_NOT's words for a teaser's box).
TEASER_BOX = re.compile(r"teaser|card|summary|excerpt|promo|listing|stories|story-list|related", re.I)

# The pages read for their sections: a service page, and a page that declares nothing (a
# collection's or a listing's own blurbs beside its items are not its items).
SECTIONS_PAGES = frozenset(("service", "unknown", "product"))
# A page that declared nothing and turned out to be made of sections is a service page
# (result.page_type), as a company's, a product's or a department's page is.
SECTIONS_REASON = "headed sections beside the chosen content"
SECTION_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
SECTION_HEADING_WORDS = 20   # a heading, not a paragraph set in a heading's tag
SECTION_PROSE_WORDS = 10     # the section's paragraph: a full sentence this long
SECTION_BLOCKS = 8           # blocks after a heading looked at for its section
SECTIONS_MIN = 3             # headed sections outside the choice that make a page of sections
STORY_PARAGRAPHS = 8         # a choice with this many paragraphs of prose is one story
NOT_IN = frozenset(("header", "footer", "nav", "aside", "form"))
# An FAQ's answers are no story, however many paragraphs they run to, nor are quotes.
FAQ_BOX = re.compile(r"faq|accordion|question", re.I)
QUOTE_TAGS = frozenset(("blockquote", "q"))


def outside_page(page: Page, neg: list) -> list:
    """Per element: is it, or an element above it, named like chrome or a page's frame
    (header, footer, navigation, aside, form), or a teaser's box?"""
    elements = page.elements
    out = [False] * len(elements)
    for idx in range(1, len(elements)):
        el = elements[idx]
        out[idx] = out[el.parent] or neg[idx] or el.tag in NOT_IN or \
            bool(TEASER_BOX.search(hints(el.node)))
    return out


def _not_story_text(page: Page, at: int) -> bool:
    """Is element ``at`` inside a disclosure (``<details>``), a box named for an FAQ, or a
    quote (its text a block of its own or paragraphs inside the quote)?"""
    elements = page.elements
    while at > 0:
        el = elements[at]
        if el.tag == "details" or el.tag in QUOTE_TAGS or FAQ_BOX.search(hints(el.node)):
            return True
        at = el.parent
    return False


def story(page: Page, keep: list[int]) -> bool:
    """Is the chosen content one story: STORY_PARAGRAPHS paragraphs of prose, not an FAQ's,
    nor quotes (a landing page's carousel of testimonials, each a customer's words in a
    ``<blockquote>`` over their name: a story's paragraphs are its own words)?"""
    blocks = page.blocks
    count = 0
    for i in keep:
        b = blocks[i]
        if b.tag not in HEADINGS and not b.links and is_prose(b.text) and \
                not _not_story_text(page, b.owner):
            count += 1
            if count >= STORY_PARAGRAPHS:
                return True
    return False


def _section(page: Page, head: int, off: list) -> list[int]:
    """The blocks of the section headed by block ``head`` (the heading first), or [] when no
    paragraph of prose follows the heading."""
    blocks = page.blocks
    out, prose = [head], False
    for i in range(head + 1, min(len(blocks), head + 1 + SECTION_BLOCKS)):
        b = blocks[i]
        if b.tag in HEADINGS:
            break
        if off[b.owner] or b.links > 0.3 * b.chars:
            continue
        out.append(i)
        if not b.links and is_prose(b.text, SECTION_PROSE_WORDS):
            prose = True
    return out if prose else []


def page_sections(page: Page, keep: list[int], neg: list, named_boxes: bool = True) -> list[int]:
    """``keep`` and the sections outside it, when the page is made of sections (see the
    module docstring); else ``keep`` unchanged. ``named_boxes``: also the sections in boxes
    named like chrome among them (:func:`_named_like_chrome`); not on a product's page, whose
    boxes beside its description are the shop's (a quiz to find the right kit, a pitch)."""
    if not keep or not neg:
        return keep
    if story(page, keep):
        return keep
    kept = set(keep)
    blocks = page.blocks
    heads = [i for i, b in enumerate(blocks) if i not in kept and b.tag in SECTION_HEADINGS
             and not b.links and 0 < len(words(b.text)) <= SECTION_HEADING_WORDS]
    if len(heads) < SECTIONS_MIN:
        return keep
    off = outside_page(page, neg)
    texts = {blocks[i].text for i in keep}
    found: list[list[int]] = []
    for i in heads:
        if off[blocks[i].owner]:
            continue
        section = _section(page, i, off)
        if section:  # its paragraph may be kept already (a stray paragraph of prose)
            found.append([j for j in section if j not in kept])
    for section in (_named_like_chrome(page, heads, off, kept) if named_boxes else ()):
        found.append([j for j in section if j not in kept])
    if len(found) < SECTIONS_MIN:
        return keep
    extra = []
    for section in found:
        for j in section:
            if blocks[j].text not in texts:
                extra.append(j)
                texts.add(blocks[j].text)
    return sorted(kept.union(extra))


def _named_like_chrome(page: Page, heads: list[int], off: list, kept: set) -> list[list[int]]:
    """The sections in boxes named like chrome that stand in a column of the page's sections:
    a landing-page builder names its sections for what they sell ("contact_section",
    "teaser-8bd8b65ebf", "meta-block-section") or for its scroll-spy ("lm_navSource"). Such a
    box (the outermost named so, its parent in the page) is the page's when it holds a section
    (a heading over a sentence, read with only the names inside the box counted) and its
    parent holds SECTIONS_MIN children with a section each, the box among them: a column of
    headed paragraphs, where a site's chrome (a newsletter's pitch, a contact box, an
    author's bio) stands alone, or in the page's frame (header, footer, nav, aside)."""
    elements, blocks = page.elements, page.blocks
    roots: dict[int, list[int]] = {}
    for i in heads:
        at = blocks[i].owner
        if not off[at]:
            continue
        while at > 0 and off[elements[at].parent]:
            at = elements[at].parent
        if at > 0 and elements[at].tag not in NOT_IN:
            roots.setdefault(at, []).append(i)
    if not roots:
        return []
    local = list(off)
    for root in roots:  # outermost boxes: none holds another
        _read_inside(page, root, local)
    sections: dict[int, list[list[int]]] = {}
    for root, inside in roots.items():
        got = [s for s in (_section(page, i, local) for i in inside) if s]
        if got:
            sections[root] = got
    if not sections:
        return []
    # each parent's children that hold a section: the chrome-named boxes, then (one climb
    # from each heading) the children holding a section outside chrome or a heading of the
    # chosen content
    column: dict[int, set[int]] = {}
    for r in sections:
        column.setdefault(elements[r].parent, set()).add(r)

    def kids(at: int):  # (parent, its child holding ``at``) for the parents in ``column``
        while at > 0:
            up = elements[at].parent
            if up in column:
                yield up, at
            at = up

    own: dict[int, set[int]] = {}  # the children in the page's own sections, not chrome-named
    for i in heads:
        has_section = None
        for parent, kid in kids(blocks[i].owner):
            if kid in column[parent] or off[kid]:
                continue
            if has_section is None:
                has_section = bool(_section(page, i, off))
            if has_section:
                own.setdefault(parent, set()).add(kid)
    for i in kept:
        if blocks[i].tag in SECTION_HEADINGS:
            for parent, kid in kids(blocks[i].owner):
                if not off[kid]:
                    own.setdefault(parent, set()).add(kid)
    out: list[list[int]] = []
    for parent, named in column.items():
        # a column holds one of the page's own sections at least, or its chrome-named boxes
        # are made from one template (SECTIONS_MIN of them share a class name: zoho's
        # "*_section lm_navSource", netlify's "n-switchback"): a newsletter's, an author's and
        # a sponsor's box after a short story, each named its own way, are chrome
        mine = own.get(parent, set()) - named
        if (mine or _one_template(page, named)) and len(named) + len(mine) >= SECTIONS_MIN:
            out.extend(s for r in sorted(named) for s in sections[r])
    return out


def _one_template(page: Page, boxes: set[int]) -> bool:
    """Do SECTIONS_MIN or more of the elements ``boxes`` share a class name?"""
    counts: dict[str, int] = {}
    for r in boxes:
        for name in set((page.elements[r].node.attributes.get("class") or "").split()):
            counts[name] = counts.get(name, 0) + 1
    return any(n >= SECTIONS_MIN for n in counts.values())


def _read_inside(page: Page, root: int, local: list) -> None:
    """Set ``local`` (outside_page's reading) for the box ``root`` and what it holds by their
    own names only: the box is in the page, an element inside it is out when it, or one
    between it and the box, is named like chrome, is a frame (header, nav...) or a teaser's
    box."""
    elements = page.elements
    local[root] = False
    below = {root}
    for idx in range(root + 1, len(elements)):  # the box's elements follow it (preorder)
        el = elements[idx]
        if el.parent not in below:
            break
        below.add(idx)
        local[idx] = local[el.parent] or el.tag in NOT_IN or \
            chrome(el, page.thread, page.reviews) or bool(TEASER_BOX.search(hints(el.node)))
