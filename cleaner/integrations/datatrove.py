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
document), and ``doc.metadata["cleaner"]`` says what went: the language, the packs, and every
removal with its rule id, category and line numbers (see
:func:`cleaner.integrations.removals_report`). Documents left empty are dropped unless
``drop_empty=False``. Stats are counted the datatrove way, in the task's stats file.

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
    from datatrove.utils.typeshelper import StatHints
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "cleaner.integrations.datatrove needs datatrove: pip install 'cleaner-news[datatrove]'"
    ) from exc

from ..packs import get_packset
from ..pipeline import clean_document
from . import check_html, removals_report, resolve_rules_dirs

__all__ = ["CleanerStep"]


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
        record_lines: keep the removed lines' text in the report (False: counts and line
            numbers only, a smaller output).
        drop_empty: drop documents that are empty (only whitespace) after cleaning.
        exclusion_writer: a datatrove writer that receives the dropped documents.
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
        record_lines: bool = True,
        drop_empty: bool = True,
        exclusion_writer=None,
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
        get_packset(self.rules_dirs)  # fail now, on the launching machine, on a bad pack

    def _meta_str(self, doc: Document, key: Optional[str]) -> Optional[str]:
        if not key:
            return None
        value = doc.metadata.get(key)
        return value if isinstance(value, str) and value else None

    def clean(self, doc: Document) -> Document:
        """Clean one document in place (text and metadata) and count its stats."""
        original = doc.text if isinstance(doc.text, str) else ""
        result = clean_document(original, url=self._meta_str(doc, self.url_key),
                                lang=self._meta_str(doc, self.lang_key), html=self.html,
                                rules_dirs=self.rules_dirs)
        doc.text = result.text
        if self.metadata_key:
            doc.metadata[self.metadata_key] = removals_report(result, original,
                                                              record_lines=self.record_lines)
        self.stat_update("with_removals" if result.removals else "without_removals")
        if result.language:
            self.stat_update(f"language_{result.language}")
        self.stat_update("removed_lines", value=result.removed_lines())
        self.stat_update("removed_chars", value=max(0, len(original) - len(result.text)))
        for category, lines in sorted(result.by_category().items()):
            self.stat_update(f"removed_lines_{category}", value=lines)
        if result.warnings:
            self.stat_update("warnings")
        return doc

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if data is None:
            return
        get_packset(self.rules_dirs)  # compiled once per worker process, before the first doc
        with self.exclusion_writer if self.exclusion_writer else contextlib.nullcontext() as writer:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    self.clean(doc)
                if self.drop_empty and not doc.text.strip():
                    self.stat_update(StatHints.dropped)
                    self.stat_update("dropped_empty")
                    if writer is not None:
                        writer.write(doc, rank)
                    continue
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc
