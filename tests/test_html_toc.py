"""A table of contents' title left alone once its links are gone (cleaner.html.toc)."""
from __future__ import annotations

import pytest

from cleaner.html.reader import html_to_text
from cleaner.html.toc import titles_for

PROSE = ("The storm reached the coast on Monday night, and officials said that the damage was "
         "the worst they had seen in a decade, with roads closed and power lines down. ")
SECTIONS = "".join(f"<h2 id='s{n}'>Part {n} of the storm</h2><p>{n}. {PROSE}</p><p>{PROSE}</p>"
                   for n in range(1, 5))
INTRO = "".join(f"<p>{n}. {PROSE}</p>" for n in ("One", "Two", "Three"))
LINKS = "".join(f"<li><a href='#s{n}'>Part {n} of the storm</a></li>" for n in range(1, 5))


def _page(toc: str) -> str:
    return ("<!doctype html><html lang=en><head><meta charset=utf-8>"
            "<meta property='og:type' content='article'></head><body><article>"
            f"<h1>Storm hits the coast</h1>{INTRO}{toc}{SECTIONS}</article></body></html>")


def _lines(html: str) -> list[str]:
    return html_to_text(html).text.split("\n\n")


@pytest.mark.parametrize("toc", [
    # a plugin's box: its title in a container of its own, its list a <nav> (html-nav)
    f"<div id='ez-toc-container' class='ez-toc-v2_0_76 counter-hierarchy'>"
    f"<div class='ez-toc-title-container'><p class='ez-toc-title'>"
    f"Table of Contents</p></div><nav><ul>{LINKS}</ul></nav></div>",
    # a <details> whose summary is the title, its list a <nav>
    f"<details><summary>Table of Contents</summary><nav><ol>{LINKS}</ol></nav></details>",
    # a "Jump to:" bar, its links hidden until a script opens them
    f"<div class='jump'><p>Jump to:</p><ul hidden>{LINKS}</ul></div>",
])
def test_a_toc_title_whose_links_went_goes_too(toc: str) -> None:
    lines = _lines(_page(toc))
    assert not any(line.strip().rstrip(":") in ("Table of Contents", "Jump to")
                   for line in lines)
    assert "Part 1 of the storm" in lines  # the story's own sections stay


def test_a_toc_shown_keeps_its_title() -> None:
    toc = (f"<div class='toc-box'><div class='toc-head'><p>Contents</p></div>"
           f"<ul>{''.join(f'<li>Part {n}: what the storm did to the town</li>' for n in range(4))}"
           f"</ul></div>")
    assert "Contents" in _lines(_page(toc))


def test_a_heading_among_the_story_s_paragraphs_stays() -> None:
    # a README's "Table of Contents" section, boxed by nothing but its heading
    section = "<h2>Table of Contents</h2><p><a href='SUMMARY.md'>See SUMMARY.md</a></p>"
    assert "Table of Contents" in _lines(_page(section))


def test_titles_are_read_in_the_page_s_language_and_english() -> None:
    assert "inhaltsverzeichnis" in titles_for("de")
    assert "table of contents" in titles_for("de")
    assert "inhaltsverzeichnis" not in titles_for("fr")
