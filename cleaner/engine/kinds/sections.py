"""Kinds that drop a heading and an extent under it: ``section`` (a teaser list, until the
story resumes) and ``rest`` (everything after it).
"""
from __future__ import annotations

from dataclasses import replace
from itertools import accumulate
from os.path import commonprefix
from typing import Iterator, Optional

import regex

from ..context import Context, Mark
from ..prefilter import fold
from ...text import comparable, ends_sentence, is_list_item, words
from ...text.code import code_like
from ...text.leadin import introduces
from ...text.listing import listing_shape, page_is_item_list, page_is_listing, told_item
from ...text.prose import Unit, ends_with_full_stop, is_prose, iter_units
from .base import Rule
from .threads import THREAD_STORY_WORDS, POST_PROSE_WORDS, _stamp_lines, _thread_start


_COUNT = regex.compile(r"\d+")  # a number in a heading, as a count ("12 Comments")
LISTING_RUN_PAIRS = 2  # on a page of teasers, a list with this many summaries is more of them
ITEM_LINKS = 4  # headings opening alike that recur this often down a page: each item's link
ITEM_LINK_WORDS = 2  # the words they open alike with ("More on ...")
ITEM_HEAD_LINES = 3  # the lines above an item's prose (its title, a player's label)
_ITEM_LINK_CHARS = 120  # a heading's length at most: longer lines are not searched
_LIST_NUMBER = regex.compile(r"^\s*\d{1,2}[.)]\s")  # "1. Council confirms…": an item, not a date


def _bullets_ended(items: int, listed: int, bulleted: bool) -> bool:
    """A list whose ``items`` so far (two or more) were all numbered or bulleted (``listed``)
    has ended at a line that is not (``bulleted`` false): the next line is the story's."""
    return items >= 2 and items == listed and not bulleted


def _heading_taken_by_line_rule(mark) -> bool:
    """A heading a generic or language ``line`` rule removed, the ``head`` kind as a label
    above the headline ("Most read" at the top of a page), or a teaser list ran over ("142
    Antworten zu …" after "Ähnliche Beiträge"), still opens a section or rest; one a site
    rule removed was handled on purpose."""
    return mark.kind in ("line", "head", "section") and mark.scope != "site"


def _item_follows(source: list[str], a: int, b: int) -> bool:
    """Between two item links at ``a`` and ``b`` (lines of ``source``) stands an item: its
    prose (``POST_PROSE_WORDS`` words), opening within ``ITEM_HEAD_LINES`` lines of the link
    (a title, a player's label above it). A list of teasers under a "More on ..." heading
    puts its headlines there first."""
    seen = prose = 0
    for j in range(a + 1, b):
        if not source[j].strip():
            continue
        if is_prose(source[j]):
            prose += len(words(source[j]))
        elif not prose:
            seen += 1
            if seen > ITEM_HEAD_LINES:
                return False
    return prose >= POST_PROSE_WORDS


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
    RENAMED = {"max_heading_words": "max_words"}  # the heading's words, as for rest
    OPTIONS = {"max_words": 8, "sentence_words": 3, "resume_words": 60, "summaries": True,
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
        listing: Optional[bool] = None  # the page is a listing of teasers (read once)
        done = -1  # the last line a teaser list took: headings inside one are its teasers
        item_links: Optional[frozenset[str]] = None
        for pos, i in enumerate(lines):
            if i <= done or (candidates is not None and i not in candidates):
                continue  # the prefilter shows no heading here (most lines)
            heading = ctx.text[i].strip()
            if len(words(heading)) > o["max_words"] or heading.endswith(".") \
                    or not self.matches(ctx, i):
                continue  # a heading never ends with a full stop; a sentence does
            if item_links is None:  # read once, on the page's first heading
                item_links = self.item_links(ctx)
            if comparable(heading) in item_links:
                continue  # each item's link to more of its kind, not a list of teasers
            if prose_before is None:  # read once: what a run removes is short of prose
                prose_before = list(accumulate(
                    (ctx.nwords(j) if ctx.alive(j) and is_prose(ctx.text[j]) else 0
                     for j in lines), initial=0))
            tail = prose_before[pos] >= o["tail_share"] * prose_before[-1] > 0
            if tail and o["summaries"]:
                run = self.tail_run(ctx, lines, pos + 1)
            else:
                run = self.teasers(ctx, i, (j for j in lines[pos + 1:] if ctx.alive(j)))
            if listing is None and run:
                listing = self.listing(ctx)
            if listing and (self.pairs(ctx, run) >= LISTING_RUN_PAIRS
                            or self.told_items(ctx, run)):
                # a page of teasers, and this list is more of them: the page's content, and
                # so is its heading (cut, it would part them from the rest as chrome does).
                # A list of bare links under a heading ("More from Mac", "Most read" below
                # the teasers) still goes: the headings under this one are read as before.
                continue
            ctx.drop(i, self)
            for j in run:
                ctx.drop(j, self)
            done = run[-1] if run else i

    def item_links(self, ctx: Context) -> frozenset[str]:
        """The headings (reduced by :func:`comparable`) that open alike ("More on Xiu Xiu",
        "More on Dry Cleaning": the same first ``ITEM_LINK_WORDS`` words) and recur
        ``ITEM_LINKS`` times or more down the page, the first of them in its first half, each
        two (one pair aside: an item may be a short blurb) with an item between them (see
        :func:`_item_follows`): a listing closes each of its items with a link to more of the
        item's kind (an artist's page under each review, a topic's under each story), which
        the page prints as a heading of its own. A site's boxes of teasers under a story
        ("More from Politics", "More from Sport") stand together in its tail. The last copy
        still heads a section: below the list's last item, what follows is the page's tail
        (its newsletter box, its footer), which the section's run reads as before. Read on the
        page as it came, as :meth:`RestRule.repeated` reads it: a later round sees only what
        survived the first."""
        o = self.options
        source = ctx.source_lines
        starts = tuple(self.prefixes or ())  # what every match begins with, when known
        alike: dict[str, list[int]] = {}
        for k, line in enumerate(source):
            heading = line.strip()
            if not heading or len(heading) > _ITEM_LINK_CHARS or heading.endswith(".") \
                    or (starts and not fold(heading).startswith(starts)) \
                    or len(words(heading)) > o["max_words"] or not ctx.matches_line(self, heading):
                continue
            key = " ".join(comparable(heading).split(" ")[:ITEM_LINK_WORDS])
            alike.setdefault(key, []).append(k)
        links: set[str] = set()
        prose: Optional[list[int]] = None  # [k]: prose words in source[:k], read when needed
        for copies in alike.values():
            if len(copies) < ITEM_LINKS:
                continue
            if prose is None:
                prose = list(accumulate((len(words(line)) if is_prose(line) else 0
                                         for line in source), initial=0))
            # in the page's first half by its prose, as :meth:`apply` reads its tail: by lines
            # a story of one-line paragraphs sits above the half of its teaser boxes (a
            # heading, a headline and a summary each) (review-s17b 1)
            if prose[copies[0]] >= o["tail_share"] * prose[-1]:
                continue
            items = sum(_item_follows(source, a, b) for a, b in zip(copies, copies[1:]))
            if items >= len(copies) - 2:  # one item may be a short blurb
                named = [comparable(source[k]) for k in copies]
                links.update(named)
                if named[-1] not in named[:-1]:  # the list's end: the tail's heading; unless an
                    # item told the same ("More on X" under two of X's reviews): the text is
                    # all a later step knows of a heading, and doubt keeps the items (review-s17b 2)
                    links.discard(named[-1])
        return frozenset(links)

    @staticmethod
    def pairs(ctx: Context, run: list[int]) -> int:
        """The headline + summary pairs among the lines of ``run``."""
        stop = ctx.stopwords
        return listing_shape(iter_units(ctx, run, stop))[0]

    @staticmethod
    def told_items(ctx: Context, run: list[int]) -> bool:
        """Most lines of ``run`` are teasers told on one line each (see
        :func:`cleaner.text.listing.told_item`), as on a page that is a list of them."""
        told = sum(1 for j in run if told_item(ctx.text[j]))
        return told >= LISTING_RUN_PAIRS and told * 2 >= len(run)

    @staticmethod
    def listing(ctx: Context) -> bool:
        """The page read as a listing of teasers (see :mod:`cleaner.text.listing`): a front
        page's headlines and summaries are its content, and so is a digest's list of
        one-line teasers. The page is read as it came, in every round and with the lines
        rules removed: a headline another rule took would leave two summaries in a row,
        which read as a story's paragraphs."""
        return page_is_listing(ctx.source_lines) or page_is_item_list(ctx.source_lines)

    def tail_run(self, ctx: Context, lines: list[int], pos: int) -> list[int]:
        """The surviving lines from ``lines[pos]`` on, read as sentences, until two prose
        paragraphs in a row (``tail_prose_words`` words each), three sentences in four lines
        however short, one paragraph of ``resume_words`` words, one straight under the
        heading, or a line that opens a list ("Key figures:")."""
        o = self.options
        stop = ctx.stopwords
        units = iter_units(ctx, (j for j in lines[pos:] if ctx.alive(j)), stop)

        def prose(u: Optional[Unit]) -> bool:
            return u is not None and u.nwords >= o["tail_prose_words"] and ends_with_full_stop(u.text)

        def sentence(u: Optional[Unit]) -> bool:
            return u is not None and u.nwords >= o["sentence_words"] and ends_with_full_stop(u.text)

        def resumes(k: int) -> bool:  # the story's paragraphs start at ahead[k]
            u = ahead[k]
            return prose(u) and (u.nwords >= o["resume_words"]
                                 or (k + 1 < len(ahead) and prose(ahead[k + 1])))

        run: list[int] = []
        items = listed = 0  # lines so far, and how many were bulleted or numbered
        ahead = [next(units, None) for _ in range(4)]
        while ahead[0] is not None:
            unit, following = ahead[0], ahead[1]
            if prose(unit) and (not run or unit.nwords >= o["resume_words"] or prose(following)):
                break
            bulleted = is_list_item(unit.text)
            if _bullets_ended(items, listed, bulleted) and resumes(1):
                break  # a bulleted list ended, and this line heads the story's next paragraphs
            items += 1
            listed += bulleted
            if sentence(unit) and sum(map(sentence, ahead)) >= 3:
                break  # three sentences in four lines: the story's paragraphs (and a
                # subheading), short as they are
            if introduces(unit.text, unit.nwords):
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
        stop = ctx.stopwords
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
            if introduces(unit.text, unit.nwords):
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
            if _bullets_ended(items, listed, bulleted):
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


_STEM_LETTERS = 4  # the letters two forms of a word share at least ("repl-y", "repl-ies")
_ENDING_LETTERS = 3  # the most letters an ending adds ("-s", "-ies", "-en", "-ев")


def _inflected(a: str, b: str) -> bool:
    """``a`` and ``b`` are forms of one word, told apart by their endings alone: "comment"
    and "comments", "reply" and "replies", "Kommentar" and "Kommentare", "комментарий" and
    "комментария". A count's noun agrees with its number, so "1 Comment" and "2 Comments"
    are one heading told with two counts."""
    if a == b:
        return True
    shared = len(commonprefix((a, b)))
    return shared >= _STEM_LETTERS and shared >= min(len(a), len(b)) - 1 \
        and abs(len(a) - len(b)) <= _ENDING_LETTERS


def _alike(a: str, b: str) -> bool:
    """Two headings (reduced by :func:`comparable`, counts as 0) are one, their words equal
    but for the endings a count makes its noun take."""
    wa, wb = a.split(" "), b.split(" ")
    return len(wa) == len(wb) and all(map(_inflected, wa, wb))


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
        listing: Optional[bool] = None  # the page is a listing of teasers (read once)
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
            stem = needle[:_STEM_LETTERS]  # "comment" of "1 Comment" is in "2 Comments"
            like = [k for k, line in enumerate(source)
                    if stem in line.casefold() and _alike(_COUNT.sub("0", comparable(line)), counted)]
            if len(like) >= 3:
                copies = like
        # with a post between the copies, its prose or its code (an answer on a Q&A page is
        # often a line of lead-in over a listing); a form printed twice at the foot of the
        # page is still one thread's
        return any(sum(len(words(line)) for line in source[a + 1:b]
                       if is_prose(line) or code_like(line))
                   >= POST_PROSE_WORDS for a, b in zip(copies, copies[1:]))

    def thread_mark(self) -> Mark:
        """The mark of the lines of a thread its stamps vouch for (see Mark.thread)."""
        if self._thread_mark is None or self._thread_mark.scope != self.pack_kind:
            self._thread_mark = replace(self.removal_mark(), thread=True)
        return self._thread_mark
