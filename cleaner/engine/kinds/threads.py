"""A comment thread's stamps (author, date and time lines), read by the ``rest`` kind to
cut a thread that outweighs its story.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Optional

import regex

from ..context import Context



THREAD_STORY_WORDS = 100  # prose before a thread heading that cuts by its stamps alone


POST_PROSE_WORDS = 20  # prose between two copies of a heading that make them each a post's


THREAD_STAMP_WORDS = 20  # a comment's stamp line: its author, date and time, a reply link


# A time of day and a date with its year, in any language's order: "July 24, 2012 11:45 PM",
# "26 October 2012 17:38", "10/2/12 2:05 PM", "29.07.2020 // 12:56", "2012-10-16 at 8:03 am".
# The date keeps out a live blog's entries, which are stamped with the time alone.
_CLOCK = regex.compile(r"(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")


_DATED = regex.compile(r"(?<!\d)(?:(?:19|20)\d\d|\d{1,2}[./-]\d{1,2}[./-]\d{2})(?!\d)")


def _stamp_lines(ctx: Context) -> list[int]:
    """The non-blank lines that are comment stamps: short, with a date and a time of day.
    Lines other rules removed count too (a byline rule takes "Posted by: Jane | October 30,
    2012 at 08:58 AM"): they are a thread's evidence all the same."""
    counts, text = ctx.word_counts(), ctx.text
    return [j for j in ctx.nonblank_lines() if counts[j] <= THREAD_STAMP_WORDS
            and ":" in text[j] and _CLOCK.search(text[j]) and _DATED.search(text[j])]


def _thread_start(lines: list[int], pos: int, prose_before: list[int], stamp_lines: list[int],
                  enough: int) -> Optional[int]:
    """Where the thread under the heading ``lines[pos]`` begins (its first stamp's line), or
    None when what follows the heading does not read as a thread. The caller has checked
    that THREAD_STORY_WORDS words of prose come before the heading (fewer: a count under a
    headline, or a lede over a timeline, whose entries are dated and timed like comments).
    Not a thread:

    - fewer than ``enough`` stamps after the heading;
    - more prose between it and the first stamp than half the prose before it: a count
      above the story, with the story and then its thread below. A thread's first stamp
      comes after a reply form, or after the first comment when stamps sign comments.
    """
    heading, before = lines[pos], prose_before[pos]
    at = bisect_right(stamp_lines, heading)
    if len(stamp_lines) - at < enough:
        return None
    first_stamp = stamp_lines[at]
    lead = prose_before[bisect_left(lines, first_stamp)] - prose_before[pos + 1]
    return first_stamp if lead <= before / 2 else None
