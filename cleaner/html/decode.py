"""Turning an HTML document handed over as bytes into str.

The order is the one browsers use, minus the network: a byte-order mark wins; then a
``<meta charset>`` or ``<meta http-equiv="Content-Type" content="...; charset=...">`` in the
first few kilobytes; then UTF-8; then, for bytes that are not valid UTF-8, the encoding
:mod:`cleaner.text.charset` finds (itself limited to the encodings below). Only the labels of the WHATWG
Encoding standard are honoured (:data:`WHATWG`), each with the decoder browsers use for it:
Python knows many more codecs, some of them not text encodings at all (``unicode_escape``,
``rot13``, ``base64``), and ``utf-7`` and ``hz`` are refused by browsers. A declaration is
distrusted when it cannot be right: an unknown label, a UTF-16/32 label on a page whose markup
is readable as ASCII, or any other label on bytes that are valid UTF-8 with non-ASCII text:
valid UTF-8 wins whatever the declaration says (the commonest mislabelling on the web is a CMS
that switched to UTF-8 and kept its old template, and multi-byte legacy text is practically
never valid UTF-8). Nothing here raises on bad input.
"""
from __future__ import annotations

import codecs
import re
from typing import Optional

from ..text.charset import WHATWG, Decoded, bom_codec, decode_unknown, replaced

SNIFF_BYTES = 8192
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE)


def declared_charset(head: bytes) -> Optional[str]:
    """The Python codec for the charset a ``<meta>`` in ``head`` declares, or None for no
    declaration or a label the Encoding standard does not define."""
    m = _META_CHARSET.search(head)
    if not m:
        return None
    return WHATWG.get(m.group(1).decode("ascii", "replace").strip().lower())


def decode_html(data: bytes) -> tuple[str, str]:
    """(text, how it was decoded): never raises, whatever the bytes or their declaration."""
    text, _, how = _decode(data)
    return text, how


def _decode(data: bytes) -> tuple[str, str, str]:
    """(text, the codec used, how it was chosen)."""
    found = bom_codec(data)
    if found:
        bom, codec = found
        return data[len(bom):].decode(codec, errors="replace"), codec, f"bom:{codec}"
    codec = declared_charset(data[:SNIFF_BYTES])
    if codec and codec.startswith(("utf-16", "utf-32")):
        codec = None  # the meta was readable as ASCII, so the page is not UTF-16/32
    if codec and codec != "utf-8":
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            # ASCII reads alike in every legacy codec but the 7-bit ISO-2022-JP, which a
            # page in it needs; non-ASCII valid UTF-8 is UTF-8 whatever the label says
            if not text.isascii():
                return text, "utf-8", "utf-8 (declaration " + codec + " distrusted)"
        return data.decode(codec, errors="replace"), codec, f"meta:{codec}"
    try:
        return data.decode("utf-8"), "utf-8", "utf-8" if codec else "default:utf-8"
    except UnicodeDecodeError:  # declared UTF-8 or nothing usable, and not UTF-8: find out
        found = decode_unknown(data)
        return found.text, found.encoding, f"detected:{found.encoding}"


def html_text(document: str | bytes | bytearray | memoryview) -> str:
    """The document as str, without a leading BOM and without NULs."""
    return html_document(document)[0]


def html_document(document: str | bytes | bytearray | memoryview
                  ) -> tuple[str, Optional[Decoded]]:
    """(:func:`html_text`, how bytes were decoded: a :class:`~cleaner.text.charset.Decoded`
    with its text left empty; None for a str)."""
    decoded = None
    if isinstance(document, str):
        text = document
    else:
        data = bytes(document)
        text, codec, _ = _decode(data)
        decoded = Decoded("", codecs.lookup(codec).name, replaced(text, data, codec))
    if text.startswith("\ufeff"):
        text = text[1:]
    if text.find("\x00") >= 0:  # as "\x00" in text, ~1.6x faster on a page that is not ASCII
        text = text.replace("\x00", "")
    return text, decoded
