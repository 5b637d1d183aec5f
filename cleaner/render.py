"""Last step: the surviving lines as text, and the removals as a report.

Surviving lines are kept exactly as written (or as trimmed), in order. Runs of blank lines fold
to one, the text has no blank lines at either end, and it ends with one newline (an empty
result is the empty string).
"""
from __future__ import annotations

from .context import Context
from .result import Removal


def render_text(ctx: Context) -> str:
    out: list[str] = []
    blank = False
    for i, line in enumerate(ctx.text):
        if ctx.removed[i] is not None:
            continue
        if not line.strip():
            blank = bool(out)
            continue
        if blank:
            out.append("")
            blank = False
        out.append(line)
    return "\n".join(out) + "\n" if out else ""


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
