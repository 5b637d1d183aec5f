"""Where the dev bench keeps each input, for the bench scripts (not part of the package)."""
from __future__ import annotations

from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "dev-bench"


def input_path(mode: str, dataset: str, page_id: str) -> Path:
    """A page's input for a devcheck row mode: ``text`` is its whole-text dump, ``post:SYSTEM``
    what that extractor pulled out of it."""
    if mode == "text":
        return BENCH / dataset / f"{page_id}.dump.txt"
    return BENCH / "extracted" / mode.split(":", 1)[1] / dataset / f"{page_id}.txt"
