#!/usr/bin/env python3
"""Pages that cleaning empties, and those the emptied-document guard keeps whole: is that right?

    .venv/bin/python bench/emptied.py                          # every text row of devcheck
    .venv/bin/python bench/emptied.py post:trafilatura text    # chosen input modes

For each input mode (``post:SYSTEM`` or ``text``) and set, lists the pages whose cleaning left
nothing (``emptied``) and the pages the guard kept whole (``kept``), each with its words, the
categories its removals named and how the input scores against the gold; then the set's figure
as cleaned, with every emptied page kept whole instead, and with the guard's pages emptied
(sh4 F1 at four decimals; the trafilatura set: with / without-absent). HTML input is not
listed: the reader's own main-content choice never leaves the rules an empty page on the bench.
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
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
from benchdata import input_path  # noqa: E402

SETS = ("dragnet", "cleaneval", "cleanportaleval", "trafilatura")


def main() -> int:
    import score

    from cleaner import clean_document
    from cleaner.engine import emptied as figures  # the emptied-document guard's figures
    from cleaner.text import words

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("modes", nargs="*", default=["post:trafilatura", "post:resiliparse", "text"])
    args = ap.parse_args()
    for mode in args.modes:
        for name in SETS:
            data = BENCH / name
            ids = [json.loads(line)["id"] for line in (data / "manifest.jsonl").read_text().splitlines()]
            now, whole, emptied = {}, {}, {}
            notes = []
            for id_ in ids:
                src = input_path(mode, name, id_)
                if not src.exists():
                    continue
                text = src.read_text(encoding="utf-8")
                result = clean_document(text, html=False)
                kept = any("emptied-document guard" in w for w in result.warnings)
                now[id_] = result.text
                whole[id_] = text if not result.text.strip() or kept else result.text
                emptied[id_] = "" if kept else result.text
                if kept or (text.strip() and not result.text.strip()):
                    if kept:  # what the rules removed, with the guard off
                        guard, figures.KEEP_EMPTIED_WORDS = figures.KEEP_EMPTIED_WORDS, float("inf")
                        result = clean_document(text, html=False)
                        figures.KEEP_EMPTIED_WORDS = guard
                    kinds = sorted({r.category for r in result.removals})
                    gold = data / f"{id_}.txt"
                    if gold.exists():
                        page = f"input F1 {score.doc_scores(gold.read_text(encoding='utf-8'), text)['sh4_f1']:.3f}"
                    else:
                        tp, fp, fn, tn = score.snippet_counts(json.loads((data / f"{id_}.json").read_text()), text)
                        page = f"input keeps with {tp}/{tp + fn}, without {fp}/{fp + tn}"
                    notes.append(f"    {'kept' if kept else 'emptied':<7} {id_[:40]:<40} {len(words(text)):>5} words  "
                                 f"{page}  [{', '.join(kinds)}]")

            def figure(texts: dict) -> str:
                rows, snippets = [], [0, 0, 0, 0]
                for id_, out in texts.items():
                    gold = data / f"{id_}.txt"
                    if gold.exists():
                        rows.append(score.doc_scores(gold.read_text(encoding="utf-8"), out))
                    else:
                        item = json.loads((data / f"{id_}.json").read_text(encoding="utf-8"))
                        snippets = [a + b for a, b in zip(snippets, score.snippet_counts(item, out))]
                if rows:
                    return f"{score.aggregate(rows, 'sh4')['f1']:.4f}"
                tp, fp, fn, tn = snippets
                return f"{tp / max(1, tp + fn):.4f}/{tn / max(1, fp + tn):.4f}"

            print(f"{mode} {name}: n={len(now)}  cleaned {figure(now)}  emptied kept whole {figure(whole)}  "
                  f"guard's pages emptied {figure(emptied)}")
            for note in notes:
                print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
