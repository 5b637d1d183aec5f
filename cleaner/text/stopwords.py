"""The share of a line's words that are stopwords of a language, cached per line.

The line classifier judges every line by it, and the foreign-block check reads a block's
share in the document's language off its lines, so each line is counted once for both (and
again for nothing in later rounds of cleaning).

In scripts written without spaces (Chinese, Japanese, Thai) a stopword is not a token of its
own: it is found as a substring of the line (the longest one at each place, without overlaps,
by one Aho-Corasick scan), and the share is its hits over the line's word-equivalents (see
cleaner.text). Korean puts spaces between words and writes its particles onto their ends, so a
Hangul word counts once, when it is a stopword or ends with one. A share never exceeds 1: a
line's hits are capped at its word count. Every reader of stopword shares (the classifier, the foreign-block check,
sentence joining) goes through :func:`stopword_hits` or :func:`stopword_density`.
"""
from __future__ import annotations

import re

import ahocorasick

from ..memo import LINE_CACHE_CHARS, on_clear_all
from . import NO_SPACE_CJK, NO_SPACE_THAI, words

DENSITY_SAMPLE_CHARS = 20_000  # a line's stopword share is judged on at most this much of it
DENSITY_CACHE_SIZE = 32768
DENSITY_LISTS = 8  # lists whose caches may hold lines at once; past that, the others are emptied


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
    n, hits = stopword_hits(text[:DENSITY_SAMPLE_CHARS], stop)
    return n, (hits / n if n else 0.0)


# Korean puts spaces between words, but its function words are particles written onto them
# ("정류장에", "광고를"): a Hangul word is a hit when it ends with a stopword. Found anywhere
# inside the word, as in the scripts without spaces, one word would score several hits
# ("사용합니다" holds 사 and 하, neither a particle there) and a line more hits than words.
_HANGUL = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"
_NO_SPACE = re.compile(f"[{NO_SPACE_CJK}{NO_SPACE_THAI}{_HANGUL}]")
_UNSPACED = re.compile(f"[{NO_SPACE_CJK}{NO_SPACE_THAI}]")  # stopwords found inside words
_HANGUL_LETTER = re.compile(f"[{_HANGUL}]")


def has_unspaced(text: str) -> bool:
    """Does ``text`` hold letters whose stopwords are found inside words (Han, kana, Thai,
    Hangul)?"""
    # isascii() settles most lines at once; the rest are one regex scan in C (a max(text)
    # before it, to settle Latin, Cyrillic and Greek text, cost four times the scan: it makes
    # a string object of each character)
    return not text.isascii() and bool(_NO_SPACE.search(text))


def stopword_hits(text: str, stop: frozenset) -> tuple[int, int]:
    """(word count, stopwords among them) of ``text``: spaced words are looked up whole;
    in scripts without spaces the list's entries are found as substrings."""
    tokens = words(text)
    if not tokens:
        return 0, 0
    if not has_unspaced(text):
        lowered = " ".join(tokens).lower().split(" ")  # one lower() call, as one per word
        return len(tokens), sum(map(stop.__contains__, lowered))
    hits = 0
    longest = _longest_hangul(stop)
    for t in tokens:
        if _UNSPACED.search(t):
            continue  # counted by the scan below
        if _HANGUL_LETTER.search(t):
            hits += any(t[-k:] in stop for k in range(1, min(len(t), longest) + 1))
        else:
            hits += t.lower() in stop
    finder = _finder(stop)
    if finder is not None:
        hits += sum(1 for _ in finder.iter_long(text))
    return len(tokens), min(hits, len(tokens))


def _longest_hangul(stop: frozenset) -> int:
    """The length of the longest Hangul entry of ``stop`` (0 when it has none), once per list."""
    found = _LONGEST_HANGUL.get(stop)
    if found is None:
        found = _LONGEST_HANGUL[stop] = max(
            (len(w) for w in stop if _HANGUL_LETTER.search(w)), default=0)
    return found


_LONGEST_HANGUL: dict[frozenset, int] = {}


def _finder(stop: frozenset):
    """An automaton of the entries of ``stop`` written in a script without spaces (Han, kana,
    Thai; None when it has none), built once per list."""
    if stop in _FINDERS:
        return _FINDERS[stop]
    unspaced = [w for w in stop if _UNSPACED.search(w)]
    finder = None
    if unspaced:
        finder = ahocorasick.Automaton()
        for w in unspaced:
            finder.add_word(w, len(w))
        finder.make_automaton()
    _FINDERS[stop] = finder
    return finder


_FINDERS: dict[frozenset, object] = {}


_DENSITY: dict[frozenset, dict[str, tuple[int, float]]] = {}
_HELD: dict[frozenset, int] = {}  # characters of the lines each cache holds


def _clear() -> None:
    _DENSITY.clear()
    _HELD.clear()


stopword_density.cache_clear = on_clear_all(_clear)  # type: ignore[attr-defined]
