#!/usr/bin/env python3
"""Pages that cleaning empties, and those the emptied-document guard keeps whole: is that right?

    .venv/bin/python bench/emptied.py                          # every text row of devcheck
    .venv/bin/python bench/emptied.py post:trafilatura text    # chosen input modes

For each input mode (``post:SYSTEM`` or ``text``) and set, lists the pages whose cleaning left
nothing (``emptied``) and the pages the guard kept whole (``kept``), each with its words, the
categories its removals named and how the input scores against the gold; then the set's figure
as cleaned, with every emptied page kept whole instead, and with the guard's pages emptied
(sh4 F1 at four decimals; the trafilatura set: with / without-absent; wcxb: WCXB's word F1,
the mean over pages, and by page type). HTML input is not listed: the reader's own
main-content choice never leaves the rules an empty page on the bench.

    .venv/bin/python bench/emptied.py post:trafilatura --sets wcxb   # one set
    .venv/bin/python bench/emptied.py text --sets cleaneval --limit 20

On wcxb the page types tell what an emptied page was. On tree 261ed11 cleaning
trafilatura's output emptied 9 pages, every one a listing, a collection or a product page (a
shop's grid of names and prices, a league's teams, a catalogue's A-Z index; six of them
scored 0.59-0.86 as they came): kept whole, those types' F1 (listing 0.5621, collection
0.5672, product 0.6239) would rise above the input's as is (0.5757, 0.5808, 0.6289; as is
0.577, 0.579, 0.627), the whole row 0.8165 -> 0.8189. Kept whole on every row, though, the
pages resiliparse emptied cost its rows (cleaneval 0.8853 -> 0.881: final-618 and final-770,
a page frame the extractor took for the article; wcxb listing 0.513 -> 0.503, a shop's footer
whose gold is empty): the guard's figures (words, kinds) do not tell the two apart.
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

SETS = ("dragnet", "cleaneval", "cleanportaleval", "trafilatura", "wcxb")


def wcxb_gold(data: Path, id_: str) -> dict:
    """A wcxb page's gold: its text (``main``) and its page type."""
    return json.loads((data / f"{id_}.json").read_text(encoding="utf-8"))


def wcxb_figure(data: Path, texts: dict, word_f1) -> str:
    """WCXB's word F1 over ``texts``, the mean over pages as devcheck prints it, and by page
    type (where emptied listings show)."""
    by_type: dict[str, list[float]] = {}
    for id_, out in texts.items():
        gold = wcxb_gold(data, id_)
        f1 = word_f1(out, gold["main"])
        by_type.setdefault("all", []).append(f1)
        by_type.setdefault(gold["type"], []).append(f1)
    mean = {k: sum(v) / len(v) for k, v in by_type.items()}
    types = ", ".join(f"{k} {v:.4f}" for k, v in sorted(mean.items()) if k != "all")
    return f"{mean['all']:.4f} ({types})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("modes", nargs="*", default=["post:trafilatura", "post:resiliparse", "text"])
    ap.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS), help="the sets to read")
    ap.add_argument("--limit", type=int, default=0, help="the first N pages of each set only")
    args = ap.parse_args()  # before the bench's imports: a bad argument is told where it is absent
    import loss
    import score

    from cleaner import clean_document
    from cleaner.engine import emptied as figures  # the emptied-document guard's figures
    from cleaner.text import words

    for mode in args.modes:
        for name in args.sets:
            data = BENCH / name
            ids = [json.loads(line)["id"] for line in (data / "manifest.jsonl").read_text().splitlines()]
            if args.limit:
                ids = ids[:args.limit]
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
                    if name == "wcxb":
                        item = wcxb_gold(data, id_)
                        page = f"{item['type']}, input word F1 {loss.word_f1(text, item['main']):.3f}"
                    elif gold.exists():
                        page = f"input F1 {score.doc_scores(gold.read_text(encoding='utf-8'), text)['sh4_f1']:.3f}"
                    else:
                        tp, fp, fn, tn = score.snippet_counts(json.loads((data / f"{id_}.json").read_text()), text)
                        page = f"input keeps with {tp}/{tp + fn}, without {fp}/{fp + tn}"
                    notes.append(f"    {'kept' if kept else 'emptied':<7} {id_[:40]:<40} {len(words(text)):>5} words  "
                                 f"{page}  [{', '.join(kinds)}]")

            def figure(texts: dict) -> str:
                if name == "wcxb":
                    return wcxb_figure(data, texts, loss.word_f1)
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
