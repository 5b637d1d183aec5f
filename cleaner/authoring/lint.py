"""``cleaner rules lint``: every problem in a set of pack files, each as ``FILE:LINE: advice``.

Beyond the schema (:mod:`cleaner.engine.schema`, which also refuses patterns too big to compile), lint
checks what only shows across packs (duplicate rule ids, a rule whose drop examples another
rule takes first) or at run time: patterns that backtrack catastrophically
(:mod:`cleaner.authoring.backtrack`, by shape and by trial). Every pattern of a pack goes through it:
each rule's, of every kind, and the site signatures. It also notes (without failing) patterns
the prefilter cannot bound, which are searched on every line.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from .backtrack import PROBE_TIMEOUT, catastrophic, nested_overlap
from ..engine.matching import MAX_PATTERN_CHARS
from ..errors import PackError
from ..engine.packs import SIGNATURE_WINDOW, build_pack, shipped_pack_files
from ..engine.registry import KINDS
from ..engine.safeyaml import load_yaml
from ..engine.schema import validate_pack


@dataclass
class LintReport:
    files: int
    problems: list[PackError]
    notes: list[PackError] = field(default_factory=list)  # advice that does not fail lint


def backtracking(compiled, pattern: str, flags: int, longest: int) -> Optional[str]:
    """Why ``pattern`` backtracks catastrophically (searched on up to ``longest`` chars), or None."""
    shape = nested_overlap(pattern, flags)
    if shape:
        return f"{shape}: a run splits into iterations in exponentially many ways"
    probe = catastrophic(compiled, pattern, longest, flags)
    if probe is not None:
        shown = probe[:12] + "..." if len(probe) > 12 else probe
        return f"no answer within {PROBE_TIMEOUT}s on {len(probe)} chars like {shown!r}"
    return None


ADVICE = ("avoid nested or overlapping repeats such as (a|aa)+ or (\\w+\\s?)+: make the inner "
          "part need a character the rest cannot match, or use a possessive repeat (\\w++)")


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
        notes.extend(_old_vocabulary(data, pack, path))
        for rule in pack.rules:
            where = f"{seen_ids[rule.id]}" if rule.id in seen_ids else None
            if where:
                problems.append(PackError(path, rule.line_no, f"duplicate id {rule.id!r}: also in "
                                          f"{where}; rename one (ids are global across packs)", rule.id))
            else:
                seen_ids[rule.id] = path
            short_lines_only = 0 < (rule.options.get("max_words") or 0) <= 20
            if rule.PATTERN and rule.literals is None \
                    and rule.longest is None and not short_lines_only:
                notes.append(PackError(
                    path, rule.line_no,
                    f"note: rule {rule.id!r} is searched on every line: no word or character "
                    "occurs in every match (a pattern that names one runs only where it occurs; "
                    "see cleaner/engine/prefilter.py)", rule.id))
            if rule.PATTERN:
                why = backtracking(rule.pattern, rule.value, rule.pattern.flags, MAX_PATTERN_CHARS)
                if why:
                    problems.append(PackError(path, rule.line_no, f"rule {rule.id!r}: pattern "
                                              f"backtracks catastrophically ({why}); {ADVICE}", rule.id))
        match = data.get("match") or {}
        for sig in pack.signatures:  # searched on a document's first and last 20,000 chars
            why = backtracking(sig, sig.pattern, sig.flags, 2 * SIGNATURE_WINDOW + 1)
            if why:
                line = match.line_of("signatures") if hasattr(match, "line_of") else None
                problems.append(PackError(path, line, f"signature {sig.pattern!r} backtracks "
                                          f"catastrophically ({why}); {ADVICE}"))
    if not problems and built:
        problems.extend(_unknown_rule_ids(built))
    if not problems and built:
        problems.extend(_shadowed(built))
    return LintReport(count, problems, notes)


def _unknown_rule_ids(built: list) -> list[PackError]:
    """Options that name a rule (``RULE_ID_OPTIONS``, e.g. the classifier's ``post_marks``)
    naming one that neither the linted packs nor the shipped ones have."""
    from ..engine.packs import load_pack

    linted = {pack.path for pack in built}
    known = {rule.id for pack in built for rule in pack.rules}
    known |= {rule.id for path, text in shipped_pack_files() if path not in linted
              for rule in load_pack(path, text, shipped=True).rules}
    found = []
    for pack in built:
        for rule in pack.rules:
            for option in rule.RULE_ID_OPTIONS:
                for named in rule.options.get(option) or ():
                    if named not in known:
                        found.append(PackError(pack.path, rule.line_no,
                                               f"rule {rule.id!r}: {option} names {named!r}, "
                                               "which no pack has: give the id of a rule that "
                                               "exists (ids are global across packs)", rule.id))
    return found


def _old_vocabulary(data: dict, pack, path: str) -> list[PackError]:
    """Notes for what older packs wrote and still load: a pipeline stage listed among the
    rules, an option under its old name (:data:`cleaner.engine.kinds.base.Rule.RENAMED`)."""
    found = []
    for rule in pack.rules:
        if rule.STAGE and rule.listed_in == "rules":
            found.append(PackError(path, rule.line_no, f"note: rule {rule.id!r}: {rule.KEY} is a "
                                   "stage of the pipeline: list it under 'stages:'", rule.id))
    for spec in data.get("rules") or []:
        kind = next((KINDS[k] for k in spec if k in KINDS), None)
        for old, new in (kind.RENAMED.items() if kind else ()):
            if old in spec:
                line = spec.line_of(old) if hasattr(spec, "line_of") else None
                found.append(PackError(path, line, f"note: rule {spec.get('id')!r}: {old} is now "
                                       f"called {new}", spec.get("id")))
    return found


def _shadowed(built: list) -> list[PackError]:
    """Drop examples that another rule takes first, with the linted packs in force beside the
    shipped ones (a private pack's rule can be shadowed by a shipped one)."""
    from ..engine.packs import PackSet, load_pack
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
    from ..engine.packs import extra_pack_files

    sources = []
    for file in extra_pack_files(paths, given_by="the command line"):
        try:
            sources.append((str(file), file.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            sources.append((str(file), f"\x00unreadable: {exc}"))
    return sources
