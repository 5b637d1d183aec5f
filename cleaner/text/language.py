"""Step 3: which language a document, or one block of it, is written in.

Cheap first: the share of a text's words that are stopwords of each language we have a pack
for (the packs' ``stopwords`` lists) settles most cases in microseconds. langdetect (seeded, so
the answer never varies) is called only when that leaves doubt, and only on a bounded sample,
because it runs at roughly 0.1 MB/s.
"""
from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Mapping

from . import lower, words
from .stopwords import has_unspaced, stopword_density, stopword_hits
from ..memo import LINE_CACHE_CHARS, memo, on_clear_all

_WORD = re.compile(r"\w+")

# Thresholds for trusting the stopword vote without asking langdetect.
DOC_MIN_SHARE = 0.15  # the winner's stopwords make at least this share of the words
DOC_MIN_LEAD = 1.4  # and beat the runner-up by this factor
# A page of lists and names has few stopwords, but they still say which language it is when
# one language has this share and three times the runner-up's: on the dev bench's 1,292 page
# dumps, langdetect agreed with every such vote it was asked about (10 of its 25 calls).
DOC_CLEAR_SHARE = 0.10
DOC_CLEAR_LEAD = 3.0
BLOCK_MIN_WORDS = 8  # shorter blocks carry too little evidence to call foreign
OWN_LANGUAGE_SHARE = 0.12  # a block this much stopwords of the document's language is in it
SAMPLE_CHARS = 2000  # what langdetect sees at most
DOC_SAMPLE_CHARS = 6 * SAMPLE_CHARS  # what the stopword vote on a document sees
QUICK_SAMPLE_CHARS = 2 * SAMPLE_CHARS  # what its first, quick vote sees (the longest blocks)
BLOCK_SAMPLE_CHARS = 600  # a block's sample: enough for langdetect to be sure of a language
BLOCK_VOTE_CHARS = 10 * BLOCK_SAMPLE_CHARS  # what a block's stopword vote reads at most
MIN_DETECT_WORDS = 20  # below this (in a spaced script) langdetect is not asked
# Prose in a language we have stopwords for is at least this share stopwords in it; below it,
# the blocks langdetect was asked about on the dev bench were references, addresses and URLs,
# and its answers there (hu, ro, da for a reference list) were noise at ~15 ms a call.
FOREIGN_MIN_SHARE = 0.2
# Prose uses at least this many different function words of its language: a block whose
# leading language's share is one stopword over and over is no prose of it.
PROSE_MIN_STOPWORDS = 2
# Prose in a spaced script is mostly words of three letters or more (under a fifth of an English,
# Spanish or German sentence's words are shorter); a block where they are under half is not.
PROSE_WORD_CHARS = 3
PROSE_WORD_SHARE = 0.5
CACHE_SIZE = 2048  # documents' samples (up to 2,000 characters) and blocks remembered between rounds

_detect_lock = threading.Lock()
_detector_ready = False


@dataclass(frozen=True)
class LanguageGuess:
    lang: str | None
    method: str  # "given", "script", "stopwords", "declared", "langdetect", "none"
    confidence: float
    reason: str = ""  # why, in words, for the result's language_reason


# The reason a text too short to vote on gives (see cleaner.engine.pipeline: such a text still gets
# the generic rules and those of English and of a declared language).
SHORT_REASON = "too short ({} words) to tell"


# Scripts that name their language, counted letter by letter (Han and kana apart: kana is
# what tells Japanese from Chinese). A text's script is its letters' majority in
# word-equivalents (see cleaner.text): a Han or kana pair, five Thai letters, or five letters
# of a spaced script make a word.
_SCRIPT_RANGES = (
    ("hangul", "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af", 5),
    ("kana", "\u3041-\u3096\u30a1-\u30fa\u30fc\uff66-\uff9f", 2),
    ("han", "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff", 2),
    ("thai", "\u0e01-\u0e4e", 5),
    ("hebrew", "\u05d0-\u05ea", 5),
    ("greek", "\u0370-\u03ff", 5),
    ("arabic", "\u0620-\u064a\u0671-\u06d3\u06fa-\u06ff", 5),
    ("devanagari", "\u0900-\u097f", 5),
    ("cyrillic", "\u0400-\u04ff", 5),
)
_SCRIPT_CHARS = {name: re.compile(f"[{ranges}]") for name, ranges, _ in _SCRIPT_RANGES}
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Latin letters, their accents, and punctuation, symbols and spaces of every script
_LATIN_ONLY = re.compile(r"[\x00-\u036f\u1e00-\u1eff\u2000-\u2bff\u3000-\u3003\ufeff\uff01-\uff0f]*")
# The share of Han-and-kana letters that are kana from which a text is Japanese: Chinese
# writes none (a Japanese name in katakana is a few letters in a story), Japanese prose is
# about half kana, and a Japanese headline seldom has under a tenth.
KANA_SHARE_JA = 0.05
SCRIPT_MIN_LETTERS = 2  # letters of a script that names its language, enough even for a label
SCRIPT_MIN_HAN = 20  # Han alone (no kana) is Chinese from this many letters: "広告" could be either
_LANGUAGE_OF_SCRIPT = {"hangul": "ko", "thai": "th", "greek": "el", "hebrew": "he"}


@memo(16384, LINE_CACHE_CHARS)
def script_counts(text: str) -> dict[str, int]:
    """Letters per script of ``text`` (its first 4,000 characters), Latin included."""
    sample = text[:4000]
    if sample.isascii():
        return {"latin": len(_LATIN_LETTER.findall(sample))}
    counts = {name: len(pattern.findall(sample)) for name, pattern in _SCRIPT_CHARS.items()}
    counts["latin"] = len(_LATIN_LETTER.findall(sample))
    return {k: v for k, v in counts.items() if v}


def main_script(text: str) -> str:
    """The script most of ``text``'s words are written in ('latin' for text without letters);
    Han and kana count as one, "cjk", as do Japanese texts."""
    if text.isascii() or _LATIN_ONLY.fullmatch(text, 0, 4000):
        return "latin"  # most blocks: one scan in C, no count per script
    counts = script_counts(text)
    if not counts:
        return "latin"
    per_word = {name: size for name, _, size in _SCRIPT_RANGES}
    weights: dict[str, float] = {}
    for name, n in counts.items():
        key = "cjk" if name in ("han", "kana") else name
        weights[key] = weights.get(key, 0.0) + n / per_word.get(name, 5)
    return max(weights, key=weights.get)


def script_language(text: str) -> tuple[str | None, str]:
    """(language, reason) when ``text``'s script alone names its language: Hangul is Korean,
    Thai is Thai, Greek is Greek, Hebrew is Hebrew, Han with kana is Japanese and Han without
    is Chinese (from SCRIPT_MIN_HAN letters). (None, reason) when it leaves doubt: Latin,
    Cyrillic and Arabic letters are written in many languages, for the stopword vote and
    langdetect to tell apart."""
    script = main_script(text)
    if script == "cjk":
        counts = script_counts(text)
        kana, han = counts.get("kana", 0), counts.get("han", 0)
        if kana >= SCRIPT_MIN_LETTERS and kana >= KANA_SHARE_JA * (kana + han):
            return "ja", "script: Han and kana"
        if han >= SCRIPT_MIN_HAN:
            return "zh", "script: Han without kana"
        return None, "script: a few Han letters, Chinese or Japanese"
    # Latin, Cyrillic and Arabic name no language: their letters are not counted (a text
    # main_script read as Latin in one scan was counted script by script here, ten scans of
    # its first 4,000 characters, for nothing)
    lang = _LANGUAGE_OF_SCRIPT.get(script)
    if lang and script_counts(text).get(script, 0) >= SCRIPT_MIN_LETTERS:
        return lang, f"script: {script}"
    return None, f"script: {script}"


def _compact_profiles() -> None:
    """Load langdetect's profiles now and store each n-gram's probabilities as a tuple.

    The profiles are ~88,000 lists of floats that langdetect only reads. As lists, every full
    garbage collection walks them all for the rest of the process (measured: ~10% of the
    HTML path's time); a tuple of floats is untracked by the collector after its first pass.
    """
    try:
        from langdetect import detector_factory

        detector_factory.init_factory()
        table = detector_factory._factory.word_lang_prob_map
        for ngram, probs in table.items():
            table[ngram] = tuple(probs)
    except (AttributeError, TypeError):  # pragma: no cover - another langdetect layout
        pass


@memo(1024)
def _langdetect(sample: str) -> tuple[str | None, float]:
    """Seeded langdetect on a bounded sample; (None, 0.0) when it cannot tell. Remembered:
    a later round of cleaning often asks about the same sample (at ~15 ms a call)."""
    global _detector_ready
    try:
        from langdetect import DetectorFactory, detect_langs
        from langdetect.lang_detect_exception import LangDetectException
    except ImportError:  # pragma: no cover - a declared dependency
        return None, 0.0
    with _detect_lock:
        if not _detector_ready:
            DetectorFactory.seed = 0
            _compact_profiles()
            _detector_ready = True
    try:
        best = detect_langs(sample[:SAMPLE_CHARS])[0]
    except (LangDetectException, IndexError):
        return None, 0.0
    return best.lang.split("-")[0], best.prob


@memo(16384, LINE_CACHE_CHARS)
def tokens_of(text: str) -> tuple[str, ...]:
    """The lowercased words of a block (cached: the document's vote and the block's own
    judgement read the same blocks, and every round of cleaning reads them again)."""
    if "\n" in text:
        # a block of lines: their words, which the rules split (and cache) anyway; no word
        # spans a line break, so these are the block's words
        found = tuple(chain.from_iterable(map(words, text.split("\n"))))
    else:
        found = words(text)
    return tuple(lower(" ".join(found)).split(" ")) if found else ()


def _word_count(text: str) -> int:
    """``len(words(text))``, from the words of its lines (cached: the rules split them too)."""
    if "\n" in text:
        return sum(map(len, map(words, text.split("\n"))))
    return len(words(text))


def _sample_tokens(parts: list[str], limit: int = DOC_SAMPLE_CHARS) -> list[str]:
    """The words of ``"\\n".join(parts)[:limit]``, from the blocks' cached words (a line
    break never joins two words)."""
    tokens: list[str] = []
    pos = 0
    for part in parts:
        room = limit - pos
        if room <= 0:
            break
        if len(part) <= room:
            tokens.extend(tokens_of(part))
        else:
            tokens.extend(_WORD.findall(lower(part[:room])))
        pos += len(part) + 1
    return tokens


def _distinct_stopwords(tokens: list[str], stopwords: frozenset[str]) -> int:
    """How many different words of ``tokens`` are in ``stopwords``."""
    return len(stopwords.intersection(tokens))


def _without_soft_hyphens(text: str) -> str:
    """``text`` without soft hyphens (U+00AD): invisible break points inside words ("Mag-
    da-le-ner"), which would split one word into fragments that read as other languages'
    stopwords ("da", "le")."""
    return text.replace("\xad", "") if "\xad" in text else text


_SCRIPT_OF_LANGUAGE = {"ru": "cyrillic", "uk": "cyrillic", "bg": "cyrillic", "sr": "cyrillic",
                       "mk": "cyrillic", "el": "greek", "ar": "arabic", "fa": "arabic",
                       "ur": "arabic", "zh": "cjk", "ja": "cjk", "ko": "hangul", "th": "thai",
                       "he": "hebrew", "hi": "devanagari", "mr": "devanagari",
                       "ne": "devanagari"}


def script_of_language(lang: str | None) -> str:
    return _SCRIPT_OF_LANGUAGE.get(lang or "", "latin")


class LanguageModel:
    """Stopword lists of every loaded language pack, and the votes they give."""

    FOREIGN_MIN_CHARS = 2 * BLOCK_MIN_WORDS - 1  # a shorter block cannot hold the words to judge

    def __init__(self, stopwords: Mapping[str, frozenset[str]]):
        self.stopwords = dict(stopwords)
        # word -> languages it is a stopword of, so one pass over the tokens scores all.
        self._index: dict[str, tuple[str, ...]] = {}
        for lang, listed in self.stopwords.items():
            for word in listed:
                self._index[word] = self._index.get(word, ()) + (lang,)
        self._stopword_set = frozenset(self._index)
        # Each cleaning round asks again about the text that survived, mostly the same blocks.
        self._documents: dict[str, LanguageGuess] = {}
        self._blocks: dict[tuple[str, str], str | None] = {}

    def forget(self) -> None:
        """Empty the answers remembered between rounds (benchmarks start each run cold)."""
        self._documents.clear()
        self._blocks.clear()

    def shares(self, tokens: list[str]) -> list[tuple[float, str]]:
        """Stopword share per language, best first (``tokens`` as :func:`tokens` gives them:
        lowercased)."""
        if not tokens:
            return []
        counts: dict[str, int] = {}
        index = self._index
        if len(tokens) > 64:
            # A long text repeats its words: count them in C, then visit only the distinct
            # words that are stopwords somewhere (a set intersection, also in C).
            counted = Counter(tokens)
            weighted = ((t, counted[t]) for t in self._stopword_set.intersection(counted))
        else:
            weighted = ((t, 1) for t in tokens if t in index)
        for token, n in weighted:
            for lang in index[token]:
                counts[lang] = counts.get(lang, 0) + n
        total = len(tokens)
        return sorted(((c / total, lang) for lang, c in counts.items()), reverse=True)

    def document_language(self, blocks: list[str], declared: str | None = None) -> LanguageGuess:
        """The language of a document, judged from its longest blocks (nav text is short).
        ``declared`` is the language the page says it is in (``<html lang>``): it settles a
        vote the stopwords leave in doubt when it is the vote's leader, without langdetect.

        A first stopword vote reads only QUICK_SAMPLE_CHARS of the longest blocks (an
        article's paragraphs, where it has them): when that vote is clear, it is the answer, at
        a third of the cost; any other outcome is settled on the full sample. On the dev
        bench's 1,292 page dumps the two give the same language every time."""
        ordered = sorted(map(_without_soft_hyphens, blocks), key=len, reverse=True)
        if sum(map(len, ordered)) > QUICK_SAMPLE_CHARS:
            quick = self._judged(ordered, QUICK_SAMPLE_CHARS, declared, quick=True)
            if quick is not None:
                return quick
        return self._judged(ordered, DOC_SAMPLE_CHARS, declared)

    def _judged(self, ordered: list[str], limit: int, declared: str | None,
                quick: bool = False) -> LanguageGuess | None:
        """The verdict on the first ``limit`` characters of the blocks, longest first
        (remembered: rounds of cleaning ask again). ``quick``: only a clear stopword vote
        counts (None otherwise)."""
        sample_parts: list[str] = []
        size = 0
        for text in ordered:
            sample_parts.append(text)
            size += len(text)
            if size >= limit:
                break
        sample = "\n".join(sample_parts)[:limit]
        key = (sample, declared, quick)
        if key in self._documents:
            return self._documents[key]
        tokens = _sample_tokens(sample_parts, limit)
        if not quick:
            guess = self._sample_language(sample, tokens, declared)
        elif main_script(sample) in ("latin", "cyrillic"):
            guess = self._clear_vote(tokens)
        else:
            guess = None
        if len(self._documents) >= CACHE_SIZE:
            self._documents.clear()
        self._documents[key] = guess
        return guess

    def _clear_vote(self, tokens: list[str],
                    ranked: list[tuple[float, str]] | None = None) -> LanguageGuess | None:
        """The stopword vote's winner when it leads clearly (``ranked``: the vote, if taken
        already); None otherwise."""
        if len(tokens) < MIN_DETECT_WORDS:
            return None
        ranked = self.shares(tokens) if ranked is None else ranked
        if not ranked:
            return None
        top, lang = ranked[0]
        second = ranked[1][0] if len(ranked) > 1 else 0.0
        if (top >= DOC_MIN_SHARE and top >= DOC_MIN_LEAD * second) or (
                top >= DOC_CLEAR_SHARE and top >= DOC_CLEAR_LEAD * second):
            return LanguageGuess(lang, "stopwords", top)
        return None

    def _sample_language(self, sample: str, tokens: list[str],
                         declared: str | None = None) -> LanguageGuess:
        if not sample.strip():
            return LanguageGuess(None, "none", 0.0, "no letters")
        # The script first: Hangul, Thai, Greek, Hebrew, and Han with or without kana name
        # their language, however short the text (a lone "광고" is Korean).
        lang, reason = script_language(sample)
        if lang is not None:
            return LanguageGuess(lang, "script", 1.0, reason)
        script = main_script(sample)
        if len(tokens) < MIN_DETECT_WORDS:  # word-equivalents in every script
            # Too little text for any vote to be stable. Cleaning only ever shortens a text,
            # so its output lands here too: the same answer, and cleaning stays idempotent.
            return LanguageGuess(None, "none", 0.0, SHORT_REASON.format(len(tokens)))
        if script in ("latin", "cyrillic"):
            ranked = self.shares(tokens)
            clear = self._clear_vote(tokens, ranked)
            if clear is not None:
                return clear
            if ranked:
                top = ranked[0][0]
                if declared in self.stopwords and any(
                        share == top and name == declared for share, name in ranked):
                    # The page's own word, and the stopwords lean its way (or tie: Danish
                    # and Norwegian share a list). On the dev bench's pages, the declared
                    # language and langdetect disagreed once here, on German prose that
                    # langdetect read as English (0.71).
                    return LanguageGuess(declared, "declared", top)
        lang, prob = _langdetect(sample[:SAMPLE_CHARS])
        if lang is None:
            return LanguageGuess(None, "none", 0.0)
        return LanguageGuess(lang, "langdetect", prob)

    def foreign_language(self, text: str, doc_lang: str | None) -> str | None:
        """The block's language when it is confidently not ``doc_lang``; None otherwise."""
        if not doc_lang or len(text) < self.FOREIGN_MIN_CHARS:
            return None  # too short to hold BLOCK_MIN_WORDS words
        text = _without_soft_hyphens(text)
        if len(text) <= BLOCK_VOTE_CHARS and _word_count(text) < BLOCK_MIN_WORDS:
            return None  # most blocks of a page: too short to tell (their words are split anyway)
        key = (text, doc_lang)
        if key in self._blocks:
            return self._blocks[key]
        found = self._block_language(text, doc_lang)
        if len(self._blocks) >= CACHE_SIZE:
            self._blocks.clear()
        self._blocks[key] = found
        return found

    def _block_language(self, text: str, doc_lang: str) -> str | None:
        # The script first: a block in the document's own script that names its language
        # (a Japanese paragraph in a Japanese story, whatever English words it holds) is the
        # document's; a block in another script that names one is in that language.
        if not text.isascii():
            own_script, script = script_of_language(doc_lang), main_script(text)
            if script != own_script:
                lang, _reason = script_language(text)
                if lang is not None:
                    return None if lang == doc_lang else lang
            elif script in _LANGUAGE_OF_SCRIPT or script == "cjk":
                return None
        own_words = self.stopwords.get(doc_lang)
        if own_words and len(text) <= BLOCK_VOTE_CHARS and "İ" not in text:
            # The share in the document's language: the same words and count as below, as
            # lower() and str.lower() agree on every letter but İ. From the block's lowered
            # words when the document's vote took them already (its longest blocks); else
            # from its lines' shares (cached, and read again by the line classifier).
            lowered = tokens_of.cached(text)
            if lowered is not None and not has_unspaced(text):
                total, own = len(lowered), sum(map(own_words.__contains__, lowered))
            else:
                total = own = 0
                for line in text.split("\n"):
                    n, share = stopword_density(line, own_words)
                    total += n
                    own += round(share * n)
            if total < BLOCK_MIN_WORDS or own / total >= OWN_LANGUAGE_SHARE:
                return None  # most blocks: the document's own language
        tokens = tokens_of(text) if len(text) <= BLOCK_VOTE_CHARS \
            else _WORD.findall(lower(text[:BLOCK_VOTE_CHARS]))
        if len(tokens) < BLOCK_MIN_WORDS:
            return None
        if own_words and has_unspaced(text):  # stopwords inside the words (see stopwords.py)
            own = stopword_hits(text[:BLOCK_VOTE_CHARS], own_words)[1] / len(tokens)
        else:
            own = sum(map(own_words.__contains__, tokens)) / len(tokens) if own_words else 0.0
        if own >= OWN_LANGUAGE_SHARE:
            return None  # the document's own language, settled in one pass
        ranked = [(s, lang) for s, lang in self.shares(tokens) if lang != doc_lang]
        if ranked:
            top, lang = ranked[0]
            second = ranked[1][0] if len(ranked) > 1 else 0.0
            if top >= 0.2 and top >= 2 * second and own <= top / 3:
                return lang  # the stopwords alone are decisive
        if len(tokens) < 2 * BLOCK_MIN_WORDS:
            return None
        same_script = main_script(text) == script_of_language(doc_lang)
        if same_script and (not ranked or ranked[0][0] < FOREIGN_MIN_SHARE):
            # Same script, and no language's stopwords make a fifth of it: a reference list,
            # an address, a URL or a menu, not prose in another language. No need to ask.
            return None
        if same_script and \
                _distinct_stopwords(tokens, self.stopwords[ranked[0][1]]) < PROSE_MIN_STOPWORDS:
            # Same script, and the leading language's share is one word over and over ("Men's
            # Jacket" for Swedish "men", "<u>" for French "u", "/var/" for Spanish "var", GB/s
            # for an "s"): prose in a language uses several of its function words.
            return None
        if sum(len(t) >= PROSE_WORD_CHARS for t in tokens) < PROSE_WORD_SHARE * len(tokens):
            # Mostly one- and two-letter tokens: an alphabet index ("A | B | C ..."), initials,
            # words broken by soft hyphens, not prose. Single letters are stopwords of many
            # languages, so such blocks reached langdetect, which answered nothing on each of
            # them on the dev bench (at ~15 ms a call).
            return None
        return self._langdetect_block(text[:BLOCK_SAMPLE_CHARS], doc_lang)

    @staticmethod
    @lru_cache(maxsize=4096)
    def _langdetect_block(sample: str, doc_lang: str) -> str | None:
        guess, prob = _langdetect(sample)
        if guess and guess != doc_lang and prob >= 0.9:
            return guess
        return None


on_clear_all(LanguageModel._langdetect_block.cache_clear)
