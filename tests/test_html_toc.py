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


def _doc(body: str, lang: str = "en") -> str:
    return (f"<!doctype html><html lang={lang}><head><meta charset=utf-8><title>T</title>"
            f"<meta property='og:type' content='article'></head><body>{body}</body></html>")


@pytest.fixture(autouse=True)
def _packs(packset):
    """The rule packs, as the reader runs with them: html-nav takes a TOC's list, which is
    what leaves its title alone."""
    global PACKS
    PACKS = packset


PACKS = None


def _lines(html: str, keep: frozenset = frozenset()) -> list[str]:
    return html_to_text(html, packset=PACKS, keep=set(keep)).text.split("\n\n")


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
    assert INTRO.split('</p>')[0][3:].strip() in lines
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


INSURANCE = ("Contents insurance covers your belongings, from furniture and clothes to laptops and "
             "jewellery, against theft, fire and flood, whether you rent or own your home. ")


@pytest.mark.parametrize("lang,body,title", [
    # a page builder's wrapper round every heading (Elementor)
    ("en", f"<article><h1>What home insurance covers</h1><p>{PROSE}</p>"
           f"<div class='elementor-widget-container'><h2>Contents</h2></div>"
           f"<p>{INSURANCE}</p><p>{INSURANCE}</p></article>", "Contents"),
    # a <section>'s <header>
    ("en", f"<article><h1>What home insurance covers</h1><p>{PROSE}</p>"
           f"<section><header><h2>Contents</h2></header><p>{INSURANCE}</p></section></article>",
     "Contents"),
    # a film review's plot section
    ("de", "<article><h1>Kritik: Das Haus am Meer</h1><div class='heading'><h2>Inhalt</h2></div>"
           + "<p>Der Film erzählt die Geschichte einer Familie, die nach dem Krieg in ein kleines "
             "Dorf an der Küste zieht und dort mit den Nachbarn um ihr neues Leben ringt.</p>" * 2
           + "</article>", "Inhalt"),
    # a food's ingredients
    ("sv", "<main><h1>Hallonsaft 1 liter</h1><div class='product-section'><div class='title'>"
           "<h3>Innehåll</h3></div>"
           + "<p>Vatten, socker, citronsyra, naturlig arom av hallon och fläder, "
             "konserveringsmedel kaliumsorbat och antioxidationsmedel askorbinsyra.</p>" * 2
           + "</div></main>", "Innehåll"),
    # the page's headline
    ("en", f"<article><header><h1>Contents</h1></header><p>{PROSE}</p><p>{PROSE}</p></article>",
     "Contents"),
])
def test_a_wrapped_section_heading_or_the_headline_stays(lang: str, body: str, title: str) -> None:
    assert title in _lines(_doc(body, lang))


def test_a_one_word_title_in_a_box_named_toc_goes() -> None:
    toc = (f"<div class='toc'><div class='toc-title'><p>Contents</p></div><nav><ul>{LINKS}</ul>"
           f"</nav></div>")
    assert "Contents" not in _lines(_page(toc))


def test_kept_navigation_keeps_the_title() -> None:
    toc = f"<details><summary>Table of Contents</summary><nav><ol>{LINKS}</ol></nav></details>"
    assert "Table of Contents" in _lines(_page(toc), keep=frozenset({"nav"}))


TURKISH = ("Fırtına pazartesi gecesi kıyıya ulaştı ve yetkililer hasarın son on yılda gördükleri "
           "en kötü hasar olduğunu, yolların kapandığını ve elektrik hatlarının koptuğunu söyledi. ")


@pytest.mark.parametrize("title", ["İçindekiler", "içindekiler"])
def test_a_capitalised_turkish_title_goes(title: str) -> None:
    links = "".join(f"<li><a href='#s{n}'>Bölüm {n}</a></li>" for n in range(1, 5))
    body = (f"<article><h1>Fırtına kıyıyı vurdu</h1><p>{TURKISH}</p><p>{TURKISH}</p>"
            f"<details><summary>{title}</summary><nav><ol>{links}</ol></nav></details>"
            + "".join(f"<h2 id='s{n}'>Bölüm {n}</h2><p>{TURKISH}</p>" for n in range(1, 5))
            + "</article>")
    assert title not in _lines(_doc(body, "tr"))


def test_norwegian_pages_read_the_norwegian_titles() -> None:
    assert "innholdsfortegnelse" in titles_for("nb")
    assert "innholdsfortegnelse" in titles_for("nn")
