"""Kinds that act on a line their pattern matches: ``line`` drops it, ``trim`` cuts the
matched span from its start or end.
"""
from __future__ import annotations



from ..context import Context
from .base import Rule


class LineRule(Rule):
    KEY = "line"
    ONLY_ON_MATCHES = True
    SETTLED_AFTER_A_ROUND = True
    PHASE = 1
    OPTIONS = {"max_words": 0}  # 0: any length

    def apply(self, ctx: Context) -> None:
        todo = self.lines_to_search(ctx)
        max_words = self.options["max_words"]
        if max_words and todo:
            counts = ctx.word_counts()
            todo = [i for i in todo if counts[i] <= max_words]
        text, longest = ctx.text, self.longest
        # Dropping a line changes nothing about another, so the lines are chosen up front.
        stripped = [text[i].strip() for i in todo]
        if longest is not None:
            found = [(i, line) for i, line in zip(todo, stripped) if len(line) <= longest]
        else:
            found = list(zip(todo, stripped))
        for i, line in found:
            if ctx.matches_line(self, line):
                ctx.drop(i, self)


class TrimRule(Rule):
    KEY = "trim"
    ONLY_ON_MATCHES = True
    SETTLED_AFTER_A_ROUND = True
    PHASE = 0

    def apply(self, ctx: Context) -> None:
        for i in self.lines_to_search(ctx):
            m = ctx.search(self, self.pattern, ctx.text[i])
            if m and m.end() > m.start():
                ctx.trim(i, m.start(), m.end(), self)
