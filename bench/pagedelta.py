#!/usr/bin/env python3
"""Which pages does cleaning make worse than its input? Per-page sh4 F1, input against ours.

    .venv/bin/python bench/pagedelta.py trafilatura cleaneval          # an extractor's output
    .venv/bin/python bench/pagedelta.py dump dragnet --worst 30        # the page dumps

Prints the set's F1 of the input and of our output at four decimals (the figure devcheck
rounds to three), then the pages that lost most, each with the rules that removed most lines
there. For the sets with gold text (dragnet, cleaneval, cleanportaleval).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "dev-bench"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))


def main() -> int:
    import score

    from cleaner import clean_document

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", help="an extractor under dev-bench/extracted/ (trafilatura, resiliparse) or 'dump'")
    ap.add_argument("dataset", help="dragnet, cleaneval or cleanportaleval")
    ap.add_argument("--worst", type=int, default=15, help="pages to list")
    args = ap.parse_args()
    if args.input == "dump":
        inputs = sorted((BENCH / args.dataset).glob("*.dump.txt"))
    else:
        inputs = sorted((BENCH / "extracted" / args.input / args.dataset).glob("*.txt"))
    before, after, pages = [], [], []
    for path in inputs:
        page = path.name.split(".")[0]
        gold_path = BENCH / args.dataset / f"{page}.txt"
        if not gold_path.exists():
            continue
        gold, text = gold_path.read_text(encoding="utf-8"), path.read_text(encoding="utf-8")
        result = clean_document(text, html=False)
        a, b = score.doc_scores(gold, text), score.doc_scores(gold, result.text)
        before.append(a)
        after.append(b)
        rules = Counter(r.rule_id for r in result.removals for _ in r.lines)
        pages.append((b["sh4_f1"] - a["sh4_f1"], page, a["sh4_f1"], b["sh4_f1"], rules))
    if not pages:
        print(f"no pages with gold text for {args.input} {args.dataset}", file=sys.stderr)
        return 1
    f_in = score.aggregate(before, "sh4")["f1"]
    f_out = score.aggregate(after, "sh4")["f1"]
    print(f"{args.input} {args.dataset}: n={len(pages)}  input F1 {f_in:.4f}  ours {f_out:.4f}  "
          f"({f_out - f_in:+.4f})")
    for delta, page, f_a, f_b, rules in sorted(pages)[: args.worst]:
        top = ", ".join(f"{rule} {n}" for rule, n in rules.most_common(3))
        print(f"{delta:+.3f}  {page:<14} {f_a:.3f} -> {f_b:.3f}  {top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
