"""What a valid rule pack looks like, and advice when one is not.

Validation turns a loaded YAML mapping into a list of :class:`PackError` (``FILE:LINE: what is
wrong, and how to fix it``); :mod:`cleaner.engine.packs` refuses a pack with any. The same checks back
``cleaner rules lint``.
"""
from __future__ import annotations

import difflib
from typing import Any

import regex

from ..categories import CATEGORIES
from ..errors import PackError
from .patterns import compile_pattern
from .registry import KINDS, RULE_KINDS, STAGES

PACK_KEYS = ("pack", "description", "match", "stopwords", "rules", "stages", "disable")
MATCH_KEYS = ("domains", "languages", "signatures")
# no_corpus_sample: why no sample in corpus_samples/ exercises the rule (tests/test_rules.py asks
# every other rule to fire on one).
COMMON_RULE_KEYS = ("id", "category", "description", "examples", "timeout", "case_sensitive",
                    "evidence", "no_corpus_sample")


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _line(node: Any, key: str | None = None) -> int | None:
    if key is not None and hasattr(node, "line_of"):
        return node.line_of(key)
    return getattr(node, "line", None)


def validate_pack(data: Any, path: str, compile_patterns: bool = True) -> list[PackError]:
    """Every problem in one pack's data; an empty list means the pack is valid.

    ``compile_patterns=False`` leaves regex syntax to :func:`cleaner.engine.packs.build_pack`, which
    compiles each pattern once anyway and reports a bad one with the same file and line."""
    problems: list[PackError] = []

    def bad(node: Any, key: str | None, message: str, rule_id: str | None = None) -> None:
        problems.append(PackError(path, _line(node, key), message, rule_id))

    if not isinstance(data, dict):
        return [PackError(path, 1, "a pack is a mapping with keys 'pack' and 'rules'; this file is "
                          f"{type(data).__name__ if data is not None else 'empty'}")]
    for key in data:
        if key not in PACK_KEYS:
            bad(data, key, f"unknown key {key!r}{did_you_mean(key, PACK_KEYS)}; a pack may have "
                + ", ".join(PACK_KEYS))
    if not isinstance(data.get("pack"), str) or not data.get("pack"):
        bad(data, "pack", "missing 'pack': give the pack a name, e.g. 'pack: example.org'")
    if not isinstance(data.get("description", ""), str):
        bad(data, "description", "'description' must be text")
    match = data.get("match", {})
    if not isinstance(match, dict):
        bad(data, "match", "'match' must be a mapping with domains, languages or signatures")
    else:
        for key, value in match.items():
            if key not in MATCH_KEYS:
                bad(match, key, f"unknown match key {key!r}{did_you_mean(key, MATCH_KEYS)}")
            elif not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                bad(match, key, f"match.{key} must be a list of strings")
            elif key == "signatures":
                for sig in value:
                    problem = _pattern_problem(sig)
                    if problem:
                        bad(match, key, f"signature {sig!r} is not a valid regex: {problem}")
    stopwords = data.get("stopwords", [])
    if not isinstance(stopwords, list):
        bad(data, "stopwords", "'stopwords' must be a list of words")
    else:
        odd = [w for w in stopwords if not isinstance(w, str)]
        if odd:
            bad(data, "stopwords", f"stopwords {odd[:5]!r} are not strings: quote them "
                "(YAML reads bare true/false as booleans, digits as numbers, null as nothing)")
    disable = data.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(w, str) for w in disable):
        bad(data, "disable", "'disable' must be a list of rule ids")
    seen: dict[str, int] = {}
    for section in ("rules", "stages"):
        entries = data.get(section, [])
        if not isinstance(entries, list):
            bad(data, section, f"'{section}' must be a list of rules (each starting with '- id: ...')")
            continue
        for rule in entries:
            problems.extend(validate_rule(rule, path, seen, compile_patterns, section))
    return problems


def validate_rule(rule: Any, path: str, seen: dict[str, int],
                  compile_patterns: bool = True, section: str = "rules") -> list[PackError]:
    """Every problem in one entry of a pack's ``rules:`` (or ``stages:``, which take the
    pipeline's stages only)."""
    problems: list[PackError] = []
    kinds = KINDS
    line = getattr(rule, "line", None)
    if not isinstance(rule, dict):
        return [PackError(path, line, "each rule is a mapping with id, category, a kind and examples")]
    rule_id = rule.get("id")

    def bad(key: str | None, message: str) -> None:
        where = rule.line_of(key) if (key and hasattr(rule, "line_of")) else line
        problems.append(PackError(path, where, message, rule_id if isinstance(rule_id, str) else None))

    if not isinstance(rule_id, str) or not rule_id:
        bad("id", "rule without an 'id': add a unique, descriptive one, e.g. 'id: en-cookie-banner'")
        rule_id = None
    elif rule_id in seen:
        bad("id", f"duplicate id {rule_id!r} (first at line {seen[rule_id]}): ids must be unique")
    else:
        seen[rule_id] = rule.line_of("id") if hasattr(rule, "line_of") else 0
    name = f"rule {rule_id!r}" if rule_id else "rule"
    category = rule.get("category")
    if category not in CATEGORIES:
        bad("category", f"{name}: category {category!r} is not one of {', '.join(CATEGORIES)}"
            + did_you_mean(category, CATEGORIES))
    present = [k for k in rule if k in kinds]
    offered = STAGES if section == "stages" else RULE_KINDS
    if len(present) != 1:
        bad(None, f"{name}: give exactly one kind key ({', '.join(offered)}); found "
            + (", ".join(present) or "none"))
        kind = None
    else:
        kind = kinds[present[0]]
        if section == "stages" and not kind.STAGE:
            bad(kind.KEY, f"{name}: {kind.KEY} is a rule kind, not a stage of the pipeline: list "
                f"it under 'rules:' (stages are {', '.join(STAGES)})")
    allowed = set(COMMON_RULE_KEYS) | set(kinds)
    if kind:
        allowed |= set(kind.OPTIONS) | set(kind.RENAMED)
        for old, new in kind.RENAMED.items():
            if old in rule and new in rule:
                bad(old, f"{name}: {old} is the old name of {new}: give {new} only")
    for key in rule:
        if key not in allowed:
            hint = did_you_mean(key, sorted(allowed))
            options = f"; {kind.KEY} rules take {', '.join(kind.OPTIONS)}" if kind and kind.OPTIONS else ""
            bad(key, f"{name}: unknown key {key!r}{hint}{options}")
    for key, wanted in COMMON_TYPES.items():
        if key in rule and not _is(rule[key], wanted):
            bad(key, f"{name}: {key} must be {_TYPE_NAMES[wanted]}, got {rule[key]!r}"
                + (" (quote nothing: write true or false)" if wanted is bool else ""))
    if kind:
        named = {**{new: old for old, new in kind.RENAMED.items() if old in rule},
                 **{option: option for option in kind.OPTIONS if option in rule}}
        for option, key in named.items():
            problem = _option_problem(rule[key], kind.OPTIONS[option])
            if problem:
                bad(key, f"{name}: {key} must be {problem}, got {rule[key]!r}")
        value = rule[kind.KEY]
        problem = kind.value_problem(value)
        if problem:
            bad(kind.KEY, f"{name}: {problem}")
        elif kind.PATTERN and compile_patterns:
            problem = _pattern_problem(value)
            if problem:
                bad(kind.KEY, f"{name}: {kind.KEY} pattern does not compile: {problem}; "
                    "check brackets and escapes (YAML single quotes keep backslashes as is)")
    if not isinstance(rule.get("evidence", False), bool):
        bad("evidence", f"{name}: evidence must be true or false (whether this rule's removals "
            "show that the text came from a web page)")
    timeout = rule.get("timeout", 0.25)
    if not isinstance(timeout, (int, float)) or isinstance(timeout, bool) or not 0 < timeout <= 5:
        bad("timeout", f"{name}: timeout must be a number of seconds between 0 and 5")
    problems.extend(_check_examples(rule, name, bad))
    return problems


# Every key a rule of any kind takes, and its type (the kind's own options are typed by their
# defaults). case_sensitive: "no" was read as true when it was only tested for truth.
COMMON_TYPES = {"id": str, "description": str, "case_sensitive": bool, "no_corpus_sample": str}
_TYPE_NAMES = {str: "text", bool: "true or false", int: "a whole number",
               float: "a number", list: "a list of non-empty strings"}


def _is(value: Any, wanted: type) -> bool:
    """``isinstance``, with booleans kept apart from numbers and ints allowed as floats."""
    if wanted is bool or isinstance(value, bool):
        return wanted is bool and isinstance(value, bool)
    if wanted is float:
        return isinstance(value, (int, float))
    return isinstance(value, wanted)


def _option_problem(value: Any, default: Any) -> str | None:
    """What a kind's option must be (from its default's type), or None when ``value`` is it."""
    wanted = type(default)
    if not _is(value, wanted):
        return _TYPE_NAMES.get(wanted, wanted.__name__)
    if wanted is list:
        if not all(isinstance(v, str) and v for v in value):
            return _TYPE_NAMES[list]
    elif wanted in (int, float) and not (0 <= value < float("inf")):
        return "a number of at least 0"
    return None


def _pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot be used (too big to compile, or invalid), or None."""
    try:
        compile_pattern(pattern)
    except regex.error as exc:
        return str(exc)
    return None


def _check_examples(rule: dict, name: str, bad) -> list[PackError]:
    examples = rule.get("examples")
    if not isinstance(examples, dict):
        bad("examples", f"{name}: add 'examples' with a 'drop' list (text the rule must remove) "
            "and a 'keep' list (text it must leave alone)")
        return []
    for key in examples:
        if key not in ("drop", "keep"):
            bad("examples", f"{name}: examples take 'drop' and 'keep', not {key!r}"
                + did_you_mean(key, ("drop", "keep")))
    for key in ("drop", "keep"):
        items = examples.get(key)
        if not isinstance(items, list) or not items:
            bad("examples", f"{name}: examples.{key} is empty: give at least one example of text "
                f"the rule must {'remove' if key == 'drop' else 'leave alone'}")
            continue
        for item in items:
            if isinstance(item, str) and item.strip():
                continue
            if isinstance(item, dict) and isinstance(item.get("text"), str) and \
                    isinstance(item.get("output"), str) and set(item) <= {"text", "output"}:
                continue
            bad("examples", f"{name}: each example is a non-empty string, or a mapping with "
                "'text' and 'output' (what the rule alone must leave)")
    return []
