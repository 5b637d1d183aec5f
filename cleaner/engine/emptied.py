"""The emptied-document guard's judgement, in one home: the pipeline applies the guard (see
:func:`cleaner.engine.pipeline._emptied`), and the line classifier leaves a page of records
to it rather than keep part of it (see :meth:`ClassifyRule.left_whole`)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import words

if TYPE_CHECKING:
    from .context import Context

# An input of at least KEEP_EMPTIED_WORDS words that would lose every line is kept whole when
# its removals name at most KEEP_EMPTIED_KINDS categories (read when asked: a test or a bench
# script may change them).
KEEP_EMPTIED_WORDS = 300
KEEP_EMPTIED_KINDS = 5


def total_words(ctx: "Context") -> int:
    """The words of the document as this round read it."""
    return sum(len(words(line)) for line in ctx.doc.lines)


def removal_kinds(ctx: "Context") -> set[str]:
    """The categories the round's removals and trims name."""
    return {m.category for m in ctx.removed if m is not None} | {t[2] for t in ctx.trims}


def kept_whole(total: int, kinds: set[str]) -> bool:
    """An emptied input of ``total`` words whose removals name the categories ``kinds`` is
    kept whole by the guard."""
    return total >= KEEP_EMPTIED_WORDS and len(kinds) <= KEEP_EMPTIED_KINDS
