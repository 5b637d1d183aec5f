"""Step 1: turn whatever the caller handed us (str or bytes) into one str with ``\\n`` newlines.

Bytes are read as UTF-8 (a UTF-8 BOM is dropped, UTF-16/32 BOMs are honoured). Bytes that
are not valid UTF-8 are read in the encoding :mod:`cleaner.text.charset` finds for them (Latin-1
text stays "beschließt"), and only what no encoding reads becomes U+FFFD, reported in the
result's warnings: never an exception, so a damaged record never stops a corpus run. The
encoding used is reported too (``CleanResult.encoding``). NUL bytes are dropped: no text
format means them, and they break downstream tools.
So is every U+FEFF, not only a leading BOM: concatenated files leave BOMs mid-text, and one at
the start of a line would become the BOM of the output once the lines above it are removed,
and be stripped by a second cleaning (which must change nothing).

:func:`to_lines` gives the lines the pipeline works on, decoding UTF-8 a line at a time: a
single emoji makes a whole decoded str four bytes a character (a 50 MB document, 200 MB, and
as much again for each normalising copy), while each line decoded alone is as wide as its
own characters. ``b"\\n"`` never falls inside a UTF-8 sequence, valid or not, so the lines
are the same as the whole text's. A line that is not UTF-8 sends the whole document to the
encoding check instead.
"""
from __future__ import annotations

import codecs
import io
from typing import Optional

from .charset import WIDE_BOMS, Decoded, bom_codec, decode_unknown, replaced
from ..errors import InputError



def decode_bytes(data: bytes) -> str:
    """A quick look at bytes (a document's start, to tell markup from text): a BOM wins,
    otherwise UTF-8 with undecodable bytes replaced (a slice may cut a character in two)."""
    found = bom_codec(data)
    if found:
        bom, codec = found
        return data[len(bom):].decode(codec, errors="replace")
    return data.decode("utf-8", errors="replace")


def decode_document(data: bytes) -> Decoded:
    """A whole document's bytes as text, and the encoding used: a BOM wins, then valid
    UTF-8; anything else goes to :func:`cleaner.text.charset.decode_unknown`."""
    found = bom_codec(data)
    if found:
        bom, codec = found
        text = data[len(bom):].decode(codec, errors="replace")
        return Decoded(text, codec, replaced(text, data[len(bom):], codec))
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 0)
    except UnicodeDecodeError:
        return decode_unknown(data)


def to_text(document: str | bytes | bytearray | memoryview) -> str:
    """Return ``document`` as str: BOMs (U+FEFF) and NULs dropped, newlines normalised to ``\\n``."""
    return _decoded_text(document)[0]


def _decoded_text(document) -> tuple[str, Optional[Decoded]]:
    if isinstance(document, (bytes, bytearray, memoryview)):
        decoded = decode_document(bytes(document))
        return _clean(decoded.text), decoded._replace(text="")
    if isinstance(document, str):
        return _clean(document), None
    raise InputError(
        f"cannot clean a {type(document).__name__}: pass the document as str or bytes"
    )


LINE_BY_LINE_BYTES = 4_000_000  # UTF-8 bigger than this is decoded a line at a time


def to_lines(document: str | bytes | bytearray | memoryview) -> list[str]:
    """``to_text(document).split("\\n")``, without the whole text at once for big UTF-8
    bytes (a Python loop over the lines: slower, so only where memory matters)."""
    return decoded_lines(document)[0]


def decoded_lines(document: str | bytes | bytearray | memoryview
                  ) -> tuple[list[str], Optional[Decoded]]:
    """(:func:`to_lines`, how bytes were decoded: a :class:`~cleaner.text.charset.Decoded` with
    its text left empty; None for a str)."""
    if isinstance(document, (bytes, bytearray, memoryview)):
        data = bytes(document)
        if len(data) > LINE_BY_LINE_BYTES and not data.startswith(WIDE_BOMS):
            if data.startswith(codecs.BOM_UTF8):
                data = data[len(codecs.BOM_UTF8):]
            lines: list[str] = []
            ended = False
            for raw in io.BytesIO(data):  # one line's bytes at a time, each with its b"\n"
                ended = raw.endswith(b"\n")
                raw = raw[:-2] if raw.endswith(b"\r\n") else raw[:-1] if ended else raw
                try:
                    line = _clean(raw.decode("utf-8"))
                except UnicodeDecodeError:
                    break  # not UTF-8 after all: the whole document goes to the encoding check
                if "\n" in line:  # a lone CR, U+2028, U+2029 or U+0085 broke it
                    lines.extend(line.split("\n"))
                else:
                    lines.append(line)
            else:
                if ended or not data:
                    lines.append("")  # the text after the last b"\n"
                return lines, Decoded("", "utf-8", 0)
            del lines
    text, decoded = _decoded_text(document)
    return text.split("\n"), decoded




def _clean(text: str) -> str:
    """Newlines normalised, NULs and U+FEFF dropped (what to_text does to the whole text)."""
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
