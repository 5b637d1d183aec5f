"""Last step: the surviving lines as text, and the removals as a report.

Surviving lines are kept exactly as written (or as trimmed), in order. Runs of blank lines fold
to one, the text has no blank lines at either end, and it ends with one newline (an empty
result is the empty string).
"""
from __future__ import annotations

from typing import Optional

from .context import Context
from ..result import Removal

_PLUS_ONE = (1).__add__  # a line's index to its 1-based number


def survivors(ctx: Context) -> tuple[list[str], list[Optional[int]]]:
    """The surviving lines, runs of blank lines folded to one and none at the ends, with each
    one's original index (None for the blank separators)."""
    lines: list[str] = []
    origin: list[Optional[int]] = []
    text, block_of = ctx.text, ctx.doc.block_of
    last = -1
    for i in ctx.alive_lines():
        block = block_of[i]
        if block != last and lines:
            # another block: blank lines came between (all of them kept, as blank lines are)
            lines.append("")
            origin.append(None)
        last = block
        lines.append(text[i])
        origin.append(i)
    return lines, origin


def render_text(ctx: Context) -> str:
    lines, _ = survivors(ctx)
    if not lines:
        return ""
    lines.append("")  # the final newline, joined in: adding it after would copy the text
    return "\n".join(lines)


def removals(ctx: Context) -> list[Removal]:
    """Consecutive lines removed by the same rule become one :class:`Removal`; trims follow
    in the order they happened."""
    found: list[Removal] = []
    run: list[int] = []

    line_of = ctx.doc.lines.__getitem__

    def close() -> None:
        if run:
            mark = ctx.removed[run[0]]
            found.append(Removal(mark.rule_id, mark.category, mark.pack,
                                 tuple(map(_PLUS_ONE, run)), tuple(map(line_of, run))))
            run.clear()

    removed = ctx.removed
    for i in ctx.nonblank_lines():  # a blank line is never removed, nor ends a run
        mark = removed[i]
        if mark is None:
            close()
            continue
        if run and removed[run[0]].rule_id != mark.rule_id:
            close()
        run.append(i)
    close()
    for index, rule_id, category, pack, cut in ctx.trims:
        found.append(Removal(rule_id, category, pack, (index + 1,), (cut,), trimmed=True))
    found.sort(key=lambda r: r.line_numbers[0])
    return found
