"""The report: one shape, documented once, held by columnar formats whatever the document."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import clean_document
from cleaner.categories import CATEGORIES
from cleaner.text.decode import to_lines
from cleaner.report_schema import FIELDS, REPORT_SCHEMA, describe, line_numbers, report, rows

from .conftest import CORPUS, PROMO_STORY, text_samples

README = Path(__file__).resolve().parent.parent / "README.md"


def documents():
    docs = [(p.read_text(encoding="utf-8"), False) for p in text_samples()[:12]]
    docs += [(p.read_text(encoding="utf-8"), True) for p in sorted((CORPUS / "html").glob("*.html"))[:3]]
    docs += [("", False), ("Share on Facebook\nShare on Twitter\n", False), (PROMO_STORY, False)]
    return [(text, html, clean_document(text, html=html)) for text, html in docs]


def results():
    return [result for _, _, result in documents()]


def fits(value, kind) -> bool:
    """``value`` is of the declared type (null allowed anywhere, as Arrow and Spark allow)."""
    if value is None:
        return True
    if isinstance(kind, str):
        return type(value) is {"string": str, "long": int, "boolean": bool}[kind]
    if kind[0] == "array":
        return isinstance(value, list) and all(fits(v, kind[1]) for v in value)
    return isinstance(value, dict) and list(value) == [name for name, _ in kind[1]] and \
        all(fits(value[name], t) for name, t in kind[1])


def test_every_key_always_there_with_one_type():
    for result in results():
        for record_lines in (False, True):
            rep = report(result, record_lines=record_lines)
            assert list(rep) == [f.name for f in FIELDS]
            assert json.loads(json.dumps(rep)) == rep
            for f in FIELDS:
                assert fits(rep[f.name], f.type), f.name
            assert (rep["dropped"] is None) == (result.html is None)  # null for text
            for table in (rep["removals"], rep["dropped"], rep["by_category"]):
                if table is None:
                    continue
                sizes = {len(column) for name, column in table.items() if column is not None}
                assert len(sizes) == 1, table  # columns of one table: one entry per rule
            for table in [rep["removals"]] + ([rep["dropped"]] if rep["dropped"] else []):
                assert (table["lines"] is not None) == record_lines
            for entry in rows(rep["removals"]) + rows(rep["dropped"]):
                if record_lines:
                    assert len(entry["lines"]) == entry["count"]
            assert len(rep["pack_reasons"]) == len(rep["packs"])


def test_figures_add_up():
    for text, html, result in documents():
        rep = result.report(record_lines=True)
        removals, by_category = rows(rep["removals"]), rows(rep["by_category"])
        assert rep["removed_lines"] == result.removed_lines() == \
            sum(e["count"] for e in removals if not e["trimmed"])
        assert rep["removed_chars"] == sum(f["chars"] for f in by_category) == \
            sum(len(line) for e in removals for line in e["lines"])
        assert {f["category"]: f["lines"] for f in by_category} == result.by_category()
        order = [f["category"] for f in by_category]
        assert order == sorted(order, key=lambda c: (CATEGORIES.index(c) if c in CATEGORIES else 99, c))
        # one entry per rule: its runs, [first, last] or [line], in the order removed
        assert len({(e["rule_id"], e["trimmed"]) for e in removals}) == len(removals)
        for e in removals:
            assert all(len(run) in (1, 2) and run[0] <= run[-1] for run in e["line_ranges"])
            assert [run[0] for run in e["line_ranges"]] == sorted(run[0] for run in e["line_ranges"])
        if html:
            continue  # the runs are lines of the reader's text, not of the page
        # the runs stand for exactly the lines removed: the non-blank ones from first to last
        lines = to_lines(text)
        for e in removals:
            numbers = line_numbers(e["line_ranges"], lines)
            assert len(numbers) == e["count"]
            if not e["trimmed"]:
                assert [lines[n - 1] for n in numbers] == e["lines"]
        numbers = sorted(n for e in removals for n in line_numbers(e["line_ranges"], lines))
        assert numbers == sorted(n for r in result.removals for n in r.line_numbers)


def test_runs_bridge_blank_lines_only():
    """A run is every non-blank line from its first to its last: blank (or whitespace) lines
    between a rule's lines do not break it, and line_numbers() gives the lines back."""
    story = ("Storm floods the valley\n\nShare on Facebook\n\nShare on Twitter\n  \n"
             "Share on Email\n\n" + "The river rose two metres overnight and the town of "
             "Eastbrook was cut off by morning, officials said on Tuesday.\n" * 3)
    rep = clean_document(story).report()
    (i,) = [i for i, category in enumerate(rep["removals"]["category"]) if category == "share"]
    assert rep["removals"]["line_ranges"][i] == [[3, 7]] and rep["removals"]["count"][i] == 3
    assert line_numbers([[3, 7]], to_lines(story)) == [3, 5, 7]


def test_readme_documents_the_schema():
    text = README.read_text(encoding="utf-8")
    assert describe() in text  # the table is the declaration's, row for row


def test_arrow_holds_a_corpus_of_reports():
    pa = pytest.importorskip("pyarrow")
    from cleaner.report_schema import arrow_type

    reports = [r.report() for r in results()]
    assert any(not rep["removals"]["rule_id"] for rep in reports)
    assert any(rep["removals"]["rule_id"] for rep in reports)
    kind = arrow_type()
    for rep in reports:  # one at a time, as a writer meets them: each fits the one type
        assert pa.array([rep], type=kind).to_pylist() == [rep]


def test_ddl_is_what_spark_reads():
    assert REPORT_SCHEMA.startswith("language string, packs array<string>, removed_lines bigint, ")
    assert "by_category struct<category:array<string>,lines:array<bigint>,chars:array<bigint>>" in REPORT_SCHEMA
    assert ("removals struct<rule_id:array<string>,category:array<string>,pack:array<string>,"
            "line_ranges:array<array<array<bigint>>>,count:array<bigint>,trimmed:array<boolean>,"
            "lines:array<array<string>>>") in REPORT_SCHEMA
    assert "pack_reasons array<string>" in REPORT_SCHEMA
