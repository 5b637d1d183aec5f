#!/usr/bin/env python3
"""Run chosen devcheck rows only (same sampling as devcheck --quick), for quick A/B checks.

    .venv/bin/python bench/rows.py text:cleanportaleval post:trafilatura:dragnet --limit 60
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT.parent / "shared" / "tools"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(TOOLS))


def main() -> int:
    import devcheck
    from cleaner import clean

    parser = argparse.ArgumentParser()
    parser.add_argument("rows", nargs="+", help="MODE:DATASET, e.g. text:dragnet, post:resiliparse:cleaneval")
    parser.add_argument("--limit", type=int, default=60, help="pages per row (0: all)")
    args = parser.parse_args()
    for row in args.rows:
        mode, _, dataset = row.rpartition(":")
        devcheck.run_set(clean, mode, ROOT.parent / "shared" / "dev-bench" / dataset,
                         args.limit or None, time.monotonic() + 3600)
    return 0


if __name__ == "__main__":
    sys.exit(main())
