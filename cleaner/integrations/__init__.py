"""Running cleaner inside corpus engines, each behind an optional extra.

- :mod:`cleaner.integrations.datatrove` (``pip install 'cleaner-news[datatrove]'``): ``CleanerStep``, a
  datatrove pipeline step for the local, Slurm and Ray executors.
- :mod:`cleaner.integrations.spark` (``pip install 'cleaner-news[spark]'``): ``clean_column``, which
  cleans a PySpark DataFrame column with a vectorised (Arrow) pandas UDF.

Nothing here imports datatrove or pyspark: only those two modules do, so ``import cleaner`` works
without the extras. The helpers below turn a :class:`~cleaner.CleanResult` into plain JSON-able
data, the same for every engine.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

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


def removals_report(result: CleanResult, original: str, *, record_lines: bool = True) -> dict:
    """What one document's cleaning did, as JSON-able data.

    ``language``, ``packs``, ``removed_lines`` (whole lines), ``removed_chars`` (input length
    minus output length), ``by_category`` (lines per category), ``warnings``, and ``removals``:
    one entry per run of lines removed by one rule, with ``rule_id``, ``category``, ``pack``,
    ``line_numbers`` (1-based, in the input), ``count``, ``trimmed`` and, when ``record_lines``,
    the removed ``lines`` as written. For HTML input, ``dropped`` lists what the reader left
    out (``rule_id``, ``category``, ``pack``, ``count`` and the ``lines``, one per element or
    run of blocks), which has no line numbers.
    """
    entries = []
    for r in result.removals:
        entry = {"rule_id": r.rule_id, "category": r.category, "pack": r.pack,
                 "line_numbers": list(r.line_numbers), "count": len(r.lines), "trimmed": r.trimmed}
        if record_lines:
            entry["lines"] = list(r.lines)
        entries.append(entry)
    report = {
        "language": result.language,
        "packs": list(result.packs),
        "removed_lines": result.removed_lines(),
        "removed_chars": max(0, len(original) - len(result.text)),
        "by_category": result.by_category(),
        "warnings": list(result.warnings),
        "removals": entries,
    }
    if result.html is not None:
        report["dropped"] = [{"rule_id": r.rule_id, "category": r.category, "pack": r.pack,
                              "count": len(r.lines), **({"lines": list(r.lines)} if record_lines else {})}
                             for r in result.html.dropped]
    return report
