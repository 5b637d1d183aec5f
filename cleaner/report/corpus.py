"""The report on a corpus: totals by category and by rule, the rules ranked by the words they
removed with a few example lines each, and the documents a guard kept or that lost every line.

Memory stays flat however long the corpus: a worker turns each cleaning into a small
:class:`RecordSummary` (:func:`summarize`), and the parent adds them up in input order
(:meth:`CorpusReport.add`), keeping per rule a fixed-size reservoir sample of examples
(Algorithm R with a fixed seed: the same input gives the same page for any ``--jobs``) and
the first ``LISTED`` documents of each list.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..engine.packs import PackSet, get_packset
from ..text import words
from .explain import rule_descriptions
from .page import anchor, category_class, category_label, contents, esc, page, plural

SAMPLES = 5  # example lines kept per rule
LISTED = 100  # documents named in each list (guards kept, emptied), the first ones met
EXAMPLE_CHARS = 240  # an example line is cut to this length
_GUARD = re.compile(r"\(([\w -]+ guard)\)")  # the guards name themselves in their warning


@dataclass(frozen=True)
class RuleCount:
    """What one rule removed from one document."""

    rule_id: str
    category: str
    pack: str
    lines: int
    words: int
    example: str  # its first removed line, cut to EXAMPLE_CHARS
    line_number: int  # that line's number in the document (0: an element of a page)


@dataclass(frozen=True)
class RecordSummary:
    """What the corpus report needs of one cleaning: small, picklable."""

    rules: tuple[RuleCount, ...]
    words_in: int
    words_removed: int
    lines_removed: int
    warnings: tuple[str, ...]
    emptied: bool
    language: Optional[str]
    url: Optional[str] = None


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXAMPLE_CHARS else text[:EXAMPLE_CHARS - 1] + "…"


def summarize(result, url: Optional[str] = None) -> RecordSummary:
    """A :class:`~cleaner.result.CleanResult` as the corpus report adds it up: per rule, its
    lines and words (the text rules' removals and, for a page, what the HTML reader left out).
    ``url``: the document's, as given (a page's own counts when none was)."""
    rules: dict[str, list] = {}
    removed_words = removed_lines = 0
    dropped = result.html.dropped if result.html is not None else ()
    for r in [*dropped, *result.removals]:
        n_words = sum(len(words(line)) for line in r.lines)
        n_lines = 0 if r.trimmed else len(r.lines)
        removed_words += n_words
        removed_lines += n_lines
        row = rules.get(r.rule_id)
        if row is None:
            first = next((i for i, line in enumerate(r.lines) if line.strip()), 0)
            number = r.line_numbers[first] if r.line_numbers else 0
            rules[r.rule_id] = [r.category, r.pack, n_lines, n_words, _cut(r.lines[first]), number]
        else:
            row[2] += n_lines
            row[3] += n_words
    kept_words = len(words(result.text)) if result.text else 0
    return RecordSummary(
        rules=tuple(RuleCount(rid, *row) for rid, row in rules.items()),
        words_in=kept_words + removed_words,
        words_removed=removed_words,
        lines_removed=removed_lines,
        warnings=tuple(result.warnings),
        emptied=not result.text.strip() and removed_lines > 0,
        language=result.language,
        url=url or (result.html.url if result.html is not None else None),
    )


@dataclass
class DocRef:
    """A document as the report names it: its source and, for a record, its line there."""

    source: str
    record: Optional[int]  # the record's line number in a JSON Lines file
    words_in: int = 0
    words_removed: int = 0
    lines_removed: int = 0
    language: Optional[str] = None
    url: Optional[str] = None

    @property
    def name(self) -> str:
        return f"{self.source}:{self.record}" if self.record is not None else self.source

    @property
    def anchor(self) -> str:
        return anchor("doc", self.name)


@dataclass
class _RuleTotal:
    category: str
    pack: str
    lines: int = 0
    words: int = 0
    documents: int = 0
    samples: list = field(default_factory=list)  # [(example, line number, DocRef)]


class CorpusReport:
    """Totals over the documents :meth:`add`-ed, as one HTML page (:meth:`render`)."""

    def __init__(self, samples: int = SAMPLES, listed: int = LISTED, seed: int = 0) -> None:
        self.samples = samples
        self.listed = listed
        self._random = random.Random(seed)
        self.documents = 0
        self.bad = 0
        self.words_in = 0
        self.words_removed = 0
        self.lines_removed = 0
        self.rules: dict[str, _RuleTotal] = {}
        self.languages: dict[str, int] = {}
        self.guarded: list[tuple[DocRef, tuple[str, ...]]] = []
        self.guarded_total = 0
        self.emptied: list[tuple[DocRef, tuple[str, ...]]] = []
        self.emptied_total = 0

    def add(self, source: str, record: Optional[int], summary: RecordSummary) -> None:
        """Count one document (``record``: its line in a JSON Lines ``source``)."""
        self.documents += 1
        self.words_in += summary.words_in
        self.words_removed += summary.words_removed
        self.lines_removed += summary.lines_removed
        lang = summary.language or "none"
        self.languages[lang] = self.languages.get(lang, 0) + 1
        doc = DocRef(source, record, summary.words_in, summary.words_removed,
                     summary.lines_removed, summary.language, summary.url)
        for count in summary.rules:
            total = self.rules.get(count.rule_id)
            if total is None:
                total = self.rules[count.rule_id] = _RuleTotal(count.category, count.pack)
            total.lines += count.lines
            total.words += count.words
            total.documents += 1
            # Algorithm R over the documents each rule removed from: a uniform sample of them
            if len(total.samples) < self.samples:
                total.samples.append((count.example, count.line_number, doc))
            else:
                slot = self._random.randrange(total.documents)
                if slot < self.samples:
                    total.samples[slot] = (count.example, count.line_number, doc)
        guards = tuple(w for w in summary.warnings if _GUARD.search(w))
        if guards:
            self.guarded_total += 1
            if len(self.guarded) < self.listed:
                self.guarded.append((doc, guards))
        if summary.emptied:
            self.emptied_total += 1
            if len(self.emptied) < self.listed:
                self.emptied.append((doc, summary.warnings))

    def add_bad(self) -> None:
        """A record that could not be cleaned (skipped with --skip-bad)."""
        self.bad += 1

    def render(self, rules_dirs: Iterable[str | Path] = (), title: str = "Corpus cleaning report",
               packset: Optional[PackSet] = None) -> str:
        """The page; ``rules_dirs`` as the documents were cleaned with (for the rules'
        descriptions)."""
        descriptions = rule_descriptions(packset or get_packset(rules_dirs))
        ranked = sorted(self.rules.items(), key=lambda kv: (-kv[1].words, -kv[1].lines, kv[0]))
        sections = [("s-summary", "Summary"), ("s-cats", "By category"),
                    ("s-rules", "Rules by words removed"), ("s-guarded", "Guards"),
                    ("s-emptied", "Emptied"), ("s-docs", "Documents")]
        if not ranked:
            sections.remove(("s-rules", "Rules by words removed"))
        if not (ranked or self.guarded or self.emptied):
            sections.remove(("s-docs", "Documents"))
        parts = [f"<header><h1>{esc(title)}</h1>{contents(sections)}</header>", "<main>",
                 self._summary(), self._categories(), self._ranking(ranked, descriptions),
                 self._lists(), self._documents(ranked),
                 "</main>"]
        return page(title, "\n".join(parts))

    def _summary(self) -> str:
        share = f" ({self.words_removed / self.words_in:.1%})" if self.words_in else ""
        langs = ", ".join(f"{esc(lang)} {n:,}" for lang, n in
                          sorted(self.languages.items(), key=lambda kv: (-kv[1], kv[0])))
        facts = [
            ("Documents", f"{self.documents:,}" + (f"; {plural(self.bad, 'bad record')} skipped"
                                                     if self.bad else "")),
            ("Words removed", f"{self.words_removed:,} of {self.words_in:,}{share}"),
            ("Lines removed", f"{self.lines_removed:,} (elements of pages count their lines)"),
            ("Languages", langs or "none"),
            ("Guards kept text in", plural(self.guarded_total, "document")),
            ("Emptied", plural(self.emptied_total, "document")),
        ]
        dl = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts)
        return (f"<section aria-labelledby=\"s-summary\"><h2 id=\"s-summary\">Summary</h2>"
                f"<dl class=\"facts\">{dl}</dl></section>")

    def _categories(self) -> str:
        cats: dict[str, list[int]] = {}
        for total in self.rules.values():
            row = cats.setdefault(total.category, [0, 0])
            row[0] += total.lines
            row[1] += total.words
        if not cats:
            return ("<section aria-labelledby=\"s-cats\"><h2 id=\"s-cats\">By category</h2>"
                    "<p>Nothing was removed.</p></section>")
        top = max(w for _, w in cats.values()) or 1
        rows = []
        for cat, (n_lines, n_words) in sorted(cats.items(), key=lambda kv: (-kv[1][1], kv[0])):
            width = max(1, round(8 * n_words / top))  # em; the number beside it says it exactly
            share = f"{n_words / self.words_in:.1%}" if self.words_in else "-"
            rows.append(f"<tr><th scope=\"row\">{category_label(cat)}</th>"
                        f"<td class=\"n\">{n_lines:,}</td><td class=\"n\">{n_words:,}</td>"
                        f"<td class=\"n\">{share}</td><td aria-hidden=\"true\">"
                        f"<span class=\"bar {category_class(cat)}\" style=\"width:{width}em\"></span></td></tr>")
        return ("<section aria-labelledby=\"s-cats\"><h2 id=\"s-cats\">By category</h2>"
                "<table><thead><tr><th scope=\"col\">Category</th><th scope=\"col\" class=\"n\">Lines</th>"
                "<th scope=\"col\" class=\"n\">Words</th><th scope=\"col\" class=\"n\">Share of all words</th>"
                "<th scope=\"col\"><span class=\"sr\">Bar</span></th></tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table></section>")

    def _ranking(self, ranked: list, descriptions: dict[str, str]) -> str:
        """The rules by words removed, each row followed by its description and examples."""
        if not ranked:
            return ""
        rows = []
        for rank, (rule_id, t) in enumerate(ranked, start=1):
            items = []
            for example, number, doc in t.samples:
                where = f"{doc.name}, line {number}" if number else f"{doc.name}, an element of the page"
                items.append(f"<li><del>{esc(example)}</del> <span class=\"muted\">(<a href=\"#{doc.anchor}\">"
                             f"{esc(where)}</a>)</span></li>")
            rows.append(
                f"<tr class=\"rule\" id=\"{anchor('rule', rule_id)}\"><td class=\"n\">{rank}</td>"
                f"<td><code>{esc(rule_id)}</code></td><td>{esc(t.pack)}</td>"
                f"<td>{category_label(t.category)}</td><td class=\"n\">{t.documents:,}</td>"
                f"<td class=\"n\">{t.lines:,}</td><td class=\"n\">{t.words:,}</td></tr>"
                f"<tr class=\"examples\"><td></td><td colspan=\"6\">"
                f"<p class=\"muted\">{esc(descriptions.get(rule_id) or '(no description)')}</p>"
                f"<ul class=\"examples\" aria-label=\"Examples of {esc(rule_id)}\">{''.join(items)}</ul></td></tr>")
        return ("<section aria-labelledby=\"s-rules\"><h2 id=\"s-rules\">Rules by words removed</h2>"
                f"<p class=\"muted\">Each rule with up to {self.samples} example lines, drawn at "
                "random from the documents it removed text from (the first line it removed in "
                "each), and links to those documents.</p>"
                "<table class=\"ranking\"><thead><tr><th scope=\"col\" class=\"n\">#</th><th scope=\"col\">Rule</th>"
                "<th scope=\"col\">Pack</th><th scope=\"col\">Category</th>"
                "<th scope=\"col\" class=\"n\">Documents</th><th scope=\"col\" class=\"n\">Lines</th>"
                "<th scope=\"col\" class=\"n\">Words</th></tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table></section>")

    def _lists(self) -> str:
        def listing(entries: list, total: int, none: str) -> str:
            if not entries:
                return f"<p>{none}</p>"
            items = "".join(
                f"<li><a href=\"#{doc.anchor}\" class=\"mono\">{esc(doc.name)}</a><ul>" +
                "".join(f"<li class=\"warn\">{esc(w)}</li>" for w in warnings) + "</ul></li>"
                for doc, warnings in entries)
            more = (f"<p class=\"muted\">The first {len(entries):,} of {total:,} are listed.</p>"
                    if total > len(entries) else "")
            return f"<ul>{items}</ul>{more}"

        return ("<section aria-labelledby=\"s-guarded\"><h2 id=\"s-guarded\">Documents a guard kept "
                f"text in ({self.guarded_total:,})</h2>"
                + listing(self.guarded, self.guarded_total, "No guard had to keep or put back text.")
                + "</section><section aria-labelledby=\"s-emptied\"><h2 id=\"s-emptied\">Emptied "
                f"documents ({self.emptied_total:,})</h2>"
                + listing(self.emptied, self.emptied_total, "No document lost every line.")
                + "</section>")

    def _documents(self, ranked: list) -> str:
        """The documents the page links to, each once."""
        docs: dict[int, DocRef] = {}
        for _, t in ranked:
            for _, _, doc in t.samples:
                docs.setdefault(id(doc), doc)
        for doc, _ in [*self.guarded, *self.emptied]:
            docs.setdefault(id(doc), doc)
        if not docs:
            return ""
        rows = []
        for doc in sorted(docs.values(), key=lambda d: (d.source, d.record or 0)):
            rows.append(f"<tr id=\"{doc.anchor}\"><td class=\"mono\">{esc(doc.name)}</td>"
                        f"<td>{esc(doc.url or '')}</td><td>{esc(doc.language or 'none')}</td>"
                        f"<td class=\"n\">{doc.words_in:,}</td><td class=\"n\">{doc.words_removed:,}</td>"
                        f"<td class=\"n\">{doc.lines_removed:,}</td></tr>")
        return ("<section aria-labelledby=\"s-docs\"><h2 id=\"s-docs\">Documents named above</h2>"
                "<p class=\"muted\">A record is named by its file and its line there. Its text, "
                "cleaned on its own with <code>cleaner clean --report doc.html</code>, shows "
                "every line it lost.</p>"
                "<table><thead><tr><th scope=\"col\">Document</th><th scope=\"col\">URL</th>"
                "<th scope=\"col\">Language</th><th scope=\"col\" class=\"n\">Words</th>"
                "<th scope=\"col\" class=\"n\">Words removed</th><th scope=\"col\" class=\"n\">"
                f"Lines removed</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>")
