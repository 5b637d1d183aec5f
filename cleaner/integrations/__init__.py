"""Running cleaner inside corpus engines, each behind an optional extra.

- :mod:`cleaner.integrations.datatrove` (``pip install 'cleaner-news[datatrove]'``): ``CleanerStep``, a
  datatrove pipeline step for the local, Slurm and Ray executors.
- :mod:`cleaner.integrations.spark` (``pip install 'cleaner-news[spark]'``): ``clean_column``, which
  cleans a PySpark DataFrame column with a vectorised (Arrow) pandas UDF.

Nothing here imports datatrove or pyspark: only those two modules do, so ``import cleaner`` works
without the extras. Both write the same report (:mod:`cleaner.report_schema`, whose
``REPORT_SCHEMA`` reads it back with Spark's ``from_json``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

from ..report_schema import REPORT_SCHEMA, report  # noqa: F401  (REPORT_SCHEMA: published here for Spark users)
from ..result import CleanResult


def resolve_rules_dirs(rules_dirs: Iterable[str | Path] | str | Path | None) -> tuple[str, ...]:
    """``rules_dirs`` as absolute paths, resolved where the job is defined, so that workers
    started in another directory (a Slurm node, a Spark executor) find the same folders."""
    if rules_dirs is None:
        return ()
    if isinstance(rules_dirs, (str, Path)):
        rules_dirs = [rules_dirs]
    return tuple(str(Path(d).expanduser().resolve()) for d in rules_dirs)


def check_html(html: Optional[bool]) -> Optional[bool]:
    if html not in (None, True, False):
        raise ValueError(f"html must be None (detect), True or False, not {html!r}")
    return html


def removals_report(result: CleanResult, original: Optional[str] = None, *,
                    record_lines: bool = False) -> dict:
    """What one document's cleaning did, as JSON-able data: :func:`cleaner.report_schema.report`
    (the one report shape, documented in the README), kept under this name for callers of the
    integrations. ``original`` is not needed any more and ignored."""
    return report(result, record_lines=record_lines)
