"""What a line of text is made of: its words (in every script), its lowercase form for
matching, whether it ends a sentence, reads as a list item or a menu, and its form for
comparing lines. The helpers every step shares (segmenting, language, rules, the classifier,
the HTML reader); what reads as *prose* is :mod:`cleaner.text.prose`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate
from typing import Iterable

from ..memo import LINE_CACHE_CHARS, memo, on_clear_all

# Scripts written without spaces between words (Han, kana, Thai): a run of their letters is
# counted in word-equivalents of a fixed number of characters, measured on this project's
# news samples (corpus_samples/tricky/{zh,ja,th}-*) with full segmenters: jieba for Chinese,
# 1.78 characters a word; janome for Japanese, 1.66; PyThaiNLP's newmm for Thai, 4.82 (Thai
# writes vowels and tone marks as characters of their own). Pairs of Han or kana and runs of
# five Thai characters give, line by line, 0.94 (zh), 0.86 (ja) and 1.01 (th) of the
# segmenters' counts (mean error 6%, 13% and 11% a line), at the cost of one regular
# expression and no dependency: "10 words of prose", ``max_words`` and every other count mean
# about the same in every script. Korean and the other scripts put spaces between words and
# are split there, as Latin is.
NO_SPACE_CJK = "\u3005-\u3007\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff" \
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f"
NO_SPACE_THAI = "\u0e01-\u0e3a\u0e40-\u0e4e"
CJK_CHARS_PER_WORD = 2
THAI_CHARS_PER_WORD = 5


def _marks() -> str:
    """The combining marks of the scripts that put spaces between words but write vowels and
    points as marks (Hebrew, Arabic, the Indic scripts...): ``\\w`` leaves them out, which
    split a Hindi word at each vowel sign. Latin's combining accents are left as they were."""
    import unicodedata
    out = []
    for lo, hi in ((0x0591, 0x08FF), (0x0900, 0x0DFF), (0x0F00, 0x109F), (0x1780, 0x17FF)):
        for code in range(lo, hi + 1):
            if unicodedata.category(chr(code)) in ("Mn", "Mc") and not 0x0E00 <= code <= 0x0E7F:
                out.append(chr(code))
    return "".join(out)


_MARKS = _marks()
_WORD = re.compile(
    f"[{NO_SPACE_CJK}]{{1,{CJK_CHARS_PER_WORD}}}|[{NO_SPACE_THAI}]{{1,{THAI_CHARS_PER_WORD}}}"
    f"|(?:[^\\W{NO_SPACE_CJK}{NO_SPACE_THAI}]|[{re.escape(_MARKS)}])+")
_SIMPLE_WORD = re.compile(r"\w+")  # text in the scripts below Hebrew: the same tokens, faster
# Sentence ends are read off the line's last characters (a regex search for "...\s*$" would
# try every position of the line): terminal punctuation, optionally followed by closing quotes
# or brackets, is the last non-space character; an ellipsis, perhaps inside a closing bracket,
# is not a sentence end. The Devanagari danda ("।", "॥") ends a Hindi sentence as "." does, and
# "؟" is the question mark of Arabic and Persian; 「」『』（） close a Japanese or Chinese quote.
_TERMINAL_CHARS = frozenset(".!?。！？।॥؟»”\"')]」』）")
_CLOSING_BRACKETS = ("]", ")")


WORDS_CACHE_SIZE = 32768
_WORDS: dict[str, tuple[str, ...]] = {}  # line -> its words (see cleaner.memo for why a dict)
words_if_cached = _WORDS.get  # a line's words when they were split already, else None
_held = [0]  # characters of the lines in _WORDS (bounded by LINE_CACHE_CHARS)


def words(text: str) -> tuple[str, ...]:
    """The ``\\w+`` tokens of ``text`` (Unicode-aware); cached, as rules ask for the same
    line's words many times (and again in each round). The cache is inline, not a
    :func:`~cleaner.memo.memo` wrapper: this is the most called function of a run."""
    found = words_if_cached(text)
    if found is None:
        if len(text) > 4096:
            return _long_words(text)
        if len(_WORDS) >= WORDS_CACHE_SIZE or _held[0] >= LINE_CACHE_CHARS:
            _clear_words()
        found = _WORDS[text] = tuple(_split_words(text))
        _held[0] += len(text)
    return found


def _clear_words() -> None:
    _WORDS.clear()
    _held[0] = 0


words.cache_clear = on_clear_all(_clear_words)  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def _long_words(text: str) -> tuple[str, ...]:
    return tuple(_split_words(text))  # the huge line in hand: split it once


on_clear_all(_long_words.cache_clear)


def _split_words(text: str) -> list[str]:
    """The word-equivalents of ``text`` (see _WORD)."""
    # (one regex scan in C; max(text) made a string object of each character, at ~5x the
    # cost, and _LATIN_ONLY holds every character below U+0590 anyway)
    if text.isascii() or _LATIN_ONLY.fullmatch(text):
        return _SIMPLE_WORD.findall(text)
    return _WORD.findall(text)


_LATIN_ONLY = re.compile(r"[\x00-\u058f\u2000-\u2bff]*")  # no script beyond Latin, Greek, Cyrillic,
# Armenian (and punctuation): \\w+ gives the same tokens there, faster


def line_starts(text: str) -> list[int]:
    """Where each ``\\n``-separated line of ``text`` starts, plus ``len(text) + 1`` at the end
    (so line ``k`` is ``text[starts[k]:starts[k + 1] - 1]``), summed without a Python loop;
    ``bisect_right(starts, pos) - 1`` is the line holding ``pos``."""
    return list(accumulate(map(_PLUS_ONE, map(len, text.split("\n"))), initial=0))


_PLUS_ONE = (1).__add__


def ends_sentence(text: str) -> bool:
    """True when the line ends like a finished sentence (not with an ellipsis)."""
    end = text.rstrip()
    if not end:
        return False
    if end[-1] in _TERMINAL_CHARS:
        return not _ellipsis_at_end(end)
    return "\u0e01" <= end[-1] <= "\u0e4e" and thai_sentence(end)


THAI_SENTENCE_CHARS = 100  # a Thai line this long, ending in a letter, is a sentence
_THAI_PHRASES = re.compile(f"[{NO_SPACE_THAI}] +[{NO_SPACE_THAI}]")


def thai_sentence(end: str) -> bool:
    """Thai marks no sentence end: a paragraph ends with its last letter, and clauses are set
    apart by spaces. A line that ends in a Thai letter reads as a finished sentence when it
    holds two such clauses or THAI_SENTENCE_CHARS characters; a headline or a teaser is one
    run of letters. (In doubt it reads as a headline, and a section's teaser list then ends
    at the first clause-spaced line.)"""
    return len(end) >= THAI_SENTENCE_CHARS or bool(_THAI_PHRASES.search(end))


def _ellipsis_at_end(end: str) -> bool:
    """``end`` (right-stripped) closes with "..." or "…", perhaps then one ")" or "]"."""
    if end.endswith(_CLOSING_BRACKETS):
        end = end[:-1].rstrip()
    return end.endswith(("...", "…"))


# A bullet, a number, or a lowercase "o" before a capital: the nested list's bullet that
# text-mode browsers (lynx) and word processors' text export print ("o ITP: antibody has low
# sensitivity", "o Post-transfusion purpura"); no sentence opens so. A wrapped Spanish or
# Portuguese line may go on with "o" and a name: read as a list's line, it is only kept the
# more readily.
_LIST_ITEM = re.compile(r"^\s*([-–•*·▪►✓]|\d{1,2}[.)]|o(?=\s+[A-Z]))\s+\S")


def lower(text: str) -> str:
    """Lowercase for matching: like ``str.lower`` but the Turkish dotted İ becomes a plain i
    (``str.lower`` gives i plus a combining dot, which no pattern written with i matches)."""
    return text.replace("İ", "i").lower()


def is_list_item(text: str) -> bool:
    """A bulleted or numbered item ("- Salt", "• 2 eggs", "3. Stir"): written as a list."""
    return bool(_LIST_ITEM.match(text))


def is_menu(text: str) -> bool:
    """Two or more menu separators ('|', '•', '·'): a nav bar, never a headline."""
    return sum(text.count(c) for c in "|•·") >= 2


def ends_with_ellipsis(text: str) -> bool:
    return _ellipsis_at_end(text.rstrip())


_LEADING_PUNCT = re.compile(r"[\W_]*")


_QUOTES = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("„", '"'), ("«", '"'), ("»", '"'))


@memo(65536, LINE_CACHE_CHARS)
def comparable(text: str) -> str:
    """A line reduced for comparison: case-folded, spaces collapsed, quotes straightened,
    edge punctuation gone."""
    if not text.isascii():
        for curly, straight in _QUOTES:  # replace() per quote beats translate() tenfold
            if curly in text:
                text = text.replace(curly, straight)
    text = " ".join(text.split()).casefold()  # split() and \s agree on what is a space
    start = _LEADING_PUNCT.match(text).end()
    end = len(text) - _LEADING_PUNCT.match(text[::-1]).end()  # linear, unlike [\W_]+$
    return text[start:end] if end > start else ""


def repeated(keys: Iterable[str]) -> set[str]:
    """The non-empty ``keys`` (lines reduced by :func:`comparable`) that occur more than once."""
    seen: set[str] = set()
    twice: set[str] = set()
    for key in keys:
        if key:
            (twice if key in seen else seen).add(key)
    return twice
