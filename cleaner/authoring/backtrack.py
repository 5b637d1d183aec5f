"""Patterns that backtrack catastrophically, found two ways (for ``cleaner rules lint``).

**By shape** (:func:`nested_overlap`): an unbounded repeat inside a repeat, where one iteration
can be a run of the inner repeat's characters alone (all else in it optional, or of those
characters): ``(\\w+\\s?)+``, ``(a+)+``, ``(?:\\d+,?)*``, ``(?:\\w+|\\s)+``. A run of those
characters then splits into iterations in exponentially many ways, all tried before a match
fails: a few dozen characters are enough. Atomic groups and possessive repeats give nothing
back, so they are safe.

**By trial** (:func:`catastrophic`): the pattern is searched, under a time limit, on adversarial
lines built from its own characters (long runs of one or two of them, then a spoiler that makes
the match fail late, with a word the pattern requires before it, so that ``regex``'s literal
pre-check does not end the search at once). That finds what the shape check cannot read, and
polynomial cases: ``(?:[a-z]+\\.)+[a-z]+@`` retries its whole run from every start, quadratic
on a long line. A probe starts short; one that takes more than a trifle is run again at the
length the pattern can really be given (20,000 characters for a line rule, the two signature
windows for a site signature), where the line's whole time budget is the limit.
"""
from __future__ import annotations

import re
import time
from typing import Iterable, Optional

from ..engine.prefilter import _ATOMIC_GROUP, _POSSESSIVE_REPEAT, _parse, _sre, required_literals

PROBE_TIMEOUT = 0.25  # a line's time budget (patterns.DEFAULT_TIMEOUT): more is catastrophic
SHORT_PROBE = 2500  # characters a probe starts with
SUSPECT_SECONDS = 0.002  # a short probe slower than this is run again at full length
_BASE_ALPHABET = "a0 .-x\t"
_SHORTHANDS = {"w": "a", "d": "0", "s": " ", "W": ".", "D": "a", "S": "a"}

# -- by shape ----------------------------------------------------------------------------------
# Character sets are compared on a sample: every printable ASCII character, tab, newline and
# a few letters and spaces beyond ASCII. Two classes that share none of them are disjoint for
# this purpose (a pattern that only overlaps elsewhere is left to the probes).
_SAMPLE = [chr(c) for c in range(32, 127)] + ["\t", "\n", "é", "ß", "ж", "\u00a0", "\u3000"]
_ALL = frozenset(range(len(_SAMPLE)))


_CATEGORIES = {
    _sre.CATEGORY_DIGIT: re.compile(r"\d"), _sre.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    _sre.CATEGORY_SPACE: re.compile(r"\s"), _sre.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    _sre.CATEGORY_WORD: re.compile(r"\w"), _sre.CATEGORY_NOT_WORD: re.compile(r"\W"),
}


def _in_class(items, ch: str) -> bool:
    negate = found = False
    for op, av in items:
        if op is _sre.NEGATE:
            negate = True
        elif op is _sre.LITERAL:
            found = found or ord(ch) == av
        elif op is _sre.RANGE:
            found = found or av[0] <= ord(ch) <= av[1]
        elif op is _sre.CATEGORY:
            test = _CATEGORIES.get(av)
            found = found or test is None or bool(test.fullmatch(ch))
    return found != negate


def _chars(op, av) -> Optional[frozenset[int]]:
    """The sample characters one item matches as its first character (None: not a character)."""
    if op is _sre.LITERAL:
        return frozenset(i for i, c in enumerate(_SAMPLE) if ord(c) == av)
    if op is _sre.NOT_LITERAL:
        return frozenset(i for i, c in enumerate(_SAMPLE) if ord(c) != av)
    if op is _sre.ANY:
        return frozenset(i for i, c in enumerate(_SAMPLE) if c != "\n")
    if op is _sre.IN:
        return frozenset(i for i, c in enumerate(_SAMPLE) if _in_class(av, c))
    return None


def _first(items: list) -> tuple[frozenset[int], bool]:
    """(the characters a match of the sequence can start with, can it match nothing?)"""
    out: frozenset[int] = frozenset()
    for op, av in items:
        found, nullable = _first_item(op, av)
        out |= found
        if not nullable:
            return out, False
    return out, True


def _first_item(op, av) -> tuple[frozenset[int], bool]:
    chars = _chars(op, av)
    if chars is not None:
        return chars, False
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _POSSESSIVE_REPEAT):
        found, nullable = _first(list(av[2]))
        return found, nullable or av[0] == 0
    if op is _sre.SUBPATTERN:
        return _first(list(av[3]))
    if op is _ATOMIC_GROUP:
        return _first(list(av))
    if op is _sre.BRANCH:
        found, nullable = frozenset(), False
        for alt in av[1]:
            f, n = _first(list(alt))
            found, nullable = found | f, nullable or n
        return found, nullable
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return frozenset(), True
    return _ALL, True  # a back reference, a conditional: anything


def nested_overlap(pattern: str, flags: int = 0) -> Optional[str]:
    """The repeat-in-a-repeat that makes ``pattern`` exponential (as written), or None."""
    tree = _parse(pattern, flags)
    if tree is None:
        return None
    try:
        return _scan(list(tree))
    except RecursionError:
        return None


def _scan(items: list) -> Optional[str]:
    """Look for an ambiguous repeat inside every repeat of ``items``, at any depth."""
    for op, av in items:
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[1] > 1:
            body = list(av[2])
            found = _ambiguous(body) or _scan(body)
        elif op is _sre.SUBPATTERN:
            found = _scan(list(av[3]))
        elif op is _sre.BRANCH:
            found = next((f for f in (_scan(list(alt)) for alt in av[1]) if f), None)
        else:  # atomic groups and possessive repeats never backtrack into themselves
            found = None
        if found:
            return found
    return None


def _ambiguous(body: list) -> Optional[str]:
    r"""Can one iteration of a repeat whose body is ``body`` be a run of an inner repeat's
    characters alone (everything else in it optional, or of those characters)? Then a run
    splits into iterations in exponentially many ways. ``(\s*[|,]?\s*(?:facebook))*``
    is not: each iteration needs its word, and ``regex`` handles the spaces' splits."""
    for seq in _alternatives(body):
        for k, (op, av) in enumerate(seq):
            # unbounded: {0,40} splits a run in few ways, and regex's guards catch them
            if op not in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) or av[1] != _sre.MAXREPEAT:
                continue
            own, _ = _first(list(av[2]))
            if own and all(_absorbed(item, own) for item in seq[:k] + seq[k + 1:]):
                return ("an unbounded repeat inside a repeat, whose every iteration can be a "
                        "run of the inner one's characters alone")
    return None


def _alternatives(items: list) -> list[list]:
    """The sequences one iteration can be: plain groups opened, each branch apart."""
    flat: list = []
    for op, av in items:
        if op is _sre.SUBPATTERN:
            inner = _alternatives(list(av[3]))
            if len(inner) > 1:
                if len(items) == 1:
                    return inner
                flat.append((op, av))  # a choice among others: read as one item
                continue
            flat.extend(inner[0])
        elif op is _sre.BRANCH and len(items) == 1:
            return [seq for alt in av[1] for seq in _alternatives(list(alt))]
        else:
            flat.append((op, av))
    return [flat]


def _absorbed(item: tuple, own: frozenset[int]) -> bool:
    """Can ``item`` match nothing, or only characters an inner repeat over ``own`` matches?"""
    op, av = item
    found, nullable = _first_item(op, av)
    if nullable:
        return True
    chars = _chars(op, av)
    if chars is None and op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and len(av[2]) == 1:
        chars = _chars(*av[2][0])
    return chars is not None and chars <= own


# -- by trial ----------------------------------------------------------------------------------
def _alphabet(pattern: str) -> list[str]:
    """The pattern's own characters (escaped ones as themselves, \\w \\d \\s as a sample of
    theirs), then a few common ones."""
    chars: list[str] = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            c = _SHORTHANDS.get(nxt, nxt if not nxt.isalnum() else "")
            i += 2
        else:
            i += 1
            if c in "()[]{}|*+?^$":
                continue
        if c and c.isprintable() and c not in chars:
            chars.append(c)
    for c in _BASE_ALPHABET:
        if c not in chars:
            chars.append(c)
    return chars[:14]


def _probes(pattern: str, flags: int) -> Iterable[tuple[str, str]]:
    """(unit, spoiler): a probe is the unit repeated (one character or an alternating pair),
    then the spoiler, which ends it in a failure (after a word the pattern requires)."""
    chars = _alphabet(pattern)
    literals = sorted(required_literals(pattern, flags) or (), key=len)[:1]
    spoilers = ["\x00!"] + [f"\x00{lit}!" for lit in literals if not lit.startswith("\x00")]
    units = chars + [a + b for i, a in enumerate(chars[:6]) for b in chars[i + 1:6]]
    for unit in units:
        for spoiler in spoilers:
            yield unit, spoiler


def catastrophic(compiled, pattern: str, longest: int, flags: int = 0) -> Optional[str]:
    """The first probe the pattern cannot finish within PROBE_TIMEOUT, or None. ``longest``
    is the most the pattern is ever searched on; a probe is run that long when its short
    version already takes more than a trifle (a linear pattern takes microseconds)."""
    for unit, spoiler in _probes(pattern, flags):
        for length in (SHORT_PROBE, longest):
            probe = unit * (length // len(unit)) + spoiler
            started = time.perf_counter()
            try:
                compiled.search(probe, timeout=PROBE_TIMEOUT)
            except TimeoutError:
                return probe
            if time.perf_counter() - started < SUSPECT_SECONDS or longest <= SHORT_PROBE:
                break
    return None
