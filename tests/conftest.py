from __future__ import annotations

import inspect
import os
from pathlib import Path

import click.testing
import pytest
import yaml

# click 8.2 (Python 3.10+) keeps stderr apart by default; on click 8.1 (all Python 3.9 gets)
# CliRunner must be asked to, or `result.stderr` raises. The tests read stdout and stderr apart.
if "mix_stderr" in inspect.signature(click.testing.CliRunner.__init__).parameters:
    _runner_init = click.testing.CliRunner.__init__

    def _separate_stderr(self, *args, mix_stderr: bool = False, **kwargs):
        _runner_init(self, *args, mix_stderr=mix_stderr, **kwargs)

    click.testing.CliRunner.__init__ = _separate_stderr

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus_samples"

# The minimal site pack, valid as it stands: tests that need a private pack use it.
EXAMPLE_PACK = """\
pack: example.org
match:
  domains: [example.org]
rules:
  - id: example-promo
    category: ad
    line: '^ZZZ-PROMO\\b.*$'
    examples:
      drop: ["ZZZ-PROMO buy two get one free"]
      keep: ["The ZZZ-PROMO campaign was investigated by regulators."]
"""
PROMO_STORY = ("Council approves new budget\n\nZZZ-PROMO buy two get one free\n\n"
               "The city council approved the new budget on Tuesday after a long debate, and the "
               "mayor said that the money would go to schools and roads.\n")


def text_samples() -> list[Path]:
    """Every plain-text corpus sample: NAME.txt with NAME.expected.txt beside it."""
    return sorted(p for p in CORPUS.rglob("*.txt")
                  if not p.name.endswith(".expected.txt") and p.with_name(p.stem + ".expected.txt").exists())


def sample_meta(path: Path) -> dict:
    meta = path.with_name(path.stem + ".meta.yaml")
    return yaml.safe_load(meta.read_text(encoding="utf-8")) if meta.exists() else {}


def expected_of(path: Path) -> str:
    text = path.with_name(path.stem + ".expected.txt").read_text(encoding="utf-8")
    return text if text.endswith("\n") else text + "\n"


def run_cli(*args, input=None):
    """The cleaner command run in-process through click's CliRunner, with every argument as
    a string (paths included); the result has .exit_code, .stdout and .stderr apart."""
    from click.testing import CliRunner

    from cleaner.io.cli import main

    return CliRunner().invoke(main, [str(a) for a in args], input=input)


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory) -> Path:
    """A folder holding the example site pack (EXAMPLE_PACK, for example.org)."""
    folder = tmp_path_factory.mktemp("packs")
    (folder / "example.org.yaml").write_text(EXAMPLE_PACK, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def packset():
    from cleaner.engine.packs import get_packset

    return get_packset()


# A site pack whose one rule backtracks badly on lines of "a"s: a document of such lines runs
# into the per-document time limit of the corpus integrations (datatrove, Spark).
SLOW_PACK = """\
pack: slow.org
match:
  domains: [slow.org]
rules:
  - id: slow-backtrack
    category: ad
    timeout: 5
    line: '^(a|aa)+$'
    examples:
      drop: ["aaa"]
      keep: ["The story goes on."]
"""


# On pytest-xdist workers (`make test`, a test file to a worker), the files that take longest
# are handed out first: one started last would leave a worker busy alone at the end. xdist
# follows this order with --no-loadscope-reorder (its default order is by number of tests).
LONGEST_FIRST = ("test_datatrove.py", "test_spark.py", "test_contributing.py", "test_hostile.py",
                 "test_properties.py", "test_parallel.py", "test_packs.py", "test_jsonl.py")


def pytest_collection_modifyitems(config, items):
    if os.environ.get("PYTEST_XDIST_WORKER"):
        rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
        items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: the rest keep their order
