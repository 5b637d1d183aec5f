"""The tags the reader looks up on the whole page before anything is stripped, found by one query.

The page's canonical url, its og:url, og:title, og:type, generator and author, its JSON-LD scripts
and its microdata types were up to seven CSS queries, each a walk over the whole page
(scripts included); one query with all of them walks it once. Lexbor returns the matches in
document order, a node once for each part it matches; which lookup a node answers is asked of
Lexbor itself (``css_matches``), so each lookup gives what its own query would have, in the
same order.
"""
from __future__ import annotations

from typing import Optional

CANONICAL = 'link[rel="canonical" i]'
OG_URL = 'meta[property="og:url" i]'
OG_TITLE = 'meta[property="og:title" i]'
OG_TYPE = 'meta[property="og:type" i]'
GENERATOR = 'meta[name="generator" i]'
META_AUTHOR = 'meta[name="author" i]'
JSON_LD = 'script[type="application/ld+json" i]'
MICRODATA = "[itemtype]"
# Each lookup with the tag it names (None: any element). A node Lexbor matches to a type
# selector has that tag, so only nodes of a lookup's tag are asked about it; and a node of no
# lookup's tag can only have matched the one lookup that names no tag.
LOOKUPS = {CANONICAL: "link", OG_URL: "meta", OG_TITLE: "meta", OG_TYPE: "meta",
           GENERATOR: "meta", META_AUTHOR: "meta", JSON_LD: "script", MICRODATA: None}
_TAGS = frozenset(tag for tag in LOOKUPS.values() if tag)
assert sum(tag is None for tag in LOOKUPS.values()) <= 1, "one lookup at most names no tag"
_QUERY = ", ".join(LOOKUPS)


class PageLookups:
    """The nodes of a parsed page that each selector of :data:`LOOKUPS` matches."""

    def __init__(self, tree) -> None:
        self._nodes: list = []  # each matched node once, with its tag, in document order
        seen: set = set()
        for node in tree.css(_QUERY):
            if node.mem_id not in seen:
                seen.add(node.mem_id)
                self._nodes.append((node, node.tag))
        self._found: dict[str, list] = {}

    def all(self, selector: str) -> list:
        """What ``tree.css(selector)`` gives, for a selector of :data:`LOOKUPS`."""
        found = self._found.get(selector)
        if found is None:
            want = LOOKUPS[selector]
            if want is None:  # a node of no lookup's tag matched this one alone
                found = [node for node, tag in self._nodes
                         if tag not in _TAGS or node.css_matches(selector)]
            else:
                found = [node for node, tag in self._nodes
                         if tag == want and node.css_matches(selector)]
            self._found[selector] = found
        return found

    def first(self, selector: str) -> Optional[object]:
        """What ``tree.css_first(selector)`` gives, for a selector of :data:`LOOKUPS`."""
        found = self.all(selector)
        return found[0] if found else None
