"""--jobs: worker processes give output byte-identical to one job, in order, with a bounded
number of tasks in flight, packs compiled once per worker, and a clear end when one dies."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.io.cli import main
from cleaner.io.parallel import WorkerDied, available_cores, ordered_map, resolve_jobs

from .conftest import text_samples

CLI = [sys.executable, "-m", "cleaner.io.cli"]
_STARTED = []


# Task functions live at module level: spawned workers import them by name.
def _init(tag):
    _STARTED.append(tag)


def _init_packs(tag):
    from cleaner.io.jsonl import JsonlOptions, set_options

    _STARTED.append(tag)
    set_options(JsonlOptions())


def _slow_echo(item):
    time.sleep(0.02 * (item % 3 == 0))  # later items often finish first
    return item, os.getpid(), list(_STARTED)


def _compiles(item):
    from cleaner.engine.packs import _cached_packset

    time.sleep(0.02 * (item % 3 == 0))
    return item, os.getpid(), list(_STARTED), _cached_packset.cache_info().misses


def _die(item):
    if item == 3:
        os._exit(7)
    return item


@pytest.mark.slow
def test_order_kept_and_packs_compiled_once_per_worker():
    got = list(ordered_map(_compiles, range(40), jobs=2, initializer=_init_packs, initargs=("ready",)))
    assert [item for item, _, _, _ in got] == list(range(40))
    assert {pid for _, pid, _, _ in got} - {os.getpid()}  # ran elsewhere
    assert all(started == ["ready"] for _, _, started, _ in got)  # the initializer ran once
    assert all(misses == 1 for _, _, _, misses in got)  # and compiled the packs, once


def test_one_job_runs_here_with_the_initializer():
    _STARTED.clear()
    got = list(ordered_map(_slow_echo, range(3), jobs=1, initializer=_init, initargs=("here",)))
    assert [(i, pid) for i, pid, _ in got] == [(0, os.getpid()), (1, os.getpid()), (2, os.getpid())]
    assert _STARTED == ["here"]


@pytest.mark.slow
def test_input_read_only_as_fast_as_results_are_taken():
    pulled = []

    def items():
        for i in range(1000):
            pulled.append(i)
            yield i

    results = ordered_map(_slow_echo, items(), jobs=2, in_flight=4, initializer=_init, initargs=("x",))
    first = next(results)
    assert first[0] == 0 and len(pulled) <= 5  # imap would have read all 1000 by now
    results.close()
    assert len(pulled) <= 5


@pytest.mark.slow
def test_dead_worker_ends_the_run():
    with pytest.raises(WorkerDied):
        list(ordered_map(_die, range(10), jobs=2))


def test_jobs_zero_means_every_core():
    assert resolve_jobs(0) == available_cores() >= 1
    # capped at the cores (issue 16): 40 workers on 2 cores held 4.7 GB
    assert resolve_jobs(3) == min(3, available_cores())
    assert resolve_jobs(1) == 1


def _corpus_jsonl(path):
    """Every corpus sample as a record, a bad record after the eighth; each record carries
    40 kB that is only passed through, so a chunk (128 kB) holds three: many chunks in flight."""
    with path.open("w", encoding="utf-8") as out:
        for i, sample in enumerate(text_samples()):
            text = sample.read_text(encoding="utf-8")
            out.write(json.dumps({"id": i, "text": text, "pad": "p" * 40_000}, ensure_ascii=False) + "\n")
            if i == 7:
                out.write('{"id": "bad"}\n')
    return path


@pytest.mark.slow
def test_jsonl_jobs_2_byte_identical_to_jobs_1(tmp_path):
    path = _corpus_jsonl(tmp_path / "in.jsonl")
    args = ["clean", "--jsonl", "--skip-bad", "--explain", str(path)]
    one = CliRunner().invoke(main, args)
    two = subprocess.run([*CLI, *args, "--jobs", "2"], capture_output=True, timeout=120)
    assert one.exit_code == two.returncode == 0, two.stderr
    assert one.stdout_bytes == two.stdout and two.stdout.count(b"\n") == len(text_samples())
    assert one.stderr_bytes == two.stderr and b"skipped 1 bad record: " in two.stderr
    assert [json.loads(l)["id"] for l in two.stdout.splitlines()] == list(range(len(text_samples())))


@pytest.mark.slow
def test_jsonl_jobs_2_bad_record_stops_in_order(tmp_path):
    path = _corpus_jsonl(tmp_path / "in.jsonl")
    result = CliRunner().invoke(main, ["clean", "--jsonl", "--jobs", "2", str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"cleaner: {path}:line 9: no 'text' field\n"
    assert [json.loads(l)["id"] for l in result.stdout.splitlines()] == list(range(8))


@pytest.mark.slow
def test_plain_files_jobs_2_identical_and_in_order(tmp_path):
    samples = text_samples()
    files = [str(p) for p in samples[:3]] + ["-"] + [str(p) for p in samples[3:6]]
    stdin = samples[6].read_bytes()  # read here and sent to a worker
    one = CliRunner().invoke(main, ["clean", "--format", "json", *files], input=stdin)
    two = CliRunner().invoke(main, ["clean", "--jobs", "2", "--format", "json", *files], input=stdin)
    assert one.exit_code == two.exit_code == 0
    assert one.stdout_bytes == two.stdout_bytes and one.stderr == two.stderr
    assert [json.loads(l)["source"] for l in two.stdout.splitlines()] == \
        files[:3] + ["<stdin>"] + files[4:]
    # plain text of several files goes to one file each (issue 19), the explanations in order
    named = [f for f in files if f != "-"]
    one = CliRunner().invoke(main, ["clean", "--explain", "--out-dir", tmp_path / "one", *named])
    two = CliRunner().invoke(main, ["clean", "--jobs", "2", "--explain", "--out-dir",
                                    tmp_path / "two", *named])
    assert one.exit_code == two.exit_code == 0 and one.stderr == two.stderr != ""
    for name in named:
        out = Path(name).stem + ".txt"
        assert (tmp_path / "one" / out).read_bytes() == (tmp_path / "two" / out).read_bytes()


@pytest.mark.slow
def test_plain_files_jobs_2_missing_file_after_the_first(tmp_path):
    files = [str(p) for p in text_samples()[:3]]
    one = CliRunner().invoke(main, ["clean", "--format", "json", files[0], str(tmp_path / "none.txt"),
                                    *files[1:]])
    two = CliRunner().invoke(main, ["clean", "--jobs", "2", "--format", "json", files[0],
                                    str(tmp_path / "none.txt"), *files[1:]])
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout != "" and one.stderr == two.stderr
    assert two.stderr.strip() == f"cleaner: {tmp_path / 'none.txt'}: no such file"


def test_negative_jobs_is_a_usage_error():
    assert CliRunner().invoke(main, ["clean", "--jobs", "-1"]).exit_code == 2
