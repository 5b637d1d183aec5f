"""cleaner: strip the boilerplate out of scraped news and keep the article, exactly as written.

>>> from cleaner import clean
>>> print(clean("Big storm hits the coast\\n\\nThe storm reached the coast on Monday night, "
...             "and officials said that the damage was the worst in a decade.\\n\\nAdvertisement"), end="")
Big storm hits the coast
<BLANKLINE>
The storm reached the coast on Monday night, and officials said that the damage was the worst in a decade.

Two calls: :func:`clean` returns the text; :func:`clean_document` returns a
:class:`CleanResult` that also says which language was detected, which packs were used, and
every removal with the id and category of the rule that made it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

from .errors import CleanerError, InputError, PackError, RuleTimeout
from .engine.pipeline import clean_document
from .report_schema import REPORT_SCHEMA
from .result import CleanResult, Removal

__all__ = [
    "clean", "clean_document", "CleanResult", "Removal", "REPORT_SCHEMA",
    "CleanerError", "InputError", "PackError", "RuleTimeout",
]
__version__ = "0.1.0"


def clean(document: str | bytes, *, url: Optional[str] = None, lang: Optional[str] = None,
          html: Optional[bool] = None,
          rules_dirs: Iterable[str | Path] | str | Path = (),
          keep: Iterable[str] = ()) -> str:
    """Return the article text of ``document`` with the boilerplate removed.

    See :func:`clean_document` for the arguments; this returns only its ``text``.
    """
    return clean_document(document, url=url, lang=lang, html=html, rules_dirs=rules_dirs,
                          keep=keep).text
