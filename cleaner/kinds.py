"""The rule kinds a pack can use. Each kind is named by the one key that sets its pattern.

==========  =====================================================================================
kind        what it drops
==========  =====================================================================================
line        a whole line the pattern matches (``line: '^Advertisement$'``)
trim        the span the pattern matches at a line's start or end; the rest of the line stays
section     a heading line and the run of teasers after it, until the article resumes
rest        a heading line and everything after it (comment threads, site footers)
repeat      later copies of the headline (``repeat: title``) or of any short line (``lines``)
head        short labels above the headline ("NATO", "Contact Us")
sponsored   an ad unit around a marker line ("1776 Coalition Sponsored"): headline, repeat, pitch
bio         an author bio paragraph and the name line just above it
density     blocks dense in a vocabulary (cookie banners), and their neighbours with a hit
foreign     a run of blocks in another language that other rules already cut into
cluster     the rest of a block of short lines that other rules mostly removed (meta clusters)
classify    low-content lines by length, stopword share and neighbours (page dumps)
selector    HTML elements matching a CSS selector (HTML input only)
==========  =====================================================================================

Rules run phase by phase (the order of the table), so structural kinds see the lines that
simple kinds already removed. Every pattern is compiled once with ``regex`` and every match
runs under the rule's ``timeout``.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import replace
from itertools import accumulate
from typing import Any, ClassVar, Iterator, Optional

import regex

from .categories import CHROME, FURNITURE
from .context import Context, Mark, comparable
from .patterns import compile_pattern
from .prefilter import fold, line_prefixes, longest_whole_match, required_literals, text_parts
from .prose import Unit, ends_with_full_stop, is_prose, iter_units, sentence_units, table_cells
from .segment import ends_sentence, is_list_item, line_starts, lower, words

DEFAULT_TIMEOUT = 0.25  # seconds for one pattern on one line; generous, yet bounds any run
_ESCAPES = regex.compile(r"\\[pP]\{[^}]*\}|\\.")
_CASE_TESTS = regex.compile(r"\\[pP]\{\s*\^?\s*(Lu|Lt|Ll|L&|LC|Upper|Lower|Uppercase|Lowercase|Titlecase)|\(\?[a-zA-Z]*-?[a-zA-Z]*[i:)]|\[\[:(upper|lower):\]\]")


def lowercase_safe(pattern: str) -> bool:
    """True when matching ``text.lower()`` case-sensitively is the same as matching ``text``
    case-insensitively: no uppercase letters outside escapes, no case classes, no inline flags."""
    if _CASE_TESTS.search(pattern):
        return False
    return not any(c.isupper() for c in _ESCAPES.sub("", pattern))


class Rule:
    """One compiled rule. Subclasses set KEY (the YAML key naming the kind) and OPTIONS."""

    KEY: ClassVar[str] = ""
    PHASE: ClassVar[int] = 0
    OPTIONS: ClassVar[dict[str, Any]] = {}  # option name -> default (its type is checked)
    PATTERN: ClassVar[bool] = True  # the KEY's value is a regex
    # Revision kinds judge what other rules left; their examples run with the earlier phases.
    NEEDS_CONTEXT: ClassVar[bool] = False
    # True for kinds that act only on lines their pattern matches: with none of the pattern's
    # literals in the document (the prefilter says so), such a rule has nothing to do.
    ONLY_ON_MATCHES: ClassVar[bool] = False
    # True for kinds whose verdict on a line cannot change in a later round of cleaning with
    # the same language and rules: it depends on the line alone (or on lines before it that
    # survived with it), so a line that survived the rule once survives it again.
    SETTLED_AFTER_A_ROUND: ClassVar[bool] = False
    # False for kinds that judge lines by statistics or by their neighbours: what they remove
    # is no evidence that the text came from a web page (see cleaner.categories).
    EVIDENCE: ClassVar[bool] = True

    @property
    def settled_after_a_round(self) -> bool:
        return self.SETTLED_AFTER_A_ROUND

    def __init__(self, spec: dict, pack_name: str, pack_path: str, lazy: bool = False):
        self.id: str = spec["id"]
        self.category: str = spec["category"]
        self.description: str = spec.get("description", "")
        self.examples: dict = spec.get("examples") or {}
        self.pack_name = pack_name
        self.pack_path = pack_path
        self.pack_kind = "generic"  # set by packs.build_pack once the pack's match is known
        self.line_no: int = getattr(spec, "line", 0)
        self.timeout: float = float(spec.get("timeout", DEFAULT_TIMEOUT))
        # Whether this rule's removals show page chrome (see cleaner.categories): by its
        # category for kinds that match what a page prints, never for the kinds that judge
        # lines by statistics or neighbours.
        self.evidence: bool = bool(spec.get("evidence", self.EVIDENCE and self.category in CHROME))
        self.value = spec[self.KEY]
        self.options = {name: spec.get(name, default) for name, default in self.OPTIONS.items()}
        self._flags = 0 if spec.get("case_sensitive") else regex.IGNORECASE
        # regex's IGNORECASE is slow on long alternations; matching the lowercased line with a
        # case-sensitive pattern is the same test, five times faster, for patterns whose
        # letters are lowercase and that do not test case themselves.
        self.lowered = bool(self._flags) and self.PATTERN and self.KEY != "trim" \
            and isinstance(self.value, str) and lowercase_safe(self.value)
        if self.lowered:
            self._flags = 0
        self._pattern = None
        self._literals: Any = False  # not read yet
        self._longest: Any = False
        self._prefixes: Any = False
        if self.PATTERN and not lazy:
            self._pattern = compile_pattern(self.value, self._flags)

    @property
    def pattern(self):
        """The compiled pattern; shipped packs compile on first use (the tests compile all)."""
        if self._pattern is None and self.PATTERN:
            self._pattern = compile_pattern(self.value, self._flags)
        return self._pattern

    @pattern.setter
    def pattern(self, value) -> None:
        self._pattern = value

    @property
    def literals(self) -> Optional[frozenset[str]]:
        """Folded strings one of which any match contains (see prefilter.py); None: unknown."""
        if self._literals is False:
            self._literals = self._read_literals()
        return self._literals

    def _read_literals(self) -> Optional[frozenset[str]]:
        if not self.PATTERN or not isinstance(self.value, str):
            return None
        return required_literals(self.value, self._flags)

    @property
    def prefixes(self) -> Optional[frozenset[str]]:
        """Folded strings one of which every match begins with, for a pattern anchored at
        the line's start (see :func:`cleaner.prefilter.line_prefixes`); None otherwise."""
        if self._prefixes is False:
            self._prefixes = line_prefixes(self.value, self._flags) \
                if self.PATTERN and isinstance(self.value, str) else None
        return self._prefixes

    @property
    def longest(self) -> Optional[int]:
        """The longest (stripped) line the pattern can match, for ``^...$`` patterns."""
        if self._longest is False:
            self._longest = longest_whole_match(self.value, self._flags) \
                if self.PATTERN and isinstance(self.value, str) else None
        return self._longest

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id} from {self.pack_name}>"

    _mark: Optional[Mark] = None

    def removal_mark(self) -> Mark:
        """The mark of every line this rule removes: one, shared (a Mark is frozen)."""
        mark = self._mark
        if mark is None or mark.scope != self.pack_kind:  # pack_kind is set after __init__
            mark = self._mark = Mark(self.id, self.category, self.pack_name, self.KEY,
                                     self.pack_kind, evidence=self.evidence,
                                     matched=self.EVIDENCE)
        return mark

    def apply(self, ctx: Context) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def matches(self, ctx: Context, index: int) -> bool:
        candidates = ctx.candidates(self)
        if candidates is not None and index not in candidates:
            return False
        text = ctx.text[index].strip()
        longest = self.longest
        if longest is not None and len(text) > longest:
            return False
        return ctx.matches_line(self, text)

    def lines_to_search(self, ctx: Context) -> list[int]:
        """The surviving lines, less those the prefilter shows this rule cannot match."""
        candidates = ctx.candidates(self)
        if candidates is None:
            return ctx.alive_lines()
        return [i for i in sorted(candidates) if ctx.alive(i)]  # few, against every line


class LineRule(Rule):
    KEY = "line"
    ONLY_ON_MATCHES = True
    SETTLED_AFTER_A_ROUND = True
    PHASE = 1
    OPTIONS = {"max_words": 0}  # 0: any length

    def apply(self, ctx: Context) -> None:
        todo = self.lines_to_search(ctx)
        max_words = self.options["max_words"]
        if max_words and todo:
            counts = ctx.word_counts()
            todo = [i for i in todo if counts[i] <= max_words]
        text, longest = ctx.text, self.longest
        # Dropping a line changes nothing about another, so the lines are chosen up front.
        stripped = [text[i].strip() for i in todo]
        if longest is not None:
            found = [(i, line) for i, line in zip(todo, stripped) if len(line) <= longest]
        else:
            found = list(zip(todo, stripped))
        for i, line in found:
            if ctx.matches_line(self, line):
                ctx.drop(i, self)


class TrimRule(Rule):
    KEY = "trim"
    ONLY_ON_MATCHES = True
    SETTLED_AFTER_A_ROUND = True
    PHASE = 0

    def apply(self, ctx: Context) -> None:
        for i in self.lines_to_search(ctx):
            m = ctx.search(self, self.pattern, ctx.text[i])
            if m and m.end() > m.start():
                ctx.trim(i, m.start(), m.end(), self)


_LIST_NUMBER = regex.compile(r"^\s*\d{1,2}[.)]\s")  # "1. Council confirms…": an item, not a date


def _heading_taken_by_line_rule(mark) -> bool:
    """A heading a generic or language ``line`` rule removed, the ``head`` kind as a label
    above the headline ("Most read" at the top of a page), or a teaser list ran over ("142
    Antworten zu …" after "Ähnliche Beiträge"), still opens a section or rest; one a site
    rule removed was handled on purpose."""
    return mark.kind in ("line", "head", "section") and mark.scope != "site"


class SectionRule(Rule):
    """A heading alone on its line ("Related articles", "Lee también"), then the teaser list
    under it, dropped until the story resumes.

    Where the list ends depends on where the heading stands. Above the end of the story
    (less than ``tail_share`` of the page's prose before it), the story resumes below the
    list, and the list's own structure shows where (see :meth:`teasers`). In the page's
    tail (that much prose or more above it), sidebars, comment threads and footers follow
    the list, with stray sentences of their own: the run goes on until the prose does
    (see :meth:`tail_run`).
    Measured on the development bench's page dumps: of the sentences below a tail heading
    that the teaser structure would have taken as the story resuming, 37 in 460 were the
    story; above the tail, 141 in 233."""

    KEY = "section"
    ONLY_ON_MATCHES = True
    PHASE = 3
    OPTIONS = {"max_heading_words": 8, "sentence_words": 3, "resume_words": 60, "summaries": True,
               "tail_share": 0.5, "tail_prose_words": 20}

    def apply(self, ctx: Context) -> None:
        o = self.options
        # Headings are looked for among removed lines too: a line rule may have taken the
        # heading ("Twitter", "Comments") before this phase, and its teasers still follow.
        removed = ctx.removed
        lines = [i for i in ctx.nonblank_lines()
                 if removed[i] is None or _heading_taken_by_line_rule(removed[i])]
        candidates = ctx.candidates(self)
        prose_before: Optional[list[int]] = None  # [k]: prose words in lines[:k]
        done = -1  # the last line a teaser list took: headings inside one are its teasers
        for pos, i in enumerate(lines):
            if i <= done or (candidates is not None and i not in candidates):
                continue  # the prefilter shows no heading here (most lines)
            heading = ctx.text[i].strip()
            if len(words(heading)) > o["max_heading_words"] or heading.endswith(".") \
                    or not self.matches(ctx, i):
                continue  # a heading never ends with a full stop; a sentence does
            if prose_before is None:  # read once: what a run removes is short of prose
                prose_before = list(accumulate(
                    (ctx.nwords(j) if ctx.alive(j) and is_prose(ctx.text[j]) else 0
                     for j in lines), initial=0))
            ctx.drop(i, self)
            tail = prose_before[pos] >= o["tail_share"] * prose_before[-1] > 0
            if tail and o["summaries"]:
                run = self.tail_run(ctx, lines, pos + 1)
            else:
                run = self.teasers(ctx, i, (j for j in lines[pos + 1:] if ctx.alive(j)))
            for j in run:
                ctx.drop(j, self)
            done = run[-1] if run else i

    def tail_run(self, ctx: Context, lines: list[int], pos: int) -> list[int]:
        """The surviving lines from ``lines[pos]`` on, read as sentences, until two prose
        paragraphs in a row (``tail_prose_words`` words each), three sentences in four lines
        however short, one paragraph of ``resume_words`` words, one straight under the
        heading, or a line that opens a list ("Key figures:")."""
        o = self.options
        stop = ctx.model.stopwords.get(ctx.lang, frozenset()) if ctx.model is not None else frozenset()
        units = iter_units(ctx, (j for j in lines[pos:] if ctx.alive(j)), stop)

        def prose(u: Optional[Unit]) -> bool:
            return u is not None and u.nwords >= o["tail_prose_words"] and ends_with_full_stop(u.text)

        def sentence(u: Optional[Unit]) -> bool:
            return u is not None and u.nwords >= o["sentence_words"] and ends_with_full_stop(u.text)

        run: list[int] = []
        ahead = [next(units, None) for _ in range(4)]
        while ahead[0] is not None:
            unit, following = ahead[0], ahead[1]
            if prose(unit) and (not run or unit.nwords >= o["resume_words"] or prose(following)):
                break
            if sentence(unit) and sum(map(sentence, ahead)) >= 3:
                break  # three sentences in four lines: the story's paragraphs (and a
                # subheading), short as they are
            if unit.text.endswith(":") and unit.nwords >= 2:
                break  # "Key figures:" opens the story's own list
            run.extend(unit.lines)
            ahead = ahead[1:] + [next(units, None)]
        return run

    def teasers(self, ctx: Context, heading: int, after: Iterator[int]) -> list[int]:
        """The lines of the teaser list under ``heading`` (``after``: the surviving lines
        below it). A teaser is a headline, perhaps with a summary sentence under it, perhaps
        with meta lines (a date, a section, "4 hours ago", which rules mostly take first).
        Lines are read as sentences, however a scraper wrapped them. A sentence here has
        ``sentence_words`` words or more and ends with a full stop (a short question is a
        headline: "What's next for Egypt?"). The story resumes at a sentence that is no
        headline's summary:

        - straight after the heading, or after another sentence: a summary is one sentence,
          and a story's paragraphs come two in a row;
        - after a list of bare headlines (the list showed it has no summaries);
        - after a list printed as one block of lines, in a block of its own;
        - of ``resume_words`` or more (no summary is that long);
        - at a line that introduces a list of its own ("Key figures:");
        - at a copy of the page's title (the first line): the story's own headline;
        - at a headline that is not numbered or bulleted after a list whose items all were.

        A headline just above the story is the story's own (its subheading) when it stands in
        a block of its own after a list printed as one block, or when the list's teasers had
        summaries and this one has a long paragraph, or two, under it: it stays. Where the
        list ends in doubt, the line stays.

        With ``summaries: false`` (a box of short lines, such as a caption toggle and its
        caption, rather than a teaser list) the first sentence of ``sentence_words`` words
        ends the run."""
        o = self.options
        block_of = ctx.doc.block_of
        stop = ctx.model.stopwords.get(ctx.lang, frozenset()) if ctx.model is not None else frozenset()
        first = ctx.nonblank_lines()[0]
        title = comparable(ctx.text[first]) if first < heading else ""
        run: list[int] = []
        pending: Optional[Unit] = None  # the headline awaiting its summary
        dated = False  # pending is an item's date, its headline still to come
        bare = summaries = 0
        items = listed = 0  # headlines so far, and how many were numbered or bulleted
        list_block: Optional[int] = block_of[heading]  # while the heading and list share one
        subheading = False  # pending opened a block of its own after a list in one block

        def sentence(u: Optional[Unit]) -> bool:
            if u is None or u.nwords < o["sentence_words"] or not ends_with_full_stop(u.text):
                return False
            return u.nwords >= 12 or not u.text.rstrip().endswith(("?", "!"))

        units = iter_units(ctx, after, stop)
        unit = next(units, None)
        while unit is not None:
            following = next(units, None)
            block = block_of[unit.lines[0]]
            if sentence(unit):
                if not o["summaries"]:
                    break  # a box of short lines, not teasers: its first sentence is the story
                long = unit.nwords >= o["resume_words"]
                if not (long or pending is None or (bare and not summaries)
                        or (list_block is not None and block != list_block)
                        or sentence(following)):
                    run.extend(unit.lines)  # the pending headline's summary
                    summaries += 1
                    pending, dated, unit = None, False, following
                    continue
                if pending is not None and (subheading or (summaries and (
                        long or sentence(following)))):
                    # the story's own headline or subheading: it stands apart from a list
                    # printed as one block, or the list's teasers had one-sentence summaries
                    # and this headline has a long paragraph or two under it
                    del run[-len(pending.lines):]
                break
            if unit.text.endswith(":") and unit.nwords >= 2:
                break  # "Key figures:" opens the story's own list
            if title and unit.nwords >= 4 and title.startswith(comparable(unit.text)):
                break  # the page's headline: the story starts here
            if unit.nwords <= 4 and any(c.isdigit() for c in unit.text) \
                    and not _LIST_NUMBER.match(unit.text):
                # a teaser's date ("November 12", "2 hours ago"): it heads an item as a
                # headline does (a summary may follow it), but is no bare headline
                run.extend(unit.lines)
                if pending is None:
                    pending, dated = unit, True
                unit = following
                continue
            bulleted = is_list_item(unit.text)
            if items >= 2 and items == listed and not bulleted:
                break  # the list's items were numbered or bulleted, and this line is not
            items += 1
            listed += bulleted
            if pending is not None and not dated:
                bare += 1
            dated = False
            subheading = list_block is not None and block != list_block and bool(run)
            if block != list_block:
                list_block = None
            pending = unit
            run.extend(unit.lines)
            unit = following
        return run


class RestRule(Rule):
    """A heading after which nothing belongs to the article. ``min_position`` (share of the
    document's lines that must come before it) and ``min_prose_before`` (share of its prose
    words, in lines of 10+ words ending a sentence) keep a match above the story from
    emptying the page: a real comment thread rarely outweighs the story it follows.

    Some threads do outweigh it, and a page dump's menus and sidebars push the heading
    of any thread up the page. ``thread_stamps`` (0: off) lets such a heading cut anyway
    when what follows it reads as a thread (see :func:`_thread_start`): that many comment
    stamps after it (short lines with a date and a time of day, each comment's "November 8,
    2012 at 1:38 AM"), the first of them soon after it, and a story before it. The lines
    from the first stamp on carry a mark that says ``thread``: the over-removal guard leaves
    the readers' prose out of the article's."""

    KEY = "rest"
    ONLY_ON_MATCHES = True
    PHASE = 3
    OPTIONS = {"max_words": 12, "min_position": 0.3, "min_prose_before": 0.5, "thread_stamps": 0}
    _thread_mark: Optional[Mark] = None

    def apply(self, ctx: Context) -> None:
        removed = ctx.removed
        lines = [i for i in ctx.nonblank_lines()
                 if removed[i] is None or _heading_taken_by_line_rule(removed[i])]
        candidates = ctx.candidates(self)
        first = self.options["min_position"] * len(lines)
        stamps = self.options["thread_stamps"]
        prose_before: Optional[list[int]] = None  # [k]: prose words in lines[:k]
        stamp_lines: Optional[list[int]] = None
        for pos, i in enumerate(lines):
            if (pos < first and not stamps) or (candidates is not None and i not in candidates):
                continue
            if ctx.nwords(i) <= self.options["max_words"] and self.matches(ctx, i) \
                    and not self.repeated(ctx, i):
                if prose_before is None:  # read once: no line goes before the cut
                    prose_before = list(accumulate(
                        (ctx.nwords(j) if ctx.alive(j) and ctx.nwords(j) >= 10
                         and ends_sentence(ctx.text[j]) else 0 for j in lines), initial=0))
                before = prose_before[pos]
                after = prose_before[-1] - prose_before[pos + 1]  # the heading is neither
                thread_from = None
                if pos < first or (after and before < self.options["min_prose_before"] * (before + after)):
                    # above the story, or a thread's count under the headline; unless a
                    # thread follows a story
                    if not stamps or before < THREAD_STORY_WORDS:
                        continue
                    if stamp_lines is None:
                        stamp_lines = _stamp_lines(ctx)
                    thread_from = _thread_start(lines, pos, prose_before, stamp_lines, stamps)
                    if thread_from is None:
                        continue
                thread = self.thread_mark() if thread_from is not None else None
                for j in lines[pos:]:
                    ctx.drop(j, self, thread if thread and j >= thread_from else None)
                return

    def repeated(self, ctx: Context, i: int) -> bool:
        """The heading recurs in the document as it came, with a post's prose between the
        copies ("Add a comment" under every post of a Q&A page, "Leave a reply" under each of
        a listing's items): a link of each post, not the start of the page's one thread. (As
        it came: a later round sees only what survived the first, perhaps one copy.)"""
        key = comparable(ctx.text[i])
        needle = max(key.split(" "), key=len)  # a word of the heading, not its count
        source = ctx.source_lines
        copies = [k for k, line in enumerate(source)
                  if needle in line.casefold() and comparable(line) == key]
        # counts aside, when a Q&A page prints one under the question and each answer ("4
        # Comments", "2 Comments", ...); two (a story's meta line and its thread) prove nothing
        counted = _COUNT.sub("0", key)
        if counted != key:
            like = [k for k, line in enumerate(source)
                    if needle in line.casefold() and _COUNT.sub("0", comparable(line)) == counted]
            if len(like) >= 3:
                copies = like
        # with the posts' prose between the copies (a form printed twice at the foot of the
        # page is still one thread's)
        return any(sum(len(words(line)) for line in source[a + 1:b] if is_prose(line))
                   >= POST_PROSE_WORDS for a, b in zip(copies, copies[1:]))

    def thread_mark(self) -> Mark:
        """The mark of the lines of a thread its stamps vouch for (see Mark.thread)."""
        if self._thread_mark is None or self._thread_mark.scope != self.pack_kind:
            self._thread_mark = replace(self.removal_mark(), thread=True)
        return self._thread_mark


_COUNT = regex.compile(r"\d+")  # a number in a heading, as a count ("12 Comments")
THREAD_STORY_WORDS = 100  # prose before a thread heading that cuts by its stamps alone
POST_PROSE_WORDS = 20  # prose between two copies of a heading that make them each a post's
THREAD_STAMP_WORDS = 20  # a comment's stamp line: its author, date and time, a reply link
# A time of day and a date with its year, in any language's order: "July 24, 2012 11:45 PM",
# "26 October 2012 17:38", "10/2/12 2:05 PM", "29.07.2020 // 12:56", "2012-10-16 at 8:03 am".
# The date keeps out a live blog's entries, which are stamped with the time alone.
_CLOCK = regex.compile(r"(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")
_DATED = regex.compile(r"(?<!\d)(?:(?:19|20)\d\d|\d{1,2}[./-]\d{1,2}[./-]\d{2})(?!\d)")


def _stamp_lines(ctx: Context) -> list[int]:
    """The non-blank lines that are comment stamps: short, with a date and a time of day.
    Lines other rules removed count too (a byline rule takes "Posted by: Jane | October 30,
    2012 at 08:58 AM"): they are a thread's evidence all the same."""
    counts, text = ctx.word_counts(), ctx.text
    return [j for j in ctx.nonblank_lines() if counts[j] <= THREAD_STAMP_WORDS
            and ":" in text[j] and _CLOCK.search(text[j]) and _DATED.search(text[j])]


def _thread_start(lines: list[int], pos: int, prose_before: list[int], stamp_lines: list[int],
                  enough: int) -> Optional[int]:
    """Where the thread under the heading ``lines[pos]`` begins (its first stamp's line), or
    None when what follows the heading does not read as a thread. The caller has checked
    that THREAD_STORY_WORDS words of prose come before the heading (fewer: a count under a
    headline, or a lede over a timeline, whose entries are dated and timed like comments).
    Not a thread:

    - fewer than ``enough`` stamps after the heading;
    - more prose between it and the first stamp than half the prose before it: a count
      above the story, with the story and then its thread below. A thread's first stamp
      comes after a reply form, or after the first comment when stamps sign comments.
    """
    heading, before = lines[pos], prose_before[pos]
    at = bisect_right(stamp_lines, heading)
    if len(stamp_lines) - at < enough:
        return None
    first_stamp = stamp_lines[at]
    lead = prose_before[bisect_left(lines, first_stamp)] - prose_before[pos + 1]
    return first_stamp if lead <= before / 2 else None


class RepeatRule(Rule):
    """``title``: later copies of the headline, bare or with a short label joined by ':', '|',
    '-' or '»' (the copy without a label is the one kept). ``lines``: second and later copies
    of any line of up to ``max_words`` words, except table rows of two or more filled cells
    (a header row over each table, "| Fee: | $95 |" in each record): a table repeats by design."""

    EVIDENCE = False
    KEY = "repeat"
    PHASE = 2
    PATTERN = False
    OPTIONS = {"max_affix_words": 4, "max_words": 40}
    _SEPARATORS = regex.compile(r"\s*[:|\-–—»·]\s*")

    def __init__(self, spec: dict, pack_name: str, pack_path: str, lazy: bool = False):
        super().__init__(spec, pack_name, pack_path, lazy)
        if self.value not in ("title", "lines"):
            raise ValueError("repeat must be 'title' or 'lines'")

    @property
    def settled_after_a_round(self) -> bool:
        # "lines": every line that survived had a key no line before it shared, and the lines
        # before it in a later round are some of those. ("title" follows the headline, which
        # can change as the lines above it go.)
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

    def _lines(self, ctx: Context) -> None:
        seen: set[str] = set()
        max_words = self.options["max_words"]
        stop = ctx.model.stopwords.get(ctx.lang) if ctx.model is not None and ctx.lang else None
        counts = ctx.word_counts()
        todo = [i for i in ctx.alive_lines() if counts[i] <= max_words]
        keys = [comparable(ctx.text[i]) for i in todo]
        # A line whose key no other line shares is neither a copy nor the original of one.
        shared = {key for key, n in Counter(keys).items() if n > 1}
        for i, key in zip(todo, keys):
            if key not in shared:
                continue
            text = ctx.text[i]
            if "|" in text and len(table_cells(text) or ()) >= 2:
                continue  # a table's header row over each table, a label in each record: data
            if stop and self._fragment(text, stop):
                continue
            if not key:
                continue
            if key in seen:
                ctx.drop(i, self)
            else:
                seen.add(key)


def _lines_holding(text: list[str], lines: list[int], needles: list[str]) -> list[int]:
    """Those of ``lines`` (in order) whose casefolded text holds one of ``needles`` (words,
    never a line break): the lines are casefolded in one call per part of the document
    (:func:`~cleaner.prefilter.text_parts`), joined, and searched with find(), rather than one
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
    """Short labels above the headline: a category ("NATO"), a stray link ("Contact Us")."""

    EVIDENCE = False
    KEY = "head"
    PHASE = 2
    PATTERN = False
    OPTIONS = {"max_words": 3}

    def apply(self, ctx: Context) -> None:
        t = ctx.title
        if t is None:
            return
        for i in ctx.alive_lines():
            if i >= t:
                break
            if ctx.nwords(i) <= self.options["max_words"] and not ends_sentence(ctx.text[i]):
                ctx.drop(i, self)


class SponsoredRule(Rule):
    """The marker line of an ad unit ("Sponsored", "Anzeige"); with it go the short lines
    next to it in its block (see :meth:`cluster`), and the unit below it, read piece by
    piece (the lines after those in its block, then the blocks after it): the ad's headline (a short line that ends with no
    full stop), a pitch (``pitch_blocks`` pieces of ``pitch_max_words`` words at most) and
    the call to action that closes the unit ("Learn more", "Jetzt vergleichen": lines of
    ``cta_words`` words at most, or a line another rule took, such as a share row). A pitch
    without such a close is taken only when it is the
    whole block straight under the marker and the story goes on below it (never with
    ``close_required``, for a bare label that also marks display ads between a story's
    paragraphs: "Anzeige"): a short line and a paragraph after a marker may be the story's
    subheading and its text.

    A language pack's line rule may have taken the marker already (the bare "Sponsored"
    label): the unit around it still goes, as a section's teasers do under a heading."""

    KEY = "sponsored"
    ONLY_ON_MATCHES = True
    PHASE = 3
    OPTIONS = {"max_words": 8, "pitch_blocks": 2, "pitch_max_words": 120, "short_words": 20,
               "cta_words": 4, "block_lines": 3, "close_required": False}

    def apply(self, ctx: Context) -> None:
        o = self.options
        removed = ctx.removed
        candidates = ctx.candidates(self)
        markers = sorted(candidates) if candidates is not None else ctx.nonblank_lines()
        for i in markers:
            mark = removed[i]
            if (mark is not None and not (mark.kind == "line" and mark.category == "ad"
                                          and mark.scope != "site")) \
                    or ctx.nwords(i) > o["max_words"] or not self.matches(ctx, i):
                continue
            cluster = self.cluster(ctx, i)
            ctx.drop(i, self)
            for j in cluster:
                ctx.drop(j, self)
            for piece in self.unit_after(ctx, i, cluster):
                for j in piece:
                    ctx.drop(j, self)

    def _stopwords(self, ctx: Context) -> frozenset:
        return ctx.model.stopwords.get(ctx.lang, frozenset()) if ctx.model is not None else frozenset()

    def cluster(self, ctx: Context, marker: int) -> list[int]:
        """The short lines next to the marker in its block, up to ``block_lines`` each side:
        the ad's headline and its repeat ("STOP THE RADICAL LEFT / 1776 Coalition Sponsored /
        STOP THE RADICAL LEFT"). A line of a sentence wrapped over several lines (hard-wrapped
        text is one block), or one that ends with a full stop, is no ad's."""
        o = self.options
        # lines other rules took count too: the repeat a repeated-line rule removed is still
        # the cluster's (only alive ones are dropped again, which changes nothing)
        lines = [j for j in ctx.block_lines(ctx.doc.block_of[marker]) if j != marker]
        units = sentence_units(ctx, lines, self._stopwords(ctx))
        found: list[int] = []
        for side in ([j for j in lines if j > marker], [j for j in lines if j < marker][::-1]):
            for j in side[:o["block_lines"]]:
                if ctx.nwords(j) > o["short_words"] or len(units[j].lines) > 1 \
                        or ends_with_full_stop(ctx.text[j]):
                    break
                found.append(j)
        return found

    def pieces_after(self, ctx: Context, marker: int,
                     cluster: list[int]) -> Iterator[tuple[list[int], bool]]:
        """(lines, whole block) of what follows the marker: the sentences after it in its
        block, then the blocks after it. Lines other rules removed are read too: a "Learn
        more" a line rule took still closes the unit."""
        block = ctx.doc.block_of[marker]
        rest = [j for j in ctx.block_lines(block) if j > marker and j not in cluster]
        for unit in iter_units(ctx, rest, self._stopwords(ctx)):
            yield unit.lines, False
        for b in range(block + 1, len(ctx.doc.blocks)):
            yield list(ctx.block_lines(b)), True

    def unit_after(self, ctx: Context, marker: int, cluster: list[int]) -> list[list[int]]:
        """The pieces of the ad unit below the marker and its ``cluster`` (see the class
        docstring)."""
        o = self.options
        ahead = [piece for _, piece in zip(range(4), self.pieces_after(ctx, marker, cluster))]

        def at(k: int) -> Optional[list[int]]:
            return ahead[k][0] if k < len(ahead) else None

        def short(k: int, most: int, headline: bool = False) -> bool:
            lines = at(k)
            return lines is not None and all(
                ctx.nwords(j) <= most and not (ctx.text[j].rstrip().endswith(".") if headline
                                               else ends_with_full_stop(ctx.text[j]))
                for j in lines)

        def pitch(k: int) -> bool:
            lines = at(k)
            return lines is not None and sum(ctx.nwords(j) for j in lines) <= o["pitch_max_words"]

        unit: list[list[int]] = []
        k = 0
        if short(0, o["short_words"], headline=True) and not short(0, o["cta_words"]):
            unit.append(at(0))  # the ad's headline ("... – lapset majoittuvat ilmaiseksi!")
            k = 1
        def closes(k: int) -> bool:
            # a call to action, or a line another rule took (a share row after the pitch);
            # not the end of the text, where a story may end on a short line and a paragraph
            lines = at(k)
            return lines is not None and (short(k, o["cta_words"]) or all(
                ctx.removed[j] is not None for j in lines))

        # the pitch: up to pitch_blocks pieces (a pitch of two sentences in text without
        # blank lines is two), taken when what follows them closes the unit
        end = k
        while end - k < o["pitch_blocks"] and pitch(end) and not short(end, o["short_words"]):
            end += 1
        pitches = 0
        for last in range(end, k, -1):
            if closes(last):
                unit.extend(at(p) for p in range(k, last))
                pitches, k = last - k, last
                break
        else:
            if end > k == 0 and ahead[0][1] and at(1) is not None and not o["close_required"]:
                unit.append(at(0))  # the whole block straight under the marker
                pitches, k = 1, 1
        if pitches and short(k, o["cta_words"]):
            unit.append(at(k))  # "Learn more"
        elif not pitches and unit and short(1, o["cta_words"]):
            unit.append(at(1))  # a headline and its button
        elif not pitches:
            unit = []  # a short line alone after a marker may be the story's subheading
        return unit


class BioRule(Rule):
    """An author bio: a paragraph the pattern matches, plus a name line right above it."""

    KEY = "bio"
    ONLY_ON_MATCHES = True
    PHASE = 3
    OPTIONS = {"max_words": 150, "max_name_words": 4}
    _NAME = regex.compile(r"^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}$")

    def apply(self, ctx: Context) -> None:
        lines = ctx.alive_lines()
        candidates = ctx.candidates(self)
        for pos, i in enumerate(lines):
            if candidates is not None and i not in candidates:
                continue
            if ctx.nwords(i) > self.options["max_words"] or not self.matches(ctx, i):
                continue
            ctx.drop(i, self)
            if pos > 0:
                prev = lines[pos - 1]
                name = ctx.text[prev].strip()
                if len(words(name)) <= self.options["max_name_words"] and self._NAME.match(name):
                    ctx.drop(prev, self)


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

    def __init__(self, spec: dict, pack_name: str, pack_path: str, lazy: bool = False):
        super().__init__(spec, pack_name, pack_path, lazy)
        terms = self.value
        if not isinstance(terms, list) or not terms or not all(isinstance(t, str) for t in terms):
            raise ValueError("density must be a non-empty list of terms")
        self._terms = terms
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


class ForeignRule(Rule):
    """A run of blocks in one language other than the document's, dropped whole when other
    rules already removed lines in it or right next to it (the cookie banner in Turkish under
    an English story); a foreign quotation inside the article has no such neighbours."""

    EVIDENCE = False
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
            touched = any(ctx.removed[i] is not None for r in run for i in ctx.block_lines(r))
            edges = [x for x in (b - 1, end + 1) if 0 <= x < nb]
            touched = touched or any(not ctx.block_alive(x) for x in edges)
            if touched:
                for r in run:
                    for i in ctx.block_lines(r):
                        ctx.drop(i, self)
            b = end + 1


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
                    ctx.drop(i, self)

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


class SelectorRule(Rule):
    """A CSS selector (Lexbor syntax) naming elements to drop from HTML before text rules run."""

    KEY = "selector"
    PHASE = -1
    PATTERN = False

    def apply(self, ctx: Context) -> None:
        pass  # applied by the HTML reader, on the element tree


KINDS: dict[str, type[Rule]] = {
    cls.KEY: cls
    for cls in (
        TrimRule, LineRule, RepeatRule, HeadRule, SectionRule, RestRule, SponsoredRule,
        BioRule, DensityRule, ForeignRule, ClusterRule, SelectorRule,
    )
}
