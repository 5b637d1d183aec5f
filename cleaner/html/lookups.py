"""The tags the reader looks up on the whole page before anything is stripped, found by one query.

The page's canonical url, its og:url, og:title, og:type, generator and author, its declared site
name (og:site_name, application-name), its JSON-LD scripts
and its microdata types were up to seven CSS queries, each a walk over the whole page
(scripts included); one query with all of them walks it once. Lexbor returns the matches in
document order, a node once for each part it matches; which lookup a node answers is asked of
its attributes as Lexbor reads them (see _answers), so each lookup gives what its own query
would have, in the same order.
"""
from __future__ import annotations

import json
import re
import string
from typing import Optional

CANONICAL = 'link[rel="canonical" i]'
OG_URL = 'meta[property="og:url" i]'
OG_TITLE = 'meta[property="og:title" i]'
OG_TYPE = 'meta[property="og:type" i]'
GENERATOR = 'meta[name="generator" i]'
META_AUTHOR = 'meta[name="author" i]'
OG_SITE_NAME = 'meta[property="og:site_name" i]'
APPLICATION_NAME = 'meta[name="application-name" i]'
JSON_LD = 'script[type="application/ld+json" i]'
MICRODATA = "[itemtype]"
# Each lookup with the tag it names (None: any element). A node Lexbor matches to a type
# selector has that tag, so only nodes of a lookup's tag are asked about it; and a node of no
# lookup's tag can only have matched the one lookup that names no tag.
LOOKUPS = {CANONICAL: "link", OG_URL: "meta", OG_TITLE: "meta", OG_TYPE: "meta",
           GENERATOR: "meta", META_AUTHOR: "meta", OG_SITE_NAME: "meta", APPLICATION_NAME: "meta",
           JSON_LD: "script", MICRODATA: None}
_TAGS = frozenset(tag for tag in LOOKUPS.values() if tag)
assert sum(tag is None for tag in LOOKUPS.values()) <= 1, "one lookup at most names no tag"
# Which lookup a node of its tag answers is read off its attributes (css_matches parsed the
# selector and searched the node for each lookup asked, ~0.1 ms a page): each lookup is a
# tag, an attribute, and that attribute's whole value compared ASCII case-insensitively (the
# "i" flag), as Lexbor compares it; or the attribute alone.
_PARTS = re.compile(r'(?:[a-z]+)?\[([a-z:-]+)(?:="([^"]+)" i)?\]')
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_TESTS: dict[str, tuple[str, Optional[str]]] = {}
for _selector in LOOKUPS:
    _m = _PARTS.fullmatch(_selector)
    assert _m is not None, f"a lookup PageLookups cannot read: {_selector}"
    _TESTS[_selector] = (_m.group(1), _m.group(2))


def _answers(attrs: dict, selector: str) -> bool:
    """Does an element of the lookup's tag with ``attrs`` match ``selector``?"""
    name, value = _TESTS[selector]
    if value is None:
        return name in attrs
    held = attrs.get(name)
    return held is not None and held.translate(_ASCII_LOWER) == value
_QUERY = ", ".join(LOOKUPS)
JSON_LD_MAX_ITEMS = 500  # a page's graph, bounded: some pages ship megabytes of it
# The keys whose values are the page's own items (a story in a graph, a page's main entity);
# an item's other values (a reviewed book, a comment, a publisher) are not walked into.
JSON_LD_ITEM_KEYS = ("@graph", "mainEntity", "mainEntityOfPage")


class PageLookups:
    """The nodes of a parsed page that each selector of :data:`LOOKUPS` matches."""

    def __init__(self, tree) -> None:
        self._nodes: list = []  # each matched node once, with its tag and attributes, in document order
        seen: set = set()
        for node in tree.css(_QUERY):
            if node.mem_id not in seen:
                seen.add(node.mem_id)
                self._nodes.append((node, node.tag, node.attributes))
        self._found: dict[str, list] = {}
        self._json_ld: Optional[list[dict]] = None

    def all(self, selector: str) -> list:
        """What ``tree.css(selector)`` gives, for a selector of :data:`LOOKUPS`."""
        found = self._found.get(selector)
        if found is None:
            want = LOOKUPS[selector]
            if want is None:  # a node of no lookup's tag matched this one alone
                found = [node for node, tag, attrs in self._nodes
                         if tag not in _TAGS or _answers(attrs, selector)]
            else:
                found = [node for node, tag, attrs in self._nodes
                         if tag == want and _answers(attrs, selector)]
            self._found[selector] = found
        return found

    def json_ld(self) -> list[dict]:
        """The page's own JSON-LD items (dicts), each script parsed once, in the order the
        walk meets them: a script's top item, its ``@graph``, ``mainEntity`` and
        ``mainEntityOfPage`` (JSON_LD_ITEM_KEYS), JSON_LD_MAX_ITEMS values a script at most.
        A script that is not JSON gives none."""
        if self._json_ld is None:
            self._json_ld = []
            for node in self.all(JSON_LD):
                try:
                    data = json.loads(node.text() or "null")
                except ValueError:
                    continue
                stack, seen = [data], 0
                while stack and seen < JSON_LD_MAX_ITEMS:
                    item = stack.pop()
                    seen += 1
                    if isinstance(item, list):
                        stack.extend(item)
                    elif isinstance(item, dict):
                        self._json_ld.append(item)
                        for key in JSON_LD_ITEM_KEYS:
                            if isinstance(item.get(key), (list, dict)):
                                stack.append(item[key])
        return self._json_ld

    def first(self, selector: str) -> Optional[object]:
        """What ``tree.css_first(selector)`` gives, for a selector of :data:`LOOKUPS`."""
        found = self.all(selector)
        return found[0] if found else None
