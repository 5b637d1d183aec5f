"""The Python API: clean(), clean_document(), inputs of every shape."""
from __future__ import annotations

import pytest

from cleaner import CleanResult, InputError, clean, clean_document

STORY = ("Storm hits the coast\n\nThe storm reached the coast on Monday night, and officials said "
         "the damage was the worst in a decade.\n\nAdvertisement\n")


def test_str_and_bytes_agree():
    assert clean(STORY) == clean(STORY.encode("utf-8")) == clean(b"\xef\xbb\xbf" + STORY.encode())


def test_crlf_and_utf16_bom():
    assert clean(STORY.replace("\n", "\r\n")) == clean(STORY)
    assert clean(STORY.encode("utf-16")) == clean(STORY)


def test_invalid_utf8_is_decoded_not_fatal():
    # issue 19: Latin-1 bytes are read as what they are, not replaced with U+FFFD
    result = clean_document(b"Caf\xe9 owners protest new rules\n\nThe owners of cafes in the city "
                            b"protested on Monday.\n")
    assert "Caf\xe9 owners" in result.text and result.encoding == "cp1252"
    # damaged UTF-8 (one bad byte among good accents) stays UTF-8, the bad byte reported
    damaged = clean_document("Grüße aus Köln, schöne Straße\n".encode() + b"bad \xff byte\n")
    assert damaged.encoding == "utf-8" and "Grüße" in damaged.text and "\ufffd" in damaged.text
    assert any("could not be read as utf-8" in w for w in damaged.warnings)


def test_render_rules():
    out = clean("\n\n  \nTitle of a story here\n\n\n\nBody text of the story.\n\n\n")
    assert out == "Title of a story here\n\nBody text of the story.\n"
    assert clean("") == "" and clean("   \n\n") == ""


def test_clean_document_reports_removals():
    result = clean_document(STORY)
    assert isinstance(result, CleanResult)
    assert result.language == "en" and "generic" in result.packs and "en" in result.packs
    (removal,) = result.removals
    assert (removal.rule_id, removal.category, removal.lines, removal.line_numbers) == \
        ("en-advertisement-label", "ad", ("Advertisement",), (5,))
    assert result.to_dict()["removals"]["rule_id"] == ["en-advertisement-label"]
    assert result.to_dict()["removals"]["line_ranges"] == [[[5]]]


def test_lang_given_skips_detection():
    assert clean_document(STORY, lang="en").language_method == "given"


def test_wrong_type_is_input_error():
    with pytest.raises(InputError, match="pass the document as str or bytes"):
        clean(12)


def test_deterministic_language_detection():
    text = "Ceci est un court texte. " * 3
    assert len({clean_document(text).language for _ in range(5)}) == 1
