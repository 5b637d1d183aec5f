"""cleaner for PySpark DataFrames (``pip install 'cleaner-news[spark]'``).

>>> from cleaner.integrations.spark import clean_column
>>> df = spark.read.json("crawl/*.jsonl")                                  # doctest: +SKIP
>>> out = clean_column(df, "text", output="clean_text", url_column="url",
...                    report_column="cleaner")                            # doctest: +SKIP
>>> out.write.parquet("clean/")                                            # doctest: +SKIP

The column is cleaned by a vectorised pandas UDF (Arrow batches, an iterator UDF so that each
Python worker compiles the packs once and reuses them). Each value comes out exactly as
``cleaner.clean`` would give it; a null stays null; every other column is left as it was. cleaner
must be installed on the executors (the same environment as the driver).
"""
import json
from pathlib import Path
from typing import Iterable, Iterator, Optional, Tuple, Union

try:
    import pandas as pd
    from pyspark.sql import Column, DataFrame
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "cleaner.integrations.spark needs pyspark, pandas and pyarrow: pip install 'cleaner-news[spark]'"
    ) from exc

from ..packs import get_packset
from ..pipeline import clean_document
from . import check_html, removals_report, resolve_rules_dirs

__all__ = ["clean_column"]

_RESULT = T.StructType([
    T.StructField("text", T.StringType()),
    T.StructField("language", T.StringType()),
    T.StructField("report", T.StringType()),
])


def _text_or_none(value):
    """A str (or bytes) to clean; None for a null (None, NaN, pd.NA) or anything else."""
    if isinstance(value, (str, bytes, bytearray)):
        return value
    return None


def _cleaner_udf(html: Optional[bool], rules_dirs: Tuple[str, ...], record_lines: bool,
                 want_report: bool):
    """The pandas UDF: options captured by value, so it pickles to the executors."""

    def clean_batches(batches: Iterator[Tuple[pd.Series, pd.Series, pd.Series]]) -> Iterator[pd.DataFrame]:
        get_packset(rules_dirs)  # once per Python worker (cached there for the next partitions)
        for texts, urls, langs in batches:
            out_text, out_lang, out_report = [], [], []
            for text, url, lang in zip(texts, urls, langs):
                text = _text_or_none(text)
                if text is None:
                    out_text.append(None)
                    out_lang.append(None)
                    out_report.append(None)
                    continue
                result = clean_document(text, url=_text_or_none(url), lang=_text_or_none(lang) or None,
                                        html=html, rules_dirs=rules_dirs)
                out_text.append(result.text)
                out_lang.append(result.language)
                if want_report:
                    original = text if isinstance(text, str) else bytes(text).decode("utf-8", "replace")
                    out_report.append(json.dumps(removals_report(result, original, record_lines=record_lines),
                                                 ensure_ascii=False))
                else:
                    out_report.append(None)
            yield pd.DataFrame({"text": pd.Series(out_text, dtype=object),
                                "language": pd.Series(out_lang, dtype=object),
                                "report": pd.Series(out_report, dtype=object)})

    return F.pandas_udf(clean_batches, _RESULT)


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
    record_lines: bool = True,
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
        report_column: if given, a new string column holding, as JSON, what was removed (see
            :func:`cleaner.integrations.removals_report`); read it with ``from_json``.
        record_lines: keep the removed lines' text in the report (False: counts only).

    A null in ``column`` stays null (and so do its language and report).
    """
    if column not in df.columns:
        raise ValueError(f"column {column!r} is not in the DataFrame (columns: {', '.join(df.columns)})")
    kind = df.schema[column].dataType
    if not isinstance(kind, (T.StringType, T.BinaryType)):
        raise ValueError(f"column {column!r} is {kind.simpleString()}, not string or binary")
    output = output or column
    new = [n for n in (language_column, report_column) if n]
    clash = [n for n in new if n in df.columns or n == output] + \
        ([output] if output != column and output in df.columns else [])
    if clash or len(set(new)) != len(new):
        raise ValueError(f"output column(s) {', '.join(sorted(set(clash or new)))} would overwrite a column")
    rules_dirs = resolve_rules_dirs(rules_dirs)
    check_html(html)
    get_packset(rules_dirs)  # an invalid pack fails here, on the driver
    udf = _cleaner_udf(html, rules_dirs, record_lines, bool(report_column))
    tmp = "__cleaner_result"
    while tmp in df.columns:
        tmp += "_"
    out = df.withColumn(tmp, udf(F.col(column), _column(df, url_column, "url"), _column(df, lang_column, "lang")))
    out = out.withColumn(output, F.col(f"{tmp}.text"))
    if language_column:
        out = out.withColumn(language_column, F.col(f"{tmp}.language"))
    if report_column:
        out = out.withColumn(report_column, F.col(f"{tmp}.report"))
    return out.drop(tmp)
