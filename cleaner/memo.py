"""Bounded memo caches for the per-line work that rules, rounds and documents repeat.

Rules ask for the same line's words, its comparable form or its stopword share many times,
each cleaning round asks again, and a site's boilerplate lines recur across its pages, so
these answers are remembered. ``functools.lru_cache`` would do, but each of its entries is a
small list that Python's cyclic garbage collector tracks: caches of 65,536 lines made every
full collection walk a quarter of a million objects in a long corpus run. Here an entry is a
plain dict item (the collector sees one dict), and a full cache is emptied at once rather
than evicted entry by entry: what the caches serve is reuse within a document and its rounds,
which a periodic clear barely touches.

A cache keyed by lines is bounded by characters too (``max_chars``): 65,536 entries of long
lines, each with its words or its lowered copy, were hundreds of megabytes for one big
document. A line's answer (its words as separate strings) weighs several times the line, so
the budget is two million characters a cache: over a 100 MB corpus run a worker held 300 MB
with four million and 201 MB with two (``bench/worker_memory.py``); one million kept it at
157 MB but cost the HTML path a fifth of its speed on a multilingual set of pages, whose
menus and footers no longer stayed in the caches.
"""
from __future__ import annotations

import functools
from typing import Callable, TypeVar

T = TypeVar("T")
_MISSING = object()


LINE_CACHE_CHARS = 2_000_000  # characters of keys a cache of lines holds at most

_CLEARS: list[Callable[[], None]] = []  # every cache's clear(), for clear_all()


def on_clear_all(clear: Callable[[], None]) -> Callable[[], None]:
    """Have :func:`clear_all` call ``clear`` (the empty-me of a cache kept by hand, or of an
    ``lru_cache``); returns it. :func:`memo` caches are registered as they are made."""
    _CLEARS.append(clear)
    return clear


def clear_all() -> int:
    """Empty every memo cache of the package (word splits, comparable lines, stopword shares,
    matches, langdetect answers); the compiled packs stay. For benchmarks that time a cold
    run and tests that must not hit a cache. Returns how many caches were emptied."""
    for clear in _CLEARS:
        clear()
    return len(_CLEARS)


def memo(maxsize: int, max_chars: int = 0) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Remember a function of hashable positional arguments, up to ``maxsize`` answers
    (and, with ``max_chars``, keys of one string up to that many characters in all).
    The wrapper has ``cache_clear()``, as an ``lru_cache`` wrapper does."""

    def decorate(fn: Callable[..., T]) -> Callable[..., T]:
        cache: dict = {}
        get = cache.get
        held = [0]  # characters of the keys cached (with max_chars)

        @functools.wraps(fn)
        def one(arg):
            value = get(arg, _MISSING)
            if value is _MISSING:
                if len(cache) >= maxsize or (max_chars and held[0] >= max_chars):
                    clear()
                value = cache[arg] = fn(arg)
                if max_chars:
                    held[0] += len(arg)
            return value

        def clear() -> None:
            cache.clear()
            held[0] = 0

        @functools.wraps(fn)
        def many(*args):
            value = get(args, _MISSING)
            if value is _MISSING:
                if len(cache) >= maxsize:
                    cache.clear()
                value = cache[args] = fn(*args)
            return value

        nargs = fn.__code__.co_argcount if hasattr(fn, "__code__") else 2
        wrapper = one if nargs == 1 else many
        wrapper.cache_clear = clear  # type: ignore[attr-defined]
        wrapper.cache_len = cache.__len__  # type: ignore[attr-defined]
        # the answer when it is remembered, else None (no call): for a caller that can do
        # without it more cheaply than computing it
        wrapper.cached = get if nargs == 1 else (lambda *args: get(args))  # type: ignore[attr-defined]
        on_clear_all(clear)
        return wrapper

    return decorate
