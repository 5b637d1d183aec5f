#!/usr/bin/env python3
"""Article loss and its trade: which rules cost the reader the article, and what a change to
a rule's extent gives back against the boilerplate it lets through.

    .venv/bin/python bench/losstrade.py                          # loss per row, by rule kind
    .venv/bin/python bench/losstrade.py --save base.json         # ... and keep what was removed
    .venv/bin/python bench/losstrade.py --against base.json      # the trade since that run
    .venv/bin/python bench/losstrade.py --rows post:trafilatura:cleaneval --show 5

Rows are MODE:DATASET (text, post:resiliparse, post:trafilatura on cleaneval, cleanportaleval
and wcxb: the sets whose gold text has paragraphs; see ../shared/tools/loss.py). For each row:

- the article loss, as devcheck prints it (gold paragraphs of 10+ words that were in the input
  and are gone), and the lost paragraphs by the kind, id and category of the rule that
  removed most of their words (a guard's decision shows as no loss at all);
- with ``--against``, the trade per rule kind, line by line against the saved run: article
  lines *saved* (removed then, kept now) against boilerplate lines *newly kept*, and article
  lines *newly lost* against boilerplate lines *newly removed*.

A line is *article* when half its 4-word shingles are in the page's gold text (a line of under
four words: when it is a gold line itself), *boilerplate* when none of its words' shingles are
and it is no gold line, and neither when in between (counted as neither side).
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT.parent / "shared" / "tools"
BENCH = ROOT.parent / "shared" / "dev-bench"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(TOOLS))
try:
    import loss  # noqa: E402  (the shared article-loss figure)
except ImportError:  # a clone without the development bench beside it (CI)
    sys.exit(f"losstrade.py needs the development bench's tools: {TOOLS / 'loss.py'} is not there")

DEFAULT_ROWS = [f"{mode}:{dataset}" for mode in ("post:trafilatura", "post:resiliparse", "text")
                for dataset in ("cleaneval", "cleanportaleval", "wcxb")]


def read_input(mode: str, dataset: str, id_: str) -> str | None:
    if mode == "text":
        path = BENCH / dataset / f"{id_}.dump.txt"
    else:
        path = BENCH / "extracted" / mode.split(":", 1)[1] / dataset / f"{id_}.txt"
    if not path.exists():
        return None
    return path.read_text(encoding="utf-8")


def page_ids(dataset: str, limit: int) -> list[str]:
    ids = [json.loads(l)["id"] for l in (BENCH / dataset / "manifest.jsonl").read_text().splitlines()]
    if limit:
        ids = sorted(random.Random(7).sample(ids, min(limit, len(ids))))  # devcheck's sample
    return ids


def gold_text(dataset: str, id_: str) -> str:
    path = BENCH / dataset / f"{id_}.txt"
    if path.exists():
        return path.read_text(encoding="utf-8", errors="replace")
    return json.loads((BENCH / dataset / f"{id_}.json").read_text(encoding="utf-8")).get("main") or ""


class Gold:
    """A page's gold text, as shingles and as whole normalised lines."""

    def __init__(self, text: str):
        self.shingles = loss.shingles(loss.words(text))
        self.lines = {" ".join(loss.words(l)) for l in text.split("\n")}
        self.words = set(loss.words(text))

    def label(self, line: str) -> str:
        ws = loss.words(line)
        if not ws:
            return ""
        if len(ws) < 4:
            if " ".join(ws) in self.lines:
                return "article"
            return "" if set(ws) <= self.words else "boilerplate"
        s = loss.shingles(ws)
        inside = len(s & self.shingles)
        if inside >= 0.5 * len(s):
            return "article"
        return "boilerplate" if inside == 0 else ""


def run_row(row: str, limit: int, show: int, kinds: dict[str, str]):
    from cleaner import clean_document
    from cleaner.text.decode import to_text

    mode, _, dataset = row.rpartition(":")
    outputs, inputs, removed_by_page = {}, {}, {}
    culprits: Counter = Counter()
    culprit_pages: dict[str, set] = defaultdict(set)  # rule -> pages it cost a paragraph
    examples: list[str] = []
    for id_ in page_ids(dataset, limit):
        doc = read_input(mode, dataset, id_)
        if doc is None:
            continue
        result = clean_document(doc)  # as devcheck calls clean(doc)
        # line numbers count the decoded text's lines (newlines normalised)
        inputs[id_], outputs[id_] = to_text(doc), result.text
        removed = {}
        for r in result.removals:
            if not r.trimmed:
                for n in r.line_numbers:
                    removed[n - 1] = r.rule_id
        removed_by_page[id_] = removed
    figures = loss.article_loss(BENCH / dataset, outputs, inputs)
    # who removed each lost paragraph: the rule whose removed lines hold most of its shingles
    for id_, out in outputs.items():
        paragraphs = loss.gold_paragraphs(BENCH / dataset, id_)
        if not paragraphs:
            continue
        seen = loss.shingles(loss.words(inputs[id_]))
        kept = loss.shingles(loss.words(out))
        lines = inputs[id_].split("\n")
        by_rule: dict[str, set] = defaultdict(set)
        for n, rule in removed_by_page[id_].items():
            by_rule[rule] |= loss.shingles(loss.words(lines[n]))
        for ws in paragraphs:
            s = loss.shingles(ws)
            if len(s & seen) < 0.9 * len(s) or len(s & kept) >= 0.5 * len(s):
                continue
            rule = max(by_rule, key=lambda r: len(by_rule[r] & s), default="?")
            if rule != "?" and not by_rule[rule] & s:
                rule = "?"
            culprits[rule] += 1
            culprit_pages[rule].add(id_)
            if len(examples) < show:
                examples.append(f"{id_} [{rule}]: {' '.join(ws)[:140]}")
    return figures, culprits, culprit_pages, examples, inputs, removed_by_page


def trade(row: str, inputs: dict, now: dict, then: dict, kinds: dict[str, str],
          changes: Optional[list] = None) -> dict:
    """Per rule kind: [saved article, newly kept boilerplate, newly lost article,
    newly removed boilerplate] lines; each changed line's (page, what, rule, text) goes on
    ``changes`` when one is given."""
    mode, _, dataset = row.rpartition(":")
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for id_, doc in inputs.items():
        before = {int(k): v for k, v in then.get(id_, {}).items()}
        after = now[id_]
        changed = set(before) ^ set(after)
        if not changed:
            continue
        gold = Gold(gold_text(dataset, id_))
        lines = doc.split("\n")
        for n in changed:
            label = gold.label(lines[n])
            if not label:
                continue
            if n in before:  # kept now
                kind = kinds.get(before[n], "?")
                what = 0 if label == "article" else 1
                rule = before[n]
            else:
                kind = kinds.get(after[n], "?")
                what = 2 if label == "article" else 3
                rule = after[n]
            table[kind][what] += 1
            if changes is not None:
                changes.append((id_, ("saved", "kept bp", "lost", "cut bp")[what], rule, lines[n]))
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", nargs="+", default=DEFAULT_ROWS, help="MODE:DATASET ...")
    parser.add_argument("--limit", type=int, default=0, help="pages per row, devcheck's sample (0: all)")
    parser.add_argument("--show", type=int, default=0, help="lost paragraphs to print per row")
    parser.add_argument("--changes", type=int, default=0,
                        help="with --against: changed lines to print per row")
    parser.add_argument("--save", help="write what each row removed to this JSON file")
    parser.add_argument("--against", help="a file written by --save: print the trade since then")
    args = parser.parse_args()
    modes = ("text", "post:resiliparse", "post:trafilatura")
    for row in args.rows:
        mode, _, dataset = row.rpartition(":")
        if mode not in modes or not dataset:
            parser.error(f"row {row!r}: write MODE:DATASET with MODE one of {', '.join(modes)} "
                         "(the HTML rows' loss is devcheck's; this trade is the text rules')")

    from cleaner.engine.packs import get_packset

    kinds = {r.id: r.KEY for r in get_packset().all_rules()}
    categories = {r.id: r.category for r in get_packset().all_rules()}
    then = json.loads(Path(args.against).read_text()) if args.against else None
    saved = {}
    totals = Counter()
    for row in args.rows:
        figures, culprits, culprit_pages, examples, inputs, removed = run_row(
            row, args.limit, args.show, kinds)
        saved[row] = removed
        if figures:
            totals["lost"] += figures["lost"]
            totals["paragraphs"] += figures["paragraphs"]
            print(f"{row:<30} loss {figures['loss_rate']:.2%} ({figures['lost']} of "
                  f"{figures['paragraphs']} gold paragraphs), {figures['pages_harmed']}/"
                  f"{figures['pages']} pages ({figures['pages_harmed'] / figures['pages']:.1%})")
        by_kind = Counter()
        for rule, n in culprits.items():
            by_kind[kinds.get(rule, "?")] += n
        if culprits:
            print("    lost by kind: " + ", ".join(f"{k} {n}" for k, n in by_kind.most_common()))
            print("    lost by rule: " + ", ".join(f"{r} {n}" for r, n in culprits.most_common(8)))
            by_category, category_pages = Counter(), defaultdict(set)
            for rule, n in culprits.items():
                by_category[categories.get(rule, "?")] += n
                category_pages[categories.get(rule, "?")] |= culprit_pages[rule]
            print("    lost by category (paragraphs/pages): " + ", ".join(
                f"{c} {n}/{len(category_pages[c])}" for c, n in by_category.most_common()))
        for e in examples:
            print("    lost:", e)
        if then is not None and row in then:
            changes: list = []
            table = trade(row, inputs, removed, then[row], kinds, changes)
            if table:
                print(f"    {'trade by kind':<14} {'saved':>7} {'kept bp':>8} {'lost':>7} {'cut bp':>8}"
                      "   (article lines saved / boilerplate newly kept / article newly lost / "
                      "boilerplate newly cut)")
                for kind, (s, k, l, c) in sorted(table.items(), key=lambda kv: -sum(kv[1])):
                    print(f"    {kind:<14} {s:>7} {k:>8} {l:>7} {c:>8}")
            for id_, what, rule, line in sorted(changes)[:args.changes]:
                print(f"    {what:>7} {id_} [{rule}]: {line.strip()[:160]}")
        sys.stdout.flush()
    if totals["paragraphs"]:
        print(f"all rows: {totals['lost']} of {totals['paragraphs']} paragraphs lost "
              f"({totals['lost'] / totals['paragraphs']:.2%})")
    if args.save:
        Path(args.save).write_text(json.dumps(saved))
    return 0


if __name__ == "__main__":
    sys.exit(main())
