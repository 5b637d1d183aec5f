"""The bench scripts a change is measured with: bad arguments get a clear error and exit 2,
and losstrade runs end to end on the development bench when it is there (CI has none)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "dev-bench"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


TOOLS = ROOT.parent / "shared" / "tools"


def test_losstrade_without_the_bench_s_tools_says_what_is_missing(tmp_path):
    # a copy of the script in a folder with no ../shared/tools beside it, as in CI's clone
    (tmp_path / "repo" / "bench").mkdir(parents=True)
    script = tmp_path / "repo" / "bench" / "losstrade.py"
    script.write_text((ROOT / "bench" / "losstrade.py").read_text(encoding="utf-8"), encoding="utf-8")
    done = run(str(script), "--rows", "text:cleaneval")
    assert done.returncode == 1 and "needs the development bench's tools" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not (TOOLS / "loss.py").is_file(), reason="the bench's tools are not here")
@pytest.mark.parametrize("row", ["html:cleaneval", "cleaneval", "post:x"])
def test_losstrade_refuses_a_row_it_cannot_read(row):
    done = run("bench/losstrade.py", "--rows", row)
    assert done.returncode == 2 and "write MODE:DATASET" in done.stderr
    assert "Traceback" not in done.stderr


def test_throughput_refuses_one_job():
    done = run("bench/throughput.py", "--jobs", "1")
    assert done.returncode == 2 and "--jobs must be 2 or more" in done.stderr


@pytest.mark.skipif(not (BENCH / "cleaneval").is_dir() or not (TOOLS / "loss.py").is_file(),
                    reason="the development bench is not here")
def test_losstrade_runs_a_row_end_to_end():
    # d4ed370 dropped an import below the argument checks and every run failed: run one
    done = run("bench/losstrade.py", "--rows", "text:cleaneval", "--limit", "2")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "text:cleaneval" in done.stdout and "loss" in done.stdout


@pytest.mark.skipif(not (BENCH / "wcxb").is_dir() or not (TOOLS / "loss.py").is_file(),
                    reason="the development bench is not here")
def test_emptied_reads_wcxb_with_its_page_types():
    # wcxb's gold is JSON (its text and page type): scored with WCXB's word F1, by type
    done = run("bench/emptied.py", "post:trafilatura", "--sets", "wcxb", "--limit", "3")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "post:trafilatura wcxb: n=3" in done.stdout and "cleaned 0." in done.stdout
    assert "article" in done.stdout or "forum" in done.stdout


def test_emptied_refuses_a_set_it_does_not_know():
    done = run("bench/emptied.py", "text", "--sets", "nosuchset")
    assert done.returncode == 2 and "invalid choice" in done.stderr
