"""The PySpark helper (the spark extra of cleaner-news): clean_column in local mode, checked row by row."""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from cleaner import PackError, clean, clean_document
from cleaner.integrations import removals_report

from .conftest import CORPUS, sample_meta, text_samples

pytest.importorskip("pyspark", reason="the spark extra is not installed (pip install '.[spark]')")
pytest.importorskip("pyarrow", reason="the spark extra is not installed (pip install '.[spark]')")
pytest.importorskip("pandas", reason="the spark extra is not installed (pip install '.[spark]')")

from cleaner.integrations.spark import REPORT_SCHEMA, CleanerCounters, clean_column, filter_empty  # noqa: E402
from .conftest import PROMO_STORY, SLOW_PACK  # noqa: E402

pytestmark = [pytest.mark.slow,  # a Spark session (local[2]) for the module
              pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")]

SCHEMA = "id long, text string, url string, extra struct<score:double,tags:array<string>>"


def java_missing() -> bool:
    home = os.environ.get("JAVA_HOME")
    return not (shutil.which("java") or (home and (Path(home) / "bin" / "java").exists()))


@pytest.fixture(scope="module")
def spark():
    if java_missing():
        pytest.skip("Spark needs Java (17+ for Spark 4) and there is no java on PATH or in JAVA_HOME")
    from pyspark.sql import SparkSession

    saved = {k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON")}
    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (SparkSession.builder.master("local[2]").appName("cleaner-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.driver.host", "127.0.0.1")
               .config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "3")  # several batches per partition
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="module")
def rows() -> list[tuple]:
    docs = [(p.read_text(encoding="utf-8"), sample_meta(p).get("url")) for p in text_samples()[:10]]
    docs.append(((CORPUS / "html" / "dragnet-29.html").read_text(encoding="utf-8"), None))
    docs[2:2] = [(None, "https://example.org/none"), (PROMO_STORY, "https://example.org/budget"),
                 ("", None), ("Share on Facebook\nShare on Twitter\n", None)]
    return [(i, text, url, {"score": i / 4, "tags": ["a", str(i)]}) for i, (text, url) in enumerate(docs)]


def test_new_column_beside_the_text(spark, rows, rules_dir):
    df = spark.createDataFrame(rows, SCHEMA)
    from pyspark.sql import functions as F

    out = clean_column(df, "text", output="clean_text", url_column="url", rules_dirs=[rules_dir],
                       language_column="language", report_column="report")
    assert out.columns == ["id", "text", "url", "extra", "clean_text", "language", "report"]
    parsed = out.withColumn("parsed", F.from_json("report", REPORT_SCHEMA))
    got = parsed.collect()
    assert [r.id for r in got] == [r[0] for r in rows]  # order kept
    for row, src in zip(got, rows):
        _, text, url, extra = src
        assert (row.text, row.url, row.extra.asDict()) == (text, url, extra)  # untouched
        if text is None:
            assert row.clean_text is None and row.language is None and row.report is None
            continue
        result = clean_document(text, url=url, rules_dirs=[rules_dir])
        assert row.clean_text == clean(text, url=url, rules_dirs=[rules_dir]) == result.text
        assert row.language == result.language
        assert json.loads(row.report) == removals_report(result, text) == result.report()
        # the published schema reads every key with its type
        assert row.parsed.asDict(recursive=True) == json.loads(row.report)
    promo = json.loads(got[3].report)
    assert "ZZZ-PROMO" not in got[3].clean_text and "example.org" in promo["packs"]
    assert (promo["removals"]["rule_id"], promo["removals"]["line_ranges"]) == (["example-promo"], [[[3]]])
    ad = got[3].parsed.removals
    assert (ad.category, ad.line_ranges, ad["count"], ad.lines) == (["ad"], [[[3]]], [1], None)  # Row.count is a method
    assert sum(len(r.parsed.by_category.category) for r in got if r.parsed) > 10
    assert got[5].clean_text == "" and got[4].clean_text == ""
    assert sum(len(json.loads(r.report)["removals"]["rule_id"]) for r in got if r.report) > 10
    # a row per rule, as the README reads it
    per_rule = (parsed.select(F.explode(F.arrays_zip("parsed.removals.rule_id", "parsed.removals.category",
                                                     "parsed.removals.line_ranges")).alias("r"))
                .select("r.rule_id", "r.category", "r.line_ranges").collect())
    assert ("example-promo", "ad", [[3]]) in [tuple(r) for r in per_rule]
    assert len(per_rule) == sum(len(r.parsed.removals.rule_id) for r in got if r.parsed)


def test_in_place_keeps_the_column_order(spark, rows):
    df = spark.createDataFrame(rows, SCHEMA)
    out = clean_column(df, "text")
    assert out.columns == df.columns and out.schema == df.schema
    got = out.collect()
    assert [r.text for r in got] == [None if t is None else clean(t) for _, t, _, _ in rows]
    assert [(r.id, r.url, r.extra.asDict()) for r in got] == [(i, u, e) for i, _, u, e in rows]


def test_html_flag_counts_only_and_binary(spark):
    page = "<html><body><article><p>The storm reached the coast on Monday night.</p></article></body></html>"
    df = spark.createDataFrame([(page, page.encode("utf-8"))], "text string, raw binary")
    row = clean_column(clean_column(df, "text", output="as_text", html=False), "text", html=True,
                       report_column="report", record_lines=False).collect()[0]
    assert row.as_text == clean(page, html=False) and row.text == clean(page, html=True)
    assert json.loads(row.report)["removals"]["lines"] is None  # fixed keys: null, not absent
    assert clean_column(df, "raw", output="from_bytes").collect()[0].from_bytes == clean(page.encode())


def test_bad_arguments_fail_on_the_driver(spark, tmp_path):
    df = spark.createDataFrame([(1, "x")], "id long, text string")
    with pytest.raises(ValueError, match="not in the DataFrame"):
        clean_column(df, "body")
    with pytest.raises(ValueError, match="not string or binary"):
        clean_column(df, "id")
    with pytest.raises(ValueError, match="overwrite"):
        clean_column(df, "text", output="id")
    with pytest.raises(ValueError, match="not in the DataFrame"):
        clean_column(df, "text", url_column="link")
    with pytest.raises(ValueError, match="CPU seconds"):
        clean_column(df, "text", timeout="5")
    with pytest.raises(ValueError, match="overwrite"):
        clean_column(df, "text", error_column="id")
    (tmp_path / "bad.yaml").write_text("pack: bad\nrules:\n  - id: x\n    line: '('\n", encoding="utf-8")
    with pytest.raises(PackError):
        clean_column(df, "text", rules_dirs=tmp_path)




def test_faults_give_null_and_an_error_filter_empty_and_counters(spark, tmp_path):
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "slow.org.yaml").write_text(SLOW_PACK, encoding="utf-8")
    slow = "Title\n\n" + "\n".join(["a" * 40 + "!"] * 3) + "\n"
    data = [(1, PROMO_STORY, None), (2, slow, "https://slow.org/a"), (3, "Share on Facebook\nShare on Twitter\n", None),
            (4, None, None), (5, PROMO_STORY + "\nShare on Facebook\n", None)]
    df = spark.createDataFrame(data, "id long, text string, url string")
    counters = CleanerCounters(spark)
    out = clean_column(df, "text", url_column="url", rules_dirs=[packs], timeout=0.5, error_column="error",
                       filter_empty=True, counters=counters)
    got = {r.id: r for r in out.collect()}
    assert sorted(got) == [1, 2, 4, 5]  # the emptied row is left out; nulls (a null, a failure) are not
    assert got[2].text is None and got[2].error == "timeout: cleaning took longer than 0.5 s"
    assert got[4].text is None and got[4].error is None
    assert got[1].text == clean(PROMO_STORY) and got[1].error is None
    assert counters.value == {"documents": 3, "emptied": 1, "timeout": 1, "removed_lines": 3,
                              "removed_lines_share": 3}
    again = filter_empty(clean_column(df, "text", output="clean", timeout=None), "clean")
    assert sorted(r.id for r in again.collect()) == [1, 2, 4, 5]
