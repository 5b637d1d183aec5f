"""Compiling a pack's patterns, with one check first: how much the compiled pattern could weigh.

The ``regex`` module writes a counted repeat out in full when it compiles it (``a{40}`` becomes
forty nodes, ``(?:a{40}){40}`` sixteen hundred), so counts that multiply are memory that grows
as their product: ``(?:(?:(?:(?:(?:a{40}){40}){40}){40}){40})``, 45 characters, took 5.7 GB
and ended in a MemoryError. :func:`expanded_size` reads the pattern's text (not a parse: it
must see ``regex``-only syntax too) and counts what compiling would write out; a pattern over
:data:`MAX_EXPANDED` is refused before it is compiled. Only a repeat's minimum is written out
(``{1,100}`` compiles to one node and a loop), so that is what is counted.
"""
from __future__ import annotations

import regex

DEFAULT_TIMEOUT = 0.25  # seconds for one pattern on one line; generous, yet bounds any run
MAX_EXPANDED = 100_000  # written-out nodes, ~30 MB compiled; the shipped packs' largest is 175
_COUNT = regex.compile(r"\{\s*(\d*)\s*(?:(,)\s*(\d*)\s*)?\}")
_BRACED_ESCAPE = frozenset("pPNxuUgk")  # \p{L}, \N{name}, \x{263a}, \g{1}...


class PatternTooBig(regex.error):
    """A pattern whose counted repeats would write out more than MAX_EXPANDED nodes."""


def expanded_size(pattern: str) -> int:
    """About how many nodes compiling ``pattern`` writes out: each atom one, a group its
    longest alternative, a counted repeat its body times its minimum count."""
    frames = [[0, 0, 0]]  # per open group: longest alternative so far, this one's sum, last atom
    i, n = 0, len(pattern)

    def atom(weight: int) -> None:
        frames[-1][1] += weight
        frames[-1][2] = weight

    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            if i <= n and pattern[i - 1] in _BRACED_ESCAPE and pattern[i:i + 1] == "{":
                close = pattern.find("}", i)
                i = n if close < 0 else close + 1
            atom(1)
        elif c == "[":
            i = _class_end(pattern, i)
            atom(1)
        elif c == "(":
            frames.append([0, 0, 0])
            i += 1
        elif c == ")" and len(frames) > 1:
            longest, current, _ = frames.pop()
            atom(max(longest, current))
            i += 1
        elif c == "|":
            frame = frames[-1]
            frame[0], frame[1], frame[2] = max(frame[0], frame[1]), 0, 0
            i += 1
        elif c == "{" and _COUNT.match(pattern, i):
            m = _COUNT.match(pattern, i)
            low = int(m.group(1) or 0)
            times = max(low, 1)
            frame = frames[-1]
            frame[1] += frame[2] * (times - 1)
            frame[2] *= times
            i = m.end()
        else:
            atom(1 if c not in "*+?" else 0)
            i += 1
    while len(frames) > 1:  # an unclosed group: compiling fails anyway; count what was read
        longest, current, _ = frames.pop()
        atom(max(longest, current))
    return max(frames[0][0], frames[0][1])


def _class_end(pattern: str, start: int) -> int:
    """The index after the ``]`` closing the character class opened at ``start`` (nested
    classes, as ``regex``'s version 1 writes set operations, included)."""
    i, depth, n = start + 1, 1, len(pattern)
    if pattern[i:i + 1] == "^":
        i += 1
    if pattern[i:i + 1] == "]":
        i += 1  # a "]" first in a class is a literal
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[" and pattern[i + 1:i + 2] != ":":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


def size_problem(pattern: str) -> str | None:
    """Why ``pattern`` must not be compiled, or None."""
    if len(pattern) <= MAX_EXPANDED and all(int(m.group(1) or 0) <= 1
                                             for m in _COUNT.finditer(pattern)):
        return None  # no counted repeat multiplies its body: never more nodes than characters
    size = expanded_size(pattern)
    if size > MAX_EXPANDED:
        return (f"its counted repeats multiply to about {size:,} nodes (over {MAX_EXPANDED:,}), "
                "which compiling would write out in memory; count less, or use + and *")
    return None


def compile_pattern(pattern: str, flags: int = 0):
    """``regex.compile(pattern, flags)``, refused with :class:`PatternTooBig` when too big."""
    problem = size_problem(pattern)
    if problem:
        raise PatternTooBig(problem)
    return regex.compile(pattern, flags)
