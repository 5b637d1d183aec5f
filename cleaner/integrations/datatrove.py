"""cleaner as a datatrove pipeline step (``pip install 'cleaner-news[datatrove]'``).

>>> from datatrove.executor import LocalPipelineExecutor
>>> from datatrove.pipeline.readers import JsonlReader
>>> from datatrove.pipeline.writers import JsonlWriter
>>> from cleaner.integrations.datatrove import CleanerStep
>>> LocalPipelineExecutor(pipeline=[
...     JsonlReader("crawl/"),
...     CleanerStep(url_key="url"),
...     JsonlWriter("clean/"),
... ], tasks=8, workers=2, logging_dir="logs/").run()     # doctest: +SKIP

Each document's text is replaced by ``cleaner.clean`` of it (the same result, document for
document; bytes are decoded as ``clean()`` decodes them), and ``doc.metadata["cleaner"]``
holds the report (:mod:`cleaner.report_schema`: language, packs, per-category figures, every
rule's removals by line number; ``record_lines=True`` adds the lines' text).

A document that fails to clean (an exception, or past ``timeout`` seconds) does not stop the
task: it is counted as ``clean_error`` or ``timeout``, the first of each kind is logged with
the document's id, and it goes on. Documents dropped (emptied by the cleaning, or failed) go
to ``exclusion_writer`` with their original text, ``metadata["filter_reason"]``
(``cleaner_emptied``, ``cleaner_error``, ``cleaner_timeout``) and the report (or, for a
failure, ``metadata["cleaner_error"]``: what went wrong). Stats, in the task's stats file:
every document is counted once in ``forwarded``, ``dropped_empty``, ``clean_error`` or
``timeout``; every cleaned one in one ``language_xx`` (``language_none`` when none was
detected); lines removed per category; documents with warnings (the first few warnings go
to datatrove's logger).

The step holds only its options, so it pickles (the local executor's worker processes, the
Slurm executor's pickled pipeline); the packs are compiled once per worker process, when the
first task there starts.
"""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterable, Optional

try:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
    from datatrove.utils.logging import logger
    from datatrove.utils.typeshelper import StatHints
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "cleaner.integrations.datatrove needs datatrove: pip install 'cleaner-news[datatrove]'"
    ) from exc

from ..engine.packs import get_packset
from ..report_schema import report
from . import check_html, resolve_rules_dirs
from .faults import DEFAULT_TIMEOUT, as_text, check_timeout, clean_guarded, warm_up

__all__ = ["CleanerStep", "parquet_schema"]

MAX_LOGGED_WARNINGS = 10  # per task; the rest are counted in the stats only
FILTER_REASONS = {"emptied": "cleaner_emptied", "clean_error": "cleaner_error", "timeout": "cleaner_timeout"}


class CleanerStep(PipelineStep):
    """Clean each document's text with cleaner and record the removals in its metadata.

    Args:
        rules_dirs: folders of extra rule packs (as ``cleaner clean --rules-dir``), resolved to
            absolute paths here; ``CLEANER_RULES_PATH`` in the workers' environment adds to them.
            The packs are loaded once here too, so an invalid pack fails before any task starts.
        url_key: the metadata key holding the page URL, which picks site packs by domain
            (None: site packs match by their text signature only).
        html: None detects HTML per document, True treats every text as HTML, False as text.
        lang_key: a metadata key holding the document's language code (``en``, ``de``...) to
            use instead of detecting it; None (the default) always detects.
        metadata_key: where the report goes in ``doc.metadata`` (None: record nothing).
        record_lines: keep the removed lines' text in the report (off by default: rule ids
            and runs of line numbers only, under a tenth of the text's size).
        drop_empty: drop documents that are empty (only whitespace) after cleaning.
        exclusion_writer: a datatrove writer that receives the dropped documents, as they came in.
        timeout: CPU seconds one document may take (None or 0: no limit); one that takes
            longer is stopped and dropped as ``timeout``.
    """

    name = "🧹 cleaner"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        rules_dirs: Iterable[str | Path] | str | Path | None = (),
        url_key: Optional[str] = "url",
        html: Optional[bool] = None,
        lang_key: Optional[str] = None,
        metadata_key: Optional[str] = "cleaner",
        record_lines: bool = False,
        drop_empty: bool = True,
        exclusion_writer=None,
        timeout: Optional[float] = DEFAULT_TIMEOUT,
    ):
        super().__init__()
        self.rules_dirs = resolve_rules_dirs(rules_dirs)
        self.url_key = url_key
        self.html = check_html(html)
        self.lang_key = lang_key
        self.metadata_key = metadata_key
        self.record_lines = record_lines
        self.drop_empty = drop_empty
        self.exclusion_writer = exclusion_writer
        self.timeout = check_timeout(timeout)
        get_packset(self.rules_dirs)  # fail now, on the launching machine, on a bad pack
        self._logged: set = set()
        self._warnings_logged = 0

    def _meta_str(self, doc: Document, key: Optional[str]) -> Optional[str]:
        if not key:
            return None
        value = doc.metadata.get(key)
        return value if isinstance(value, str) and value else None

    def _log_once(self, kind: str, message: str) -> None:
        """The first fault of each kind, per task; the stats count them all."""
        if kind not in self._logged:
            self._logged.add(kind)
            logger.warning(f"{self.name}: {message} (further {kind} documents are counted in the "
                           f"stats, not logged)")

    def _log_warnings(self, doc: Document, warnings: list[str]) -> None:
        for warning in warnings:
            if self._warnings_logged >= MAX_LOGGED_WARNINGS:
                return
            self._warnings_logged += 1
            more = " (further warnings are counted in the stats, not logged)" \
                if self._warnings_logged == MAX_LOGGED_WARNINGS else ""
            logger.warning(f"{self.name}: document {doc.id}: {warning}{more}")

    def clean(self, doc: Document) -> Optional[str]:
        """Clean one document in place (text and metadata) and count its stats. Returns why
        it is to be dropped (``emptied``, ``clean_error``, ``timeout``), or None to forward it.
        A failed document keeps its text, with ``metadata["cleaner_error"]`` saying why."""
        original = as_text(doc.text)  # what a dropped document carries: bytes decoded as UTF-8
        result, fault, message = clean_guarded(
            doc.text, timeout=self.timeout,  # bytes as clean() takes them (an HTML page's charset)
            on_no_limit=lambda: self._log_once("unlimited", "documents run without a time limit "
                                               "here (a timer needs the process's main thread)"),
            url=self._meta_str(doc, self.url_key), lang=self._meta_str(doc, self.lang_key),
            html=self.html, rules_dirs=self.rules_dirs)
        if result is None:
            self.stat_update(fault)
            self._log_once(fault, f"document {doc.id}: {message}")
            if original is not None:
                doc.text = original
            doc.metadata["cleaner_error"] = message
            return fault
        doc.text = result.text
        if self.metadata_key:
            doc.metadata[self.metadata_key] = report(result, record_lines=self.record_lines)
        self.stat_update("with_removals" if result.removals else "without_removals")
        self.stat_update(f"language_{result.language or 'none'}")
        self.stat_update("removed_lines", value=result.removed_lines())
        self.stat_update("removed_chars", value=sum(len(line) for r in result.removals for line in r.lines))
        for category, lines in sorted(result.by_category().items()):
            self.stat_update(f"removed_lines_{category}", value=lines)
        if result.warnings:
            self.stat_update("warnings")
            self._log_warnings(doc, result.warnings)
        if self.drop_empty and not result.text.strip():
            self.stat_update("dropped_empty")
            doc.text = original  # the exclusion writer gets the document as it came
            return "emptied"
        self.stat_update(StatHints.forwarded)
        return None

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if data is None:
            return
        warm_up(self.rules_dirs)  # once per worker process, before the first document's timer
        self._logged, self._warnings_logged = set(), 0  # logging is per task
        with self.exclusion_writer if self.exclusion_writer else contextlib.nullcontext() as writer:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    dropped = self.clean(doc)
                if dropped is None:
                    self.update_doc_stats(doc)
                    yield doc
                    continue
                self.stat_update(StatHints.dropped)
                if writer is not None:
                    doc.metadata["filter_reason"] = FILTER_REASONS[dropped]
                    writer.write(doc, rank)


def parquet_schema(metadata: Optional[dict] = None, metadata_key: str = "cleaner"):
    """A ``pyarrow.Schema`` for datatrove's ``ParquetWriter(schema=...)`` of cleaned documents:
    ``text``, ``id`` and ``metadata`` holding the report under ``metadata_key`` beside the
    given ``metadata`` fields (name -> pyarrow type; a field not named is not written).

    ``ParquetWriter`` otherwise takes its schema from the first document it writes, and a
    report's lists are empty in one document and not in the next (``[]`` has no item type),
    so a later batch would not match it."""
    import pyarrow as pa

    from ..report_schema import arrow_type

    fields = [pa.field(name, kind) for name, kind in (metadata or {}).items() if name != metadata_key]
    fields.append(pa.field(metadata_key, arrow_type()))
    return pa.schema([pa.field("text", pa.string()), pa.field("id", pa.string()),
                      pa.field("metadata", pa.struct(fields))])
