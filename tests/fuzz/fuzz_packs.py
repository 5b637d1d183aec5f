#!/usr/bin/env python3
"""Fuzz pack loading: random YAML through the loader, the schema and lint; not part of the suite.

    python tests/fuzz/fuzz_packs.py                    # 60 s
    python tests/fuzz/fuzz_packs.py --seconds 600 --engine random
    python tests/fuzz/fuzz_packs.py --replay tests/fuzz/findings/packs-<sig>.yaml

Each input is a pack file's text. The structure-aware mutator (``--engine random`` without
atheris, or atheris's custom mutator) starts from the shipped packs and a few hostile seeds and
edits them as YAML: keys and values swapped, retyped (``no``, ``0o12``, ``.nan``, dates,
``!!python/object``), duplicated, deleted; anchors and aliases added (bombs and loops); lists
nested deeper; patterns with nested repeats, huge counts, broken escapes; lines spliced.

Invariants, for every input:

- loading (:func:`cleaner.engine.safeyaml.load_yaml`), validating (:func:`cleaner.engine.schema.validate_pack`)
  and building a valid pack (:func:`cleaner.engine.packs.build_pack`) raise nothing but
  :class:`cleaner.PackError`, and every PackError names the file and, where it has one, a line
  inside it;
- :func:`cleaner.authoring.lint.lint_files` on the text raises nothing and returns a report;
- time: an input that takes over 5 s (lint's probes have a budget each) is a finding, and one
  that allocates past ``--rss-mb`` is cut off by an address-space limit (a MemoryError is a
  finding, not a crash of the fuzzer).

Each distinct failure (its kind and where it happened) is saved once, the smallest input seen,
as ``findings/packs-<sig>.yaml`` beside a ``.json`` saying what went wrong.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SLOW_SECONDS = 5.0
PATH = "fuzz.yaml"

SEEDS = [
    "pack: p\nrules:\n  - id: r\n    category: ad\n    line: '^ZZZ$'\n"
    "    examples: {drop: [ZZZ], keep: [x]}\n",
    "pack: p\nmatch: {domains: [example.org], languages: [no], signatures: ['(\\w+\\s?)*$']}\n"
    "rules: []\n",
    "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n",
    "pack: p\nrules: " + "[" * 40 + "]" * 40 + "\n",
    "pack: p\nrules: !!python/object/apply:os.system ['true']\n",
    "pack: p\nrules:\n  - id: r\n    category: ad\n    line: '(?:(?:a{40}){40}){40}'\n"
    "    line: x\n    case_sensitive: \"no\"\n    max_words: .nan\n",
    "<<: *missing\npack: [1, 2]\nrules: {a: b}\n",
]
VALUES = ["no", "yes", "on", "~", "null", "0o12", "012", "0x1F", "1e3", ".inf", ".nan", "-1",
          "2024-01-01", "1:20", "'quoted'", "\"no\"", "[]", "{}", "[a, [b, [c]]]", "!!binary aGk=",
          "!!python/object:os.system x", "!!set {a}", "&x [1]", "*x", "'(a+)+$'", "'(\\w+\\s?)+$'",
          "'[a-'", "'\\p{'", "'a{99999}{99999}'", "'(?P<n>x)(?P=n)'", "'x' * 3", "|\n  block",
          "\"\\ud800\"", "\"\\x00\"", "true", "false", "0", "5.5"]
KEYS = ["pack", "rules", "match", "id", "category", "line", "trim", "section", "rest", "repeat",
        "density", "selector", "examples", "drop", "keep", "case_sensitive", "timeout",
        "max_words", "min_position", "require", "disable", "stopwords", "signatures",
        "languages", "domains", "<<", "? complex", "thread_stamps"]


def shipped_texts() -> list[str]:
    from cleaner.engine.packs import shipped_pack_files

    return [text for _path, text in shipped_pack_files()]


# -- the check ---------------------------------------------------------------------------------
class Failure(Exception):
    def __init__(self, kind: str, where: str, detail: str = ""):
        super().__init__(f"{kind} {where}")
        self.kind, self.where, self.detail = kind, where, detail

    @property
    def signature(self) -> str:
        return f"{self.kind}:{self.where}"


def _where(exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/cleaner/" in f.filename]
    f = frames[-1] if frames else traceback.extract_tb(exc.__traceback__)[-1]
    return f"{type(exc).__name__}@{Path(f.filename).name}:{f.name}"


def check(text: str) -> None:
    """Every invariant for one pack text; raises Failure."""
    from cleaner.errors import PackError
    from cleaner.authoring.lint import lint_files
    from cleaner.engine.packs import build_pack
    from cleaner.engine.safeyaml import load_yaml
    from cleaner.engine.schema import validate_pack

    started = time.perf_counter()
    try:
        try:
            data = load_yaml(text, PATH)
            problems = validate_pack(data, PATH)
            if not problems:
                build_pack(data, PATH, shipped=False)
        except PackError as exc:
            problems = [exc]
        last = text.count("\n") + 2  # the parser may point just past the end of the text
        for problem in problems:
            if problem.path != PATH or (problem.line is not None and not 0 < problem.line <= last):
                raise Failure("bad-location", problem.message[:40], str(problem))
        report = lint_files([(PATH, text)])
        if report.files != 1:
            raise Failure("lint-report", f"files={report.files}")
    except Failure:
        raise
    except MemoryError as exc:
        raise Failure("memory", _where(exc), traceback.format_exc()) from None
    except RecursionError as exc:
        raise Failure("recursion", _where(exc), traceback.format_exc()) from None
    except Exception as exc:  # noqa: BLE001 - the point of the exercise
        raise Failure("exception", _where(exc), traceback.format_exc()) from None
    seconds = time.perf_counter() - started
    if seconds > SLOW_SECONDS:
        raise Failure("slow", "lint", f"{seconds:.1f} s")


# -- the mutator -------------------------------------------------------------------------------
def mutate(rng: random.Random, text: str) -> str:
    lines = text.split("\n") or [""]
    for _ in range(rng.choice([1, 1, 2, 3, 5])):
        op = rng.randrange(9)
        i = rng.randrange(len(lines))
        indent = " " * (len(lines[i]) - len(lines[i].lstrip()))
        if op == 0:  # a value retyped
            key = lines[i].split(":", 1)[0] if ":" in lines[i] else indent + rng.choice(KEYS)
            lines[i] = f"{key}: {rng.choice(VALUES)}"
        elif op == 1:  # a key added, or given twice
            lines.insert(i, f"{indent}{rng.choice(KEYS)}: {rng.choice(VALUES)}")
        elif op == 2 and len(lines) > 1:
            del lines[i]
        elif op == 3:  # a line duplicated elsewhere
            lines.insert(rng.randrange(len(lines) + 1), lines[i])
        elif op == 4:  # an anchor and aliases to it
            lines[i] = lines[i] + " &a" if ":" in lines[i] else lines[i]
            lines.insert(rng.randrange(len(lines) + 1), f"{indent}x: [{', '.join(['*a'] * rng.randint(1, 30))}]")
        elif op == 5:  # deeper
            depth = rng.choice([5, 31, 33, 200, 999, 1001])
            lines.insert(i, f"{indent}{rng.choice(KEYS)}: " + "[" * depth + "]" * depth)
        elif op == 6:  # a hostile pattern
            pattern = rng.choice(["(a|aa)+$", "(\\w+\\s?)*$", "(?:[a-z]+\\.)+[a-z]+@", "(\\S+\\s+)*x$",
                                  "(?:(?:a{40}){40}){40}", "\\p{L}{1,1000}", "[[:alpha:]]+", "(?>a+)+",
                                  "x{,5}", "(?i)(?-i:A)", "\\", "[", "(?P<a>", "\\N{BOGUS}"])
            lines.insert(i, f"{indent}{rng.choice(['line', 'trim', 'section', 'rest', 'signatures'])}: "
                            f"'{pattern}'")
        elif op == 7:  # a splice of bytes-ish noise
            lines[i] = lines[i][:rng.randrange(len(lines[i]) + 1)] + rng.choice(
                ["\t", "\x00", "\ufeff", "\ud800", ": :", "- -", "{", "[", "'", '"', "!!", "&", "*", "%YAML 1.1"])
        else:  # indentation changed
            lines[i] = " " * rng.choice([0, 1, 2, 4, 6]) + lines[i].lstrip()
    return "\n".join(lines)


# -- running -----------------------------------------------------------------------------------
def save(out: Path, failure: Failure, text: str, sizes: dict) -> None:
    sig = failure.signature
    name = "packs-" + hashlib.sha1(sig.encode()).hexdigest()[:10]
    if sizes.get(sig, 1 << 60) <= len(text):
        return
    first = sig not in sizes
    sizes[sig] = len(text)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{name}.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    (out / f"{name}.json").write_text(json.dumps({"signature": sig, "size": len(text),
                                                  "detail": failure.detail[-4000:]}, indent=1))
    if first:
        print(f"[fuzz-packs] NEW {sig} -> {out / name}.yaml", flush=True)


def one(text: str, out: Path, sizes: dict) -> None:
    try:
        check(text)
    except Failure as failure:
        save(out, failure, text, sizes)


def run_random(seconds: float, seed: int, out: Path) -> dict:
    rng = random.Random(seed)
    pool = SEEDS + shipped_texts()
    sizes: dict = {}
    deadline, count = time.time() + seconds, 0
    while time.time() < deadline:
        text = mutate(rng, rng.choice(pool))
        one(text, out, sizes)
        count += 1
        if rng.random() < 0.05 and len(pool) < 2000:
            pool.append(text)
    print(f"[fuzz-packs] {count} inputs in {seconds:.0f} s; {len(sizes)} signature(s)")
    return sizes


def run_atheris(seconds: float, seed: int, out: Path) -> None:
    import atheris

    with atheris.instrument_imports(include=["cleaner"]):
        import cleaner.authoring.lint  # noqa: F401
    sizes: dict = {}
    pool = SEEDS + shipped_texts()

    def target(data: bytes) -> None:
        one(data.decode("utf-8", "surrogateescape"), out, sizes)

    def mutator(data: bytes, max_size: int, mseed: int) -> bytes:
        rng = random.Random(mseed)
        text = data.decode("utf-8", "surrogateescape") if data and rng.random() > 0.1 \
            else rng.choice(pool)
        return mutate(rng, text).encode("utf-8", "surrogateescape")[:max_size]

    atheris.Setup([sys.argv[0], f"-max_total_time={int(seconds)}", f"-seed={seed}",
                   "-max_len=200000", "-rss_limit_mb=4096"], target, custom_mutator=mutator)
    atheris.Fuzz()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=str(HERE / "findings"))
    try:
        import atheris  # noqa: F401
        default = "atheris"
    except ImportError:
        default = "random"
    ap.add_argument("--engine", choices=("atheris", "random"), default=default)
    ap.add_argument("--rss-mb", type=int, default=3072, help="address-space limit (MB)")
    ap.add_argument("--replay", type=Path, help="check one saved input (.yaml)")
    args = ap.parse_args(argv)
    limit = args.rss_mb << 20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))  # a bomb is a MemoryError, caught
    if args.replay:
        try:
            check(args.replay.read_text(encoding="utf-8", errors="surrogateescape"))
        except Failure as failure:
            print(failure.signature)
            print(failure.detail)
            return 1
        print("ok")
        return 0
    out = Path(args.out)
    if args.engine == "atheris":
        run_atheris(args.seconds, args.seed, out)
        return 0
    sizes = run_random(args.seconds, args.seed, out)
    return 1 if sizes else 0


if __name__ == "__main__":
    sys.exit(main())
