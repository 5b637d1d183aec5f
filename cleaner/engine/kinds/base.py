"""The base of every rule kind: what a compiled rule holds and the parts every kind owns
(its options, the check of its own key's value, its example check, its application).
"""
from __future__ import annotations

from typing import Any, ClassVar, Optional

import regex

from ...categories import CHROME
from ..context import Context, Mark
from ..examples import ExampleFailure, text_example_failures
from ..patterns import DEFAULT_TIMEOUT, compile_pattern, size_problem
from ..prefilter import line_prefixes, longest_whole_match, required_literals



_ESCAPES = regex.compile(r"\\[pP]\{[^}]*\}|\\.")


_CASE_TESTS = regex.compile(r"\\[pP]\{\s*\^?\s*(Lu|Lt|Ll|L&|LC|Upper|Lower|Uppercase|Lowercase|Titlecase)|\(\?[a-zA-Z]*-?[a-zA-Z]*[i:)]|\[\[:(upper|lower):\]\]")


def lowercase_safe(pattern: str) -> bool:
    """True when matching ``text.lower()`` case-sensitively is the same as matching ``text``
    case-insensitively: no uppercase letters outside escapes, no case classes, no inline flags."""
    if _CASE_TESTS.search(pattern):
        return False
    return not any(c.isupper() for c in _ESCAPES.sub("", pattern))


class Rule:
    """One compiled rule. Subclasses set KEY (the YAML key naming the kind) and OPTIONS."""

    KEY: ClassVar[str] = ""
    PHASE: ClassVar[int] = 0
    OPTIONS: ClassVar[dict[str, Any]] = {}  # option name -> default (its type is checked)
    PATTERN: ClassVar[bool] = True  # the KEY's value is a regex
    # Revision kinds judge what other rules left; their examples run with the earlier phases.
    NEEDS_CONTEXT: ClassVar[bool] = False
    # True for kinds that act only on lines their pattern matches: with none of the pattern's
    # literals in the document (the prefilter says so), such a rule has nothing to do.
    ONLY_ON_MATCHES: ClassVar[bool] = False
    # True for kinds whose verdict on a line cannot change in a later round of cleaning with
    # the same language and rules: it depends on the line alone (or on lines before it that
    # survived with it), so a line that survived the rule once survives it again.
    SETTLED_AFTER_A_ROUND: ClassVar[bool] = False
    # False for kinds that judge lines by statistics or by their neighbours: what they remove
    # is no evidence that the text came from a web page (see cleaner.categories).
    EVIDENCE: ClassVar[bool] = True
    # False for kinds that act on a page's markup, not its lines (selector): the text rounds
    # leave them out.
    ON_TEXT: ClassVar[bool] = True
    # A pipeline stage (repeat, head, foreign, cluster, classify): configured once, in the
    # ``stages:`` of the generic pack, not a kind contributors write rules of.
    STAGE: ClassVar[bool] = False
    # Option names a kind took before the extent kinds shared one vocabulary -> the names
    # they go by now. Old packs keep loading; ``cleaner rules lint`` notes the new name.
    RENAMED: ClassVar[dict[str, str]] = {}
    # Options that name other rules by id: ``cleaner rules lint`` reports an id no pack has
    # (a renamed or misspelt rule would silently switch the option off).
    RULE_ID_OPTIONS: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def value_problem(cls, value: Any) -> Optional[str]:
        """What is wrong with the value of the kind's own key in a pack (None: nothing). A
        pattern's syntax is checked where it compiles (:mod:`cleaner.engine.schema`)."""
        if cls.PATTERN:
            if not isinstance(value, str) or not value:
                return f"{cls.KEY} must be a regular expression string"
            problem = size_problem(value)  # before anything compiles it
            return f"{cls.KEY} pattern refused: {problem}" if problem else None
        if value in (True, {}, None) or isinstance(value, dict):
            return None
        return f"write '{cls.KEY}: true' (its options go beside it)"

    def example_failures(self, packset) -> list[ExampleFailure]:
        """Every way this rule disagrees with its own examples (empty: it passes)."""
        return text_example_failures(self, packset)

    @property
    def settled_after_a_round(self) -> bool:
        return self.SETTLED_AFTER_A_ROUND

    def __init__(self, spec: dict, pack_name: str, pack_path: str, lazy: bool = False):
        self.id: str = spec["id"]
        self.category: str = spec["category"]
        self.description: str = spec.get("description", "")
        self.examples: dict = spec.get("examples") or {}
        self.pack_name = pack_name
        self.pack_path = pack_path
        self.pack_kind = "generic"  # set by packs.build_pack once the pack's match is known
        self.pack_languages: tuple[str, ...] = ()  # a language pack's: set as pack_kind is
        self.line_no: int = getattr(spec, "line", 0)
        self.timeout: float = float(spec.get("timeout", DEFAULT_TIMEOUT))
        # Whether this rule's removals show page chrome (see cleaner.categories): by its
        # category for kinds that match what a page prints, never for the kinds that judge
        # lines by statistics or neighbours.
        self.evidence: bool = bool(spec.get("evidence", self.EVIDENCE and self.category in CHROME))
        self.value = spec[self.KEY]
        given = {self.RENAMED.get(k, k): v for k, v in spec.items()} if self.RENAMED else spec
        self.options = {name: given.get(name, default) for name, default in self.OPTIONS.items()}
        self.listed_in = "rules"  # or "stages": set by packs.build_pack
        self._flags = 0 if spec.get("case_sensitive") else regex.IGNORECASE
        # regex's IGNORECASE is slow on long alternations; matching the lowercased line with a
        # case-sensitive pattern is the same test, five times faster, for patterns whose
        # letters are lowercase and that do not test case themselves.
        self.lowered = bool(self._flags) and self.PATTERN and self.KEY != "trim" \
            and isinstance(self.value, str) and lowercase_safe(self.value)
        if self.lowered:
            self._flags = 0
        self._pattern = None
        self._literals: Any = False  # not read yet
        self._longest: Any = False
        self._prefixes: Any = False
        if self.PATTERN and not lazy:
            self._pattern = compile_pattern(self.value, self._flags)

    @property
    def pattern(self):
        """The compiled pattern; shipped packs compile on first use (the tests compile all)."""
        if self._pattern is None and self.PATTERN:
            self._pattern = compile_pattern(self.value, self._flags)
        return self._pattern

    @pattern.setter
    def pattern(self, value) -> None:
        self._pattern = value

    @property
    def literals(self) -> Optional[frozenset[str]]:
        """Folded strings one of which any match contains (see prefilter.py); None: unknown."""
        if self._literals is False:
            self._literals = self._read_literals()
        return self._literals

    def _read_literals(self) -> Optional[frozenset[str]]:
        if not self.PATTERN or not isinstance(self.value, str):
            return None
        return required_literals(self.value, self._flags)

    @property
    def prefixes(self) -> Optional[frozenset[str]]:
        """Folded strings one of which every match begins with, for a pattern anchored at
        the line's start (see :func:`cleaner.engine.prefilter.line_prefixes`); None otherwise."""
        if self._prefixes is False:
            self._prefixes = line_prefixes(self.value, self._flags) \
                if self.PATTERN and isinstance(self.value, str) else None
        return self._prefixes

    @property
    def longest(self) -> Optional[int]:
        """The longest (stripped) line the pattern can match, for ``^...$`` patterns."""
        if self._longest is False:
            self._longest = longest_whole_match(self.value, self._flags) \
                if self.PATTERN and isinstance(self.value, str) else None
        return self._longest

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id} from {self.pack_name}>"

    _mark: Optional[Mark] = None

    def removal_mark(self) -> Mark:
        """The mark of every line this rule removes: one, shared (a Mark is frozen)."""
        mark = self._mark
        if mark is None or mark.scope != self.pack_kind:  # pack_kind is set after __init__
            mark = self._mark = Mark(self.id, self.category, self.pack_name, self.KEY,
                                     self.pack_kind, evidence=self.evidence,
                                     matched=self.EVIDENCE)
        return mark

    def apply(self, ctx: Context) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def matches(self, ctx: Context, index: int) -> bool:
        candidates = ctx.candidates(self)
        if candidates is not None and index not in candidates:
            return False
        text = ctx.text[index].strip()
        longest = self.longest
        if longest is not None and len(text) > longest:
            return False
        return ctx.matches_line(self, text)

    def lines_to_search(self, ctx: Context) -> list[int]:
        """The surviving lines, less those the prefilter shows this rule cannot match."""
        candidates = ctx.candidates(self)
        if candidates is None:
            return ctx.alive_lines()
        return [i for i in sorted(candidates) if ctx.alive(i)]  # few, against every line
