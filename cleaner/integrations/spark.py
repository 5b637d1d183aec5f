"""cleaner for PySpark DataFrames (``pip install 'cleaner-news[spark]'``).

>>> from cleaner.integrations.spark import clean_column
>>> df = spark.read.json("crawl/*.jsonl")                                  # doctest: +SKIP
>>> out = clean_column(df, "text", output="clean_text", url_column="url",
...                    report_column="cleaner")                            # doctest: +SKIP
>>> out.write.parquet("clean/")                                            # doctest: +SKIP

The column is cleaned by a vectorised pandas UDF (Arrow batches, an iterator UDF so that each
Python worker compiles the packs once and reuses them). Each value comes out exactly as
``cleaner.clean`` would give it; a null stays null; every other column is left as it was. A
value that fails to clean (an exception, or past ``timeout`` CPU seconds) comes out null, with
the reason in ``error_column``: the job goes on. cleaner must be installed on the executors, in
the Python Spark starts there (``PYSPARK_PYTHON`` or ``spark.pyspark.python``).

The report column holds the report (:mod:`cleaner.report_schema`) as JSON; read it with
``F.from_json(col, REPORT_SCHEMA)``. :class:`CleanerCounters` adds up, across the executors,
documents, removed lines per category and faults.
"""
import json
from pathlib import Path
from typing import Iterable, Iterator, Optional, Tuple, Union

try:
    import pandas as pd
    from pyspark.accumulators import AccumulatorParam
    from pyspark.sql import Column, DataFrame
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "cleaner.integrations.spark needs pyspark, pandas and pyarrow: pip install 'cleaner-news[spark]'"
    ) from exc

from ..engine.packs import get_packset
from ..report_schema import REPORT_SCHEMA, report, spark_type
from . import check_html, resolve_rules_dirs
from .faults import DEFAULT_TIMEOUT, check_timeout, clean_guarded, warm_up

__all__ = ["clean_column", "filter_empty", "CleanerCounters", "REPORT_SCHEMA", "report_struct"]

_RESULT = T.StructType([
    T.StructField("text", T.StringType()),
    T.StructField("language", T.StringType()),
    T.StructField("report", T.StringType()),
    T.StructField("error", T.StringType()),
    T.StructField("empty", T.BooleanType()),
])


def _text_or_none(value):
    """A str (or bytes) to clean; None for a null (None, NaN, pd.NA) or anything else."""
    if isinstance(value, (str, bytes, bytearray)):
        return value
    return None


def report_struct() -> T.StructType:
    """The report as a Spark ``StructType`` (the same as :data:`REPORT_SCHEMA`, a DDL string)."""
    return spark_type()


class _CountsParam(AccumulatorParam):
    """Counts by name, added up: {"documents": 3, "removed_lines_ad": 2, ...}."""

    def zero(self, value: dict) -> dict:
        return {}

    def addInPlace(self, a: dict, b: dict) -> dict:
        for key, n in b.items():
            a[key] = a.get(key, 0) + n
        return a


class CleanerCounters:
    """Spark accumulators for what :func:`clean_column` did: ``documents`` cleaned, ``emptied``,
    ``clean_error``, ``timeout``, ``removed_lines`` and ``removed_lines_<category>``.

    >>> counters = CleanerCounters(spark)                                   # doctest: +SKIP
    >>> clean_column(df, "text", counters=counters).write.parquet("clean/")  # doctest: +SKIP
    >>> counters.value                                                       # doctest: +SKIP
    {'documents': 400, 'removed_lines': 5120, 'removed_lines_nav': 1800, ...}

    As with every accumulator updated in a transformation, a task that Spark runs again (a
    retry, a DataFrame computed twice) counts again: read them after one action.
    """

    def __init__(self, spark) -> None:
        self._acc = spark.sparkContext.accumulator({}, _CountsParam())

    @property
    def value(self) -> dict:
        return dict(sorted(self._acc.value.items()))

    def add(self, counts: dict) -> None:
        if counts:
            self._acc.add(counts)


def _count(counts: dict, key: str, n: int = 1) -> None:
    counts[key] = counts.get(key, 0) + n


def _cleaner_udf(html: Optional[bool], rules_dirs: Tuple[str, ...], record_lines: bool,
                 want_report: bool, timeout: Optional[float], counters: Optional[CleanerCounters]):
    """The pandas UDF: options captured by value, so it pickles to the executors."""

    def clean_batches(batches: Iterator[Tuple[pd.Series, pd.Series, pd.Series]]) -> Iterator[pd.DataFrame]:
        warm_up(rules_dirs)  # once per Python worker (cached there for the next partitions)
        for texts, urls, langs in batches:
            out_text, out_lang, out_report, out_error, out_empty = [], [], [], [], []
            counts: dict = {}
            for text, url, lang in zip(texts, urls, langs):
                text = _text_or_none(text)
                if text is None:
                    out_text.append(None)
                    out_lang.append(None)
                    out_report.append(None)
                    out_error.append(None)
                    out_empty.append(False)
                    continue
                result, fault, message = clean_guarded(
                    text, timeout=timeout, url=_text_or_none(url),
                    lang=_text_or_none(lang) or None, html=html, rules_dirs=rules_dirs)
                if result is None:
                    _count(counts, fault)
                    out_text.append(None)
                    out_lang.append(None)
                    out_report.append(None)
                    out_error.append(f"{fault}: {message}")
                    out_empty.append(False)
                    continue
                _count(counts, "documents")
                empty = not result.text.strip()
                if empty:
                    _count(counts, "emptied")
                _count(counts, "removed_lines", result.removed_lines())
                for category, lines in result.by_category().items():
                    _count(counts, f"removed_lines_{category}", lines)
                out_text.append(result.text)
                out_lang.append(result.language)
                out_report.append(json.dumps(report(result, record_lines=record_lines),
                                             ensure_ascii=False, separators=(",", ":"))
                                  if want_report else None)
                out_error.append(None)
                out_empty.append(empty)
            if counters is not None:
                counters.add(counts)
            yield pd.DataFrame({"text": pd.Series(out_text, dtype=object),
                                "language": pd.Series(out_lang, dtype=object),
                                "report": pd.Series(out_report, dtype=object),
                                "error": pd.Series(out_error, dtype=object),
                                "empty": pd.Series(out_empty, dtype=bool)})

    # Nondeterministic, so that Spark calls it once per row: a filter on its result (filter_empty)
    # would otherwise have the optimiser call it again for the columns it keeps, counting twice.
    return F.pandas_udf(clean_batches, _RESULT).asNondeterministic()


def _column(df: DataFrame, name: Optional[str], what: str) -> Column:
    if name is None:
        return F.lit(None).cast(T.StringType())
    if name not in df.columns:
        raise ValueError(f"{what} column {name!r} is not in the DataFrame (columns: {', '.join(df.columns)})")
    return F.col(name).cast(T.StringType())


def clean_column(
    df: DataFrame,
    column: str = "text",
    *,
    output: Optional[str] = None,
    url_column: Optional[str] = None,
    lang_column: Optional[str] = None,
    html: Optional[bool] = None,
    rules_dirs: Union[Iterable[Union[str, Path]], str, Path, None] = (),
    language_column: Optional[str] = None,
    report_column: Optional[str] = None,
    record_lines: bool = False,
    error_column: Optional[str] = None,
    timeout: Optional[float] = DEFAULT_TIMEOUT,
    filter_empty: bool = False,
    counters: Optional[CleanerCounters] = None,
) -> DataFrame:
    """Return ``df`` with ``column`` cleaned by cleaner (lazily, like any transformation).

    Args:
        df: the DataFrame.
        column: the text column (string, or binary holding UTF-8).
        output: where the cleaned text goes: None (the default) replaces ``column`` in place;
            another name adds it as a new last column and keeps ``column`` as it was.
        url_column: a column holding each page's URL, which picks site packs by domain.
        lang_column: a column holding a known language code, to use instead of detecting it.
        html: None detects HTML per value, True treats every value as HTML, False as text.
        rules_dirs: folders of extra rule packs, resolved to absolute paths on the driver and
            validated there; they must be readable at the same path on the executors.
        language_column: if given, a new string column with the detected language.
        report_column: if given, a new string column holding the report as JSON (see
            :mod:`cleaner.report_schema`); read it with ``F.from_json(col, REPORT_SCHEMA)``.
        record_lines: keep the removed lines' text in the report (off by default: rule ids
            and runs of line numbers only).
        error_column: if given, a new string column: null, or why the value could not be
            cleaned (``clean_error: ...``, ``timeout: ...``); such a value comes out null.
        timeout: CPU seconds one value may take (None or 0: no limit).
        filter_empty: leave out the rows whose cleaned text is empty (only whitespace); a
            null (a null input, or a value that failed) is not empty.
        counters: a :class:`CleanerCounters` to add this column's counts to.

    A null in ``column`` stays null (and so do its language and report).
    """
    if column not in df.columns:
        raise ValueError(f"column {column!r} is not in the DataFrame (columns: {', '.join(df.columns)})")
    kind = df.schema[column].dataType
    if not isinstance(kind, (T.StringType, T.BinaryType)):
        raise ValueError(f"column {column!r} is {kind.simpleString()}, not string or binary")
    output = output or column
    new = [n for n in (language_column, report_column, error_column) if n]
    clash = [n for n in new if n in df.columns or n == output] + \
        ([output] if output != column and output in df.columns else [])
    if clash or len(set(new)) != len(new):
        raise ValueError(f"output column(s) {', '.join(sorted(set(clash or new)))} would overwrite a column")
    rules_dirs = resolve_rules_dirs(rules_dirs)
    check_html(html)
    get_packset(rules_dirs)  # an invalid pack fails here, on the driver
    check_timeout(timeout)
    udf = _cleaner_udf(html, rules_dirs, record_lines, bool(report_column), timeout, counters)
    tmp = "__cleaner_result"
    while tmp in df.columns:
        tmp += "_"
    out = df.withColumn(tmp, udf(F.col(column), _column(df, url_column, "url"), _column(df, lang_column, "lang")))
    out = out.withColumn(output, F.col(f"{tmp}.text"))
    if language_column:
        out = out.withColumn(language_column, F.col(f"{tmp}.language"))
    if report_column:
        out = out.withColumn(report_column, F.col(f"{tmp}.report"))
    if error_column:
        out = out.withColumn(error_column, F.col(f"{tmp}.error"))
    if filter_empty:
        out = out.filter(~F.col(f"{tmp}.empty"))
    return out.drop(tmp)


# What Python's str.strip() takes for whitespace, in Java's regex
_BLANK = r"^[\s\p{Z}\x{1C}-\x{1F}\x{85}]*$"


def _drop_empty(df: DataFrame, text: Column) -> DataFrame:
    return df.filter(text.isNull() | ~text.rlike(_BLANK))


def filter_empty(df: DataFrame, column: str = "text") -> DataFrame:
    """``df`` without the rows whose ``column`` is empty or only whitespace (nulls are kept):
    for a column cleaned earlier, as ``clean_column(..., filter_empty=True)`` does."""
    if column not in df.columns:
        raise ValueError(f"column {column!r} is not in the DataFrame (columns: {', '.join(df.columns)})")
    return _drop_empty(df, F.col(column))
