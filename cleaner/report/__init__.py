"""HTML reports on a cleaning: one document with every removal marked (:func:`render_document`),
or a corpus summarised rule by rule (:class:`CorpusReport`, fed one :func:`summarize` of each
cleaning).

Both are one self-contained page: inline CSS, no script, nothing fetched from anywhere.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import CleanerError
from .corpus import CorpusReport, RecordSummary, summarize
from .document import render_document

_SURROGATE = re.compile("[\ud800-\udfff]")

__all__ = ["render_document", "CorpusReport", "RecordSummary", "summarize", "write_report"]


def write_report(path: str, html: str) -> None:
    """Write a report; :class:`CleanerError` naming the file when it cannot be written."""
    try:
        data = html.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (a JSON record's "\\ud800"): as U+FFFD
        data = _SURROGATE.sub("\ufffd", html).encode("utf-8")
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise CleanerError(f"{path}: cannot write the report: {exc.strerror or exc}") from None
