"""The ``classify`` rule kind: low-content lines, judged by length, stopwords and neighbours.

This is the jusText idea (Pomikálek, 2011) applied to lines, adapted to text that has no
markup: each line is first labelled from its own features, then short and uncertain lines
take the label their neighbours imply. A line that rules already removed counts as a bad
neighbour, so the two mechanisms reinforce each other. All thresholds are options of the rule
in ``generic.yaml``.

Labels: ``good`` (long, many stopwords: prose), ``neargood``, ``short`` (too short to judge
alone) and ``bad`` (long enough to judge and too few stopwords: link lists, menus, tickers).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..context import Context
from ...memo import memo
from .. import emptied
from .threads import _CLOCK, _DATED
from .base import Rule
from ...text.prose import (Unit, as_prose, ends_with_full_stop, opens_sentence, reading_length,
                           full_sentence as is_full_sentence, title_case,
                           sentence_units, table_cells)
from ...text.cellrows import table_block
from ...text.code import code_marks, copied_lines, typed_at_prompt
from ...text.contact import contact_details
from ...text.directory import contact_records
from ...text.leadin import ends_with_colon
from ...text.segment import fenced_lines
from ...text.shape import field_runs, item_field_runs, record_items, same_shape_runs
from ...text import comparable, ends_sentence, is_list_item, is_menu, repeated
from ...text.stopwords import stopword_density, stopword_hits

GOOD, NEARGOOD, SHORT, BAD = "good", "neargood", "short", "bad"
META = "meta"  # a byline or dateline passed over at the article's edge: it goes, and stays gone
MENU_RUN = 3  # menu entries in a row that make a menu
MENU_ITEM_WORDS = 5  # a menu entry is a few words ("Home", "World news", "Contact us")
_SENTENCE_END = re.compile(r"[.!?]\s")
CONTACT_LEAD_WORDS = 4  # a lead-in before contact details on its line ("For more information,
                        # contact:"); a contact box's label is shorter ("Contact us:")


# A field of an in-story list: a short label and a short value ("Revenue: £612m", "Staff:
# 4,100"); a teaser's "Fahrbericht: Tesla Model Y – SUV in Bestform" says more than that.
_FIELD = re.compile(r"^[^:]{1,30}:\s+\S+(\s+\S+){0,3}\s*$")

# A table's figure cell on a line of its own, as a page dump flattens a table ("$165",
# "9.1 oz", "10 %", "$0 – $11,925", "86.7", "2,790%"): a number with a currency sign or a
# short unit, or a range of two. A bare whole number is not one: pages, steps and years
# are numbered so ("1 2 3 Next").
_AMOUNT = r"[$€£¥]?\s?\d[\d.,]*\s?(%|[^\W\d_]{1,3}\.?)?"
_FIGURE = re.compile(rf"^\s*{_AMOUNT}(\s?[–—-]\s?{_AMOUNT})?\+?\s*$")


def menu_item(ctx: Context, i: int, labels: dict[int, str],
              units: Optional[dict[int, "Unit"]] = None) -> bool:
    """Line ``i`` reads as an entry of a menu or a link list: short or bad, a few words, no
    sentence, no list item."""
    text = units[i].text if units else as_prose(ctx.text[i])
    return labels[i] in (SHORT, BAD) and ctx.nwords(i) <= MENU_ITEM_WORDS \
        and not ends_sentence(text) and not is_list_item(text)


# What a link label does not hold: a figure (a spec's "480 TC", an address's "Suite 5112", a
# table's "2 g | 3%", a code listing's line numbers), a field's colon ("Ideal for:", "| Default: |"),
# an e-mail address, code's punctuation ("usingSystem;", "{", "x=1"). Lines like these in a run are a
# product's specs, a contact block, a table or code, which extracted text keeps; they prove
# no menu. A year is an archive's or a dated teaser's ("October 2012", "Thursday | Nov 14,
# 2002"), and a digit inside a word a name's ("teen1").
_NO_LABEL = re.compile(r"(?<![^\W\d_])\d|:\s*(\||$)|@|[;{}=]")
# Nor does a link label hold code's marks (a quoted key, a comment's "#", an arrow, markup
# written out: see text/code.py): lines like these in a run are a code listing or a program's
# output, which an extractor keeps as the page's own.
_LETTER = re.compile(r"[^\W\d_]")


def link_label(text: str) -> bool:
    """``text`` could be a menu's link ("World news", "Contact us", "| Products |")."""
    if not _LETTER.search(text):
        return False
    if _DATED.search(text):  # its figures are a date's: only the rest is judged
        text = re.sub(r"\d", "", text)
    return not _NO_LABEL.search(text) and not code_marks(text)


def read_as_unit(ctx: Context, i: int, units: Optional[dict[int, "Unit"]]) -> tuple[str, int]:
    """Line ``i``'s text and word count as a reader takes them: its whole sentence when it
    was broken across lines, a table row's cells."""
    if units:
        return units[i].text, units[i].nwords
    return as_prose(ctx.text[i]), ctx.nwords(i)


def full_sentence(ctx: Context, i: int, units: Optional[dict[int, "Unit"]],
                  min_words: int) -> bool:
    """Line ``i`` (its unit) is a finished sentence of ``min_words`` or more words, whatever
    its label: a capital first, a full stop last."""
    text, n = read_as_unit(ctx, i, units)
    return is_full_sentence(text, n, min_words)


def _share_in_runs(items, total: int) -> float:
    """Share of ``total`` lines in runs of MENU_RUN or more consecutive ``items`` that are
    true (each item says whether its line reads as a menu entry)."""
    in_runs = run = 0
    for item in items:
        if item:
            run += 1
            continue
        in_runs += run if run >= MENU_RUN else 0
        run = 0
    in_runs += run if run >= MENU_RUN else 0
    return in_runs / total if total else 0.0


def _segment_lines(segments: list) -> list[int]:
    """The lines of the classifier's segments between two runs of content, in order: a run's
    lines, a bad line's own; what rules removed holds none."""
    return [i for seg in segments if seg != "removed"
            for i in ([seg[1]] if seg[0] == "bad" else seg[0])]


class ClassifyRule(Rule):
    STAGE = True
    KEY = "classify"
    RULE_ID_OPTIONS = ("post_marks",)
    EVIDENCE = False
    PHASE = 7
    PATTERN = False
    NEEDS_CONTEXT = True
    OPTIONS = {
        "length_low": 70,  # characters: below this a line is too short to judge alone
        "length_high": 200,  # characters: above this a stopword-rich line is plainly prose
        "stopwords_low": 0.25,  # stopword share below which a line is bad
        "stopwords_high": 0.28,  # share above which it is good (or neargood when shorter)
        "rescue_stopwords": 0.15,
        "reference_share": 0.40,  # median stopword share of long prose lines the thresholds assume  # a bad line between good ones with this share is kept
        "min_words": 60,  # documents shorter than this are left to the other rules
        "run_words": 40,  # words of neargood prose that make a run content without a good line
        "min_menu_share": 0.2,  # share of lines in menu-like runs (3+ short or bad lines that
                                # end no sentence) below which the text is already extracted
        "guard_prose_words": 150,  # the over-removal guard of the pipeline, applied to units:
        "guard_keep_share": 0.15,  # prose it reads in table cells and broken lines is kept
        "inner_bad_lines": 3,  # between content, a bad run shorter than this is kept (a table
                               # row, a list item, a wrapped line): only edges and long runs go
        "edge_headings": 2,  # heading-like lines kept above content that removals cut off
        "edge_lines": 3,  # lines kept at each edge of content that removals cut off
        "edge_skip": 2,  # short lines (a name, a role) passed over above content, not kept
        "menu_evidence": 5,  # menu entries in a row that show the text is a web page's
        "spare_words": 10,  # a line this long written as prose, between content, stays
        "spare_sentence_words": 25,  # a full sentence this long stays anywhere on the page
        "lead_in_words": 6,  # a sentence this long ending in a colon, ending content, stays
        "table_lines": 6,  # between content, this many lines with ``table_figures`` of them
        "table_figures": 0.3,  # figure cells ("$165", "9.1 oz") are a flattened table: kept
        "rows_gap": 2,  # lines between the story's end and a list of rows (a lead-in, a label)
        "post_marks": [],  # rules that take a forum's furniture around its posts ("Joined: ...")
        "thread_min_posts": 3,  # posts (blocks of that furniture) that make the page a thread
    }

    def apply(self, ctx: Context) -> None:
        if ctx.model is None or ctx.lang not in ctx.model.stopwords:
            return  # no stopword list for this language: nothing to judge by
        lines = ctx.alive_lines()
        counts = ctx.word_counts()
        total = sum([counts[i] for i in lines])
        if total < self.options["min_words"]:
            return
        if self.menu_share_at_most(ctx, lines) < self.options["min_menu_share"]:
            return  # cannot have menus enough, whatever the labels: spared reading them
        units = self.units(ctx, lines)
        labels = self.initial_labels(ctx, lines, units)
        for i in fenced_lines(ctx.doc.lines):
            if i in labels and ctx.removed[i] is None:
                labels[i] = GOOD  # a code block is content as written
        prompts = set(self.prompt_lines(ctx, lines))
        if prompts and any(labels[i] in (GOOD, NEARGOOD) for i in lines if i not in prompts):
            # so is a command typed at a shell's prompt, on a page with content of its own
            # around it: one prompt line is no content to keep a page of short lines by (a
            # directory with an install hint is left to the emptied-page guard)
            for i in prompts:
                labels[i] = GOOD
        tables = ctx.table_lines()
        cells = {i for table in tables for i in table}
        if self.menu_share(ctx, lines, labels, units, cells) < self.options["min_menu_share"]:
            return  # no menus or link lists: already extracted text, left to the rules
        spared: set[int] = set()
        listed: set[int] = set()
        revised = self.revise(ctx, labels, units, spared, tables, listed)
        for i in self.inner_keeps(ctx, revised):
            revised[i] = GOOD
        if self.would_empty(ctx, units, revised):
            return  # judged before sparing, so that sparing never lets the classifier run
        if listed and not self.left_whole(ctx, revised, spared):
            spared |= listed
        spared.update(self.item_fields(ctx))
        for i in spared:
            if revised.get(i) == BAD:
                revised[i] = GOOD
        if spared:  # items spared as the page's writing: list items beside kept ones stay
            for i in self.list_keeps(ctx, revised):
                revised[i] = GOOD
        menus = self.menu_lines(ctx, labels, revised, units)
        for i, label in revised.items():
            if label in (BAD, META):
                ctx.drop(i, self, self.menu_mark() if i in menus else None)

    @staticmethod
    def prompt_lines(ctx: Context, lines: list[int]) -> list[int]:
        """The surviving ``lines`` that are a command typed at a shell's prompt ("$ npm run
        build", "$ celery -A proj flower") or Python's (">>> import json"): a documentation
        page's code, one command a line
        between its "Copy" buttons, which few function words and no full stop make read as a
        menu's entries. A price is a figure after its "$", a command a lowercase word. So is
        the command or line of code right under a copy button ("Copy code" / "pip install
        flask twilio": see :func:`cleaner.text.code.copied_lines`), read over the page as it
        came: a later round no longer holds the button a rule took."""
        copied = _surviving(ctx, lines, _copied_keys(tuple(ctx.source_lines)))
        return sorted({i for i in lines if typed_at_prompt(ctx.text[i])} | set(copied))

    def left_whole(self, ctx: Context, revised: dict[int, str], spared: set[int]) -> bool:
        """In the first round, the verdicts would leave no line of the page, and the
        emptied-document guard would keep it whole (see
        :func:`cleaner.engine.pipeline._emptied`): a page of records that only statistical
        rules took. A listing's records are then left to the guard: sparing them alone would
        cut the rest of the listing, the records told another way (a "Special Offer!" line
        among them), which the guard keeps."""
        if ctx.source is not None or any(revised.get(i) not in (BAD, META) or i in spared
                                         for i in ctx.alive_lines()):
            return False
        return emptied.kept_whole(emptied.total_words(ctx),
                                  emptied.removal_kinds(ctx) | {self.category})

    def menu_lines(self, ctx: Context, labels: dict[int, str], revised: dict[int, str],
                   units: Optional[dict[int, "Unit"]]) -> set[int]:
        """The lines going in runs of ``menu_evidence`` or more menu entries in a row: a
        menu the text was scraped with, evidence of a web page (the no-chrome guard reads it;
        see cleaner.categories). Shorter runs prove nothing: a poem or a list has those."""
        found: set[int] = set()
        run: list[int] = []
        for i in sorted(revised):
            if ctx.removed[i] is None and revised[i] == BAD and menu_item(ctx, i, labels, units) \
                    and link_label(ctx.text[i]):
                run.append(i)
                continue
            if ctx.removed[i] is not None:
                continue  # a line rules took does not break a menu
            if len(run) >= self.options["menu_evidence"]:
                found.update(run)
            run = []
        if len(run) >= self.options["menu_evidence"]:
            found.update(run)
        return found

    _menu_mark = None

    def menu_mark(self):
        """The mark of a menu's lines: this rule's, as evidence of a web page."""
        if self._menu_mark is None or self._menu_mark.scope != self.pack_kind:
            self._menu_mark = replace(self.removal_mark(), evidence=True)
        return self._menu_mark

    def would_empty(self, ctx: Context, units: dict[int, "Unit"], labels: dict[int, str]) -> bool:
        """True when the verdicts would cut the text's prose (sentences of 10+ words, a table
        row read by its cells) to under ``guard_keep_share`` of it: text with that much prose
        and nothing the classifier can tell from it is not a page of menus."""
        prose = kept = 0
        for unit in {id(u): u for u in units.values()}.values():
            if unit.nwords >= 10 and ends_sentence(unit.text):
                prose += unit.nwords
                if labels.get(unit.lines[-1]) != BAD:
                    kept += unit.nwords
        return prose >= self.options["guard_prose_words"] and kept < self.options["guard_keep_share"] * prose

    def inner_keeps(self, ctx: Context, labels: dict[int, str]) -> list[int]:
        """Bad lines in short runs between content lines (not counting lines rules removed)."""
        order = [i for i in sorted(labels) if ctx.removed[i] is None]
        good = [p for p, i in enumerate(order) if labels[i] == GOOD]
        if not good:
            return []
        keep, run = [], []
        for p in range(good[0] + 1, good[-1]):
            i = order[p]
            if labels[i] == BAD:
                run.append(i)
                continue
            if run and len(run) < self.options["inner_bad_lines"]:
                keep.extend(run)
            run = []
        return keep

    @staticmethod
    def item_fields(ctx: Context) -> list[int]:
        """The surviving lines of bulleted field lists (see
        :func:`cleaner.text.shape.item_field_runs`: "- Processor: Dual core at 2.8 GHz", "-
        Memory: 4 GB RAM", "- Storage: 60 GB available space"), wherever they sit: a list of
        facts is the page's writing, which few function words and no full stop make read as
        menu entries. The runs are read over the page's non-blank lines, those rules took
        too, so that a list keeps its shape when a rule took one of its lines."""
        nonblank = ctx.nonblank_lines()
        runs = item_field_runs([ctx.text[i] for i in nonblank])
        return [nonblank[k] for run in runs for k in run if ctx.removed[nonblank[k]] is None]

    def list_keeps(self, ctx: Context, labels: dict[int, str]) -> list[int]:
        """Bad list items between two lines that stay (the lines next to them that rules
        left), one of them a list item too (any bullet or number: the markers are not
        compared): a list is judged with its items ("- Avoid common architecture and
        integration pitfalls with expert-led planning", few function words, between two items
        spared as the page's writing). Asked over the whole page once any item was spared. A
        line that repeats down the page (a card's button) is no item of one list; a line that
        is no list item (a tag line) and an item between two lines that go are judged by their
        own features."""
        order = [i for i in sorted(labels) if ctx.removed[i] is None]
        repeated = self.repeated_lines(ctx)

        def item(i: int) -> bool:
            return is_list_item(as_prose(ctx.text[i]))

        return [i for before, i, after in zip(order, order[1:], order[2:])
                if labels[i] == BAD and item(i) and labels[before] == GOOD == labels[after]
                and (item(before) or item(after)) and comparable(ctx.text[i]) not in repeated]

    # --- lines broken inside a sentence ---------------------------------------------------
    @staticmethod
    def units(ctx: Context, lines: list[int]) -> dict[int, "Unit"]:
        """Each surviving line's unit (see :func:`cleaner.text.prose.sentence_units`)."""
        return sentence_units(ctx, lines, ctx.model.stopwords[ctx.lang])

    # --- one line alone ------------------------------------------------------------------
    @staticmethod
    def menu_share(ctx: Context, lines: list[int], labels: dict[int, str],
                   units: Optional[dict[int, "Unit"]] = None,
                   cells: frozenset | set = frozenset()) -> float:
        """Share of the lines that sit in runs of three or more short or bad lines ending no
        sentence: the menus, link lists and footers of a page dump. A table's ``cells``
        printed one a line are no menu's entries, nor lines of the page's other text: the
        share is of the lines outside them (an extractor's output keeps its tables, and a
        page dump with a long table still shows its menus)."""
        rest = [i for i in lines if i not in cells] if cells else lines
        return _share_in_runs((menu_item(ctx, i, labels, units) for i in rest), len(rest))

    @staticmethod
    def menu_share_at_most(ctx: Context, lines: list[int]) -> float:
        """An upper bound of :meth:`menu_share` from word counts alone: every line of
        MENU_ITEM_WORDS words or fewer counted as a menu item, whatever its label and ending.
        Its runs hold every run menu_share counts, so the bound is never below it. Text
        already extracted (a second round, an extractor's output) is mostly long lines and
        is settled here."""
        counts = ctx.word_counts()
        return _share_in_runs([counts[i] <= MENU_ITEM_WORDS for i in lines], len(lines))

    def scale(self, ctx: Context, lines: list[int], stop) -> float:
        """Thresholds shrink for languages whose prose has few stopwords (Finnish, Turkish,
        Hungarian inflect where English adds a word): the median share of the document's long
        lines, against ``reference_share`` for English prose; never above 1."""
        counts, text = ctx.word_counts(), ctx.text
        shares = [stopword_density(text[i], stop)[1] for i in lines if counts[i] >= 15]
        if len(shares) < 3:
            return 1.0
        shares.sort()
        return min(1.0, shares[len(shares) // 2] / self.options["reference_share"])

    def initial_labels(self, ctx: Context, lines: list[int],
                       units: Optional[dict[int, "Unit"]] = None) -> dict[int, str]:
        o = dict(self.options)
        stop = ctx.model.stopwords[ctx.lang]
        factor = self.scale(ctx, lines, stop)
        for key in ("stopwords_low", "stopwords_high", "rescue_stopwords"):
            o[key] = o[key] * factor
        # lines rules removed: bad neighbours
        removed = ctx.removed  # only ever marks non-blank lines
        labels: dict[int, str] = {i: BAD for i in ctx.nonblank_lines() if removed[i] is not None}
        for i in lines:
            if units and units[i].lines[0] != i:
                labels[i] = labels[units[i].lines[0]]  # a broken sentence: judged once, whole
                continue
            text = units[i].text if units else as_prose(ctx.text[i])
            ntokens, density = stopword_density(text, stop)
            length = reading_length(text)
            if length < o["length_low"]:
                # a short full sentence with stopwords is prose ("Officials declined to comment.")
                sentence = ends_sentence(text) and ntokens >= 4 and density >= o["stopwords_low"]
                label = NEARGOOD if sentence else SHORT
            elif density >= o["stopwords_high"]:
                label = GOOD if length > o["length_high"] else NEARGOOD
            elif density >= o["stopwords_low"]:
                label = NEARGOOD
            elif density >= o["rescue_stopwords"] and ends_sentence(text):
                label = "weak"  # a sentence with few stopwords: kept only inside content
            else:
                label = BAD
            labels[i] = label
        if ctx.title in labels and ctx.removed[ctx.title] is None \
                and (not units or len(units[ctx.title].lines) == 1):
            labels[ctx.title] = SHORT  # a headline has few stopwords: judge it by what follows
        return labels

    @staticmethod
    def is_heading(ctx: Context, i: int) -> bool:
        """3+ words, not a menu; past 4 words a headline has a function word ("Warns of
        Escalation"), while a row of section names ("Markets Tech Science Health") has none."""
        n = ctx.nwords(i)
        if n < 3 or is_menu(ctx.text[i]):
            return False
        return n <= 4 or stopword_hits(ctx.text[i], ctx.model.stopwords[ctx.lang])[1] > 0

    # --- neighbours ----------------------------------------------------------------------
    def revise(self, ctx: Context, labels: dict[int, str],
               units: Optional[dict[int, "Unit"]] = None,
               spared: Optional[set] = None,
               tables: Optional[list[list[int]]] = None,
               listed: Optional[set] = None) -> dict[int, str]:
        """Runs of lines between bad ones are judged whole: a run with prose in it (a good
        line, or two sentence-ending neargood ones) is content, and its uncertain lines are
        kept; any other run is boilerplate. Inside content, a short line between two longer
        ones stays (a subheading), short lines trailing at the run's end go, and leading ones
        stay when they read like a heading (3+ words).

        A run that only lines removed by rules part from content is the article's own edge
        when it reads so (see :meth:`edges`): a neighbour that is chrome does not make a
        headline, a standfirst or a one-line paragraph chrome too.

        Lines of a run that is not content but lies between content runs go into ``spared``
        when they read as the page's own writing (see :meth:`written_line`): a section's
        one-sentence paragraph between subheadings, an in-story list, a product's feature
        lines; and its short lines when nothing shows them to be chrome (see :meth:`unproven`).
        So do a content run's trailing lines written so, when more content follows below.
        Doubt keeps the line; at a page's head and foot, where its chrome sits, only a
        long full sentence is spared (see :func:`full_sentence`), and only on a page with
        content: one the classifier would empty is the pipeline guard's to judge whole."""
        o = self.options
        order = sorted(labels)
        new: dict[int, str] = {}
        run: list[int] = []
        # the runs in order, each with whether it is content, and between them what parted
        # them: "removed" (lines rules took) or "bad" (a line bad by its own features)
        segments: list = []
        candidates: dict[int, list[int]] = {}
        tails: dict[int, list[int]] = {}  # a content run's lines after its last solid one
        longs: list[int] = []
        doubted: set[int] = set()  # short lines between content that nothing shows to be chrome
        worded: list[int] = []  # the cells of the tables of words kept (see word_tables)
        # a content run's trailing lines written as the page's own (see written_line)
        trailing: dict[int, list[int]] = {}

        def close() -> None:
            if not run:
                return
            solid = [i for i in run if labels[i] != SHORT]
            # prose is counted by sentences: a broken one counts once, at its last line
            prose = [i for i in solid if labels[i] in (NEARGOOD, "weak")
                     and (not units or units[i].lines[-1] == i)
                     and ends_sentence(units[i].text if units else as_prose(ctx.text[i]))]
            content = any(labels[i] == GOOD and i != ctx.title for i in solid) or (
                len(prose) >= 2 and sum(units[i].nwords if units else ctx.nwords(i)
                                        for i in prose) >= o["run_words"]
            ) or (ctx.title in run and bool(prose))  # the headline and its standfirst
            if not content:
                for i in run:
                    new[i] = BAD
                    if spared is not None and self.written_line(ctx, i, labels, units):
                        candidates.setdefault(len(segments), []).append(i)
                        # a paragraph of the page's own wherever it sits: no menu entry or
                        # headline is that long and finished
                        if full_sentence(ctx, i, units, o["spare_sentence_words"]):
                            longs.append(i)
            else:
                first, last = (solid[0], solid[-1]) if solid else (None, None)
                tails[len(segments)] = [i for i in run if last is None or i > last]
                for i in run:
                    if labels[i] != SHORT:
                        new[i] = GOOD
                    elif first is not None and first < i < last:
                        new[i] = GOOD
                    elif first is not None and i < first:
                        new[i] = GOOD if self.is_heading(ctx, i) else BAD
                    else:  # trailing: a list or a sentence that ends the passage stays,
                        # other residue goes
                        text = as_prose(ctx.text[i])
                        closing = ctx.nwords(i) >= 4 and opens_sentence(text) \
                            and ends_with_full_stop(text)
                        new[i] = GOOD if closing or is_list_item(text) \
                            or self.lead_in(ctx, i, text) else BAD
                        if new[i] == BAD and spared is not None \
                                and self.written_line(ctx, i, labels, units):
                            trailing.setdefault(len(segments), []).append(i)
            segments.append((list(run), content))
            run.clear()

        for i in order:
            if ctx.removed[i] is not None:
                text = ctx.text[i]
                if "|" not in text or table_cells(text) != []:
                    close()  # a removed line is a bad neighbour; an empty row inside a table is not
                    segments.append("removed")
                continue
            if labels[i] == BAD:
                close()
                new[i] = BAD
                segments.append(("bad", i))
                continue
            run.append(i)
        close()
        if spared is not None:  # between content only: a page's head and foot are its chrome
            content_at = [k for k, seg in enumerate(segments)
                          if seg != "removed" and seg[0] != "bad" and seg[1]]
            for k, found in candidates.items():
                if content_at and content_at[0] < k < content_at[-1]:
                    spared.update(found)
            for k, found in trailing.items():
                # a line written as the page's own that ends a run of content, with more
                # content below it, is as much the page's as one in a run between two
                # (candidates above): which run it falls in hangs on whether a line the
                # rules took parted it from the story's last sentence
                if k < content_at[-1]:
                    spared.update(found)
            for k in self.thread_posts(ctx, segments, content_at):
                spared.update(candidates.get(k, ()))
            repeated = self.repeated_lines(ctx)
            for a, b in zip(content_at, content_at[1:]):
                doubted.update(self.unproven(ctx, segments[a][0][-1], segments[b][0][0],
                                             segments[a + 1:b], labels, units, repeated))
                spared.update(self.flat_table(ctx, segments[a + 1:b]))
                spared.update(self.row_table(ctx, [(tails[a], False)] + segments[a + 1:b]))
                spared.update(self.rows(ctx, [(tails[a], False)] + segments[a + 1:b]))
            # a listing's records that hold more words than the runs of content read as
            # prose (none, a login box's sentences) are the page's body
            records = self.records(ctx, order)
            # a directory's entries a round kept read as content in the next: they are no
            # prose to weigh them against (a listing's records are, by their summaries)
            entries = set(self.directory_entries(ctx, order)) if records else set()
            if records and listed is not None and sum(ctx.nwords(i) for i in records) > sum(
                    ctx.nwords(i) for k in content_at for i in segments[k][0]
                    if i not in entries):
                listed.update(records)
            if content_at:
                last = content_at[-1]  # a list that the story's last paragraph leads into
                spared.update(self.rows(ctx, [(tails[last], False)] + segments[last + 1:],
                                        o["rows_gap"]))
                spared.update(self.tables(ctx, [segments[k][0] for k in content_at],
                                          tables or []))
                worded = self.word_tables(ctx, [segments[k][0] for k in content_at])
                spared.update(worded)
                spared.update(longs)  # a page the classifier would empty: the guard's to judge
            spared.update(doubted)
        self.edges(ctx, segments, labels, units, new)
        for i in doubted:  # not a byline the story's next part is passed over from: spared
            if new.get(i) == META:
                new[i] = BAD
        for i in worded:  # a kept table's cell, not a byline: a cell that reads as content
            if new.get(i) == META:  # alone is a run, and the walk up from it takes the
                new[i] = BAD  # row's name above it ("Long walk", "Week four") for one
        t = ctx.title
        if t is not None and new.get(t) == BAD and self.is_heading(ctx, t):
            # a headline, then datelines and bylines that rules removed, then the story
            after = [i for i in order if i > t and ctx.removed[i] is None]
            if after and new.get(after[0]) == GOOD:
                new[t] = GOOD
        return new

    def thread_posts(self, ctx: Context, segments: list, content_at: list[int]) -> list[int]:
        """The segments that are a forum thread's posts, on a page that is the thread: rules
        took the furniture around its posts (``post_marks``: "Joined: ...", "Posts: 1,204",
        "Re: ...", two kinds of line or more) in ``thread_min_posts`` or more places, the first
        of them above the page's first run of content (a story with a comment thread under
        it prints its furniture below the story, and the comments are boilerplate). Each
        post is a few lines, too short to make a run of content, which leaves the
        classifier no content to keep its sentences beside; the posts are the page (house
        style), so their lines written as the page's own (see :meth:`written_line`) stay.
        The segments run from the first furniture to the first run after the last, the
        last post."""
        marks = self.options["post_marks"]
        if not marks:
            return []
        blocks: list[list[int]] = [[]]  # the furniture's lines, block by block
        for i in ctx.nonblank_lines():
            mark = ctx.removed[i]
            if mark is not None and mark.rule_id in marks:
                blocks[-1].append(i)
            elif mark is None and blocks[-1]:
                blocks.append([])  # a line that stays: a post, or a name, between blocks
        blocks = [b for b in blocks if b]
        # a thread's furniture tells two things or more ("Posts: 8292", "Re: ..."); a lone
        # "Like" or "Reply" button, told again and again, is a social bar's or a comment's
        told = {re.sub(r"\d", "", comparable(ctx.text[i])) for b in blocks for i in b}
        if len(blocks) < self.options["thread_min_posts"] or len(told) < 2:
            return []
        first, last = blocks[0][0], blocks[-1][-1]
        if content_at and self._first_line(segments[content_at[0]]) < first:
            return []  # a story above its comment thread
        found = []
        for k, seg in enumerate(segments):
            if seg == "removed" or self._first_line(seg) < first:
                continue
            found.append(k)
            if self._first_line(seg) > last and seg[0] != "bad":
                break  # the last post
        return found

    @staticmethod
    def _first_line(seg) -> int:
        """A segment's first line (a run's, a bad line's own)."""
        return seg[1] if seg[0] == "bad" else seg[0][0]

    @staticmethod
    def repeated_lines(ctx: Context) -> set[str]:
        """The page's lines that occur more than once (compared loosely): a block's label, a
        card's button, a footer's link, repeated down the page."""
        return repeated(comparable(ctx.text[i]) for i in ctx.nonblank_lines())

    def unproven(self, ctx: Context, start: int, end: int, between: list,
                 labels: dict[int, str], units: Optional[dict[int, "Unit"]],
                 repeated: set[str]) -> list[int]:
        """The short lines between two runs of content (``start`` and ``end`` are their facing
        lines) when nothing shows them to be chrome: no rule removed a line of page chrome
        among them, no ``MENU_RUN`` link labels in a row, no line that repeats down the page.
        Their shape alone (short, few function words) is no evidence: a table's rows, a
        product's specs, a code listing or a list of names between the story's paragraphs
        read so too, and doubt keeps the line."""
        if any(ctx.removed[i] is not None and ctx.removed[i].evidence
               for i in range(start + 1, end)):
            return []
        lines = _segment_lines(between)
        run = 0
        for i in lines:
            if comparable(ctx.text[i]) in repeated:
                return []
            run = run + 1 if menu_item(ctx, i, labels, units) and link_label(ctx.text[i]) else 0
            if run >= MENU_RUN:
                return []
        return [i for i in lines if labels[i] != BAD]  # long and poor in function words: a
        # tag list, a ticker, judged by its own features

    def lead_in(self, ctx: Context, i: int, text: str) -> bool:
        """A sentence that introduces what follows ("Here's a summary of the agencies we'll
        cover in this review:"): ``lead_in_words`` or more words, a capital first, a colon
        last, a function word. A list or table after it may be judged apart; the sentence is
        the passage's own writing (a menu's label is a word or two: "Sections:")."""
        return ctx.nwords(i) >= self.options["lead_in_words"] and opens_sentence(text) \
            and ends_with_colon(text) \
            and stopword_hits(text, ctx.model.stopwords[ctx.lang])[1] > 0

    @staticmethod
    def introduced_contact(ctx: Context, i: int) -> bool:
        """Line ``i``, below a lead-in ("For information on certification, contact:"), is
        what the lead-in introduces: an organisation's address with its telephone, e-mail
        or home page (see :mod:`cleaner.text.contact`), which ends in no full stop and
        reads as no sentence. A form's field under a sign-up lead-in ("Email address")
        names a detail and holds none."""
        return contact_details(ctx.text[i])

    def contact_lead_in(self, ctx: Context, i: int) -> bool:
        """Line ``i`` is a lead-in and the contact details it introduces on one line ("For
        more information, contact: Toon Boom Animation Inc. Karina Bessoudo (514) 278-8666",
        a press release's last line): it opens as a sentence, the words before its first
        colon and space are one clause of ``CONTACT_LEAD_WORDS`` or more with a function word
        (a contact box's "Phone:" or "Contact us:" is a label; a web address's "https:" has
        no space after it), and what follows holds contact details and no second colon (a
        list of sources, "Publisher: Title: https://...", is the page's foot)."""
        text = as_prose(ctx.text[i])
        head, colon, rest = text.partition(": ")  # a lead-in's colon, not a web address's
        if not colon or not opens_sentence(text) or len(head.split()) < CONTACT_LEAD_WORDS \
                or _SENTENCE_END.search(head) or ": " in rest:
            return False  # the lead-in is one clause ("... nonprofit. EIN: 91-0565555" is
            # not), and what it introduces no title of its own: a source's "Publisher: Title:
            # https://..." is a citation
        return stopword_hits(head, ctx.model.stopwords[ctx.lang])[1] > 0 \
            and contact_details(rest)

    def flat_table(self, ctx: Context, between: list) -> list[int]:
        """The lines between two runs of content when they read as a table a page dump
        flattened to one cell a line: ``table_lines`` or more lines, ``table_figures`` of
        them figure cells ("$0 – $11,925", "9.1 oz", "10 %"). A menu or a teaser list has no
        figures; a table in the story is content (its rows are the article's data)."""
        lines = _segment_lines(between)
        if len(lines) < self.options["table_lines"]:
            return []
        figures = sum(1 for i in lines if _FIGURE.match(ctx.text[i])
                      and not ctx.text[i].strip().isdigit())
        return lines if figures >= self.options["table_figures"] * len(lines) else []

    @staticmethod
    def row_table(ctx: Context, between: list) -> list[int]:
        """The lines between two runs of content (``between``: the segments after the first
        run's last solid line, its header row among them) when they are a table printed one
        row a line, its cells apart by tabs or pipes (see
        :func:`cleaner.text.cellrows.table_block`): the story's table, which cut row by row
        reads as a menu. Its lines stay, a cell broken over two lines too."""
        lines = _segment_lines(between)
        return lines if table_block([ctx.text[i] for i in lines]) else []

    def rows(self, ctx: Context, between: list, gap: Optional[int] = None) -> list[int]:
        """The lines of ``between`` (the segments between two runs of content) that are rows
        of one shape, three or more in a row (see :mod:`cleaner.text.shape`): a directory's
        entries, a bibliography, a catalogue's index. A list is judged as one block, not line
        by line. Between two runs of content, a list written as fields ("Storage tiers: EBS
        volumes ...") is one too. With ``gap`` (the segments after the story's last content), only the runs
        that follow it, each starting within ``gap`` lines of the content or of the run before
        (a section's label between two parts of a list): the page's foot is its chrome."""
        lines = _segment_lines(between)
        texts = [as_prose(ctx.text[i]) for i in lines]
        found: list[int] = []
        end = 0
        for run in same_shape_runs(texts):
            if gap is not None and run.start - end > gap:
                break
            found.extend(lines[k] for k in run)
            end = run.stop
        if gap is None:  # between the story's parts, a list of fields too ("Fruits: berries,
            # pears, etc."); after the story's end such a list is as often a contact box
            found.extend(lines[k] for run in field_runs(texts) for k in run)
        return found

    @staticmethod
    def records(ctx: Context, order: list[int]) -> list[int]:
        """The surviving lines of ``order`` that are a listing's records, told in the same
        few lines record after record (see :func:`cleaner.text.shape.record_items`): job
        ads, classified ads, a shop's items with their blurbs. The records are read over the page as it
        came (``ctx.source_lines``), in every round: the lines rules took are their anchors
        (a date, a "View this ad" told on every record), and a later round, which reads
        only what survived, no longer sees them."""
        return _surviving(ctx, order, _record_keys(tuple(ctx.source_lines), ctx.lang))

    @staticmethod
    def directory_entries(ctx: Context, order: list[int]) -> list[int]:
        """The surviving lines of ``order`` that are a directory's entries, each with a
        telephone or an e-mail (see :func:`cleaner.text.directory.contact_records`), read
        over the page as it came, as :meth:`records` reads a listing's."""
        return _surviving(ctx, order, _directory_keys(tuple(ctx.source_lines)))

    def tables(self, ctx: Context, content: list[list[int]], tables: list[list[int]]) -> list[int]:
        """The lines of ``tables`` (see :meth:`Context.table_lines`) that the story's prose touches:
        a run of ``content`` ends within ``rows_gap`` lines above the table ("Here's how the
        mice rank:") or starts within them below it, and the table is not above the story's
        first content. Such a table is the story's data; cut cell by cell it reads as a menu.
        A grid of product cards among a listing's blurbs, or a table far below the story, is
        left to the other verdicts."""
        gap = self.options["rows_gap"]
        position = {i: k for k, i in enumerate(ctx.alive_lines())}
        runs = [(position[run[0]], position[run[-1]]) for run in content]
        found: list[int] = []
        for lines in tables:
            if lines[0] < content[0][0]:
                continue
            top, bottom = position[lines[0]], position[lines[-1]]
            # lines between the table and each run (none when a run took its edge cells in)
            apart = [top - end - 1 if end < top else start - bottom - 1 if start > bottom else 0
                     for start, end in runs]
            if min(apart) <= gap:
                found.extend(lines)
        return found

    def word_tables(self, ctx: Context, content: list[list[int]]) -> list[int]:
        """The lines of the tables of words under a header row (see
        :meth:`Context.word_table_lines`) that lie between the story's first run of
        ``content`` and its last: in the story's middle, with its sections' prose around
        it. The header row and the rows' shapes, not the neighbours, are the evidence; a
        run of content need not touch it (a section's one-line lead-in above a table is no
        run of content). At a page's head and foot, where its menus, cookie tables, shop
        selectors and teaser grids are, a table of words is left to the other verdicts, even
        where the prose touches it: a header row and a period are all its evidence, and that
        chrome has both."""
        if len(content) < 2:
            return []
        top, bottom = content[0][0], content[-1][-1]
        return [i for lines in ctx.word_table_lines()
                if lines and top < lines[0] and lines[-1] < bottom for i in lines]

    def written_line(self, ctx: Context, i: int, labels: dict[int, str],
                     units: Optional[dict[int, "Unit"]]) -> bool:
        """Line ``i`` reads as the page's own writing, not as a menu entry or a teaser
        headline: ``spare_words`` or more words (its whole sentence, when broken across
        lines), not long and poor in stopwords (``bad`` by its own features), and written as
        a sentence is (a capital first, a full stop or a lead-in's colon at the end), or as a
        list item, or in sentence case with a function word ("Lunch: large salad topped with
        fresh vegetables, chickpeas, avocado"). A headline is in title case."""
        if labels[i] not in (NEARGOOD, "weak", SHORT):
            return False
        text, n = read_as_unit(ctx, i, units)
        if n < self.options["spare_words"]:
            return False
        if is_list_item(text):
            return True
        if not opens_sentence(text):
            return False
        if ends_with_full_stop(text) or text.rstrip().endswith(":"):
            return True
        return not is_menu(ctx.text[i]) and not title_case(text) \
            and stopword_hits(text, ctx.model.stopwords[ctx.lang])[1] > 0

    def edges(self, ctx: Context, segments: list, labels: dict[int, str],
              units: Optional[dict[int, "Unit"]], new: dict[int, str]) -> None:
        """Keep the article's edges that rules' removals cut off from it. Walking out from
        each run of content, over lines rules removed (a byline, a date, share buttons, an ad
        label), at most ``edge_lines`` lines stay:

        - above the content: lines that read as a standfirst (a sentence) or a headline (at
          most ``edge_headings`` of them, as a menu entry can look like one), whether their
          own words made them short or bad (a headline has few function words); up to
          ``edge_skip`` meta lines the rules did not know (a byline's name and role, a place
          and a date: three words or fewer, or eight with a year or a time) are passed over,
          and go;
        - below it: lines that read as a sentence (a closing one-line paragraph, a
          correction note) or a list item, and a lead-in (see :meth:`lead_in`: "For more
          information on the programme, write to:") with a line it introduces that stays, and
          ``edge_lines`` more after it (the addresses, each a sentence by its shape, or lines
          holding contact details: see :meth:`introduced_contact`); a lead-in over a form's
          field ("...straight to your inbox:", "Email address") goes; a lead-in with its
          contact details on one line (see :meth:`contact_lead_in`) stays.

        The walk stops at the first line that reads as neither, and at other content."""
        o = self.options

        def sentence(i: int) -> bool:  # whatever its label: a standfirst may have few
            return full_sentence(ctx, i, units, 4)  # function words

        def listed(i: int) -> bool:  # a list item or a field ("Revenue: £612m")
            text = as_prose(ctx.text[i])
            return is_list_item(text) or bool(_FIELD.search(text))

        def meta(i: int) -> bool:  # a name, a role, a place and date ("Murcia, 14 oct. 2025")
            text, n = ctx.text[i], ctx.nwords(i)
            return not ends_sentence(text) and (n <= 3 or (n <= 8 and bool(
                _CLOCK.search(text) or _DATED.search(text))))

        nonblank = ctx.nonblank_lines()
        after = dict(zip(nonblank, nonblank[1:]))

        def byline(i: int) -> bool:  # a name just above a byline or dateline rules took
            below = after.get(i)
            mark = ctx.removed[below] if below is not None else None
            return meta(i) and mark is not None and mark.category in ("byline", "dateline")

        def walk(k: int, step: int) -> None:
            kept = headings = skipped = 0
            led: list[int] = []  # lead-ins not yet followed by a line the walk keeps
            under_lead = False  # a lead-in stood above: its contact lines are the passage's
            k += step
            while 0 <= k < len(segments) and kept < o["edge_lines"]:
                seg = segments[k]
                k += step
                if seg == "removed":
                    continue
                lines = [seg[1]] if seg[0] == "bad" else seg[0]
                if seg[0] != "bad" and seg[1]:
                    return  # other content
                for i in (reversed(lines) if step < 0 else lines):
                    if kept >= o["edge_lines"]:
                        return
                    if step < 0 and skipped < o["edge_skip"] and byline(i):
                        new[i] = META  # "Marta Pinheiro Leal" over "Publicado 12/03/2025"
                        skipped += 1
                        continue
                    if step > 0 and self.lead_in(ctx, i, as_prose(ctx.text[i])):
                        led.append(i)  # "For more information, write to:": kept with
                        kept = 0  # what it introduces, counted from here
                        under_lead = True
                        continue
                    if sentence(i) or (step > 0 and listed(i)) \
                            or (under_lead and self.introduced_contact(ctx, i)) \
                            or (step > 0 and self.contact_lead_in(ctx, i)):
                        new[i] = GOOD
                        for j in led:
                            new[j] = GOOD
                        led.clear()
                    elif step < 0 and headings < o["edge_headings"] and self.is_heading(ctx, i):
                        new[i] = GOOD
                        headings += 1
                    elif step < 0 and skipped < o["edge_skip"] and meta(i):
                        new[i] = META  # a byline or dateline the rules did not know
                        skipped += 1
                        continue
                    else:
                        return
                    kept += 1

        for k, seg in enumerate(segments):
            if seg != "removed" and seg[0] != "bad" and seg[1]:
                walk(k, -1)
                walk(k, 1)


@memo(1)  # one document's rounds ask it again; another document never does
def _record_keys(source: tuple[str, ...], lang: Optional[str]) -> frozenset[str]:
    """The comparable forms of the records' own lines in ``source``, the page as it came, in
    language ``lang``: the same in every round of one document, so read once (it reads every
    line)."""
    lines, texts = _page_lines(source)
    # a listing's records, and a directory's entries (each with a telephone or an e-mail)
    return frozenset(comparable(lines[k]) for k in record_items(texts, lang=lang)) \
        | _directory_keys(source)


@memo(1)
def _directory_keys(source: tuple[str, ...]) -> frozenset[str]:
    """The comparable forms of a directory's entries in ``source``, the page as it came (see
    :func:`cleaner.text.directory.contact_records`): read once a document, as _record_keys."""
    lines, texts = _page_lines(source)
    return frozenset(comparable(lines[k]) for k in contact_records(texts))


@memo(1)
def _page_lines(source: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The non-blank lines of ``source`` and each read as prose (:func:`as_prose`): the
    records' and the directory's finders read the same, once a document."""
    lines = [line for line in source if line.strip()]
    return lines, [as_prose(t) for t in lines]


def _surviving(ctx: Context, order: list[int], keys: frozenset[str]) -> list[int]:
    """The lines of ``order`` no rule took whose comparable form is among ``keys``."""
    if not keys:
        return []
    return [i for i in order if ctx.removed[i] is None and comparable(ctx.text[i]) in keys]


@memo(1)
def _copied_keys(source: tuple[str, ...]) -> frozenset[str]:
    """The comparable forms of the lines under a copy button in ``source``, the page as it
    came (see :func:`cleaner.text.code.copied_lines`): the button is gone in a later round,
    which rules removed, and its code is still code."""
    lines, _ = _page_lines(source)
    return frozenset(comparable(lines[k]) for k in copied_lines(lines))
