#!/usr/bin/env python3
"""Snippet precision/recall/F1 (trafilatura's evaluation) for the trafilatura set, per input.

    .venv/bin/python bench/snippetf1.py            # text, post:resiliparse, post:trafilatura

devcheck prints 'with' / 'without-absent'; this adds the single F1 that trafilatura's own
evaluation reports (tp = 'with' snippets found, fp = 'without' snippets still present).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "dev-bench"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from benchdata import input_path  # noqa: E402
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))


def f1(counts) -> str:
    tp, fp, fn, tn = counts
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / max(1e-9, p + r):.3f}"


def main() -> int:
    import score
    from cleaner import clean

    data = BENCH / "trafilatura"
    ids = [json.loads(l)["id"] for l in (data / "manifest.jsonl").read_text().splitlines()]
    for mode in sys.argv[1:] or ["text", "post:resiliparse", "post:trafilatura"]:
        before, after = [0] * 4, [0] * 4
        for id_ in ids:
            src = input_path(mode, "trafilatura", id_)
            if not src.exists():
                continue
            doc = src.read_text(encoding="utf-8")
            item = json.loads((data / f"{id_}.json").read_text(encoding="utf-8"))
            before = [a + b for a, b in zip(before, score.snippet_counts(item, doc))]
            after = [a + b for a, b in zip(after, score.snippet_counts(item, clean(doc, html=False)))]
        print(f"{mode:<18} input {f1(before)}   cleaned {f1(after)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
