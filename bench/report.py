#!/usr/bin/env python3
"""What ``--report`` costs on a corpus: time and peak memory of ``cleaner clean --jsonl`` with
and without it, for a small and a 5x larger corpus (the report's memory should not grow).

    .venv/bin/python bench/report.py              # the corpus samples, 2 and 10 times over
    .venv/bin/python bench/report.py --times 4 --jobs 2

The corpus is every sample under corpus_samples/ (texts and pages) as JSON Lines, repeated.
Each configuration runs in its own process (the CLI, as a user runs it); its peak RSS is
read from the kernel (ru_maxrss of that child).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLEANER = Path(sys.executable).parent / "cleaner"


def corpus(path: Path, times: int) -> int:
    samples = [p for p in sorted((ROOT / "corpus_samples").glob("*/*"))
               if p.suffix in (".txt", ".html") and not p.name.endswith(".expected.txt")]
    lines = [json.dumps({"id": p.name, "text": p.read_text(encoding="utf-8", errors="replace")})
             for p in samples]
    with path.open("w", encoding="utf-8") as out:
        for _ in range(times):
            out.write("\n".join(lines) + "\n")
    return len(lines) * times


def run(args: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one CLI run, in a child of a child: ru_maxrss of
    RUSAGE_CHILDREN is the largest child so far, so each run gets a fresh parent."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
             "print(time.perf_counter() - t, "
             "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    done = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True,
                          check=True)
    seconds, mb = done.stdout.split()
    return float(seconds), float(mb)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--times", type=int, default=2, help="repeats of the samples (small corpus)")
    parser.add_argument("--jobs", type=int, default=1)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for scale in (opts.times, 5 * opts.times):
            crawl = Path(tmp) / f"crawl{scale}.jsonl"
            records = corpus(crawl, scale)
            size = crawl.stat().st_size / 1e6
            base = [str(CLEANER), "clean", "--jsonl", "--no-progress", "--jobs", str(opts.jobs), str(crawl)]
            plain_s, plain_mb = run(base)
            report = Path(tmp) / "summary.html"
            with_s, with_mb = run(base + ["--report", str(report)])
            print(f"{records:>6} records ({size:.1f} MB), --jobs {opts.jobs}: "
                  f"without --report {plain_s:6.1f} s, {plain_mb:5.0f} MB peak; "
                  f"with {with_s:6.1f} s ({(with_s / plain_s - 1):+.0%}), {with_mb:5.0f} MB peak; "
                  f"page {report.stat().st_size / 1e3:.0f} kB")


if __name__ == "__main__":
    main()
