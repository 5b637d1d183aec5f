"""``cleaner rules lint``: every problem in a set of pack files, each as ``FILE:LINE: advice``.

Beyond the schema (:mod:`cleaner.schema`), lint checks what only shows across packs (duplicate
rule ids, a rule whose drop examples another rule takes first) or at run time: patterns that
backtrack catastrophically. It also notes (without
failing) patterns the prefilter cannot bound, which are searched on every line. Each pattern is run, under
a short timeout, against adversarial strings built from its own characters (long runs of one
or two of them, ending in a character that makes the match fail late), the shape that makes
``^(a|aa)+$`` take exponential time on ``aaaa...ab``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import regex

from .errors import PackError
from .packs import build_pack, shipped_pack_files
from .safeyaml import load_yaml
from .schema import validate_pack

PROBE_TIMEOUT = 0.25  # seconds one adversarial probe may take before the pattern is flagged
PROBE_LENGTH = 2500
_BASE_ALPHABET = "a0 .-x\t"


@dataclass
class LintReport:
    files: int
    problems: list[PackError]
    notes: list[PackError] = field(default_factory=list)  # advice that does not fail lint


def _alphabet(pattern: str) -> list[str]:
    chars = []
    for ch in regex.sub(r"\\[pPN]\{[^}]*\}|\\[a-zA-Z]", "", pattern) + _BASE_ALPHABET:
        if ch.isprintable() and ch not in "()[]{}|*+?^$\\" and ch not in chars:
            chars.append(ch)
    return chars[:14]


def adversarial_strings(pattern: str) -> Iterable[str]:
    """Long runs of one character or an alternating pair, each ending in a spoiler."""
    chars = _alphabet(pattern)
    for c in chars:
        yield c * PROBE_LENGTH + "\x00!"
    for i, a in enumerate(chars[:6]):
        for b in chars[i + 1:6]:
            yield (a + b) * (PROBE_LENGTH // 2) + "\x00!"


def catastrophic(compiled, pattern: str) -> Optional[str]:
    """The first probe the pattern cannot finish within ``PROBE_TIMEOUT``, or None."""
    for probe in adversarial_strings(pattern):
        try:
            compiled.search(probe, timeout=PROBE_TIMEOUT)
        except TimeoutError:
            return probe
    return None


def lint_files(paths: Iterable[tuple[str, str]]) -> LintReport:
    """Lint (path, text) pairs as one set: ids must be unique across all of them."""
    problems: list[PackError] = []
    notes: list[PackError] = []
    seen_ids: dict[str, str] = {}
    built = []  # the packs that built, for the check that needs them all (shadowing)
    count = 0
    for path, text in paths:
        count += 1
        try:
            data = load_yaml(text, path)
        except PackError as exc:
            problems.append(exc)
            continue
        found = validate_pack(data, path)
        problems.extend(found)
        if found:
            continue
        try:
            pack = build_pack(data, path, shipped=False)
        except PackError as exc:
            problems.append(exc)
            continue
        built.append(pack)
        for rule in pack.rules:
            where = f"{seen_ids[rule.id]}" if rule.id in seen_ids else None
            if where:
                problems.append(PackError(path, rule.line_no, f"duplicate id {rule.id!r}: also in "
                                          f"{where}; rename one (ids are global across packs)", rule.id))
            else:
                seen_ids[rule.id] = path
            short_lines_only = 0 < (rule.options.get("max_words")
                                    or rule.options.get("max_heading_words") or 0) <= 20
            if rule.PATTERN and rule.KEY != "selector" and rule.literals is None \
                    and rule.longest is None and not short_lines_only:
                notes.append(PackError(
                    path, rule.line_no,
                    f"note: rule {rule.id!r} is searched on every line: no word or character "
                    "occurs in every match (a pattern that names one runs only where it occurs; "
                    "see cleaner/prefilter.py)", rule.id))
            if rule.PATTERN:
                probe = catastrophic(rule.pattern, rule.value)
                if probe is not None:
                    shown = probe[:12] + "..." if len(probe) > 12 else probe
                    problems.append(PackError(
                        path, rule.line_no,
                        f"rule {rule.id!r}: pattern backtracks catastrophically (no answer within "
                        f"{PROBE_TIMEOUT}s on {len(probe)} chars like {shown!r}); avoid nested or "
                        "overlapping repeats such as (a|aa)+ or (\\w+\\s?)+", rule.id))
    if not problems and built:
        problems.extend(_shadowed(built))
    return LintReport(count, problems, notes)


def _shadowed(built: list) -> list[PackError]:
    """Drop examples that another rule takes first, with the linted packs in force beside the
    shipped ones (a private pack's rule can be shadowed by a shipped one)."""
    from .packs import PackSet, load_pack
    from .ruletest import shadowed

    linted = {pack.path for pack in built}
    shipped = [load_pack(path, text, shipped=True) for path, text in shipped_pack_files()
               if path not in linted]
    packset = PackSet(shipped + built)
    found = []
    for pack in built:
        for rule in pack.rules:
            for failure in shadowed(rule, packset):
                shown = failure.example if len(failure.example) <= 60 else failure.example[:57] + "..."
                found.append(PackError(pack.path, rule.line_no,
                                       f"rule {rule.id!r}: drop example {shown!r} is {failure.problem}",
                                       rule.id))
    return found


def pack_sources(paths: Iterable[str | Path]) -> list[tuple[str, str]]:
    """(path, text) for the given files and folders, or every shipped pack when none given."""
    paths = list(paths)
    if not paths:
        return shipped_pack_files()
    from .packs import extra_pack_files

    sources = []
    for file in extra_pack_files(paths):
        try:
            sources.append((str(file), file.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            sources.append((str(file), f"\x00unreadable: {exc}"))
    return sources
