"""Bounding an HTML page's nesting before it is parsed.

Lexbor's tree builder does work proportional to the depth of the open elements for every tag
(scope checks walk the stack of open elements), so a page of N nested elements costs N^2:
60,000 nested ``<div>`` took 6.7 s and 120,000 took 35 s, almost all of it in the parser.
:func:`flatten_deep` reads the tags the way the tree builder would, closely enough to know
each element's depth, and deletes the start and end tags of elements that would open deeper
than :data:`MAX_NESTING`: their text stays, in the element at the limit. The reader
(:mod:`cleaner.html.walk`) reads everything below depth 400 as one run of text anyway, so
nothing it would have kept as structure is lost, and parsing time stays linear in the input.

Real pages nest a few dozen elements deep (the scan reads 60 at most on the 2,789 pages of the
dev bench, and flattens none of them). It runs only on pages with enough tags to be slow at all
(:data:`SCAN_MIN_TAGS`, one page in fifty on the bench), where it costs about 15 ms a megabyte:
2.7% of the HTML path's time over the whole bench.
"""
from __future__ import annotations

import re

MAX_NESTING = 512  # open elements; beyond it, tags are dropped and their text kept
# A page with fewer tags than this parses in a tenth of a second however they nest (8,192
# nested elements: 0.13 s; 4,096 would cost the scan 9% of the HTML path's time on the bench).
SCAN_MIN_TAGS = 8192
VOID = frozenset((
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "keygen", "command", "basefont", "bgsound", "frame", "image",
))
# Elements whose text is not markup: their content is skipped to their end tag.
RAW_TEXT = frozenset(("script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                      "noframes", "noscript"))
# A start tag of one of these closes an open element of the same name (an unclosed <li>
# before the next), unless a scope boundary comes first on the way down the stack.
SIBLINGS = frozenset(("p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
                      "tbody", "tfoot", "rb", "rt", "rtc", "rp", "colgroup", "caption"))
BOUNDARIES = frozenset(("ul", "ol", "dl", "menu", "table", "select", "datalist", "html",
                        "body", "td", "th", "caption", "object", "template", "marquee",
                        "applet", "button"))
SEARCH_LIMIT = 64  # open elements looked through for a sibling to close (bounds the work)
_TOKEN = re.compile(r"<(?:(/?)([A-Za-z][^\s/>]*)|(!--)|[!?])")


def flatten_deep(text: str, limit: int = MAX_NESTING) -> tuple[str, int]:
    """``text`` with the tags of elements nested deeper than ``limit`` deleted, and how many
    tags went. A page with fewer than SCAN_MIN_TAGS tags comes back as it is, unread."""
    if text.count("<") < SCAN_MIN_TAGS or _depth_bound(text) <= limit:
        return text, 0
    cuts = _deep_tags(text, limit)
    if not cuts:
        return text, 0
    parts, at = [], 0
    for start, end in cuts:
        parts.append(text[at:start])
        at = end
    parts.append(text[at:])
    return "".join(parts), len(cuts)


_TAG_NAME = re.compile(r"<(/?[A-Za-z][A-Za-z0-9]*)")


def _depth_bound(text: str) -> int:
    """An upper bound on how deep the page nests, found cheaply: every start tag opens its
    element and an end tag closes one of its name if one is open. The tree builder closes at
    least as much (an end tag closes what was opened inside its element too, a <p> or <li>
    closes its open sibling), so it never nests deeper than this; comments and scripts only
    add to the bound. Most big pages nest a few dozen deep, and skip the full scan."""
    # Each distinct tag as written ("div", "/DIV", "br") is read once into a code: a start
    # tag of the name in slot k is k, its end tag -k, a void element's tag 0. The loop then
    # does one dict lookup and a list update a tag, where lowering and slicing each tag and
    # two lookups by name cost twice as much (12 of 300 wcxb pages are scanned, ~4 ms each).
    codes: dict[str, int] = {}
    slots: dict[str, int] = {}
    open_count = [0]  # open elements by slot (slot 0 unused: 0 is the void code)
    depth = deepest = 0
    get = codes.get
    for raw in _TAG_NAME.findall(text):
        code = get(raw)
        if code is None:
            code = codes[raw] = _tag_code(raw, slots, open_count)
        if code > 0:
            open_count[code] += 1
            depth += 1
            if depth > deepest:
                deepest = depth
        elif code and open_count[-code]:
            open_count[-code] -= 1
            depth -= 1
    return deepest


def _tag_code(raw: str, slots: dict[str, int], open_count: list[int]) -> int:
    """The code of a tag as _TAG_NAME reads it (see _depth_bound), its name's slot made on
    first sight."""
    end = raw[0] == "/"
    name = (raw[1:] if end else raw).lower()
    if not end and name in VOID:
        return 0
    slot = slots.get(name)
    if slot is None:
        slot = slots[name] = len(open_count)
        open_count.append(0)
    return -slot if end else slot


def _deep_tags(text: str, limit: int) -> list[tuple[int, int]]:
    """The (start, end) spans of the tags to delete, in order."""
    stack: list[str] = []
    open_count: dict[str, int] = {}  # name -> how many are on the stack
    dropped: dict[str, int] = {}  # name -> start tags deleted whose end tag is still to come
    cuts: list[tuple[int, int]] = []
    pos, size = 0, len(text)
    search = _TOKEN.search
    while True:
        m = search(text, pos)
        if m is None:
            break
        if m.group(3):  # a comment: skipped whole
            end = text.find("-->", m.end())
            pos = size if end < 0 else end + 3
            continue
        close = text.find(">", m.end())
        if close < 0:
            break  # an unfinished tag at the end: text to the parser
        pos = close + 1
        name = m.group(2)
        if name is None:  # <!doctype>, <?xml ...?>
            continue
        name = name.lower()
        if m.group(1):  # an end tag
            if dropped.get(name):
                dropped[name] -= 1
                cuts.append((m.start(), pos))
            elif open_count.get(name):
                while stack:  # close it and everything opened inside it
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
            continue
        if name in VOID or (text[close - 1] == "/" and _in_foreign(open_count)):
            continue
        if name in RAW_TEXT:
            end = _raw_text_end(name).search(text, pos)
            pos = size if end is None else end.start()
            continue
        if name in SIBLINGS and open_count.get(name):
            _close_sibling(stack, open_count, name)
        if len(stack) >= limit:
            dropped[name] = dropped.get(name, 0) + 1
            cuts.append((m.start(), pos))
            continue
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
    return cuts


def _in_foreign(open_count: dict[str, int]) -> bool:
    return bool(open_count.get("svg") or open_count.get("math"))


_RAW_TEXT_ENDS: dict[str, "re.Pattern[str]"] = {}


def _raw_text_end(name: str) -> "re.Pattern[str]":
    found = _RAW_TEXT_ENDS.get(name)
    if found is None:
        found = _RAW_TEXT_ENDS[name] = re.compile(r"</" + name + r"[\s/>]", re.I)
    return found


def _close_sibling(stack: list[str], open_count: dict[str, int], name: str) -> None:
    """Close the open ``name`` nearest the top, if no scope boundary comes before it."""
    for depth in range(len(stack) - 1, max(-1, len(stack) - 1 - SEARCH_LIMIT), -1):
        found = stack[depth]
        if found == name:
            for top in stack[depth:]:
                open_count[top] -= 1
            del stack[depth:]
            return
        if found in BOUNDARIES:
            return
