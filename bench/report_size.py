#!/usr/bin/env python3
"""How big the report is beside the text it describes (the README's "report" figures).

    .venv/bin/python bench/report_size.py            # up to 300 documents of each set
    .venv/bin/python bench/report_size.py -n 0       # every document

Each set's documents are cleaned and their report written as compact JSON (as datatrove's
JSONL writer, orjson, writes it), by default (rule ids and runs of line numbers) and
with ``record_lines=True``; printed as a share of the input text and of the cleaned text. Sets:
the corpus samples, and when the dev bench is there, its page dumps (whole pages' text, a
third of it boilerplate) and what trafilatura and resiliparse extracted from its pages
(already-extracted text with leftovers, the commonest input).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "dev-bench"
sys.path.insert(0, str(ROOT))


def sets() -> dict[str, list[Path]]:
    corpus = ROOT / "corpus_samples"
    found = {"corpus samples": sorted(p for p in corpus.rglob("*.txt") if not p.name.endswith(".expected.txt"))}
    if BENCH.is_dir():
        found["dev-bench page dumps"] = sorted(BENCH.glob("*/*.dump.txt"))
        found["dev-bench extracted text"] = sorted(BENCH.glob("extracted/*/*/*.txt"))
    return found


def measure(paths: list[Path]) -> dict:
    from cleaner import clean_document

    text_in = text_out = plain = with_lines = 0
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        result = clean_document(text, html=False)
        text_in += len(text.encode("utf-8"))
        text_out += len(result.text.encode("utf-8"))
        for lines in (False, True):
            size = len(json.dumps(result.report(record_lines=lines), ensure_ascii=False,
                                  separators=(",", ":")).encode("utf-8"))
            if lines:
                with_lines += size
            else:
                plain += size
    return {"docs": len(paths), "in": text_in, "out": text_out, "report": plain, "with_lines": with_lines}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=300, help="documents per set at most, drawn at random (0: all)")
    args = ap.parse_args()
    for name, paths in sets().items():
        if args.n and len(paths) > args.n:
            paths = sorted(random.Random(0).sample(paths, args.n))
        r = measure(paths)
        print(f"{name:26} {r['docs']:4} docs  {r['in'] / 1e6:5.1f} MB in  report "
              f"{100 * r['report'] / r['in']:4.1f}% of the input, {100 * r['report'] / r['out']:4.1f}% of "
              f"the output; with lines {100 * r['with_lines'] / r['in']:5.1f}% / {100 * r['with_lines'] / r['out']:5.1f}%",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
