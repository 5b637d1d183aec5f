"""A choice that missed the page (cleaner.html.fallback): a few words chosen beside a <main>
that holds the page's text (lists of links, short blurbs) gives way to <main>; a short story
and a short page keep their choice."""
from __future__ import annotations

from pathlib import Path

from cleaner import clean, clean_document

SAMPLE = Path(__file__).resolve().parent.parent / "corpus_samples" / "html"
NAMES = ["Amber", "Birch", "Cedar", "Delta", "Ember", "Fjord", "Garnet", "Harbour", "Iris",
         "Juniper", "Kestrel", "Linden", "Maple", "Nettle", "Osprey", "Pine", "Quartz", "Rowan",
         "Sorrel", "Tamarack", "Umber", "Vale", "Willow", "Yarrow", "Zinnia"]


def list_page(story: str = "", items: int = 25) -> str:
    """A directory page: a one-line tagline (the only text the scoring takes for prose), then
    headed lists whose every item is a link, all in <main>; a menu and a footer outside."""
    lists = "".join(
        f"<h2>Section {k}</h2><ul>" + "".join(
            f'<li><a href="/{k}/{n.lower()}">{n} street community garden plot {k}</a></li>'
            for n in NAMES[:items]) + "</ul>"
        for k in range(1, 3))
    return ("<!doctype html><html><head><title>Community gardens</title></head><body>"
            '<header><nav><a href="/">Home</a> <a href="/map">Map</a> <a href="/join">Join</a>'
            "</nav></header>"
            '<main><h1>Community gardens</h1><div class="tagline">Every plot in the city, '
            "by district</div>"
            f"{story}<div>{lists}</div></main>"
            '<footer><a href="/privacy">Privacy</a> <a href="/contact">Contact us</a></footer>'
            "</body></html>")


def test_a_list_of_links_in_main_is_the_page_not_its_tagline():
    out = clean(list_page(), url="https://gardens.example/directory", html=True)
    assert "Willow street community garden plot 1" in out
    assert "Zinnia street community garden plot 2" in out
    assert "Privacy" not in out and "Join" not in out


def test_a_short_story_keeps_its_choice_beside_a_long_list():
    story = ("<p>The council opened two new gardens on Saturday, and the waiting list for a "
             "plot has fallen to six months for the first time since the scheme began.</p>")
    out = clean(list_page(story=story), url="https://gardens.example/news/new-gardens",
                html=True)
    assert "waiting list for a plot has fallen" in out
    assert "Willow street community garden plot 1" not in out


def test_a_short_page_keeps_its_choice():
    # <main> holds little more than the tagline: nothing was missed
    out = clean(list_page(items=2), url="https://gardens.example/directory", html=True)
    assert "Every plot in the city, by district" in out
    assert "Amber street community garden plot 1" not in out


def test_the_wiki_list_sample_keeps_its_lists():
    html = (SAMPLE / "written-listing-wikilist.html").read_bytes()
    result = clean_document(html, url="https://coastwiki.example/wiki/List_of_lighthouses")
    assert "Bengtskär Lighthouse" in result.text and "Flügge Lighthouse" in result.text
    assert "Random page" not in result.text and "Privacy policy" not in result.text
    assert result.html.container.startswith("main")
