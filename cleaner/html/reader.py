"""The HTML reader: from a page to the article as plain text, for the text rules to finish.

Steps: decode (:mod:`cleaner.html.decode`), parse with selectolax's Lexbor backend, find the
page's own url (``<link rel=canonical>``, ``og:url``) and language (``<html lang>``), drop hidden
elements and everything the packs' selector rules name (:mod:`cleaner.html.selector`: generic
pack ``html``, plus the site packs whose domain matches), read the body into blocks
(:mod:`cleaner.html.walk`), choose the article container (:mod:`cleaner.html.score`) and
render its blocks one per line, a blank line between blocks, with the headline once at the top.
"""
from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from typing import NamedTuple, Optional
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from .decode import html_text
from .depth import MAX_NESTING, flatten_deep
from .items import inside_any, list_blocks, manual_list
from .mainbox import UNDECLARED, main_instead, main_over_footer, with_main
from .lookups import APPLICATION_NAME, CANONICAL, OG_SITE_NAME, OG_TITLE, OG_URL, PageLookups
from .pagetype import PageType, page_type
from .postcomments import RULE_ID as POST_COMMENTS_RULE, post_comments
from .products import product_box
from .quotes import without_repeated_blocks, without_repeated_quotes
from .selector import (PROTECTED, SELECTOR_GUARD_MIN, SELECTOR_GUARD_SHARE, Haystack,
                       apply_selectors, attribute_haystack, inside, report_dropped, runnable,
                       selector_rules)
from .bios import about_blocks, bio_blocks, bio_opening, declared_authors, label_blocks
from .sections import SECTIONS_PAGES, SECTIONS_REASON, page_sections
from .toc import orphan_titles
from .score import (_CHROME, choose, chrome, hints, keep_blocks, lead_blocks, negative_elements,
                    site_host, site_words)
from .walk import HEADINGS, walk
from ..text.prose import asks, is_prose
from ..result import Removal
from ..text import words

HIDDEN = ('[hidden], [style*="display:none" i], [style*="display: none" i], '
          '[style*="visibility:hidden" i], [style*="visibility: hidden" i], '
          '[aria-hidden="true"], [type="hidden"], dialog:not([open]), [aria-modal="true"]')
ARIA_HIDDEN = '[aria-hidden="true"]'  # one of HIDDEN's parts, as selector rules write it
assert ARIA_HIDDEN in HIDDEN
# A closed dialog (an unopened <dialog>, a modal waiting to be opened: aria-modal) is hidden
# whatever its size: a privacy policy in one can outweigh the page.
STRIP = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
         "canvas", "math")
# A <noscript> with this much text is the page itself, served to readers without scripts
# (Discourse forums put every post there); a shorter one is a tracking pixel or "enable
# JavaScript", and goes with the other STRIP tags.
NOSCRIPT_PAGE_CHARS = 200
# A hidden element holding the page's <main>, or this share of its text, is the page's content
# waiting for a script (an access gate, a fade-in), not a closed menu or dialog.
MAIN_SHARE = 0.8
# A hidden tab panel, or the panel a collapsed disclosure control opens (a button with
# aria-expanded naming it in aria-controls: an FAQ answer, an accordion section; a <button>,
# or an element that says it is one with role=button, naming it in aria-controls whatever
# attribute keeps its state, "data-expanded"), is the page's text one click away, not chrome;
# a menu, a dialog or a panel named like chrome stays hidden.
DISCLOSURE = "[aria-controls][aria-expanded], button[aria-controls], [role=button][aria-controls]"
# A collapsed control written without aria-controls (WAI-ARIA's accordion pattern, its panel
# the next sibling of the control or of the heading holding it): the same panel.
COLLAPSED = 'button[aria-expanded="false"], [role=button][aria-expanded="false"]'
# The same panels, named for what they are (Bootstrap's "collapse" and "tab-pane", an
# "accordion-body", an FAQ's "faq__answer") by sites whose controls carry no aria attributes.
PANEL_NAME = re.compile(r"accordion|collapse|tab-?pane|tab-?panel|faq|answer", re.I)
PANEL_MIN_WORDS = 10  # a panel of a few words is a widget's label ("Rate this picture"), not text
# A box hidden by a "hidden" class alone (Tailwind's, Bootstrap 3's utility) is judged here
# with the hidden attribute's boxes, not by a selector: so a disclosure's panel stays under the
# same guards (_a_panel), and a menu, a tooltip or a cart confirmation so hidden goes.
CLASS_HIDDEN = '[class~="hidden"]'
# A class-hidden box whose words are mostly its links' is a menu, however it is named or placed.
PANEL_MAX_LINKED = 0.5
# The no-aria accordion: a class-hidden box right after a plain <button> that holds its question
# (a heading, or text ending in a question mark), outside these boxes, whose buttons open menus,
# sign-in panels and cart confirmations.
BUTTON_NOT_IN = frozenset(("nav", "header", "footer", "form"))
QUESTION_ENDS = ("?", "\uff1f", "\u061f")  # ?, the fullwidth ？ and the Arabic ؟
PANEL_NOT_ROLES = frozenset(("dialog", "alertdialog", "menu", "menubar", "navigation", "listbox",
                             "tooltip", "search"))
# Image captions and photo credits: boilerplate by default (categories caption and credit),
# as in every public gold set; ``keep={"caption"}`` keeps them.
CAPTION_HINT = re.compile(r"(?:^|[\s_-])(?:wp-)?caption(?:-text)?(?:$|[\s_-])|(?:^|[\s_-])(?:image|photo)-?credits?(?:$|[\s_])",
                          re.I)
# Boxes named like a caption or a credit (queried); a <figcaption> is found among the walk's
# elements (it is a block element), with no query of its own.
CAPTION_CLASSES = '[class*="caption" i], [class*="credit" i]'
CAPTION_MAX_CHARS = 400  # a longer "caption" box is a figure's body text, not a caption
CAPTION_MAX_SHARE = 0.3  # captions holding more of the text are the page's items
# A numbered figure's caption ("Figure 2. Gas consumption per block") is part of the text
# that refers to it, and so are a product's, a listing's and a manual's pictures' captions.
NUMBERED_FIGURE = re.compile(r"^(?:figure|fig\.|table|chart|graph|exhibit|abbildung|abb\.|"
                             r"tabelle|grafik|figura|tabla|tableau|afbeelding)\s*\d", re.I)
WHOLE_PAGE_SHARE = 0.4
# A story page with next to no story (a link shared for discussion, on an aggregator or a
# subreddit) and a long comment thread is a discussion: the thread is its content. A news
# story with comments shows its story: this many words of its own are a story.
DISCUSSION_TYPES = frozenset(("article", "unknown"))
DISCUSSION_MAX_WORDS = 150
DISCUSSION_MIN_WORDS = 300
DISCUSSION_SHARE = 5
DISCUSSION_REASON = "a comment thread beside no story"
STORY_PARAGRAPH_WORDS = 15  # a paragraph of prose this long is a story's (a short post's)
# Pages of one product or one thread, whose repeated blocks are copies (a layout's second
# description, a quoted post), and pages that declare a collection or a listing (a carousel's
# cloned slides, the phone's copy of a category's blurb): shown once. A story's repeats may be
# its own (a pull quote); so may those of a page that declares nothing (a landing page's).
REPEATS_ONCE = frozenset(("product", "forum", "collection", "listing"))
# A table's row whose cells are mostly not links is data (a comparison's "Revisions | Yes |
# Yes", its first cell a link to a term's tooltip); a menu's entries are links.
ROW_PLAIN_SHARE = 0.5
HIDDEN_PAGE_MIN = 1000  # characters, spaces aside, of a hidden element that may be the page
HIDDEN_PAGE_LEAD = 2  # and how many times the next biggest hidden element's
STRAY_PROSE_WORDS = 30
# Shorter paragraphs of prose are rescued as a run (html._prose_runs): several in one box.
RUN_TAGS = frozenset(("p", "blockquote", "dd"))
RUN_PARAGRAPH_WORDS = 10
RUN_MIN_PARAGRAPHS = 2
RUN_PROSE_WORDS = 40
ADJACENT_WORDS = 10  # a paragraph just outside the choice (reader._with_adjacent_prose)
# Between two paragraphs taken outside the choice, in one box, this many blocks at most come
# with them (reader._with_enclosed), none of them mostly links.
ENCLOSED_GAP = 8
ENCLOSED_LINKS = 0.3
FAQ = re.compile(r"faq", re.I)
# Names of the boxes whose prose is no stray of the story's (reader._with_stray_prose): a
# teaser's, a caption's, a legal note's. "summary" is a teaser's word too, except for the one
# box named so right above the body, beside it: the story's standfirst (reader._summary_box)
SUMMARY_WORD = "summary"
STRAY_NOT = re.compile("|".join(("caption", SUMMARY_WORD, "excerpt", "teaser", "stories", "story-list",
                                 "nocontent", "listing", "card", "promo", "preview", "snippet",
                                 "blurb", "digest", "feed", "copyright", "disclaimer", "legal",
                                 "module")), re.I)
SUMMARY = re.compile(rf"\b{SUMMARY_WORD}\b", re.I)  # a standfirst's box, a whole word
SITE_BOX = re.compile(r"(?<![a-z])site(?![a-z])", re.I)  # a box about the site ("site-summary",
# "site_blurb"), not the story; a word, not the letters of "website" or "composite"


@dataclass
class HtmlExtraction:
    """What the HTML reader made of a page (``CleanResult.html``)."""

    text: str
    url: Optional[str] = None
    title: Optional[str] = None
    container: Optional[str] = None
    selector_hits: list = field(default_factory=list)  # [(rule_id, elements removed)]
    widened: bool = False
    blocks_total: int = 0
    blocks_kept: int = 0
    lang: Optional[str] = None
    page_type: PageType = PageType("unknown", "not read", "none")
    flattened: int = 0  # tags deleted because they nested deeper than MAX_NESTING
    # the text's lines (0-based) that came from a <pre>: code and preformatted text, which the
    # text rules leave as written ("}" is no divider, a repeated "return x" no menu)
    code_lines: frozenset = frozenset()
    # the text's lines (0-based) from the cards of the page's item list (html/items.py)
    item_lines: frozenset = frozenset()
    # the text's lines (0-based) that are a table's rows of cells mostly unlinked ("Revisions |
    # Yes | Yes | Yes"): data, whatever their shape says to the line rules (a menu is links)
    row_lines: frozenset = frozenset()
    # the text's lines (0-based) of the page's headline as the reader shows it (its h1, or the
    # heading the headline rule found; more than one when a <br> breaks it), empty when none
    headline_lines: frozenset = frozenset()
    # What the reader left out, with the rule that did it: hidden elements (html-hidden),
    # selector rules' matches, blocks outside the main content (html-main-content). No line
    # numbers: they are elements, not lines of the text the rules read.
    dropped: list = field(default_factory=list)

    @property
    def headline_line(self) -> Optional[int]:
        """The first line of the headline, None when the reader shows none."""
        return min(self.headline_lines) if self.headline_lines else None

    @property
    def keeps(self) -> frozenset:
        """Categories the page's type keeps (a forum thread, its comments)."""
        return self.page_type.keeps

    @property
    def warnings(self) -> list[str]:
        """What the reader changed that a reader of the result should know."""
        if not self.flattened:
            return []
        return [f"{self.flattened} tags nested deeper than {MAX_NESTING} elements were "
                "deleted before parsing; their text was kept"]

    def to_dict(self) -> dict:
        return {
            "url": self.url, "title": self.title, "container": self.container,
            "selector_hits": [list(h) for h in self.selector_hits], "widened": self.widened,
            "blocks_total": self.blocks_total, "blocks_kept": self.blocks_kept, "lang": self.lang,
            "page_type": self.page_type.to_dict(), "flattened": self.flattened,
            "dropped": [{"rule_id": r.rule_id, "category": r.category, "pack": r.pack,
                         "lines": list(r.lines)} for r in self.dropped],
        }


def _attr(lookups: PageLookups, selector: str, name: str) -> Optional[str]:
    node = lookups.first(selector)
    if node is None:
        return None
    value = node.attributes.get(name)
    return value.strip() if value else None


def page_url(tree, lookups: Optional[PageLookups] = None) -> Optional[str]:
    """The page's own http(s) url, from ``<link rel=canonical>`` or ``og:url``; one that does not
    parse to a host (``http://[``: an unclosed IPv6 bracket) is no url."""
    lookups = lookups or PageLookups(tree)
    for selector, name in ((CANONICAL, "href"), (OG_URL, "content")):
        value = _attr(lookups, selector, name)
        if value and value.lower().startswith(("http://", "https://")):
            try:
                parts = urlsplit(value)
                if not parts.hostname:
                    continue
                if "[" in parts.netloc:  # Python < 3.11 does not check a bracketed host itself
                    ipaddress.IPv6Address(parts.hostname.split("%")[0])
            except ValueError:
                continue
            return value
    return None


def site_name(lookups: PageLookups) -> Optional[str]:
    """The name the page declares for its site (``og:site_name``, else the
    ``application-name`` meta), normalised; None when it declares none."""
    for selector in (OG_SITE_NAME, APPLICATION_NAME):
        value = _norm(_attr(lookups, selector, "content") or "")
        if value:
            return value
    return None


def page_title(tree, lookups: Optional[PageLookups] = None) -> Optional[str]:
    value = _attr(lookups or PageLookups(tree), OG_TITLE, "content")
    if value:
        return " ".join(value.split())
    node = tree.css_first("title")
    if node is not None:
        text = " ".join(node.text().split())
        return text or None
    return None


def describe(node) -> str:
    tag = node.tag or "?"
    attrs = node.attributes
    if attrs.get("id"):
        return f"{tag}#{attrs['id'].strip()}"
    cls = (attrs.get("class") or "").split()
    return f"{tag}.{'.'.join(cls[:2])}" if cls else tag


# A page that declared nothing, or an article only by og:type, and whose content turned out
# to be a list of items is a listing (result.page_type).
LISTING_REASON = "a list of items holds the page's text"
CATEGORY_REASON = "og:type product, a grid of priced products holds the page's text"
READER_PACK = "html"  # the pack named in what the reader itself drops


_PUNCT = re.compile(r"[^\w\s]|_")


def _norm(text: str) -> str:
    return " ".join(_PUNCT.sub("", text.lower()).split())


# An h1 that is a whole end part of the title is its headline when as long as this share of
# the title's longest part at least (reader._titled_by)
TITLED_SHARE = 0.5
_TITLE_SEP = re.compile(r"\s+[|\-–—»«·:/]+\s+|\s*[|»«]\s*|:\s+")


def _title_core(title: str) -> str:
    """The longest part of a ``<title>`` split at its separators: the headline, not the site."""
    parts = [_norm(p) for p in _TITLE_SEP.split(title)]
    return max(parts, key=len) if parts else ""


def _headline(page, title: Optional[str]) -> tuple[Optional[int], bool]:
    """The block that is the article's headline: the h1 that matches the title, else the first;
    and whether it matched the title (a site name in an h1 matches only a short part of it)."""
    heads = [i for i, b in enumerate(page.blocks) if b.tag == "h1" and len(b.text) < 300]
    if not heads:
        heads = [i for i, b in enumerate(page.blocks) if b.tag in ("h2", "h3") and len(b.text) < 300]
        if not title:
            return None, False
    want = _norm(title) if title else ""
    if want:
        core = set(words(_title_core(title)))  # words in every script (Han in pairs)
        for i in heads:
            got = _norm(page.blocks[i].text)
            found = set(words(got))
            common = len(found & core)
            if got and (want in got or common >= 0.5 * len(found) or common >= 0.5 * len(core)):
                return i, True
        for i in heads:
            got = _norm(page.blocks[i].text)
            if got and got in want:
                if _titled_by(got, title, page.host) and got != page.site_name and \
                        not _other_end_is_a_heading(page, got, title):
                    return i, True
                below = _core_heading(page, title)
                return (below, True) if below is not None else (i, False)
        if page.blocks and any(page.blocks[i].tag != "h1" for i in heads):
            return None, False
        below = _core_heading(page, title)
        if below is not None:
            return below, True
    return (heads[0], False) if heads else (None, False)


def _core_heading(page, title: str) -> Optional[int]:
    """The first h2 or h3 on the page that is the title's longest part whole (its headline,
    two words at least), on a page whose h1s match the title in no way that makes them its
    headline: the h1 is the site's logo or name, the story's headline a heading (no position
    is asked of it: requiring it below the h1 lost headlines, review-s16e 5). Not one in a
    sidebar or a teaser list (:func:`_in_other_box`, :func:`_in_teaser_list`): where the h1 is
    the story's headline worded otherwise than the title, a "Most read" box holds this very
    story's teaser under the title's wording."""
    core = _title_core(title)
    if len(words(core)) < 2:  # words in every script (Han read in pairs)
        return None
    for i, b in enumerate(page.blocks):
        if b.tag in ("h2", "h3") and len(b.text) < 300 and _norm(b.text) == core and \
                not _in_other_box(page, b.owner) and not _in_teaser_list(page, i):
            return i
    return None


def _in_other_box(page, at: int) -> bool:
    """Is element ``at`` in a sidebar, a footer, a menu or a box named like chrome ("most-read",
    "related")? A heading there that reads as the title is a teaser of this very story, and
    the story's own headline is worded otherwise (review-s16e 1)."""
    while at > 0:
        el = page.elements[at]
        if el.tag in ("aside", "nav", "footer") or chrome(el, page.thread, page.reviews):
            return True
        at = el.parent
    return False


def _in_teaser_list(page, i: int) -> bool:
    """Is heading block ``i`` a link among linked headings of its tag, in its box or its
    card's box (a "Most read" strip: this very story among others)?"""
    b = page.blocks[i]
    if b.links < 0.5 * b.chars:
        return False
    el = page.elements[b.owner]
    box = page.elements[el.parent] if el.parent > 0 else el
    if box.tag == "a" and box.parent > 0:
        box = page.elements[box.parent]
    for _ in range(2):
        if any(j != i and page.blocks[j].tag == b.tag and page.blocks[j].links >= 0.5 * page.blocks[j].chars
               for j in range(box.start, box.end)):
            return True
        if box.parent <= 0:
            break
        box = page.elements[box.parent]
    return False


def _other_end_is_a_heading(page, got: str, title: str) -> bool:
    """Is the other end part of ``title`` (the one the h1 ``got`` is not) a heading on the
    page? Then that heading is the story's headline and the h1 at the title's end is the
    site's name ("<headline> | Section | Springfield Daily Chronicle" over an h1 naming the
    paper and an h2 with the headline)."""
    parts = [p for p in (_norm(p) for p in _TITLE_SEP.split(title)) if p]
    other = parts[-1] if got == parts[0] else parts[0]
    return any(b.tag in HEADINGS and _norm(b.text) == other for b in page.blocks)


def _titled_by(got: str, title: str, host: Optional[str]) -> bool:
    """Is the h1 text ``got`` (normalised) the headline that ``title`` opens or ends with, when
    the title's longest part is another ("On a wing and a prayer | Features | Guardian
    Unlimited Film", whose longest part is the site's)? The title must have three parts at
    least (a headline, a section, a site: the h1 of "Blog Name: Post title" is the blog's);
    the h1 must be its first or last part whole (a section's name sits in the middle), of two
    words at least and TITLED_SHARE of the longest part's length (no short name beside a long
    headline: "Time 4 talks » Blog Archiv » <headline>"), naming no word of the site's name
    in the page's host (:func:`~cleaner.html.score.site_words`: "Guardian Unlimited" on
    guardian.co.uk, "The Brainy Gamer" on brainygamer.com; not "UK" or "film" on
    film.guardian.co.uk)."""
    parts = [p for p in (_norm(p) for p in _TITLE_SEP.split(title)) if p]
    if len(parts) < 3 or got not in (parts[0], parts[-1]) or len(got.split()) < 2:
        return False
    if len(got) < TITLED_SHARE * max(map(len, parts)):
        return False
    labels = site_words(host)
    joined = "".join(got.split())
    return not (set(got.split()) & labels or
                any(len(label) >= 4 and label in joined for label in labels) or
                any(joined in label for label in labels))


def _bio_reading(kind: PageType, keep: frozenset, lookups: PageLookups) -> tuple:
    """Whether a story's author bio goes (a story page, ``bio`` not kept) and how the
    declared author's bio opens (:func:`~cleaner.html.bios.bio_opening`; None: no author)."""
    bios = kind.story and "bio" not in keep and "bio" not in kind.keeps
    return bios, bio_opening(declared_authors(lookups)) if bios else None


class _Parse(NamedTuple):
    """A page's tree and what it says of itself before anything is stripped."""
    tree: LexborHTMLParser
    lookups: PageLookups
    found_url: Optional[str]
    lang: Optional[str]
    title: Optional[str]
    kind: PageType


def _parsed(text: str, url: Optional[str]) -> _Parse:
    """The tree of ``text`` and what the page says of itself before anything is stripped: its
    lookups, its own url (when ``url`` is not given), ``<html lang>``, title and page type
    (JSON-LD is a script: read before the scripts go)."""
    tree = LexborHTMLParser(text)
    lookups = PageLookups(tree)  # the url's, title's and page type's tags, in one walk
    found_url = None if url else page_url(tree, lookups)
    html_node = tree.css_first("html")
    lang = None
    if html_node is not None:
        value = (html_node.attributes.get("lang") or html_node.attributes.get("xml:lang") or "")
        lang = value.split("-")[0].split("_")[0].strip().lower() or None
    title = page_title(tree, lookups)
    kind = page_type(tree, url or found_url, lookups)
    return _Parse(tree, lookups, found_url, lang, title, kind)

def html_to_text(document: str | bytes, *, url: Optional[str] = None, packset=None,
                 keep: frozenset = frozenset(), decoded: bool = False) -> HtmlExtraction:
    """Read the article out of one HTML page (see the module docstring). ``keep``: categories
    to leave in (no selector rule of theirs runs; ``comments`` reads comment boxes as content,
    ``caption`` keeps figure captions). ``decoded``: ``document`` is a str that
    :func:`~cleaner.html.decode.html_document` returned and that starts with no BOM, which
    :func:`~cleaner.html.decode.html_text` would return as it is (it has no NUL left): not
    searched again (a page's length, twice per page)."""
    if not decoded:
        document = html_text(document)
    text, flattened = flatten_deep(document)  # parsing time grows with nesting
    tree, lookups, found_url, lang, title, kind = _parsed(text, url)
    asked = keep
    body = tree.body or tree.root
    if body is None:
        return HtmlExtraction("", url=found_url, title=title, lang=lang, page_type=kind,
                              flattened=flattened)
    bios, opening = _bio_reading(kind, keep, lookups)  # before the scripts go: JSON-LD is one
    site = site_name(lookups)  # read before anything is stripped, as the other lookups are
    if _strip(tree, body):  # no text a reader sees: not reported
        fixed = _closed_iframes(text)  # unless the tree misread the page (rare)
        if fixed != text:  # parsed once more, never again (flattened stays the first pass's)
            text = fixed
            tree, lookups, found_url, lang, title, kind = _parsed(text, url)
            body = tree.body or tree.root
            bios, opening = _bio_reading(kind, keep, lookups)
            site = site_name(lookups)
        _strip(tree, body, misread=True)
    kept = keep | kind.keeps  # categories left in (``keep`` below is the blocks kept)
    dropped: list[Removal] = []
    hidden: set = set()
    outermost = []  # a hidden element inside another goes with it (in document order: after it)
    sizes: list[int] = []  # their text's lengths
    total = -1  # the body's text length, measured when a big hidden element needs it
    main = False  # the page's <main>, looked up when a hidden element needs it
    panels = None  # the ids that disclosure controls open, looked up when a hidden element needs it
    candidates, class_only = _hidden_candidates(body)

    def look(nodes: list) -> None:
        """The hidden elements among ``nodes`` that go, outermost first, into
        ``outermost`` and ``hidden``."""
        nonlocal total, main, panels
        for node in nodes:
            tag = node.tag
            if tag in ("html", "body") or inside(node, hidden):
                continue
            attrs = node.attributes  # a new dict each time it is asked for: asked once
            ident = attrs.get("id")
            if node.mem_id in class_only:
                if _holds_protected(node):
                    continue  # the headline's, <main>'s box: no selector rule took it either
                if panels is None:
                    panels = _disclosed(body)
                if _a_class_panel(node, panels):
                    continue
            elif ident or attrs.get("role") == "tabpanel" or PANEL_NAME.search(attrs.get("class") or ""):
                if panels is None:
                    panels = _disclosed(body)
                if _a_panel(node, panels):
                    continue
            elif _after_control(node) and _a_panel(node, set(), opened=True):
                continue
            if (ident or "").startswith("S:") and "hidden" in attrs:
                continue  # React's streamed content, waiting for its script to move it in place
            if tag == "a" and (attrs.get("tabindex") or "").strip() == "-1" and _redundant_link(attrs):
                continue  # a card's second link to its page, kept from screen readers: shown
            size = len(node.text())
            dialog = tag == "dialog" or attrs.get("aria-modal") == "true"
            if size > SELECTOR_GUARD_SHARE * SELECTOR_GUARD_MIN and not dialog:
                if total < 0:
                    total = len(body.text())
                if total >= SELECTOR_GUARD_MIN and size > SELECTOR_GUARD_SHARE * total:
                    # hidden until a script shows it (a wrapper against a flash of unstyled
                    # content): it is the page
                    continue
            if main is False:
                main = _Main.of(body)
            if main is not None and not dialog and main.held_by(node, size):
                continue  # the page's main content, hidden until a script shows it (an access gate)
            outermost.append(node)
            sizes.append(size)
            hidden.add(node.mem_id)

    look(candidates)
    page_kept = _without_hidden_page(body, outermost, sizes, hidden)
    if len(page_kept) < len(outermost):
        # the hidden wrapper that is the page shows; what it hides itself (a sign-in
        # popup, a collapsed tab) was passed over as inside it, and is looked at now
        wrapper = next(n.mem_id for n in outermost if n.mem_id not in hidden)
        outermost[:] = page_kept
        look([n for n in candidates if inside(n, {wrapper})])
    # whether an element that may be [aria-hidden="true"] stays (a panel, the page's main):
    # if none does, no selector part asking for one can match (selector.Haystack.gone)
    aria_left = any(n.mem_id not in hidden and "aria-hidden" in n.attributes and
                    not inside(n, hidden) for n in candidates)
    for node in outermost:
        report_dropped(dropped, "html-hidden", "boilerplate", READER_PACK, node)
        node.decompose()
    rules = [r for r in selector_rules(packset, url or found_url, lang) if r.category not in kept]
    haystack = attribute_haystack(body)
    if not aria_left:
        haystack.gone.add(ARIA_HIDDEN)
    hits = apply_selectors(body, rules, haystack=haystack, dropped=dropped)
    if "comments" in kept and "comments" not in asked:  # a thread's posts, not their comments
        for node in post_comments(text, body):
            report_dropped(dropped, POST_COMMENTS_RULE, "comments", READER_PACK, node)
            node.decompose()
    page = walk(body)
    page.thread = "comments" in kept
    page.host = site_host(url or found_url)
    page.site_name = site
    page.reviews = kind.reviews_are_chrome and "comments" not in kept
    choice = choose(page, story=kind.story)
    if choice is None:
        keep = [i for i, b in enumerate(page.blocks) if b.links <= 0.6 * b.chars]
        container, widened = describe(body), False
    else:
        keep = keep_blocks(page, choice.members, choice.best, story=kind.story, items=kind.items,
                           products=kind.kind == "product",
                           own_list=manual_list if kind.kind == "documentation" else None,
                           filled=choice.filled)
        container = describe(page.elements[choice.top].node)
        widened = choice.widened
        if kind.kind == "product":  # the product's name, price and specifications beside its description
            head, sure = _headline(page, title)
            box = product_box(page, head, choice.top) if sure else None
            if box is not None:
                keep = keep_blocks(page, [box], choice.best, items=kind.items, products=True)
                container, widened = describe(page.elements[box].node), True
    # whether the page is spread out is judged on the choice without the boxes that fill its
    # gaps (score._between): they may only add to what the page keeps, never stand in for it
    core = keep
    if choice is not None and choice.filled:
        gaps = {i for m in choice.filled for i in range(page.elements[m].start, page.elements[m].end)}
        core = [i for i in keep if i not in gaps]
    spread = None if kind.single_item else _spread_out(page, core, choice.neg if choice else [])
    if spread is not None:
        keep, container, widened = spread, describe(body), True
    elif choice is not None:
        judged = set(keep)
        keep = _with_stray_prose(page, keep, choice.neg)
        keep = _with_adjacent_prose(page, keep, choice.neg)
        if kind.kind in SECTIONS_PAGES:
            sections = page_sections(page, keep, choice.neg,  # a service page's other sections
                                     named_boxes=kind.kind != "product")
            if len(sections) > len(keep) and kind.kind == "unknown":
                kind = PageType("service", SECTIONS_REASON, "structure")  # what the page showed it is
            keep = sections
        if kind.kind in UNDECLARED:  # no story: the rest of the page's <main> is its text too
            keep = with_main(page, keep, choice.neg)
        keep = _with_enclosed(page, keep, judged, choice.neg)
    shown_list = False  # the page showed it is a listing (LISTING_REASON)
    item_blocks: set = set()
    chosen = keep  # what main_instead judges: the choice, or it and the page's list
    partial = False  # a list holding part of the page, beside the choice
    whole_list = False  # a list holding the page
    if not kind.single_item or kind.article_by_og_type or kind.product_by_og_type:
        listed = list_blocks(page, keep, choice.neg if choice else None, declared=kind.items,
                             article=kind.article_by_og_type, spread=spread is not None,
                             shop=kind.product_by_og_type)
        if listed is not None and kind.product_by_og_type:  # a shop's category, not a product
            kind = PageType("collection", CATEGORY_REASON, "structure")
        if listed is not None:
            keep, item_blocks = listed.blocks, listed.items
            if listed.whole_page:  # a list holding less of the page leaves the choice judged alone
                chosen, whole_list = keep, True
            partial = not listed.whole_page
            container, widened = describe(page.elements[listed.parent].node), False
            shown_list = kind.kind == "unknown" or kind.article_by_og_type
    if choice is not None:
        # (a list holding the whole page is the page's content, wherever the choice sat)
        instead = main_instead(page, chosen, choice.neg) or (
            None if whole_list else main_over_footer(page, chosen, choice.top, choice.neg))
        if instead is not None:  # the choice missed the page: its <main> is the content
            main, keep = instead
            container, widened = describe(page.elements[main].node), True
            if partial:  # a list holding part of the page was not the page
                item_blocks, shown_list = set(), False
    head, sure = _headline(page, title)
    if keep and sure and head < keep[0]:
        body_text = {page.blocks[i].text for i in keep}
        keep = [i for i in lead_blocks(page, head, keep[0])
                if page.blocks[i].text not in body_text] + keep  # a lead the body repeats: once
    shown: list[int] = []
    headline = _norm(page.blocks[head].text) if head is not None else None
    seen = False
    if head is not None and head not in keep and (not keep or head < keep[0] + 50):
        shown.append(head)
        seen = True
    for i in keep:
        b = page.blocks[i]
        if headline and b.tag in HEADINGS and _norm(b.text) == headline:
            if seen:
                continue  # the headline once
            seen = True
        shown.append(i)
    choice_blocks = set(shown)  # what the reader's own rules below take from it, they report
    if "caption" not in kept and not kind.captions_are_content:
        shown = _without_captions(page, body, shown, dropped, haystack)
    if "nav" not in kept:  # a table of contents' title, its links gone (toc.py)
        gone = orphan_titles(page, shown, lang)
        if gone:
            _report_runs(dropped, "html-toc-title", "nav", page.blocks, shown, gone)
            shown = [i for i in shown if i not in gone]
    if bios and not shown_list and not item_blocks:  # a story's author bio, in a box of its own; no list's items
        gone = about_blocks(page, shown)
        gone |= label_blocks(page, shown, gone, opening)
        if opening is not None:
            gone |= bio_blocks(page, shown, opening)
        if gone:
            _report_runs(dropped, "html-author-bio", "bio", page.blocks, shown, gone)
            shown = [i for i in shown if i not in gone]
    if page.thread:  # a reply's quote of a post the thread shows already
        kept_shown = without_repeated_quotes(page, shown)
        _report_runs(dropped, "html-repeated-quote", "boilerplate", page.blocks, shown,
                     set(shown) - set(kept_shown))
        shown = kept_shown
    if kind.kind in REPEATS_ONCE:  # one product, one thread, one declared list: each paragraph once
        kept_shown = without_repeated_blocks(page, shown)
        _report_runs(dropped, "html-repeated-block", "boilerplate", page.blocks, shown,
                     set(shown) - set(kept_shown))
        shown = kept_shown
    if shown_list:  # reported, after the reading (whose captions go as an unknown page's)
        kind = PageType("listing", LISTING_REASON, "structure")
    out = [page.blocks[i].text for i in shown]
    code: list[int] = []  # the text's line numbers (0-based) that came from a <pre>
    in_items: list[int] = []  # and from the cards of an item list
    rows: list[int] = []  # and from a table's rows of cells mostly unlinked
    headline_lines: list[int] = []  # and the headline's
    line = 0
    for i, text in zip(shown, out):
        height = text.count("\n") + 1
        block = page.blocks[i]
        if not headline_lines and headline and (i == head or (
                block.tag in HEADINGS and _norm(block.text) == headline)):
            headline_lines = list(range(line, line + height))
        if block.tag == "pre":
            code.extend(range(line, line + height))
        elif i in item_blocks:
            in_items.extend(range(line, line + height))
        if block.tag == "tr" and block.plain_cells > ROW_PLAIN_SHARE * (block.text.count(" | ") + 1):
            rows.append(line)  # a merged row is one line
        line += height + 1  # and the blank line between blocks
    _report_unshown(dropped, page.blocks, choice_blocks)
    if "comments" not in kept and kind.kind in DISCUSSION_TYPES and \
            _comments_beside_no_story(out, dropped):
        # a link shared for discussion (an aggregator's story page, a subreddit's post): the
        # thread is the page, read again with its comment boxes as content
        again = html_to_text(document, url=url, packset=packset, keep=asked | {"comments"},
                             decoded=True)
        again.page_type = PageType("forum", DISCUSSION_REASON, "structure")
        return again
    return HtmlExtraction(
        text="\n\n".join(out) + ("\n" if out else ""),
        url=found_url, title=title, container=container, selector_hits=hits, widened=widened,
        blocks_total=len(page.blocks), blocks_kept=len(out), lang=lang, page_type=kind,
        flattened=flattened, dropped=dropped, code_lines=frozenset(code),
        item_lines=frozenset(in_items), row_lines=frozenset(rows), headline_lines=frozenset(headline_lines),
    )


def _without_hidden_page(body, outermost: list, sizes: list[int], hidden: set) -> list:
    """``outermost`` less the one hidden element that holds the page: more text (spaces aside)
    than everything left visible, HIDDEN_PAGE_MIN characters at least and HIDDEN_PAGE_LEAD
    times the next biggest big one (not one of a page's hidden forms or slides), not a
    dialog and not named like chrome (a mega menu, a cart's drawer). A shop that renders its
    product into a wrapper a script shows (display:none until the page's code has run) leaves
    its visible page a header and a footer; the wrapper is what a reader sees. ``sizes``: the
    elements' text lengths, spaces included (the common case ends on them)."""
    big = {i: _solid(outermost[i]) for i, raw in enumerate(sizes) if raw >= HIDDEN_PAGE_MIN}
    if not big:  # the common case: no big hidden element
        return outermost
    order = sorted(big, key=big.__getitem__)
    biggest = order[-1]
    node, size = outermost[biggest], big[biggest]
    if size < HIDDEN_PAGE_MIN:
        return outermost
    if node.tag in ("dialog", "nav", "menu", "aside", "header", "footer") or \
            node.attributes.get("aria-modal") == "true" or \
            (node.attributes.get("role") or "") in PANEL_NOT_ROLES or _CHROME.search(hints(node).lower()):
        return outermost
    if len(order) > 1 and size < HIDDEN_PAGE_LEAD * big[order[-2]]:
        return outermost  # one of several (a page's hidden forms, a carousel's slides)
    if size <= _solid(body) - sum(_solid(n) for n in outermost):
        return outermost  # the visible page holds more
    hidden.discard(node.mem_id)
    return outermost[:biggest] + outermost[biggest + 1:]


def _redundant_link(attrs: dict) -> bool:
    """Is a link with tabindex=-1 hidden only from screen readers (aria-hidden="true", no
    other mark that hides it)? A card that links its picture and its summary to the page its
    title links already takes them out of the tab order and the accessibility tree, so the
    same link is not announced twice; a reader of the page sees them (a teaser's summary)."""
    if attrs.get("aria-hidden") != "true" or "hidden" in attrs:
        return False
    style = (attrs.get("style") or "").lower().replace(" ", "")
    return "display:none" not in style and "visibility:hidden" not in style


def _solid(node) -> int:
    """The characters of ``node``'s text, spaces aside: a page's layout is mostly spaces."""
    return len("".join(node.text().split()))


def _comments_beside_no_story(out: list[str], dropped: list) -> bool:
    """Did the page show no story of its own (no paragraph of prose but a question put to the
    thread below it, a forum's first post that a site marks as an article; DISCUSSION_MAX_WORDS
    words at most: a title, a meta line, a sidebar's rules) while its comment boxes, left out,
    held DISCUSSION_SHARE times as many words and DISCUSSION_MIN_WORDS at least? Then the
    comments are what the page is for. A short story with a long thread is still a story."""
    shown = sum(len(text.split()) for text in out)
    if shown > DISCUSSION_MAX_WORDS:
        return False
    prose = [text for text in out if is_prose(text, STORY_PARAGRAPH_WORDS)]
    if prose and not all(asks(text) for text in prose):
        return False  # a story of its own; a question put to the thread below it is none
    comments = sum(len(line.split()) for r in dropped if r.category == "comments"
                   for line in r.lines)
    return comments >= DISCUSSION_MIN_WORDS and comments >= DISCUSSION_SHARE * shown


_STRIPPED = ", ".join(STRIP)


def _strip(tree, body, misread: bool = False) -> bool:
    """``tree.strip_tags(STRIP)`` in one CSS query (strip_tags looks the tree through once per
    tag): each element detached from its parent, not freed, as strip_tags does. The body's
    ``<noscript>`` elements are among the query's nodes (no query of their own): when they
    hold the page, they are unwrapped first (:func:`_open_noscript`), unless an iframe in one
    swallowed the page (:func:`_swallowed`): then nothing is stripped and True returned."""
    nodes = tree.root.css(_STRIPPED)
    if not misread and any(n.tag == "iframe" and _swallowed(n) for n in nodes):
        return True  # the tree misread the page: nothing stripped, it is parsed again
    if _noscript_chars(body, [n for n in nodes if n.tag == "noscript"]) >= NOSCRIPT_PAGE_CHARS:
        _open_noscript(tree, body)  # rare: the page may be in them; the tree changes
        nodes = tree.root.css(_STRIPPED)
    for node in nodes:
        node.decompose(recursive=False)
    return False


# A browser reads a <noscript>'s content as text (scripts run), so an <iframe .../> in one,
# self-closed as a tag manager's snippet writes it, closes nothing there. Lexbor parses it as
# an element, and an iframe's content is raw text up to its end tag: the rest of the page
# (render.com's every section) becomes that text. Closed in the document, it parses right.
# Wherever the snippet sits (in <head>, after a comment or a pixel, in a <div>): each
# self-closed iframe inside a <noscript>...</noscript> span is closed. The tag's pattern is
# greedy, so linear in the tag's length.
_NOSCRIPT_SPAN = re.compile(r"<noscript\b.*?</noscript\s*>", re.I | re.S)
_SELF_CLOSED_IFRAME = re.compile(r"(<iframe\b[^>]*)/>", re.I)


def _swallowed(iframe) -> bool:
    """Has ``iframe`` swallowed the page? Its text (an iframe's content is raw text) closes a
    ``</noscript>`` it did not open: its missing end tag took the markup past its own noscript.
    An ad iframe with a whole noscript of its own inside is balanced and not counted."""
    raw = iframe.text(deep=False).lower()
    end = raw.find("</noscript")
    return end >= 0 and not 0 <= raw.find("<noscript") < end


def _closed_iframes(text: str) -> str:
    """``text`` with each self-closed ``<iframe .../>`` inside a <noscript> closed."""
    return _NOSCRIPT_SPAN.sub(
        lambda m: _SELF_CLOSED_IFRAME.sub(r"\1></iframe>", m.group()), text)


def _noscript_chars(body, noscripts: list) -> int:
    """The characters, spaces aside, of those of ``noscripts`` inside ``body``."""
    top = body.mem_id
    chars = 0
    for node in noscripts:
        at = node.parent
        while at is not None and at.mem_id != top:
            at = at.parent
        if at is not None:
            chars += len("".join(node.text(deep=True).split()))
    return chars


def _disclosed(body) -> set:
    """The ids of the panels the page's disclosure controls open and close (aria-controls of an
    element with aria-expanded), outside menus and headers: those open menus."""
    ids: set = set()
    for control in body.css(DISCLOSURE):
        at = control.parent
        while at is not None and at.tag not in ("nav", "header", "body"):
            at = at.parent
        if at is not None and at.tag != "body":
            continue
        ids.update((control.attributes.get("aria-controls") or "").split())
    return ids


def _hidden_candidates(body) -> tuple[list, set]:
    """The elements the hidden step weighs, in document order, and the mem ids of those hidden
    by a "hidden" class alone (CLASS_HIDDEN), which :func:`_a_class_panel` judges."""
    by_class = body.css(CLASS_HIDDEN)
    if not by_class:
        return body.css(HIDDEN), set()
    both = body.css(HIDDEN + ", " + CLASS_HIDDEN)
    # Lexbor gives a node once for each part of a query it matches (see lookups.py), so a
    # class-hidden node that comes once in ``both`` matched no part of HIDDEN: the answer of
    # a third walk over the page (``body.css(HIDDEN)``), read off the second.
    times: dict[int, int] = {}
    for node in both:
        times[node.mem_id] = times.get(node.mem_id, 0) + 1
    return both, {n.mem_id for n in by_class if times[n.mem_id] == 1}


def _holds_protected(node) -> bool:
    """Is ``node`` (hidden by a class alone) or does it hold the headline, <main> or the article
    body (selector.PROTECTED)? As html-print-only's [class~=hidden] never dropped one (the
    selector guard), the hidden step keeps it: a "hidden md:flex" hero is the desktop's copy."""
    return node.css_first(PROTECTED) is not None or node.tag in ("h1", "main") or \
        (node.attributes.get("itemprop") or "").lower() == "articlebody"


def _a_class_panel(node, panels: set) -> bool:
    """Is ``node``, hidden by a "hidden" class alone, a disclosure's panel: a panel by the
    hidden attribute's tests (:func:`_a_panel`: named, opened by a control, or right after a
    collapsed control), or right after its question's plain button (:func:`_after_question`);
    and not a menu (its words mostly links')."""
    if not (_a_panel(node, panels) or
            (_after_control(node) or _after_question(node)) and _a_panel(node, set(), opened=True)):
        return False
    words = len(node.text(deep=True).split())
    linked = sum(len(a.text(deep=True).split()) for a in node.css("a"))
    return linked <= PANEL_MAX_LINKED * words


def _after_question(node) -> bool:
    """Is ``node`` right after a plain <button> holding a question (a heading, or text ending in a
    question mark: an FAQ written with no aria attributes), outside a nav, header, footer or form
    (a menu's toggle, a cart's or a sign-in form's button)?"""
    prev = node.prev
    while prev is not None and prev.tag in ("-text", "-comment"):
        prev = prev.prev
    if prev is None or prev.tag != "button":
        return False
    if not (any(prev.css_first(h) is not None for h in HEADINGS) or
            prev.text(deep=True).strip().endswith(QUESTION_ENDS)):
        return False
    at = prev.parent
    while at is not None and at.tag not in BUTTON_NOT_IN and at.tag != "body":
        at = at.parent
    return at is None or at.tag == "body"


def _after_control(node) -> bool:
    """Is hidden ``node`` the element right after a collapsed disclosure control (a button, or
    an element with role=button, with aria-expanded="false"), or after a heading that holds
    one: WAI-ARIA's accordion written without aria-controls, its panel the control's next
    sibling. Not in the page's <nav> or <header>, whose buttons open menus."""
    prev = node.prev
    while prev is not None and prev.tag in ("-text", "-comment"):
        prev = prev.prev
    if prev is None:
        return False
    if prev.tag in HEADINGS:
        prev = prev.css_first(COLLAPSED)
    elif not (prev.attributes.get("aria-expanded") == "false" and
              (prev.tag == "button" or prev.attributes.get("role") == "button")):
        return False
    if prev is None:
        return False
    at = prev.parent
    while at is not None and at.tag not in ("nav", "header", "body"):
        at = at.parent
    return at is None or at.tag == "body"


def _a_panel(node, panels: set, opened: bool = False) -> bool:
    """Is hidden ``node`` a tab panel or a disclosure's panel (see DISCLOSURE)? ``opened``: a
    collapsed control right before it opens it (:func:`_after_control`)."""
    attrs = node.attributes
    role = attrs.get("role") or ""
    if node.tag in ("nav", "dialog", "menu") or role in PANEL_NOT_ROLES or \
            attrs.get("aria-modal") == "true":
        return False
    if not opened and role != "tabpanel" and (attrs.get("id") or "") not in panels and \
            not PANEL_NAME.search(attrs.get("class") or ""):
        return False
    return not _CHROME.search(hints(node).lower()) and \
        len(node.text(deep=True).split()) >= PANEL_MIN_WORDS


class _Main:
    """The page's ``<main>``, as the hidden elements are weighed against it: the mem ids of
    the elements holding it and its text length are read once (nothing is removed while
    they are weighed), not walked and measured again for each of a page's hidden elements."""

    __slots__ = ("node", "holders", "_chars")

    def __init__(self, node) -> None:
        self.node = node
        self.holders: set = set()
        at = node.parent
        while at is not None:
            self.holders.add(at.mem_id)
            at = at.parent
        self._chars = -1

    @classmethod
    def of(cls, body) -> Optional["_Main"]:
        node = body.css_first("main, [role=main]")
        return None if node is None else cls(node)

    def chars(self) -> int:
        if self._chars < 0:
            self._chars = len(self.node.text())
        return self._chars

    def held_by(self, node, size: int) -> bool:
        """Does hidden ``node`` hold the page's main element, or most of its text?"""
        if node.mem_id in self.holders:
            return True
        if size < MAIN_SHARE * self.chars():  # too little text to matter: no need to look up
            return False
        main = self.node.mem_id
        at = node.parent
        while at is not None and at.mem_id != main:
            at = at.parent
        return at is not None


def _of_a_picture(figcaption) -> bool:
    """Is this the caption of a picture, not of a quote, a code listing or a table (whose
    figcaption is the quote's attribution or the listing's title: part of the text)?"""
    figure = figcaption.parent
    return figure is None or figure.css_first("blockquote, pre, table, code, q") is None


def _spread_out(page, keep: list[int], neg: list) -> Optional[list[int]]:
    """The blocks of a page whose content is spread out rather than in one container, or None.
    Spread out: the choice holds less than WHOLE_PAGE_SHARE of the text of the page's blocks
    that are not links and not in boxes named like chrome (comments, sidebars, related: see
    html_score.CHROME). On a page that is not one story, thread, manual page or product (a
    listing, a shop's category, a company's service page), such a choice is one card of
    many; all of those blocks (and the choice's) lose less."""
    if not neg:
        neg = negative_elements(page, set())
    chosen = sum(len(page.blocks[i].text) for i in keep)
    spread = [i for i, b in enumerate(page.blocks) if not neg[b.owner]]
    prose = sum(len(page.blocks[i].text) for i in spread
                if page.blocks[i].links <= 0.6 * page.blocks[i].chars)
    if chosen >= WHOLE_PAGE_SHARE * prose:
        return None
    return sorted(set(spread) | set(keep))


def _with_stray_prose(page, keep: list[int], neg: list) -> list[int]:
    """``keep`` and the paragraphs of prose outside it (STRAY_PROSE_WORDS words or more, full
    sentences, hardly any link text), unless they sit in a box named like chrome (comments,
    sidebars, related stories): text that reads as the article's, wherever the layout put it
    (a second column, a box after an ad), is not left out on the choice of one container."""
    kept = set(keep)
    texts = {page.blocks[i].text for i in keep}  # a teaser repeating the lead is no stray
    extra = []
    runs = _prose_runs(page, kept)
    for i, b in enumerate(page.blocks):
        if i in kept or b.links > 0.1 * b.chars or b.tag in HEADINGS:
            continue
        if i not in runs and (b.chars < 150 or len(b.text.split()) < STRAY_PROSE_WORDS
                              or not is_prose(b.text)):
            continue
        if not neg[b.owner] and b.text not in texts and not _in_teaser_box(page, b.owner):
            extra.append(i)
            texts.add(b.text)
    return sorted(kept.union(extra)) if extra else keep


def _with_adjacent_prose(page, keep: list[int], neg: list) -> list[int]:
    """``keep`` and the paragraphs of prose right next to it, just outside the chosen box: a
    standfirst in a box of its own above the body, the body's last paragraph after an ad's
    wrapper. Walking out from the first and the last kept block, each block taken must be a
    full sentence of ADJACENT_WORDS words or more with no link text, not a heading, and
    not in a box named like chrome or like teasers; the first block that is not ends the walk.
    One box named like teasers is taken: a summary's right above the body, in the story's own
    wrapper (:func:`_summary_box`), all its paragraphs, walking up while they stay in it."""
    if not keep:
        return keep
    kept = set(keep)
    texts = {page.blocks[i].text for i in keep}
    extra = []
    for start, step in ((keep[0] - 1, -1), (keep[-1] + 1, 1)):
        i = start
        summary = None  # the standfirst's summary box the walk up is in
        while 0 <= i < len(page.blocks) and i not in kept:
            b = page.blocks[i]
            if b.links or b.tag in HEADINGS or neg[b.owner] or b.text in texts or \
                    not is_prose(b.text, ADJACENT_WORDS):
                break
            if _in_teaser_box(page, b.owner):
                box = _summary_box(page, b.owner, page.blocks[keep[0]].owner) \
                    if step < 0 and (i == start or summary is not None) else None
                if box is None or summary not in (None, box):
                    break
                summary = box
            extra.append(i)
            texts.add(b.text)
            i += step
    return sorted(kept.union(extra)) if extra else keep


def _with_enclosed(page, keep: list[int], judged: set, neg: list) -> list[int]:
    """``keep`` and the few blocks (ENCLOSED_GAP at most) that stand between two paragraphs of
    prose the reader took outside its choice (the stray, adjacent or section steps: not in
    ``judged``, the choice's own blocks), each inside the box of one of them: a paragraph's
    box for a paragraph (``<p>``, ``<blockquote>``, ``<dd>``), the paragraph itself else.
    Those steps take paragraphs one by one, by their length and their sentences; what they
    pass over between two of them in the same box is that text's own: a sentence broken over
    two paragraphs, a short heading, the lead-in to a quote, the quote, a list of references.
    None of the gap may be named like chrome or like a teaser's box, nor be mostly links
    (ENCLOSED_LINKS); the choice's own gaps were judged already (a share bar, a byline)."""
    if len(keep) < 2:
        return keep
    blocks = page.blocks
    extra: list[int] = []
    for a, c in zip(keep, keep[1:]):
        if not 1 < c - a <= ENCLOSED_GAP + 1 or a in judged or c in judged:
            continue
        if not (is_prose(blocks[a].text) and is_prose(blocks[c].text)):
            continue
        gap = range(a + 1, c)
        if any(neg[blocks[i].owner] or blocks[i].links > ENCLOSED_LINKS * blocks[i].chars
               for i in gap):
            continue
        boxes = {_paragraph_box(page, blocks[a].owner), _paragraph_box(page, blocks[c].owner)}
        if all((blocks[i].owner in boxes or inside_any(page, blocks[i].owner, boxes)) and not _in_teaser_box(page, blocks[i].owner)
               for i in gap):
            extra.extend(gap)
    return sorted(set(keep).union(extra)) if extra else keep


def _paragraph_box(page, at: int) -> int:
    """The box of element ``at``: its parent for a paragraph (RUN_TAGS), else itself."""
    el = page.elements[at]
    return el.parent if el.tag in RUN_TAGS and el.parent > 0 else at


def _summary_box(page, at: int, body: int) -> Optional[int]:
    """Is element ``at`` (or, for a paragraph, the box holding it) named a summary and
    nothing else STRAY_NOT names, in the story's own wrapper: its parent holds ``body`` (the
    first kept block's element) too, and is inside no box named like teasers? Right above the
    chosen body and beside it, such a box (not named for the site: "site-summary" is its
    blurb about itself) is the story's standfirst (``<div
    class="summary">``); another story's teaser sits in a box of its own (a list of them, an
    "editors-pick" or "breaking-news" promo) that does not hold the body. The box, or None."""
    box = _paragraph_box(page, at)
    names = hints(page.elements[box].node)
    if not SUMMARY.search(names) or STRAY_NOT.search(SUMMARY.sub(" ", names)) or \
            SITE_BOX.search(names):
        return None
    parent = page.elements[box].parent
    while body > parent:  # elements are numbered in document order: an ancestor comes first
        body = page.elements[body].parent
    return box if body == parent and not _in_teaser_box(page, parent) else None


def _prose_runs(page, kept: set) -> set[int]:
    """The blocks outside ``kept`` that are short paragraphs of prose (RUN_PARAGRAPH_WORDS
    words or more, a full sentence, no link text) standing together in one box with others
    like them, RUN_PROSE_WORDS words in all: a question above its answers, an intro above the
    chosen body, a story's second half in a box of its own. One such paragraph alone may be
    a blurb; several in a row are text."""
    groups: dict[int, list[int]] = {}
    for i, b in enumerate(page.blocks):
        if i in kept or b.links or b.tag not in RUN_TAGS:
            continue
        if not is_prose(b.text, RUN_PARAGRAPH_WORDS):
            continue
        el = page.elements[b.owner]
        box = el.parent if el.tag in RUN_TAGS else b.owner
        groups.setdefault(box, []).append(i)
    out: set[int] = set()
    for box, members in groups.items():
        if len(members) >= RUN_MIN_PARAGRAPHS and \
                sum(len(page.blocks[i].text.split()) for i in members) >= RUN_PROSE_WORDS:
            out.update(members)
    return out


def _in_teaser_box(page, at: int) -> bool:
    """Is element ``at`` inside a box named like other stories' summaries, a caption or an
    excerpt (not chrome to the scoring, whose boxes of the article's own text carry such
    names too, but never where a stray paragraph of the article is)?"""
    while at > 0:
        el = page.elements[at]
        names = hints(el.node)
        if STRAY_NOT.search(names):
            return True
        if FAQ.search(names):
            return False  # a page's questions and answers are its own, whatever holds them
        at = el.parent
    return False


def _without_captions(page, body, shown: list[int], dropped: list,
                      haystack: Optional[Haystack] = None) -> list[int]:
    """``shown`` without the blocks of image captions (``<figcaption>``, and short boxes named
    like a caption or a photo credit), each run of them reported as one html-caption removal."""
    # The boxes named like a caption in one Lexbor query, without the substring tests no
    # class on the page can pass (the haystack holds them all): most pages run none. The
    # figcaptions that hold text are among the walk's elements (a query for the tag walked
    # the whole tree: the step took 0.094 ms a page with it, 0.056 without, on 300 wcxb pages).
    query = runnable(CAPTION_CLASSES, haystack)
    named = {n.mem_id for n in body.css(query)
             if n.tag != "figcaption" and CAPTION_HINT.search(hints(n))} if query else set()
    caption_blocks: set[int] = set()
    boxes = page.elements if named else [el for el in page.elements if el.tag == "figcaption"]
    for el in boxes:
        if el.end > el.start and el.tag not in HEADINGS and (
                (el.tag == "figcaption" and _of_a_picture(el.node)) or
                (el.node.mem_id in named and page.text_len(el) <= CAPTION_MAX_CHARS)):
            caption_blocks.update(range(el.start, el.end))
    if not caption_blocks:
        return shown
    # Captions that are much of the page are its cards (a listing's items, a shop's products)
    shown_chars = sum(page.blocks[i].chars for i in shown)
    if sum(page.blocks[i].chars for i in shown if i in caption_blocks) > CAPTION_MAX_SHARE * shown_chars:
        return shown
    gone = {i for i in shown if i in caption_blocks and page.blocks[i].tag not in HEADINGS
            and not NUMBERED_FIGURE.match(page.blocks[i].text)}
    _report_runs(dropped, "html-caption", "caption", page.blocks, shown, gone)
    return [i for i in shown if i not in gone]


def _open_noscript(tree, body) -> None:
    """Unwrap the ``<noscript>`` elements when they hold most of the page's text: the page as
    served to readers without scripts (Discourse forums put every post there), where the rest
    is a splash screen. Otherwise they are fallbacks (a pixel, "enable JavaScript", a copy of
    what scripts show) and go with the other STRIP tags. Lexbor parses their content as
    elements, so unwrapping is enough."""
    nodes = body.css("noscript")
    if not nodes:
        return
    inside = [len("".join(n.text(deep=True).split())) for n in nodes]
    if sum(inside) < NOSCRIPT_PAGE_CHARS:  # the common case: a pixel, a line of advice
        return
    tree.strip_tags([t for t in STRIP if t != "noscript"])
    inside = [len("".join(n.text(deep=True).split())) for n in nodes]
    total = len("".join(body.text(deep=True).split()))
    if sum(inside) >= NOSCRIPT_PAGE_CHARS and sum(inside) > total - sum(inside):
        for node in nodes:
            node.unwrap()


def _report_unshown(dropped: list, blocks: list, chosen: set) -> None:
    """The blocks left out of the content the reader chose, each run of them one
    html-main-content Removal (what its own rules took from the choice, a caption, a bio, a
    repeated quote, they reported: not twice)."""
    _report_runs(dropped, "html-main-content", "boilerplate", blocks, range(len(blocks)),
                 {i for i in range(len(blocks)) if i not in chosen})


def _report_runs(dropped: list, rule_id: str, category: str, blocks: list, order,
                 gone: set) -> None:
    """Each run of blocks in ``gone`` (consecutive in ``order``) as one Removal."""
    run: list[str] = []
    for i in order:
        if i in gone:
            run.extend(blocks[i].text.split("\n"))
        elif run:
            dropped.append(Removal(rule_id, category, READER_PACK, (), tuple(run)))
            run = []
    if run:
        dropped.append(Removal(rule_id, category, READER_PACK, (), tuple(run)))