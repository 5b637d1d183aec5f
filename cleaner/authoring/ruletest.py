"""Checking rules against their own examples (what an example asks: :mod:`cleaner.engine.examples`),
rules that other rules shadow, and packs against their corpus samples.

This module backs both the test suite and ``cleaner rules test``, so pack authors get the same
verdicts the project's own CI gives.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..engine.apply import run_rules
from ..engine.examples import ExampleFailure, explained_diff
from ..engine.kinds.base import Rule
from ..engine.packs import PackSet, in_phase_order
from ..engine.pipeline import clean_text


def check_rule(rule: Rule, packset: PackSet) -> list[ExampleFailure]:
    """Every way ``rule`` disagrees with its own examples (an empty list: it passes); each
    kind owns its check (:mod:`cleaner.engine.examples` for the text kinds)."""
    return rule.example_failures(packset)


def shadowed(rule: Rule, packset: PackSet) -> list[ExampleFailure]:
    """The drop examples of ``rule`` that other rules take first when the packs it runs with
    are in force (the generic pack and its own pack): a rule that never gets to fire is dead
    weight, and its extent (a sponsored unit's pitch, a section's teasers) is lost with it
    ("Sponsored" taken as a bare label before the sponsored kind saw its ad unit)."""
    if not rule.ON_TEXT or rule.NEEDS_CONTEXT:
        return []
    pack = packset.owner.get(rule.id)
    packs = [p for p in packset.packs if p.kind == "generic" or p is pack]
    # in the order the engine runs them (a language pack's rule before the generic one's)
    in_force = in_phase_order([r for p in packs for r in p.rules
                               if r.id not in packset.disabled and packset.owner.get(r.id) is p
                               and r.ON_TEXT], packs)
    found = []
    for example in rule.examples.get("drop") or []:
        text = example["text"] if isinstance(example, dict) else example
        result = run_rules(text, in_force, packset)
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


SAMPLE_SUFFIXES = (".txt", ".html")
NOT_SAMPLES = ("README.txt",)  # the scaffold's note in a samples folder


def sample_files(folder: Path, suffixes: tuple[str, ...] = SAMPLE_SUFFIXES) -> list[Path]:
    """Every sample in ``folder``: each NAME.txt (or NAME.html) but the expected outputs,
    whether or not its NAME.expected.txt and NAME.meta.yaml are there (see
    :func:`sample_problems`: a sample without them is an error, never skipped)."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in suffixes
                  and not p.name.endswith(".expected.txt") and p.name not in NOT_SAMPLES)


def sample_problems(path: Path, site: bool = False) -> list[str]:
    """What a sample lacks: its NAME.expected.txt, and a NAME.meta.yaml with a ``url`` (the
    page's address; null for a text with no page, such as one written for the project, but
    never for a ``site`` pack's sample, which its url chooses) and a ``licence`` (the text's;
    the project's licence for a text written for it). An empty list: complete."""
    import yaml

    problems = []
    stem = path.name[: -len(path.suffix)]
    expected = path.with_name(stem + ".expected.txt")
    if not expected.exists():
        problems.append(f"no {expected.name} beside it: write the output the sample must give")
    meta_path = path.with_name(stem + ".meta.yaml")
    if not meta_path.exists():
        problems.append(f"no {meta_path.name} beside it: give the text's source, url and licence")
        return problems
    try:
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        return problems + [f"unreadable {meta_path.name}: {exc}"]
    if not isinstance(meta, dict):
        return problems + [f"{meta_path.name} is not a mapping of source, url, licence, ..."]
    url = meta.get("url")
    if "url" not in meta:
        problems.append(f"no url in {meta_path.name}: give the page's address (url: null for a "
                        "text with no page, such as one written for the project)")
    elif url is None and site:
        problems.append(f"url is null in {meta_path.name}: a site pack's sample needs its page's "
                        "address, which chooses the pack")
    elif url is not None and not (isinstance(url, str) and url.startswith(("http://", "https://"))):
        problems.append(f"url {url!r} in {meta_path.name} is not a web address")
    licence = meta.get("licence")
    if not (isinstance(licence, str) and licence.strip()):
        problems.append(f"no licence in {meta_path.name}: name the text's licence (the "
                        "project's, MIT, for a text written for it)")
    return problems


def samples_for(pack_path: str, pack_name: str) -> list:
    """Corpus samples of a pack: ``corpus_samples/<pack name>/`` beside the pack's folder,
    or one or two folders up (the project's own ``corpus_samples`` for shipped packs)."""
    folder = Path(pack_path).parent
    for base in (folder, folder.parent, folder.parent.parent, Path.cwd()):
        candidate = base / "corpus_samples" / pack_name
        if candidate.is_dir():
            return sample_files(candidate, (".txt",))
    return []


def check_sample(path, packset: PackSet, pack_name: str) -> Optional[SampleFailure]:
    """Check one sample's files (:func:`sample_problems`), clean it (with its meta url) and
    compare with its expected file: a unified diff naming the rule behind each difference."""
    import yaml

    from ..text.decode import to_text

    problems = sample_problems(path, site=True)
    if problems:
        return SampleFailure(pack_name, path.name, "; ".join(problems))
    meta = yaml.safe_load(path.with_name(path.stem + ".meta.yaml").read_text(encoding="utf-8"))
    expected = path.with_name(path.stem + ".expected.txt")
    want = expected.read_text(encoding="utf-8")
    want = want if want.endswith("\n") or not want else want + "\n"
    text = to_text(path.read_bytes())
    result = clean_text(text, url=meta.get("url"), packset=packset)
    if result.text == want:
        return None
    return SampleFailure(pack_name, path.name, f"output differs from {expected.name}:\n"
                         + explained_diff(text, result, want, expected.name))
