#!/usr/bin/env python3
"""Did a change alter any output? A fingerprint of every dev-bench document's cleaned text.

    .venv/bin/python bench/outputs_hash.py --save before.json      # before a change
    .venv/bin/python bench/outputs_hash.py --against before.json   # after it: what moved
    .venv/bin/python bench/outputs_hash.py --against before.json --rows html --show 5

A structural change (code moved, a registry merged, a helper renamed) must leave every
output as it was; a rule change should move the documents it means to and no others. This
cleans every document of the dev bench in each way devcheck does (``text``: the page dumps;
``post:trafilatura`` and ``post:resiliparse``: those extractors' output; ``html``: the pages,
with their url) and keeps a SHA-256 of each cleaned text, and with ``--report`` of its
report too (rule ids, categories, line runs: what the removals were charged to). With
``--against`` it prints, per row, how many documents changed and the first ``--show`` ids
that did (a hash tells that a text changed, not how: clean those ids again to see).
Exit status 1 when any document changed, so the check can gate a refactoring step.

Runs in ``--jobs`` processes (default: every core); the whole bench is about 11,000
documents.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "dev-bench"
sys.path.insert(0, str(ROOT))

DATASETS = ("dragnet", "cleaneval", "cleanportaleval", "trafilatura", "wcxb")
MODES = ("text", "post:trafilatura", "post:resiliparse", "html")


def documents(modes: tuple[str, ...]) -> list[tuple[str, str, str, str | None]]:
    """(row, id, path, url) of every input of the chosen modes; rows are MODE:DATASET."""
    found = []
    for dataset in DATASETS:
        manifest = BENCH / dataset / "manifest.jsonl"
        if not manifest.exists():
            continue
        entries = [json.loads(line) for line in manifest.read_text().splitlines() if line.strip()]
        for mode in modes:
            for entry in entries:
                id_ = entry["id"]
                if mode == "text":
                    path = BENCH / dataset / f"{id_}.dump.txt"
                elif mode == "html":
                    path = BENCH / dataset / f"{id_}.html"
                    if not path.exists():
                        path = BENCH / dataset / f"{id_}.html.gz"
                else:
                    path = BENCH / "extracted" / mode.split(":", 1)[1] / dataset / f"{id_}.txt"
                if path.exists():
                    url = entry.get("url") if mode == "html" else None
                    found.append((f"{mode}:{dataset}", id_, str(path), url))
    return found


def fingerprint(job: tuple[str, str, str, str | None, bool]) -> tuple[str, str, str]:
    row, id_, path, url, with_report = job
    from cleaner import clean_document

    if path.endswith(".gz"):
        data = gzip.decompress(Path(path).read_bytes())
    else:
        data = Path(path).read_bytes()
    if row.startswith("html:"):
        result = clean_document(data, url=url, html=True)
    else:
        result = clean_document(data.decode("utf-8"), html=False)
    digest = hashlib.sha256(result.text.encode("utf-8", "surrogatepass"))
    if with_report:
        digest.update(json.dumps(result.report(), sort_keys=True, default=str).encode("utf-8"))
    return row, id_, digest.hexdigest()[:16]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", nargs="+", default=list(MODES), choices=MODES,
                    help="the ways to clean the bench (default: all four)")
    ap.add_argument("--report", action="store_true", help="fingerprint the report too")
    ap.add_argument("--save", type=Path, help="write the fingerprints here (JSON)")
    ap.add_argument("--against", type=Path, help="compare with fingerprints saved before")
    ap.add_argument("--show", type=int, default=10, help="changed ids listed per row")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    if not BENCH.is_dir():
        print(f"no dev bench at {BENCH}", file=sys.stderr)
        return 2
    jobs = [(row, id_, path, url, args.report) for row, id_, path, url in documents(tuple(args.rows))]
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        found = list(pool.map(fingerprint, jobs, chunksize=16))
    prints: dict[str, dict[str, str]] = {}
    for row, id_, digest in found:
        prints.setdefault(row, {})[id_] = digest
    print(f"{len(found)} documents in {len(prints)} rows fingerprinted"
          + (" (text and report)" if args.report else " (text)"))
    if args.save:
        args.save.write_text(json.dumps({"report": args.report, "rows": prints}, indent=0))
        print(f"saved to {args.save}")
    if not args.against:
        return 0
    before = json.loads(args.against.read_text())
    if before.get("report") != args.report:
        print(f"{args.against} was saved {'with' if before.get('report') else 'without'} "
              "--report: compare like with like", file=sys.stderr)
        return 2
    changed_any = False
    for row in sorted(prints):
        old = before["rows"].get(row)
        if old is None:
            print(f"{row:32} not in {args.against}")
            continue
        changed = sorted(i for i, d in prints[row].items() if old.get(i) not in (None, d))
        missing = len(set(old) - set(prints[row]))
        changed_any |= bool(changed) or bool(missing)
        line = f"{row:32} {len(changed):5} of {len(prints[row]):5} changed"
        if missing:
            line += f", {missing} no longer found"
        if changed:
            line += ": " + " ".join(changed[:args.show]) + (" ..." if len(changed) > args.show else "")
        print(line)
    print("outputs identical" if not changed_any else "outputs changed")
    return 1 if changed_any else 0


if __name__ == "__main__":
    sys.exit(main())
