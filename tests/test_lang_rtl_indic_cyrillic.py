"""The packs for Arabic, Persian, Hebrew, Hindi, Ukrainian and Bulgarian (issue 20): each has
its stopwords with their source and licence, each of their samples is read as its own language
(Arabic and Persian apart, Ukrainian and Bulgarian apart from Russian), and right-to-left text
comes out as written, directional marks and all."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean_document
from cleaner.engine.packs import get_packset

from .conftest import CORPUS, expected_of, sample_meta

PACKSET = get_packset()
LANGS = ("ar", "fa", "he", "hi", "uk", "bg")
PACK_DIR = Path(__file__).resolve().parent.parent / "rules" / "lang"
SAMPLES = sorted(p for p in (CORPUS / "world").glob("*.txt")
                 if not p.name.endswith(".expected.txt") and p.name[:2] in LANGS)
DIRECTIONAL_MARKS = "\u200e\u200f\u061c\u200c"  # LRM, RLM, Arabic letter mark, ZWNJ


@pytest.mark.parametrize("code", LANGS)
def test_pack_has_stopwords_with_source_and_licence(code):
    assert code in PACKSET.languages()
    assert len(PACKSET.model.stopwords.get(code, ())) >= 150
    header = (PACK_DIR / f"{code}.yaml").read_text(encoding="utf-8").split("\npack:")[0]
    assert "Stopwords: spaCy" in header and "MIT licence" in header


def test_every_language_has_two_samples():
    for code in LANGS:
        assert sum(p.name.startswith(code + "-") for p in SAMPLES) >= 2, code


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_is_read_as_its_language(path):
    result = clean_document(path.read_text(encoding="utf-8"))
    assert result.language == sample_meta(path)["language"] == path.name[:2]
    assert result.language in result.packs  # the language pack applies


@pytest.mark.parametrize("path", [p for p in SAMPLES if p.name[:2] in ("ar", "fa")],
                         ids=lambda p: p.stem)
def test_arabic_and_persian_paragraphs_are_not_confused(path):
    """Each paragraph long enough to judge alone is read as the sample's language."""
    want = path.name[:2]
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        if len(block.split()) >= 25:
            assert PACKSET.model.document_language([block]).lang == want, block[:60]


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_kept_lines_are_the_input_lines_verbatim(path):
    """Every line of the output is a line of the input, byte for byte: no reordering of
    right-to-left text, no directional mark or joiner lost."""
    source = path.read_text(encoding="utf-8").split("\n")
    kept = [line for line in expected_of(path).split("\n") if line]
    assert kept and all(line in source for line in kept)
    marks_in = sum(line.count(m) for line in source if line in kept for m in DIRECTIONAL_MARKS)
    marks_out = sum(line.count(m) for line in kept for m in DIRECTIONAL_MARKS)
    assert marks_in == marks_out


def test_some_samples_carry_directional_marks():
    """The verbatim check above means something: Hebrew and Persian samples hold marks."""
    text = "".join(p.read_text(encoding="utf-8") for p in SAMPLES if p.name[:2] in ("he", "fa"))
    assert "\u200f" in text and "\u200c" in text
