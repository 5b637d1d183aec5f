"""Main-content scoring: which element holds the article, and which of its blocks to keep.

Every element with text of its own is a paragraph; its score (one, plus its commas, plus a point
per hundred characters up to three) goes to the container it sits in and, halved and thirded,
to the containers above. A container starts from its tag and its class/id hints, and its total
is scaled by the share of its text that is not link text. The best container then takes in its
siblings that score well or read as prose, and a guard widens the choice to a parent when it
holds a small share of the page's prose. That share leaves out prose in boxes named like chrome
(comments, sidebars, consent banners, widgets: :data:`CHROME`), so a long comment thread does
not drag the choice up to a wrapper that holds it. Inside the choice, lists and boxes that are
mostly links, or are named like chrome and hold under half of the choice's prose, are left out
(the best candidate and the elements above it never are). Between the headline and the chosen
content, a standfirst or subtitle is kept (:func:`lead_blocks`), captions and credits are not.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional
from urllib.parse import urlsplit

import ahocorasick

from .products import product_rail, rail_box
from .walk import CELLS, HEADINGS, Page
from ..engine.prefilter import required_literals
from ..memo import memo
from ..text import words
from ..text.prose import is_prose

NEGATIVE = re.compile(
    r"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment(?!ary)|(?<![a-z])com-|contact|foot|footnote|"
    r"gdpr|masthead|media|meta|outbrain|promo(?!ted)|related|scroll|share|shoutbox|sidebar|skyscraper|"
    r"sponsor|shopping|tags|tool|widget|nav|menu|breadcrumb|cookie|consent|newsletter|social|"
    r"subscribe|popup|modal|byline|author|teaser|recommend|trending|popular|signup|login|"
    r"(?:right|left|side)-?rail|(?:^|\s)rail(?:\s|$)",
    re.I)
# NEGATIVE without the words that page builders and field wrappers use for content too
# ("field--label-hidden", "elementor-widget-container", "media-box", "scrolling-tracker").
CHROME = re.compile(
    r"-ad-|^hid$| hid$| hid |^hid |banner|combx|comment(?!ary)|(?<![a-z])com-|contact|foot|gdpr|masthead|meta|"
    r"outbrain|promo(?!ted)|related|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|nav|menu|"
    r"breadcrumb|cookie|consent|newsletter|social|subscribe|popup|modal|byline|author|teaser|"
    r"recommend|trending|popular|signup|login|(?:right|left|side)-?rail|(?:^|\s)rail(?:\s|$)|"
    r"(?:^|\s)widgets?(?:\s|$)",
    re.I)
POSITIVE = re.compile(
    r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|"
    r"prose|paragraph|copy|detail|column", re.I)
# The words that name a news page's comment thread and its furniture, and a forum's posts:
# on a forum thread (Page.thread) they are not chrome.
THREAD_WORDS = re.compile(r"comments?|com-|author|byline|meta|replies|reply|respon[sd]e?")
# The words that name a product's customer reviews (and the review widgets shops embed): on a
# product page they are what comments are to a story (readers' contributions, category
# comments), whatever else the box's name says ("product-reviews-content"); "preview" is no
# review. A service's testimonials are its content, not reviews.
REVIEW_WORDS = re.compile(r"(?<!p)reviews?|(?:^|[\s_-])(?:jdgm|yotpo|bazaarvoice|okendo|stamped)")
# A forum post's furniture, which the software draws around each post: the poster's title,
# badges, reputation, join date and post count, and the signature under the post. On a forum
# thread (Page.thread) these are chrome; the poster's name and the post are not.
FORUM_FURNITURE = re.compile(r"signature|postprofile|user-?(?:details|extras|title|banner)|"
                             r"usertitle|reputation|badge|join-?date|post-?count")
# A page builder that calls every box of the page's own text a widget (Elementor's text
# editor, heading and container widgets): no chrome by that name alone.
BUILDER_WIDGETS = re.compile(r"elementor-widget[\w-]*")
# Layout utilities (Tailwind's "overflow-hidden", a "scrollable-table" wrapper, "hide-scrollbar",
# "row-item-no-media", Avada's "non-hundred-percent-height-scrolling" on every builder row) say
# how a box is drawn, not what it holds: no chrome by those words.
LAYOUT_UTILITIES = re.compile(r"(?:^|(?<=\s))(?:overflow(?:-[xy])?-(?:hidden|scroll|auto|clip)|"
                              r"[\w-]*scrollable[\w-]*|[\w-]*scrollbar[\w-]*|[\w-]*-scrolling|[\w-]*-no-media)(?=\s|$)")
# A box hidden only on small screens ("hidden-xs", "hidden-sm", CSS modules' "_hidden-lt-lg_x1y2z_3")
# is shown on a desktop: its "hidden" names no chrome. (Hidden on large screens, "lg:hidden",
# "hidden-lg", it is the phone's copy of something, often a menu. Tailwind's "hidden lg:block"
# goes before the scoring, with html-print-only's [class~=hidden].)
SHOWN_ON_DESKTOP = re.compile(r"hidden-(?:xs|sm|lt-?[a-z]*|mobile|phone)(?![a-z])")
HIDDEN_TOKENS = re.compile(r"(?:^|(?<=\s))[\w-]*hidden[\w-]*(?=\s|$)")
# A box named for where it stands under the story ("below-content", "silic-after-content",
# "hbg-after-post-optin": a theme's slot under the post, where pitches, newsletter boxes and
# republishing notices go) is not the story, whatever its "content" says: the slot reads as a
# rail (chrome). "above" and "before" are not slots: a box over the post holds its headline and
# standfirst, and a story's before/after comparison names its halves so. One prefix at most,
# so a plugin's own setting in a long name ("wpadc-selected-after-content") is no slot.
PLACED_SLOT = re.compile(r"(?:^|(?<=\s))(?:[a-z0-9]+[-_])?(?:below|after|under)[-_]"
                         r"(?:content|entry|post|article)(?:[-_][\w-]*)?(?=\s|$)")
# the same, case-sensitive, for lowercased values (several times faster than re.I)
_NEGATIVE, _CHROME, _POSITIVE = (re.compile(r.pattern) for r in (NEGATIVE, CHROME, POSITIVE))
TAG_WEIGHT = {
    "div": 5, "article": 10, "main": 5, "section": 2, "pre": 3, "td": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5, "nav": -20,
    "aside": -15, "footer": -20, "header": -10,
}
P_LIKE = frozenset((
    "p", "pre", "td", "th", "li", "dd", "dt", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
    "figcaption", "caption", "address", "summary", "legend", "tr",
))
CONDITIONAL = frozenset(("ul", "ol", "dl", "div", "section", "table", "form", "aside", "nav",
                         "header", "footer", "menu", "figure", "tbody", "center", "fieldset"))
GUARD_SHARE = 0.5     # the choice must hold this share of the page's prose (else it widens)
ALT_MAX_PROSE = 1000  # only a choice with less prose than this may give way to a runner-up
MIN_PARAGRAPH = 25
CLIMB_SHARE = 0.75
NEGATIVE_KEEP_SHARE = 0.5  # a chrome-named box holding this share of the choice's prose stays


def hints(node) -> str:
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}".strip()


def _words_automaton() -> tuple[ahocorasick.Automaton, int]:
    """One scan for the words any match of NEGATIVE (1), POSITIVE (2), CHROME (4),
    REVIEW_WORDS (32), THREAD_WORDS (64) or FORUM_FURNITURE (128) holds (:func:`~cleaner.engine.prefilter.
    required_literals` reads them off the patterns), and the bits of the patterns whose
    words could not be read (those always run). Two class names in three hold none of
    NEGATIVE's words, and then neither it nor CHROME, the costliest regexes here (~4 us
    each on a class name), need to run."""
    automaton = ahocorasick.Automaton()
    bits: dict[str, int] = {}
    always = 0
    for pattern, bit in ((_NEGATIVE, 1), (_POSITIVE, 2), (_CHROME, 4), (REVIEW_WORDS, 32),
                         (THREAD_WORDS, 64), (FORUM_FURNITURE, 128)):
        found = required_literals(pattern.pattern, pattern.flags)
        if not found or "" in found:
            always |= bit
            continue
        for literal in found:
            bits[literal] = bits.get(literal, 0) | bit
    for literal, bit in bits.items():
        automaton.add_word(literal, bit)
    if len(automaton):
        automaton.make_automaton()
    return automaton, always


_WORDS, _ALWAYS = _words_automaton()


def _may_match(low: str) -> int:
    """The bits of the patterns (see _words_automaton) that could match ``low``: a pattern
    none of whose words occur in it cannot."""
    bits = _ALWAYS
    if len(_WORDS):
        for _end, bit in _WORDS.iter(low):
            bits |= bit
    return bits


@memo(100_000)
def _flags(value: str) -> int:
    """1: named like chrome (NEGATIVE), 2: like content (POSITIVE), 4: like chrome for sure
    (CHROME); 8 and 16: 1 and 4 without THREAD_WORDS (for forum threads); 32: customer reviews
    (REVIEW_WORDS, for product pages); 128: a forum post's furniture (FORUM_FURNITURE, for
    forum threads); cached, since pages repeat their class names and sites
    share them. A pattern runs only where its words occur (:func:`_may_match`)."""
    low = value.lower()
    may = _may_match(low)
    review = (32 if may & 32 and REVIEW_WORDS.search(low) else 0) | \
        (128 if may & 128 and FORUM_FURNITURE.search(low) else 0)  # read whatever else it says
    read = low
    if "elementor-widget" in low:
        low = BUILDER_WIDGETS.sub(" ", low)
    if "overflow-" in low or "scroll" in low or "-no-media" in low:
        low = LAYOUT_UTILITIES.sub(" ", low)
    if "hidden" in low and SHOWN_ON_DESKTOP.search(low):
        low = HIDDEN_TOKENS.sub(" ", low)
    if ("-content" in low or "-entry" in low or "-post" in low or "-article" in low or "_" in low) \
            and PLACED_SLOT.search(low):
        low = PLACED_SLOT.sub(" rail ", low)
    if low is not read:
        may = _may_match(low)  # the words left once the builder's and layout words went
    if not may & 1 or not _NEGATIVE.search(low):  # every CHROME word is a NEGATIVE word too
        return (2 if may & 2 and _POSITIVE.search(low) else 0) | review
    chrome = 4 if may & 4 and _CHROME.search(low) else 0
    flags = 1 | (2 if may & 2 and _POSITIVE.search(low) else 0) | chrome | review
    if not may & 64 or not THREAD_WORDS.search(low):
        return flags | 8 | (16 if chrome else 0)  # no thread words: the same reading without them
    rest = THREAD_WORDS.sub(" ", low)
    may = _may_match(rest)
    if may & 1 and _NEGATIVE.search(rest):
        flags |= 8 | (16 if may & 4 and _CHROME.search(rest) else 0)
    return flags


def _hint_flags(el) -> tuple[int, int]:
    """The :func:`_flags` of the element's class and of its id, read once per element:
    scoring, the chrome check and junk boxes all ask."""
    flags = el.hint_flags
    if flags is None:
        attrs = el.node.attributes
        value = attrs.get("class")
        of_class = _flags(value) if value else 0
        value = attrs.get("id")
        flags = el.hint_flags = (of_class, _flags(value) if value else 0)
    return flags


def _hint_weight(el, negative_bit: int, reviews: bool = False) -> int:
    """-25 for each class/id value carrying ``negative_bit``, +25 for each naming content;
    with ``reviews`` (a product page), -25 for a value naming customer reviews, and on a forum
    thread (``negative_bit`` holds 128) for a value naming a post's furniture, whatever else
    it names."""
    of_class, of_id = el.hint_flags or _hint_flags(el)
    if reviews and (of_class | of_id) & 32:
        return (-25 if of_class & 32 else 0) + (-25 if of_id & 32 else 0)
    if negative_bit & 128 and (of_class | of_id) & 128:  # a post's furniture ("userDetails")
        return (-25 if of_class & 128 else 0) + (-25 if of_id & 128 else 0)
    return ((-25 if of_class & negative_bit else 0) + (25 if of_class & 2 else 0)
            + (-25 if of_id & negative_bit else 0) + (25 if of_id & 2 else 0))


def chrome(el, thread: bool = False, reviews: bool = False) -> bool:
    """Is the element named like page chrome (comments, share bars, related links...), and not
    like content as well ("post-meta" is chrome, "entry-content meta" is not)? On a forum
    thread (``thread``), comment and author boxes are the posts: not chrome. On a product
    page (``reviews``), customer reviews are."""
    return _hint_weight(el, 16 | 128 if thread else 4, reviews) < 0


def _post_furniture(el) -> bool:
    """Is the element named as a forum post's furniture (FORUM_FURNITURE: a signature, the
    poster's card, badges), which the software draws around each post and is never the post?"""
    of_class, of_id = el.hint_flags or _hint_flags(el)
    return bool((of_class | of_id) & 128)


def class_weight(el, thread: bool = False, reviews: bool = False) -> int:
    return _hint_weight(el, 8 | 128 if thread else 1, reviews)


@dataclass
class Choice:
    top: int
    members: list          # element indices whose blocks form the article, in document order
    score: float
    widened: bool = False
    best: int = 0          # the best-scoring element (it and its ancestors are never dropped)
    # per element: named like chrome, or inside one that is (the best's ancestry never is)
    neg: list = field(default_factory=list)
    # elements that fill a gap between two members (_between): kept as members are, but not
    # counted in the prose their link lists are judged against
    filled: list = field(default_factory=list)


def score_candidates(page: Page) -> dict:
    elements, blocks = page.elements, page.blocks
    own_chars: dict[int, int] = {}
    own_commas: dict[int, int] = {}
    for b in blocks:
        if b.tag in HEADINGS:
            continue
        own_chars[b.owner] = own_chars.get(b.owner, 0) + b.chars - b.links
        own_commas[b.owner] = own_commas.get(b.owner, 0) + b.commas
    scores: dict[int, float] = {}
    for idx, chars in own_chars.items():
        if chars < MIN_PARAGRAPH:
            continue
        el = elements[idx]
        score = 1 + own_commas[idx] + min(chars / 100, 3)
        at = el.parent if el.tag in P_LIKE else idx
        level = 0
        while at >= 0 and level < 5:
            if at not in scores:
                anc = elements[at]
                scores[at] = TAG_WEIGHT.get(anc.tag, 0) + (
                    class_weight(anc, page.thread, page.reviews) if at else 0)
            scores[at] += score / (1 if level == 0 else 2 if level == 1 else level * 3)
            at = elements[at].parent
            level += 1
    return {idx: s * (1 - page.link_density(elements[idx])) for idx, s in scores.items()}


def ancestry(page: Page, idx: int) -> set:
    """``idx`` and the elements above it (the root excluded)."""
    out = set()
    while idx > 0:
        out.add(idx)
        idx = page.elements[idx].parent
    return out


def negative_elements(page: Page, protect: set) -> list:
    """For each element: does it, or an element above it, carry a chrome-like class/id hint?
    The elements in ``protect`` (the best candidate and those above it) never do."""
    elements = page.elements
    neg = [False] * len(elements)
    bit = 16 | 128 if page.thread else 4  # chrome(el, page.thread, page.reviews), inlined: this
    reviews = page.reviews          # asks it of every element of the page
    for idx in range(1, len(elements)):
        el = elements[idx]
        if neg[el.parent]:
            neg[idx] = True
        elif idx not in protect and el.tag not in ("html", "body"):
            flags = el.hint_flags or _hint_flags(el)
            if flags != (0, 0):  # most elements: no class or id naming anything
                neg[idx] = _hint_weight(el, bit, reviews) < 0
    return neg


# A block of prose: PROSE_BLOCK_CHARS characters or more, under PROSE_BLOCK_LINKS of them in
# links. The loops below test it inline (they run over every block of every page).
PROSE_BLOCK_CHARS = 60
PROSE_BLOCK_LINKS = 0.3


def prose_block(b) -> bool:
    """Is the block ``b`` prose (see PROSE_BLOCK_CHARS)?"""
    return b.chars >= PROSE_BLOCK_CHARS and b.links < PROSE_BLOCK_LINKS * b.chars


def clean_prose(page: Page, neg: list) -> list:
    """Prefix sums of prose characters in blocks outside negative-hinted elements."""
    acc = [0]
    total = 0
    for b in page.blocks:
        if b.chars >= PROSE_BLOCK_CHARS and b.links < PROSE_BLOCK_LINKS * b.chars and not neg[b.owner]:
            total += b.chars - b.links
        acc.append(total)
    return acc


def prose_chars(page: Page, start: int, end: int) -> int:
    """Characters of prose (not links, in prose blocks) in blocks[start:end]."""
    total = 0
    for b in page.blocks[start:end]:
        if b.chars >= PROSE_BLOCK_CHARS and b.links < PROSE_BLOCK_LINKS * b.chars:
            total += b.chars - b.links
    return total


def choose(page: Page, story: bool = False) -> Choice | None:
    """The article's container and its members. On a page known to be one ``story``, a rail
    of teaser cards never wins, however much text its summaries hold."""
    scores = score_candidates(page)
    if not scores:
        return None
    elements = page.elements
    ranked = sorted(scores, key=lambda i: -scores[i])
    if story:
        children = _children(page)
        ranked = [i for i in ranked[:8] if not _in_rail(page, i, children)] + ranked[8:] or ranked
    if page.reviews:  # a product's customer reviews are no candidate, whatever their text box is named
        ranked = [i for i in ranked if not _in_reviews(page, i)] or ranked
    top = ranked[0]
    best = scores[top]
    neg = negative_elements(page, ancestry(page, top))
    acc = clean_prose(page, neg)
    page_prose = acc[-1]

    def share(idx: int) -> float:
        el = elements[idx]
        return (acc[el.end] - acc[el.start]) / page_prose if page_prose else 1.0

    # a close runner-up above the top (the article around a box that reads like prose)
    at, level = elements[top].parent, 0
    while at > 0 and level < 3:
        if scores.get(at, 0) >= CLIMB_SHARE * scores[top] and page.link_density(elements[at]) < 0.3:
            top, level = at, 0
        else:
            level += 1
        at = elements[at].parent
    # the top holds little of the page's prose: a runner-up elsewhere that holds most of it
    if share(top) < GUARD_SHARE and \
            prose_chars(page, elements[top].start, elements[top].end) < ALT_MAX_PROSE:
        for alt in ranked[1:6]:
            if scores[alt] >= 0.4 * best and share(alt) >= 0.5 and \
                    page.link_density(elements[alt]) < 0.3:
                top = alt
                break
    # the guard: the choice must hold a good share of the page's prose
    widened = False
    while top > 0 and page_prose:
        el = elements[top]
        if share(top) >= GUARD_SHARE:
            break
        parent = elements[el.parent]
        if page.link_density(parent) > 0.5:
            break
        top = el.parent
        widened = True
    members = siblings(page, scores, top, best)
    members = sorted(set(members).union(kin(page, top, neg)))
    return Choice(top, members, best, widened, ranked[0], neg, _between(page, members, neg))


def _between(page: Page, members: list, neg: list) -> list:
    """The elements that fill a gap between two of the choice's members: the boxes a page
    builder sets between two blocks of a page's text (its opening hours and its prices between
    its two paragraphs) are the page's, as text between text is (jusText's neighbours). Each
    is an outermost element lying wholly in the gap, not named like chrome and not mostly
    links; the members' own filter (drop_junk) still judges what is inside it."""
    if len(members) < 2:
        return []
    elements = page.elements
    spans = sorted((elements[m].start, elements[m].end) for m in members)
    found = []
    for (_, lo), (hi, _) in zip(spans, spans[1:]):
        if hi <= lo:
            continue
        # elements are in document order, their first blocks never decreasing: an outermost
        # element's descendants follow it, and are passed over in one step
        idx = max(1, bisect_left(elements, lo, key=_first_block))
        while idx < len(elements):
            el = elements[idx]
            if el.start >= hi:
                break
            if el.end > hi or el.end <= el.start:
                idx += 1  # an ancestor of the next member, or empty: look inside
                continue
            if not (neg[idx] or page.link_density(el) >= 0.3):
                found.append(idx)
            idx = max(idx + 1, bisect_left(elements, el.end, lo=idx + 1, key=_first_block))
    return found



def _first_block(el) -> int:
    return el.start


KIN_LEVELS = 3  # how far above the choice its kin may branch off
# A page builder (Divi, SiteOrigin, Squarespace, Elementor) sets each block of a story in a row,
# a column and a module of its own, so a story's other blocks branch off further up: kin found
# up to KIN_FAR_LEVELS above the near box counts when it holds a paragraph's worth of prose of
# its own (KIN_FAR_PROSE characters), which a newsletter box or a card of the same shape does not.
# A thread's posts are kin however short (forum software nests each post's text four or five
# boxes deep in its own post box: FluxBB's blockpost > box > inbox > postbody).
KIN_FAR_LEVELS = 6
KIN_FAR_PROSE = 400
_DIGITS = re.compile(r"\d+")
# A script's hooks in a class attribute ("js-replyNewMessageContainer", "js-post") name what a
# script does with the box, not what the box is: XenForo marks its replies' box so and not the
# first post's, the same block of the same thread.
_SCRIPT_HOOK = re.compile(r"(?:^|\s)js-\S*")


def _shape(el) -> tuple:
    name = el.node.attributes.get("class") or ""
    if "js-" in name:
        name = " ".join(_SCRIPT_HOOK.sub(" ", name).split())
    return (el.tag, _DIGITS.sub("#", name))


def kin(page: Page, top: int, neg: list) -> list:
    """Elements of the choice's own shape (tag and class, numbers aside) at its depth, in the
    box KIN_LEVELS above it: a story split over several containers, the other posts of a
    thread whose one post was chosen ("post", "post_3"), a body continued after an ad; further
    up (KIN_FAR_LEVELS more), a page builder's other blocks of the story, with prose enough. Not
    those named like chrome or mostly links; each must hold prose of its own. Only a choice
    with a class name has kin: a bare <div> is every shape."""
    elements = page.elements
    el = elements[top]
    if top <= 0:
        return []
    shape = _shape(el)
    if not shape[1]:  # no class but a script's hooks ("js-article") is a bare <div> too
        return []
    box = top
    for _ in range(KIN_LEVELS):
        if elements[box].parent <= 0:
            break
        box = elements[box].parent
    near = elements[box]
    for _ in range(KIN_FAR_LEVELS):
        if elements[box].parent <= 0:
            break
        box = elements[box].parent
    around = elements[box]
    out = []
    for idx in range(box + 1, len(elements)):
        other = elements[idx]
        if other.start >= around.end and other.start > around.start:
            break
        if idx == top or other.depth != el.depth or other.end <= other.start or \
                el.start <= other.start < el.end or neg[idx] or _shape(other) != shape:
            continue
        if page.link_density(other) >= 0.3:
            continue
        prose = prose_chars(page, other.start, other.end)
        if prose == 0 or (not page.thread and not (near.start <= other.start < near.end)
                          and prose < KIN_FAR_PROSE):
            continue
        out.append(idx)
    return out


def siblings(page: Page, scores: dict, top: int, best: float) -> list:
    elements, blocks = page.elements, page.blocks
    parent = elements[top].parent
    if top == 0 or parent < 0:
        return [top]
    threshold = max(10.0, best * 0.2)
    top_class = elements[top].node.attributes.get("class")
    members = []
    for idx in range(parent + 1, len(elements)):
        el = elements[idx]
        if el.start >= elements[parent].end and idx > top:
            break
        if el.parent != parent:
            continue
        if idx == top:
            members.append(idx)
            continue
        el_class = el.node.attributes.get("class")
        bonus = best * 0.2 if top_class and el_class == top_class else 0
        if scores.get(idx, -1e9) + bonus >= threshold:
            members.append(idx)
            continue
        if idx > top and el_class and top_class and el.tag == elements[top].tag and \
                _fellow_field(page, el, el_class, top_class):
            members.append(idx)
            continue
        if el.tag == "p" and el.end > el.start:
            text_len = page.text_len(el)
            ld = page.link_density(el)
            text = blocks[el.start].text
            if (text_len > 80 and ld < 0.25) or (0 < text_len <= 80 and ld == 0 and
                                                   re.search(r"\.( |$)", text)):
                members.append(idx)
    return members


def _one_family(mine: list[str], theirs: list[str]) -> bool:
    """Do two class lists name two members of one family: a name both hold ("field") and,
    in each, a modifier of that name of its own, written as BEM writes one ("field--name-body",
    "field--name-faq")? A shared utility name alone ("clearfix") makes no family, nor does a
    grid's column ("col col-md-8" beside "col col-md-4": the story's column and the sidebar's)."""
    if mine == theirs:
        return False
    for base in set(mine).intersection(theirs):
        prefixes = (base + "--", base + "__")
        own = {n for n in mine if n.startswith(prefixes)}
        other = {n for n in theirs if n.startswith(prefixes)}
        if own and other and own != other:
            return True
    return False


def _fellow_field(page: Page, el, name: str, top_name: str) -> bool:
    """Is ``el``, after the choice in its parent, another field of the same record: a class
    of the same family as the choice's (:func:`_one_family`: a name shared, each with a
    modifier of it of its own: Drupal's "field field--name-body" and "field field--name-field-additional-sections",
    a builder's "section section--faq"), holding a paragraph's worth of prose (KIN_FAR_PROSE)
    and few links? A story's FAQ or further sections sit in such a field after its body, their
    text deep in accordions whose boxes score little. Not a box named like chrome."""
    if not _one_family(name.split(), top_name.split()):
        return False
    if chrome(el, page.thread, page.reviews) or page.link_density(el) >= 0.3:
        return False
    # a rail of teasers (a linked headline over each unlinked summary) is no field of the story
    headlines = sum(1 for b in page.blocks[el.start:el.end]
                    if b.links >= 0.5 * b.chars and len(b.text.split()) >= CARD_HEADLINE_WORDS)
    return headlines < CARD_MIN - 1 and prose_chars(page, el.start, el.end) >= KIN_FAR_PROSE


def keep_blocks(page: Page, members: list, best: int = 0, story: bool = False,
                items: bool = False, products: bool = False,
                own_list: Optional[Callable[[Page, int], bool]] = None,
                filled: Iterable[int] = ()) -> list:
    """Indices of the blocks to render: the members' blocks minus link lists and chrome boxes;
    on a page known to be one ``story``, also rails of teaser cards outside the story's box;
    on a product's page (``products``), rails of other products' priced cards outside the
    product's box (:mod:`cleaner.html.products`).
    On a page of ``items`` (a listing, a shop's category), a link that reads like a headline
    (CARD_HEADLINE_WORDS words or more) is an item's title, and stays.
    ``own_list(page, idx)``: is the link list at element ``idx`` the page's own, which stays
    (a manual's list of its sub-pages: :func:`cleaner.html.items.manual_list`)?
    ``filled``: elements between members (:func:`_between`), kept as members are; the
    prose a link list is judged against (``held``) is the members' alone."""
    elements, blocks = page.elements, page.blocks
    protect = ancestry(page, best)
    held = sum(prose_chars(page, elements[m].start, elements[m].end) for m in members)
    members = sorted(set(members).union(filled))
    inside = (elements[best].start, elements[best].end)  # the article's own box
    children: dict[int, list] | None = None
    dropped: set[int] = set()
    listed: set[int] = set()  # link lists the story holds between its paragraphs (kept)
    listed_blocks: set[int] = set()
    for m in members:
        root = elements[m]
        for idx in range(m + 1, len(elements)):
            el = elements[idx]
            if el.start >= root.end and el.start > root.start:
                break
            if idx in dropped or el.tag not in CONDITIONAL or el.end <= el.start:
                continue
            if elements[el.parent].node is not None and el.parent in dropped:
                dropped.add(idx)
                continue
            if idx in protect or el.parent in listed:
                continue
            if _junk(page, el, held, items):
                if not chrome(el, page.thread, page.reviews) and (
                        _in_story_list(page, el, root) or own_list is not None and own_list(page, idx)):
                    listed.add(idx)
                    listed_blocks.update(range(el.start, el.end))
                    continue
                if _holds_story_lists(page, idx, root):
                    continue  # its lists are judged as the loop reaches them
                dropped.add(idx)
            elif (products or story and not inside[0] <= el.start < inside[1]) and \
                    el.end - el.start >= CARD_MIN:
                if children is None:
                    children = _children(page)
                kids = children.get(idx, ())
                if story and _teaser_cards(page, el, kids):
                    dropped.add(idx)
                elif products and product_rail(page, el, kids):
                    dropped.add(rail_box(page, idx, protect | set(members)))
    drop_blocks: set[int] = set()
    for idx in dropped:
        el = elements[idx]
        drop_blocks.update(range(el.start, el.end))
    keep = []
    tables: dict[int, bool] = {}
    for m in members:
        el = elements[m]
        for i in range(el.start, el.end):
            if i in drop_blocks:
                continue
            b = blocks[i]
            if b.links > 0.6 * b.chars and b.tag not in HEADINGS and i not in listed_blocks and not (
                    items and len(b.text.split()) >= CARD_HEADLINE_WORDS) and not (
                    b.tag == "p" and _linked_sentence(b.text)) and not (
                    b.tag in TABLE_CELLS and _in_data_table(page, b.owner, tables)):
                continue
            keep.append(i)
    return sorted(set(keep))


TABLE_CELLS = CELLS | {"tr"}
TABLES = frozenset(("table", "tbody"))
DATA_TABLE_HEADERS = 2  # a table with this many header cells (<th>) is data, not layout


def _headed(el) -> bool:
    """Does table ``el`` (a table, or a tbody: its table is read) have a header row,
    DATA_TABLE_HEADERS header cells or more of its own? A header cell of a table nested in
    one of its cells is that table's: a layout table around a data table stays layout."""
    table = el.node
    while table is not None and table.tag != "table":
        table = table.parent
    if table is None:
        return False
    own = 0
    for th in table.css("th"):  # a header row's cells may share a block
        holder = th.parent
        while holder is not None and holder.tag != "table":
            holder = holder.parent
        if holder is not None and holder.mem_id == table.mem_id:
            own += 1
            if own >= DATA_TABLE_HEADERS:
                return True
    return False


def _in_data_table(page: Page, owner: int, tables: dict) -> bool:
    """Is element ``owner`` (a cell, a row) inside a table of data: one with a header row of
    DATA_TABLE_HEADERS cells or more? Its cells are the table's values (names, titles, places)
    even when each is a link, as in a list of laureates or a table of releases; layout tables,
    whose cells are a page's menus, have no header cells. ``tables``: table -> answer, read
    once a table."""
    elements = page.elements
    at = owner
    for _ in range(4):  # td, tr, tbody, table
        el = elements[at]
        if el.tag == "table":
            known = tables.get(at)
            if known is None:
                known = tables[at] = _headed(el)
            return known
        if at <= 0:
            return False
        at = el.parent
    return False


LINKED_SENTENCE_WORDS = 8
STORY_LIST_WORDS = 4  # a story's own list of links: items of this many words on average
STORY_LIST_INTRO_WORDS = 5


def _in_story_list(page: Page, el, root) -> bool:
    """Is link list ``el`` one the story holds between two of its paragraphs (its sources, the
    steps or the picks it writes about), rather than a menu or a rail at its edge? A list, its
    items a few words each (no menu), the block before it a paragraph of prose or an intro
    ending in a colon, the block after it a paragraph of prose, all inside ``root``. Teaser
    rails and tables of contents sit at the story's edges, not between its paragraphs."""
    if el.tag not in ("ul", "ol") or not root.start < el.start or el.end >= root.end:
        return False
    blocks = page.blocks
    before, after = blocks[el.start - 1], blocks[el.end]
    if before.tag in HEADINGS or before.links > 0.3 * before.chars:
        return False
    intro = before.text.rstrip()
    named = _intro(intro)
    # a list its intro names may end its section, the story's next heading after it, when it
    # points away from the site (the patches, papers or tools the story reports on): a list
    # of the site's own pages there is a "read also" box
    if not (after.tag in HEADINGS and named and points_away(page, el)) and (
            after.tag in HEADINGS or after.links > 0.3 * after.chars or
            not (is_prose(after.text) or _intro(after.text))):
        return False
    if not (is_prose(intro) or named):
        return False
    items = blocks[el.start:el.end]
    return sum(len(words(b.text)) for b in items) >= STORY_LIST_WORDS * len(items)


def _intro(text: str) -> bool:
    """Does ``text`` introduce a list: a sentence of STORY_LIST_INTRO_WORDS words or more
    ending in a colon ("Many patches were sent for review:")? The story's own line, as a
    paragraph of prose is, whatever its shape says to is_prose."""
    text = text.rstrip()
    return text.endswith((":", "：")) and len(words(text)) >= STORY_LIST_INTRO_WORDS


def _holds_story_lists(page: Page, idx: int, root) -> bool:
    """Is box ``idx``, dense with links, so only for the story's own lists of links it holds
    (:func:`_in_story_list`: a changelog's items, the sources a paragraph introduces with a
    colon)? A section of a report (a heading, an intro, its list of linked patches, the
    paragraph after) reads as a link list as a whole; without its lists it is prose, and the
    lists themselves are judged one by one. Not a box named like chrome or weighed down."""
    elements = page.elements
    el = elements[idx]
    if chrome(el, page.thread, page.reviews) or class_weight(el, page.thread, page.reviews) < 0:
        return False
    links, size = page.link_len(el), page.text_len(el)
    found = False
    past = -1  # the end of the last story list found: what is inside it is counted already
    for j in range(idx + 1, len(elements)):
        sub = elements[j]
        if sub.start >= el.end and sub.start > el.start:
            break
        if sub.start < past or sub.tag not in ("ul", "ol") or sub.end <= sub.start:
            continue
        if _in_story_list(page, sub, root):
            links -= page.link_len(sub)
            size -= page.text_len(sub)
            past, found = sub.end, True
    return found and links <= 0.5 * size  # a wrapper of the list alone: nothing left, kept


def site_host(url: Optional[str]) -> Optional[str]:
    """The host of ``url``, lower case, "www." aside; None for no url or one without a host."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host[4:] if host and host.startswith("www.") else host


# The second-level labels under which a country's registry sells names ("co.uk", "com.au",
# "ac.jp"): left of a two-letter top-level label, a public suffix's, not the site's name
# (score.site_words)
SECOND_LEVEL = frozenset(("co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go", "gob",
                          "gouv", "nom", "ltd", "plc", "sch", "mil", "nic", "gv", "ed"))


def site_words(host: Optional[str]) -> set[str]:
    """The words of the site's own name in ``host``, its registrable label split at hyphens:
    "film.guardian.co.uk" gives {guardian}, "the-weather-desk.example" {the, weather, desk}.
    The top-level label goes, and so do a country's second-level label left of it ("co",
    "com": SECOND_LEVEL) and the subdomains ("www", "film", "news": a section's), which
    would otherwise read a headline's "UK" or "film" as the site's name."""
    if not host:
        return set()
    labels = [label for label in host.lower().strip(".").split(".") if label]
    if len(labels) > 1:
        top = labels.pop()
        if len(labels) > 1 and len(top) == 2 and labels[-1] in SECOND_LEVEL:
            labels.pop()
    return {word for word in labels[-1].split("-") if word} if labels else set()


def absolute_link(href: str) -> bool:
    """Does ``href`` name a host (``http(s)://``, or ``//`` the page's scheme): one that may be
    another site's, where a relative link is the site's own?"""
    return href.lower().startswith(("http://", "https://", "//"))


def points_away(page: Page, el) -> bool:
    """Do most of the links in ``el`` point to other sites than the page's (page.host)? A
    relative link is the site's own."""
    if not page.host or el.node is None:
        return False
    away = total = 0
    for a in el.node.css("a[href]"):
        total += 1
        href = (a.attributes.get("href") or "").strip()
        if absolute_link(href):
            host = site_host(href if not href.startswith("//") else "https:" + href)
            if host and host != page.host and not host.endswith("." + page.host) and \
                    not page.host.endswith("." + host):
                away += 1
    return total > 0 and away > total / 2


_SENTENCE_END = re.compile(r"[.!?。！？](?:[\"'”’»)\]]*)$")


def _linked_sentence(text: str) -> bool:
    """Is this paragraph a sentence of the text whose words happen to be a link ("You can buy
    the membership with a discount here."), rather than a link list or a teaser's headline?
    A sentence: LINKED_SENTENCE_WORDS words or more, one line, ending as sentences end."""
    return "\n" not in text and len(text.split()) >= LINKED_SENTENCE_WORDS and \
        bool(_SENTENCE_END.search(text))


CARD_MIN = 3            # a rail of teasers has at least this many cards
CARD_MAX_CHARS = 500    # a teaser card's text: a headline, a summary, a date
CARD_HEADLINE_WORDS = 4  # the link in each card reads like a headline


def _children(page: Page) -> dict[int, list]:
    """Element index -> its children's indices; read once a page (the choice, the blocks kept
    and the item lists ask), as the elements do not change once the walk is over."""
    known = page.children
    if known is not None and known[0] == len(page.elements):
        return known[1]
    out: dict[int, list] = {}
    for idx, el in enumerate(page.elements):
        if idx:
            out.setdefault(el.parent, []).append(idx)
    page.children = (len(page.elements), out)
    return out


def _in_reviews(page: Page, idx: int) -> bool:
    """Is element ``idx``, or one above it, named like customer reviews (REVIEW_WORDS)?"""
    while idx > 0:
        el = page.elements[idx]
        _hint_weight(el, 1, True)  # reads the element's flags once
        if (el.hint_flags[0] | el.hint_flags[1]) & 32:
            return True
        idx = el.parent
    return False


def _in_rail(page: Page, idx: int, children: dict) -> bool:
    """Is element ``idx``, or one of the three elements above it, a rail of teasers?"""
    for _ in range(3):
        if idx <= 0:
            return False
        if _teaser_cards(page, page.elements[idx], children.get(idx, ())):
            return True
        idx = page.elements[idx].parent
    return False


def _teaser_cards(page: Page, el, children) -> bool:
    """Is ``el`` (outside the article's own box) a rail of teasers: CARD_MIN or more children
    of one shape (tag and class) holding most of its text, each a short card whose link reads
    like a headline ("More from ...", recommendation widgets, other stories with summaries)?"""
    elements, blocks = page.elements, page.blocks
    shapes: dict[tuple, list] = {}
    for idx in children:
        child = elements[idx]
        if child.end > child.start:
            shapes.setdefault((child.tag, child.node.attributes.get("class") or ""), []).append(child)
    if not shapes:
        return False
    cards = max(shapes.values(), key=len)
    if len(cards) < CARD_MIN or \
            sum(page.text_len(c) for c in cards) < 0.8 * page.text_len(el):
        return False
    for card in cards:
        size = page.text_len(card)
        if size > CARD_MAX_CHARS or not page.link_len(card) or page.link_len(card) < 0.2 * size:
            return False
        if not any(b.links and len(b.text.split()) >= CARD_HEADLINE_WORDS and b.links >= 0.5 * b.chars
                   for b in blocks[card.start:card.end]):
            return False
    return True


ITEM_BODIES = 3  # items of one list, each holding a box of one name, that make it the items' body
ITEM_BODY_SHARE = 0.8  # of its item's text, which the box holds
LIST_ITEMS = frozenset(("li", "dd"))


def _item_body(page: Page, el) -> bool:
    """Is the chrome-named box the body of an item of a list, not furniture beside it? Its
    parent is an item of an HTML list (li, dd), it holds nearly all that item's text, and
    ITEM_BODIES items of the list each hold a box of that name: a list's entries, whatever the
    site calls their box. A teaser's meta line or share bar holds a small part of its item;
    boxes of ads, promos and slides repeated in divs are no list's items."""
    name = el.node.attributes.get("class") if el.node is not None else None
    parent = page.elements[el.parent] if el.parent else None
    if not name or parent is None or parent.node is None or parent.tag not in LIST_ITEMS or \
            page.text_len(el) < ITEM_BODY_SHARE * page.text_len(parent):
        return False
    holder = parent.node.parent
    if holder is None:
        return False
    count = 0
    for item in holder.iter():
        if item.tag == parent.tag and any(box.attributes.get("class") == name for box in item.iter()):
            count += 1
            if count >= ITEM_BODIES:
                return True
    return False


def _junk(page: Page, el, held: int, items: bool = False) -> bool:
    if page.thread and _post_furniture(el):
        return True  # a post's signature or poster's card, however much of a short thread it holds
    text_len = page.text_len(el)
    ld = page.link_density(el)
    weight = class_weight(el, page.thread, page.reviews)
    if chrome(el, page.thread, page.reviews) and \
            prose_chars(page, el.start, el.end) < NEGATIVE_KEEP_SHARE * held:
        if _slot_in_story(page, el):
            return ld > 0.5  # a part of the story named for its place in it: no link list
        # a box named like chrome (comments, meta, share...) that is not the article, unless
        # it is what each item of a list holds (arxiv's "meta": an entry's title and authors),
        # and not links (a rail of linked teaser cards is still a link list)
        return ld > 0.5 or not _item_body(page, el)
    if ld > 0.5 and text_len < 2000:
        if el.tag in TABLES and _headed(el):
            return False  # a table of data, whose values are links (see _in_data_table)
        # on a page of items, an item's header (its linked title in a heading) is no link list
        return not (items and any(b.tag in HEADINGS and len(b.text.split()) >= CARD_HEADLINE_WORDS
                                  for b in page.blocks[el.start:el.end]))
    if weight < 0:
        prose = prose_chars(page, el.start, el.end)
        if prose < 0.5 * text_len or text_len < 200:
            return True
    return False


def _slot_in_story(page: Page, el) -> bool:
    """Is ``el`` named like a theme's slot under the story (PLACED_SLOT: "after-content")
    while the story's prose goes on after it, in its parent or grandparent? Then it is a
    part of the story named for its place in it (the "after" half of a before/after
    comparison), not the slot under the post."""
    node = el.node
    if node is None:
        return False
    attrs = node.attributes
    named = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    if not PLACED_SLOT.search(named):
        return False
    up = el.parent
    for _ in range(2):
        if up is None or up < 0:
            return False
        box = page.elements[up]
        if any(prose_block(page.blocks[i]) and _story_owned(page, page.blocks[i].owner, up)
               for i in range(el.end, box.end)):
            return True
        up = box.parent
    return False


def _story_owned(page: Page, owner: int, box: int) -> bool:
    """Is no element from ``owner`` up to ``box`` named like chrome (another slot, a
    newsletter box)?"""
    elements = page.elements
    while owner is not None and owner > box:
        if chrome(elements[owner], page.thread, page.reviews):
            return False
        owner = elements[owner].parent
    return True


FIGURE = frozenset(("figure", "figcaption", "caption"))
LEAD_NOT = re.compile(r"caption|credit|cta|donat|image|photo|picture|media", re.I)
LEAD_GAP = 8  # blocks between the headline and the content looked at for a lead


def lead_blocks(page: Page, head: int, first: int) -> list:
    """Blocks between the headline and the start of the chosen content that read as the
    article's lead: a standfirst, a subtitle, an abstract (not link lists, not chrome boxes).
    When the content starts far below the headline (a hero box, an author card, a table of
    contents between them), only the LEAD_GAP blocks right under the headline are looked at,
    and only a full sentence of prose there is a lead: the standfirst sits under its headline
    whatever the page puts next."""
    if head is None or first - head <= 1:
        return []
    far = first - head > LEAD_GAP + 1
    elements, blocks = page.elements, page.blocks
    out = []
    for i in range(head + 1, head + LEAD_GAP + 1 if far else first):
        b = blocks[i]
        if b.chars < 25 or b.links > 0.3 * b.chars:
            continue
        if far and (b.links or b.tag in HEADINGS or not is_prose(b.text)):
            continue
        at, bad = b.owner, False
        while at > 0:
            el = elements[at]
            if el.tag in FIGURE or chrome(el, page.thread, page.reviews) or LEAD_NOT.search(hints(el.node)):
                bad = True
                break
            at = el.parent
        if not bad:
            out.append(i)
    return out
