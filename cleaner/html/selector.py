"""The ``selector`` rule kind, whole: what its YAML value must be, how it drops elements from a
page's tree, and how it is checked against its own HTML examples.

A selector rule names elements (Lexbor CSS syntax) that the HTML reader drops before it looks
for the main content; the text rules never see it (``ON_TEXT = False``). Matching is the
costly step, so each selector is split into its comma-separated parts, and the parts that
name a class, id or role the page does not have are skipped (:class:`Haystack`).

Examples: a ``drop`` snippet must be matched and its matched text gone after the rule runs; a
``keep`` snippet must not be matched. The rule runs alone, on the snippet parsed as a page
body, without the guard against dropping most of a page (a snippet is mostly the element by
design).
"""
from __future__ import annotations

import re
from typing import Any, Optional

import ahocorasick
from selectolax.lexbor import LexborHTMLParser

from ..engine.examples import ExampleFailure
from ..engine.kinds.base import Rule
from ..result import Removal
from .walk import HEADINGS

# An element holding more than this share of the page's text is never dropped by a selector
# rule: a class name like "comments-open" on a wrapper must not empty the page.
SELECTOR_GUARD_SHARE = 0.5
SELECTOR_GUARD_MIN = 800
# A heading's permalink is a mark beside its text ("¶", "#", an icon); a link to the heading's
# own place that is the heading's whole text is the heading itself (MDN's
# <h2><a class="heading-anchor" href="#constructor">Constructor</a></h2>, "例", "2.3.1"): no
# selector drops it, unless it is hidden from screen readers (aria-hidden: a copy for the eye).
# A heading linking to another page (a related story's headline) is left to the rules.
_SAYS = re.compile(r"[^\W_]")  # a letter or a digit, in any script
PROTECTED = 'h1, main, [itemprop="articleBody"], [itemprop="articlebody"]'


class SelectorRule(Rule):
    """A CSS selector (Lexbor syntax) naming elements to drop from HTML before text rules run."""

    KEY = "selector"
    PHASE = -1
    PATTERN = False
    ON_TEXT = False

    @classmethod
    def value_problem(cls, value: Any) -> Optional[str]:
        if not isinstance(value, str) or not value.strip():
            return "selector must be a CSS selector string"
        try:
            LexborHTMLParser("<div></div>").css(value)
        except Exception as exc:  # Lexbor raises various errors for bad selectors
            return f"Lexbor cannot parse selector {value!r}: {exc}"
        return None

    def example_failures(self, packset=None) -> list[ExampleFailure]:
        return check_selector_rule(self)


def check_selector_rule(rule) -> list[ExampleFailure]:
    """Every way a selector rule disagrees with its examples (empty: it passes)."""
    failures: list[ExampleFailure] = []
    for which in ("drop", "keep"):
        for example in rule.examples.get(which) or []:
            snippet = example["text"] if isinstance(example, dict) else example

            def fail(problem: str) -> None:
                failures.append(ExampleFailure(rule.pack_name, rule.id, which, snippet, problem))

            try:
                tree = LexborHTMLParser(f"<html><body>{snippet}</body></html>")
                body = tree.body
                matched = [" ".join(n.text().split()) for n in body.css(rule.value)]
            except Exception as exc:
                fail(f"Lexbor cannot run the selector: {exc}")
                continue
            if which == "keep":
                if matched:
                    shown = matched[0] or "(an element without text)"
                    fail(f"wrongly removed: {shown!r}")
                continue
            if not matched:
                fail("missed: the selector matched no element")
                continue
            hits = apply_selectors(body, [rule], guard=False)
            if not hits:
                fail("missed: the rule removed nothing")
                continue
            left = " ".join(body.text().split())
            survivors = [t for t in matched if t and t in left]
            if survivors:
                fail(f"missed: {survivors[0]!r} survived")
            if isinstance(example, dict) and "output" in example:
                if left != " ".join(example["output"].split()):
                    fail(f"text left was {left!r}, expected {example['output']!r}")
    return failures


def selector_rules(packset, url: Optional[str], lang: Optional[str]) -> list:
    if packset is None:
        return []
    chosen = packset.selection({lang} if lang else (), url, "")
    return chosen.derive("selector", lambda: [r for r in chosen.rules if r.KEY == "selector"])


_PART = re.compile(r"""^[a-z0-9]*(?:\[(class|id|role)([~^$*|]?)=["']([^"']+)["'](?: i)?\]|([.#])([\w-]+))$""",
                   re.I)
_PLANS: dict = {}


class _Plan:
    """A selector split into its comma-separated parts, each with the test (if any) that shows
    it cannot match a page: no class token / id / role equal to a needle ("token" tests), or
    none containing it ("text" tests). Token tests are grouped by attribute, so a page's
    haystack answers all of a selector's at once by set intersection."""

    __slots__ = ("parts", "always", "gated", "tokens", "needles", "texts", "substrings", "_joined")

    def __init__(self, selector: str) -> None:
        self.parts: list[str] = []
        self.always: list[int] = []  # parts no test can rule out
        # the other parts (a tag, several attributes, combinators): the tests their subject
        # element must pass (see _subject_gates), all of them
        self.gated: list[tuple[int, tuple]] = []
        self.tokens: dict[str, dict[str, list[int]]] = {}  # attribute -> needle -> parts
        self.texts: list[tuple[str, str, int]] = []  # (attribute, needle, part)
        for part in (p.strip() for p in selector.split(",")):
            if not part:
                continue
            index = len(self.parts)
            self.parts.append(part)
            m = _PART.match(part) if "(" not in part else None
            if m and m.group(1):
                attr, op, needle = m.group(1).lower(), m.group(2), m.group(3).lower()
                if op == "~" or (op == "" and attr != "class"):
                    self.tokens.setdefault(attr, {}).setdefault(needle, []).append(index)
                else:
                    self.texts.append((attr, needle, index))
            elif m:
                attr = "class" if m.group(4) == "." else "id"
                self.tokens.setdefault(attr, {}).setdefault(m.group(5).lower(), []).append(index)
            else:
                gates = _subject_gates(part)
                if gates:
                    self.gated.append((index, gates))
                else:
                    self.always.append(index)
        self.needles = {attr: frozenset(found) for attr, found in self.tokens.items()}
        # the substring tests by attribute, needle -> parts: a page's found needles answer
        # them all by one set intersection (a test per part cost ~25 us a selector a page)
        self.substrings: dict[str, tuple[frozenset, dict[str, list[int]]]] = {}
        by_attr: dict[str, dict[str, list[int]]] = {}
        for attr, needle, index in self.texts:
            _SUBSTRINGS.add(attr, needle)
            by_attr.setdefault(attr, {}).setdefault(needle, []).append(index)
        for attr, parts in by_attr.items():
            self.substrings[attr] = (frozenset(parts), parts)
        self._joined: dict[tuple, str] = {}  # the parts kept -> the selector they make

    def runnable(self, haystack: "Haystack") -> str:
        """The parts that may match the page ``haystack`` describes, as one selector."""
        keep = set(self.always)
        for index, gates in self.gated:
            if haystack.passes(gates):
                keep.add(index)
        for attr, needles in self.needles.items():
            for needle in needles.intersection(haystack.tokens[attr]):  # the smaller set is walked
                keep.update(self.tokens[attr][needle])
        for attr, (needles, parts) in self.substrings.items():
            for needle in needles.intersection(haystack.contained(attr)):
                keep.update(parts[needle])
        key = tuple(sorted(keep))
        joined = self._joined.get(key)
        if joined is None:
            if len(self._joined) >= 256:  # pages keep few distinct sets of parts; bounded
                self._joined.clear()
            joined = self._joined[key] = ", ".join(self.parts[i] for i in key)
        return joined


def _plan(selector: str) -> Optional[_Plan]:
    """The plan of ``selector``; None for one that runs whole (see runnable). Both are kept:
    reading a pack's long selector for a comma in parentheses, character by character, on
    every page cost ~1 ms a page (~17 selectors of up to a few thousand characters)."""
    try:
        return _PLANS[selector]
    except KeyError:
        plan = _PLANS[selector] = None if _comma_in_parentheses(selector) else _Plan(selector)
        return plan


# The parts _PART does not read (``h2 > a[aria-hidden="true"][href^="#"]``,
# ``[aria-label*="cookie" i][role="dialog"]``) ran on every page, and on most found nothing
# (~0.1 ms a query). The element a part selects (its last compound) must have each of its
# class, id and role tests, tested as for _PART; and none of its attribute selectors may be
# one that the caller knows matches nothing left (Haystack.gone). A tag is not tested: a walk
# collecting the page's tags cost more than the queries it spared.
_CORE_ATTRS = ("class", "id", "role")
_COMPOUND = re.compile(r"(\*|[a-z][a-z0-9-]*)?((?:\.[\w-]+|#[\w-]+|\[[^\]]*\])*)$", re.I)
_SIMPLE = re.compile(r"""\.([\w-]+)|#([\w-]+)|\[\s*([\w-]+)\s*(?:([~^$*|]?=)\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*(?:[is]\s*)?)?\]""",
                     re.I)


# A part whose subject is filtered by one ":has(...)" (no nested parentheses, no escapes):
# "X:has(Y)" matches only what "X" matches, so X's tests gate it.
_HAS = re.compile(r"^([^():\\]+):has\([^()\\]*\)$", re.I)


def _subject_gates(part: str) -> tuple:
    """The tests a page must pass for ``part`` to match anything in it, read from its
    subject compound; () when none can be read (other pseudo-classes, escapes, namespaces)."""
    has = _HAS.match(part.strip())
    if has:
        return _subject_gates(has.group(1))
    if "\\" in part or "(" in part or ":" in part:
        return ()
    depth, quote, start = 0, "", 0
    for i, ch in enumerate(part):  # the last combinator outside brackets and quotes
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif depth == 0 and ch in " >+~\t\n":
            start = i + 1
    subject = part[start:].strip()
    m = _COMPOUND.match(subject)
    if not subject or m is None:
        return ()
    gates: list[tuple] = []
    rest = m.group(2)
    pos = 0
    while pos < len(rest):
        simple = _SIMPLE.match(rest, pos)
        if simple is None:
            return ()
        pos = simple.end()
        cls, ident, attr, op = simple.group(1), simple.group(2), simple.group(3), simple.group(4)
        if cls:
            gates.append(("token", "class", cls.lower()))
        elif ident:
            gates.append(("token", "id", ident.lower()))
        else:
            attr = attr.lower()
            value = next((v for v in simple.group(5, 6, 7) if v is not None), "").lower()
            if attr not in _CORE_ATTRS:
                gates.append(("gone", simple.group(0), ""))
            elif not op:
                continue
            elif op == "=" and attr != "class":
                gates.append(("token", attr, value))  # the whole value, as the haystack's
            elif op == "~=" and attr == "class" and not set(value) & set(" \t\n\f\r"):
                gates.append(("token", attr, value))
            else:  # a substring of one value (of the class attribute's, for =)
                gates.append(("text", attr, value))
    return tuple(gates)


class _Substrings:
    """Every substring needle of every selector plan (``[class*=cookie-]``), by attribute, in
    one automaton each: a page's attribute text is scanned once for all of them, where a test
    per needle searched the text ~140 times a page."""

    def __init__(self) -> None:
        self._needles: dict[str, set[str]] = {}
        self._automata: dict[str, ahocorasick.Automaton] = {}
        self.version = 0  # grows with each new needle: answers given before are stale

    def add(self, attr: str, needle: str) -> None:
        found = self._needles.setdefault(attr, set())
        if needle not in found:
            found.add(needle)
            self._automata.pop(attr, None)  # rebuilt on next use
            self.version += 1

    def found_in(self, attr: str, text: str) -> set[str]:
        automaton = self._automata.get(attr)
        if automaton is None:
            automaton = self._automata[attr] = ahocorasick.Automaton()
            for needle in self._needles.get(attr, ()):
                automaton.add_word(needle, needle)
            if len(automaton):
                automaton.make_automaton()
        if not len(automaton):
            return set()
        return {needle for _end, needle in automaton.iter(text)}


_SUBSTRINGS = _Substrings()


class Haystack:
    """The class tokens, ids and roles of a (cleaned) page, lowercased: the selector pre-filter."""

    __slots__ = ("tokens", "text", "_contained", "gone")

    def __init__(self, root) -> None:
        # One walk reading each element's attributes once (three CSS queries took longer)
        found: dict[str, set] = {"class": set(), "id": set(), "role": set()}
        of_class, of_id, of_role = found["class"].add, found["id"].add, found["role"].add
        for node in root.traverse():
            attrs = node.attributes
            if attrs:
                value = attrs.get("class")
                if value:
                    of_class(value)
                value = attrs.get("id")
                if value:
                    of_id(value)
                value = attrs.get("role")
                if value:
                    of_role(value)
        values = {name: {v.lower() for v in held} for name, held in found.items()}
        self.text = {k: " ".join(v) for k, v in values.items()}
        values["class"] = set(self.text["class"].split())
        self.tokens = values
        self._contained: dict[str, tuple[int, set[str]]] = {}
        # attribute selectors that match no element left, as the caller knows them (the
        # reader removed every hidden element: no [aria-hidden="true"] is left)
        self.gone: set[str] = set()

    def passes(self, gates: tuple) -> bool:
        """May an element pass every one of ``gates`` (see _subject_gates) on this page?"""
        for kind, attr, value in gates:
            if kind == "token":
                if value not in self.tokens[attr]:
                    return False
            elif kind == "text":
                if value not in self.text[attr]:
                    return False
            elif attr in self.gone:  # "gone": the selector's text is in attr
                return False
        return True

    def contained(self, attr: str) -> set[str]:
        """The selector plans' substring needles that occur in the page's ``attr`` values."""
        version, found = self._contained.get(attr, (-1, set()))
        if version != _SUBSTRINGS.version:  # a plan made since brought new needles
            found = _SUBSTRINGS.found_in(attr, self.text[attr])
            self._contained[attr] = (_SUBSTRINGS.version, found)
        return found


def attribute_haystack(root) -> Haystack:
    """The pre-filter for :func:`apply_selectors`, from the body as it stands."""
    return Haystack(root)


def runnable(selector: str, haystack: Optional[Haystack]) -> str:
    # a comma inside parentheses (":is(a, b)") is no part's end: such a selector runs whole
    if haystack is None:
        return selector
    plan = _plan(selector)
    return selector if plan is None else plan.runnable(haystack)


def _comma_in_parentheses(selector: str) -> bool:
    depth = 0
    for ch in selector:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth > 0:
            return True
    return False


def apply_selectors(body, rules: list, guard: bool = True, haystack: Optional[str] = None,
                    dropped: Optional[list] = None) -> list:
    """Drop what each selector rule matches under ``body``; [(rule_id, count)] of those that fired.

    ``haystack`` (:func:`attribute_haystack` of the body) lets parts of selectors that name a
    class, id or role the page does not have be skipped: Lexbor matching is the costly step.
    ``dropped``: a list to which a :class:`Removal` of each dropped element's text is added.
    """
    hits = []
    removed: set = set()
    total = -1  # the body's text length, measured when a guarded match first needs it
    protected: Optional[set] = None  # what the guard never drops (see _protected)
    for rule in rules:
        selector = runnable(rule.value, haystack)
        if not selector:
            continue
        try:
            nodes = body.css(selector)
        except Exception:  # schema checks selectors; a bad one in a user pack must not crash
            continue
        count = 0
        for node in nodes:
            # a node matched by two parts comes twice; one inside a dropped one is gone already
            # (remove() unlinks every node of the subtree: a match inside one this rule took
            # has no parent left, and inside() cannot see it)
            if node.mem_id in removed or node.tag in ("html", "body") or node.parent is None \
                    or inside(node, removed):
                continue
            if node.tag == "a" and _heading_text(node):
                continue
            if guard:
                if protected is None:
                    protected = _protected(body)
                if node.mem_id in protected:
                    continue
                size = len(node.text())
                # Only a node longer than SHARE * MIN can be more than SHARE of a page of MIN.
                if size > SELECTOR_GUARD_SHARE * SELECTOR_GUARD_MIN:
                    if total < 0:
                        total = len(body.text())  # dropped nodes are detached: not counted
                    if total >= SELECTOR_GUARD_MIN and size > SELECTOR_GUARD_SHARE * total:
                        continue
                if total >= 0:
                    total -= size
            if dropped is not None:  # before it goes: a detached node has no text
                report_dropped(dropped, rule.id, rule.category, rule.pack_name, node)
            node.remove()  # detached, not freed: later matches inside it stay valid objects
            removed.add(node.mem_id)
            count += 1
        if count:
            hits.append((rule.id, count))
    return hits


def _heading_text(link) -> bool:
    """Is the link, to the heading's own place, the whole text of the heading it is in (not a
    permalink's mark beside it)? One hidden from screen readers (aria-hidden) is a copy for the
    eye, whatever it says."""
    parent = link.parent
    if parent is None or parent.tag not in HEADINGS:
        return False
    attrs = link.attributes
    if attrs.get("aria-hidden") == "true" or not (attrs.get("href") or "#").startswith("#"):
        return False
    said = " ".join(link.text().split())
    return _SAYS.search(said) is not None and said == " ".join(parent.text().split())


def report_dropped(dropped: list, rule_id: str, category: str, pack: str, node) -> None:
    """One dropped element as a Removal, its text on one line (none: nothing to report)."""
    line = " ".join(node.text(separator=" ").split())
    if line:
        dropped.append(Removal(rule_id, category, pack, (), (line,)))


def _protected(body) -> set:
    """The mem ids of the elements a selector rule must not drop: those that are, or hold, a
    PROTECTED element (the headline, ``<main>``, the article body). No selector ever drops one
    of them, so the set holds while the rules run."""
    ids: set = set()
    for node in body.css(PROTECTED):
        while node is not None and node.mem_id not in ids:
            ids.add(node.mem_id)
            node = node.parent
    return ids


def inside(node, removed: set) -> bool:
    if not removed:
        return False
    parent = node.parent
    while parent is not None:
        if parent.mem_id in removed:
            return True
        parent = parent.parent
    return False


