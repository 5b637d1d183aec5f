"""A lead-in: a line that introduces what follows, a colon for its full stop ("Reading
cookies:", "... in your view, for example:", "读取Cookie的示例代码如下："), and the one kind
of such line that introduces nothing of the article's, a post's header in a comment thread
("John Smith says:", "Marie a écrit :": ``reportverbs.yaml``, :func:`post_header`).

One home for "2+ words ending with a colon": the segmenter reads code under a lead-in
(:func:`cleaner.text.segment.code_after_lead_in`), the section rules a list's lead-in.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from . import words
from .langlists import load_language_lists, phrase_sets

# A lead-in's words at least ("Reading cookies:", "In your templates:"); a lone "Code:" or a
# label's "Tags:" is no sentence introducing anything. Words as the project counts them
# (cleaner.text.words: a Han or kana pair, a spaced word), so a Chinese lead-in has its words.
LEAD_IN_WORDS = 2
COLONS = (":", "：")  # the full-width colon of Chinese and Japanese text


def ends_with_colon(text: str) -> bool:
    """``text`` ends with a colon, an ASCII or a full-width one (trailing spaces aside)."""
    return text.rstrip().endswith(COLONS)


def introduces(text: str, nwords: Optional[int] = None) -> bool:
    """``text`` is a lead-in: it ends with a colon and has :data:`LEAD_IN_WORDS` or more
    words (``nwords``: its words counted already, as a rule's unit of lines has them)."""
    if not ends_with_colon(text):
        return False
    return (len(words(text)) if nwords is None else nwords) >= LEAD_IN_WORDS


_LIST = ("reporting verbs", "says, wrote")  # what reportverbs.yaml lists, and an example


def load_reportverbs(text: str, path: str) -> dict[str, list[str]]:
    """``reportverbs.yaml``'s data, checked as the other word lists are (see
    :mod:`cleaner.text.langlists`)."""
    return load_language_lists(text, path, *_LIST)


def _normal(text: str) -> str:
    return " ".join(words(text.casefold()))


# Every language's verbs at once: the segmenter reads a text before its language is known, and
# a verb of another language refused as a lead-in's last word only leaves a line as it was.
VERBS = frozenset().union(*phrase_sets(Path(__file__).with_name("reportverbs.yaml"), *_LIST,
                                       _normal).values())
_VERB_WORDS = max(len(v.split()) for v in VERBS)


def post_header(text: str) -> bool:
    """``text`` is a lead-in (:func:`introduces`) whose last words are a reporting verb
    (``reportverbs.yaml``): a post's header ("John Smith says:"), not an article's lead-in."""
    if not introduces(text):
        return False
    said = words(text.casefold())
    return any(" ".join(said[-k:]) in VERBS for k in range(1, _VERB_WORDS + 1))
