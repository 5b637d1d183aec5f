"""The state of one document while rules run: which lines are gone, which were trimmed, and why.

Rules never delete anything themselves; they ask the context to mark a line removed (or a span
of it trimmed) in the name of a rule. That keeps one account of every removal for the richer
result, and makes "kept + removed = input" true by construction.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from .matching import matches, search
from .prefilter import EVERY_RULE
from ..text.segment import Document
from ..memo import memo
from ..text.shape import in_tables, table_runs
from ..text.wordtable import word_table_runs
from ..text import ends_sentence, is_menu, words, words_if_cached

if TYPE_CHECKING:  # pragma: no cover
    from .kinds.base import Rule
    from ..text.language import LanguageModel
    from .prefilter import Prefilter




@dataclass(frozen=True)
class Mark:
    """Why a line was removed (one per rule, shared by the lines it removes)."""

    rule_id: str
    category: str
    pack: str
    kind: str = ""  # the rule's kind (line, section...)
    scope: str = ""  # the kind of pack it came from: site, language, generic
    # A line of a comment thread, from its first stamp on, that a rest heading cut on the
    # stamps' evidence: its prose is the readers', which the over-removal guard does not
    # count as the article's.
    thread: bool = False
    # The removal shows the text came from a web page (see cleaner.categories).
    evidence: bool = False
    # The rule matched the line's own text (not its statistics or its neighbours).
    matched: bool = False


@dataclass
class Context:
    doc: Document
    lang: Optional[str] = None
    model: Optional["LanguageModel"] = None
    text: list[str] = field(default_factory=list)  # current text of each line (after trims)
    removed: list[Optional[Mark]] = field(default_factory=list)
    trims: list[tuple[int, str, str, str, str]] = field(default_factory=list)  # line, rule, cat, pack, cut
    warnings: list[str] = field(default_factory=list)
    fired: dict[str, int] = field(default_factory=dict)
    timed_out: set = field(default_factory=set)
    foreign: dict[int, str] = field(default_factory=dict)  # block index -> foreign language
    prefilter: Optional["Prefilter"] = None
    _literal_index: Optional[dict] = None  # literal id -> lines holding it (current text)
    _candidates: dict = field(default_factory=dict)  # rule id -> lines it could match
    # the lines of the document as it came, for a later round's context (which holds only
    # what survived the one before); None in the first round
    source: Optional[list[str]] = None
    # a later round's lines' indices in the first round's (None for a blank separator);
    # None in the first round
    origin: Optional[list[Optional[int]]] = None
    _title: Optional[int] = -2
    # the line of the page's headline as the HTML reader showed it (its h1); None when it
    # showed none, and for text (the first round's line numbers: a page's text has one round)
    page_headline: Optional[int] = None
    # a record's field labels told again over values of their own are data (stages.RepeatRule):
    # on the text the HTML reader chose from a page (no line classifier runs on it), not a
    # thread's (a poster's card tells its "Likes Received:" with each post)
    record_labels: bool = False
    _alive: Optional[list] = None
    _dropped_since: bool = False  # lines dropped since _alive was last filtered
    _nwords: Optional[list] = None
    _nonblank: Optional[list] = None
    _word_tables: Optional[list[list[int]]] = None  # the tables of words on this round's lines, all of them

    def __post_init__(self) -> None:
        if not self.text:
            self.text = list(self.doc.lines)
        if not self.removed:
            self.removed = [None] * len(self.doc.lines)

    @property
    def stopwords(self) -> frozenset:
        """The function words of the document's language (empty without a model or a
        language): one home for a lookup the rules and guards all make."""
        if self.model is None or not self.lang:
            return frozenset()
        return self.model.stopwords.get(self.lang, frozenset())

    # --- marking -------------------------------------------------------------------------
    def drop(self, index: int, rule: "Rule", mark: Optional[Mark] = None) -> bool:
        """Mark line ``index`` removed by ``rule`` (with ``mark``, a mark of the rule's own
        other than its usual one); False if it was blank or already gone."""
        if self.removed[index] is not None or self.doc.block_of[index] < 0:
            return False
        self.removed[index] = mark or rule.removal_mark()
        self.fired[rule.id] = self.fired.get(rule.id, 0) + 1
        # _alive is filtered when next asked for, not here: deleting from the middle of a
        # list made a run that drops most of a million lines quadratic (62 s at 1M lines).
        self._dropped_since = True
        if index == self._title:
            self._title = -2  # a copy of the headline was dropped: look again
        return True

    def trim(self, index: int, start: int, end: int, rule: "Rule") -> None:
        """Cut ``text[start:end]`` out of line ``index``; a line left blank is removed instead."""
        line = self.text[index]
        rest = line[:start] + line[end:]
        if not rest.strip():
            self.drop(index, rule)
            return
        self.trims.append((index, rule.id, rule.category, rule.pack_name, line[start:end]))
        self.text[index] = rest
        self.fired[rule.id] = self.fired.get(rule.id, 0) + 1
        self._title = -2  # the title may now read differently
        self.forget_index()  # the line's literals may have changed
        if self._nwords is not None:
            self._nwords[index] = len(words(rest))

    def forget_alive(self) -> None:
        """The removals changed behind drop()'s back (a mark given to more lines)."""
        self._alive = None
        self._title = -2

    def restore(self, indices) -> None:
        """Undo the removal of these lines (a guard puts them back)."""
        for index in indices:
            self.removed[index] = None
        self._alive = None
        self._title = -2

    def keep_everything(self) -> None:
        """Undo every removal and trim: a guard keeps the document as it came."""
        self.removed = [None] * len(self.doc.lines)
        self.text = list(self.doc.lines)
        self.trims.clear()
        self._alive = self._nwords = None
        self.forget_index()
        self._title = -2

    def merge_round(self, later: "Context", origin: list[Optional[int]]) -> bool:
        """Carry what a later round removed and trimmed (``later``: a context of the lines
        that survived this one; ``origin``: each of its lines' index here, None for a blank
        separator) back to these lines. False when that round removed nothing."""
        if not any(mark is not None for mark in later.removed) and not later.trims:
            return False
        for j, mark in enumerate(later.removed):
            if mark is not None and origin[j] is not None:
                self.removed[origin[j]] = mark
        for j, rule_id, category, pack, cut in later.trims:
            self.text[origin[j]] = later.text[j]
            self.trims.append((origin[j], rule_id, category, pack, cut))
            self.forget_index()  # the line's literals may have changed
            self._nwords = None  # and its word count
        for rule_id, count in later.fired.items():
            self.fired[rule_id] = self.fired.get(rule_id, 0) + count
        self.warnings.extend(w for w in later.warnings if w not in self.warnings)
        self._alive = None
        return True

    # --- the prefilter's index ------------------------------------------------------------
    def forget_index(self) -> None:
        """Drop the literal index and the candidates read from it (a line's text changed)."""
        self._literal_index = None
        self._candidates = {}

    def forget_candidates(self, rule: "Rule") -> None:
        """Let go of ``rule``'s candidates (it has run)."""
        self._candidates.pop(rule.id, None)

    def inherit_index(self, earlier: "Context") -> None:
        """Take ``earlier``'s literal index for this context's lines, which are lines of it
        (:attr:`origin`: each one's index there, None for a blank separator), when both use
        the same prefilter: the same literals in the same strings, renumbered, spare a scan."""
        if self.origin is not None and self.prefilter is earlier.prefilter \
                and earlier._literal_index is not None:
            self._literal_index = carried_index(earlier._literal_index, self.origin)

    # --- reading -------------------------------------------------------------------------
    @property
    def source_lines(self) -> list[str]:
        """The lines of the document as it came into the first round."""
        return self.source if self.source is not None else self.doc.lines

    def alive(self, index: int) -> bool:
        return self.removed[index] is None and self.doc.block_of[index] >= 0

    def nonblank_lines(self) -> list[int]:
        """Indices of the lines that are not blank, removed or not (not to be changed). The
        document's blocks tell: a trim never blanks a line (the line is removed instead), so
        the current text is blank exactly where the input was."""
        if self._nonblank is None:
            self._nonblank = self.doc.nonblank()
        return self._nonblank

    def table_lines(self) -> list[list[int]]:
        """The surviving lines of each table of figures the text prints one cell a line (see
        :func:`cleaner.text.shape.table_runs`), the tables read over the lines rules removed
        as well (a rule may have taken a cell, "Yes", and the table is still one): the
        classifier keeps one the story's prose touches. The tables of words
        (:meth:`word_table_lines`) are not among them: their column of figures is what makes
        a table the prose touches the story's, and the chrome right under a story (a cookie
        table, a shop's delivery selector, a grid of teasers) has a header row and a period
        as well; a table of words is kept only between the story's parts. (The repeat rule
        asks :meth:`lines_in_tables` instead.)"""
        lines = self.nonblank_lines()
        tables = [[lines[k] for k in run if self.removed[lines[k]] is None]
                  for run in table_runs([self.text[i] for i in lines])]
        return [table for table in tables if table]

    def word_table_lines(self) -> list[list[int]]:
        """The surviving lines of each table of words the page prints one cell a line (see
        :func:`cleaner.text.wordtable.word_table_runs`), read over the page as it came into
        the first round (a later round holds only the cells the first left: the repeat rule
        took the "Yes" told again, a line rule the "—" of an empty cell, and they no longer
        keep the table's period), and in a later round over its own lines as well."""
        if self._word_tables is None:
            self._word_tables = self._read_word_tables()
        return [[i for i in table if self.removed[i] is None] for table in self._word_tables]

    def _read_word_tables(self) -> list[list[int]]:
        found = [list(table) for table in _source_word_tables(tuple(self.source_lines))]
        if self.origin is not None:
            # mapped onto this round's lines; and the tables its own lines show (a menu a
            # rule took from the stretch of short lines leaves the table's edges clear)
            back = {first: k for k, first in enumerate(self.origin) if first is not None}
            found = [[back[i] for i in table if i in back] for table in found]
            lines = self.nonblank_lines()
            found = _joined(found, [[lines[k] for k in run] for run in
                                    word_table_runs([self.text[i] for i in lines])])
        return found

    def lines_in_tables(self, asked) -> set[int]:
        """Those of the surviving lines ``asked`` that lie in a table the surviving lines
        alone print one cell a line, the tables read only around them
        (:func:`cleaner.text.shape.in_tables`): the cells the repeat rule leaves alone."""
        if not asked:
            return set()
        lines = self.alive_lines()
        wanted = asked if isinstance(asked, (set, frozenset)) else set(asked)
        positions = [k for k, i in enumerate(lines) if i in wanted]
        return {lines[k] for k in in_tables([self.text[i] for i in lines], positions)}

    def alive_lines(self) -> list[int]:
        """Indices of the lines still in play (a fresh list: callers may keep it)."""
        removed = self.removed
        if self._alive is None:
            self._alive = [i for i in self.nonblank_lines() if removed[i] is None]
        elif self._dropped_since:  # one pass over what was alive: as dear as the copy below
            self._alive = [i for i in self._alive if removed[i] is None]
        self._dropped_since = False
        return list(self._alive)

    def nwords(self, index: int) -> int:
        """Word count of a line's current text (cached: rules ask for it constantly)."""
        return (self._nwords or self.word_counts())[index]

    def word_counts(self) -> list[int]:
        """Every line's word count, by index (the list nwords() reads: not to be changed)."""
        if self._nwords is None:
            cached = words_if_cached  # words() without a call where the line is split already
            self._nwords = [len(cached(t) or words(t)) for t in self.text]
        return self._nwords

    def block_lines(self, block: int) -> range:
        start, end = self.doc.blocks[block]
        return range(start, end)

    def block_alive(self, block: int) -> bool:
        return any(self.alive(i) for i in self.block_lines(block))

    @property
    def title(self) -> Optional[int]:
        """Index of the headline: the first surviving line that reads like one, within the
        first few lines (None when the document does not open with one, as page dumps don't)."""
        if self._title == -2:
            self._title = None
            for seen, i in enumerate(self.alive_lines()):
                if seen >= 6:
                    break
                n = self.nwords(i)
                if n >= 20 and ends_sentence(self.text[i]):
                    break  # the story has begun: a headline comes before its first paragraph
                if 4 <= n <= 30 and not is_menu(self.text[i]) and not self.text[i].rstrip().endswith((".", ",", ";")):
                    self._title = i
                    break
        return self._title

    def candidates(self, rule: "Rule") -> Optional[set[int]]:
        """The lines ``rule``'s pattern could match (they hold one of its literals), or None
        when the prefilter cannot bound the rule and every line must be searched."""
        try:
            return self._candidates[rule.id]  # asked line after line: answer from memory
        except KeyError:
            pass
        found: Optional[set[int]] = None
        ids = self.prefilter.literal_ids(rule) if self.prefilter is not None else None
        if ids is not None:
            if self._literal_index is None:
                self._literal_index = self.prefilter.index(self.text)
            index = self._literal_index
            found = set(index.get(EVERY_RULE, ()))
            for number in ids.intersection(index):  # a rule's literals are many, a page's hits few
                found.update(index[number])
        self._candidates[rule.id] = found
        return found

    def search(self, rule: "Rule", pattern, text: str):
        """``pattern.search(text)`` under the rule's time budget (:func:`cleaner.engine.matching.search`);
        a timeout counts as no match, and is reported once a document."""
        try:
            return search(rule, pattern, text)
        except TimeoutError:
            self._timed_out(rule)
            return None

    def matches_line(self, rule: "Rule", text: str) -> bool:
        """Whether ``rule``'s pattern matches ``text`` (:func:`cleaner.engine.matching.matches`,
        remembered across lines and documents); a timeout counts as no match."""
        try:
            return matches(rule, text)
        except TimeoutError:
            self._timed_out(rule)
            return False

    def _timed_out(self, rule: "Rule") -> None:
        if rule.id not in self.timed_out:
            self.timed_out.add(rule.id)
            self.warnings.append(
                f"rule {rule.id!r} ({rule.pack_path}) timed out after {rule.timeout}s "
                "and was treated as not matching"
            )


def carried_index(index: dict[int, list[int]], origin: list[Optional[int]]) -> dict[int, list[int]]:
    """A prefilter index of some lines, for the lines ``origin`` names among them (blank
    separators hold no literal, and lines not named are not there to hold one)."""
    new_of = {i: j for j, i in enumerate(origin) if i is not None}.get
    carried = {}
    for number, lines in index.items():
        moved = [j for j in map(new_of, lines) if j is not None]
        if moved:
            carried[number] = moved
    return carried


def _joined(tables: list[list[int]], more: list[list[int]]) -> list[list[int]]:
    """``tables`` and those of ``more`` that share no line with them (a table of figures
    and one of words read over the same lines are one table), each in order."""
    taken = {i for table in tables for i in table}
    return tables + [table for table in more if not taken.intersection(table)]


@memo(1)
def _source_word_tables(source: tuple[str, ...]) -> tuple[tuple[int, ...], ...]:
    """The tables of words in ``source`` (a document's lines as they came), as tuples of
    line indices: read once a document, every round maps them onto its own lines (tuples:
    the cached answer is shared, no caller may change it)."""
    nonblank = [i for i, line in enumerate(source) if line.strip()]
    return tuple(tuple(nonblank[k] for k in run)
                 for run in word_table_runs([source[i] for i in nonblank]))
