"""JSON Lines: one record per line, one string field cleaned, everything else left as it was.

A record is written back byte for byte except for the value that was cleaned (or the key
added beside it) and its line ending: key order, spacing, number spellings and escapes of
every other key stay as they were, because the new value is spliced into the original line
rather than the record being re-serialised. Every record ends in ``\n``, a CRLF-ended one
too (JSON Lines is LF-separated; a file of mixed endings comes out of one piece). Reading goes line by line (:func:`chunks`), so memory does not grow with
the input; :func:`clean_chunk` is the unit of work, the same in this process or in a worker.

A bad record (not UTF-8, not valid JSON (NaN and Infinity are not JSON), not an object, the
field missing or not a string) comes back as a problem, ``what is wrong``, for the caller to stop at or to skip. Blank lines
are not records: they are passed over.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from json.decoder import scanstring
from typing import BinaryIO, Iterable, Iterator, Optional

from ..engine.pipeline import DETECT_CHARS, clean_document, looks_like_html
from .progress import result_counts

EXPLAIN_KEY = "cleaner"
CHUNK_RECORDS = 64  # records per unit of work at most
CHUNK_BYTES = 1 << 17  # and input bytes per unit of work at most (~0.2 s of cleaning; a longer line is one chunk)
# A byte of HTML costs far less than a byte of text: the reader drops the markup in C, and
# only the article's text reaches the rules (measured on the dev bench, one job: ~0.06 s a MB
# of HTML against ~0.55 s a MB of page dumps). An HTML record counts 1/HTML_DISCOUNT of its
# bytes towards CHUNK_BYTES, so a unit of work is about as long in both modes: with two HTML
# pages to a chunk, handing chunks to workers cost more than a tenth of --jobs 2's time.
HTML_DISCOUNT = 8

_WS = re.compile(r"[ \t\n\r]*")
_MARKUP_VALUE = re.compile(r'"(?:\s|\\[nrt])*(?=<)')  # a string value's start, up to its "<"
class _NotJson(ValueError):
    """NaN, Infinity or -Infinity: Python's json reads them, JSON has no such value."""


def _refuse_constant(name: str):
    raise _NotJson(name)


# RFC 8259 JSON: NaN and Infinity are refused, as datatrove's reader (orjson) and most others
# refuse them; a record holding one is a bad record (--skip-bad counts it).
_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)
_SCAN = _DECODER.scan_once


class BadRecord(Exception):
    """A line that cannot be cleaned as a record; ``str()`` says what is wrong."""


@dataclass(frozen=True)
class JsonlOptions:
    """How to clean each record (picklable: it is sent to every worker once)."""

    field: str = "text"
    output_field: Optional[str] = None
    explain: bool = False
    url: Optional[str] = None
    url_field: Optional[str] = None
    lang: Optional[str] = None
    html: Optional[bool] = None
    rules_dirs: tuple[str, ...] = ()
    quiet: bool = False  # no warnings on stderr (with --explain they stay in the record)
    keep: frozenset = frozenset()  # categories left in (--keep)
    report: bool = False  # each outcome carries a report.RecordSummary, for --report


@dataclass
class Chunk:
    """Consecutive lines of one source: ``lines`` are (line number, raw bytes). A chunk with
    ``error`` set carries a problem reading the source instead (it stops the run in order)."""

    source: str
    lines: list
    nbytes: int = 0
    error: Optional[str] = None


# One outcome per record: (line number, output line or None, problem or None, counts, nbytes)


def work_bytes(raw: bytes, html: Optional[bool] = None) -> int:
    """What a record (or document) weighs towards a chunk's CHUNK_BYTES: its bytes, or
    1/HTML_DISCOUNT of them for HTML (``html`` True, or None and markup in its first 2 kB,
    as a JSON line holds it)."""
    if html is False:
        return len(raw)
    if html is None:
        # the test clean_document() detects HTML by, on the first string value that starts
        # with "<" (as written or JSON-escaped)
        head = raw[:4 * DETECT_CHARS].decode("utf-8", "replace")
        head = head.replace("\\u003c", "<").replace("\\u003C", "<")
        value = _MARKUP_VALUE.search(head)
        if value is None or not looks_like_html(head[value.end():]):
            return len(raw)
    return len(raw) // HTML_DISCOUNT


def chunks(handle: BinaryIO, source: str, max_records: int = CHUNK_RECORDS,
           max_bytes: int = CHUNK_BYTES, html: Optional[bool] = None) -> Iterator[Chunk]:
    """The non-blank lines of ``handle`` in chunks of about ``max_bytes`` of work (see
    :func:`work_bytes`; ``html`` as the cleaning will take it), never more than one chunk in
    memory here."""
    lines: list = []
    size = work = 0
    number = 0
    try:
        for number, raw in enumerate(handle, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            lines.append((number, raw))
            size += len(raw)
            work += work_bytes(raw, html)
            if len(lines) >= max_records or work >= max_bytes:
                yield Chunk(source, lines, size)
                lines, size, work = [], 0, 0
    except OSError as exc:
        if lines:
            yield Chunk(source, lines, size)
        yield Chunk(source, [], 0, error=f"{source}: cannot read after line {number}: "
                                         f"{exc.strerror or exc}")
        return
    if lines:
        yield Chunk(source, lines, size)


def _kind(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string"


def _json_problem(text: str) -> str:
    """Why ``text`` is not a JSON object (it failed the fast scan)."""
    try:
        value = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        return f"not valid JSON: {exc.msg} (column {exc.colno})"
    except _NotJson as exc:
        return f"not valid JSON: {exc} is no JSON value (RFC 8259); write null or a string"
    except RecursionError:
        return "not valid JSON: nested too deeply"
    return f"not a JSON object but {_kind(value)}"


def scan_object(text: str) -> tuple[dict, dict, int]:
    """Parse a line holding one JSON object: (values, spans, close) where ``spans`` maps each
    top-level key to the (start, end) of its value in ``text`` (the last one when a key is
    repeated, as json.loads reads it) and ``close`` is the index of the closing brace."""
    try:
        idx = _WS.match(text, 0).end()
        if text[idx:idx + 1] != "{":
            raise ValueError
        idx = _WS.match(text, idx + 1).end()
        values: dict = {}
        spans: dict = {}
        if text[idx:idx + 1] != "}":
            while True:
                if text[idx:idx + 1] != '"':
                    raise ValueError
                key, idx = scanstring(text, idx + 1)
                idx = _WS.match(text, idx).end()
                if text[idx:idx + 1] != ":":
                    raise ValueError
                start = _WS.match(text, idx + 1).end()
                value, idx = _SCAN(text, start)
                values[key] = value
                spans[key] = (start, idx)
                idx = _WS.match(text, idx).end()
                sep = text[idx:idx + 1]
                if sep == ",":
                    idx = _WS.match(text, idx + 1).end()
                    continue
                if sep != "}":
                    raise ValueError
                break
        close = idx
        if _WS.match(text, close + 1).end() != len(text):
            raise ValueError
    except (ValueError, StopIteration, RecursionError):
        raise BadRecord(_json_problem(text)) from None
    return values, spans, close


def _dumps(value) -> str:
    out = json.dumps(value, ensure_ascii=False)
    try:
        out.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (from a \ud800 escape): keep it escaped
        out = json.dumps(value)
    return out


def explain_value(result) -> dict:
    """What ``--explain`` adds to a record: the report (:mod:`cleaner.report_schema`), with the
    removed lines' text (asking for an explanation is asking to see them)."""
    return result.report(record_lines=True)


def clean_line(raw: bytes, options: JsonlOptions) -> tuple[bytes, tuple, tuple[str, ...], object]:
    """Clean one record: (the output line with its newline, counts for the tally, the
    cleaning's warnings, its report summary or None). Raises :class:`BadRecord`."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        column = len(raw[:exc.start].decode("utf-8", "replace")) + 1
        raise BadRecord(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {column})") from None
    text = text.rstrip("\r\n")  # every record is written with "\n" (see the module docstring)
    values, spans, close = scan_object(text)
    field = options.field
    if field not in values:
        raise BadRecord(f"no {field!r} field")
    document = values[field]
    if not isinstance(document, str):
        raise BadRecord(f"{field!r} is {_kind(document)}, not a string")
    url = options.url
    if options.url_field:
        given = values.get(options.url_field)
        if given is not None and not isinstance(given, str):
            raise BadRecord(f"{options.url_field!r} is {_kind(given)}, not a string")
        url = given or url
    try:
        result = clean_document(document, url=url, lang=options.lang, html=options.html,
                                rules_dirs=options.rules_dirs, keep=options.keep)
    except RecursionError:
        raise BadRecord("cannot clean: the document is nested too deeply") from None
    except Exception as exc:  # a corpus run reports the record rather than dying on it
        raise BadRecord(f"cannot clean: {type(exc).__name__}: {exc}") from None

    # Replacements at known spans, additions before the closing brace; applied right to left.
    edits: list[tuple[int, int, str]] = []
    added: list[str] = []

    def put(key: str, value) -> None:
        if key in spans:
            start, end = spans[key]
            edits.append((start, end, _dumps(value)))
        else:
            added.append(f"{_dumps(key)}: {_dumps(value)}")

    put(options.output_field or field, result.text)
    if options.explain:
        put(EXPLAIN_KEY, explain_value(result))
    if added:
        joined = ", ".join(added)
        edits.append((close, close, (", " if values else "") + joined))
    out = text
    for start, end, value in sorted(edits, key=lambda e: e[0], reverse=True):
        out = out[:start] + value + out[end:]
    summary = None
    if options.report:
        from ..report import summarize

        summary = summarize(result, url=url)
    return (out + "\n").encode("utf-8"), result_counts(result), tuple(result.warnings), summary


_OPTIONS: Optional[JsonlOptions] = None


def set_options(options: JsonlOptions) -> None:
    """Per-process set-up (the workers' initializer): keep the options, compile the packs."""
    global _OPTIONS
    from ..engine.packs import get_packset

    _OPTIONS = options
    get_packset(options.rules_dirs)


def clean_chunk(chunk: Chunk) -> tuple[Chunk, list]:
    """Clean every record of ``chunk`` with the options given to :func:`set_options`:
    (the chunk without its lines, one outcome per line: (line number, output bytes or None,
    problem or None, counts or None, input bytes, warnings, report summary or None))."""
    outcomes = []
    for number, raw in chunk.lines:
        try:
            out, counts, warnings, summary = clean_line(raw, _OPTIONS)
            outcomes.append((number, out, None, counts, len(raw), warnings, summary))
        except BadRecord as exc:
            outcomes.append((number, None, str(exc), None, len(raw), (), None))
    return Chunk(chunk.source, [], chunk.nbytes, chunk.error), outcomes


def all_chunks(paths: Iterable[str], html: Optional[bool] = None) -> Iterator[Chunk]:
    """Chunks of every file in turn ('-' is stdin). A file that cannot be opened or read
    becomes an error chunk in its place, and nothing after it is read. ``html``: how the
    records will be read (None: detected), for the chunks' size."""
    for path in paths:
        name = "<stdin>" if path == "-" else path
        if path == "-":
            for chunk in chunks(sys.stdin.buffer, name, html=html):
                yield chunk
                if chunk.error:
                    return
            continue
        try:
            handle = open(path, "rb")
        except IsADirectoryError:
            yield Chunk(name, [], error=f"{name}: is a directory, not a file")
            return
        except FileNotFoundError:
            yield Chunk(name, [], error=f"{name}: no such file")
            return
        except OSError as exc:
            yield Chunk(name, [], error=f"{name}: cannot read: {exc.strerror or exc}")
            return
        with handle:
            for chunk in chunks(handle, name, html=html):
                yield chunk
                if chunk.error:
                    return
