"""Turning an HTML document handed over as bytes into str.

The order is the one browsers use, minus the network: a byte-order mark wins; then a
``<meta charset>`` or ``<meta http-equiv="Content-Type" content="...; charset=...">`` in the
first few kilobytes; then UTF-8; then, for bytes that are not valid UTF-8, the encoding
:mod:`cleaner.charset` finds (itself limited to the encodings below). Only the labels of the WHATWG
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

from .charset import Decoded, decode_unknown, replaced

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


def _labels(codec: str, *labels: str) -> dict[str, str]:
    return {label: codec for label in labels}


# The WHATWG Encoding standard's labels (https://encoding.spec.whatwg.org/#names-and-labels),
# each mapped to the Python codec that decodes as browsers do (windows-1252 for latin1 and
# ascii, cp932 for Shift_JIS, cp949 for EUC-KR, gb18030 for GBK and gb2312, big5hkscs for
# Big5). The "replacement" encodings (iso-2022-kr, iso-2022-cn, hz-gb-2312) are left out: a
# page declaring one is read as UTF-8, as an undeclared one is.
WHATWG: dict[str, str] = {
    **_labels("utf-8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8",
              "x-unicode20utf8"),
    **_labels("cp866", "866", "cp866", "csibm866", "ibm866"),
    **_labels("iso8859-2", "csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592",
              "iso_8859-2", "iso_8859-2:1987", "l2", "latin2"),
    **_labels("iso8859-3", "csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593",
              "iso_8859-3", "iso_8859-3:1988", "l3", "latin3"),
    **_labels("iso8859-4", "csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594",
              "iso_8859-4", "iso_8859-4:1988", "l4", "latin4"),
    **_labels("iso8859-5", "csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144",
              "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988"),
    **_labels("iso8859-6", "arabic", "asmo-708", "csiso88596e", "csiso88596i",
              "csisolatinarabic", "ecma-114", "iso-8859-6", "iso-8859-6-e", "iso-8859-6-i",
              "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987"),
    **_labels("iso8859-7", "csisolatingreek", "ecma-118", "elot_928", "greek", "greek8",
              "iso-8859-7", "iso-ir-126", "iso8859-7", "iso88597", "iso_8859-7",
              "iso_8859-7:1987", "sun_eu_greek"),
    **_labels("iso8859-8", "csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8",
              "iso-8859-8-e", "iso-ir-138", "iso8859-8", "iso88598", "iso_8859-8",
              "iso_8859-8:1988", "visual", "csiso88598i", "iso-8859-8-i", "logical"),
    **_labels("iso8859-10", "csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10",
              "iso885910", "l6", "latin6"),
    **_labels("iso8859-13", "iso-8859-13", "iso8859-13", "iso885913"),
    **_labels("iso8859-14", "iso-8859-14", "iso8859-14", "iso885914"),
    **_labels("iso8859-15", "csisolatin9", "iso-8859-15", "iso8859-15", "iso885915",
              "iso_8859-15", "l9"),
    **_labels("iso8859-16", "iso-8859-16"),
    **_labels("koi8-r", "cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"),
    **_labels("koi8-u", "koi8-ru", "koi8-u"),
    **_labels("mac-roman", "csmacintosh", "mac", "macintosh", "x-mac-roman"),
    **_labels("cp874", "dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620",
              "windows-874"),
    **_labels("cp1250", "cp1250", "windows-1250", "x-cp1250"),
    **_labels("cp1251", "cp1251", "windows-1251", "x-cp1251"),
    **_labels("cp1252", "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819",
              "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1",
              "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252",
              "latin-1", "x-user-defined"),  # (these two are not the standard's windows-1252)
    **_labels("cp1253", "cp1253", "windows-1253", "x-cp1253"),
    **_labels("cp1254", "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9",
              "iso88599", "iso_8859-9", "iso_8859-9:1989", "l5", "latin5", "windows-1254",
              "x-cp1254"),
    **_labels("cp1255", "cp1255", "windows-1255", "x-cp1255"),
    **_labels("cp1256", "cp1256", "windows-1256", "x-cp1256"),
    **_labels("cp1257", "cp1257", "windows-1257", "x-cp1257"),
    **_labels("cp1258", "cp1258", "windows-1258", "x-cp1258"),
    **_labels("mac-cyrillic", "x-mac-cyrillic", "x-mac-ukrainian"),
    **_labels("gb18030", "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312",
              "gb_2312-80", "gbk", "iso-ir-58", "x-gbk", "gb18030"),
    **_labels("big5hkscs", "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"),
    **_labels("euc_jp", "cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"),
    **_labels("iso2022_jp", "csiso2022jp", "iso-2022-jp"),
    **_labels("cp932", "csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis",
              "windows-31j", "x-sjis"),
    **_labels("cp949", "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean",
              "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"),
    **_labels("utf-16-be", "unicodefffe", "utf-16be"),
    **_labels("utf-16-le", "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff",
              "utf-16", "utf-16le"),
}


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
    for bom, codec in _BOMS:
        if data.startswith(bom):
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
    """(:func:`html_text`, how bytes were decoded: a :class:`~cleaner.charset.Decoded`
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
