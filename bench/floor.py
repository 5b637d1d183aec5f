#!/usr/bin/env python3
"""What the per-line groundwork alone costs, against the bare pass, in text mode.

    .venv/bin/python bench/floor.py               # 60 pages per dev-bench set, 5 repetitions
    .venv/bin/python bench/floor.py -n 0 --reps 3 # every page

Each row adds one piece of work that the cleaner does on every line of a page dump, in the
cleaner's own code, on the same documents as ``bench/throughput.py``:

1. the bare pass (decode, split lines, one compiled ``re`` pattern searched on each line);
2. decode and split as the cleaner does (:func:`cleaner.text.decode.to_text`, blocks indexed), and
   the words of every line (:func:`cleaner.text.words`), which the rules count;
3. the share of each line's words that are stopwords of the page's language, which the
   foreign-block check and the line classifier judge by;
4. the prefilter's scan of the page for every literal of the rules in force;
5. the ``regex`` searches the rules make (with their time budget, ``timeout=``), recorded in
   an untimed run of the cleaner and replayed: what matching the patterns costs on the lines
   the prefilter leaves them (an answer remembered from an earlier line is not a search);

then the whole cleaner. The rows are floors: none of them removes anything. Repetitions
interleave the rows; each figure is the fastest repetition (CPU seconds), with the memo caches
emptied before every run, as in ``bench/throughput.py``.

The last row is the whole cleaner again, timed on its second pass over the same pages: every
per-line and per-document answer the memo caches hold (words, stopword shares, comparable
forms, pattern answers, language verdicts, as far as the caches' sizes keep them) is already
there. It bounds what remembering more could ever give: what it costs is the rules' own
logic, which no cache removes.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from throughput import _init, bare_chunk, clean_chunk, clear_memos, pages  # noqa: E402


def groundwork(docs, langs, searches, depth: int) -> None:
    """Rows 2 to 5 (``depth``) on every document (``searches``: each one's recorded
    searches)."""
    from cleaner.text.decode import to_text
    from cleaner.engine.packs import get_packset
    from cleaner.engine.pipeline import _choose
    from cleaner.text.segment import Document
    from cleaner.text import words
    from cleaner.text.stopwords import stopword_density

    packset = get_packset()
    for (doc, url, _html), lang, searched in zip(docs, langs, searches):
        lines = Document.from_text(to_text(doc)).lines
        nonblank = [line for line in lines if line and not line.isspace()]
        for line in nonblank:
            words(line)
        if depth >= 3:
            stop = packset.model.stopwords.get(lang or "", frozenset())
            for line in nonblank:
                stopword_density(line, stop)
        if depth >= 4:
            _names, rules = _choose(packset, lang, {}, url, "\n".join(lines), ())
            packset.prefilter(rules).index(lines)
        if depth >= 5:
            for pattern, text, timeout in searched:
                pattern.search(text, timeout=timeout)


def recorded(docs) -> tuple[list, list]:
    """Each document's language and the (pattern, text, timeout) of every search its rules
    made, from one run of the cleaner (from empty caches: an answer the cleaner remembered
    from an earlier line or page is not a search)."""
    from cleaner.engine import context, matching
    from cleaner.engine.pipeline import clean_document

    langs, searches, current = [], [], []
    search, matches_line = context.Context.search, context.Context.matches_line

    def searched(rule, pattern, text):
        return pattern, matching._as_searched(rule, text), rule.timeout

    def recording_search(ctx, rule, pattern, text):
        if len(text) <= matching.MAX_PATTERN_CHARS:  # a longer line is not searched
            current.append(searched(rule, pattern, text))
        return search(ctx, rule, pattern, text)

    def recording_matches(ctx, rule, text):
        pattern, lowered, timeout = searched(rule, rule.pattern, text)
        if lowered is not None and (pattern, lowered) not in matching._MATCHED:
            current.append((pattern, lowered, timeout))
        return matches_line(ctx, rule, text)

    clear_memos()
    context.Context.search, context.Context.matches_line = recording_search, recording_matches
    try:
        for doc, url, _ in docs:
            langs.append(clean_document(doc, url=url, html=False).language)
            searches.append(current[:])
            current.clear()
    finally:
        context.Context.search, context.Context.matches_line = search, matches_line
    return langs, searches


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=60, help="pages per dev-bench set (0: all; default 60)")
    ap.add_argument("--reps", type=int, default=5, help="repetitions (default 5); the fastest counts")
    args = ap.parse_args()

    docs = [(dump, url, False) for dump, _html, url in pages(args.n)]
    _init(docs[:3])
    langs, searches = recorded(docs)
    megabytes = sum(len(doc) for doc, _, _ in docs) / 1e6
    rows = [("bare pass", lambda: bare_chunk(docs))]
    rows += [(label, lambda depth=depth: groundwork(docs, langs, searches, depth))
             for depth, label in (
        (2, "+ cleaner's split, words of every line"),
        (3, "+ stopword share of every line"),
        (4, "+ prefilter scan of the rules in force"),
        (5, f"+ the rules' {sum(map(len, searches))} timed regex searches"))]
    rows.append(("the whole cleaner", lambda: clean_chunk(docs)))
    rows.append(("the whole cleaner, memo caches warm", lambda: clean_chunk(docs)))
    warm = len(rows) - 1
    best = [float("inf")] * len(rows)
    for _ in range(args.reps):
        for k, (_label, run) in enumerate(rows):
            clear_memos()
            if k == warm:
                run()  # untimed: fills the caches
            started = time.process_time()
            run()
            best[k] = min(best[k], time.process_time() - started)
    print(f"{len(docs)} page dumps, {megabytes:.1f} MB; fastest of {args.reps} repetitions, CPU s\n")
    print(f"{'':<42}{'s':>8}{'MB/s':>8}{'x bare':>8}")
    for (label, _run), spent in zip(rows, best):
        print(f"{label:<42}{spent:8.3f}{megabytes / spent:8.2f}{spent / best[0]:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
