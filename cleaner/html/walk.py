"""One walk over the cleaned element tree: the page as a flat list of text blocks.

Every block-level element opens a new block; inline text (links, emphasis, spans) joins the
block it sits in; ``<br>`` breaks a line and two in a row break the block. Each element the walk
enters is recorded with the range of blocks it holds, so a container's text is a slice of the
block list and choosing the article never needs a second walk. Text in links is counted apart
(link density), and so are commas (a readability signal).
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Optional

from ..text import words
from ..text.prose import CJK_CHAR_WEIGHT, _CJK

SKIP = frozenset((
    "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object",
    "embed", "canvas", "button", "select", "input", "textarea", "option", "video", "audio",
    "map", "img", "picture", "source", "link", "meta", "title", "dialog", "datalist", "frame",
    "frameset", "applet", "param", "track", "area", "wbr", "rt", "rp",
))
BLOCK = frozenset((
    "html", "body", "p", "div", "section", "article", "main", "aside", "header", "footer", "nav",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead",
    "tbody", "tfoot", "tr", "td", "th", "caption", "blockquote", "pre", "figure", "figcaption",
    "form", "fieldset", "address", "hr", "center", "details", "summary", "legend", "menu",
    "hgroup", "output", "listing", "plaintext", "xmp", "marquee", "noframes", "dir", "font-block",
))
HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
CELLS = frozenset(("td", "th"))
BR = "\x01"
# Invisible characters that break words apart for search and copy: soft hyphens, zero-width
# spaces, word joiners, stray BOMs (not the zero-width joiners that scripts and emoji need).
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u2060\ufeff]")
MAX_DEPTH = 400  # deeper than this, elements are read as inline (keeps the recursion bounded)
# Lexbor's tag id of a text node (LXB_TAG__TEXT), whose ``tag`` is "-text": the same nodes on
# all 2,789 dev-bench pages (6.3 million nodes)
TEXT_NODE = 2


class Element:
    """An element the walk entered: its node, tag, parent (index), depth and blocks [start, end)."""

    __slots__ = ("node", "tag", "parent", "depth", "start", "end", "hint_flags")

    def __init__(self, node: object, tag: str, parent: int, depth: int, start: int = 0,
                 end: int = 0) -> None:
        self.node, self.tag, self.parent, self.depth = node, tag, parent, depth
        self.start, self.end = start, end
        self.hint_flags: Optional[tuple[int, int]] = None  # scoring's reading of class and id

    def __repr__(self) -> str:
        return f"Element({self.tag!r}, parent={self.parent}, blocks={self.start}:{self.end})"

    @property
    def is_main(self) -> bool:
        """Is this the page's ``<main>`` (or an element of role=main)?"""
        return self.tag == "main" or self.node.attributes.get("role") == "main"


class Block:
    """One block of text: its visible and linked characters, the element owning it, commas;
    for a table's row merged into one line, how many of its cells hold no link text."""

    __slots__ = ("text", "chars", "links", "owner", "tag", "commas", "plain_cells")

    def __init__(self, text: str, chars: int, links: int, owner: int, tag: str,
                 commas: int = 0, plain_cells: int = 0) -> None:
        self.text, self.chars, self.links, self.owner, self.tag = text, chars, links, owner, tag
        self.commas = commas
        self.plain_cells = plain_cells

    def __repr__(self) -> str:
        return f"Block({self.text[:40]!r}, chars={self.chars}, links={self.links}, owner={self.owner})"


@dataclass
class Page:
    elements: list = field(default_factory=list)
    blocks: list = field(default_factory=list)
    chars: list = field(default_factory=list)   # prefix sums of block chars
    links: list = field(default_factory=list)   # prefix sums of block link chars
    thread: bool = False  # a forum thread: its comment boxes are its posts (html_score)
    reviews: bool = False  # a product page: its customer reviews are chrome (html_score)
    children: Optional[tuple] = None  # (elements, index -> children's indices): score._children
    host: Optional[str] = None  # the page's own host, "www." aside (score.points_away)
    site_name: Optional[str] = None  # the name the page declares for its site (reader.site_name)

    def text_len(self, el: Element) -> int:
        return self.chars[el.end] - self.chars[el.start]

    def link_len(self, el: Element) -> int:
        return self.links[el.end] - self.links[el.start]

    def link_density(self, el: Element) -> float:
        total = self.text_len(el)
        return self.link_len(el) / total if total else 0.0


def _visible(t: str) -> int:
    """Visible characters, spaces aside; a Han or kana letter counts as the Latin characters
    it stands for (prose.CJK_CHAR_WEIGHT), so a Chinese paragraph is as long as an English
    one that says as much (the scores' 60-character paragraphs, 100-character units)."""
    n = len(t) - t.count(" ") - t.count("\n") - t.count("\t") - t.count("\r")
    if t.isascii() or not _CJK.search(t):
        return n
    return n + (CJK_CHAR_WEIGHT - 1) * len(_CJK.findall(t))


def _commas(raw: str) -> int:
    """Commas, a readability signal: the ideographic ones too ("，", "、")."""
    n = raw.count(",")
    return n if raw.isascii() else n + raw.count("，") + raw.count("、")


def walk(root) -> Page:
    """Read ``root`` (the body) into a :class:`Page`."""
    page = Page()
    elements, blocks = page.elements, page.blocks
    parts: list[str] = []
    # visible chars of link text in the open block, link depth, <pre> depth (ints in the
    # closures' cells: read for every text node, cheaper than items of a list)
    linked = in_link = pre = 0

    def flush(owner: int) -> None:
        """Close the block being gathered (callers check ``parts`` first: most are empty)."""
        nonlocal linked
        raw = "".join(parts)
        chars = _visible(raw) - raw.count(BR)  # what the text nodes held, spaces aside
        if not raw.isascii() and _INVISIBLE_RE.search(raw):
            raw = _INVISIBLE_RE.sub("", raw)
        links = linked
        parts.clear()
        linked = 0
        if not chars:
            return
        tag = elements[owner].tag
        if pre:
            lines = [line.rstrip() for line in raw.replace(BR, "\n").split("\n")]
            text = "\n".join(lines).strip("\n")
            if text:
                blocks.append(Block(text, chars, links, owner, tag, _commas(raw)))
            return
        if BR not in raw:  # the common case: one line
            text = " ".join(raw.split())
            if text:
                blocks.append(Block(text, chars, links, owner, tag, _commas(raw)))
            return
        groups: list[list[str]] = [[]]
        for line in raw.split(BR):
            line = " ".join(line.split())
            if line:
                groups[-1].append(line)
            elif groups[-1]:
                groups.append([])
        groups = [g for g in groups if g]
        if len(groups) == 1:
            blocks.append(Block("\n".join(groups[0]), chars, links, owner, tag, _commas(raw)))
            return
        total = sum(len(line) for g in groups for line in g) or 1
        for g in groups:
            text = "\n".join(g)
            share = len(text) / total
            blocks.append(Block(text, max(1, round(chars * share)), round(links * share), owner,
                                tag, _commas(text)))

    skip, block, text_node = SKIP, BLOCK, TEXT_NODE
    append, add_element = parts.append, elements.append

    def visit(node, idx: int, depth: int) -> None:
        nonlocal linked, in_link, pre
        for child in node.iter(include_text=True):
            if child.tag_id == text_node:  # an int: no tag name made for each text node
                t = child.text_content
                if t:
                    # layout whitespace: a space at most (isspace() first: no copy made of
                    # the many nodes with text; every " \n\t\r" run is isspace())
                    if not pre and t.isspace() and not t.strip(" \n\t\r"):
                        if parts:
                            append(" ")
                        continue
                    append(t)
                    if in_link:  # link text is counted apart; all text is counted at flush
                        linked += _visible(t)
                continue
            tag = child.tag
            if tag is None:  # an element Lexbor gives no name: read it as inline
                if child.is_element_node:
                    visit(child, idx, depth + 1)
                continue
            if tag in skip or tag[0] == "-":  # comments and the like
                if tag != "button" or not _question_button(child):
                    continue
            if tag == "br":
                append(BR)
                continue
            if depth >= MAX_DEPTH:  # pathological nesting: the rest is read as one run of text
                t = child.text(deep=True, separator=" ")
                if _visible(t):
                    append(" " + t)
                continue
            if tag in block or tag == "button":  # (a button here is an FAQ's question)
                if parts:
                    flush(idx)
                me = len(elements)
                add_element(Element(child, tag, idx, depth + 1, len(blocks)))
                if tag == "pre":
                    pre += 1
                    visit(child, me, depth + 1)
                    if parts:
                        flush(me)
                    pre -= 1
                else:
                    visit(child, me, depth + 1)
                    if parts:
                        flush(me)
                elements[me].end = len(blocks)
                if tag == "tr":
                    _merge_row(elements, blocks, me)
            elif tag == "a" and not _named_anchor(child):
                in_link += 1
                visit(child, idx, depth + 1)
                in_link -= 1
            else:
                visit(child, idx, depth + 1)

    elements.append(Element(root, root.tag or "body", -1, 0, 0))
    limit = sys.getrecursionlimit()
    if limit < 3 * MAX_DEPTH + 100:
        sys.setrecursionlimit(3 * MAX_DEPTH + 100)
    try:
        visit(root, 0, 0)
        if parts:
            flush(0)
    finally:
        # visit() calls itself through its closure: a reference cycle that would keep every
        # node, element and block of the page alive until the cyclic GC ran (~10% of the
        # HTML path's time went to collecting them). Breaking it frees them by refcount.
        visit = flush = None  # noqa: F841
    elements[0].end = len(blocks)
    acc_c = acc_l = 0
    page.chars = [0]
    page.links = [0]
    for b in blocks:
        acc_c += b.chars
        acc_l += b.links
        page.chars.append(acc_c)
        page.links.append(acc_l)
    return page


QUESTION_BUTTON_WORDS = (3, 30)


def _question_button(node) -> bool:
    """Is this ``<button>`` an FAQ's question: its text a question of QUESTION_BUTTON_WORDS
    words ("Do you need a smart home hub?"), the toggle an accordion opens its answer with?
    Other buttons (Subscribe, Accept, Menu, Show more) are controls, and are not read."""
    text = node.text(deep=True, separator=" ").strip()
    if not text.endswith(("?", "？")):  # the full-width mark of Chinese and Japanese text
        return False
    low, high = QUESTION_BUTTON_WORDS
    return low <= len(words(text)) <= high  # words in every script (Han read in pairs)


def _named_anchor(node) -> bool:
    """An ``<a name=...>`` without ``href``: a place to jump to, not a link. Old pages open
    one at the top (``<a name="top">``) and never close it, and the parser then wraps the
    whole page in it: its text is no link text."""
    attrs = node.attrs  # two names asked: no dict of every attribute made (~180 links a page)
    # href first: a link has one, and asking for a name it lacks costs selectolax a KeyError
    # raised and caught, with its traceback (0.41 against 0.17 us a link)
    return "href" not in attrs and "name" in attrs


def _merge_row(elements: list, blocks: list, row: int) -> None:
    """A table row of short cells becomes one line, cells joined by ' | '."""
    el = elements[row]
    span = blocks[el.start:el.end]
    if len(span) < 2 or len(span) > 12:
        return
    for b in span:
        owner = elements[b.owner]
        if owner.tag not in CELLS or owner.parent != row or len(b.text) > 80 or "\n" in b.text:
            return
    merged = Block(" | ".join(b.text for b in span), sum(b.chars for b in span),
                   sum(b.links for b in span), row, "tr", sum(b.commas for b in span),
                   sum(1 for b in span if not b.links))
    del blocks[el.start:el.end]
    blocks.append(merged)
    el.end = el.start + 1
    for e in elements[row + 1:]:
        e.start, e.end = el.start, el.start + 1  # the cells are inside the merged line now
