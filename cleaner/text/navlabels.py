"""A site's navigation labels ("Home", "Contact us", "Sport", "Log in"), per language.

A run of short, link-like lines is the line classifier's evidence that a text was scraped
with its web page's menu, and on a page that shows no other chrome that evidence alone lets
its verdicts stand (:func:`cleaner.engine.pipeline._spare_prose`). On an extractor's output
such runs are as often the page's own: a table of contents, a product's facets or feature
names, a list of breeds or hotels. What tells a site's menu from them is its vocabulary,
which holds across sites: a menu names the site's sections and services. The words are data
(``navlabels.yaml``), checked when read. So are the labels of chrome written as a field
("Copyright: ...", "Most read: ...": ``chromefields.yaml``, :func:`chrome_field`).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from .langlists import list_lang, load_language_lists, phrase_sets, with_english

# Separators a menu prints around or between its labels ("| News |", "» Contact HP").
_SEPARATORS = re.compile(r"[|»›•·*►▸◄«‹>\u00a0\t]+")
_EDGES = " -–—:"
# Two or three labels joined as one entry ("News & Events", "Arts and Culture").
_JOINED = re.compile(r"\s*(?:&|/|\+)\s*|\s+(?:and|und|et|y|e|en|och|og|i|a|és|și|и|і)\s+")
JOINED_MAX = 3


def load_navlabels(text: str, path: str) -> dict[str, list[str]]:
    """``navlabels.yaml``'s data: a non-empty list of labels for each language code, checked as
    the packs are (see :mod:`cleaner.text.langlists`)."""
    return load_language_lists(text, path, "navigation labels", "home, contact us, news")


def _load() -> dict[str, frozenset[str]]:
    return phrase_sets(Path(__file__).with_name("navlabels.yaml"), "navigation labels",
                       "home, contact us, news", _normal)


def _normal(text: str) -> str:
    return " ".join(_SEPARATORS.sub(" ", text).casefold().split()).strip(_EDGES)


LABELS = _load()


def labels_for(lang: Optional[str]) -> frozenset[str]:
    """The labels of ``lang`` and English's: sites in every language write "Home", "Login"."""
    return with_english(LABELS, lang)


def nav_label(text: str, labels: frozenset[str]) -> bool:
    """``text`` (a line) is a site's navigation label: one of ``labels`` once its separators
    are stripped, or two or three of them joined by "&", "/" or "and"."""
    phrase = _normal(text)
    if not phrase:
        return False
    if phrase in labels:
        return True
    parts = [p.strip(_EDGES) for p in _JOINED.split(phrase)]
    return 1 < len(parts) <= JOINED_MAX and all(p in labels for p in parts)


def load_chromefields(text: str, path: str) -> dict[str, list[str]]:
    """``chromefields.yaml``'s data, checked as ``navlabels.yaml`` is."""
    return load_language_lists(text, path, "chrome field labels", "copyright, most read")


def _load_chromefields() -> dict[str, frozenset[str]]:
    return phrase_sets(Path(__file__).with_name("chromefields.yaml"), "chrome field labels",
                       "copyright, most read", _normal)


CHROME_FIELDS = _load_chromefields()


def chrome_field(label: str, lang: Optional[str]) -> bool:
    """``label`` (a field's label, "Follow us", "Copyright") names page chrome in ``lang`` or
    English: one of ``chromefields.yaml``'s labels, or a navigation label ("Contact us")."""
    phrase = _normal(label)
    if phrase in CHROME_FIELDS["en"] or phrase in CHROME_FIELDS.get(list_lang(lang), frozenset()):
        return True
    return nav_label(label, labels_for(lang))


SITE_LABELS = 2  # labels in a run that make it a site's menu


def names_site(lines: list[str], lang: Optional[str]) -> bool:
    """A run of menu entries ``lines`` is a site's menu: SITE_LABELS of them are navigation
    labels of ``lang`` (or English), or all of them when fewer. A table of contents, a
    product's facets or a list of names holds none, or one by chance (a manual's "FAQ", a
    product's "Features" tab), and is no evidence of a web page."""
    labels = labels_for(lang)
    need = min(SITE_LABELS, len(lines))
    found = 0
    for line in lines:
        if nav_label(line, labels):
            found += 1
            if found >= need:
                return True
    return False
