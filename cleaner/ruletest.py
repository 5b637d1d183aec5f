"""Checking rules against their own examples (and packs against their corpus samples).

An example is a string or a mapping ``{text, output}``. A rule runs *alone* on its examples,
except the revision kinds (``foreign``, ``cluster``, ``classify``), which judge what other rules
left and so run after the earlier-phase rules of the packs in force.

* ``drop`` string: the rule fires, and no line of the example survives unchanged;
* ``keep`` string: the rule does not fire;
* mapping (either list): the output is exactly ``output`` (and, under ``drop``, the rule fires).

This module backs both the test suite and ``cleaner rules test``, so pack authors get the same
verdicts the project's own CI gives.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from .kinds import Rule
from .packs import PackSet
from .pipeline import clean_text


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


def _run(rule: Rule, text: str, packset: PackSet):
    rules = [rule]
    if rule.NEEDS_CONTEXT:
        langs = set(packset.languages())
        _, in_force = packset.select(langs, None, "")
        rules = [r for r in in_force if r.PHASE < rule.PHASE] + [rule]
    from .context import Context  # noqa: F401  (documented dependency of the run)

    return clean_text(text, packset=packset, only_rules=rules)


def check_rule(rule: Rule, packset: PackSet) -> list[ExampleFailure]:
    """Every way ``rule`` disagrees with its own examples (an empty list: it passes)."""
    failures: list[ExampleFailure] = []
    if rule.KEY == "selector":
        from .html_examples import check_selector_rule  # HTML examples need the HTML reader

        return check_selector_rule(rule)
    for which in ("drop", "keep"):
        for example in rule.examples.get(which) or []:
            text = example["text"] if isinstance(example, dict) else example
            result = _run(rule, text, packset)
            fired = any(r.rule_id == rule.id for r in result.removals)

            def fail(problem: str) -> None:
                failures.append(ExampleFailure(rule.pack_name, rule.id, which, text, problem))

            if isinstance(example, dict):
                if result.text != example["output"]:
                    fail(f"output was {result.text!r}, expected {example['output']!r}")
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


def check_rules(rules: Iterable[Rule], packset: PackSet) -> tuple[int, list[ExampleFailure]]:
    """(number of examples checked, failures) for all ``rules``."""
    count, failures = 0, []
    for rule in rules:
        count += sum(len(rule.examples.get(k) or []) for k in ("drop", "keep"))
        failures.extend(check_rule(rule, packset))
    return count, failures


def shadowed(rule: Rule, packset: PackSet) -> list[ExampleFailure]:
    """The drop examples of ``rule`` that other rules take first when the packs it runs with
    are in force (the generic pack and its own pack): a rule that never gets to fire is dead
    weight, and its extent (a sponsored unit's pitch, a section's teasers) is lost with it
    ("Sponsored" taken as a bare label before the sponsored kind saw its ad unit)."""
    if rule.KEY == "selector" or rule.NEEDS_CONTEXT:
        return []
    pack = packset.owner.get(rule.id)
    in_force = [r for p in packset.packs if p.kind == "generic" or p is pack for r in p.rules
                if r.id not in packset.disabled and packset.owner.get(r.id) is p
                and r.KEY != "selector"]
    found = []
    for example in rule.examples.get("drop") or []:
        text = example["text"] if isinstance(example, dict) else example
        result = clean_text(text, packset=packset, only_rules=in_force)
        takers = {r.rule_id for r in result.removals}
        if takers and rule.id not in takers:
            found.append(ExampleFailure(
                rule.pack_name, rule.id, "drop", text,
                f"shadowed: {', '.join(sorted(takers))} take(s) it first, so this rule never "
                "fires on it; narrow the other rule or give the line to one rule only"))
    return found


@dataclass
class SampleFailure:
    pack: str
    sample: str
    problem: str

    def __str__(self) -> str:
        return f"{self.pack}: corpus sample {self.sample}: {self.problem}"


def samples_for(pack_path: str, pack_name: str) -> list:
    """Corpus samples of a pack: ``corpus_samples/<pack name>/`` beside the pack's folder,
    or one or two folders up (the project's own ``corpus_samples`` for shipped packs)."""
    from pathlib import Path

    folder = Path(pack_path).parent
    for base in (folder, folder.parent, folder.parent.parent, Path.cwd()):
        candidate = base / "corpus_samples" / pack_name
        if candidate.is_dir():
            return sorted(p for p in candidate.glob("*.txt") if not p.name.endswith(".expected.txt")
                          and p.with_name(p.stem + ".expected.txt").exists())
    return []


def check_sample(path, packset: PackSet, pack_name: str) -> Optional[SampleFailure]:
    """Clean one sample (with its meta url) and compare with its expected file."""
    import yaml

    from .decode import to_text

    meta_path = path.with_name(path.stem + ".meta.yaml")
    meta = {}
    if meta_path.exists():
        try:
            meta = yaml.safe_load(meta_path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            return SampleFailure(pack_name, path.name, f"unreadable {meta_path.name}: {exc}")
    want = path.with_name(path.stem + ".expected.txt").read_text(encoding="utf-8")
    want = want if want.endswith("\n") or not want else want + "\n"
    got = clean_text(to_text(path.read_bytes()), url=meta.get("url"), packset=packset).text
    if got == want:
        return None
    extra = [l for l in got.splitlines() if l.strip() and l not in want.splitlines()]
    lost = [l for l in want.splitlines() if l.strip() and l not in got.splitlines()]
    detail = []
    if extra:
        detail.append(f"kept {len(extra)} line(s) that should go, e.g. {extra[0][:80]!r}")
    if lost:
        detail.append(f"removed {len(lost)} line(s) that should stay, e.g. {lost[0][:80]!r}")
    return SampleFailure(pack_name, path.name, "; ".join(detail) or "whitespace differs")
