"""The report: what one document's cleaning did, in one fixed shape for every output.

The datatrove step's metadata, the Spark report column and the records of ``--jsonl
--explain`` all hold :func:`report` of a :class:`~cleaner.result.CleanResult`. Every key is
always there and always of one type, whatever the document, so that a columnar format
(Parquet, Arrow, a Spark struct) can hold a corpus of them: categories are entries of a list,
never keys; a list is empty, never missing; a removal's ``lines`` is null unless line text
was asked for.

The shape is declared once, in :data:`FIELDS`; :data:`REPORT_SCHEMA` (a Spark DDL string, for
``from_json``), :func:`spark_type` and :func:`arrow_type` are built from it. A new field is one
more entry there (its name, type, meaning and how to read it off a result).
"""
from __future__ import annotations

from typing import Any, Callable, NamedTuple, Optional, Union

from .categories import CATEGORIES

# A type is "string", "long" or "boolean", ("array", item) or ("struct", ((name, type), ...)).
Type = Union[str, tuple]


def _struct(*fields: tuple[str, Type]) -> tuple:
    return ("struct", tuple(fields))


CATEGORY_FIGURES = _struct(("category", "string"), ("lines", "long"), ("chars", "long"))
REMOVAL = _struct(("rule_id", "string"), ("category", "string"), ("pack", "string"),
                  ("line_numbers", ("array", "long")), ("count", "long"), ("trimmed", "boolean"),
                  ("lines", ("array", "string")))
PACK_REASON = _struct(("pack", "string"), ("reason", "string"))
DROPPED = _struct(("rule_id", "string"), ("category", "string"), ("pack", "string"),
                  ("count", "long"), ("lines", ("array", "string")))


class Field(NamedTuple):
    name: str
    type: Type
    doc: str
    read: Callable[[Any, bool], Any]  # (result, record_lines) -> value


def removal_entries(removals, record_lines: bool = True) -> list[dict]:
    """The removals as report entries: one per rule (and per kind, whole lines or a trim),
    in the order each rule first removed something, with all its line numbers. A rule that
    takes a menu's twenty entries one run at a time is one entry, not twenty: the keys of an
    entry per run made a page dump's report over half the size of its text."""
    entries: dict[tuple, dict] = {}
    for r in removals:
        key = (r.rule_id, r.category, r.pack, r.trimmed)
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = {"rule_id": r.rule_id, "category": r.category, "pack": r.pack,
                                    "line_numbers": [], "count": 0, "trimmed": r.trimmed,
                                    "lines": [] if record_lines else None}
        entry["line_numbers"].extend(r.line_numbers)
        entry["count"] += len(r.lines)
        if record_lines:
            entry["lines"].extend(r.lines)
    return list(entries.values())


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


FIELDS: tuple[Field, ...] = (
    Field("language", "string", "the language the rules were chosen for (ISO 639-1); null when "
          "none was detected", lambda res, rl: res.language),
    Field("packs", ("array", "string"), "the rule packs applied, by name",
          lambda res, rl: list(res.packs)),
    Field("removed_lines", "long", "whole lines removed (trims not counted)",
          lambda res, rl: res.removed_lines()),
    Field("removed_chars", "long", "characters of the removed lines and trimmed spans",
          lambda res, rl: sum(len(line) for r in res.removals for line in r.lines)),
    Field("by_category", ("array", CATEGORY_FIGURES), "per category with removals: lines and "
          "characters removed", lambda res, rl: category_figures(res.removals)),
    Field("warnings", ("array", "string"), "the guards' decisions, an emptied document, a rule "
          "that timed out", lambda res, rl: list(res.warnings)),
    Field("removals", ("array", REMOVAL), "one entry per rule that removed lines (and per rule "
          "that trimmed spans), in the order of their first removal: its rule, category and "
          "pack, the 1-based line numbers in the input, how many lines, whether it was a trim, "
          "and the lines as written (null unless line text was asked for)",
          lambda res, rl: removal_entries(res.removals, rl)),
    Field("dropped", ("array", DROPPED), "for HTML input, what the reader left out (no line "
          "numbers: it was markup); empty for text",
          lambda res, rl: [dropped_entry(r, rl) for r in res.html.dropped]
          if res.html is not None else []),
    Field("pack_reasons", ("array", PACK_REASON), "why each pack applied was chosen (always, "
          "the document's or a block's language, the url's domain, a site signature)",
          lambda res, rl: [{"pack": p, "reason": why} for p, why in res.pack_reasons.items()]),
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
    ids and line numbers stays a small share of the text)."""
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
