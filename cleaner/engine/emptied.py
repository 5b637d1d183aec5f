"""The emptied-document guard's figures, in one home: the pipeline applies the guard (see
:func:`cleaner.engine.pipeline._emptied`), and the line classifier leaves a page of records
to it rather than keep part of it (see :meth:`ClassifyRule.left_whole`)."""
from __future__ import annotations

from typing import Collection

# An input of at least KEEP_EMPTIED_WORDS words that would lose every line is kept whole when
# its removals name at most KEEP_EMPTIED_KINDS categories.
KEEP_EMPTIED_WORDS = 300
KEEP_EMPTIED_KINDS = 5


def kept_whole(total_words: int, kinds: Collection[str], min_words: int = KEEP_EMPTIED_WORDS,
               max_kinds: int = KEEP_EMPTIED_KINDS) -> bool:
    """An emptied input of ``total_words`` words whose removals name the categories
    ``kinds`` is kept whole by the guard."""
    return total_words >= min_words and len(kinds) <= max_kinds
