"""Last step: the surviving lines as text, and the removals as a report.

Surviving lines are kept exactly as written (or as trimmed), in order. Runs of blank lines fold
to one, the text has no blank lines at either end, and it ends with one newline (an empty
result is the empty string).
"""
from __future__ import annotations

from typing import Optional

from .context import Context
from .result import Removal


def survivors(ctx: Context) -> tuple[list[str], list[Optional[int]]]:
    """The surviving lines, runs of blank lines folded to one and none at the ends, with each
    one's original index (None for the blank separators)."""
    lines: list[str] = []
    origin: list[Optional[int]] = []
    blank = False
    for i, line in enumerate(ctx.text):
        if ctx.removed[i] is not None:
            continue
        if not line.strip():
            blank = bool(lines)
            continue
        if blank:
            lines.append("")
            origin.append(None)
            blank = False
        lines.append(line)
        origin.append(i)
    return lines, origin


def render_text(ctx: Context) -> str:
    lines, _ = survivors(ctx)
    return "\n".join(lines) + "\n" if lines else ""


def removals(ctx: Context) -> list[Removal]:
    """Consecutive lines removed by the same rule become one :class:`Removal`; trims follow
    in the order they happened."""
    found: list[Removal] = []
    run: list[int] = []

    def close() -> None:
        if run:
            mark = ctx.removed[run[0]]
            found.append(Removal(mark.rule_id, mark.category, mark.pack,
                                 tuple(i + 1 for i in run), tuple(ctx.doc.lines[i] for i in run)))
            run.clear()

    for i, mark in enumerate(ctx.removed):
        if mark is None:
            if ctx.text[i].strip():
                close()
            continue
        if run and ctx.removed[run[0]].rule_id != mark.rule_id:
            close()
        run.append(i)
    close()
    for index, rule_id, category, pack, cut in ctx.trims:
        found.append(Removal(rule_id, category, pack, (index + 1,), (cut,), trimmed=True))
    found.sort(key=lambda r: r.line_numbers[0])
    return found
