"""Turning an HTML document handed over as bytes into str.

The order is the one browsers use, minus the network: a byte-order mark wins; then a
``<meta charset>`` or ``<meta http-equiv="Content-Type" content="...; charset=...">`` in the
first few kilobytes; then UTF-8 with undecodable bytes replaced. A declaration is distrusted
when it cannot be right: an unknown name, a UTF-16/32 label on a page whose markup is readable
as ASCII, or a legacy single-byte label on bytes that are valid UTF-8 with non-ASCII text (the
commonest mislabelling on the web: a CMS that switched to UTF-8 and kept its old template).
Nothing here raises on bad input.
"""
from __future__ import annotations

import codecs
import re
from typing import Optional

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SNIFF_BYTES = 8192
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE)
# Labels the WHATWG Encoding standard maps to other decoders than Python's same-named codec.
_ALIASES = {
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
    "ascii": "cp1252", "iso8859-1": "cp1252", "iso_8859-1": "cp1252", "x-sjis": "shift_jis",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "iso-8859-9": "cp1254",
    "tis-620": "cp874", "iso-8859-11": "cp874", "ks_c_5601-1987": "euc-kr",
    "unicode": "utf-8", "utf8": "utf-8", "x-user-defined": "cp1252",
}


def declared_charset(head: bytes) -> Optional[str]:
    """The charset a ``<meta>`` in ``head`` declares, normalised to a Python codec, or None."""
    m = _META_CHARSET.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "replace").strip().lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return name


def _single_byte(codec: str) -> bool:
    return codec.startswith(("cp", "iso8859", "latin", "windows", "koi8", "mac")) or codec in (
        "ascii", "tis-620")


def decode_html(data: bytes) -> tuple[str, str]:
    """(text, how it was decoded): never raises, whatever the bytes or their declaration."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace"), f"bom:{codec}"
    codec = declared_charset(data[:SNIFF_BYTES])
    if codec and codec.startswith(("utf-16", "utf-32")):
        codec = None  # the meta was readable as ASCII, so the page is not UTF-16/32
    if codec and codec != "utf-8":
        if _single_byte(codec):
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                if not text.isascii():
                    return text, "utf-8 (declaration " + codec + " distrusted)"
        try:
            return data.decode(codec, errors="replace"), f"meta:{codec}"
        except Exception:  # a codec that cannot even decode with replacement
            pass
    return data.decode("utf-8", errors="replace"), "utf-8" if codec else "default:utf-8"


def html_text(document: str | bytes | bytearray | memoryview) -> str:
    """The document as str, without a leading BOM and without NULs."""
    if isinstance(document, str):
        text = document
    else:
        text, _ = decode_html(bytes(document))
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text
