"""Step 1: turn whatever the caller handed us (str or bytes) into one str with ``\\n`` newlines.

Bytes are read as UTF-8 (a UTF-8 BOM is dropped, UTF-16/32 BOMs are honoured); bytes that are
not valid UTF-8 are replaced with U+FFFD rather than raising, so a damaged record never stops a
corpus run. NUL bytes are dropped: no text format means them, and they break downstream tools.
So is every U+FEFF, not only a leading BOM: concatenated files leave BOMs mid-text, and one at
the start of a line would become the BOM of the output once the lines above it are removed,
and be stripped by a second cleaning (which must change nothing).
"""
from __future__ import annotations

import codecs

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes) -> str:
    """Decode bytes: a BOM wins, otherwise UTF-8 with undecodable bytes replaced."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    return data.decode("utf-8", errors="replace")


def to_text(document: str | bytes | bytearray | memoryview) -> str:
    """Return ``document`` as str: BOMs (U+FEFF) and NULs dropped, newlines normalised to ``\\n``."""
    if isinstance(document, (bytes, bytearray, memoryview)):
        text = decode_bytes(bytes(document))
    elif isinstance(document, str):
        text = document
    else:
        raise InputError(
            f"cannot clean a {type(document).__name__}: pass the document as str or bytes"
        )
    text = normalise_newlines(text)
    if "\x00" in text:
        text = text.replace("\x00", "")
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    return text


def normalise_newlines(text: str) -> str:
    """CRLF, lone CR and the Unicode line/paragraph separators all become ``\\n``."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    return text
