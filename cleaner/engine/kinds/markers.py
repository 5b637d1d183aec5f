"""Kinds that drop a unit around a marker line: ``sponsored`` (an ad unit) and ``bio`` (an
author bio and the name line above it).
"""
from __future__ import annotations

from typing import Iterator, Optional

import regex

from ..context import Context
from ...text.prose import ends_with_full_stop, iter_units, sentence_units
from ...text import words
from .base import Rule


class SponsoredRule(Rule):
    """The marker line of an ad unit ("Sponsored", "Anzeige"); with it go the short lines
    next to it in its block (see :meth:`cluster`), and the unit below it, read piece by
    piece (the lines after those in its block, then the blocks after it): the ad's headline (a short line that ends with no
    full stop), a pitch (``pitch_blocks`` pieces of ``pitch_max_words`` words at most) and
    the call to action that closes the unit ("Learn more", "Jetzt vergleichen": lines of
    ``cta_words`` words at most, or a line another rule took, such as a share row). A pitch
    without such a close is taken only when it is the
    whole block straight under the marker and the story goes on below it (never with
    ``close_required``, for a bare label that also marks display ads between a story's
    paragraphs: "Anzeige", which needs the ad's headline too): a short line and a paragraph
    after a marker may be the story's subheading and its text.

    A language pack's line rule may have taken the marker already (the bare "Sponsored"
    label): the unit around it still goes, as a section's teasers do under a heading."""

    KEY = "sponsored"
    ONLY_ON_MATCHES = True
    PHASE = 3
    OPTIONS = {"max_words": 8, "pitch_blocks": 2, "pitch_max_words": 120, "short_words": 20,
               "cta_words": 4, "block_lines": 3, "close_required": False}

    def apply(self, ctx: Context) -> None:
        o = self.options
        removed = ctx.removed
        candidates = ctx.candidates(self)
        markers = sorted(candidates) if candidates is not None else ctx.nonblank_lines()
        for i in markers:
            mark = removed[i]
            if (mark is not None and not (mark.kind == "line" and mark.category == "ad"
                                          and mark.scope != "site")) \
                    or ctx.nwords(i) > o["max_words"] or not self.matches(ctx, i):
                continue
            cluster = self.cluster(ctx, i)
            ctx.drop(i, self)
            for j in cluster:
                ctx.drop(j, self)
            for piece in self.unit_after(ctx, i, cluster):
                for j in piece:
                    ctx.drop(j, self)

    def cluster(self, ctx: Context, marker: int) -> list[int]:
        """The short lines next to the marker in its block, up to ``block_lines`` each side:
        the ad's headline and its repeat ("STOP THE RADICAL LEFT / 1776 Coalition Sponsored /
        STOP THE RADICAL LEFT"). A line of a sentence wrapped over several lines (hard-wrapped
        text is one block), or one that ends with a full stop, is no ad's."""
        o = self.options
        # lines other rules took count too: the repeat a repeated-line rule removed is still
        # the cluster's (only alive ones are dropped again, which changes nothing)
        lines = [j for j in ctx.block_lines(ctx.doc.block_of[marker]) if j != marker]
        units = sentence_units(ctx, lines, ctx.stopwords)
        found: list[int] = []
        for side in ([j for j in lines if j > marker], [j for j in lines if j < marker][::-1]):
            for j in side[:o["block_lines"]]:
                if ctx.nwords(j) > o["short_words"] or len(units[j].lines) > 1 \
                        or ends_with_full_stop(ctx.text[j]):
                    break
                found.append(j)
        return found

    def pieces_after(self, ctx: Context, marker: int,
                     cluster: list[int]) -> Iterator[tuple[list[int], bool]]:
        """(lines, whole block) of what follows the marker: the sentences after it in its
        block, then the blocks after it. Lines other rules removed are read too: a "Learn
        more" a line rule took still closes the unit."""
        block = ctx.doc.block_of[marker]
        rest = [j for j in ctx.block_lines(block) if j > marker and j not in cluster]
        for unit in iter_units(ctx, rest, ctx.stopwords):
            yield unit.lines, False
        for b in range(block + 1, len(ctx.doc.blocks)):
            yield list(ctx.block_lines(b)), True

    def unit_after(self, ctx: Context, marker: int, cluster: list[int]) -> list[list[int]]:
        """The pieces of the ad unit below the marker and its ``cluster`` (see the class
        docstring)."""
        o = self.options
        ahead = [piece for _, piece in zip(range(4), self.pieces_after(ctx, marker, cluster))]

        def at(k: int) -> Optional[list[int]]:
            return ahead[k][0] if k < len(ahead) else None

        def short(k: int, most: int, headline: bool = False) -> bool:
            lines = at(k)
            return lines is not None and all(
                ctx.nwords(j) <= most and not (ctx.text[j].rstrip().endswith(".") if headline
                                               else ends_with_full_stop(ctx.text[j]))
                for j in lines)

        def pitch(k: int) -> bool:
            lines = at(k)
            return lines is not None and sum(ctx.nwords(j) for j in lines) <= o["pitch_max_words"]

        unit: list[list[int]] = []
        k = 0
        if short(0, o["short_words"], headline=True) and not short(0, o["cta_words"]):
            unit.append(at(0))  # the ad's headline ("... – lapset majoittuvat ilmaiseksi!")
            k = 1
        elif o["close_required"] and not any(j > marker and not self.matches(ctx, j)
                                             for j in cluster):
            # A bare label ("Anzeige") also stands where a display ad sat between the story's
            # paragraphs: an ad's text under it opens with the advertiser's headline (in the
            # marker's block, the cluster has it; a second label is none); without one, what
            # follows is the story (and a short line after it the next heading).
            return []
        def closes(k: int) -> bool:
            # a call to action, or a line another rule took (a share row after the pitch);
            # not the end of the text, where a story may end on a short line and a paragraph
            lines = at(k)
            return lines is not None and (short(k, o["cta_words"]) or all(
                ctx.removed[j] is not None for j in lines))

        # the pitch: up to pitch_blocks pieces (a pitch of two sentences in text without
        # blank lines is two), taken when what follows them closes the unit
        end = k
        while end - k < o["pitch_blocks"] and pitch(end) and not short(end, o["short_words"]):
            end += 1
        pitches = 0
        for last in range(end, k, -1):
            # A pitch of two pieces needs a call to action after it: a line another rule
            # took (a paywall, a tag list) may follow a paragraph of the story as well.
            if closes(last) if last - k == 1 else short(last, o["cta_words"]):
                unit.extend(at(p) for p in range(k, last))
                pitches, k = last - k, last
                break
        else:
            if end > k == 0 and ahead[0][1] and at(1) is not None and not o["close_required"]:
                unit.append(at(0))  # the whole block straight under the marker
                pitches, k = 1, 1
        if pitches and short(k, o["cta_words"]):
            unit.append(at(k))  # "Learn more"
        elif not pitches and unit and short(1, o["cta_words"]):
            unit.append(at(1))  # a headline and its button
        elif not pitches:
            unit = []  # a short line alone after a marker may be the story's subheading
        return unit


class BioRule(Rule):
    """An author bio: a paragraph the pattern matches, plus a name line right above it."""

    KEY = "bio"
    ONLY_ON_MATCHES = True
    PHASE = 3
    OPTIONS = {"max_words": 150, "max_name_words": 4}
    _NAME = regex.compile(r"^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}$")

    def apply(self, ctx: Context) -> None:
        lines = ctx.alive_lines()
        candidates = ctx.candidates(self)
        for pos, i in enumerate(lines):
            if candidates is not None and i not in candidates:
                continue
            if ctx.nwords(i) > self.options["max_words"] or not self.matches(ctx, i):
                continue
            ctx.drop(i, self)
            if pos > 0:
                prev = lines[pos - 1]
                name = ctx.text[prev].strip()
                if len(words(name)) <= self.options["max_name_words"] and self._NAME.match(name):
                    ctx.drop(prev, self)
