"""Searching a rule's pattern on a line: under the rule's time budget, on the lowercased line
for a rule whose pattern matches lowercase text (see ``Rule.lowered``), never on a line too
long to be boilerplate, and for whole-line tests remembered across lines and documents.

A search that runs out of time raises ``TimeoutError``; the document's context reports it
(:meth:`cleaner.engine.context.Context.search`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from ..memo import LINE_CACHE_CHARS, memo, on_clear_all
from ..text import lower

if TYPE_CHECKING:  # pragma: no cover
    from .kinds.base import Rule

# No menu, banner or footer line is longer than this: no pattern is searched on a longer line
# (the prefilter leaves such lines out of its scan too).
MAX_PATTERN_CHARS = 20_000


def search(rule: "Rule", pattern, text: str):
    """``pattern.search(text)`` under the rule's time budget, or None for a line longer than
    ``MAX_PATTERN_CHARS``."""
    text = _as_searched(rule, text)
    if text is None:
        return None
    return pattern.search(text, timeout=rule.timeout)


def matches(rule: "Rule", text: str) -> bool:
    """Whether ``rule.pattern`` finds a match in ``text``, remembered across lines and
    documents: a site's menus and footers recur on all its pages, and each search pays the
    time budget's set-up (a few microseconds, more than a short line's search). A pattern's
    answer on a text never changes; a search that timed out is not remembered, so that each
    document reports its own."""
    text = _as_searched(rule, text)
    if text is None:
        return False
    pattern = rule.pattern
    key = (pattern, text)
    found = _MATCHED.get(key)
    if found is None:
        found = pattern.search(text, timeout=rule.timeout) is not None
        if len(text) <= MATCHED_MAX_CHARS:  # what recurs is short; long lines would fill memory
            if len(_MATCHED) >= MATCHED_CACHE_SIZE:
                _MATCHED.clear()
            _MATCHED[key] = found
    return found


def _as_searched(rule: "Rule", text: str) -> Optional[str]:
    """The text ``rule``'s pattern is searched on (lowercased for a lowercase-matching rule);
    None for a line longer than ``MAX_PATTERN_CHARS``, never boilerplate a pattern could name."""
    if len(text) > MAX_PATTERN_CHARS:
        return None
    return _lowered(text) if getattr(rule, "lowered", False) else text


MATCHED_CACHE_SIZE = 32768
MATCHED_MAX_CHARS = 500  # lines remembered at most this long (9 in 10 searched lines are under 100)
_MATCHED: dict = {}  # (compiled pattern, text searched) -> whether it matched
matches.cache_clear = on_clear_all(_MATCHED.clear)  # type: ignore[attr-defined]


@memo(4096, LINE_CACHE_CHARS)
def _lowered(text: str) -> str:
    """``lower(text)``, remembered: every lowercase-matching rule asks for the same lines."""
    return lower(text)
