#!/usr/bin/env python3
"""Which rules remove gold text? A per-rule tally over dev-bench inputs.

    .venv/bin/python bench/rulecost.py post:trafilatura cleaneval
    .venv/bin/python bench/rulecost.py text dragnet --examples 3

For each removal, the removed line counts as *wrong* when its words appear in the page's gold
text (sh4 sets: the gold main text; the trafilatura set: a 'with' snippet inside the line).
Prints, per rule: lines removed, words removed, words of them that were gold.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "dev-bench"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from benchdata import input_path  # noqa: E402
_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def main() -> int:
    from cleaner import clean_document

    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["text", "post:resiliparse", "post:trafilatura"])
    parser.add_argument("dataset")
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    data = BENCH / args.dataset
    ids = [json.loads(l)["id"] for l in (data / "manifest.jsonl").read_text().splitlines()]
    if args.limit:
        ids = ids[: args.limit]
    tally = defaultdict(lambda: [0, 0, 0])
    examples = defaultdict(list)
    for id_ in ids:
        src = input_path(args.mode, args.dataset, id_)
        if not src.exists():
            continue
        result = clean_document(src.read_text(encoding="utf-8"))
        gold_path = data / f"{id_}.txt"
        if gold_path.exists():
            gold = norm(gold_path.read_text(encoding="utf-8"))
            is_gold = lambda line: len(norm(line)) > 0 and norm(line) in gold
        else:
            withs = [norm(w) for w in json.loads((data / f"{id_}.json").read_text())["with"]]
            is_gold = lambda line: any(w and w in norm(line) for w in withs)
        for r in result.removals:
            for line in r.lines:
                n = len(line.split())
                t = tally[r.rule_id]
                t[0] += 1
                t[1] += n
                if is_gold(line):
                    t[2] += n
                    if len(examples[r.rule_id]) < args.examples:
                        examples[r.rule_id].append(f"{id_}: {line.strip()[:110]!r}")
    print(f"{'rule':<32} {'lines':>6} {'words':>7} {'gold words':>10}")
    for rule, (lines, words, gold) in sorted(tally.items(), key=lambda kv: -kv[1][2]):
        print(f"{rule:<32} {lines:>6} {words:>7} {gold:>10}")
        for ex in examples[rule]:
            print(f"    {ex}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
