"""Which patterns search in linear time, read from the pattern when its pack is built.

A search under a time budget (``pattern.search(text, timeout=...)``) pays two process-CPU clock
reads, which are system calls (no vDSO): ~1.5 us a search, more than a short line's search
itself. A pattern that cannot backtrack super-linearly needs no budget: :func:`is_linear`
says so, and only then is the budget left off (:mod:`cleaner.engine.matching`). When in doubt
it says no, and the search keeps its budget, as every search did before.

The reading builds the pattern's position automaton (one state per character-matching item,
bounded repeats written out, each edge with the number of ways the backtracking matcher can
take it) and asks of it what makes a backtracking search slow:

- **A repeat of more than one character that is unbounded** (``(\\w+\\s)+``, ``(?:ab)*``):
  not read, so not linear (nested repeats are the exponential case).
- **An unbounded repeat of one character class X whose run can be entered or left in more than
  one place**: some item that can come right before it, or right after it, matches a
  character of X (``\\s*(on)?\\s*``, ``a\\w+b``), or, in a pattern not anchored with ``^``,
  it can be the first thing matched (``\\s+x``: each start re-reads the run, quadratic).
  When what comes before and after cannot match X, each run of X is read once from its
  start, and left at its end only.
- **Lookarounds** that hold an unbounded repeat, unless read once, right after the ``^`` that
  anchors the pattern (``^(?!.*«)``).
- **Too many ways through what is left** (alternatives and bounded repeats): the number of
  routes the matcher can try from one start, counted over the automaton, is capped
  (:data:`MAX_ROUTES`, fewer when every start is tried).
- Back references, conditionals, ``regex``-only syntax the ``re`` parser would misread
  (fuzzy counts, ``\\X``, version flags...): not read, so not linear.

Character classes are compared folded (as if every pattern ignored case), and ``\\p{...}``
and anything else not read exactly counts as every character: two items are "disjoint" only
when provably so. ``tests/test_linear.py`` checks the reading on hand-made patterns and runs
every shipped pattern read as linear against adversarial lines at full length.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional
from .prefilter import (_ATOMIC_GROUP, _FLAGS_READ_ALIKE, _INLINE_FLAGS, _POSIX_CLASS,
                        _POSSESSIVE_REPEAT, _UNREADABLE, _sre, _sre_parse, fold)

MAX_POSITIONS = 2000  # states once bounded repeats are written out; more is not read
MAX_ALIVE = 1_000_000  # a bound past this is no bound worth keeping
MAX_LOOKAROUND_ROUTES = 2_000  # ways through a bounded lookaround, tried wherever it is reached
MAX_RANGE = 512  # characters of a class range spelled out; a wider range is "anything"

# \p{...} and \P{...} become one character the reading takes for "anything" (the re parser
# does not know them); the sentinel is a private-use code point, itself read as "anything".
_ANYTHING = "\uf8ff"
_PROPERTY = re.compile(r"\\\\|\\[pP](?:\{[^}]*\}|\w)")
# A brace that is no count {m}, {m,n} or {m,} : regex's fuzzy matching ({e<=1}) and friends,
# which the re parser would read as literal text.
_ODD_BRACE = re.compile(r"(?<!\\)\{(?!\d+(?:,\d*)?\})")

_UNIVERSAL = "every character"  # a character set read as "anything"
_EMPTY = (False, frozenset(), frozenset())  # what a zero-width state reads: nothing


class _Unread(Exception):
    """The pattern holds something the reading does not follow: not linear."""


# -- character sets ----------------------------------------------------------------------------
# A set is _UNIVERSAL, or (negated, folded characters, categories); categories are re's codes.
_CATEGORY_TEST = {
    _sre.CATEGORY_DIGIT: re.compile(r"\d"), _sre.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    _sre.CATEGORY_SPACE: re.compile(r"\s"), _sre.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    _sre.CATEGORY_WORD: re.compile(r"\w"), _sre.CATEGORY_NOT_WORD: re.compile(r"\W"),
}
_D, _ND, _S, _NS, _W, _NW = (_sre.CATEGORY_DIGIT, _sre.CATEGORY_NOT_DIGIT, _sre.CATEGORY_SPACE,
                             _sre.CATEGORY_NOT_SPACE, _sre.CATEGORY_WORD, _sre.CATEGORY_NOT_WORD)
# Pairs of categories with no character in common (regex's \d is within \w; \s is outside it).
_DISJOINT_CATEGORIES = {frozenset(p) for p in ((_D, _S), (_S, _W), (_D, _ND), (_S, _NS),
                                               (_W, _NW), (_D, _NW))}


def _char_set(op, av):
    """The characters one item matches, or None when it is no character item."""
    if op is _sre.LITERAL:
        return _chars_of([chr(av)], (), False)
    if op is _sre.NOT_LITERAL:
        return _chars_of([chr(av)], (), True)
    if op is _sre.ANY:
        return _UNIVERSAL
    if op is _sre.IN:
        negated, chars, cats = False, [], []
        for item_op, item_av in av:
            if item_op is _sre.NEGATE:
                negated = True
            elif item_op is _sre.LITERAL:
                chars.append(chr(item_av))
            elif item_op is _sre.RANGE:
                low, high = item_av
                if high - low > MAX_RANGE:
                    return _UNIVERSAL
                chars.extend(map(chr, range(low, high + 1)))
            elif item_op is _sre.CATEGORY and item_av in _CATEGORY_TEST:
                cats.append(item_av)
            else:
                return _UNIVERSAL
        return _chars_of(chars, cats, negated)
    return None


def _chars_of(chars, cats, negated: bool):
    if _ANYTHING in chars:
        return _UNIVERSAL
    return negated, frozenset(fold(c) for c in chars), frozenset(cats)


def _in_category(folded: str, cat) -> bool:
    """Can a character whose fold is ``folded`` be in ``cat``? (\\d, \\s, \\w are closed under
    case, so the folded form answers for all its case forms; anything longer than one
    character answers yes.)"""
    return len(folded) != 1 or bool(_CATEGORY_TEST[cat].match(folded))


def _contains(inner, folded: str) -> bool:
    """Whether a character of fold ``folded`` is surely in the positive set ``inner``."""
    _, chars, cats = inner
    return folded in chars or (len(folded) == 1 and any(_CATEGORY_TEST[c].match(folded) for c in cats))


def overlap(a, b) -> bool:
    """Could one character be matched by both sets? Yes unless provably not."""
    if a is _EMPTY or b is _EMPTY:
        return False  # a zero-width state (^, a lookaround) reads no character
    if a is _UNIVERSAL or b is _UNIVERSAL:
        return True
    if a[0] and b[0]:
        return True  # two negated sets: both miss only what they name
    if a[0]:
        a, b = b, a
    if b[0]:  # a positive, b negated: disjoint when all of a is what b excludes
        excluded = (False, b[1], b[2])
        return not (all(_contains(excluded, c) for c in a[1])
                    and all(cat in b[2] or (cat == _D and _W in b[2]) for cat in a[2]))
    _, chars_a, cats_a = a
    _, chars_b, cats_b = b
    if chars_a & chars_b:
        return True
    if any(_in_category(c, cat) for c in chars_a for cat in cats_b):
        return True
    if any(_in_category(c, cat) for c in chars_b for cat in cats_a):
        return True
    return any(frozenset((x, y)) not in _DISJOINT_CATEGORIES for x in cats_a for y in cats_b)


# -- the position automaton --------------------------------------------------------------------

class _Automaton:
    """States (one per character item; zero-width ones for ^ and a lookaround read once) and
    edges with their multiplicity: the number of ways the matcher can go from one to the other."""

    def __init__(self, multiline: bool):
        self.multiline = multiline
        self.sets: list = []
        self.kind: list[str] = []  # "char", "loop", "anchor", "look"
        self.follow: list[dict[int, int]] = []
        self._same: dict = {}  # equal sets as one object: compared once, not once a state

    def state(self, chars, kind: str) -> int:
        if len(self.sets) >= MAX_POSITIONS:
            raise _Unread
        self.sets.append(self._same.setdefault(chars, chars))
        self.kind.append(kind)
        self.follow.append({})
        return len(self.sets) - 1

    def link(self, last: dict, first: dict) -> None:
        for p, m in last.items():
            row = self.follow[p]
            for q, n in first.items():
                row[q] = row.get(q, 0) + m * n

    # Each build returns (empty, first, last): the ways to match nothing, the first states
    # (state -> ways to reach it from the start), the last states (state -> ways to the end).
    def build(self, items) -> tuple[int, dict, dict]:
        empty, first, last = 1, {}, {}
        for op, av in items:
            e2, f2, l2 = self.item(op, av)
            self.link(last, f2)
            first = _add(first, f2, empty)
            last = _add(l2, last, e2)
            empty *= e2
        return empty, first, last

    def item(self, op, av) -> tuple[int, dict, dict]:
        chars = _char_set(op, av)
        if chars is not None:
            s = self.state(chars, "char")
            return 0, {s: 1}, {s: 1}
        if op is _sre.SUBPATTERN:
            return self.build(av[3])
        if op is _ATOMIC_GROUP:
            return self.build(av)
        if op is _sre.BRANCH:
            empty, first, last = 0, {}, {}
            for alt in av[1]:
                e2, f2, l2 = self.build(alt)
                empty, first, last = empty + e2, _add(first, f2), _add(last, l2)
            return empty, first, last
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _POSSESSIVE_REPEAT):
            return self.repeat(*av)
        if op is _sre.AT:
            if av == _sre.AT_BEGINNING_STRING or (av == _sre.AT_BEGINNING and not self.multiline):
                s = self.state(_EMPTY, "anchor")
                return 0, {s: 1}, {s: 1}
            return 1, {}, {}  # $, \b, \B, a multiline ^: zero-width, tried in place
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            inner = _Automaton(self.multiline)
            inner.build(av[1])
            if "loop" not in inner.kind and "look" not in inner.kind:
                if sum(_routes(inner, {s: 1 for s in range(len(inner.sets))})) > MAX_LOOKAROUND_ROUTES:
                    raise _Unread
                return 1, {}, {}  # bounded: a few steps wherever it is tried
            s = self.state(_EMPTY, "look")  # unbounded: allowed only right after the anchor
            return 0, {s: 1}, {s: 1}
        raise _Unread  # back references, conditionals, anything else

    def repeat(self, low: int, high, body) -> tuple[int, dict, dict]:
        if high is _sre.MAXREPEAT or high == _sre.MAXREPEAT:
            chars = _single(list(body))
            if chars is False:
                raise _Unread  # an unbounded repeat of more than one character
            heads = [self.item(*list(body)[0]) for _ in range(max(low - 1, 0))]
            s = self.state(chars, "loop")
            self.follow[s][s] = 1
            empty, first, last = (1 if low == 0 else 0), {s: 1}, {s: 1}
            return self._chain(heads + [(empty, first, last)])
        copies = [self.build(body) for _ in range(high)]  # in order: edges run forward
        tail = (1, {}, {})
        for copy in reversed(copies[low:]):
            e, f, l = self._chain([copy, tail])
            tail = (e + 1, f, l)  # each further copy is optional
        return self._chain(copies[:low] + [tail])

    def _chain(self, parts) -> tuple[int, dict, dict]:
        empty, first, last = 1, {}, {}
        for e2, f2, l2 in parts:
            self.link(last, f2)
            first = _add(first, f2, empty)
            last = _add(l2, last, e2)
            empty *= e2
        return empty, first, last


def _add(a: dict, b: dict, times: int = 1) -> dict:
    if not times or not b:
        return dict(a)
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v * times
    return out


def _single(body: list):
    """The character set of a repeat's body that is one character item, else False."""
    while len(body) == 1 and body[0][0] is _sre.SUBPATTERN:
        body = list(body[0][1][3])
    if len(body) != 1:
        return False
    op, av = body[0]
    chars = _char_set(op, av)
    return False if chars is None else chars


def _routes(auto: _Automaton, first: dict) -> list[int]:
    """Ways to reach each state from one start (edges run forward; self-loops are runs)."""
    routes = [0] * len(auto.sets)
    for q, m in first.items():
        routes[q] += m
    for p in range(len(auto.sets)):
        if routes[p]:
            for q, m in auto.follow[p].items():
                if q == p:
                    continue
                if q < p:
                    raise _Unread  # not the forward order the reading relies on
                routes[q] += routes[p] * m
    return routes


# -- the verdict -------------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def ways_alive(pattern: str, flags: int = 0) -> Optional[int]:
    """A bound on how many ways a search of ``pattern`` can be part-way through at one place
    of the text: the search's steps are at most about that many per character, linear in the
    text. None when no such bound is read (see the module's docstring): in doubt, None."""
    tree = _parse(pattern, flags)
    if tree is None:
        return None
    try:
        return _linear(tree, bool((flags | tree.state.flags) & re.MULTILINE))
    except (_Unread, RecursionError):
        return None


def is_linear(pattern: str, flags: int = 0) -> bool:
    """Whether a search of ``pattern`` surely takes time linear in the text."""
    return ways_alive(pattern, flags) is not None


def _parse(pattern: str, flags: int):
    if any(token in pattern for token in _UNREADABLE) or _POSIX_CLASS.search(pattern):
        return None
    for on, off in _INLINE_FLAGS.findall(pattern):
        if set(on + off) - _FLAGS_READ_ALIKE:
            return None
    text = _PROPERTY.sub(lambda m: m.group() if m.group() == "\\\\" else "\\uf8ff", pattern)
    if _ODD_BRACE.search(text):
        return None
    try:
        return _sre_parse.parse(text, flags & (re.IGNORECASE | re.MULTILINE))
    except Exception:  # any parse failure: not read
        return None


def _linear(tree, multiline: bool) -> Optional[int]:
    """The bound on the ways alive at once (see :func:`_ways`), or None for no linear bound."""
    auto = _Automaton(multiline)
    _, first, _ = auto.build(list(tree))
    inflow: list[list[tuple[int, int]]] = [[] for _ in auto.sets]  # (predecessor or -1, ways)
    for q, m in first.items():
        inflow[q].append((-1, m))
    for p, row in enumerate(auto.follow):
        for q, m in row.items():
            if q != p:
                if q < p:
                    raise _Unread  # not the forward order the reading relies on
                inflow[q].append((p, m))
    for s, kind in enumerate(auto.kind):
        # an unbounded lookaround is read once only right after the ^ that anchors the pattern
        if kind == "look" and any(p < 0 or auto.kind[p] != "anchor" for p, _ in inflow[s]):
            return None
    return _ways(auto, inflow)


def _ways(auto: _Automaton, inflow: list[list[tuple[int, int]]]) -> Optional[int]:
    """At most how many ways the search can be part-way through the pattern at one place of
    the text, all starts together; None when that grows with the text.

    A way into state q comes from a way in one of q's predecessors, one character back, and
    all the ways that agree with the text read the same character there: only predecessors
    whose sets share a character add up. So a state's bound is, over its predecessors p, the
    most that p and the predecessors overlapping p bring (the search's start, tried at every
    character, brings one; zero-width states add up with everything). A run (an unbounded
    repeat of one class) keeps its ways from one character to the next: it has a bound only
    if no predecessor that could have read its class feeds it, for that would add ways at
    every character of a long stretch (``a\w+b``, ``\s*:?\s*``, ``\s+x`` unanchored).
    States come in forward order (edges only run forward, but for a run's own), so one pass.
    """
    n = len(auto.sets)
    bound = [0] * n
    # the steps (characters after the start) at which a state can hold a way, as bits; None
    # when unbounded: a run, what follows one, and what every start can reach
    times: list[Optional[int]] = [None] * n
    zero_width = [k in ("anchor", "look") for k in auto.kind]
    overlaps: dict[tuple[int, int], bool] = {}

    def meets(a, b) -> bool:
        """overlap(a, b), remembered: a pattern's states share a few sets."""
        key = (id(a), id(b))
        found = overlaps.get(key)
        if found is None:
            found = overlaps[key] = overlap(a, b)
        return found

    def most(flows: list[tuple[int, int]]) -> int:
        """The most ways the flows bring that can agree on the last character read."""
        everything = 0  # the start and zero-width states add up with every flow
        by_set: dict[int, list] = {}
        for p, w in flows:
            if p < 0 or zero_width[p]:
                everything += w
            else:
                entry = by_set.setdefault(id(auto.sets[p]), [auto.sets[p], 0])
                entry[1] += w
        if not by_set:
            return everything
        groups = list(by_set.values())
        return everything + max(sum(w for other, w in groups if meets(chars, other))
                                for chars, _ in groups)

    def joins(p: int, q: int) -> bool:
        return p < 0 or zero_width[p] or meets(auto.sets[p], auto.sets[q])

    for q in range(n):
        flows = [(p, (1 if p < 0 else bound[p]) * m) for p, m in inflow[q]]
        flows = [(p, w) for p, w in flows if w]
        if not flows:
            continue
        if auto.kind[q] != "loop":
            bound[q] = most(flows)
            if all(p >= 0 and times[p] is not None for p, _ in flows) or \
                    (auto.kind[q] == "anchor" and all(p < 0 for p, _ in flows)):
                times[q] = 1 if auto.kind[q] == "anchor" else 0
                for p, _ in flows:
                    if p >= 0:
                        times[q] |= times[p] << (0 if zero_width[q] else 1)
        else:
            # Ways that enter from a predecessor that cannot have read the run's class start
            # the run afresh; ways from one that could have join those already in the run,
            # which is bounded only if that predecessor holds ways at a bounded set of steps.
            fresh = [(p, w) for p, w in flows if not joins(p, q)]
            joining = [(p, w) for p, w in flows if joins(p, q)]
            if any(p < 0 or times[p] is None for p, _ in joining):
                return None
            bound[q] = (most(fresh) if fresh else 0) \
                + sum(w * bin(times[p]).count("1") for p, w in joining)
        if bound[q] > MAX_ALIVE:
            return None
    return sum(bound)
