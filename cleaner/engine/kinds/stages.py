"""The pipeline's stages that judge lines by place and neighbours: ``repeat``, ``head``,
``foreign`` and ``cluster`` (the line classifier is :mod:`cleaner.engine.kinds.classify`).
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Any, Optional

import regex

from ...categories import FURNITURE
from ..context import Context
from ...text import comparable, ends_sentence, line_starts, repeated, words
from ..prefilter import text_parts
from ...text.leadin import ends_with_colon
from ...text.prose import ends_with_full_stop, is_prose, table_cells
from ...text.shape import item_field_runs
from .base import Rule


class RepeatRule(Rule):
    """``title``: later copies of the headline, bare or with a short label joined by ':', '|',
    '-' or '»' (the copy without a label is the one kept). ``lines``: second and later copies
    of any line of up to ``max_words`` words, except table rows of two or more filled cells
    (a header row over each table, "| Fee: | $95 |" in each record): a table repeats by design;
    and a copy that heads a paragraph of prose (see :meth:`_heads_prose`)."""

    EVIDENCE = False
    STAGE = True
    KEY = "repeat"
    PHASE = 2
    PATTERN = False
    # heading_prose_words: a copy over a finished sentence this long is a heading (see
    # _heads_prose), which the rule leaves
    OPTIONS = {"max_affix_words": 4, "max_words": 40, "heading_prose_words": 30}
    _SEPARATORS = regex.compile(r"\s*[:|\-–—»·]\s*")

    @classmethod
    def value_problem(cls, value: Any) -> Optional[str]:
        return None if value in ("title", "lines") else f"repeat must be 'title' or 'lines', got {value!r}"

    @property
    def settled_after_a_round(self) -> bool:
        # "lines": every line that survived had a key no line before it shared, and the lines
        # before it in a later round are some of those; or it headed prose, as the round
        # found it (the heading is then the classifier's to judge, round after round).
        # ("title" follows the headline, which can change as the lines above it go.)
        return self.value == "lines"

    def apply(self, ctx: Context) -> None:
        if self.value == "title":
            self._titles(ctx)
        else:
            self._lines(ctx)

    def _bare(self, text: str, title: str) -> bool | None:
        """True if ``text`` is the title, False if it is the title plus a label, else None."""
        line = comparable(text)
        if line == title:
            return True
        if title not in line or len(line) > len(title) + 60:
            return None
        head, _, tail = line.partition(title)
        for affix, sep_at_end in ((head, True), (tail, False)):
            if not affix:
                continue
            parts = self._SEPARATORS.split(affix)
            label = parts[0] if sep_at_end else parts[-1]
            if len(parts) < 2 or len(words(label)) > self.options["max_affix_words"]:
                return None
        return False

    def _titles(self, ctx: Context) -> None:
        t = ctx.title
        if t is None:
            return
        title = comparable(ctx.text[t])
        bare_title = title
        # A page title with a site suffix ("Headline - CBS News") pairs with the bare headline.
        first_sep = self._SEPARATORS.split(ctx.text[t])
        # A copy of the title holds its longest word, and a shorter headline its first word,
        # in the line as casefolded (comparable() only folds case, straightens quotes and
        # collapses spaces around words): a cheap test that spares most lines comparable().
        title_words = words(title)
        longest = max(title_words, key=len) if title_words else ""
        first = title_words[0] if title_words and len(first_sep) > 1 else None
        copies = []
        needles = [longest] if first is None else [longest, first]
        for i in _lines_holding(ctx.text, [i for i in ctx.alive_lines() if i != t], needles):
            kind = self._bare(ctx.text[i], title)
            if kind is None and len(first_sep) > 1:
                candidate = comparable(ctx.text[i])
                if title.startswith(candidate) and len(words(candidate)) >= 4:
                    bare_title = candidate
                    kind = "shorter"
            if kind is not None:
                copies.append((i, kind))
        if not copies:
            return
        if any(kind == "shorter" for _, kind in copies):
            # the first line was the page title; keep the first bare headline instead
            keep = next(i for i, kind in copies if kind == "shorter")
            ctx.drop(t, self)
            for i, _ in copies:
                if i != keep and self._bare(ctx.text[i], bare_title) is not None:
                    ctx.drop(i, self)
            return
        for i, _ in copies:
            ctx.drop(i, self)

    @staticmethod
    def _fragment(text: str, stop: Optional[frozenset]) -> bool:
        """A piece of a sentence an extractor broke at its links ("the", "of", "and"): only
        function words, in lower case. No menu entry reads like that ("More", "About us")."""
        if not stop or not text.strip()[:1].islower():
            return False  # most lines: settled by their first character
        tokens = words(text)
        return bool(tokens) and all(t.lower() in stop for t in tokens)

    def _heads_prose(self, ctx: Context, i: int, after: Optional[int]) -> bool:
        """Line ``i`` heads a paragraph of prose: three words or more, no sentence itself, and
        the next line (``after``; none that rules took between them: a byline's name over a
        dateline and the story is no heading) a finished one of ``heading_prose_words`` or
        more words. A table of contents' entry told again over its section ("Nature of the
        Work"), a blog's "recent posts" title told again over the post: the copy is the
        heading, and the classifier judges it as one. A menu printed twice is followed by its
        next entry, a teaser list's by the next teaser; a comment thread's "Reply" over each
        comment is a word or two, and goes."""
        return after is not None and ctx.removed[after] is None and ctx.nwords(i) >= 3 \
            and ctx.nwords(after) >= self.options["heading_prose_words"] \
            and ends_sentence(ctx.text[after]) and not ends_sentence(ctx.text[i])

    @staticmethod
    def _field_lists(ctx: Context) -> set[int]:
        """The lines of bulleted field lists (see :func:`cleaner.text.shape.item_field_runs`)
        each told with values of its own: a game's system requirements for each system ("-
        Memory: 4 GB RAM" in two of them), a course's facts for each course ("• Duration: 40
        hours"). A field told again in another list is that list's data, as a table's cell
        is; a list told again whole, value for value, is a copy, and goes."""
        nonblank = ctx.nonblank_lines()
        texts = [ctx.text[i] for i in nonblank]
        found: set[int] = set()
        told: set[tuple[str, ...]] = set()
        for run in item_field_runs(texts):
            values = tuple(comparable(texts[k]) for k in run)
            if values not in told:
                told.add(values)
                found.update(nonblank[k] for k in run)
        return found

    def _lines(self, ctx: Context) -> None:
        seen: set[str] = set()
        max_words = self.options["max_words"]
        stop = ctx.model.stopwords.get(ctx.lang) if ctx.model is not None and ctx.lang else None
        counts = ctx.word_counts()
        nonblank = ctx.nonblank_lines()
        following = dict(zip(nonblank, nonblank[1:]))  # the next line, whether rules took it
        todo = [i for i in ctx.alive_lines() if counts[i] <= max_words]
        keys = [comparable(ctx.text[i]) for i in todo]
        # A line whose key no other line shares is neither a copy nor the original of one.
        shared = repeated(keys)
        # (asked only of the lines whose key another shares: most lines are read as no cell)
        cells = ctx.lines_in_tables([i for i, key in zip(todo, keys) if key in shared]) if shared \
            else set()
        fields: Optional[set[int]] = None  # asked once a copy is found
        first: dict[str, int] = {}  # each key's first line
        for i, key in zip(todo, keys):
            if key not in shared or i in cells:
                continue  # a table's cells repeat by design ("Yes", "For-Profit", "8KHz")
            text = ctx.text[i]
            if "|" in text and len(table_cells(text) or ()) >= 2:
                continue  # a table's header row over each table, a label in each record: data
            if stop and self._fragment(text, stop):
                continue
            if not key:
                continue
            if key in seen:
                if fields is None:
                    fields = self._field_lists(ctx)
                if i not in fields and not self._heads_prose(ctx, i, following.get(i)) and \
                        not _labels_own_value(ctx, i, following.get(i), following.get(first[key])):
                    ctx.drop(i, self)
            else:
                seen.add(key)
                first[key] = i


LABEL_WORDS = 4  # a field's label over its value ("Weight:", "Trip Length/Capacity:")
VALUE_WORDS = 8  # and the value ("2 lb 9 oz", "Non-rechargeable"): no heading's first entry


def _labels_own_value(ctx: Context, i: int, after: Optional[int], first_after: Optional[int]) -> bool:
    """Is the copy at line ``i``, in a page's text as the HTML reader chose it, a record's
    field label over a value of its own: a label (LABEL_WORDS words at most, ending in ':')
    whose next line (``after``; none that rules took) is a short value (VALUE_WORDS words at
    most), no label, and differs from the line under the label's first copy
    (``first_after``)? Each card of a shop's category and each section of a spec sheet tells
    its own "Weight:" and "Gear Capacity:"; a block printed twice tells its next line again.
    A heading with a colon over a list ("Related posts:" over a post's title) is told again
    over another entry, no value: that copy still goes, and no section rule reads it as a
    heading of what follows. Not in plain text: the line classifier reads a dump's lines
    with their neighbours, and labels given back there moved its judgement of the paragraphs
    around them (text:cleaneval lost 18 article lines, 4 pages more in all rows); nor in a
    thread, whose posters' cards tell "Likes Received:" and "Best Answers:" with each post
    (``Context.record_labels``)."""
    text = ctx.text[i].rstrip()
    if not ctx.record_labels or not ends_with_colon(text) or ctx.nwords(i) > LABEL_WORDS or \
            after is None or first_after is None or ctx.removed[after] is not None:
        return False
    value = ctx.text[after].rstrip()
    return bool(value) and ctx.nwords(after) <= VALUE_WORDS and not ends_with_colon(value) and \
        comparable(value) != comparable(ctx.text[first_after])


def _lines_holding(text: list[str], lines: list[int], needles: list[str]) -> list[int]:
    """Those of ``lines`` (in order) whose casefolded text holds one of ``needles`` (words,
    never a line break): the lines are casefolded in one call per part of the document
    (:func:`~cleaner.engine.prefilter.text_parts`), joined, and searched with find(), rather than one
    casefold and test per line."""
    if not lines or not all(needles):
        return list(lines)  # "" is in every line
    chosen = [text[i] for i in lines]
    found: list[int] = []
    for start, end in text_parts(chosen):
        folded = "\n".join(chosen[start:end]).casefold()  # casefold never makes a "\n"
        starts = line_starts(folded)
        hits: set[int] = set()
        for needle in needles:
            at = folded.find(needle)
            while at >= 0:
                p = bisect_right(starts, at) - 1
                hits.add(p)
                at = folded.find(needle, starts[p + 1])  # on to the next line
        found.extend(lines[start + p] for p in sorted(hits))
    return found


class HeadRule(Rule):
    """Short labels above the headline: a category ("NATO"), a stray link ("Contact Us"); not
    the page's own headline as the HTML reader showed it (``Context.page_headline``)."""

    EVIDENCE = False
    STAGE = True
    KEY = "head"
    PHASE = 2
    PATTERN = False
    OPTIONS = {"max_words": 3}

    def apply(self, ctx: Context) -> None:
        t = ctx.title
        if t is None:
            return
        # The text's headline is a guess (the first line of 4-30 words); a page's reader
        # knows its own: the h1 it showed is the headline, never a label above one, however
        # short ("Video Games", "Lights", "Multiple Monitor Mounts" above the first card).
        own = ctx.page_headline
        for i in ctx.alive_lines():
            if i == own:
                continue
            if i >= t:
                break
            if ctx.nwords(i) <= self.options["max_words"] and not ends_sentence(ctx.text[i]):
                ctx.drop(i, self)


class ForeignRule(Rule):
    """A run of blocks in one language other than the document's, dropped whole when other
    rules already removed lines in it or right next to it (the cookie banner in Turkish under
    an English story); a foreign quotation inside the article has no such neighbours. A
    post's frame is no such removal for a run of prose (:meth:`_frame`): a blog's page sets a
    date stamp above each post and a divider under it, whatever language the post quotes."""

    EVIDENCE = False
    STAGE = True
    KEY = "foreign"
    PHASE = 5
    NEEDS_CONTEXT = True
    PATTERN = False
    OPTIONS = {}

    def apply(self, ctx: Context) -> None:
        if not ctx.foreign:
            return
        nb = len(ctx.doc.blocks)
        b = 0
        while b < nb:
            lang = ctx.foreign.get(b)
            if not lang:
                b += 1
                continue
            end = b
            while end + 1 < nb and (ctx.foreign.get(end + 1) == lang or not ctx.block_alive(end + 1)):
                end += 1
            run = range(b, end + 1)
            edges = [x for x in (b - 1, end + 1) if 0 <= x < nb]
            cut = [i for r in run for i in ctx.block_lines(r) if ctx.removed[i] is not None]
            cut += [i for x in edges if not ctx.block_alive(x) for i in ctx.block_lines(x)]
            touched = bool(cut)
            if touched and all(self._frame(ctx, i) for i in cut):
                # only a post's frame borders it: a quoted paragraph stays, a line of
                # furniture in another language (an author's card) goes as before
                touched = not any(is_prose(ctx.text[i]) for r in run for i in ctx.block_lines(r)
                                  if ctx.alive(i))
            if touched:
                for r in run:
                    for i in ctx.block_lines(r):
                        ctx.drop(i, self)
            b = end + 1

    @staticmethod
    def _frame(ctx: Context, i: int) -> bool:
        """Was line ``i`` removed as a post's frame: a date stamp, or a divider (a line of no
        letter or digit)?"""
        mark = ctx.removed[i]
        return mark is not None and mark.category == "dateline" or \
            not any(ch.isalnum() for ch in ctx.text[i])


class ClusterRule(Rule):
    """A block of short lines (bylines, datelines, "Subscribe", photo credits) of which other
    rules removed at least ``min_share`` as page furniture: the rest of it goes too.

    With ``caption_words``, also the caption under a photo credit a rule took ("Foto: Trond
    Myklebust" / "Ferjen «Vikøy» ved kaien i Strandvik tirsdag morgen."): the next line, when
    it is one sentence of at most that many words and a longer paragraph follows it (a
    story's paragraph after a credit is seldom that short, and a subheading ends with no
    full stop).

    With ``names``, also a line that is a name and nothing else ("Anna Kowalczyk", "Lucía
    Berenguer Tomás") between the standfirst and a byline or dateline a rule took, or between
    such a line and the story's first paragraph: the byline whose name the rules could not
    read as one. A short headline right over the byline ("Storm Closes Schools") has no
    sentence above it, and stays."""

    EVIDENCE = False
    STAGE = True
    KEY = "cluster"
    PHASE = 6
    NEEDS_CONTEXT = True
    PATTERN = False
    OPTIONS = {"max_words": 8, "min_share": 0.5, "caption_words": 0, "names": False}

    def apply(self, ctx: Context) -> None:
        o = self.options
        if o["caption_words"]:
            self.captions(ctx)
        if o["names"]:
            self.names(ctx)
        for b, (start, end) in enumerate(ctx.doc.blocks):
            if end - start < 2:
                continue  # a block's lines are not blank (a trim that would blank one drops it)
            lines = [i for i in ctx.block_lines(b) if ctx.text[i].strip()]
            if len(lines) < 2:
                continue
            gone = [i for i in lines if ctx.removed[i] is not None and ctx.removed[i].category in FURNITURE]
            left = [i for i in lines if ctx.alive(i)]
            if not left or len(gone) < o["min_share"] * len(lines):
                continue
            if all(ctx.nwords(i) <= o["max_words"] and not ends_sentence(ctx.text[i]) for i in left):
                for i in left:
                    if not (i == lines[-1] and self._headline_over_byline(ctx, i, gone)):
                        ctx.drop(i, self)

    @staticmethod
    def _headline_over_byline(ctx: Context, i: int, gone: list[int]) -> bool:
        """A block of a menu line and then the page's headline, with the byline a rule took
        right under it: the headline is the article's, not the rest of a menu's block."""
        if i != ctx.title or not all(ctx.removed[j].category == "nav" for j in gone):
            return False
        after = next((j for j in ctx.nonblank_lines() if j > i), None)
        mark = ctx.removed[after] if after is not None else None
        return mark is not None and mark.matched and mark.category in ("byline", "dateline")

    _NAME = regex.compile(r"^\p{Lu}[\p{L}'’.\-]+(?:\s+(?:\p{Lu}[\p{L}'’.\-]+|de|da|do|dos|das|del|della|di|du|la|le|van|von|der|den|ten|y|e|i)){1,3}$")

    def names(self, ctx: Context) -> None:
        """A name line next to a byline or dateline (see the class docstring)."""
        removed, text = ctx.removed, ctx.text
        nonblank = ctx.nonblank_lines()
        def meta(j: Optional[int]) -> bool:
            return j is not None and removed[j] is not None and removed[j].matched \
                and removed[j].category in ("byline", "dateline")

        def line(j: Optional[int]) -> Optional[int]:
            return j if j is not None and removed[j] is None else None

        for k, i in enumerate(nonblank):
            if removed[i] is not None or not self._NAME.match(text[i].strip()):
                continue
            above = nonblank[k - 1] if k else None
            below = nonblank[k + 1] if k + 1 < len(nonblank) else None
            # under the headline and standfirst, over the dateline (a short headline has no
            # line of the story above it); or under the dateline, over the story's first
            # paragraph
            if (meta(below) and line(above) is not None
                    and (ends_with_full_stop(text[above]) or ctx.nwords(above) >= 8)) \
                    or (meta(above) and line(below) is not None and is_prose(text[below])):
                ctx.drop(i, self)

    def captions(self, ctx: Context) -> None:
        """The caption under each photo credit (see the class docstring)."""
        most = self.options["caption_words"]
        removed, text = ctx.removed, ctx.text
        nonblank = ctx.nonblank_lines()
        for k, i in enumerate(nonblank[:-2]):
            mark = removed[i]
            if mark is None or mark.category != "credit" or not mark.matched \
                    or ctx.nwords(i) > CREDIT_WORDS:
                continue  # a credit alone ("Foto: Lucie Marková"), not a caption ending in one
            caption, story = nonblank[k + 1], nonblank[k + 2]
            line = text[caption].strip()
            if removed[caption] is not None or removed[story] is not None \
                    or not ends_with_full_stop(line) or ctx.nwords(caption) > most \
                    or len(regex.findall(r"[.!?](?:\s|$)", line)) > 1:
                continue
            if ctx.nwords(story) > ctx.nwords(caption) and ends_sentence(text[story]):
                ctx.drop(caption, self)


CREDIT_WORDS = 6  # a photo credit on a line of its own: "Foto: Trond Myklebust / NTB"
