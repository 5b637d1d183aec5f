"""The page's <main> (cleaner.html.mainbox): a few words chosen beside a <main> that holds
the page's text (lists of links, short blurbs) give way to <main>; on a page that declares
nothing and shows no story, the rest of <main> joins the choice; a news story and a short page
keep their choice."""
from __future__ import annotations

from pathlib import Path

from cleaner import clean, clean_document

SAMPLE = Path(__file__).resolve().parent.parent / "corpus_samples" / "html"
NAMES = ["Amber", "Birch", "Cedar", "Delta", "Ember", "Fjord", "Garnet", "Harbour", "Iris",
         "Juniper", "Kestrel", "Linden", "Maple", "Nettle", "Osprey", "Pine", "Quartz", "Rowan",
         "Sorrel", "Tamarack", "Umber", "Vale", "Willow", "Yarrow", "Zinnia"]


def list_page(story: str = "", items: int = 25, declared: str = "") -> str:
    """A directory page: a one-line tagline (the only text the scoring takes for prose), then
    headed lists whose every item is a link, all in <main>; a menu and a footer outside."""
    lists = "".join(
        f"<h2>Section {k}</h2><ul>" + "".join(
            f'<li><a href="/{k}/{n.lower()}">{n} street community garden plot {k}</a></li>'
            for n in NAMES[:items]) + "</ul>"
        for k in range(1, 3))
    schema = ('<script type="application/ld+json">{"@type": "%s"}</script>' % declared
              if declared else "")
    return ("<!doctype html><html><head><title>Community gardens</title>" + schema +
            "</head><body>"
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


def test_a_short_news_story_keeps_its_choice_beside_a_long_list():
    story = ("<p>The council opened two new gardens on Saturday, and the waiting list for a "
             "plot has fallen to six months for the first time since the scheme began in the "
             "spring of the year before last.</p>"
             "<p>The new gardens sit on land the railway no longer needs, beside the old goods "
             "yard, and each of them has forty plots, a shed for tools and a tap that the "
             "council will pay to run.</p>"
             "<p>Gardeners who have waited longest will be offered plots first, the council "
             "said, and the rest will be shared out by lot at a meeting in the town hall next "
             "month.</p>")
    out = clean(list_page(story=story), url="https://gardens.example/news/new-gardens",
                html=True)
    assert "waiting list for a plot has fallen" in out
    assert "Willow street community garden plot 1" not in out


def landing_page(intro: str) -> str:
    """A landing page that declares nothing: a hero, three feature blurbs, a testimonial, all
    in <main>; the testimonial's quote (in a box named like a story's) is the longest prose
    on the page and wins the scoring."""
    features = "".join(
        f'<div class="feature"><h3>{name}</h3><span>{blurb}</span></div>'
        for name, blurb in [("Plan", "Lay out beds and paths on a map of your plot."),
                            ("Grow", "Get reminders for sowing, thinning and watering."),
                            ("Share", "Swap seeds and surplus with the gardeners nearby.")])
    return ("<!doctype html><html><head><title>Plotter</title></head><body>"
            '<header><nav><a href="/">Home</a> <a href="/pricing">Pricing</a></nav></header>'
            f'<main><div class="hero"><h1>Plotter</h1><span>{intro}</span></div>{features}'
            '<div class="story-content"><p>"Plotter turned our allotment committee\'s spreadsheet '
            "chaos into one calm map that every member can read, and our waiting list is "
            'shorter for it."</p><p>"We used to argue every spring about who had which bed '
            "and when the water was off; now the map answers before anyone asks, and the "
            'committee meets for tea instead."</p><span>Ana, Leeds</span></div></main>'
            '<footer><a href="/privacy">Privacy</a></footer></body></html>')


def test_a_landing_page_is_all_of_its_main():
    out = clean(landing_page("The garden planner for allotments."),
                url="https://plotter.example/", html=True)
    for line in ("The garden planner for allotments.", "Lay out beds and paths",
                 "Get reminders for sowing", "Swap seeds and surplus", "spreadsheet chaos"):
        assert line in out
    assert {"Plan", "Grow"} <= set(out.splitlines())  # the features' headings too
    assert "Pricing" not in out and "Privacy" not in out


def test_a_short_page_keeps_its_choice():
    # an article (declared) whose <main> holds little more than its tagline: nothing was
    # missed, and an article is not read with the rest of its <main>
    out = clean(list_page(items=2, declared="Article"), url="https://gardens.example/directory",
                html=True)
    assert "Every plot in the city, by district" in out
    assert "Amber street community garden plot 1" not in out


def test_the_wiki_list_sample_keeps_its_lists():
    html = (SAMPLE / "written-listing-wikilist.html").read_bytes()
    result = clean_document(html, url="https://coastwiki.example/wiki/List_of_lighthouses")
    assert "Bengtskär Lighthouse" in result.text and "Flügge Lighthouse" in result.text
    assert "Random page" not in result.text and "Privacy policy" not in result.text
    assert result.html.container.startswith("main")


def two_product_collection(main: bool = True) -> str:
    """A shop's collection of two products in <main>, and a paragraph about the shop in its
    footer: the only prose on the page, which the scoring takes."""
    cards = "".join(
        f'<li class="collection__item"><h3><a href="/products/{slug}">{name}</a></h3>'
        f"<p>{line}</p><p>£{price}</p></li>"
        for slug, name, line, price in [("super-pack", "The Super Pack", "All three serums", 88),
                                        ("balm-trio", "Balm Trio", "Original formula", 42)])
    grid = f'<ul class="collection__list">{cards}</ul>'
    return ("<!doctype html><html><head><title>Skincare sets</title></head><body>"
            '<header><nav><a href="/">Home</a> <a href="/skincare">Skincare</a></nav></header>'
            + (f"<main><h1>Skincare sets</h1>{grid}</main>" if main else
               f"<div><h1>Skincare sets</h1>{grid}</div>") +
            '<div class="footer__main-container"><p>At our shop we make products inspired by '
            "real life, embracing the ethos of skin first and makeup second. We believe beauty "
            "is about having fun, celebrating freedom and being present, wherever you are on "
            "your way.</p></div><footer><a href=\"/privacy\">Privacy</a></footer></body></html>")


def test_a_choice_in_the_footer_outside_main_gives_way_to_main():
    out = clean(two_product_collection(), url="https://shop.example/collections/sets", html=True)
    assert "The Super Pack" in out and "Balm Trio" in out and "Original formula" in out
    assert "embracing the ethos" not in out


def test_without_a_main_the_footer_s_choice_stays():
    # no <main> marks the page: nothing says the choice missed it (doubt keeps the line)
    out = clean(two_product_collection(main=False), url="https://shop.example/collections/sets",
                html=True)
    assert "embracing the ethos" in out


STORM = ["The coast road between the harbour and the lighthouse was closed on Tuesday night "
         "after the storm pushed the sea over the wall for the third time this winter, the "
         "council said.",
         "Crews worked through the night to clear stones and seaweed from the carriageway, and "
         "the road is expected to reopen on Thursday if the wind drops as forecast.",
         "Residents of the harbour cottages were asked to leave their homes for a night, and "
         "most of them stayed with family in the town or at the school hall.",
         "The council will ask the government next month for money to raise the sea wall, "
         "which was last repaired after the storms of the winter of 2014."]


def test_a_story_outside_main_under_a_wrapper_named_footer_stays():
    # "has-sticky-footer" names the layout's wrapper of the whole page, <main> holding only
    # the headline: the story beside <main> is the page's, not a footer's (review-s14a 1)
    html = ('<!doctype html><html><head><title>Storm floods the coast road</title>'
            '<meta property="og:type" content="article"></head><body>'
            '<div id="page" class="site has-sticky-footer"><header class="masthead"><nav>'
            '<a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
            '</header><main id="content"><h1>Storm floods the coast road</h1>'
            '<p>By Ann Lee, 4 March 2026</p></main><div class="story-body">'
            + "".join(f"<p>{p}</p>" for p in STORM) +
            '</div></div><footer><p>© 2026 Coast News</p></footer></body></html>')
    out = clean(html, url="https://coast.example/news/storm", html=True)
    for paragraph in STORM:
        assert paragraph in out
