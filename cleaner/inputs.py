"""What a caller hands over beside the document: a language code and a URL, checked.

The API checks types only (``url=123`` is an :class:`InputError`, not a ``TypeError`` from
deep inside): a corpus job passes each record's metadata as it comes, and one odd value must
not stop it. The command line checks values too (:func:`language_code`, :func:`page_url`),
as ``--lang xx`` or ``--url not-a-url`` there is a typo the user can fix at once.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from .errors import InputError

# ISO 639-1: every two-letter language code (a language with no pack gets the generic rules).
ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu
hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb
lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om
or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw
ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())


def check_types(url: object, lang: object) -> None:
    """An :class:`InputError` for a ``url`` or ``lang`` that is neither a str nor None."""
    for name, value in (("url", url), ("lang", lang)):
        if value is not None and not isinstance(value, str):
            raise InputError(f"{name} must be a str or None, not {type(value).__name__} "
                             f"({value!r:.60})")


def language_code(value: str) -> str:
    """``value`` as the ISO 639-1 code the packs use ("en", and "en" for "en-US" or "EN");
    :class:`InputError` saying what a code looks like for anything else."""
    code = value.strip().lower().replace("_", "-").split("-")[0]
    if code not in ISO_639_1:
        raise InputError(f"{value!r} is not an ISO 639-1 language code: give two letters, "
                         "such as en, de or fr (or leave it out to detect the language)")
    return code


def page_url(value: str) -> str:
    """``value`` when it is a web address with a host (``https://example.org/a``; a bare
    ``example.org/a`` too, as site packs match by host); :class:`InputError` otherwise."""
    text = value.strip()
    candidate = text if "//" in text else "//" + text
    try:
        parts = urlsplit(candidate)
        host = parts.hostname or ""
    except ValueError:
        host = ""
        parts = None
    ok = (parts is not None and parts.scheme in ("", "http", "https")
          and ("." in host or ":" in host)
          and not any(c.isspace() for c in text)
          and all(label and not label.startswith("-") for label in host.split(".")))
    if not ok:
        raise InputError(f"{value!r} is not a page's URL: give one such as "
                         "https://www.example.org/news/1 (its host picks the site packs)")
    return text
