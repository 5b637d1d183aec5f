"""Word lists per language in YAML (``months.yaml``, ``navlabels.yaml``): one loader that
checks them as the packs are checked (:class:`~cleaner.errors.PackError` says ``FILE:LINE``
and what to write), English's list required, since every page is read with it too."""
from __future__ import annotations


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
