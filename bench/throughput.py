#!/usr/bin/env python3
"""Throughput on the dev bench: text mode in MB/s, HTML mode in docs/s, one job and two,
against a bare pass measured in the same run.

    .venv/bin/python bench/throughput.py                  # 60 pages per dev-bench set, 3 repetitions
    .venv/bin/python bench/throughput.py -n 0 --reps 5    # every page
    .venv/bin/python bench/throughput.py --profile        # and where the text-mode time goes

Inputs are read into memory first: ``ID.dump.txt`` (text mode, ``clean_document(html=False)``)
and ``ID.html`` (HTML mode, ``html=True``) of the same pages, with the page's url.

The bare pass is the floor any line cleaner pays: decode, split lines, one compiled regex
searched on each line, keep the lines it does not hit. In HTML mode it runs over the HTML
source (there is no cheaper honest baseline for markup in this project).

Two jobs go through :func:`cleaner.io.parallel.ordered_map`, the same path as ``--jobs 2``: chunks
of documents (about 128 kB of work each, as the CLI cuts JSONL, where a byte of HTML weighs
1/8) on spawned workers, results back in order. Every timed run starts alike: patterns compiled, profiles loaded, memo caches empty
(a fresh, warmed pool for two jobs, whose start-up is reported apart: a corpus run pays it
once). Each repetition measures every configuration in turn, so a noisy neighbour on a
shared machine hits them all alike; the figures are medians over repetitions.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "dev-bench"
sys.path.insert(0, str(ROOT))
SETS = ("dragnet", "cleaneval", "cleanportaleval", "trafilatura")
CHUNK_BYTES = 1 << 17

BARE = re.compile(r"(?i)\b(?:cookies?|advertisement|subscribe|newsletter|related|share|"
                  r"copyright|sign up|read more)\b")


# -- the work, at module level so spawned workers can import it -----------------------------
def _init(warm=()) -> None:
    """Each process alike (this one and every worker): packs loaded, every pattern compiled
    (shipped packs compile on first use), a few documents cleaned (imports, language
    profiles), then the memo caches emptied: what is timed is a long run's steady state,
    without the hits a repetition would get from having seen the same pages before."""
    from cleaner.text.language import _langdetect
    from cleaner.engine.packs import get_packset

    for rule in get_packset().all_rules():
        rule.pattern, rule.literals, rule.prefixes, rule.longest  # compiled, read for the prefilter
        getattr(rule, "required", None)  # a density rule's alternations, compiled on first use
    _langdetect("Dies ist ein kurzer Text über das Wetter in der Stadt.")  # loads its profiles
    clean_chunk(list(warm))
    clear_memos()


def clear_memos() -> int:
    """Empty cleaner's memo caches (word splits, comparable lines, langdetect answers), not
    the packs. Returns how many were emptied."""
    from cleaner.memo import clear_all
    from cleaner.engine.packs import get_packset

    cleared = clear_all()
    get_packset().model.forget()  # its per-sample and per-block answers
    return cleared + 1


def clean_chunk(chunk):
    """Ours: ``clean_document`` on each (document, url, html) of the chunk; the texts and the
    CPU seconds this process spent on them."""
    from cleaner.engine.pipeline import clean_document

    cpu = time.process_time()
    out = [clean_document(doc, url=url, html=html).text for doc, url, html in chunk]
    return out, time.process_time() - cpu


def bare_chunk(chunk):
    """The bare pass: split lines, one compiled regex per line, keep the rest."""
    cpu = time.process_time()
    out = []
    for doc, _url, _html in chunk:
        text = doc.decode("utf-8", "replace")
        out.append("\n".join(line for line in text.split("\n") if not BARE.search(line)))
    return out, time.process_time() - cpu


def spin_chunk(chunk):
    """The machine check: pure CPU, no data, about 50 ms a chunk. Its 2-job/1-job ratio is
    what this machine gives a perfectly parallel load right now (others' load included)."""
    cpu = time.process_time()
    total = 0
    for i in range(SPIN):
        total += i * i
    return total, time.process_time() - cpu


SPIN = 1_500_000


# -- inputs --------------------------------------------------------------------------------
def pages(n: int) -> list[tuple[bytes, bytes, str | None]]:
    """(dump, html, url) for ``n`` pages of each set (0: all), the same pages every run."""
    out = []
    for name in SETS:
        manifest = [json.loads(l) for l in (BENCH / name / "manifest.jsonl").read_text().splitlines()]
        chosen = manifest if not n else random.Random(7).sample(manifest, min(n, len(manifest)))
        for m in sorted(chosen, key=lambda m: m["id"]):
            dump, html = BENCH / name / f"{m['id']}.dump.txt", BENCH / name / f"{m['id']}.html"
            if dump.exists() and html.exists():
                out.append((dump.read_bytes(), html.read_bytes(), m.get("url")))
    return out


def chunked(docs: list, limit: int = CHUNK_BYTES) -> list[list]:
    """Documents in chunks as the CLI cuts JSONL: about ``limit`` bytes of work each, where
    a byte of HTML weighs 1/8 (``cleaner.io.jsonl.work_bytes``)."""
    from cleaner.io.jsonl import work_bytes

    chunks, current, size = [], [], 0
    for doc in docs:
        current.append(doc)
        size += work_bytes(doc[0], doc[2])
        if size >= limit:
            chunks.append(current)
            current, size = [], 0
    if current:
        chunks.append(current)
    return chunks


# -- measuring -----------------------------------------------------------------------------
def run_once(func, chunks, jobs, warm) -> tuple[float, float, float]:
    """Wall seconds, and CPU seconds spent on the documents wherever they ran plus this
    process's own (reading results, IPC): with free cores, jobs >= 2 should need about the
    same CPU as one job, and the wall time falls as CPU / jobs. One job runs here, after
    :func:`clear_memos`; more on a fresh pool, started and warmed (untimed; its start-up
    seconds are the third value)."""
    from cleaner.io.parallel import ordered_map, start_pool

    pool, startup = None, 0.0
    if jobs > 1:
        startup = time.perf_counter()
        pool = start_pool(jobs, _init, (warm,))
        list(pool.map(bare_chunk, [[]] * jobs * 4))  # every worker up and warm
        startup = time.perf_counter() - startup
    else:
        clear_memos()
    try:
        start, own = time.perf_counter(), time.process_time()
        work = 0.0
        for _texts, cpu in ordered_map(func, chunks, jobs, pool=pool):
            work += cpu
        own = time.process_time() - own
        return time.perf_counter() - start, (own if jobs == 1 else own + work), startup
    finally:
        if pool is not None:
            pool.shutdown()


def profile(docs) -> None:
    import cProfile
    import pstats
    from collections import defaultdict

    from cleaner.engine.pipeline import clean_document

    prof = cProfile.Profile()
    prof.enable()
    for dump, _html, url in docs:
        clean_document(dump, url=url, html=False)
    prof.disable()
    stats = pstats.Stats(prof)
    total = sum(row[2] for row in stats.stats.values())
    by_module: dict = defaultdict(float)
    for (filename, _line, _name), row in stats.stats.items():
        if "/cleaner/" in filename:
            key = "cleaner/" + filename.rsplit("/cleaner/", 1)[1]
        elif filename.startswith("~") or filename.startswith("<"):
            key = "builtins (regex, str methods, ...)"
        else:
            key = filename.rsplit("site-packages/", 1)[-1].split("/")[0]
        by_module[key] += row[2]
    print(f"\ntext mode, one job, profiled: {total:.2f} s of own time, by module")
    for key, spent in sorted(by_module.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {100 * spent / total:5.1f}%  {key}")
    print("\ntop functions by own time:")
    stats.sort_stats("tottime").print_stats(15)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=60, help="pages per dev-bench set (0: all; default 60)")
    ap.add_argument("--reps", type=int, default=3, help="repetitions (default 3); medians are reported")
    ap.add_argument("--jobs", type=int, default=2,
                    help="the parallel configuration, compared with one job (default 2)")
    ap.add_argument("--profile", action="store_true", help="also profile text mode, one job")
    args = ap.parse_args()
    if args.jobs < 2:  # one job is the baseline every run measures already
        ap.error("--jobs must be 2 or more: the benchmark compares that many jobs with one")

    from cleaner.io.parallel import available_cores

    docs = pages(args.n)
    text_docs = [(dump, url, False) for dump, _html, url in docs]
    html_docs = [(html, url, True) for _dump, html, url in docs]
    text_mb = sum(len(d) for d, _, _ in text_docs) / 1e6
    html_mb = sum(len(d) for d, _, _ in html_docs) / 1e6
    inputs = {"text": chunked(text_docs), "html": chunked(html_docs)}
    print(f"{len(docs)} pages: text {text_mb:.1f} MB ({len(inputs['text'])} chunks), "
          f"html {html_mb:.1f} MB; {available_cores()} cores; load average "
          f"{os.getloadavg()[0]:.2f}; {args.reps} repetitions", flush=True)

    warm = tuple(inputs["text"][0][:3] + inputs["html"][0][:3])
    started = time.perf_counter()
    _init(warm)
    print(f"this process warmed in {time.perf_counter() - started:.2f} s", flush=True)

    configs = [(mode, who, jobs) for mode in ("text", "html") for who in ("ours", "bare")
               for jobs in (1, args.jobs)]
    times: dict = {c: [] for c in configs}
    cpus: dict = {c: [] for c in configs}
    configs += [("cpu", "spin", 1), ("cpu", "spin", args.jobs)]
    inputs["cpu"] = [[]] * 20
    times: dict = {c: [] for c in configs}
    cpus: dict = {c: [] for c in configs}
    startups = []
    funcs = {"ours": clean_chunk, "bare": bare_chunk, "spin": spin_chunk}
    for rep in range(args.reps):
        for mode, who, jobs in configs:
            func = funcs[who]
            wall, cpu, startup = run_once(func, inputs[mode], jobs, warm)
            times[(mode, who, jobs)].append(wall)
            cpus[(mode, who, jobs)].append(cpu)
            if startup:
                startups.append(startup)
        print(f"  repetition {rep + 1}/{args.reps} done (load {os.getloadavg()[0]:.2f})", flush=True)
    print(f"a pool of {args.jobs} starts and warms in {statistics.median(startups):.2f} s "
          f"(untimed above; a corpus run pays it once)")

    med = {c: statistics.median(t) for c, t in times.items()}
    rate = {}
    j = args.jobs
    spin = med[("cpu", "spin", 1)] / med[("cpu", "spin", j)]
    print(f"\nmachine check: a pure CPU loop runs {spin:.2f}x as fast on {j} jobs as on 1 "
          f"(a free {j}-core machine gives ~{j}x; less means others hold cores)")
    for (mode, who, jobs), spent in med.items():
        rate[(mode, who, jobs)] = (text_mb / spent) if mode == "text" else (len(docs) / spent)
    print(f"\n{'':<22}{'1 job':>15}{f'{j} jobs':>15}{f'{j}/1':>8}   wall s 1 job (min-max)"
          f"   CPU s 1 job / {j} jobs")
    for mode, unit in (("text", "MB/s"), ("html", "docs/s")):
        for who, label in (("ours", "cleaner"), ("bare", "bare pass")):
            one, many = rate[(mode, who, 1)], rate[(mode, who, j)]
            spread = times[(mode, who, 1)]
            cpu_one = statistics.median(cpus[(mode, who, 1)])
            cpu_many = statistics.median(cpus[(mode, who, j)])
            print(f"{mode + ' ' + label:<22}{one:>9.2f} {unit:<6}{many:>8.2f} {unit:<6}"
                  f"{many / one:>6.2f}x   {med[(mode, who, 1)]:6.2f} ({min(spread):.2f}-{max(spread):.2f})"
                  f"   {cpu_one:6.2f} / {cpu_many:6.2f}")
    for mode in ("text", "html"):
        for jobs in (1, j):
            slower = rate[(mode, "bare", jobs)] / rate[(mode, "ours", jobs)]
            print(f"{mode} mode, {jobs} job{'s' if jobs > 1 else ''}: cleaner is {slower:.1f}x "
                  f"slower than the bare pass (ours/bare = {1 / slower:.3f})")
    print(f"targets: text within 5x of the bare pass on one core "
          f"({'met' if rate[('text', 'bare', 1)] / rate[('text', 'ours', 1)] <= 5 else 'NOT met'}); "
          f"--jobs 2 >= 1.6x --jobs 1 "
          f"({'met' if rate[('text', 'ours', j)] / rate[('text', 'ours', 1)] >= 1.6 else 'NOT met'} in text mode, "
          f"{'met' if rate[('html', 'ours', j)] / rate[('html', 'ours', 1)] >= 1.6 else 'NOT met'} in html mode)")
    for mode in ("text", "html"):
        cpu_one = statistics.median(cpus[(mode, "ours", 1)])
        cpu_many = statistics.median(cpus[(mode, "ours", j)])
        print(f"{mode} mode CPU: {j} jobs spend {100 * (cpu_many / cpu_one - 1):+.0f}% CPU against "
              f"1 job, so on {j} free cores --jobs {j} would run at most {j * cpu_one / cpu_many:.2f}x "
              f"as fast (less by chunk imbalance)")
    print(f"load average at the end {os.getloadavg()[0]:.2f} on {available_cores()} cores: above "
          f"~0.5 others are using the cores, and the {j}-job figures are a lower bound")
    if args.profile:
        profile(docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
