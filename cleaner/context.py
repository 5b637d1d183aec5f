"""The state of one document while rules run: which lines are gone, which were trimmed, and why.

Rules never delete anything themselves; they ask the context to mark a line removed (or a span
of it trimmed) in the name of a rule. That keeps one account of every removal for the richer
result, and makes "kept + removed = input" true by construction.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from .prefilter import EVERY_RULE, LONG_LINE
from .segment import _cached_words, Document, ends_sentence, is_menu, lower, words
from .memo import LINE_CACHE_CHARS, memo, on_clear_all

if TYPE_CHECKING:  # pragma: no cover
    from .kinds import Rule
    from .language import LanguageModel
    from .prefilter import Prefilter

MAX_PATTERN_CHARS = LONG_LINE  # no menu, banner or footer line is longer than this



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
    _title: Optional[int] = -2
    _alive: Optional[list] = None
    _dropped_since: bool = False  # lines dropped since _alive was last filtered
    _nwords: Optional[list] = None
    _nonblank: Optional[list] = None

    def __post_init__(self) -> None:
        if not self.text:
            self.text = list(self.doc.lines)
        if not self.removed:
            self.removed = [None] * len(self.doc.lines)

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

    # --- the prefilter's index ------------------------------------------------------------
    def forget_index(self) -> None:
        """Drop the literal index and the candidates read from it (a line's text changed)."""
        self._literal_index = None
        self._candidates = {}

    def forget_candidates(self, rule: "Rule") -> None:
        """Let go of ``rule``'s candidates (it has run)."""
        self._candidates.pop(rule.id, None)

    def inherit_index(self, earlier: "Context", origin: list[Optional[int]]) -> None:
        """Take ``earlier``'s literal index for this context's lines, which are lines of it
        (``origin``: each one's index there, None for a blank separator), when both use the
        same prefilter: the same literals in the same strings, renumbered, spare a scan."""
        if self.prefilter is earlier.prefilter and earlier._literal_index is not None:
            self._literal_index = carried_index(earlier._literal_index, origin)

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
            cached = _cached_words  # words() without a call where the line is split already
            self._nwords = [len(cached(t) or words(t)) for t in self.text]
        return self._nwords

    def block_lines(self, block: int) -> range:
        start, end = self.doc.blocks[block]
        return range(start, end)

    def block_alive(self, block: int) -> bool:
        return any(self.alive(i) for i in self.block_lines(block))

    def block_text(self, block: int) -> str:
        return "\n".join(self.text[i] for i in self.block_lines(block) if self.alive(i))

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
        """``pattern.search(text)`` under the rule's time budget; a timeout counts as no match.
        Lines longer than ``MAX_PATTERN_CHARS`` are never boilerplate a pattern could name."""
        text = _as_searched(rule, text)
        if text is None:
            return None
        try:
            return pattern.search(text, timeout=rule.timeout)
        except TimeoutError:
            self._timed_out(rule)
            return None

    def matches_line(self, rule: "Rule", text: str) -> bool:
        """``search(rule, rule.pattern, text) is not None``, remembered across lines and
        documents: a site's menus and footers recur on all its pages, and each search pays the
        time budget's set-up (a few microseconds, more than a short line's search). A pattern's
        answer on a text never changes; a search that timed out is not remembered, so that
        each document reports its own."""
        text = _as_searched(rule, text)
        if text is None:
            return False
        pattern = rule.pattern
        key = (pattern, text)
        found = _MATCHED.get(key)
        if found is None:
            try:
                found = pattern.search(text, timeout=rule.timeout) is not None
            except TimeoutError:
                self._timed_out(rule)
                return False
            if len(text) <= MATCHED_MAX_CHARS:  # what recurs is short; long lines would fill memory
                if len(_MATCHED) >= MATCHED_CACHE_SIZE:
                    _MATCHED.clear()
                _MATCHED[key] = found
        return found

    def _timed_out(self, rule: "Rule") -> None:
        if rule.id not in self.timed_out:
            self.timed_out.add(rule.id)
            self.warnings.append(
                f"rule {rule.id!r} ({rule.pack_path}) timed out after {rule.timeout}s "
                "and was treated as not matching"
            )


def _as_searched(rule: "Rule", text: str) -> Optional[str]:
    """The text ``rule``'s pattern is searched on (lowercased for a lowercase-matching rule);
    None for a line longer than ``MAX_PATTERN_CHARS``, never boilerplate a pattern could name."""
    if len(text) > MAX_PATTERN_CHARS:
        return None
    return _lowered(text) if getattr(rule, "lowered", False) else text


MATCHED_CACHE_SIZE = 32768
MATCHED_MAX_CHARS = 500  # lines remembered at most this long (9 in 10 searched lines are under 100)
_MATCHED: dict = {}  # (compiled pattern, text searched) -> whether it matched
Context.matches_line.cache_clear = on_clear_all(_MATCHED.clear)  # type: ignore[attr-defined]


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


@memo(4096, LINE_CACHE_CHARS)
def _lowered(text: str) -> str:
    """``lower(text)``, remembered: every lowercase-matching rule asks for the same lines."""
    return lower(text)


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
