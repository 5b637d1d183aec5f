"""The datatrove step (the datatrove extra of cleaner-news): JsonlReader -> CleanerStep -> JsonlWriter run by
LocalPipelineExecutor with several tasks over several files, outputs checked record by record."""
from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import PackError, clean, clean_document
from cleaner.report_schema import rows as entries

from .conftest import CORPUS, sample_meta, text_samples

pytest.importorskip("datatrove", reason="the datatrove extra is not installed (pip install '.[datatrove]')")
pytest.importorskip("orjson", reason="datatrove's JSONL reader and writer need orjson")

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter, ParquetWriter  # noqa: E402

from cleaner.integrations.datatrove import CleanerStep, parquet_schema  # noqa: E402
from .conftest import PROMO_STORY, SLOW_PACK  # noqa: E402

pytestmark = pytest.mark.slow  # a datatrove pipeline per test: the suite's slowest file

ALL_BOILERPLATE = "Share on Facebook\nShare on Twitter\n"
FILES = 4


def make_records() -> list[dict]:
    """Corpus samples (text and HTML, with and without a URL), a site-pack case and an article
    that cleans to nothing, each with fields beside the text that must come out untouched."""
    docs = []
    for path in text_samples():
        docs.append((path.read_text(encoding="utf-8"), sample_meta(path).get("url")))
    for path in sorted((CORPUS / "html").glob("*.html")):
        docs.append((path.read_text(encoding="utf-8"), None))
    docs.insert(3, (PROMO_STORY, "https://example.org/news/budget"))
    docs.insert(7, (ALL_BOILERPLATE, None))
    records = []
    for i, (text, url) in enumerate(docs):
        record = {"id": f"doc-{i:03d}", "text": text, "source": "corpus", "n": i,
                  "metadata": {"crawl": "CC-TEST", "tags": ["news", str(i)], "score": i / 10}}
        if url:
            record["url"] = url
        records.append(record)
    return records


def write_inputs(folder: Path, records: list[dict]) -> dict[str, list[str]]:
    """FILES JSONL files, records dealt round-robin; returns file name -> ids in file order."""
    folder.mkdir()
    layout: dict[str, list[str]] = {}
    for f in range(FILES):
        name = f"part-{f}.jsonl"
        chunk = records[f::FILES]
        layout[name] = [r["id"] for r in chunk]
        with open(folder / name, "w", encoding="utf-8") as fh:
            for r in chunk:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return layout


def read_outputs(folder: Path) -> dict[str, list[dict]]:
    return {p.name: [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines()]
            for p in sorted(folder.glob("*.jsonl"))}


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return make_records()


@pytest.fixture(scope="module")
def cleaned(records, rules_dir) -> dict:
    """id -> clean_document of each record, computed once for the module: each pipeline test
    compares its output with the same in-process cleaning (clean() is clean_document().text),
    and the 206 documents cost seconds a pass."""
    return {r["id"]: clean_document(r["text"], url=r.get("url"), rules_dirs=[rules_dir]) for r in records}


def check_outputs(outputs: dict[str, list[dict]], records: list[dict], layout: dict[str, list[str]],
                  cleaned: dict) -> None:
    """Each output record is cleaner.clean of its input, every other field untouched, the
    removals recorded; each task wrote whole input files in their order; only the empty is gone."""
    by_id = {r["id"]: r for r in records}
    expected = {i: result.text for i, result in cleaned.items()}
    dropped = {i for i, text in expected.items() if not text.strip()}
    assert dropped == {"doc-007"}

    seen = []
    for name, out in outputs.items():
        ids = [r["id"] for r in out]
        seen += ids
        files = sorted({Path(r["metadata"]["file_path"]).name for r in out})
        assert ids == [i for f in files for i in layout[f] if i not in dropped], name
    assert sorted(seen) == sorted(set(by_id) - dropped)

    for out in (r for rows in outputs.values() for r in rows):
        src = by_id[out["id"]]
        assert out["text"] == expected[out["id"]]
        meta = dict(out["metadata"])
        report = meta.pop("cleaner")
        assert Path(meta.pop("file_path")).name in layout
        # every other field and the original metadata, untouched
        assert meta == {**src["metadata"], **{k: v for k, v in src.items() if k not in ("id", "text", "metadata")}}
        # the one report shape, rule ids and line numbers without the lines' text by default
        assert report == cleaned[out["id"]].report()
        assert report["language"] and report["packs"]
        assert report["removed_lines"] == sum(x["count"] for x in entries(report["removals"]) if not x["trimmed"])
        assert list(report["removals"]) == ["rule_id", "category", "pack", "line_ranges", "count", "trimmed", "lines"]
        assert report["removals"]["lines"] is None and all(report["removals"]["line_ranges"])

    promo = next(r for rows in outputs.values() for r in rows if r["id"] == "doc-003")
    assert "ZZZ-PROMO" not in promo["text"] and "example.org" in promo["metadata"]["cleaner"]["packs"]
    (ad,) = [x for x in entries(promo["metadata"]["cleaner"]["removals"]) if x["rule_id"] == "example-promo"]
    assert (ad["category"], ad["line_ranges"], ad["count"], ad["lines"]) == ("ad", [[3]], 1, None)
    assert sum(len(r["metadata"]["cleaner"]["removals"]["rule_id"]) for docs in outputs.values() for r in docs) > 20


def pipeline(tmp_path: Path, rules_dir: Path) -> list:
    step = CleanerStep(rules_dirs=[rules_dir], url_key="url")
    return [JsonlReader(str(tmp_path / "in")), step,
            JsonlWriter(str(tmp_path / "out"), output_filename="${rank}.jsonl", compression=None)]


def test_local_executor_several_tasks(tmp_path, rules_dir, records, cleaned):
    layout = write_inputs(tmp_path / "in", records)
    LocalPipelineExecutor(pipeline=pipeline(tmp_path, rules_dir), tasks=3, workers=2,
                          logging_dir=str(tmp_path / "logs")).run()
    outputs = read_outputs(tmp_path / "out")
    assert sorted(outputs) == ["00000.jsonl", "00001.jsonl", "00002.jsonl"]
    check_outputs(outputs, records, layout, cleaned)

    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    (mine,) = [s for s in stats if "cleaner" in s["name"]]
    counts = {k: v if isinstance(v, int) else v["total"] for k, v in mine["stats"].items()}
    assert counts["total"] == len(records)
    assert counts["forwarded"] == len(records) - 1
    assert counts["dropped_empty"] == counts["dropped"] == 1
    assert counts["removed_lines_ad"] >= 2 and counts["removed_lines"] > 100
    # every document once in one outcome, and every cleaned one in one language
    assert counts["forwarded"] + counts["dropped_empty"] + counts.get("clean_error", 0) + \
        counts.get("timeout", 0) == counts["total"]
    assert sum(v for k, v in counts.items() if k.startswith("language_")) == len(records)


def test_slurm_executor_pickled_pipeline(tmp_path, rules_dir, records, cleaned, monkeypatch):
    """What the Slurm executor does, without Slurm: it dills the executor (with our step) to
    executor.pik and submits an array job; each array task runs launch_pickled_pipeline on it,
    in another process and directory. sbatch and scontrol are stubs; the array tasks run here."""
    import datatrove.executor.slurm as slurm

    scripts = []
    monkeypatch.setattr(slurm, "launch_slurm_job", lambda script, *a, **k: scripts.append(script) or "4242")
    layout = write_inputs(tmp_path / "in", records)
    executor = slurm.SlurmPipelineExecutor(pipeline=pipeline(tmp_path, rules_dir), tasks=2, time="00:10:00",
                                           partition="test", logging_dir=str(tmp_path / "logs"),
                                           slurm_logs_folder=str(tmp_path / "slurm-logs"))
    executor.run()
    assert scripts and "launch_pickled_pipeline" in scripts[0]
    node = tmp_path / "node"
    (node / "bin").mkdir(parents=True)
    scontrol = node / "bin" / "scontrol"  # `scontrol show hostnames $SLURM_NODELIST`
    scontrol.write_text("#!/bin/sh\necho localhost\n")
    scontrol.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLURM_")}
    env.update(PATH=f"{node / 'bin'}{os.pathsep}{env.get('PATH', '')}", SLURM_NODELIST="localhost")
    for task in range(2):
        run = subprocess.run([sys.executable, "-m", "datatrove.tools.launch_pickled_pipeline",
                              str(tmp_path / "logs" / "executor.pik")],
                             cwd=node, env={**env, "SLURM_ARRAY_TASK_ID": str(task)},
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=300)
        assert run.returncode == 0, run.stderr[-3000:]
    outputs = read_outputs(tmp_path / "out")
    assert sorted(outputs) == ["00000.jsonl", "00001.jsonl"]
    check_outputs(outputs, records, layout, cleaned)


def docs_of(*texts, **meta) -> list[Document]:
    return [Document(text=t, id=str(i), metadata=dict(meta)) for i, t in enumerate(texts)]


def test_options_keep_empty_counts_only_and_other_key():
    step = CleanerStep(drop_empty=False, record_lines=False, metadata_key="boilerplate", url_key=None)
    story = ("Storm hits the coast\n\nThe storm reached the coast on Monday night, and officials "
             "said the damage was the worst in a decade.\n\nAdvertisement\n")
    out = list(step.run(iter(docs_of(story, ALL_BOILERPLATE, url="https://example.org/x"))))
    assert [d.id for d in out] == ["0", "1"] and out[1].text == ""
    assert out[0].text == clean(story)
    assert out[0].metadata["boilerplate"]["removals"] == {
        "rule_id": ["en-advertisement-label"], "category": ["ad"], "pack": ["en"],
        "line_ranges": [[[5]]], "count": [1], "trimmed": [False], "lines": None}
    assert out[0].metadata["url"] == "https://example.org/x" and "cleaner" not in out[0].metadata


def test_html_flag_and_lang_key():
    page = "<html><body><article><p>The storm reached the coast on Monday night.</p></article></body></html>"
    as_text = list(CleanerStep(html=False).run(iter(docs_of(page))))[0]
    as_html = list(CleanerStep(html=True).run(iter(docs_of(page))))[0]
    assert as_text.text == clean(page, html=False) and as_html.text == clean(page, html=True)
    assert "<p>" not in as_html.text
    given = list(CleanerStep(lang_key="language").run(iter(docs_of("Hello there\n", language="de"))))[0]
    assert given.metadata["cleaner"]["language"] == "de"
    with pytest.raises(ValueError):
        CleanerStep(html="yes")
    for bad in (-1, "5", True):
        with pytest.raises(ValueError, match="CPU seconds"):
            CleanerStep(timeout=bad)


def test_exclusion_writer_gets_dropped_docs(tmp_path):
    step = CleanerStep(exclusion_writer=JsonlWriter(str(tmp_path / "dropped"), compression=None,
                                                    output_filename="${rank}.jsonl"))
    out = list(step.run(iter(docs_of(ALL_BOILERPLATE, PROMO_STORY)), rank=4))
    assert [d.id for d in out] == ["1"]
    (dropped,) = read_outputs(tmp_path / "dropped")["00004.jsonl"]
    assert dropped["id"] == "0" and dropped["metadata"]["cleaner"]["removed_lines"] == 2
    # auditable: the text as it came, and why it went, as datatrove's filters say it
    assert dropped["text"] == ALL_BOILERPLATE and dropped["metadata"]["filter_reason"] == "cleaner_emptied"


def test_record_lines_and_bytes():
    story = ("Storm hits the coast\r\n\r\nThe storm reached the coast on Monday night, and officials "
             "said the damage was the worst in a decade.\r\n\r\nAdvertisement\r\n")
    raw = b"\xef\xbb\xbf" + story.encode("utf-8").replace(b"Monday", b"Mon\xffday")
    (out,) = CleanerStep(record_lines=True).run(iter([Document(text=raw, id="b")]))
    assert out.text == clean(raw)  # bytes decoded as clean() decodes them, not taken for ""
    (removal,) = entries(out.metadata["cleaner"]["removals"])
    assert (removal["rule_id"], removal["lines"]) == ("en-advertisement-label", ["Advertisement"])
    assert out.metadata["cleaner"]["by_category"] == {"category": ["ad"], "lines": [1], "chars": [13]}
    page = ('<html><head><meta charset="windows-1252"></head><body><article><p>Der Sturm erreichte '
            'die Küste am Montag, und die Behörden sprachen von großen Schäden.</p></article></body></html>')
    (out,) = CleanerStep().run(iter([Document(text=page.encode("cp1252"), id="p")]))
    assert out.text == clean(page.encode("cp1252")) and "Küste" in out.text  # the page's charset


SLOW_TEXT = "Title\n\n" + "\n".join(["a" * 40 + "!"] * 3) + "\n"


def test_faults_counted_logged_and_excluded_in_the_local_executor(tmp_path):
    """Two pool workers (daemonic processes: no child process for a time limit there): a
    document past the time limit and one that cannot be cleaned are dropped, counted, logged
    once each with their id and sent to the exclusion writer as they came; the task goes on."""
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "slow.org.yaml").write_text(SLOW_PACK, encoding="utf-8")
    records = [{"id": "good-1", "text": PROMO_STORY},
               {"id": "slow", "text": SLOW_TEXT, "url": "https://slow.org/a"},
               {"id": "broken", "text": PROMO_STORY},  # made a list below: the cleaning refuses it
               {"id": "empty", "text": ALL_BOILERPLATE},
               {"id": "good-2", "text": PROMO_STORY + "\nShare on Facebook\n"}]
    (tmp_path / "in").mkdir()
    for name, chunk in (("a.jsonl", records[:3]), ("b.jsonl", records[3:])):
        (tmp_path / "in" / name).write_text("".join(json.dumps(r) + "\n" for r in chunk), encoding="utf-8")
    step = CleanerStep(rules_dirs=[packs], url_key="url", timeout=0.5,
                       exclusion_writer=JsonlWriter(str(tmp_path / "dropped"), compression=None,
                                                    output_filename="${rank}.jsonl"))
    def break_one(data, rank, world_size):  # a step before ours hands over a list, not a text
        for doc in data:
            if doc.id == "broken":
                doc.text = [doc.text]
            yield doc

    LocalPipelineExecutor(pipeline=[JsonlReader(str(tmp_path / "in")), break_one, step,
                                    JsonlWriter(str(tmp_path / "out"), compression=None,
                                                output_filename="${rank}.jsonl")],
                          tasks=2, workers=2, logging_dir=str(tmp_path / "logs")).run()
    kept = [r for rows in read_outputs(tmp_path / "out").values() for r in rows]
    dropped = {r["id"]: r for rows in read_outputs(tmp_path / "dropped").values() for r in rows}
    assert sorted(r["id"] for r in kept) == ["good-1", "good-2"], \
        {k: v["metadata"].get("cleaner_error") for k, v in dropped.items()}
    assert sorted(dropped) == ["broken", "empty", "slow"]
    by_id = {r["id"]: r for r in records}
    for doc_id, reason in (("slow", "cleaner_timeout"), ("broken", "cleaner_error"), ("empty", "cleaner_emptied")):
        assert dropped[doc_id]["text"] == (by_id[doc_id]["text"] if doc_id != "broken" else [PROMO_STORY])
        assert dropped[doc_id]["metadata"]["filter_reason"] == reason
    assert dropped["broken"]["metadata"]["cleaner_error"].startswith("InputError: cannot clean a list")
    assert dropped["empty"]["metadata"]["cleaner"] == clean_document(ALL_BOILERPLATE).report()
    assert "0.5 s" in dropped["slow"]["metadata"]["cleaner_error"]
    assert "cleaner" not in dropped["slow"]["metadata"]

    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    (mine,) = [s for s in stats if "cleaner" in s["name"]]
    counts = {k: v if isinstance(v, int) else v["total"] for k, v in mine["stats"].items()}
    assert (counts["total"], counts["forwarded"], counts["dropped_empty"], counts["clean_error"],
            counts["timeout"], counts["dropped"]) == (5, 2, 1, 1, 1, 3)
    assert sum(v for k, v in counts.items() if k.startswith("language_")) == 3
    logs = "".join(p.read_text() for p in (tmp_path / "logs" / "logs").glob("task_*.log"))
    assert "document slow: cleaning took longer than 0.5 s" in logs
    assert "document broken: " in logs


def test_first_fault_of_each_kind_logged_warnings_capped(monkeypatch):
    from datatrove.utils.logging import logger

    import cleaner.integrations.faults as faults

    seen = []
    sink = logger.add(lambda m: seen.append(str(m)), level="WARNING")
    real = faults.clean_document

    def flaky(text, **kw):
        if text.startswith("BOOM"):
            raise ValueError("bad thing")
        return real(text, **kw)

    monkeypatch.setattr(faults, "clean_document", flaky)
    try:
        footer = "\n".join(f"Share this article\n© {2000 + i} Example Media Group. All rights reserved."
                           for i in range(10)) + "\n"  # emptied, with a warning saying so
        texts = ["BOOM 1", PROMO_STORY, "BOOM 2"] + [footer] * 12
        out = list(CleanerStep(drop_empty=False).run(iter(docs_of(*texts))))
    finally:
        logger.remove(sink)
    assert [d.id for d in out] == [str(i) for i in range(1, len(texts)) if i != 2]
    errors = [m for m in seen if "bad thing" in m]
    assert len(errors) == 1 and "document 0: ValueError: bad thing" in errors[0]
    warnings = [m for m in seen if "every line was removed" in m]
    assert len(warnings) == 10 and "not logged" in warnings[-1]


def test_parquet_writer_holds_the_reports(tmp_path, rules_dir, records, cleaned):
    """datatrove's ParquetWriter, batches of two, with the schema for reports: every report
    comes back as written to JSON Lines, whatever its lists held."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    write_inputs(tmp_path / "in", records)
    schema = parquet_schema({"url": pa.string(), "source": pa.string(), "n": pa.int64(), "file_path": pa.string()})
    LocalPipelineExecutor(pipeline=[
        JsonlReader(str(tmp_path / "in")), CleanerStep(rules_dirs=[rules_dir], url_key="url"),
        ParquetWriter(str(tmp_path / "out"), schema=schema, batch_size=2),
    ], tasks=2, workers=1, logging_dir=str(tmp_path / "logs")).run()
    rows = [r for p in sorted((tmp_path / "out").glob("*.parquet")) for r in pq.read_table(p).to_pylist()]
    by_id = {r["id"]: r for r in records}
    assert len(rows) == len(records) - 1
    for row in rows:
        src = by_id[row["id"]]
        assert row["text"] == cleaned[row["id"]].text
        assert row["metadata"]["cleaner"] == cleaned[row["id"]].report()
        assert (row["metadata"]["url"], row["metadata"]["n"]) == (src.get("url"), src["n"])
    assert any(r["metadata"]["cleaner"]["removals"]["rule_id"] == [] for r in rows)
    assert any(r["metadata"]["cleaner"]["dropped"] and r["metadata"]["cleaner"]["dropped"]["rule_id"]
               for r in rows)


def test_bad_pack_fails_when_the_step_is_built(tmp_path):
    (tmp_path / "bad.yaml").write_text("pack: bad\nrules:\n  - id: x\n    line: '('\n", encoding="utf-8")
    with pytest.raises(PackError):
        CleanerStep(rules_dirs=[tmp_path])


def test_step_pickles_after_running(rules_dir):
    import dill

    step = CleanerStep(rules_dirs=str(rules_dir))
    list(step.run(iter(docs_of(PROMO_STORY))))
    assert dill.loads(dill.dumps(step)).rules_dirs == step.rules_dirs
    again = pickle.loads(pickle.dumps(step))
    assert again.rules_dirs == (str(rules_dir.resolve()),)
    assert [d.text for d in again.run(iter(docs_of(PROMO_STORY, url="https://example.org/a")))] == \
        [clean(PROMO_STORY, url="https://example.org/a", rules_dirs=[rules_dir])]
