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

from cleaner import PackError, clean

from .conftest import CORPUS, sample_meta, text_samples

pytest.importorskip("datatrove", reason="the datatrove extra is not installed (pip install '.[datatrove]')")
pytest.importorskip("orjson", reason="datatrove's JSONL reader and writer need orjson")

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from cleaner.integrations.datatrove import CleanerStep  # noqa: E402
from .conftest import EXAMPLE_PACK, PROMO_STORY  # noqa: E402

PACK = EXAMPLE_PACK
ALL_BOILERPLATE = "Share on Facebook\nShare on Twitter\n"
FILES = 4


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("packs")
    (folder / "example.org.yaml").write_text(PACK, encoding="utf-8")
    return folder


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


def check_outputs(outputs: dict[str, list[dict]], records: list[dict], layout: dict[str, list[str]],
                  rules_dir: Path) -> None:
    """Each output record is cleaner.clean of its input, every other field untouched, the
    removals recorded; each task wrote whole input files in their order; only the empty is gone."""
    by_id = {r["id"]: r for r in records}
    expected = {r["id"]: clean(r["text"], url=r.get("url"), rules_dirs=[rules_dir]) for r in records}
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
        assert report["language"] and report["packs"]
        assert report["removed_lines"] == sum(x["count"] for x in report["removals"] if not x["trimmed"])
        for removal in report["removals"]:
            assert set(removal) == {"rule_id", "category", "pack", "line_numbers", "count", "trimmed", "lines"}
            assert removal["count"] == len(removal["lines"]) and removal["line_numbers"]

    promo = next(r for rows in outputs.values() for r in rows if r["id"] == "doc-003")
    assert "ZZZ-PROMO" not in promo["text"] and "example.org" in promo["metadata"]["cleaner"]["packs"]
    (ad,) = [x for x in promo["metadata"]["cleaner"]["removals"] if x["rule_id"] == "example-promo"]
    assert (ad["category"], ad["line_numbers"], ad["lines"]) == ("ad", [3], ["ZZZ-PROMO buy two get one free"])
    assert sum(len(r["metadata"]["cleaner"]["removals"]) for rows in outputs.values() for r in rows) > 20


def pipeline(tmp_path: Path, rules_dir: Path) -> list:
    step = CleanerStep(rules_dirs=[rules_dir], url_key="url")
    return [JsonlReader(str(tmp_path / "in")), step,
            JsonlWriter(str(tmp_path / "out"), output_filename="${rank}.jsonl", compression=None)]


def test_local_executor_several_tasks(tmp_path, rules_dir):
    records = make_records()
    layout = write_inputs(tmp_path / "in", records)
    LocalPipelineExecutor(pipeline=pipeline(tmp_path, rules_dir), tasks=3, workers=2,
                          logging_dir=str(tmp_path / "logs")).run()
    outputs = read_outputs(tmp_path / "out")
    assert sorted(outputs) == ["00000.jsonl", "00001.jsonl", "00002.jsonl"]
    check_outputs(outputs, records, layout, rules_dir)

    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    (mine,) = [s for s in stats if "cleaner" in s["name"]]
    counts = {k: v if isinstance(v, int) else v["total"] for k, v in mine["stats"].items()}
    assert counts["total"] == len(records)
    assert counts["forwarded"] == len(records) - 1
    assert counts["dropped_empty"] == counts["dropped"] == 1
    assert counts["removed_lines_ad"] >= 2 and counts["removed_lines"] > 100


def test_slurm_executor_pickled_pipeline(tmp_path, rules_dir, monkeypatch):
    """What the Slurm executor does, without Slurm: it dills the executor (with our step) to
    executor.pik and submits an array job; each array task runs launch_pickled_pipeline on it,
    in another process and directory. sbatch and scontrol are stubs; the array tasks run here."""
    import datatrove.executor.slurm as slurm

    scripts = []
    monkeypatch.setattr(slurm, "launch_slurm_job", lambda script, *a, **k: scripts.append(script) or "4242")
    records = make_records()
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
    check_outputs(outputs, records, layout, rules_dir)


def docs_of(*texts, **meta) -> list[Document]:
    return [Document(text=t, id=str(i), metadata=dict(meta)) for i, t in enumerate(texts)]


def test_options_keep_empty_counts_only_and_other_key():
    step = CleanerStep(drop_empty=False, record_lines=False, metadata_key="boilerplate", url_key=None)
    story = ("Storm hits the coast\n\nThe storm reached the coast on Monday night, and officials "
             "said the damage was the worst in a decade.\n\nAdvertisement\n")
    out = list(step.run(iter(docs_of(story, ALL_BOILERPLATE, url="https://example.org/x"))))
    assert [d.id for d in out] == ["0", "1"] and out[1].text == ""
    assert out[0].text == clean(story)
    (removal,) = out[0].metadata["boilerplate"]["removals"]
    assert removal == {"rule_id": "en-advertisement-label", "category": "ad", "pack": "en",
                       "line_numbers": [5], "count": 1, "trimmed": False}
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


def test_exclusion_writer_gets_dropped_docs(tmp_path):
    step = CleanerStep(exclusion_writer=JsonlWriter(str(tmp_path / "dropped"), compression=None,
                                                    output_filename="${rank}.jsonl"))
    out = list(step.run(iter(docs_of(ALL_BOILERPLATE, PROMO_STORY)), rank=4))
    assert [d.id for d in out] == ["1"]
    (dropped,) = read_outputs(tmp_path / "dropped")["00004.jsonl"]
    assert dropped["id"] == "0" and dropped["metadata"]["cleaner"]["removed_lines"] == 2


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
