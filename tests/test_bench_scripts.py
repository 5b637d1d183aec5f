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


@pytest.mark.parametrize("row", ["html:cleaneval", "cleaneval", "post:x"])
def test_losstrade_refuses_a_row_it_cannot_read(row):
    done = run("bench/losstrade.py", "--rows", row)
    assert done.returncode == 2 and "write MODE:DATASET" in done.stderr
    assert "Traceback" not in done.stderr


def test_throughput_refuses_one_job():
    done = run("bench/throughput.py", "--jobs", "1")
    assert done.returncode == 2 and "--jobs must be 2 or more" in done.stderr


@pytest.mark.skipif(not (BENCH / "cleaneval").is_dir(), reason="the development bench is not here")
def test_losstrade_runs_a_row_end_to_end():
    # d4ed370 dropped an import below the argument checks and every run failed: run one
    done = run("bench/losstrade.py", "--rows", "text:cleaneval", "--limit", "2")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "text:cleaneval" in done.stdout and "loss" in done.stdout
