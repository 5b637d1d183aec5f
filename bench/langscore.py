#!/usr/bin/env python3
"""Score the text cleaner on the dev bench pages of one language (the trafilatura set).

    .venv/bin/python bench/langscore.py de            # text (dump) and post:* rows for German
    .venv/bin/python bench/langscore.py de --show 3   # and print 3 outputs' surviving 'without' snippets

Prints, for each input kind, with / without-absent before and after cleaning. For tuning a
language pack: watch both numbers; 'with' falling means article text was lost.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "dev-bench"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from benchdata import input_path  # noqa: E402
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))


def main() -> int:
    import score
    from cleaner import clean

    parser = argparse.ArgumentParser()
    parser.add_argument("lang")
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    data = BENCH / "trafilatura"
    ids = [json.loads(l)["id"] for l in (data / "manifest.jsonl").read_text().splitlines()
           if json.loads(l)["lang_guess"] == args.lang]
    print(f"{len(ids)} pages in {args.lang}")
    for mode in ("text", "post:resiliparse", "post:trafilatura"):
        before, after, shown = [0] * 4, [0] * 4, 0
        for id_ in ids:
            src = input_path(mode, "trafilatura", id_)
            if not src.exists():
                continue
            doc = src.read_text(encoding="utf-8")
            item = json.loads((data / f"{id_}.json").read_text(encoding="utf-8"))
            out = clean(doc)
            before = [a + b for a, b in zip(before, score.snippet_counts(item, doc))]
            after = [a + b for a, b in zip(after, score.snippet_counts(item, out))]
            if shown < args.show and mode == "text":
                left = [w for w in item.get("without", []) if " ".join(w.split()) in " ".join(out.split())]
                lost = [w for w in item.get("with", []) if " ".join(w.split()) not in " ".join(out.split())]
                if left or lost:
                    shown += 1
                    print(f"  {id_}: boilerplate left {left[:4]}; article lost {lost[:3]}")
        fmt = lambda c: f"with {c[0] / max(1, c[0] + c[2]):.3f} without-absent {c[3] / max(1, c[1] + c[3]):.3f}"
        print(f"{mode:<18} before: {fmt(before)}   after: {fmt(after)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
