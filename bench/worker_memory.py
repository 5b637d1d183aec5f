#!/usr/bin/env python3
"""What one corpus worker costs: its resident memory over a long run, and documents a second.

    .venv/bin/python bench/worker_memory.py              # 100 MB through one worker
    .venv/bin/python bench/worker_memory.py --mb 20      # a shorter run
    .venv/bin/python bench/worker_memory.py --step       # through the datatrove step (CleanerStep.run)

A fresh process plays the worker (a datatrove task's process, a Spark Python worker, a
``--jobs`` worker): it loads the packs, cleans one warm-up document, and then cleans ``--mb``
megabytes of documents one at a time, generated as it goes so that the input itself is never
held. The documents are the corpus samples (text, and the HTML pages), repeated with
variations so that a long run meets new lines as a crawl does rather than the same ones again:
each copy has its digits shifted and, in about a third of its lines, one word swapped for
another word of the same document (seeded, so every run is the same run).

Printed: the worker's resident memory (VmRSS) after the warm-up and at each tenth of the run,
its peak (VmHWM), and documents and MB a second (wall time, on a shared machine).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the working tree's cleaner

_WORD = re.compile(r"[^\W\d_]{4,}")
_DIGIT = re.compile(r"\d")


def sources() -> list[tuple[str, bool]]:
    """(text, is_html) of every corpus sample input."""
    corpus = ROOT / "corpus_samples"
    texts = sorted(p for p in corpus.rglob("*.txt") if not p.name.endswith(".expected.txt"))
    pages = sorted(corpus.glob("html/*.html"))
    return [(p.read_text(encoding="utf-8"), False) for p in texts] + \
        [(p.read_text(encoding="utf-8"), True) for p in pages]


def vary(text: str, copy: int, rng: random.Random) -> str:
    """Copy ``copy`` of a document: digits shifted by ``copy``, and one word in about a third
    of the lines replaced by another word of the document."""
    if copy == 0:
        return text
    shift = copy % 10
    text = _DIGIT.sub(lambda m: str((int(m.group()) + shift) % 10), text)
    vocab = _WORD.findall(text)
    if not vocab:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line and not line.lstrip().startswith("<") and rng.random() < 0.33:
            found = list(_WORD.finditer(line))
            if found:
                m = rng.choice(found)
                lines[i] = line[:m.start()] + rng.choice(vocab) + line[m.end():]
    return "\n".join(lines)


def documents(mb: float, seed: int = 1) -> Iterator[tuple[str, bool]]:
    """About ``mb`` megabytes (UTF-8) of varied corpus documents."""
    rng = random.Random(seed)
    base = sources()
    want, size, copy = int(mb * 1_000_000), 0, 0
    while True:
        for text, is_html in base:
            doc = vary(text, copy, rng)
            yield doc, is_html
            size += len(doc.encode("utf-8"))
            if size >= want:
                return
        copy += 1


def _status(key: str) -> float:
    """A VmRSS/VmHWM line of /proc/self/status, in MB."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def worker(mb: float, step: bool) -> dict:
    from cleaner import clean_document
    from cleaner.engine.packs import get_packset

    from cleaner.text.language import _langdetect

    for rule in get_packset().all_rules():
        rule.pattern  # noqa: B018 - shipped packs compile on first use
    _langdetect("Dies ist ein kurzer Text über das Wetter in der Stadt.")
    for text, is_html in sources()[:1] + [s for s in sources() if s[1]][:1]:
        clean_document(text, html=is_html)  # start-up paid: what grows after is the run's
    start = _status("VmRSS")
    marks: list[float] = []
    want = mb * 1_000_000
    done = {"bytes": 0, "docs": 0}
    next_mark = want / 10

    def tick(nbytes: int) -> None:
        nonlocal next_mark
        done["bytes"] += nbytes
        done["docs"] += 1
        while done["bytes"] >= next_mark and len(marks) < 10:
            marks.append(_status("VmRSS"))
            next_mark += want / 10

    started = time.perf_counter()
    if step:
        from datatrove.data import Document

        from cleaner.integrations.datatrove import CleanerStep

        def docs():
            for i, (text, _) in enumerate(documents(mb)):
                tick(len(text.encode("utf-8")))  # RSS read as the step asks for the next one
                yield Document(text=text, id=str(i))

        for _ in CleanerStep(url_key=None).run(docs()):
            pass
    else:
        for text, is_html in documents(mb):
            clean_document(text, html=is_html)
            tick(len(text.encode("utf-8")))
    seconds = time.perf_counter() - started
    while len(marks) < 10:
        marks.append(_status("VmRSS"))
    return {"mb": done["bytes"] / 1e6, "docs": done["docs"], "seconds": seconds, "start": start,
            "marks": marks, "peak": _status("VmHWM")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=100, help="megabytes through the worker (100)")
    ap.add_argument("--step", action="store_true", help="through cleaner.integrations.datatrove.CleanerStep")
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(worker(args.mb, args.step)))
        return 0
    cmd = [sys.executable, __file__, "--one", "--mb", str(args.mb)] + (["--step"] if args.step else [])
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode:
        sys.stderr.write(out.stderr)
        return 1
    r = json.loads(out.stdout.strip().splitlines()[-1])
    tenths = " ".join(f"{m:.0f}" for m in r["marks"])
    print(f"worker  {r['mb']:.1f} MB, {r['docs']:,} docs{' (datatrove step)' if args.step else ''}: "
          f"RSS {r['start']:.0f} MB after warm-up, at each tenth: {tenths} MB; peak {r['peak']:.0f} MB; "
          f"{r['docs'] / r['seconds']:.1f} docs/s, {r['mb'] / r['seconds']:.2f} MB/s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
