"""Plain documents as units of work: one file (or stdin) in, its output and report out.

:func:`clean_source` reads and cleans one source with the options given to
:func:`set_options` and returns everything the command writes for it as strings (the text or
JSON line for stdout, the ``--explain`` lines for stderr), so it runs the same in this process
or in a worker (see :mod:`cleaner.io.parallel`).
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Optional

from ..errors import CleanerError
from ..engine.pipeline import clean_document
from .progress import result_counts


@dataclass(frozen=True)
class DocOptions:
    url: Optional[str] = None
    lang: Optional[str] = None
    html: Optional[bool] = None
    fmt: str = "text"
    explain: bool = False
    rules_dirs: tuple[str, ...] = ()
    quiet: bool = False  # no warnings on stderr (they stay in the JSON)
    keep: frozenset = frozenset()  # categories left in (--keep)
    report: str = ""  # "document": an HTML report of it; "summary": its part of a corpus report


@dataclass
class Outcome:
    """``error`` (one line, naming the source) or the output, the explanation and counts."""

    name: str
    output: str = ""
    explain: tuple[str, ...] = ()
    counts: Optional[tuple] = None
    nbytes: int = 0
    error: Optional[str] = None
    report: object = None  # the HTML report, or a report.RecordSummary (DocOptions.report)


def source_name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def read_source(path: str) -> bytes:
    """The bytes of a file, or of stdin for '-'; :class:`CleanerError` naming the file."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise CleanerError(f"{path}: is a directory, not a file") from None
    except FileNotFoundError:
        raise CleanerError(f"{path}: no such file") from None
    except OSError as exc:
        raise CleanerError(f"{path}: cannot read: {exc.strerror or exc}") from None


def explain_lines(result, source: str) -> tuple[str, ...]:
    """``--explain`` for plain output: one line per removal and per warning, after what the
    HTML reader did for HTML input: the main content it chose, and each element it dropped
    (hidden, matched by a selector rule, outside the main content; without line numbers)."""
    out = []
    if result.html is not None:
        x = result.html
        where = f"{x.container}: " if x.container else ""
        out.append(f"{source}: html: main content: {where}{x.blocks_kept} of {x.blocks_total} "
                   f"blocks shown" + (" (widened)" if x.widened else ""))
        for r in x.dropped:
            out.append(f"{source}: html: dropped by {r.rule_id} [{r.category}]: {_shown(r)}")
    for r in result.removals:
        lines = f"line {r.line_numbers[0]}" if len(r.line_numbers) == 1 else \
            f"lines {r.line_numbers[0]}-{r.line_numbers[-1]}"
        verb = "trimmed" if r.trimmed else "removed"
        out.append(f"{source}: {lines}: {verb} by {r.rule_id} [{r.category}]: {_shown(r)}")
    return tuple(out) + warning_lines(result, source)


def warning_lines(result, source: str) -> tuple[str, ...]:
    """One stderr line per warning (a guard's decision, an emptied document, a timeout):
    shown by default, as a cleaning that kept a page whole or emptied it is worth a look."""
    return tuple(f"{source}: warning: {warning}" for warning in result.warnings)


def _shown(removal) -> str:
    """A removal's first line, shortened, and how many more went with it."""
    first = removal.lines[0].strip()
    more = f" (+{len(removal.lines) - 1} more)" if len(removal.lines) > 1 else ""
    return f"{first[:70]!r}{more}"


def clean_data(data: bytes, name: str, options: DocOptions) -> Outcome:
    try:
        result = clean_document(data, url=options.url, lang=options.lang, html=options.html,
                                rules_dirs=options.rules_dirs, keep=options.keep)
    except (NotImplementedError, CleanerError) as exc:
        return Outcome(name, error=f"{name}: {exc}", nbytes=len(data))
    if options.fmt == "json":
        payload = result.to_dict()
        payload["source"] = name
        output = json.dumps(payload, ensure_ascii=False) + "\n"
    else:
        output = result.text
    if options.explain and options.fmt != "json":
        explain = explain_lines(result, name)
    else:
        explain = () if options.quiet else warning_lines(result, name)
    return Outcome(name, output, explain, result_counts(result), len(data),
                   report=_report(result, data, name, options))


def _report(result, data: bytes, name: str, options: DocOptions):
    if not options.report:
        return None
    from .. import report

    if options.report == "summary":
        return report.summarize(result, url=options.url)
    return report.render_document(result, data, source=name, url=options.url,
                                  rules_dirs=options.rules_dirs)


_OPTIONS: Optional[DocOptions] = None


def set_options(options: DocOptions) -> None:
    """Per-process set-up (the workers' initializer): keep the options, compile the packs."""
    global _OPTIONS
    from ..engine.packs import get_packset

    _OPTIONS = options
    get_packset(options.rules_dirs)


def clean_source(path) -> Outcome:
    """Clean one source: a path ('-' for stdin), or ('-', bytes) for stdin read elsewhere."""
    if isinstance(path, tuple):
        return clean_data(path[1], source_name(path[0]), _OPTIONS)
    name = source_name(path)
    try:
        data = read_source(path)
    except CleanerError as exc:
        return Outcome(name, error=str(exc))
    return clean_data(data, name, _OPTIONS)
