"""The ``density`` kind: blocks dense in a vocabulary (cookie banners) and their neighbours.
"""
from __future__ import annotations

from itertools import accumulate
from typing import Any, Iterator, Optional

import regex

from ..context import Context
from ..prefilter import fold
from ...text.prose import is_prose
from ...text import lower
from .base import Rule


class DensityRule(Rule):
    """Lines with at least ``min_hits`` words from ``terms`` (matched as word prefixes), and
    next to such a line, neighbours with at least ``neighbour_hits``. With ``require``, a
    block must also contain one of those phrases: banners address the reader ("we use",
    "your"), while a news report about cookie banners does not. With ``anchors``, a line must
    name the banner's subject too ("cookie", "privacy policy", "accept all"): "consent",
    "partners" and "analytics" alone fill plenty of news paragraphs. A region of such lines
    with at least ``inside_share`` of the text's prose above it and as much below is part of
    the text (a policy's section on cookies), not a banner over it. With ``actions``, a
    region must also ask the reader to act ("accept", "manage", "by continuing"): an FAQ's
    answer about cookies informs, a banner asks. With ``notice_hits`` too, a line of at most
    ``notice_words`` words that asks the reader to act is a notice with that many terms."""

    KEY = "density"
    PHASE = 4
    PATTERN = False
    OPTIONS = {"min_hits": 2, "neighbour_hits": 1, "max_words": 200, "require": [], "anchors": [],
               "inside_share": 0.2, "actions": [], "notice_hits": 0, "notice_words": 40}

    @classmethod
    def value_problem(cls, value: Any) -> Optional[str]:
        if isinstance(value, list) and value and all(isinstance(t, str) and t for t in value):
            return None
        return "density must be a non-empty list of terms"

    def __init__(self, spec: dict, pack_name: str, pack_path: str, lazy: bool = False):
        super().__init__(spec, pack_name, pack_path, lazy)
        self._terms = self.value
        self._required = None
        self._anchors = None
        self._actions = None
        if not lazy:
            self._compile()

    def _compile(self) -> None:
        self.pattern = self._alternation(self._terms)
        require = self.options["require"]
        self._required = self._alternation(require, whole_words=True) if require else False
        anchors = self.options["anchors"]
        self._anchors = self._alternation(anchors) if anchors else False
        actions = self.options["actions"]
        self._actions = self._alternation(actions, whole_words=True) if actions else False

    @property
    def actions(self):
        if self._actions is None:
            self._compile()
        return self._actions or None

    @property
    def required(self):
        if self._required is None:
            self._compile()
        return self._required or None

    @staticmethod
    def _alternation(terms: list[str], whole_words: bool = False):
        """Terms match as word prefixes ("cookie" finds "cookies"); required ones as words.
        Terms are literals, so they are lowercased and matched against the lowercased text
        (much faster than IGNORECASE on a long alternation)."""
        lowered = sorted({lower(t) for t in terms}, key=len, reverse=True)
        alternation = "|".join(regex.escape(t) for t in lowered)
        end = r"(?!\w)" if whole_words else ""
        return regex.compile(rf"(?<!\w)(?:{alternation}){end}")

    def _read_literals(self) -> Optional[frozenset[str]]:
        # A line without a term scores 0; one without an anchor or required phrase too.
        terms = self.options["anchors"] or self.options["require"] or self._terms
        literals = frozenset(fold(t) for t in terms)
        return literals if literals and min(map(len, literals)) >= 2 else None

    def hits(self, ctx: Context, text: str, loose: bool = False) -> int:
        """The terms in ``text``; 0 without a required phrase or an anchor (``loose``: the
        terms alone, for a banner's buttons and links)."""
        if len(text) > 20 * self.options["max_words"] * 10:
            return 0  # far too long to be a banner: skip the scan
        text = lower(text)
        try:
            required = self.required  # compiles the alternations on first use
            if loose:
                pass
            elif required is not None and not required.search(text, timeout=self.timeout):
                return 0
            elif self._anchors and not self._anchors.search(text, timeout=self.timeout):
                return 0
            return len(self.pattern.findall(text, timeout=self.timeout))
        except TimeoutError:
            return 0

    def apply(self, ctx: Context) -> None:
        """Judged line by line (an extractor's output is often one block per document, and a
        whole article must not go for the banner under it); the hit lines then grow over
        neighbouring lines that carry a hit of their own."""
        o = self.options
        lines = ctx.alive_lines()
        candidates = ctx.candidates(self)
        words_in, max_words = ctx.word_counts(), o["max_words"]
        counts = [self.hits(ctx, ctx.text[i])
                  if words_in[i] <= max_words and (candidates is None or i in candidates)
                  else 0 for i in lines]
        hit = {p for p, c in enumerate(counts) if c >= o["min_hits"]}
        if o["notice_hits"] and self.actions is not None:
            # a short notice that names itself and asks the reader to act ("We use cookies
            # to improve your experience. By continuing to browse, you agree to our use of
            # cookies.") needs fewer terms than a banner's paragraph
            hit.update(p for p, (i, c) in enumerate(zip(lines, counts))
                       if o["notice_hits"] <= c < o["min_hits"] and words_in[i] <= o["notice_words"]
                       and self.actions.search(lower(ctx.text[i])))
        if self.pack_kind == "language" and ctx.lang and ctx.lang not in self.pack_languages:
            # A pack brought by a block in its language (see pipeline._choose): its banner is
            # that block, or one next to it naming two of its terms or more (a banner's first
            # sentence alone is too short to be told foreign). A line of the document's own
            # language holding its terms is no banner ("Ok(None) ... Ok(Some(_))" in Rust's
            # documentation took the French "ok" thrice).
            block_of, foreign, langs = ctx.doc.block_of, ctx.foreign, self.pack_languages

            def in_its_language(i: int) -> bool:
                b = block_of[i]
                if foreign.get(b) in langs:
                    return True
                if b < 0 or (foreign.get(b - 1) not in langs and foreign.get(b + 1) not in langs):
                    return False
                try:
                    return len(set(self.pattern.findall(lower(ctx.text[i]),
                                                        timeout=self.timeout))) >= 2
                except TimeoutError:
                    return False

            hit = {p for p in hit if in_its_language(lines[p])}
        if not hit:
            return
        # The hit lines grow over their neighbours with a term of their own. A banner's
        # buttons and links ("Accept all", "Manage preferences") name its terms without
        # addressing the reader: next to a banner, they count (read wherever the prefilter's
        # literals are not: a button names a term, not an anchor).
        loose: dict[int, int] = {}

        def near(p: int) -> int:
            if counts[p] or words_in[lines[p]] > BUTTON_WORDS:
                return counts[p]
            if p not in loose:
                loose[p] = self.hits(ctx, ctx.text[lines[p]], loose=True)
            return loose[p]

        edge = sorted(hit)
        while edge:
            grown = []
            for q in edge:
                for p in (q - 1, q + 1):
                    if 0 <= p < len(lines) and p not in hit and near(p) >= o["neighbour_hits"]:
                        hit.add(p)
                        grown.append(p)
            edge = grown
        # A banner sits over the text, at its top or bottom edge; a region with the text's
        # own prose on both sides is the text talking about its subject (a privacy policy's
        # section on cookies, an FAQ's answer), and stays.
        # (A foreign block's prose is not the text's own: a banner in another language
        # carries sentences of its own.)
        block_of, foreign = ctx.doc.block_of, ctx.foreign
        prose = [0 if p in hit or block_of[i] in foreign
                 else (ctx.nwords(i) if is_prose(ctx.text[i]) else 0)
                 for p, i in enumerate(lines)]
        before = list(accumulate(prose, initial=0))
        total, inside = before[-1], o["inside_share"] * before[-1]
        for start, end in _runs(sorted(hit)):
            if total and before[start] >= inside and total - before[end + 1] >= inside:
                continue
            region = [lines[p] for p in range(start, end + 1)]
            if self.actions is not None and not any(
                    self.actions.search(lower(ctx.text[i])) for i in region):
                continue  # nothing asks the reader to act: a text about cookies, not a banner
            for i in region:
                ctx.drop(i, self)


BUTTON_WORDS = 6  # a banner's button or link: "Accept all", "Manage preferences"


def _runs(positions: list[int]) -> Iterator[tuple[int, int]]:
    """(first, last) of each run of consecutive numbers in sorted ``positions``."""
    start = prev = None
    for p in positions:
        if start is None:
            start = prev = p
        elif p == prev + 1:
            prev = p
        else:
            yield start, prev
            start = prev = p
    if start is not None:
        yield start, prev
