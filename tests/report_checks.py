"""Reading a report page back (as written, or as a browser's DOM): what the tests of
cleaner.report check in both."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from cleaner import clean_document
from cleaner.text.decode import to_lines
from cleaner.report_schema import line_numbers, rows

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Node:
    def __init__(self, tag: str, attrs: dict, parent=None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list = []  # Node or str

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def classes(self) -> set:
        return set((self.attrs.get("class") or "").split())

    def find_all(self, tag: str = None, cls: str = None, **attrs) -> list:
        found = []
        for n in self.iter():
            if tag and n.tag != tag:
                continue
            if cls and cls not in n.classes():
                continue
            if any(n.attrs.get(k.replace("_", "-")) != v for k, v in attrs.items()):
                continue
            found.append(n)
        return found


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.at = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.at)
        self.at.children.append(node)
        if tag not in VOID:
            self.at = node

    def handle_startendtag(self, tag, attrs):
        self.at.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.at))

    def handle_endtag(self, tag):
        node = self.at
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.at = node.parent

    def handle_data(self, data):
        self.at.children.append(data)


def parse(page: str) -> Node:
    builder = _Builder()
    builder.feed(page)
    builder.close()
    return builder.root


def line_items(root: Node) -> dict[int, Node]:
    """The document's lines by number (``<li id="L12">``)."""
    return {int(n.attrs["id"][1:]): n for n in root.find_all("li")
            if re.fullmatch(r"L\d+", n.attrs.get("id", ""))}


def input_lines(document, result: dict) -> list[str]:
    """The lines a JSON result's line numbers count: the document's, or for HTML the text
    the reader made of the page."""
    if result.get("html") is None:
        return to_lines(document)
    return clean_document(document, html=True).html.text.split("\n")


def check_removals(root: Node, result: dict, document) -> int:
    """Every removal of a JSON result (of ``document``, the input as given) appears in the
    page: each removed line struck through (a ``<del>`` holding its text) with its rule id,
    category label and pack beside it; each trim as a ``<del>`` of the cut inside its line.
    Returns the lines checked."""
    lines = line_items(root)
    source = input_lines(document, result)
    checked = 0
    removals = rows(result["removals"])
    for removal in removals:
        rule, category = removal["rule_id"], removal["category"]
        numbers = line_numbers(removal["line_ranges"], source)
        assert len(numbers) == removal["count"] == len(removal["lines"]), rule
        for number, text in zip(numbers, removal["lines"]):
            item = lines.get(number)
            assert item is not None, f"line {number} ({rule}) is not in the page"
            if removal["trimmed"]:
                cuts = [d for d in item.find_all("del") if d.attrs.get("data-rule") == rule]
                assert any(d.text() == text for d in cuts), (number, rule, text)
            else:
                assert "gone" in item.classes(), (number, rule)
                assert item.attrs.get("data-rule") == rule, (number, rule)
                dels = item.find_all("del")
                assert [d.text() for d in dels] == [text], (number, rule)
            codes = [c.text() for c in item.find_all("code", cls="rule")]
            assert rule in codes, (number, rule, codes)
            labels = [c.text() for c in item.find_all("span", cls="cat")]
            assert category in labels, (number, category, labels)
            packs = [p.text() for p in item.find_all("span", cls="pack")]
            assert removal["pack"] in packs, (number, removal["pack"])
            # keyboard and screen reader: focusable, described by the rule's description
            assert item.attrs.get("tabindex") == "0", number
            described = item.attrs.get("aria-describedby", "").split()
            assert described and all(root.find_all(id=d) for d in described), (number, described)
            checked += 1
    removed = {n for r in removals if not r["trimmed"] for n in line_numbers(r["line_ranges"], source)}
    trimmed = {n for r in removals if r["trimmed"] for n in line_numbers(r["line_ranges"], source)}
    for number, item in lines.items():  # and nothing else is struck through
        if number in removed:
            continue
        assert "gone" not in item.classes(), f"line {number} is marked removed but was kept"
        if number not in trimmed:
            assert not item.find_all("del"), f"line {number} is struck through but was kept"
    return checked


_EXTERNAL = re.compile(r"""(?:src|href|action|poster|srcset)\s*=\s*["']?\s*(?!#)[^"'\s>]|"""
                       r"""url\(|@import|<script|<link|<iframe|<img|<object|<embed""", re.I)


def external_references(page: str) -> list[str]:
    """Anything in a page that would fetch or run something: there should be none (links
    within the page, ``href="#..."``, are fine)."""
    return _EXTERNAL.findall(page)


def broken_links(root: Node) -> list[str]:
    """The page's links within itself (``href="#id"``) that lead nowhere."""
    ids = {n.attrs["id"] for n in root.iter() if "id" in n.attrs}
    return [n.attrs["href"] for n in root.find_all("a")
            if n.attrs.get("href", "").startswith("#") and n.attrs["href"][1:] not in ids]
