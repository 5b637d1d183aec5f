"""The share of a line's words that are stopwords of a language, cached per line.

The line classifier judges every line by it, and the foreign-block check reads a block's
share in the document's language off its lines, so each line is counted once for both (and
again for nothing in later rounds of cleaning).
"""
from __future__ import annotations

from .memo import LINE_CACHE_CHARS
from .segment import words

DENSITY_SAMPLE_CHARS = 20_000  # a line's stopword share is judged on at most this much of it
DENSITY_CACHE_SIZE = 32768
DENSITY_LISTS = 4  # lists whose caches may hold lines at once; past that, the others are emptied


def stopword_density(text: str, stop: frozenset) -> tuple[int, float]:
    """(word count, share of stopwords) of a line's first DENSITY_SAMPLE_CHARS; cached, as
    each round of cleaning judges the same lines again."""
    # One cache per stopword list, keyed by the line alone: a (line, list) key would be a
    # tuple holding a frozenset, which the garbage collector tracks for as long as it lives.
    cache = _DENSITY.get(stop)
    if cache is None:
        cache = _DENSITY[stop] = {}
        _HELD[stop] = 0
    found = cache.get(text)
    if found is None:
        if len(cache) >= DENSITY_CACHE_SIZE or _HELD[stop] >= LINE_CACHE_CHARS:
            cache.clear()
            _HELD[stop] = 0
        if len(_DENSITY) > DENSITY_LISTS:  # a multilingual corpus: one cache per language met
            for other in _DENSITY:
                if other is not stop:
                    _DENSITY[other].clear()
                    _HELD[other] = 0
        found = cache[text] = _stopword_density(text, stop)
        _HELD[stop] += len(text)
    return found


def _stopword_density(text: str, stop: frozenset) -> tuple[int, float]:
    tokens = words(text[:DENSITY_SAMPLE_CHARS])
    if not tokens:
        return 0, 0.0
    lowered = " ".join(tokens).lower().split(" ")  # one lower() call, the same as one per word
    return len(tokens), sum(map(stop.__contains__, lowered)) / len(tokens)


_DENSITY: dict[frozenset, dict[str, tuple[int, float]]] = {}
_HELD: dict[frozenset, int] = {}  # characters of the lines each cache holds


def _clear() -> None:
    _DENSITY.clear()
    _HELD.clear()


stopword_density.cache_clear = _clear  # type: ignore[attr-defined]
