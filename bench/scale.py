#!/usr/bin/env python3
"""How time and memory grow with hostile sizes: the figures the README's Reliability section states.

    .venv/bin/python bench/scale.py                    # every row
    .venv/bin/python bench/scale.py lines deep         # chosen rows
    .venv/bin/python bench/scale.py memory --mb 50     # peak memory for a 50 MB document

Rows (each case in a fresh process, so that caches and memory start alike):

- ``lines``: a document of N short lines that the rules remove (a story, then "read more" and
  photo-credit lines, all different, and a menu's entries repeated), at 10k, 100k and 1M
  lines: CPU seconds and microseconds per line. Flat per-line time is the point: removal once
  took quadratic time (62 s at 1M lines).
- ``deep``: an HTML page of N nested ``<div>`` elements around one paragraph, at 30k, 60k
  and 120k: CPU seconds (and per element), from bytes to text.
- ``memory``: one text document of ``--mb`` megabytes (the dev bench's page dumps
  concatenated, or the corpus samples when the bench is not there): peak resident memory of
  the process, and what cleaning added to it after the packs were loaded, against the input.

Pack loading and pattern compiling happen before the clock starts (a corpus run pays them
once). CPU time: the machine's other tenants move wall time more than they move it.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "dev-bench"
STORY = ("Storm hits the coast\n\nThe storm reached the coast on Monday night, and officials "
         "said the damage was the worst in a decade.\n\n")
# Half the lines differ (line rules take them), half are a menu's entries over and over (the
# repeated-line rule takes the copies): the shape that made removal quadratic.
FURNITURE = ("Read more: Item {i}", "Home", "Photo: Item {i}/Reuters", "World news")
LINES = (10_000, 100_000, 1_000_000)
DEPTHS = (30_000, 60_000, 120_000)
sys.path.insert(0, str(ROOT))  # the working tree's cleaner


def _warm() -> None:
    """Packs loaded, shipped patterns compiled, langdetect's profiles read: start-up paid."""
    from cleaner import clean
    from cleaner.text.language import _langdetect
    from cleaner.engine.packs import get_packset

    for rule in get_packset().all_rules():
        rule.pattern  # noqa: B018 - shipped packs compile on first use
    _langdetect("Dies ist ein kurzer Text über das Wetter in der Stadt.")
    clean(STORY)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def one_lines(n: int) -> dict:
    from cleaner import clean_document

    doc = STORY + "\n".join(FURNITURE[i % 4].format(i=i) for i in range(n)) + "\n"
    _warm()
    started = time.process_time()
    result = clean_document(doc)
    seconds = time.process_time() - started
    removed = sum(len(r.lines) for r in result.removals)
    return {"lines": n, "removed": removed, "seconds": seconds, "us_per_line": seconds / n * 1e6}


def one_deep(depth: int) -> dict:
    from cleaner import clean

    page = ("<html><body>" + "<div>" * depth + "<p>The storm reached the coast on Monday "
            "night, and officials said the damage was the worst in a decade.</p>"
            + "</div>" * depth + "</body></html>").encode()
    _warm()
    started = time.process_time()
    out = clean(page, html=True)
    seconds = time.process_time() - started
    return {"depth": depth, "seconds": seconds, "us_per_element": seconds / depth * 1e6,
            "kept": "storm reached" in out}


def memory_document(mb: float) -> bytes:
    """``mb`` megabytes of real page dumps (whole pages, cut at the last one that fits)."""
    sources = sorted(BENCH.glob("*/*.dump.txt")) or sorted(
        p for p in (ROOT / "corpus_samples").rglob("*.txt") if not p.name.endswith(".expected.txt"))
    want = int(mb * 1_000_000)
    parts, size = [], 0
    while size < want:
        for path in sources:
            data = path.read_bytes()
            parts.append(data)
            size += len(data) + 2
            if size >= want:
                break
    return b"\n\n".join(parts)[:want]


def one_memory(mb: float) -> dict:
    from cleaner import clean_document

    doc = memory_document(mb)
    _warm()
    before = _rss_mb()
    started = time.process_time()
    result = clean_document(doc, html=False)
    seconds = time.process_time() - started
    peak = _rss_mb()
    size = len(doc) / 1e6
    return {"mb": size, "seconds": seconds, "peak_rss_mb": peak, "before_mb": before,
            "added_mb": peak - before, "ratio": (peak - before) / size,
            "out_mb": len(result.text.encode()) / 1e6}


def run(kind: str, arg: float) -> dict:
    """One case in a fresh interpreter (this file with --one)."""
    out = subprocess.run([sys.executable, __file__, "--one", kind, str(arg)], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rows", nargs="*", help="lines, deep, memory (default: all three)")
    ap.add_argument("--mb", type=float, default=50, help="the memory row's document size (50)")
    ap.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if set(args.rows) - {"lines", "deep", "memory"}:
        ap.error("rows are lines, deep and memory")
    if args.one:
        kind, value = args.one
        found = {"lines": one_lines, "deep": one_deep, "memory": one_memory}[kind](
            float(value) if kind == "memory" else int(value))
        print(json.dumps(found))
        return 0
    for row in args.rows or ["lines", "deep", "memory"]:
        if row == "lines":
            for n in LINES:
                r = run("lines", n)
                print(f"lines   {n:>9,} lines ({r['removed']:,} removed)  {r['seconds']:7.2f} s CPU  "
                      f"{r['us_per_line']:6.2f} us/line", flush=True)
        elif row == "deep":
            for depth in DEPTHS:
                r = run("deep", depth)
                print(f"deep    {depth:>9,} nested divs  {r['seconds']:7.2f} s CPU  "
                      f"{r['us_per_element']:6.2f} us/element  text kept: {r['kept']}", flush=True)
        else:
            r = run("memory", args.mb)
            print(f"memory  {r['mb']:.1f} MB text  {r['seconds']:.1f} s CPU  peak RSS "
                  f"{r['peak_rss_mb']:.0f} MB ({r['before_mb']:.0f} MB before cleaning: "
                  f"+{r['added_mb']:.0f} MB, {r['ratio']:.1f}x the input)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
