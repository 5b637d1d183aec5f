"""What the fuzzer (tests/fuzz/fuzz_clean.py) found, each case minimised, as fast tests.

A case whose cause is not fixed yet is marked ``xfail(strict=True)``: it fails now, and the
suite says so as soon as the fix lands (then drop the mark).
"""
from __future__ import annotations

import time

import pytest

from cleaner import clean, clean_document
from cleaner.text.decode import to_text


def _lines_are_input_lines(doc, html_out: str) -> None:
    """Every output line is a line of the decoded input (no trims happen in these cases)."""
    lines = set(to_text(doc).split("\n"))
    assert all(line in lines for line in html_out.split("\n")[:-1])


# -- fixed -----------------------------------------------------------------------------------

@pytest.mark.parametrize("doc", [b"\n\xef\xbb\xbfL", "\n\ufeffL", "Advertisement\n\ufeffStory text.\n",
                                 b"x\n\xef\xbb\xbf\xef\xbb\xbfL"])
def test_bom_inside_the_text_keeps_cleaning_idempotent(doc):
    # A U+FEFF at the start of a line became the first character of the output once the lines
    # above it were removed, and a second cleaning stripped it as a BOM (cleaner/text/decode.py now
    # drops every U+FEFF, like NULs).
    once = clean(doc, html=False)
    assert "\ufeff" not in once
    assert clean(once, html=False) == once
    _lines_are_input_lines(doc, once)


@pytest.mark.parametrize("doc", [
    b"<link rel='canonical'href=http://[>",
    "<link rel=canonical href='http://[::1/'><p>Story text.</p>",
    "<link rel=canonical href='http://[not-ipv6]/'><p>Story text.</p>",
    "<meta property='og:url' content='https://ex\uff03ample.com/'><p>Story text.</p>",
])
def test_unparseable_canonical_url_is_ignored(doc):
    # urlsplit raised ValueError (unclosed or invalid IPv6 bracket, NFKC-unsafe host) in
    # packs.host_of for the url the page declared; cleaner/html/reader.py now only takes a url that
    # parses to a host.
    result = clean_document(doc, html=True)
    assert result.html.url is None
    assert result.text in ("", "Story text.\n")


# -- not fixed yet: causes outside the HTML reader and the decoder -----------------------------

@pytest.mark.parametrize("url", ["http://[", "https://[::1", "http://ex\uff03ample.com/"])
def test_unparseable_url_argument_does_not_raise(url):
    assert clean("Storm hits the coast\n\nThe storm reached the coast on Monday night.\n",
                 url=url) .startswith("Storm hits the coast")


@pytest.mark.parametrize("doc", [
    # fr -> de: de-share-residue takes "Tweet" on the second pass (kath.net signature gone too)
    b"n c o w s ge H Er an Wo ein im ist da s h a die r\nTweet\nLesermeinungen\nkath.net beh"
    b"\xc3\xa4lt sich vor, Kommentare cnt comme comment comment commen commnt cmnt men",
    # de -> en: en-comments-rest and en-dateline on the second pass
    b"zun\xc3\xa4chst er dieser auch das ptssnot gh i can become a pe of a pee\nView all Comments"
    b"\xc2\xbb\n7:42 pm 7 2011\nWeitere Themen",
    # en -> fr: fr-byline, fr-dateline, fr-photo-credit on the second pass ("R" lines removed)
    "A P-8 n u e p d\udc80s\nPar K\nLe7/2/20\nF (C) l l\n" + "R\n" * 26 + "Rl",
    # es -> pt: pt-dateline, pt-advertisement-label, pt-subscribe-cta on the second pass
    b"4 de maio de 20220h Atualizado em4 de maio de 20225:35\nApoie o 7\nCONTINUA DEPOIS DA "
    b"PUBLICIDADE\no ae/blquote>locte/blockuot/blobloblouo/loquote/blocq>tr\n\xc2\xa9 Ed To",
], ids=["fr-de", "de-en", "en-fr", "es-pt"])
def test_idempotent_when_removals_change_the_language(doc):
    once = clean(doc, html=False)
    assert clean(once, html=False) == once


@pytest.mark.serial
@pytest.mark.parametrize("html", [False, True])
def test_long_punctuation_run_is_not_quadratic(html):
    # a huge attribute value or ASCII art, 12 KB (a different line each time: comparable caches)
    run = ("h" if html else "t") + '"' * 12_000 + "y"
    doc = f"<p>{run}</p><p>x</p>" if html else run + "\nx\n"
    clean("Packs loaded.\n", html=False)  # the first clean in a process reads the packs (1-2 s): not what is timed
    started = time.perf_counter()
    out = clean(doc, html=html)
    assert time.perf_counter() - started < 0.5
    assert out.startswith(run)
