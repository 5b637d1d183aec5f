#!/usr/bin/env python3
"""Speed of our HTML path against trafilatura, on the same pages, in one process.

    .venv/bin/python bench/html_speed.py              # 100 pages from each set, 3 repetitions
    .venv/bin/python bench/html_speed.py -n 50 --reps 5 --profile
    .venv/bin/python bench/html_speed.py --sets wcxb -n 300   # 2025 pages of seven types

Runs on the same pages (read into memory first): ``cleaner.clean(html, url=url, html=True)``
(the full path: HTML reader, then the text rules), the HTML reader alone
(``cleaner.html.reader.html_to_text``), and ``trafilatura.extract(html, url=url)`` with its defaults.
The three are interleaved: the pages are cut into ``--chunks`` slices and each slice is timed
under every run in turn, in this process's CPU time, so another process's load on a shared
machine hits all three alike. Before any timing, every pattern is compiled and read and
langdetect's profiles are loaded (one-time costs a corpus run pays once, as in
``throughput.py``), and each repetition starts with cleaner's memo caches empty. Prints the
median docs/s of each over the repetitions and the median of the repetitions' ratios.
trafilatura is a bench-only dependency (``pip install trafilatura`` into the venv); it is
never imported by the package.
``--profile`` prints the top of a cProfile of our full path.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "dev-bench"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from throughput import _init, clear_memos  # noqa: E402  (the same warm-up as throughput.py)

SETS = ("dragnet", "cleaneval", "cleanportaleval", "trafilatura")


def wcxb_pages(n: int) -> list[tuple[str, str | None]]:
    """``n`` of the wcxb pages (gzipped HTML; the url is in each page's gold record)."""
    folder = BENCH / "wcxb"
    ids = sorted(p.name.split(".")[0] for p in folder.glob("*.html.gz"))
    out = []
    for page_id in sorted(random.Random(7).sample(ids, min(n, len(ids)))):
        url = json.loads((folder / f"{page_id}.json").read_text()).get("url")
        with gzip.open(folder / f"{page_id}.html.gz") as fh:
            out.append((fh.read().decode("utf-8", "replace"), url))
    return out


def pages(n: int, sets=SETS) -> list[tuple[str, str | None]]:
    out = []
    for name in sets:
        if name == "wcxb":
            out.extend(wcxb_pages(n))
            continue
        manifest = [json.loads(l) for l in (BENCH / name / "manifest.jsonl").read_text().splitlines()]
        for m in sorted(random.Random(7).sample(manifest, min(n, len(manifest))), key=lambda m: m["id"]):
            out.append(((BENCH / name / f"{m['id']}.html").read_text(encoding="utf-8"), m.get("url")))
    return out


def timed(runs: dict, docs, chunks: int) -> dict[str, float]:
    """docs/s of each run over ``docs``, interleaved: the pages go in ``chunks`` slices, and
    each slice is timed under every run in turn (the order rotating), so a burst of load from
    another process hits all runs alike. Time is this process's CPU time, which waiting for a
    busy core does not inflate. Cleaner's memo caches start empty, as on pages never seen."""
    clear_memos()
    spent = {label: 0.0 for label in runs}
    labels = list(runs)
    size = max(1, -(-len(docs) // chunks))
    for k, start in enumerate(range(0, len(docs), size)):
        part = docs[start:start + size]
        for label in labels[k % len(labels):] + labels[:k % len(labels)]:
            fn = runs[label]
            began = time.process_time()
            for html, url in part:
                fn(html, url)
            spent[label] += time.process_time() - began
    return {label: len(docs) / seconds for label, seconds in spent.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=100, help="pages per dev-bench set")
    ap.add_argument("--sets", default=",".join(SETS),
                    help=f"comma-separated dev-bench sets (default {','.join(SETS)}; also wcxb)")
    ap.add_argument("--reps", type=int, default=3, help="repetitions (medians are reported)")
    ap.add_argument("--chunks", type=int, default=12, help="slices of the pages, each timed "
                    "under every run in turn")
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    from cleaner import clean
    from cleaner.html.reader import html_to_text
    from cleaner.engine.packs import get_packset

    import trafilatura

    docs = pages(args.n, [s.strip() for s in args.sets.split(",") if s.strip()])
    packset = get_packset()
    # As a long run would be: every pattern compiled and read, language profiles loaded.
    _init([(docs[0][0], docs[0][1], True)])
    runs = {
        "cleaner.clean(html=True)": lambda h, u: clean(h, url=u, html=True),
        "cleaner.html.reader.html_to_text (reader)": lambda h, u: html_to_text(h, url=u, packset=packset),
        "trafilatura.extract": lambda h, u: trafilatura.extract(h, url=u),
    }
    for fn in runs.values():
        fn(*docs[0])  # warm up: imports
    rates: dict[str, list[float]] = {label: [] for label in runs}
    ratios: list[tuple[float, float]] = []
    for rep in range(args.reps):  # each repetition times all three, interleaved by slices
        got = timed(runs, docs, args.chunks)
        for label, rate in got.items():
            rates[label].append(rate)
        traf = got["trafilatura.extract"]
        ratios.append((got["cleaner.clean(html=True)"] / traf,
                       got["cleaner.html.reader.html_to_text (reader)"] / traf))
        print(f"  repetition {rep + 1}/{args.reps}: full path {ratios[-1][0]:.2f}x trafilatura",
              file=sys.stderr, flush=True)
    for label, values in rates.items():
        rate = statistics.median(values)
        print(f"{label:<34} {len(docs)} docs  {rate:7.1f} docs/s  {1000 / rate:6.2f} ms/doc"
              f"  (median of {len(values)}: {min(values):.1f}-{max(values):.1f})")
    full = statistics.median(r[0] for r in ratios)
    alone = statistics.median(r[1] for r in ratios)
    print(f"ratio full path / trafilatura: {full:.2f}x   reader alone / trafilatura: {alone:.2f}x"
          f"   (medians of the {len(ratios)} repetitions' ratios)")
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        for html, url in docs:
            clean(html, url=url, html=True)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
