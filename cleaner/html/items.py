"""A page of items: the repeated cards of a listing, a shop's category, a job board, a feed.

On such a page the content is the list itself: a run of sibling elements of one shape (tag and
class), each a short card whose title is a link (a headline, a product, a job, a thread). The
article scoring reads those cards as link lists, the opposite of prose, and picks whatever
paragraph the page has beside them (an intro, a newsletter box). This module finds the list
by its structure, never by the site: :func:`item_list` returns the biggest run of such cards
when it holds most of the page's text outside chrome (navigation, footers, sidebars), which is
what a reader of the page came for.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import islice
from typing import NamedTuple, Optional

from ..text.prose import is_prose
from .products import PRICE, RAIL_PRICED_SHARE, priced_card
from .score import _children, absolute_link, points_away, hints, negative_elements, prose_block
from .walk import HEADINGS, Element, Page

# of a shop's grid's cards, this share show a price (as many as of a rail's of other products)
GRID_PRICED_SHARE = RAIL_PRICED_SHARE

ITEM_MIN = 4             # a list has at least this many items
ITEM_MAX_CHARS = 1500    # an item is a card, not a section of prose
ITEM_MIN_CHARS = 20
ITEM_LINK_SHARE = 0.15   # an item's title is a link: this share of its text at least
ITEM_CARDS_SHARE = 0.7   # of the run's members, this share are such cards
CORE_SHARE = 0.8         # cards named each its own way: the class names this share carry
ITEM_MEAN_CHARS = 30     # a menu's entries are a word or two; an item says more
LIST_SHARE = 0.5         # the list holds this share of the page's text outside chrome
# ...or, a list in the page's <main> of more than LAYOUT_BOXES cards that link to the site's
# own pages and are no shop's priced products (recipes, stories, podcasts), this share of
# <main>'s text at least: a topic page sets its grid beside a video playlist, a carousel, a
# newsletter's pitch, and the grid is still what the page lists. Outside a <main>, such a
# list is as often a blog's sidebar (a shelf of books); a feed of another site's posts (an
# Instagram strip) is a widget; a grid of priced products holding less than half the page
# stands beside the page's own text (a product's description, a pitch): a rail.
PART_SHARE = 0.2
# A page whose chosen content holds this much prose (a paragraph) is a story with lists
# around it (other stories, a blogroll), unless it declares itself a list, or the list holds
# that prose (the choice was one of its cards) and has more items than a page's layout has
# boxes (a few columns or panels of one shape, one of them the story, are no list).
STORY_PROSE = 300
LAYOUT_BOXES = 5
# ...but prose that the list outweighs this many times over is the list's introduction (a
# category's blurb, a section's standfirst): a story's teasers run to a few times the story.
INTRO = 12
STORY_TAGS = frozenset(("p", "blockquote", "li", "dd"))  # a story's paragraphs: in its box
SECTION_PROSE_WORDS = 10  # a story's section: a heading over a sentence this long at least
# Item shapes that are text, not cards: a paragraph with a link in it is prose.
NOT_ITEMS = frozenset(("p", "span", "a", "pre", "blockquote", "td", "th", "dd", "dt",
                       "figcaption", "caption", "summary", "legend", "address") + tuple(HEADINGS))
# Lists that are the page's furniture: menus, footers, breadcrumbs, pagers.
FURNITURE_TAGS = frozenset(("nav", "header", "footer", "aside", "menu"))
FURNITURE = re.compile(r"nav|menu|footer|breadcrumb|pagination|pager|mega|drawer|sidebar|"
                       r"comment|related|(?:right|left|side)-?rail|(?:^|\s)widgets?(?:\s|$)", re.I)
# Names of the boxes of a list's filters (a shop's facets: "c-plp-facet-controls",
# "filter-panel", "refinements"), counted out of the page's text when a list's share is judged.
FACETS = re.compile(r"filter|facet|refine", re.I)
# CSS utility classes named after a visual filter (Tailwind's "filter drop-shadow-md"), not
# after a list's filters: told class by class
FILTER_UTILITIES = frozenset(("filter", "backdrop-filter", "filter-none"))
# Names of a list that is a control (a filter's options, a toolbar's buttons): they name the
# list itself; a wrapper of both the facets and the results carries them too.
CONTROLS = re.compile(r"toolbar|dropdown|tabs?(?:$|[\s_-])|filter|facet|(?:^|[\s_-])sort", re.I)


@dataclass
class ItemList:
    """The list: the element holding the items (``parent``), the items (element indices) and
    the share of the page's text outside chrome they hold."""

    parent: int
    items: list
    chars: int
    share: float
    run: int = 0  # how many items the run of siblings that found the list holds
    striped: bool = False  # its items' class names differ by their parity alone (_unstriped)


def _furniture(page: Page, idx: int) -> bool:
    """Is element ``idx`` a control (a filter, a toolbar), or it or one above it a menu,
    header, footer or sidebar? Not what holds the page's ``<main>``: the boxes around it are
    the layout's ("content-sidebar-wrap" holds both columns)."""
    if CONTROLS.search(hints(page.elements[idx].node)):
        return True
    while idx > 0:
        el = page.elements[idx]
        if el.is_main:
            return False
        if el.tag in FURNITURE_TAGS or FURNITURE.search(hints(el.node)):
            return True
        idx = el.parent
    return False


MANUAL_LISTS = frozenset(("ul", "ol", "dl"))


def manual_list(page: Page, idx: int) -> bool:
    """Is the link list at element ``idx`` a manual's own (its sub-pages, its references, a
    command's options), on a documentation page? A list outside the page's furniture (menus,
    header, footer, sidebar, filters), whose links are not mostly to the page's own sections
    (#anchors: a table of contents). On the wcxb dev pages typed documentation, the link
    lists inside the chosen content held 1,126 words of the gold against 30 of boilerplate.
    Read only for lists html_score.keep_blocks would drop."""
    el = page.elements[idx]
    if el.tag not in MANUAL_LISTS or _furniture(page, idx):
        return False
    links = [a.attributes.get("href") or "" for a in el.node.css("a[href]")]
    return sum(1 for h in links if h.startswith("#")) * 2 < len(links)


def item_list(page: Page, neg: list, children: dict, unstripe: bool = True) -> Optional[ItemList]:
    """The page's list of items, if it has one that holds most of its text (see module doc).
    ``neg``: per element, named like chrome (html_score.negative_elements); ``children``:
    element index -> its children's indices (html_score._children); ``unstripe``: rows named
    by their parity are one shape (_unstriped), else each parity is a shape of its own."""
    elements = page.elements
    best: Optional[tuple[int, list, int]] = None
    for parent, kids in children.items():
        if len(kids) < ITEM_MIN:
            continue
        for members in _shapes(page, kids, unstripe).values():
            if len(members) < ITEM_MIN:
                continue
            sizes = [page.text_len(elements[m]) for m in members]
            chars = sum(sizes)
            if best is not None and chars <= best[2]:
                continue
            cards = sum(1 for m in members if _card(page, m))
            if cards < ITEM_CARDS_SHARE * len(members) or chars < ITEM_MEAN_CHARS * len(members):
                continue
            if _furniture(page, parent):
                continue
            best = (parent, members, chars)
    if best is None:
        return None
    parent, members, chars = best
    frame = _enclosing_main(page, parent)  # the page's text is its <main>'s, when the list is in it
    outside = sum(b.chars for b in page.blocks[frame.start:frame.end] if not neg[b.owner])
    inside_neg = sum(b.chars for m in members
                     for b in page.blocks[elements[m].start:elements[m].end] if neg[b.owner])
    total = outside + inside_neg
    share = chars / total if total else 0.0
    if share < LIST_SHARE and total and len(members) > LAYOUT_BOXES:
        # a grid of many cards beside its filters: they are its controls, not the page's text
        total -= _facet_chars(page, frame, neg, elements[parent])
        share = chars / total if total > 0 else 0.0
    run = len(members)
    if share >= LIST_SHARE or frame.is_main:
        # the list, found by its exact shape, takes in its other cards; inside the page's
        # <main>, its sections (one per topic, a shape each time) together are the page
        more = _other_sections(page, members)
        if more and share < LIST_SHARE:
            more = [m for m in more if frame.start <= elements[m].start < frame.end]
        if more:
            members = sorted(members + more)
            extra = sum(page.text_len(elements[m]) for m in more)
            if share < LIST_SHARE:
                share = (chars + extra) / total if total else 0.0
            chars += extra
    striped = unstripe and any(_unstriped(raw) != raw for raw in
                               (elements[m].node.attributes.get("class") or "" for m in members))
    return ItemList(parent, members, chars, share, run, striped)


def _holds_some(page: Page, idx: int, blocks: list[int]) -> bool:
    """Does element ``idx`` hold one of ``blocks``?"""
    el = page.elements[idx]
    return any(el.start <= i < el.end for i in blocks)


def _facet_chars(page: Page, frame: Element, neg: list, parent: Element) -> int:
    """Characters, outside chrome, of the boxes in ``frame`` named as a list's filters
    (FACETS, class by class) that neither hold the list (element ``parent``; a wrapper of the
    facets and the results is named after them too) nor lie inside it (its cards, in a
    filterable grid, are named "filter-item"): a shop's facets (sizes, colours, prices,
    brands) run to as much text as its grid, and are the list's controls, not the page's
    text its share is measured against."""
    out = 0
    end = frame.start  # the end of the last facet box counted: the boxes inside it are in it
    elements = page.elements
    # elements are in document order, their first blocks too: only the frame's are read
    first = bisect_left(elements, frame.start, key=_first_block)
    for el in islice(elements, first, None):
        if el.start >= frame.end:
            break
        if el.start < end or el.end > frame.end or el.end <= el.start or \
                (el.start < parent.end and parent.start < el.end):
            continue
        if _names_facets(el):
            out += sum(b.chars for b in page.blocks[el.start:el.end] if not neg[b.owner])
            end = el.end
    return out


def _first_block(el: Element) -> int:
    return el.start


def _names_facets(el: Element) -> bool:
    """Is one of ``el``'s class names or its id a list's filters' (FACETS; no CSS utility)?"""
    return any(FACETS.search(name) and name.lower() not in FILTER_UTILITIES
               for name in hints(el.node).split())


def _shapes(page: Page, kids: list, unstripe: bool = True) -> dict[tuple, list]:
    """``kids`` (one element's children) grouped by shape: tag and class. A class that fewer
    than ITEM_MIN siblings share names each card on its own: WordPress and shops put the
    card's id in it ("post-4069"), its categories ("category-recipes"), its state
    ("instock", "first"). Such cards are grouped by tag and the class names that CORE_SHARE
    of them carry ("post type-post entry"), when more than LAYOUT_BOXES of them do: a few
    boxes each named its own way are a page's layout (a hero, a section per topic)."""
    by_tag: dict[str, list] = {}
    for k in kids:
        el = page.elements[k]
        if el.end > el.start and el.tag not in NOT_ITEMS:
            by_tag.setdefault(el.tag, []).append(k)
    shapes: dict[tuple, list] = {}
    for tag, members in by_tag.items():
        if len(members) < ITEM_MIN:
            continue
        values = [page.elements[k].node.attributes.get("class") or "" for k in members]
        if unstripe:
            values = [_unstriped(value) for value in values]
        exact: dict[str, int] = {}
        for value in values:
            exact[value] = exact.get(value, 0) + 1
        own_named = []
        for k, value in zip(members, values):
            if exact[value] >= ITEM_MIN or not value.strip():
                shapes.setdefault((tag, value), []).append(k)
            else:
                own_named.append((k, set(value.split())))
        if len(own_named) <= LAYOUT_BOXES:
            continue
        counts: dict[str, int] = {}
        for _, names in own_named:
            for name in names:
                counts[name] = counts.get(name, 0) + 1
        common = CORE_SHARE * len(own_named)
        core = {name for name, n in counts.items() if n >= common}
        if not core:
            continue
        key = (tag, "~" + " ".join(sorted(core)))  # never one of the exact shapes
        shapes[key] = [k for k, names in own_named if core <= names]
    return shapes


# A zebra-striped list names its rows by their parity ("row-odd", "jl_even_row", "Row-Even";
# or one parity alone: bare rows and "even" ones): one list of one shape, not two of half of
# it each. Not "alt": "product-listing alt" names a variant of a card as often as a stripe
# (cleaneval final-757, a tour operator's page: read as one list, its cards' "based on 42
# reviews" and "Add to my wishlist" came in, page F1 .784 -> .666)
_PARITY = re.compile(r"(?<![a-z0-9])(?:odd|even)(?![a-z0-9])", re.I)
_SEPARATORS = re.compile(r"[-_]{2,}")


def _unstriped(value: str) -> str:
    """A class attribute with the parity taken out of its names, and a name that is the parity
    alone dropped: "jl_even_row" and "jl_odd_row" both read "jl_row", "Row-Odd" reads "Row",
    "list-item even" reads "list-item", as its unstriped sibling does."""
    low = value.lower()
    if "odd" not in low and "even" not in low:
        return value
    names = []
    for name in value.split():
        bare = _PARITY.sub("", name)
        if bare != name:  # "jl__row" -> "jl_row", "row-" -> "row"
            bare = _SEPARATORS.sub(lambda m: m.group()[0], bare).strip("-_")
        if bare:
            names.append(bare)
    return " ".join(names)


def _enclosing_main(page: Page, idx: int) -> Element:
    """The page's ``<main>`` (or role=main) element holding element ``idx``, else the root."""
    while idx > 0:
        el = page.elements[idx]
        if el.is_main:
            return el
        idx = el.parent
    return page.elements[0]


def _name(el) -> str:
    """An element's shape name: its first class ("card" of "card card--featured"), as the
    cards of one list vary in their modifiers (featured, sold out, new), read as
    :func:`_shapes` reads it, its parity aside ("jl_odd_row" and "jl_even_row": "jl_row")."""
    value = _unstriped(el.node.attributes.get("class") or "")
    return value.split(maxsplit=1)[0] if value.strip() else ""


def _card(page: Page, idx: int) -> bool:
    """Is element ``idx`` a card: short (ITEM_MIN_CHARS..ITEM_MAX_CHARS), its title a link?"""
    el = page.elements[idx]
    size = page.text_len(el)
    return ITEM_MIN_CHARS <= size <= ITEM_MAX_CHARS and page.link_len(el) >= ITEM_LINK_SHARE * size


def _other_sections(page: Page, members: list) -> list:
    """Cards of the list's shape (tag and first class) that the run of siblings left out:
    the featured ones among them ("card card--featured"), and those of other sections (a
    listing split by date or category repeats its card in each). Only a named shape: unnamed
    <li> are every list's."""
    elements = page.elements
    first = elements[members[0]]
    name = _name(first)
    if not name:
        return []
    inside = set(members)
    parents = {first.parent}
    out = []
    for idx, el in enumerate(elements):
        if idx in inside or el.tag != first.tag or el.end <= el.start or \
                _name(el) != name or not _card(page, idx):
            continue
        if el.parent not in parents:
            if _furniture(page, el.parent) or inside_any(page, idx, inside):
                continue
            parents.add(el.parent)
        out.append(idx)
    return out


def inside_any(page: Page, idx: int, items: set) -> bool:
    """Is element ``idx`` inside one of ``items`` (a card within a card)? (Not itself one.)"""
    at = page.elements[idx].parent
    while at > 0:
        if at in items:
            return True
        at = page.elements[at].parent
    return False


def _prose(page: Page, blocks) -> int:
    """Characters of prose (html_score.prose_chars' measure) in the blocks ``blocks``."""
    return sum(page.blocks[i].chars - page.blocks[i].links for i in blocks
               if prose_block(page.blocks[i]))


def _story_prose(page: Page, blocks, leaf_paragraphs: bool = False) -> int:
    """The prose of the biggest box of ``blocks``: a story's paragraphs stand together in
    one box (a paragraph's parent, or a text block's own element), where a shop's or a
    company's blurbs (a card offer in a banner, an FAQ's answer, an "about us" in the footer)
    stand each in a box of its own."""
    boxes: dict[int, int] = {}
    for i in blocks:
        b = page.blocks[i]
        if prose_block(b):
            el = page.elements[b.owner]
            box = el.parent if el.tag in STORY_TAGS or (
                leaf_paragraphs and el.end - el.start == 1) else b.owner
            boxes[box] = boxes.get(box, 0) + b.chars - b.links
    return max(boxes.values(), default=0)


def _part_of_page(page: Page, found: ItemList) -> bool:
    """Is a list holding less than LIST_SHARE of the page's text still the page's list: in
    its <main>, more than LAYOUT_BOXES cards holding PART_SHARE of <main>'s text at least,
    fewer than GRID_PRICED_SHARE of them priced products, their links the site's own (see
    PART_SHARE)? Without the page's host (no url given, none declared) only relative links
    are known to be the site's own."""
    if found.share < PART_SHARE or found.run <= LAYOUT_BOXES or \
            not _enclosing_main(page, found.parent).is_main or _priced_grid(page, found.items):
        return False
    el = page.elements[found.parent]
    if not page.host:
        return _relative_links(el)
    return not points_away(page, el)


def _priced_grid(page: Page, members: list[int]) -> bool:
    """Are GRID_PRICED_SHARE of the cards at least a product's name and price (a shop's grid)?"""
    return sum(1 for m in members if priced_card(page, m)) >= GRID_PRICED_SHARE * len(members)


def _relative_links(el) -> bool:
    """Are most of the links in ``el`` relative (the site's own whatever its host)?"""
    total = absolute = 0
    for a in el.node.css("a[href]") if el.node is not None else ():
        total += 1
        if absolute_link((a.attributes.get("href") or "").strip()):
            absolute += 1
    return total > 0 and absolute <= total / 2


def shop_category(page: Page, found: ItemList, keep: list[int]) -> bool:
    """Is ``found``, on a page that is a product only by og:type, a shop's category grid:
    more than LAYOUT_BOXES cards, GRID_PRICED_SHARE of them priced (products.priced_card),
    holding LIST_SHARE of the page's text, and no price of its own in the chosen content
    (``keep``) above the grid? A product's page shows its own price over its description (a
    short one, with a rail of other products under it, can be less than half the page); a
    category's blurb names no price."""
    if found.share < LIST_SHARE or found.run <= LAYOUT_BOXES or \
            not _priced_grid(page, found.items):
        return False
    first = page.elements[found.items[0]].start
    return not any(i < first and len(page.blocks[i].text) <= OWN_PRICE_CHARS
                   and PRICE.search(page.blocks[i].text) for i in keep)


# A line this short holding a price is a price as a product page shows it ("$24.00", "Now
# £19.99 was £25"), not a sentence that mentions one
OWN_PRICE_CHARS = 40


def _guide_below(page: Page, keep: list[int], found: ItemList) -> bool:
    """Is the list a shop's grid of products (most cards a name and a price:
    products.priced_card; other stories' teasers carry no price) with the page's prose
    below it, less than a story's above it? A shop's category shows its grid under the
    headline and a line or two, and its buying guide or FAQ at the foot of the page; a
    product's description, a story, comes first, and the rails of other products after it."""
    first = page.elements[found.items[0]].start
    if _prose(page, [i for i in keep if i < first]) >= STORY_PROSE:
        return False
    return _priced_grid(page, found.items)


def _sections(page: Page, members: list) -> bool:
    """Are the list's items a story's sections rather than cards: most of them a heading that
    is no link over a paragraph of prose ("Kia PV5" / "This is another immensely impressive
    entry..."), as a ranking or a buying guide sets its picks out? A card's title is a link to
    the page it stands for."""
    sections = 0
    for m in members:
        el = page.elements[m]
        heading = False
        for b in page.blocks[el.start:el.end]:
            if b.tag in HEADINGS:
                heading = not b.links
            elif heading and not b.links and is_prose(b.text, SECTION_PROSE_WORDS):
                sections += 1
                break
    return sections > len(members) / 2


def _marked_story(page: Page, blocks, parent: int) -> bool:
    """Is one of ``blocks`` (the chosen content outside the list) a paragraph inside an
    ``<article>`` element that does not hold the list (element ``parent``): the story the
    page marks as its own, with other stories' cards after it?"""
    for i in blocks:
        b = page.blocks[i]
        if b.tag in HEADINGS or b.links or not is_prose(b.text, SECTION_PROSE_WORDS):
            continue
        at = b.owner
        while at > 0:
            el = page.elements[at]
            if el.tag == "article":
                if not el.start <= page.elements[parent].start < el.end:
                    return True
                break
            at = el.parent
    return False


class PageList(NamedTuple):
    """What :func:`list_blocks` found: the blocks to show, the list's parent element, the
    blocks of its items, and whether the list is the page (it holds LIST_SHARE of the page's
    text; otherwise it holds part of <main>, see PART_SHARE, and the choice is judged alone)."""
    blocks: list[int]
    parent: int
    items: set
    whole_page: bool


def list_blocks(page: Page, keep: list[int], neg: Optional[list],
                declared: bool = False, article: bool = False, spread: bool = False,
                shop: bool = False) -> Optional[PageList]:
    """The blocks to show on a page of items: ``keep`` (the chosen content: a category's
    description, a heading) and every block of the page's item list, its cards' linked titles
    included; with the list's parent element and the blocks of its items. None when the page
    has no such list, or when the chosen content is a story outside the list (STORY_PROSE,
    LAYOUT_BOXES, INTRO) on a page that does not declare itself a list (``declared``:
    schema.org ItemList, CollectionPage...).
    ``article``: the page calls itself an article, but only by og:type, which themes give
    every page (a blog's category, a topic page, a shop's): it is a list when its items are
    a list's many cards, not a few boxes (LAYOUT_BOXES) or a story's sections.
    ``spread``: ``keep`` is the page's text spread out (no box held most of its prose: the
    reader's ``_spread_out``), not a chosen story; its prose (a shop's blurbs about itself, a
    card offer, the footer's pitch) is no story for the list to stand beside.
    ``shop``: the page calls itself a product, but only by og:type, which some shops' themes
    give every page: it is the shop's category when its list is a grid of many priced
    products (more than LAYOUT_BOXES) holding most of its text (LIST_SHARE), and then its
    blurb above the grid is the category's, no story (see :func:`shop_category`)."""
    story = not declared and not shop and not spread and _prose(page, keep) >= STORY_PROSE
    neg = neg if neg else negative_elements(page, set())
    children = _children(page)
    found = item_list(page, neg, children)
    if found is not None and found.striped and not _holds_some(page, found.parent, keep):
        # a striped chrome table beside a story ("Most read", rows "odd" and "even") is no
        # list by its two halves together: those of a page's list hold what was chosen (one
        # half, holding much of the page); else each half is judged as before
        found = item_list(page, neg, children, unstripe=False)  # an O(n) pass again, on such pages only
    if found is None or found.share < LIST_SHARE and (shop or not _part_of_page(page, found)):
        return None
    if shop and not shop_category(page, found, keep):
        return None
    items = {i for m in found.items
             for i in range(page.elements[m].start, page.elements[m].end)}
    if article and (found.run <= LAYOUT_BOXES or _sections(page, found.items) or
                    _marked_story(page, set(keep) - items, found.parent)):
        return None
    partial = found.share < LIST_SHARE  # a story's paragraphs may each be a <div> of its own
    if story and found.run > LAYOUT_BOXES and (_story_prose(page, keep, partial) < STORY_PROSE or
                                               _guide_below(page, keep, found)):
        # a list's many cards beside blurbs, each in a box of its own, or a shop's grid of
        # priced products above its buying guide: no story with teasers around it
        story = False
    if story:
        outside = _prose(page, set(keep) - items)
        if found.run <= LAYOUT_BOXES or STORY_PROSE <= outside and found.chars < INTRO * outside:
            return None
    return PageList(sorted(items.union(keep)), found.parent, items, found.share >= LIST_SHARE)
