"""The report: one shape, documented once, held by columnar formats whatever the document."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import clean_document
from cleaner.categories import CATEGORIES
from cleaner.report_schema import FIELDS, REPORT_SCHEMA, describe, report

from .conftest import CORPUS, PROMO_STORY, text_samples

README = Path(__file__).resolve().parent.parent / "README.md"


def results():
    docs = [(p.read_text(encoding="utf-8"), False) for p in text_samples()[:12]]
    docs += [(p.read_text(encoding="utf-8"), True) for p in sorted((CORPUS / "html").glob("*.html"))[:3]]
    docs += [("", False), ("Share on Facebook\nShare on Twitter\n", False), (PROMO_STORY, False)]
    return [clean_document(text, html=html) for text, html in docs]


def test_every_key_always_there_with_one_type():
    kinds = {"string": str, "long": int, "boolean": bool}
    for result in results():
        for record_lines in (False, True):
            rep = report(result, record_lines=record_lines)
            assert list(rep) == [f.name for f in FIELDS]
            assert json.loads(json.dumps(rep)) == rep
            for entry in rep["removals"] + rep["dropped"]:
                assert (entry["lines"] is not None) == record_lines
                if record_lines:
                    assert len(entry["lines"]) == entry["count"]
            for f in FIELDS:
                if isinstance(f.type, str) and rep[f.name] is not None:
                    assert isinstance(rep[f.name], kinds[f.type]), f.name


def test_figures_add_up():
    for result in results():
        rep = result.report(record_lines=True)
        assert rep["removed_lines"] == result.removed_lines() == \
            sum(e["count"] for e in rep["removals"] if not e["trimmed"])
        assert rep["removed_chars"] == sum(f["chars"] for f in rep["by_category"]) == \
            sum(len(line) for e in rep["removals"] for line in e["lines"])
        assert {f["category"]: f["lines"] for f in rep["by_category"]} == result.by_category()
        order = [f["category"] for f in rep["by_category"]]
        assert order == sorted(order, key=lambda c: (CATEGORIES.index(c) if c in CATEGORIES else 99, c))
        # one entry per rule: every run it removed, line numbers in the order removed
        assert len({(e["rule_id"], e["trimmed"]) for e in rep["removals"]}) == len(rep["removals"])
        numbers = sorted(n for e in rep["removals"] for n in e["line_numbers"])
        assert numbers == sorted(n for r in result.removals for n in r.line_numbers)


def test_readme_documents_the_schema():
    text = README.read_text(encoding="utf-8")
    assert describe() in text  # the table is the declaration's, row for row


def test_arrow_holds_a_corpus_of_reports():
    pa = pytest.importorskip("pyarrow")
    from cleaner.report_schema import arrow_type

    reports = [r.report() for r in results()]
    assert any(not rep["removals"] for rep in reports) and any(rep["removals"] for rep in reports)
    kind = arrow_type()
    for rep in reports:  # one at a time, as a writer meets them: each fits the one type
        assert pa.array([rep], type=kind).to_pylist() == [rep]


def test_ddl_is_what_spark_reads():
    assert REPORT_SCHEMA.startswith("language string, packs array<string>, removed_lines bigint, ")
    assert "by_category array<struct<category:string,lines:bigint,chars:bigint>>" in REPORT_SCHEMA
    assert ("removals array<struct<rule_id:string,category:string,pack:string,line_numbers:array<bigint>,"
            "count:bigint,trimmed:boolean,lines:array<string>>>") in REPORT_SCHEMA
