"""The report: what one document's cleaning did, in one fixed shape for every output.

The datatrove step's metadata, the Spark report column and the records of ``--jsonl
--explain`` all hold :func:`report` of a :class:`~cleaner.result.CleanResult`. Every key is
always there and always of one type, whatever the document, so that a columnar format
(Parquet, Arrow, a Spark struct) can hold a corpus of them: categories are entries of a list,
never keys; a list is empty, never missing (``dropped``, like the other fields only HTML
input has, is null for text); the ``lines`` of removals and dropped are null unless line
text was asked for.

The per-rule and per-category figures are columns: one list per key, the n-th entry of each
list describing the n-th rule (or category), so that a document names each key once rather
than once per rule (``rows`` turns them back into one dict per entry). A rule's lines are
runs: ``[first, last]``, or ``[line]`` for a run of one line, each standing for every non-blank
line from first to last (a blank line is never removed; ``line_numbers`` lists them, given the
text). Both keep a corpus report of a page dump under a tenth of its text
(``bench/report_size.py``), where a dict per rule with every line number made it a sixth.

The shape is declared once, in :data:`FIELDS`; :data:`REPORT_SCHEMA` (a Spark DDL string, for
``from_json``), :func:`spark_type` and :func:`arrow_type` are built from it. A new field is one
more entry there (its name, type, meaning and how to read it off a result).
"""
from __future__ import annotations

from typing import Any, Callable, NamedTuple, Optional, Sequence, Union

from .categories import CATEGORIES

# A type is "string", "long" or "boolean", ("array", item) or ("struct", ((name, type), ...)).
Type = Union[str, tuple]


def _struct(*fields: tuple[str, Type]) -> tuple:
    return ("struct", tuple(fields))


def _columns(*fields: tuple[str, Type]) -> tuple:
    """A table as a struct of columns: each field a list of values of its type."""
    return _struct(*((name, ("array", kind)) for name, kind in fields))


RUN = ("array", "long")  # [first, last] line of a run, or [line] for a run of one line
CATEGORY_FIGURES = _columns(("category", "string"), ("lines", "long"), ("chars", "long"))
REMOVALS = _columns(("rule_id", "string"), ("category", "string"), ("pack", "string"),
                    ("line_ranges", ("array", RUN)), ("count", "long"), ("trimmed", "boolean"),
                    ("lines", ("array", "string")))
DROPPED = _columns(("rule_id", "string"), ("category", "string"), ("pack", "string"),
                   ("count", "long"), ("lines", ("array", "string")))


class Field(NamedTuple):
    name: str
    type: Type
    doc: str
    read: Callable[[Any, bool], Any]  # (result, record_lines) -> value


def _names(kind: tuple) -> list[str]:
    return [name for name, _ in kind[1]]


def _as_columns(entries: list[dict], kind: tuple, record_lines: bool = True) -> dict:
    """Entries (dicts with the keys of ``kind``) as its columns; without ``record_lines``,
    a ``lines`` column is null."""
    columns = {name: [e[name] for e in entries] for name in _names(kind)}
    if "lines" in columns and not record_lines:
        columns["lines"] = None
    return columns


def rows(columns: Optional[dict]) -> list[dict]:
    """A report's columns (``removals``, ``dropped``, ``by_category``) as one dict per entry,
    a null ``lines`` column as ``lines: None`` in each; null (``dropped`` for text) as []."""
    if not columns:
        return []
    size = max((len(v) for v in columns.values() if v is not None), default=0)
    return [{name: (values[i] if values is not None else None) for name, values in columns.items()}
            for i in range(size)]


def _run(numbers: Sequence[int]) -> list[list[int]]:
    """One Removal's lines as a run: it holds consecutive non-blank lines of the input."""
    first, last = numbers[0], numbers[-1]
    return [first] if first == last else [first, last]


def removal_entries(removals, record_lines: bool = True) -> list[dict]:
    """The removals as report entries: one per rule (and per kind, whole lines or a trim),
    in the order each rule first removed something, with its runs of lines
    (``line_ranges``). A rule that takes a menu's twenty entries one run at a time is one
    entry, not twenty."""
    entries: dict[tuple, dict] = {}
    for r in removals:
        key = (r.rule_id, r.category, r.pack, r.trimmed)
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = {"rule_id": r.rule_id, "category": r.category, "pack": r.pack,
                                    "line_ranges": [], "count": 0, "trimmed": r.trimmed,
                                    "lines": [] if record_lines else None}
        entry["line_ranges"].append(_run(r.line_numbers))
        entry["count"] += len(r.lines)
        if record_lines:
            entry["lines"].extend(r.lines)
    return list(entries.values())


def line_numbers(line_ranges: Sequence[Sequence[int]], lines: Sequence[str]) -> list[int]:
    """The 1-based numbers of the lines a removal's ``line_ranges`` stand for: every non-blank
    line from each run's first to its last. ``lines`` is the input as cleaner read it
    (``cleaner.text.decode.to_lines(document)``; for HTML, the text the reader made of the page)."""
    found = []
    for run in line_ranges:
        first, last = run[0], run[-1]
        if first == last:  # a line's trims, or a run of one line: that line, blank or not
            found.append(first)
            continue
        found.extend(n for n in range(first, last + 1)
                     if n <= len(lines) and lines[n - 1] and not lines[n - 1].isspace())
    return found


def dropped_entry(r, record_lines: bool = True) -> dict:
    """One element (or run of blocks) the HTML reader left out, as a report entry."""
    return {"rule_id": r.rule_id, "category": r.category, "pack": r.pack,
            "count": len(r.lines), "lines": list(r.lines) if record_lines else None}


def category_figures(removals) -> list[dict]:
    """Lines and characters removed per category, in :data:`CATEGORIES` order (a category a
    user pack names that is not there comes after, by name); categories with nothing removed
    are left out."""
    lines: dict[str, int] = {}
    chars: dict[str, int] = {}
    for r in removals:
        lines[r.category] = lines.get(r.category, 0) + len(r.lines)
        chars[r.category] = chars.get(r.category, 0) + sum(len(line) for line in r.lines)
    order = {c: i for i, c in enumerate(CATEGORIES)}
    return [{"category": c, "lines": lines[c], "chars": chars[c]}
            for c in sorted(lines, key=lambda c: (order.get(c, len(order)), c))]


def _reason_code(why: Optional[str]) -> Optional[str]:
    return getattr(why, "code", why)  # a PackReason's code; a plain string as it is


FIELDS: tuple[Field, ...] = (
    Field("language", "string", "the language the rules were chosen for (ISO 639-1); null when "
          "none was detected", lambda res, rl: res.language),
    Field("packs", ("array", "string"), "the rule packs applied, by name",
          lambda res, rl: list(res.packs)),
    Field("removed_lines", "long", "whole lines removed (trims not counted)",
          lambda res, rl: res.removed_lines()),
    Field("removed_chars", "long", "characters of the removed lines and trimmed spans",
          lambda res, rl: sum(len(line) for r in res.removals for line in r.lines)),
    Field("by_category", CATEGORY_FIGURES, "columns, one entry per category with removals: its "
          "name, lines and characters removed",
          lambda res, rl: _as_columns(category_figures(res.removals), CATEGORY_FIGURES)),
    Field("warnings", ("array", "string"), "the guards' decisions, an emptied document, a rule "
          "that timed out", lambda res, rl: list(res.warnings)),
    Field("removals", REMOVALS, "columns, one entry per rule that removed lines (and per rule "
          "that trimmed spans), in the order of their first removal: its rule, category and "
          "pack; the runs of lines it removed in the input, `[first, last]` (every non-blank "
          "line from first to last: blank lines are never removed) or `[line]`; how many lines; "
          "whether it was a trim; and `lines`, the lines as written (null unless line text was "
          "asked for)",
          lambda res, rl: _as_columns(removal_entries(res.removals, rl), REMOVALS, rl)),
    Field("dropped", DROPPED, "for HTML input, columns, one entry per element (or run of "
          "blocks) the reader left out: rule, category, pack, lines, and their text (null unless "
          "asked for; no line numbers: it was markup); null for text",
          lambda res, rl: _as_columns([dropped_entry(r, rl) for r in res.html.dropped], DROPPED, rl)
          if res.html is not None else None),
    Field("pack_reasons", ("array", "string"), "why each pack of `packs` was chosen, in that "
          "order: always, language (the document's), block (a block's language), short-text "
          "(too short to tell: English and a declared language), domain (the url's), signature "
          "(the text's), given (its rules were given to run)",
          lambda res, rl: [_reason_code(res.pack_reasons.get(p)) for p in res.packs]),
    Field("encoding", "string", "the encoding the input's bytes were read in; null for str "
          "input", lambda res, rl: res.encoding),
    Field("page_type", "string", "for HTML input, what the reader read the page as (article, "
          "forum, documentation, product, collection, listing, service, unknown); null for text",
          lambda res, rl: res.page_type),
    Field("language_reason", "string", "why the rules were chosen for that language (or for "
          "none): \"stopwords\", \"script: Han and kana\", \"too short (3 words) to tell; "
          "English and generic rules applied\"", lambda res, rl: res.language_reason or None),
)


def report(result, *, record_lines: bool = False) -> dict:
    """What one document's cleaning did, with every key of :data:`FIELDS`, JSON-able.

    ``record_lines`` keeps the removed lines' text (off by default: a corpus report of rule
    ids and runs of line numbers stays under a tenth of the text)."""
    return {f.name: f.read(result, record_lines) for f in FIELDS}


# -- the shape as other systems spell it ---------------------------------------------------

_DDL = {"string": "string", "long": "bigint", "boolean": "boolean"}


def ddl(kind: Type) -> str:
    """A type in Spark's DDL (``array<string>``, ``struct<a:bigint>``)."""
    if isinstance(kind, str):
        return _DDL[kind]
    if kind[0] == "array":
        return f"array<{ddl(kind[1])}>"
    return "struct<" + ",".join(f"{name}:{ddl(t)}" for name, t in kind[1]) + ">"


REPORT_SCHEMA: str = ", ".join(f"{f.name} {ddl(f.type)}" for f in FIELDS)
"""The report as a Spark DDL schema: ``F.from_json(col, REPORT_SCHEMA)``."""


def spark_type(kind: Optional[Type] = None):
    """The report (or one type of it) as a ``pyspark.sql.types`` type (pyspark imported here)."""
    from pyspark.sql import types as T

    if kind is None:
        return T.StructType([T.StructField(f.name, spark_type(f.type)) for f in FIELDS])
    if isinstance(kind, str):
        return {"string": T.StringType(), "long": T.LongType(), "boolean": T.BooleanType()}[kind]
    if kind[0] == "array":
        return T.ArrayType(spark_type(kind[1]))
    return T.StructType([T.StructField(name, spark_type(t)) for name, t in kind[1]])


def arrow_type(kind: Optional[Type] = None):
    """The report (or one type of it) as a ``pyarrow`` type (pyarrow imported here)."""
    import pyarrow as pa

    if kind is None:
        return pa.struct([pa.field(f.name, arrow_type(f.type)) for f in FIELDS])
    if isinstance(kind, str):
        return {"string": pa.string(), "long": pa.int64(), "boolean": pa.bool_()}[kind]
    if kind[0] == "array":
        return pa.list_(arrow_type(kind[1]))
    return pa.struct([pa.field(name, arrow_type(t)) for name, t in kind[1]])


def describe() -> str:
    """The fields and their meanings as Markdown table rows (what the README shows)."""
    return "\n".join(f"| `{f.name}` | `{ddl(f.type)}` | {f.doc} |" for f in FIELDS)
