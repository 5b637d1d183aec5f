"""HTML reports on a cleaning: one document with every removal marked (:func:`render_document`),
or a corpus summarised rule by rule (:class:`CorpusReport`, fed one :func:`summarize` of each
cleaning).

Both are one self-contained page: inline CSS, no script, nothing fetched from anywhere.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import CleanerError
from .corpus import CorpusReport, RecordSummary, summarize
from .document import render_document

__all__ = ["render_document", "CorpusReport", "RecordSummary", "summarize", "write_report"]


def write_report(path: str, html: str) -> None:
    """Write a report; :class:`CleanerError` naming the file when it cannot be written."""
    try:
        Path(path).write_text(html, encoding="utf-8")
    except OSError as exc:
        raise CleanerError(f"{path}: cannot write the report: {exc.strerror or exc}") from None
