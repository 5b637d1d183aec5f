"""A rule's own examples, and how a rule of the text kinds is checked against them.

An example is a string or a mapping ``{text, output}``. A rule runs *alone* on its examples,
except the revision kinds (``foreign``, ``cluster``, ``classify``), which judge what other rules
left and so run after the earlier-phase rules of the packs in force.

* ``drop`` string: the rule fires, and no line of the example survives unchanged;
* ``keep`` string: the rule does not fire;
* mapping (either list): the output is exactly ``output`` (and, under ``drop``, the rule fires).

Each kind owns its check (``Rule.example_failures``); the text kinds share the one here, the
``selector`` kind checks HTML snippets (:mod:`cleaner.html.selector`).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .apply import run_rules

if TYPE_CHECKING:
    from .packs import PackSet


@dataclass
class ExampleFailure:
    pack: str
    rule_id: str
    which: str  # "drop" or "keep"
    example: str
    problem: str

    def __str__(self) -> str:
        shown = self.example if len(self.example) <= 120 else self.example[:117] + "..."
        return f"{self.pack}: {self.rule_id}: {self.which} example {shown!r}: {self.problem}"


def _run(rule, text: str, packset: "PackSet"):
    rules = [rule]
    if rule.NEEDS_CONTEXT:
        langs = set(packset.languages())
        _, in_force = packset.select(langs, None, "")
        rules = [r for r in in_force if r.ON_TEXT and r.PHASE < rule.PHASE] + [rule]
    return run_rules(text, rules, packset)


def text_example_failures(rule, packset: "PackSet") -> list[ExampleFailure]:
    """Every way a rule of a text kind disagrees with its own examples (empty: it passes)."""
    failures: list[ExampleFailure] = []
    for which in ("drop", "keep"):
        for example in rule.examples.get(which) or []:
            text = example["text"] if isinstance(example, dict) else example
            result = _run(rule, text, packset)
            fired = any(r.rule_id == rule.id for r in result.removals)

            def fail(problem: str) -> None:
                failures.append(ExampleFailure(rule.pack_name, rule.id, which, text, problem))

            if isinstance(example, dict):
                if result.text != example["output"]:
                    fail("the output differs from the example's:\n"
                         + explained_diff(text, result, example["output"], "output"))
                elif which == "drop" and not fired:
                    fail("the rule did not fire (other rules produced the output)")
                continue
            if which == "drop":
                survivors = set(result.text.splitlines()) & {l for l in text.splitlines() if l.strip()}
                if not fired:
                    fail("missed: the rule did not fire")
                elif survivors:
                    fail(f"missed: {sorted(survivors)[0]!r} survived")
            elif fired:
                gone = [r.lines[0] for r in result.removals if r.rule_id == rule.id]
                fail(f"wrongly removed: {gone[0]!r}")
    return failures


def explained_diff(source: str, result, want: str, want_name: str = "expected") -> str:
    """A unified diff of ``want`` (expected) and ``result.text`` (actual), with output line
    numbers in its hunk headers, and after each differing line the input line it came from
    and the rule that removed it (a '-' line: expected, but removed) or that no rule took it
    (a '+' line: kept, but should go); then the run's warnings (a guard that put lines back)."""
    inputs = source.split("\n")
    rule_of: dict[int, str] = {}
    trims: dict[int, str] = {}
    for r in result.removals:
        for n in r.line_numbers:
            (trims if r.trimmed else rule_of)[n] = r.rule_id
    used: set[int] = set()

    def whence(line: str, removed: bool) -> str:
        for n, original in enumerate(inputs, start=1):
            if n in used:
                continue
            if original == line and (n in rule_of) == removed:
                used.add(n)
                if removed:
                    return f"input line {n}: removed by {rule_of[n]}"
                return f"input line {n}: kept, no rule took it" + (
                    f" (trimmed by {trims[n]})" if n in trims else "")
            if n in trims and (line in original or original in line):
                used.add(n)
                return f"input line {n}: trimmed by {trims[n]}"
        return "not an input line as it stands"

    out = []
    diff = difflib.unified_diff(want.splitlines(), result.text.splitlines(),
                                fromfile=f"{want_name} (expected)", tofile="cleaned (actual)",
                                lineterm="", n=1)
    for line in diff:
        if line.startswith(("---", "+++", "@@")) or line[:1] not in "+-" or not line[1:].strip():
            out.append(f"    {line}")
        else:
            out.append(f"    {line:<72}  # {whence(line[1:], line[0] == '-')}")
    out.extend(f"    warning: {w}" for w in result.warnings)
    return "\n".join(out)
