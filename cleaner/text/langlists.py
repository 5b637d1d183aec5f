"""Word lists per language in YAML (``months.yaml``, ``navlabels.yaml``, ``chromefields.yaml``,
``toctitles.yaml``, ``reportverbs.yaml``): one loader that checks them as the packs are checked
(:class:`~cleaner.errors.PackError` says ``FILE:LINE`` and what to write), English's list
required, since every page is read with it too; one reading of a list into sets of normalised
phrases per language (:func:`phrase_sets`) and one lookup of a page's set with English's
(:func:`with_english`), which reads a declared language code as the list's (``nb`` -> ``no``)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

# Declared language codes that read another code's list: Norwegian sites declare Bokmål (nb) or
# Nynorsk (nn), the lists are written under "no".
LANG_ALIASES = {"nb": "no", "nn": "no"}


def list_lang(lang: Optional[str]) -> str:
    """The code a page's declared ``lang`` reads its lists under ("" for none)."""
    lang = lang or ""
    return LANG_ALIASES.get(lang, lang)


def phrase_sets(path: Path, what: str, example: str,
                normal: Callable[[str], str]) -> dict[str, frozenset[str]]:
    """The list file at ``path`` (checked by :func:`load_language_lists`) as a set of
    ``normal``-ised phrases per language code."""
    data = load_language_lists(path.read_text(encoding="utf-8"), str(path), what, example)
    return {lang: frozenset(normal(n) for n in names) for lang, names in data.items()}


def with_english(sets: dict[str, frozenset[str]], lang: Optional[str]) -> frozenset[str]:
    """The set of ``lang`` (read through :data:`LANG_ALIASES`) and English's; English's alone,
    not a new union, when the language has none."""
    english = sets["en"]
    own = sets.get(list_lang(lang))
    return english | own if own else english


def load_language_lists(text: str, path: str, what: str, example: str,
                        empty_hint: str = "") -> dict[str, list[str]]:
    """The mapping of language codes to lists of ``what`` ("month names") in ``text``, read
    from ``path``. ``example`` is one list written out ("january, february"). With
    ``empty_hint``, a language may list none (the hint says when: "for a language that writes
    months in figures"); English's list may never be empty."""
    from ..engine.safeyaml import load_yaml  # plain data, read as the packs are
    from ..errors import PackError
    data = load_yaml(text, path)
    if not isinstance(data, dict):
        raise PackError(path, None, f"expected a mapping of language codes to lists of {what}, "
                                    f"e.g. 'en: [{example}, ...]'")
    for lang, names in data.items():
        line = data.line_of(lang) if hasattr(data, "line_of") else None
        if not isinstance(lang, str) or not isinstance(names, list) \
                or not (names or empty_hint) \
                or not all(isinstance(n, str) and n.strip() for n in names):
            hint = f"; write '{lang}: []' {empty_hint}" if empty_hint else ""
            raise PackError(path, line, f"'{lang}' must be a {'' if empty_hint else 'non-empty '}"
                                        f"list of {what}, e.g. '{lang}: [{example}]'{hint}")
    if not data.get("en"):
        raise PackError(path, None, f"English's {what} are missing: add 'en: [{example}, ...]' "
                                    "(every page is read with them)")
    return data
