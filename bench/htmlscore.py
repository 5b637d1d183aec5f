#!/usr/bin/env python3
"""Score the HTML path on the dev bench: the html rows of devcheck, faster and per document.

    .venv/bin/python bench/htmlscore.py                 # all four sets
    .venv/bin/python bench/htmlscore.py dragnet -n 100  # one set, a fixed sample
    .venv/bin/python bench/htmlscore.py dragnet --worst 10 --out /tmp/html-out

Calls ``cleaner.clean(html, url=url, html=True)`` exactly as devcheck does, and scores with
../shared/tools/score.py (sh4 P/R/F1 for gold text, with/without-absent for snippet sets).
``--raw`` scores the HTML reader's own text, before the text rules (to see what they change).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "tools"))
sys.path.insert(0, str(ROOT))
import score  # noqa: E402

from cleaner import clean  # noqa: E402
from cleaner.html.reader import html_to_text  # noqa: E402
from cleaner.errors import PackError  # noqa: E402
from cleaner.engine.packs import PackSet, get_packset, load_pack  # noqa: E402

SETS = ("dragnet", "cleaneval", "cleanportaleval", "trafilatura")


def _packset(raw: bool):
    try:
        return get_packset()
    except PackError as exc:
        if not raw:
            raise
        # a pack being edited elsewhere is broken: the reader needs only the HTML and site packs
        print(f"(packs: {exc}; using rules/generic.yaml, html.yaml and sites/ only)", file=sys.stderr)
        files = [ROOT / "rules" / "generic.yaml", ROOT / "rules" / "html.yaml",
                 *sorted((ROOT / "rules" / "sites").glob("*.yaml"))]
        return PackSet([load_pack(f, shipped=True) for f in files])


def run(name: str, n: int | None, raw: bool, out: Path | None, worst: int) -> dict:
    data = SHARED / "dev-bench" / name
    manifest = [json.loads(l) for l in (data / "manifest.jsonl").read_text().splitlines()]
    if n:
        manifest = sorted(random.Random(7).sample(manifest, min(n, len(manifest))), key=lambda m: m["id"])
    packset = _packset(raw)
    rows, snip, spent, errors = [], [0, 0, 0, 0], 0.0, 0
    for m in manifest:
        id_ = m["id"]
        html = (data / f"{id_}.html").read_text(encoding="utf-8")
        start = time.perf_counter()
        try:
            if raw:
                text = html_to_text(html, url=m.get("url"), packset=packset).text
            else:
                text = clean(html, url=m.get("url"), html=True)
        except Exception as exc:  # report, keep going
            errors += 1
            print(f"  {id_}: {type(exc).__name__}: {exc}", file=sys.stderr)
            text = ""
        spent += time.perf_counter() - start
        if out:
            (out / name).mkdir(parents=True, exist_ok=True)
            (out / name / f"{id_}.txt").write_text(text, encoding="utf-8")
        gold = data / f"{id_}.txt"
        if gold.exists():
            r = score.doc_scores(gold.read_text(encoding="utf-8"), text)
            r["id"] = id_
            rows.append(r)
        else:
            item = json.loads((data / f"{id_}.json").read_text(encoding="utf-8"))
            c = score.snippet_counts(item, text)
            snip = [a + b for a, b in zip(snip, c)]
            rows.append({"id": id_, "miss": c[2], "leak": c[1]})
    res = {"set": name, "n": len(manifest), "docs_per_s": len(manifest) / spent if spent else 0,
           "errors": errors}
    if "sh4_p" in rows[0]:
        agg = score.aggregate(rows, "sh4")
        res.update(p=agg["p"], r=agg["r"], f1=agg["f1"])
        line = f"sh4 P/R/F1 {agg['p']:.3f}/{agg['r']:.3f}/{agg['f1']:.3f}"
        bad = sorted(rows, key=lambda r: r["sh4_f1"])[:worst]
        detail = [f"    {r['id']}: P {r['sh4_p']:.2f} R {r['sh4_r']:.2f} F1 {r['sh4_f1']:.2f}" for r in bad]
    else:
        tp, fp, fn, tn = snip
        res.update(with_=tp / max(1, tp + fn), without_absent=tn / max(1, fp + tn))
        line = f"with {res['with_']:.3f} without-absent {res['without_absent']:.3f}"
        bad = sorted(rows, key=lambda r: -(r["miss"] + r["leak"]))[:worst]
        detail = [f"    {r['id']}: missed {r['miss']} leaked {r['leak']}" for r in bad]
    print(f"{name:<16} n={len(manifest):<4} {line}  {res['docs_per_s']:.0f} docs/s"
          + (f"  ERRORS {errors}" if errors else ""), flush=True)
    for d in detail:
        print(d)
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", default=list(SETS))
    ap.add_argument("-n", type=int, default=None, help="a fixed random sample of each set")
    ap.add_argument("--raw", action="store_true", help="score the HTML reader's text, no text rules")
    ap.add_argument("--no-classify", action="store_true",
                    help="what-if: the full pipeline without the line classifier (kind classify)")
    ap.add_argument("--out", type=Path, help="write each output to OUT/SET/ID.txt")
    ap.add_argument("--worst", type=int, default=0, help="list the N worst documents")
    args = ap.parse_args()
    if args.no_classify:
        from cleaner.engine.kinds.classify import ClassifyRule

        ClassifyRule.apply = lambda self, ctx: None
    for name in args.sets:
        run(name, args.n, args.raw, args.out, args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
