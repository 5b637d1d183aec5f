"""Which lines could a rule's pattern match at all? One pass over the text answers it for every rule.

Most rules name words ("cookie", "subscribe", "related articles"), and most lines contain none
of them. Running each pattern on each line is what made cleaning slow (thousands of searches
a page, each paying the ``regex`` timeout's set-up). So every pattern is read once for the
*literals* any match must contain: for ``^(?:Related|More) (?:stories|articles)\\b`` that is
one of "related stories", "related articles", "more stories", "more articles". An
Aho-Corasick automaton over the literals of the document's rules scans the text once, and a
rule then runs only on lines holding one of its literals; a pattern anchored at the line's
start (``^(?:Advertisement|Sponsored)``) runs only on lines that *begin* with one of its
exact starts (:func:`line_prefixes`), found by the same scan. A class of digits counts as a
requirement too (:data:`DIGIT`: datelines skip lines without a digit), and a ``^...$``
pattern skips lines longer than its longest match (:func:`longest_whole_match`). A line made
wholly of a class that excludes letters and digits (``^[^\\p{L}\\p{N}]+$``: separators, rules
of dashes) needs a line with neither (:data:`NO_ALNUM`), found by one scan too. Rules the
reader cannot bound run on every line, as before; ``cleaner rules lint`` notes them.

Skipping must never change a result, so the reading is conservative:

- Literals are compared after :func:`fold`: lowercasing, plus mapping the few letters that
  ``regex``'s case-insensitive matching pairs with a letter of another lowercase form (``ſ``
  and ``s``, ``ı`` and ``i``, ``ς`` and ``σ``...) to one representative. A match of the
  pattern therefore always contains the folded literal in the folded line.
- Anything the reader does not understand (classes, repeats without a minimum, back
  references, ``regex``-only syntax such as ``\\p{L}`` or POSIX classes) yields no literal:
  the rule runs everywhere.
- ``tests/test_prefilter.py`` checks the fold table against ``regex`` itself and every rule's
  examples against its literals and starts; all 3,876 dev-bench inputs (page dumps and both
  extractors' outputs) clean to the same text and removals with and without the prefilter.
"""
from __future__ import annotations

import warnings
from bisect import bisect_right
from functools import lru_cache
from itertools import count
from typing import TYPE_CHECKING, Iterable, Optional

import ahocorasick

try:  # Python 3.11 renamed the module; the parse tree is the same
    import re._parser as _sre_parse
    import re._constants as _sre
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse as _sre_parse  # type: ignore[no-redef]
    import sre_constants as _sre  # type: ignore[no-redef]
import re

from .matching import MAX_PATTERN_CHARS
from ..memo import on_clear_all
from ..text import line_starts, lower

# Atomic groups and possessive repeats parse from Python 3.11 on; before, they are re.errors.
_ATOMIC_GROUP = getattr(_sre, "ATOMIC_GROUP", object())
_POSSESSIVE_REPEAT = getattr(_sre, "POSSESSIVE_REPEAT", object())

if TYPE_CHECKING:  # pragma: no cover
    from .kinds.base import Rule

MAX_EXACT = 64  # strings in an exact set before it is given up (cross products grow fast)
MAX_REQUIRED = 256  # strings in a literal set before the rule is left to run everywhere
MAX_CLASS = 8  # characters in a class ([Cc], [-–]) still read as alternatives
MIN_USEFUL = 2  # a one-character literal (":", "a") is in too many lines to pay its way...
# ...unless it is "©" or "»", or "<", ">" or "/": few lines of a story hold one, and the rules
# that need them (markup printed as text, "Home > News" trails) ran on every line without them
# (1 ms of a 2025 page's 15 ms on the HTML path).
RARE_CHARACTER = re.compile(r"[^\w\s.,:;!?'\"()\[\]&+*=%$#@_-]")
LONG_ENOUGH = 6  # literals this long are selective; beyond it, fewer literals is better
# Not a literal: "the line has a digit" (\\d, [0-9]), which datelines and timestamps require.
# It never occurs in text; Prefilter.index marks the lines with a digit under its id.
DIGIT = "\x00digit"
# Not a literal either: "the line has no letter or digit" (and is not blank: no rule judges a
# blank line), all that ^[^\p{L}\p{N}]+$ can match in a line a rule looks at.
NO_ALNUM = "\x00no-alnum"
# The form read for it: ^, one negated class of \p{...} properties or \w, + or *, $.
_NO_ALNUM_FORM = re.compile(r"\^\[\^((?:\\p\{[A-Za-z]+\}|\\w)+)\][+*]\$")
_PROPERTY_OR_W = re.compile(r"\\p\{[A-Za-z]+\}|\\w")
# Lines of the folded text without a letter or digit. re's [^\W_] (str.isalnum) holds only
# characters that regex's \p{L} or \p{N} holds too (tests check every code point), so a line
# with an alphanumeric character can never be matched by such a pattern.
# The scan runs on "\n" + text + "\n" with "_" made "-" (the one word character that is not
# alphanumeric): a match is a line break and a line of non-word characters, one of them not a
# space, and a pattern that starts with a literal "\n" is tried only where one is (a "^" in
# MULTILINE mode: everywhere). Blank lines, many in a page dump, are left out.
_NO_ALNUM_RUN = re.compile(r"\n[^\S\n]*[^\w\s][^\w\n]*(?=\n)")
_ALNUM = re.compile(r"[^\W_]")
EVERY_RULE = -1  # Prefilter.index's key for lines every rule must look at
_DIGIT_LINE = re.compile(r"\d[^\n]*")  # a digit and the rest of its line
_HAS_DIGIT = re.compile(r"\d")  # re's \d is Unicode Nd, as regex's is

# Letters that regex's IGNORECASE pairs with a letter whose lowercase differs (computed from
# regex itself; tests/test_prefilter.py recomputes it). Each maps to its class representative.
_FOLD_CLASSES = ("\u0069\u0131", "\u0073\u017f", "\u00b5\u03bc", "\u0345\u03b9\u1fbe",
                 "\u0390\u1fd3", "\u03b0\u1fe3", "\u03b2\u03d0", "\u03b5\u03f5",
                 "\u03b8\u03d1", "\u03ba\u03f0", "\u03c0\u03d6", "\u03c1\u03f1",
                 "\u03c2\u03c3", "\u03c6\u03d5", "\u0432\u1c80", "\u0434\u1c81",
                 "\u043e\u1c82", "\u0441\u1c83", "\u0442\u1c84\u1c85", "\u044a\u1c86",
                 "\u0463\u1c87", "\u1c88\ua64b", "\u1e61\u1e9b", "\ufb05\ufb06")
_FOLD = str.maketrans({c: cls[0] for cls in _FOLD_CLASSES for c in cls[1:]})
_NEEDS_FOLD = re.compile("[" + "".join(cls[1:] for cls in _FOLD_CLASSES) + "]")

# regex-only syntax the re parser would misread rather than reject.
_UNREADABLE = ("\\L<", "(?|", "(?V", "\\X", "\\m", "\\M", "\\G", "\\K")
_INLINE_FLAGS = re.compile(r"\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?[:)]")
_FLAGS_READ_ALIKE = set("aimsux")  # regex's b, e, f, p, r, w, V0, V1 change what matches
_PROPERTY = re.compile(r"\\\\|\\[pP](?:\{[^}]*\}|\w)")  # an escaped backslash is skipped whole
_POSIX_CLASS = re.compile(r"\[:\^?[A-Za-z]+:\]")


def fold(text: str) -> str:
    """``text`` as the prefilter compares it: lowercased, case-equivalent letters merged."""
    low = lower(text)
    if low.isascii() or not _NEEDS_FOLD.search(low):  # translate() is slow; rarely needed
        return low
    return low.translate(_FOLD)


def _one_character(m: "re.Match") -> str:
    return m.group() if m.group() == "\\\\" else "\\w"


# A rule's prefixes, literals and longest match are each read from the same parse, asked in
# turn (the prefilter asks prefixes, then literals); parsing is most of their cost. The
# trees are only read, never changed. A few are kept: all of them would hold ~20 MB.
@lru_cache(maxsize=16)
def _parse(pattern: str, flags: int):
    """The re parse tree of a regex pattern, or None where the two dialects could differ."""
    if any(token in pattern for token in _UNREADABLE) or _POSIX_CLASS.search(pattern):
        return None
    for on, off in _INLINE_FLAGS.findall(pattern):
        if set(on + off) - _FLAGS_READ_ALIKE:
            return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # \p{L} and friends match one character, as \w does; neither gives a literal.
            return _sre_parse.parse(_PROPERTY.sub(_one_character, pattern), flags & re.IGNORECASE)
    except (re.error, RecursionError, OverflowError, ValueError, IndexError):
        return None


on_clear_all(_parse.cache_clear)


def required_literals(pattern: str, flags: int = 0) -> Optional[frozenset[str]]:
    """Folded strings at least one of which occurs in any match of ``pattern``; None when
    no such set could be read (the rule must run on every line)."""
    if _without_alnum(pattern):
        return frozenset({NO_ALNUM})
    tree = _parse(pattern, flags)
    if tree is None:
        return None
    icase = bool((flags | tree.state.flags) & re.IGNORECASE)
    try:
        return _required(list(tree), icase)
    except RecursionError:
        return None


def line_prefixes(pattern: str, flags: int = 0) -> Optional[frozenset[str]]:
    """For a pattern anchored at the start (``^`` on every path), folded strings one of
    which every match starts with: ``^(?:Advertisement|Sponsored)\\s*:?$`` gives
    "advertisement" and "sponsored". A rule with them runs only on lines that begin with one
    (after leading spaces): far fewer than the lines that merely hold one ("ad" is in "read").
    None when no such set could be read."""
    tree = _parse(pattern, flags)
    if tree is None or tree.state.flags & re.MULTILINE:
        return None
    icase = bool((flags | tree.state.flags) & re.IGNORECASE)
    try:
        found = _prefixes(list(tree), icase)
    except RecursionError:
        return None
    if not found or len(found) > MAX_REQUIRED:
        return None
    if any(len(p) < MIN_USEFUL and not RARE_CHARACTER.fullmatch(p) for p in found):
        return None
    return frozenset(found)


def _prefixes(items: list, icase: bool) -> Optional[set[str]]:
    """The exact start of every match of ``items`` after its ``^``; None if a path is not
    anchored there."""
    if len(items) == 1 and items[0][0] is _sre.BRANCH:
        return _union(items[0][1][1], _prefixes, icase, MAX_REQUIRED)
    if len(items) == 1 and items[0][0] is _sre.SUBPATTERN:
        inner = _inside_group(*items[0], icase)
        return _prefixes(*inner) if inner is not None else None
    if not items or items[0] != (_sre.AT, _sre.AT_BEGINNING) and \
            items[0] != (_sre.AT, _sre.AT_BEGINNING_STRING):
        return None
    run = {""}
    for op, av in items[1:]:
        part = _exact_item(op, av, icase)
        if part is None:
            break
        grown = {a + b for a in run for b in part}
        if len(grown) > MAX_EXACT:
            break
        run = grown
    return run


def _without_alnum(pattern: str) -> bool:
    """Is ``pattern`` a whole line of one class that excludes every letter and digit
    (``^[^\\p{L}\\p{N}]+$``, ``^[^\\w]*$``), perhaps after lookaheads that rule lines out
    (``^(?![`~]{3,}$)[^\\p{L}\\p{N}]+$``: not a code fence)? Case and other flags change
    nothing there."""
    m = _NO_ALNUM_FORM.fullmatch(_without_leading_lookaheads(pattern))
    if not m:
        return False
    excluded = set(_PROPERTY_OR_W.findall(m.group(1)))
    return "\\w" in excluded or {"\\p{L}", "\\p{N}"} <= excluded


def _without_leading_lookaheads(pattern: str) -> str:
    """``pattern`` without the negative lookaheads right after its leading ``^``: they only
    rule matches out, so what is left matches every line ``pattern`` matches (and more). The
    pattern as it is when it does not open so, or a lookahead does not close where read."""
    while pattern.startswith("^(?!"):
        end = _group_end(pattern, 3)
        if end < 0:
            break
        pattern = "^" + pattern[end + 1:]
    return pattern


def _group_end(pattern: str, at: int) -> int:
    """Where the group opened at ``pattern[at - 2]`` closes (its ``)``); -1 if it does not.
    Escapes and character classes (where parentheses are plain characters) are skipped."""
    depth, i, size = 1, at, len(pattern)
    while i < size:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: to its "]" (one right after "[" or "[^" is a member)
            i += 1
            if i < size and pattern[i] == "^":
                i += 1
            if i < size and pattern[i] == "]":
                i += 1
            while i < size and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            if i >= size:
                return -1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def longest_whole_match(pattern: str, flags: int = 0) -> Optional[int]:
    """For a pattern anchored at both ends (``^...$`` in every alternative), the longest
    text it can match, which is then the longest line it can match; None otherwise."""
    tree = _parse(pattern, flags)
    if tree is None or tree.state.flags & re.MULTILINE:
        return None
    try:
        if not (_anchored(list(tree), first=True) and _anchored(list(tree), first=False)):
            return None
        widest = tree.getwidth()[1]
    except RecursionError:
        return None
    return widest if widest < _sre.MAXREPEAT - 1 and widest < 1 << 30 else None


def _anchored(items: list, first: bool) -> bool:
    """Does every path through ``items`` start (first=True) or end with ^ / $ (or \\A, \\Z)?"""
    if not items:
        return False
    op, av = items[0] if first else items[-1]
    if op is _sre.AT:
        wanted = (_sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING) if first \
            else (_sre.AT_END, _sre.AT_END_STRING)
        return av in wanted
    if op is _sre.BRANCH:
        return all(_anchored(list(alt), first) for alt in av[1])
    if op is _sre.SUBPATTERN:
        return _anchored(list(av[3]), first)
    if op is _ATOMIC_GROUP:
        return _anchored(list(av), first)
    return False


def line_holds(literals: frozenset[str], line: str) -> bool:
    """Does ``line`` hold one of ``literals`` (the check the automaton makes, one line at a
    time: for tests and for explaining why a rule did not run)?"""
    folded = fold(line)
    return any(bool(_HAS_DIGIT.search(line)) if lit == DIGIT
               else bool(line.strip()) and not _ALNUM.search(line) if lit == NO_ALNUM
               else lit in folded
               for lit in literals)


# -- the reader ------------------------------------------------------------------------------
def _char(code: int) -> str:
    return fold(chr(code))


def _scoped(add: int, remove: int, icase: bool) -> bool:
    if add & re.IGNORECASE:
        return True
    if remove & re.IGNORECASE:
        return False
    return icase


def _inside_group(op, av, icase: bool) -> Optional[tuple[list, bool]]:
    """(items, case-insensitive?) inside a group, ``(...)`` or ``(?>...)``; None otherwise."""
    if op is _sre.SUBPATTERN:
        _group, add, remove, sub = av
        return list(sub), _scoped(add, remove, icase)
    if op is _ATOMIC_GROUP:
        return list(av), icase
    return None


def _union(alternatives, read, icase: bool, limit: int) -> Optional[set[str]]:
    """What ``read`` finds in every alternative, together; None if one yields nothing or
    the union outgrows ``limit``."""
    out: set[str] = set()
    for alt in alternatives:
        found = read(list(alt), icase)
        if found is None:
            return None
        out |= found
        if len(out) > limit:
            return None
    return out


def _exact_item(op, av, icase: bool) -> Optional[set[str]]:
    """Every string this one item can match, if that is a small finite set."""
    if op is _sre.LITERAL:
        return {_char(av)}
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return {""}  # zero-width: the text on either side is contiguous
    if op is _sre.IN:
        chars: set[str] = set()
        for item_op, item_av in av:
            if item_op is _sre.LITERAL:
                chars.add(_char(item_av))
            elif item_op is _sre.RANGE and item_av[1] - item_av[0] < MAX_CLASS:
                chars.update(_char(c) for c in range(item_av[0], item_av[1] + 1))
            else:
                return None  # NEGATE, CATEGORY, wide ranges
        return chars if len(chars) <= MAX_CLASS else None
    inner = _inside_group(op, av, icase)
    if inner is not None:
        return _exact(*inner)
    if op is _sre.BRANCH:
        return _union(av[1], _exact, icase, MAX_EXACT)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _POSSESSIVE_REPEAT):
        low, high, sub = av
        if high > 2:
            return None
        once = _exact(list(sub), icase)
        if once is None:
            return None
        out, power = set(), {""}
        for times in range(high + 1):
            if times >= low:
                out |= power
            power = {a + b for a in power for b in once}
            if len(power) > MAX_EXACT:
                return None
        return out
    return None


def _exact(items: list, icase: bool) -> Optional[set[str]]:
    out = {""}
    for op, av in items:
        part = _exact_item(op, av, icase)
        if part is None:
            return None
        out = {a + b for a in out for b in part}
        if len(out) > MAX_EXACT:
            return None
    return out


def _only_digits(items) -> bool:
    """A class of digits alone: \\d, [0-9], [\\d]."""
    return bool(items) and all(
        (op is _sre.CATEGORY and av in (_sre.CATEGORY_DIGIT, _sre.CATEGORY_UNI_DIGIT))
        or (op is _sre.RANGE and 48 <= av[0] <= av[1] <= 57)
        or (op is _sre.LITERAL and 48 <= av <= 57) for op, av in items)


def _required_item(op, av, icase: bool) -> Optional[frozenset[str]]:
    """A literal set for an item with no exact set of its own (a group holding a class...)."""
    if op is _sre.IN and _only_digits(av):
        return frozenset({DIGIT})
    inner = _inside_group(op, av, icase)
    if inner is not None:
        return _required(*inner)
    if op is _sre.BRANCH:
        found = _union(av[1], _required, icase, MAX_REQUIRED)
        return None if found is None else frozenset(found)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _required(list(sub), icase) if low >= 1 else None
    return None


def _selectivity(literal: str) -> float:
    """How few lines hold ``literal``, as its length: a rare character ("©", "»") is in
    as few as a three-letter word; "the line has a digit" in fewer than a two-letter
    string ("on", in most lines of prose: a dateline's "12:30 on 12/07/2012"), in more than
    a rare character or a word."""
    if literal == DIGIT:
        return 2.5
    if len(literal) == 1 and RARE_CHARACTER.fullmatch(literal):
        return 3
    return len(literal)


def _better(a: Optional[frozenset[str]], b: Optional[frozenset[str]]) -> Optional[frozenset[str]]:
    """The more useful of two literal sets: a more selective least selective literal (see
    :func:`_selectivity`, up to LONG_ENOUGH), then fewer literals (a short set keeps unions
    of alternatives within MAX_REQUIRED)."""
    if b is None or "" in b or not b:
        return a
    if any(len(lit) < MIN_USEFUL and not RARE_CHARACTER.fullmatch(lit) for lit in b):
        return a  # never prefer a set the final check would throw away
    if a is None:
        return b

    def score(s: frozenset[str]) -> tuple[float, int, float]:
        shortest = min(_selectivity(lit) for lit in s)
        return min(LONG_ENOUGH, shortest), -len(s), shortest

    return b if score(b) > score(a) else a


def _required(items: list, icase: bool) -> Optional[frozenset[str]]:
    """The best literal set of a sequence: runs of items with exact sets are multiplied out
    ("cookie" + "s?" -> cookie, cookies), other items contribute what they require inside."""
    best: Optional[frozenset[str]] = None
    run: set[str] = {""}
    for op, av in items:
        part = _exact_item(op, av, icase)
        if part is not None:
            best = _better(best, frozenset(run))  # a prefix may be long enough and smaller
            grown = {a + b for a in run for b in part}
            if len(grown) <= MAX_EXACT:
                run = grown
                continue
            best = _better(best, frozenset(run))
            run = part
            continue
        best = _better(best, frozenset(run))
        run = {""}
        best = _better(best, _required_item(op, av, icase))
    for op, av in items:
        if op is _sre.ASSERT:  # a lookaround that must match: its words are in the line too
            best = _better(best, _required(list(av[1]), icase))
    best = _better(best, frozenset(run))
    if best is None or len(best) > MAX_REQUIRED:
        return None
    if any(len(lit) < MIN_USEFUL and not RARE_CHARACTER.fullmatch(lit) for lit in best):
        return None
    return best


def _no_alnum_lines(text: str) -> list[int]:
    """Where each non-blank line of ``text`` without a letter or digit starts."""
    padded = "\n" + text.replace("_", "-") + "\n"
    return [m.start() for m in _NO_ALNUM_RUN.finditer(padded)]  # padded's "\n" at p: text's p


# -- the scan ----------------------------------------------------------------------------------
class Prefilter:
    """The literals of a list of rules, in one automaton. ``lines_for(rule, lines)`` gives
    the indices of the lines that rule could match (None: the rule has no literals)."""

    def __init__(self, rules: Iterable["Rule"]):
        self._ids: dict[str, frozenset[int]] = {}  # rule id -> its literal ids
        literal_ids: dict[str, int] = {}  # a literal found anywhere in a line
        prefix_ids: dict[str, int] = {}  # a literal found at a line's start
        numbers = count()  # ids shared by both kinds of entry
        for rule in rules:
            if rule.id in self._ids:
                continue
            prefixes = getattr(rule, "prefixes", None)
            if prefixes is not None:
                self._ids[rule.id] = frozenset(prefix_ids.setdefault(p, next(numbers))
                                               for p in prefixes)
                continue
            literals = rule.literals
            if literals is None:
                continue
            self._ids[rule.id] = frozenset(literal_ids.setdefault(lit, next(numbers))
                                           for lit in literals)
        self._digit = literal_ids.pop(DIGIT, None)
        self._no_alnum = literal_ids.pop(NO_ALNUM, None)
        self._automaton = ahocorasick.Automaton()
        # One entry per string: (its id anywhere or -1, its id at a line's start or -1, length).
        for literal in literal_ids.keys() | prefix_ids.keys():
            self._automaton.add_word(literal, (literal_ids.get(literal, -1),
                                               prefix_ids.get(literal, -1), len(literal)))
        self._empty = not literal_ids and not prefix_ids and self._digit is None \
            and self._no_alnum is None
        if len(self._automaton):
            self._automaton.make_automaton()

    def literal_ids(self, rule: "Rule") -> Optional[frozenset[int]]:
        return self._ids.get(rule.id)

    def found(self, text: str) -> set[int]:
        """The literal ids anywhere in ``text`` (no line numbers: a site signature's test)."""
        if self._empty:
            return set()
        folded = fold(text)
        ids = {number for _end, (number, _at_start, _n) in self._automaton.iter(folded)
               if number >= 0} if len(self._automaton) else set()
        if self._digit is not None and _HAS_DIGIT.search(text):
            ids.add(self._digit)
        if self._no_alnum is not None and _no_alnum_lines(text):
            ids.add(self._no_alnum)
        return ids

    def index(self, lines: list[str]) -> dict[int, list[int]]:
        """Literal id -> indices of the lines holding it. One scan of the whole text (a scan
        per line costs more in calls than in characters), a part of SCAN_CHARS at a time."""
        where: dict[int, list[int]] = {}
        if self._empty or not lines:
            return where
        # A line too long for any pattern is not scanned: it is a candidate of every rule
        # (under EVERY_RULE), and each rule's own length limit then decides, as without
        # the prefilter. A 20 MB line costs nothing here.
        if max(map(len, lines), default=0) > MAX_PATTERN_CHARS:
            where[EVERY_RULE] = [i for i, line in enumerate(lines) if len(line) > MAX_PATTERN_CHARS]
            lines = [("" if len(line) > MAX_PATTERN_CHARS else line) for line in lines]
        for start, end in text_parts(lines):
            self._index_part(lines[start:end] if end - start < len(lines) else lines, start, where)
        return where

    def _index_part(self, lines: list[str], first: int, where: dict) -> None:
        """Index ``lines``, the document's lines from index ``first`` on, into ``where``
        (line numbers in arrays of machine ints: a list held an int object for each)."""
        text = fold("\n".join(lines))
        starts = line_starts(text)  # of the folded text: folding keeps line breaks, not lengths
        if len(self._automaton):
            line_no, next_start = 0, starts[1]
            for end, (number, at_start, length) in self._automaton.iter(text):  # in text order
                if end >= next_start:
                    line_no = bisect_right(starts, end) - 1
                    next_start = starts[line_no + 1]
                if at_start >= 0:
                    begin, first_char = end - length + 1, starts[line_no]
                    if begin == first_char or text[first_char:begin].isspace():  # only spaces before
                        found = where.get(at_start)
                        if found is None:
                            where[at_start] = [first + line_no]
                        elif found[-1] != first + line_no:
                            found.append(first + line_no)
                if number < 0:
                    continue
                found = where.get(number)
                if found is None:
                    where[number] = [first + line_no]
                elif found[-1] != first + line_no:
                    found.append(first + line_no)
        if self._digit is not None:
            with_digit = where.setdefault(self._digit, [])
            for m in _DIGIT_LINE.finditer(text):  # one match per line that holds a digit
                with_digit.append(first + bisect_right(starts, m.start()) - 1)
        if self._no_alnum is not None:
            where.setdefault(self._no_alnum, []).extend(
                first + bisect_right(starts, at) - 1 for at in _no_alnum_lines(text))


SCAN_CHARS = 1 << 20  # text scanned at a time: a folded copy of a 50 MB document at once was 200 MB


def text_parts(lines: list[str], size: int = 0) -> list[tuple[int, int]]:
    """``lines`` cut into runs of about ``size`` (SCAN_CHARS) characters, as (start, end)
    indices: one run for all of them unless they are longer (the common case, found without
    a loop)."""
    size = size or SCAN_CHARS
    if sum(map(len, lines)) + len(lines) <= size:
        return [(0, len(lines))]
    parts, start, held = [], 0, 0
    for i, line in enumerate(lines):
        held += len(line) + 1
        if held >= size:
            parts.append((start, i + 1))
            start, held = i + 1, 0
    if start < len(lines):
        parts.append((start, len(lines)))
    return parts
