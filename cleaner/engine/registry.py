"""Every rule kind a pack can use, by the one key that names it in YAML.

==========  =====================================================================================
kind        what it drops
==========  =====================================================================================
line        a whole line the pattern matches (``line: '^Advertisement$'``)
trim        the span the pattern matches at a line's start or end; the rest of the line stays
section     a heading line and the run of teasers after it, until the article resumes
rest        a heading line and everything after it (comment threads, site footers)
repeat      later copies of the headline (``repeat: title``) or of any short line (``lines``)
head        short labels above the headline ("NATO", "Contact Us")
sponsored   an ad unit around a marker line ("1776 Coalition Sponsored"): headline, repeat, pitch
bio         an author bio paragraph and the name line just above it
density     blocks dense in a vocabulary (cookie banners), and their neighbours with a hit
foreign     a run of blocks in another language that other rules already cut into
cluster     the rest of a block of short lines that other rules mostly removed (meta clusters)
classify    low-content lines by length, stopword share and neighbours (page dumps;
            :mod:`cleaner.engine.kinds.classify`)
selector    HTML elements matching a CSS selector (HTML input only; :mod:`cleaner.html.selector`)
==========  =====================================================================================

Text rules run phase by phase, in the order of the table (selector rules act on the markup,
before any text exists). Two vocabularies: contributors write rules of the *rule kinds*
(``line``, ``trim``, ``section``, ``rest``, ``sponsored``, ``bio``, ``density``, ``selector``)
under a pack's ``rules:``; the *stages* (``repeat``, ``head``, ``foreign``, ``cluster``,
``classify``) are steps of the pipeline, configured once under the generic pack's ``stages:``
(a stage listed under ``rules:``, as older packs did, still loads; lint says where it goes).
A kind is a :class:`~cleaner.engine.kinds.base.Rule`
subclass that owns its schema (``OPTIONS``, :meth:`~cleaner.engine.kinds.base.Rule.value_problem`), its
example check and its application; :mod:`cleaner.engine.schema` validates packs and
:mod:`cleaner.engine.packs` builds them from this registry alone.
"""
from __future__ import annotations

from .kinds.classify import ClassifyRule
from ..html.selector import SelectorRule
from .kinds.markers import BioRule, SponsoredRule
from .kinds.stages import ClusterRule, ForeignRule, HeadRule, RepeatRule
from .kinds.density import DensityRule
from .kinds.lines import LineRule, TrimRule
from .kinds.sections import RestRule, SectionRule
from .kinds.base import Rule

KINDS: dict[str, type[Rule]] = {
    cls.KEY: cls
    for cls in (
        TrimRule, LineRule, RepeatRule, HeadRule, SectionRule, RestRule, SponsoredRule,
        BioRule, DensityRule, ForeignRule, ClusterRule, ClassifyRule, SelectorRule,
    )
}
RULE_KINDS: dict[str, type[Rule]] = {key: kind for key, kind in KINDS.items() if not kind.STAGE}
STAGES: dict[str, type[Rule]] = {key: kind for key, kind in KINDS.items() if kind.STAGE}
