"""What a cleaning run reports: the text, and an account of everything it removed."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass(frozen=True)
class Removal:
    """One run of consecutive lines (or one trimmed span) removed by one rule.

    ``line_numbers`` are 1-based positions in the decoded input; ``lines`` the removed text as
    written. For a trim, ``lines`` holds the span that was cut and ``trimmed`` is True.
    """

    rule_id: str
    category: str
    pack: str
    line_numbers: tuple[int, ...]
    lines: tuple[str, ...]
    trimmed: bool = False


class PackReason(str):
    """Why a pack was chosen, worded for a reader (``"the document's language, de"``), with
    ``code``, the short form the report holds: ``always``, ``language``, ``short-text`` (a text
    too short to tell, English and a declared language), ``block`` (a block's language),
    ``domain``, ``signature`` or ``given``. A ``str``, so that ``pack_reasons`` reads as words."""

    code: str

    def __new__(cls, code: str, wording: str) -> "PackReason":
        self = super().__new__(cls, wording)
        self.code = code
        return self

    def __getnewargs__(self) -> tuple[str, str]:  # pickled to and from worker processes
        return self.code, str(self)


@dataclass
class CleanResult:
    """The cleaned text plus how it came about (see :func:`cleaner.clean_document`)."""

    text: str
    language: Optional[str]
    language_method: str
    packs: list[str]
    removals: list[Removal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    input_lines: int = 0
    language_reason: str = ""  # why this language (or none): "script: Han and kana", "too short ..."
    html: Optional[Any] = None  # for HTML input: the HtmlExtraction (container, selector hits)
    # for HTML input: what the reader read the page as (article, forum, documentation, product,
    # collection, listing, service or unknown; see cleaner.html.pagetype); None for text
    page_type: Optional[str] = None
    # every pack whose rules ran, in any round, and why it was chosen (packs holds the names);
    # the values are PackReason strings, whose code the report holds
    pack_reasons: dict[str, str] = field(default_factory=dict)
    encoding: Optional[str] = None  # the codec bytes were read in ("utf-8", "cp1252"); None for str

    def removed_lines(self) -> int:
        return sum(len(r.lines) for r in self.removals if not r.trimmed)

    def by_category(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for r in self.removals:
            counts[r.category] = counts.get(r.category, 0) + len(r.lines)
        return counts

    def report(self, *, record_lines: bool = False) -> dict:
        """What this cleaning did, in the one report shape every output uses (see
        :mod:`cleaner.report_schema`); ``record_lines`` keeps the removed lines' text."""
        from .report_schema import report

        return report(self, record_lines=record_lines)

    def to_dict(self) -> dict:
        """The text, the report with the removed lines, and how the language was found and
        (for HTML) what the reader did: what ``cleaner clean --format json`` writes."""
        data = {"text": self.text, **self.report(record_lines=True),
                "language_method": self.language_method, "input_lines": self.input_lines}
        data["html"] = self.html.to_dict() if self.html is not None else None
        return data
