"""Pages of items (cleaner.html.items): a listing's cards are its content, on pages that call
themselves articles too; a story's own sections and the teasers after a story are not a list."""
from __future__ import annotations

import pytest

from cleaner import clean, clean_document

TOPICS = ["ferry", "bridge", "harbour", "library", "market", "school", "station", "park"]


def blog_archive(summaries: bool = False) -> str:
    """A WordPress category page: every post's box carries its own id and categories in its
    class ("post-4101 post type-post ... category-town"), og:type article as the theme gives
    every page; the category's description above, the posts in <main> inside a wrapper named
    for both columns, a sidebar."""
    posts = []
    for i, topic in enumerate(TOPICS):
        cats = " ".join(f"category-{t}" for t in TOPICS[: i % 3 + 1])
        extra = "first" if i % 2 == 0 else "last"
        summary = (f"<p>What the council decided about the {topic} this week, and what it "
                   "costs.</p>") if summaries else ""
        posts.append(f'<article class="post-{4101 + i} post type-post status-publish entry '
                     f'{cats} {extra}">'
                     f'<h2 class="entry-title"><a href="/{topic}">The town {topic} and its '
                     f'future, as the council sees it</a></h2>{summary}</article>')
    return ('<!doctype html><html><head><meta property="og:type" content="article">'
            "<title>Town news</title></head><body>"
            '<header><nav><a href="/">Home</a> <a href="/about">About</a></nav></header>'
            '<div class="archive-description"><h1>Town news</h1><p>Everything the town '
            "council decides, as it happens, and what it means for the people who live here."
            "</p><p>We read the minutes, we go to the meetings, and we ask the questions that "
            "nobody else asks, so that you do not have to.</p><p>Start with the harbour: it is "
            "the story of the year, and it is not over yet.</p></div>"
            '<div class="content-sidebar-wrap"><main class="content" id="genesis-content">'
            + "".join(posts) +
            '</main><aside class="sidebar"><h3>About me</h3><p>I have written about this town '
            "for twenty years, and I still like it here most days of the week.</p></aside>"
            "</div><footer><p>© 2025 Town news</p></footer></body></html>")


def test_a_blog_archive_typed_article_keeps_every_post():
    for summaries in (False, True):
        result = clean_document(blog_archive(summaries), html=True)
        for topic in TOPICS:
            assert f"The town {topic} and its future" in result.text
            if summaries:
                assert f"about the {topic} this week" in result.text
        assert "twenty years" not in result.text and "Home" not in result.text


def topic_page() -> str:
    """A news site's topic page (og:type article): a heading and teaser cards, each a date, a
    linked headline and a summary."""
    cards = "".join(
        f'<li class="teaser"><div class="date">{i + 2} days ago</div><div class="title">'
        f'<a href="/news/{topic}">Council votes on the {topic} after a long night</a></div>'
        f"<p>The vote on the {topic} came after six hours of debate and two "
        "amendments.</p></li>" for i, topic in enumerate(TOPICS))
    return ('<!doctype html><html><head><meta property="og:type" content="article">'
            "<title>Council | Town Daily</title></head><body>"
            '<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>'
            f'<div class="section"><h1>Council</h1><ul class="teaser-list">{cards}</ul></div>'
            "<footer><p>© 2025 Town Daily</p></footer></body></html>")


def test_a_topic_page_typed_article_keeps_its_teasers():
    text = clean(topic_page(), html=True)
    for topic in TOPICS:
        assert f"Council votes on the {topic} after a long night" in text
        assert f"The vote on the {topic} came after six hours" in text


def ranking(og_type: str = "article") -> str:
    """A ranking: its picks are the story's sections, a heading that is no link over a
    paragraph, each with links to other pages after it."""
    picks = "".join(
        f"<li><h2>The {topic}</h2><p>The {topic} is the best thing in town this year: it is "
        f"open every day, it costs nothing, and everyone we asked about the {topic} said so."
        f'</p><p><a href="/review/{topic}">Read the full {topic} review</a></p>'
        f'<p><a href="/deals">Compare deals on days out</a></p></li>' for topic in TOPICS)
    return (f'<!doctype html><html><head><meta property="og:type" content="{og_type}">'
            "<title>The 8 best things in town</title></head><body>"
            "<h1>The 8 best things in town</h1><p>We asked everyone, and here they are.</p>"
            f'<ol class="picks">{picks}</ol></body></html>')


def test_a_ranking_s_picks_are_its_sections_not_a_list():
    text = clean(ranking(), html=True)
    for topic in TOPICS:
        assert f"The {topic} is the best thing in town this year" in text
        assert f"Read the full {topic} review" not in text


def test_a_few_boxes_after_a_short_article_are_no_list():
    boxes = "".join(f'<div class="col"><h3><a href="/{t}">All about the {t} and more</a></h3>'
                    f'<p><a href="/{t}/a">The {t} page</a> <a href="/{t}/b">Old {t}</a></p></div>'
                    for t in TOPICS[:4])
    html = ('<!doctype html><html><head><meta property="og:type" content="article"><title>'
            "Ferry</title></head><body><h1>Ferry</h1><p>The ferry runs again from Monday, the "
            f'company said.</p><div class="bottom">{boxes}</div></body></html>')
    text = clean(html, html=True)
    assert "The ferry runs again from Monday" in text and "All about the ferry" not in text


def programmes_page() -> str:
    """A school's list of programmes (no page type declared): an introduction of three
    paragraphs, then twenty cards, each one link holding a title and a description; the
    list outweighs the introduction many times over."""
    more = ["museum", "zoo", "theatre", "pool", "airport", "port", "hospital", "archive", "cinema",
            "garden", "stadium", "canal"]
    cards = "".join(
        f'<div class="field__item"><a href="/p/{i}"><h3>Professional Certificate in '
        f"{topic.title()} "
        f"Management</h3><p>A programme for the managers who run the town's {topic}, with six "
        f"courses on planning, budgets, people and the law, taught on campus and online, and a "
        f"project on a {topic} of your own, which you choose with your tutor in the first "
        "week.</p></a></div>" for i, topic in enumerate(TOPICS + more))
    return ("<!doctype html><html><head><title>Certificate programmes</title></head><body>"
            '<nav><a href="/">Home</a> <a href="/apply">Apply</a></nav>'
            "<main><h1>Certificate programmes</h1><div class=\"intro\"><p>Our certificate "
            "programmes are for people who work: each is a set of short courses that you can "
            "take over a few months, on campus or online, next to your job.</p><p>Every "
            "programme ends with a project from your own work, and with a certificate that "
            "employers across the region know and value, and ask for by name.</p><p>Courses start "
            "in September and in February, and you can begin with one course and add the "
            "others later, at your own pace.</p></div>"
            f'<div class="field field--items">{cards}</div></main>'
            "<footer><p>© 2025 Town College</p></footer></body></html>")


def test_a_list_that_outweighs_its_introduction_is_the_page():
    text = clean(programmes_page(), html=True)
    assert "Our certificate programmes are for people who work" in text
    for topic in TOPICS:
        assert f"Professional Certificate in {topic.title()} Management" in text
        assert f"project on a {topic} of your own" in text


def test_the_page_type_says_what_the_list_showed():
    result = clean_document(blog_archive(), html=True)
    assert result.page_type == "listing"  # og:type article, but a list of posts
    assert result.html.page_type.reason == "a list of items holds the page's text"
    assert clean_document(ranking(), html=True).page_type == "article"


def section_page() -> str:
    """A news site's section page: its list of stories, the later ones under a "More
    stories" heading, which a related-section rule reads as other stories after a story."""
    cards = [
        f'<article class="story"><h3><a href="/science/{topic}">Scientists map the old '
        f"{topic} with a new kind of radar</a></h3><p>The survey of the {topic} took two "
        "years and found three rooms nobody knew about.</p></article>" for topic in TOPICS]
    return ("<!doctype html><html><head><title>Science | Town Daily</title></head><body>"
            '<nav><a href="/">Home</a> <a href="/science">Science</a></nav>'
            f'<main><h1>Science</h1><div class="stories">{"".join(cards[:4])}'
            f'<h2>More stories</h2>{"".join(cards[4:])}</div></main>'
            "<footer><p>© 2025 Town Daily</p></footer></body></html>")


def test_a_section_page_s_latest_news_are_its_content():
    result = clean_document(section_page(), html=True)
    assert result.page_type == "listing"
    for topic in TOPICS:
        assert f"Scientists map the old {topic} with a new kind of radar" in result.text
        assert f"The survey of the {topic} took two years" in result.text


def sectioned_front() -> str:
    """A section front: in its <main>, three headed sections of the same cards, none of them
    half of the page's text, all of them together most of it."""
    def card(topic: str, n: int) -> str:
        return (f'<div class="story-card"><h3><a href="/tech/{topic}/{n}">Inside the {topic} that '
                f"runs on old phones, part {n}</a></h3><p>How a team kept the {topic} going "
                "with parts nobody else wanted.</p></div>")
    sections = "".join(
        f'<section class="topic"><h2>{name}</h2><div class="grid">'
        + "".join(card(topic, n) for n in range(1, 5)) + "</div></section>"
        for name, topic in (("Top stories", "ferry"), ("Personal tech", "library"),
                            ("Listen", "market")))
    return ("<!doctype html><html><head><title>Technology | Town Daily</title></head><body>"
            '<nav><a href="/">Home</a> <a href="/tech">Technology</a></nav>'
            f"<main><h1>Technology</h1>{sections}</main>"
            '<footer><p>© 2025 Town Daily</p><p><a href="/terms">Terms</a></p></footer>'
            "</body></html>")


def test_a_section_front_keeps_the_cards_of_every_section():
    text = clean(sectioned_front(), html=True)
    for topic in ("ferry", "library", "market"):
        for n in range(1, 5):
            assert f"Inside the {topic} that runs on old phones, part {n}" in text


def test_in_main_a_list_s_sections_count_together():
    from selectolax.lexbor import LexborHTMLParser

    from cleaner.html.items import item_list
    from cleaner.html.score import _children, negative_elements
    from cleaner.html.walk import walk

    page = walk(LexborHTMLParser(sectioned_front()).body)
    found = item_list(page, negative_elements(page, set()), _children(page))
    assert found is not None and found.run == 4 and len(found.items) == 12
    assert found.share >= 0.5


def test_a_declared_collection_shows_a_repeated_block_once():
    # A shop's category page draws its carousel's slides twice (the slider's clones): on a
    # page that declares a collection, each block of REPEAT_MIN_WORDS words or more is shown
    # once, as on a product's page (html-repeated-block).
    from cleaner import clean_document
    slides = ["Hand-thrown stoneware mugs, glazed in small batches in our studio by the sea",
              "Free delivery on every order of two mugs or more, all through the winter"]
    cards = "".join(
        f'<li class="card"><h3><a href="/p/{n.lower()}">{n} mug</a></h3>'
        f'<p>{n} glaze, 350 ml, dishwasher safe</p><span class="price">$32.00</span></li>'
        for n in ("Ash", "Birch", "Cedar", "Dune", "Elm", "Fern"))
    carousel = "".join(f'<div class="slide"><p>{s}</p></div>' for s in slides) * 2
    page = ('<!doctype html><html><head><title>Mugs</title>'
            '<script type="application/ld+json">{"@type": "CollectionPage"}</script></head><body>'
            '<main><h1>Mugs</h1><div class="carousel">' + carousel + "</div>"
            f'<ul class="products">{cards}</ul></main></body></html>')
    result = clean_document(page, url="https://pottery.example/collections/mugs", html=True)
    for s in slides:
        assert result.text.count(s) == 1
    assert "Cedar mug" in result.text and "Fern mug" in result.text
    assert any(r.rule_id == "html-repeated-block" for r in result.html.dropped)


def job_board() -> str:
    """A job board's category page: each ad's card tells its title, the employer, the kind of
    job and where, several ads sharing a value ('Full-Time', 'Anywhere in the World')."""
    kinds = ["Full-Time", "Contract", "Full-Time", "Full-Time", "Contract", "Full-Time"]
    places = ["Anywhere in the World", "Europe only", "Anywhere in the World", "Americas only",
              "Anywhere in the World", "Europe only"]
    cards = "".join(
        f'<li class="job"><a href="/jobs/{n}"><h3>Senior {topic} platform engineer</h3>'
        f'<p class="company">{topic.title()} Works Ltd</p><p class="kind">{kind}</p>'
        f'<p class="region">{place}</p></a></li>'
        for n, (topic, kind, place) in enumerate(zip(TOPICS, kinds, places)))
    return ("<!doctype html><html><head><title>Remote programming jobs</title></head><body>"
            '<nav><a href="/">Home</a> <a href="/post">Post a job</a></nav>'
            f'<main><h1>Remote programming jobs</h1><ul class="jobs">{cards}</ul></main>'
            "<footer><p>© 2025 Remote jobs</p></footer></body></html>")


def test_a_value_several_cards_share_stays_in_each_card():
    result = clean_document(job_board(), html=True)
    assert result.page_type == "listing"
    # the repeat rule read each later 'Full-Time' as a menu printed twice: it is each ad's own
    assert result.text.count("Full-Time") == 4
    assert result.text.count("Anywhere in the World") == 3
    assert result.text.count("Contract") == 2


BOTTLES = ["Summit", "Ridge", "Canyon", "Harbor", "Meadow", "Glacier", "Prairie", "Delta",
           "Tundra", "Lagoon", "Mesa", "Fjord"]


def bottle_cards(names: list[str]) -> str:
    """A shop's product cards: a linked name, a price, a field ('Cap Type:' / 'Screw Cap')
    that several cards share."""
    caps = ["Screw Cap", "Straw Lid", "Screw Cap", "Chug Cap"]
    return "".join(
        f'<li class="product-tile"><a href="/p/{n}"><h3>{name} steel water bottle, 32 fl. oz.'
        f'</h3></a><div class="price">${12 + n}.00</div><div class="spec">Cap Type:</div>'
        f"<div>{caps[n % 4]}</div></li>" for n, name in enumerate(names))


OFFER = ('<div class="offer"><p>Members earn ten percent back on every full-priced bottle they '
         "buy this year, paid out each spring as a reward they can spend in any of our stores."
         "</p></div>")
SHOP_FAQ = ('<div class="faq"><h2>How much do water bottles cost?</h2><p>We carry a wide range of '
            "water bottles, starting at around ten dollars, with insulated models from the "
            "larger brands costing fifty dollars or more.</p></div>")
ABOUT = ('<div class="about"><p>We have been sharing our love of the outdoors since the year we '
         "opened our first small store, and every bottle we sell is one we have carried "
         "ourselves.</p></div>")


def blurbs_in_one_box() -> str:
    """The three blurbs' paragraphs, written one after another (a story's, a guide's)."""
    return "".join(f"<p>{block.split('<p>')[1].split('</p>')[0]}</p>"
                   for block in (OFFER, SHOP_FAQ, ABOUT))


def bottles_page(body: str) -> str:
    return ("<!doctype html><html><head><title>Water bottles</title></head><body>"
            f"{body}<footer><p>© 2025 Trail Shop</p></footer></body></html>")


def shop_category() -> str:
    """A shop's category page that declares nothing: a card offer in a banner, the product
    cards, an FAQ's answer and a line about the shop, each blurb in a box of its own."""
    return bottles_page('<div class="top"><a href="/">Home</a> <a href="/sale">Sale</a></div>'
                        f'{OFFER}<h1>Water bottles</h1><ul class="results">{bottle_cards(BOTTLES)}'
                        f"</ul>{SHOP_FAQ}{ABOUT}")


def test_a_shop_s_blurbs_each_in_its_own_box_are_no_story_beside_its_list():
    # the blurbs hold more prose than a story's test asks (300 characters), and the list
    # does not outweigh them twelve times: read as a story, the cards went as link lists
    result = clean_document(shop_category(), html=True)
    assert result.page_type == "listing"
    for name in BOTTLES:
        assert f"{name} steel water bottle, 32 fl. oz." in result.text
    assert result.text.count("Cap Type:") == len(BOTTLES)
    assert "Members earn ten percent back" in result.text
    assert "starting at around ten dollars" in result.text


def test_a_story_in_one_box_beside_a_shop_s_cards_stays_a_story():
    # the same prose as paragraphs of one box is a story: its page's cards are not its text
    story = blurbs_in_one_box()
    html = bottles_page(f'<div class="story"><h1>Water bottles</h1>{story}</div>'
                        f'<ul class="results">{bottle_cards(BOTTLES)}</ul>')
    result = clean_document(html, html=True)
    assert result.page_type == "unknown"
    assert "Members earn ten percent back" in result.text
    assert "Summit steel water bottle" not in result.text


def test_a_page_whose_text_is_spread_out_tells_no_story_beside_its_list():
    # the reader's choice held too little of the page's prose, so the page's blocks were
    # taken spread out: their prose, a story's paragraphs in one box though they be, is no
    # story that a list must outweigh twelve times to be the page's
    from selectolax.lexbor import LexborHTMLParser

    from cleaner.html.items import list_blocks
    from cleaner.html.walk import walk

    story = blurbs_in_one_box()
    html = (f'<div class="intro">{story}</div><ul class="results">{bottle_cards(BOTTLES)}</ul>')
    page = walk(LexborHTMLParser(f"<html><body>{html}</body></html>").body)
    everything = list(range(len(page.blocks)))
    assert list_blocks(page, everything, None) is None
    listed = list_blocks(page, everything, None, spread=True)
    assert listed is not None and len(listed.items) == 4 * len(BOTTLES)


def test_the_reader_tells_the_list_finder_when_it_read_the_page_spread_out(monkeypatch):
    # end to end (review-s9): a page whose blurbs sit in boxes of their own around the grid,
    # none of them holding most of its prose, is read spread out (reader._spread_out), and
    # the reader says so to list_blocks, whose story guard then reads no story in its prose
    import cleaner.html.reader as reader

    calls: list[bool] = []
    real = reader.list_blocks

    def spy(*args, **kwargs):
        calls.append(kwargs.get("spread", False))
        return real(*args, **kwargs)

    monkeypatch.setattr(reader, "list_blocks", spy)
    paras = [f"<p>{b.split('<p>')[1].split('</p>')[0]}</p>" for b in (OFFER, SHOP_FAQ, ABOUT)]
    html = bottles_page(f'<section class="s1"><div>{paras[0]}</div></section><ul class="results">'
                        f'{bottle_cards(BOTTLES)}</ul><section class="s2"><div><div>{paras[1]}'
                        f'</div></div></section><aside class="s3">{paras[2]}</aside>')
    result = clean_document(html, html=True)
    assert calls == [True]
    assert result.page_type == "listing"
    assert result.text.count("Cap Type:") == len(BOTTLES)
    assert "Members earn ten percent back" in result.text and "wide range" in result.text


def test_a_shop_s_grid_above_its_buying_guide_is_the_page():
    # the same story below the grid of priced products is the category's buying guide: the
    # grid is what the page is for (a product's description comes first, its rails after)
    guide = blurbs_in_one_box()
    html = bottles_page(f'<h1>Water bottles</h1><ul class="results">{bottle_cards(BOTTLES)}</ul>'
                        f'<div class="guide"><h2>How to choose a water bottle</h2>{guide}</div>')
    result = clean_document(html, html=True)
    assert result.page_type == "listing"
    assert result.text.count("Cap Type:") == len(BOTTLES)
    assert "Members earn ten percent back" in result.text


def topic_river() -> str:
    """A news site's topic page: each card a linked headline and its summary, the summary a
    second link to the same story that the site keeps from screen readers (aria-hidden,
    tabindex -1) so that it is not announced twice; a reader of the page sees it."""
    cards = "".join(
        f'<article class="river-item"><header><h2><a href="/{topic}">The town {topic} opens '
        f'again after a year of repairs</a></h2><p class="river-desc"><a href="/{topic}" '
        f'aria-hidden="true" tabindex="-1">The council says the {topic} will keep its old '
        "hours, and that the work came in under its budget.</a></p></header></article>"
        for topic in TOPICS)
    return ("<!doctype html><html><head><title>Town topics</title></head><body>"
            '<nav><a href="/">Home</a> <a href="/about">About</a></nav>'
            f'<main><h1>Repairs</h1><div class="river">{cards}</div></main>'
            '<footer><p>© 2025 Town news</p><a href="/top" aria-hidden="true" tabindex="-1" '
            'style="display: none">Back to the top of the page</a></footer></body></html>')


def test_a_card_s_summary_kept_from_screen_readers_is_shown():
    text = clean(topic_river(), html=True)
    for topic in TOPICS:
        assert f"The town {topic} opens again after a year of repairs" in text
        assert f"The council says the {topic} will keep its old hours" in text
    assert "Back to the top" not in text  # hidden from everyone: it goes


def recipe_topic(link_host: str = "", in_main: bool = True,
                 meta: str = "25 minutes, serves four", meta_tag: str = "span") -> str:
    """A recipe site's topic page: in its <main>, a headline and an intro, a playlist of videos
    (each a heading over a long unlinked summary) and a grid of recipe cards, each a linked
    title and a line; the grid holds about a third of <main>'s text."""
    videos = "".join(
        f'<div class="video"><h3>Watch: the {topic} dinner</h3><p>In this video we cook the '
        f"{topic} dinner from start to finish, with every step shown slowly, the timings said "
        "out loud, and the mistakes we made the first time explained so you can avoid them."
        "</p></div>" for topic in TOPICS[:4])
    cards = "".join(
        f'<article class="recipe-card"><a href="{link_host}/recipes/{topic}">Crispy {topic} '
        f'bites</a><{meta_tag} class="meta">{meta}</{meta_tag}></article>'
        for topic in TOPICS)
    grid = f'<div class="recipe-grid">{cards}</div>'
    body = (f'<h1>Air fryer recipes</h1><div class="intro"><p>These are the recipes we make '
            "most often in the air fryer: quick, crisp and easy to clean up after. Every one of "
            "them was tested three times in our kitchen before it went up.</p></div>"
            f'<div class="playlist">{videos}</div>')
    page = f"<main>{body}{grid}</main>" if in_main else f"<div>{body}{grid}</div>"
    return ("<!doctype html><html><head><title>Air fryer recipes</title></head><body>"
            '<nav><a href="/">Home</a> <a href="/about">About</a></nav>'
            f'{page}<footer><p>© 2025 Crisp kitchen</p></footer></body></html>')


def test_a_grid_holding_part_of_main_is_the_page_s_list():
    # the grid holds a third of <main>'s text beside a playlist's long summaries: still the
    # list the page is for (items.PART_SHARE)
    result = clean_document(recipe_topic(), html=True, url="https://crisp.example/recipes")
    for topic in TOPICS:
        assert f"Crispy {topic} bites" in result.text
    assert result.page_type == "listing"


def test_a_grid_of_another_site_s_links_or_outside_main_is_no_part_of_the_page():
    # the same grid linking to another site (a feed of its posts) is a widget; outside a
    # <main> such a grid is as often a blog's sidebar: neither is taken below half the page
    away = clean(recipe_topic(link_host="https://photos.example"), html=True,
                 url="https://crisp.example/recipes")
    outside = clean(recipe_topic(in_main=False), html=True, url="https://crisp.example/recipes")
    for text in (away, outside):
        assert "Crispy ferry bites" not in text


def test_without_the_page_s_host_a_grid_of_absolute_links_is_no_part_of_the_page():
    # no url given and none declared: another site's feed cannot be told from the site's own
    # links, so a partial grid is taken only when its links are relative
    away = clean_document(recipe_topic(link_host="https://photos.example"), html=True)
    assert "Crispy ferry bites" not in away.text and away.page_type != "listing"
    own = clean_document(recipe_topic(), html=True)
    assert "Crispy ferry bites" in own.text


def test_a_grid_of_priced_products_holding_part_of_main_is_no_list_of_the_page():
    # a shop's grid under half the page is a rail beside the product's own text
    text = clean(recipe_topic(meta="$19.99, serves four", meta_tag="div"), html=True,
                 url="https://crisp.example/recipes")
    assert "Crispy ferry bites" not in text


STORY_PARAS = [
    "The council voted on Tuesday night to close the old harbour bridge to cars from the spring, "
    "after engineers found cracks in two of its supports.",
    "Residents who cross it every day said they were worried about longer journeys, and shop "
    "owners on the far bank fear they will lose trade.",
    "The engineers' report, published last month, said the bridge could carry buses and lorries "
    "for no more than another year without repairs.",
    "A temporary ferry will run every twenty minutes while the work is done, and the council "
    "says the fares will be kept at the price of a bus ticket.",
    "Work is expected to take eighteen months, and the bridge should reopen to all traffic "
    "before the summer of the year after next, officials said.",
    "Opposition councillors asked why the cracks were not found sooner, and called for an "
    "independent review of how the town inspects its bridges.",
]


@pytest.mark.parametrize("og", [True, False])
@pytest.mark.parametrize("grid_first", [False, True])
def test_a_story_in_div_paragraphs_keeps_no_grid_of_other_stories(og, grid_first):
    # each paragraph a <div> of its own: the story still stands in one box, so a "More
    # stories" grid holding a fifth of <main> is no list the page is for (review-s12a 1)
    grid = '<div class="story-grid">' + "".join(
        f'<div class="story-card"><a href="/news/{t}-reopens">The {t} reopens after a year of '
        f'repairs</a><span class="date">3 March</span></div>' for t in TOPICS) + "</div>"
    story = ("<h1>Harbour bridge to close to cars</h1>" + '<div class="story-body">' +
             "".join(f'<div class="paragraph">{p}</div>' for p in STORY_PARAS) + "</div>")
    main = grid + story if grid_first else story + "<h2>More stories</h2>" + grid
    og_tag = '<meta property="og:type" content="article">' if og else ""
    html = ("<!doctype html><html lang=en><head><title>Harbour bridge | Town News</title>"
            f"{og_tag}</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<main>{main}</main><footer><p>© Town News</p></footer></body></html>")
    result = clean_document(html, html=True, url="https://town.example/news/harbour-bridge")
    for para in STORY_PARAS:
        assert para in result.text
    assert not any(f"The {t} reopens" in result.text for t in TOPICS)
    assert result.page_type != "listing"


CATEGORY_BLURB = ("Insulated bottles keep water cold through a long day on the trail and coffee "
                  "hot on a winter morning. We carry steel, glass and plastic bottles from the "
                  "brands we trust, in every size from a pocket flask to a camp jug, and each "
                  "one is tested by our staff on the hills near the shop before we stock it.")


def og_product_page(body: str) -> str:
    """A page whose theme calls every page a product (og:type), a category too."""
    return ('<!doctype html><html><head><title>Water bottles</title>'
            '<meta property="og:type" content="product"></head><body>'
            f"{body}<footer><p>© 2025 Trail Shop</p></footer></body></html>")


def test_a_shop_s_category_called_a_product_by_og_type_keeps_its_grid():
    # og:type names the page a product, but what it holds is a grid of priced products
    # under the category's blurb (a paragraph of prose, no story): the shop's category
    html = og_product_page(f'<main><h1>Water bottles</h1><div class="intro"><p>{CATEGORY_BLURB}'
                           f'</p></div><ul class="results">{bottle_cards(BOTTLES)}</ul></main>')
    result = clean_document(html, html=True, url="https://trail.example/bottles")
    assert result.page_type == "collection"
    for name in BOTTLES:
        assert f"{name} steel water bottle, 32 fl. oz." in result.text
    assert "Insulated bottles keep water cold" in result.text


def test_a_product_called_so_by_og_type_keeps_its_rail_out():
    # a product's page: its description and specifications hold most of the text, and the
    # rail of other priced products beside them holds less than half: still a product
    description = "".join(f"<p>{p}</p>" for p in STORY_PARAS).replace("bridge", "bottle")
    html = og_product_page(
        '<main><div class="product"><h1>Summit steel water bottle</h1><div class="price">$24.00'
        f'</div><div class="description">{description}{description}</div></div>'
        f'<ul class="results">{bottle_cards(BOTTLES[:6])}</ul></main>')
    result = clean_document(html, html=True, url="https://trail.example/p/summit")
    assert result.page_type == "product"
    assert "The council voted on Tuesday night" in result.text
    assert "Canyon steel water bottle" not in result.text


def facets() -> str:
    """A shop's filters: a box of options per facet, more text than the grid beside it."""
    options = {"Size": ["XXS", "XS", "S", "M", "L", "XL", "XXL"],
               "Colour": ["Beige", "Black", "Blue", "Brown", "Green", "Grey", "Orange", "Pink"],
               "Capacity": ["12 oz", "16 oz", "20 oz", "24 oz", "32 oz", "40 oz", "64 oz"],
               "Material": ["Stainless steel", "Glass", "Plastic", "Titanium", "Aluminium"]}
    return '<div class="plp-facet-controls">' + "".join(
        f'<div class="facet"><button>Filter {name}</button><ul>' + "".join(
            f'<li><label><input type="checkbox"> Filter {name} with value {v}</label></li>'
            for v in values) + "</ul></div>" for name, values in options.items()) + "</div>"


@pytest.mark.parametrize("og_type", ["", "product"])
def test_a_grid_beside_filters_holding_more_text_is_the_page_s_list(og_type):
    # the filters are the list's controls: the share of the page the grid holds is measured
    # without them (items.FACETS), so the grid of twelve bottles is still the page's
    head = f'<meta property="og:type" content="{og_type}">' if og_type else ""
    html = ("<!doctype html><html><head><title>Water bottles</title>" + head + "</head><body>"
            f'<h1>Water bottles</h1><div class="layout">{facets()}<ul class="results">'
            f"{bottle_cards(BOTTLES)}</ul></div><footer><p>© 2025 Trail Shop</p></footer>"
            "</body></html>")
    result = clean_document(html, html=True, url="https://trail.example/bottles")
    for name in BOTTLES:
        assert f"{name} steel water bottle, 32 fl. oz." in result.text
    assert result.page_type == ("collection" if og_type else "listing")


def _product_with_rail(description: str, cards: str, heading: str = "You may also like") -> str:
    return og_product_page(
        '<main><div class="product"><h1>Summit steel water bottle</h1><div class="price">$24.00'
        f'</div>{description}</div><h2>{heading}</h2><ul class="grid">{cards}</ul></main>')


def test_a_thin_product_with_a_rail_of_priced_cards_is_still_a_product():
    # a two-sentence description and eight "customers also bought" cards: the rail holds most
    # of the text, but the product's own price above it says what the page is (review-s14a 3)
    description = ('<div class="description"><p>Our Summit bottle keeps water cold for a full '
                   "day on the trail. Double-walled steel and a leakproof screw cap.</p></div>")
    result = clean_document(_product_with_rail(description, bottle_cards(BOTTLES[1:9]),
                                               "Customers also bought"),
                            html=True, url="https://trail.example/p/summit")
    assert result.page_type == "product"
    assert "keeps water cold for a full day" in result.text
    assert "Ridge steel water bottle" not in result.text


@pytest.mark.parametrize("cards, box", [
    # a filterable grid names its cards after the filter (isotope's "filter-item")
    ('class="product-tile filter-item"', '<div class="description">'),
    # Tailwind's "filter" utility names a visual effect, no list's filters
    ('class="product-tile"', '<div class="prose filter drop-shadow-md">'),
])
def test_boxes_named_filter_that_are_no_facets_leave_the_share_alone(cards, box):
    # review-s14a 2: counted as facets, they took the description's or the grid's own text
    # out of the page, and the rail read as the page's list
    description = box + "".join(f"<p>{p}</p>" for p in STORY_PARAS).replace("bridge", "bottle") \
        + "</div>"
    html = _product_with_rail(description,
                              bottle_cards(BOTTLES[:10]).replace('class="product-tile"', cards))
    result = clean_document(html, html=True, url="https://trail.example/p/summit")
    assert result.page_type == "product"
    assert "The council voted on Tuesday night" in result.text
    assert "Canyon steel water bottle" not in result.text


def zebra_job_board() -> str:
    """A 2000s job board: the results in a table, its rows striped by parity ("jl_odd_row",
    "jl_even_row"), each a linked title, its terms and the start of its description; the
    search's facets beside them."""
    jobs = TOPICS + ["office", "depot", "clinic"]
    facets = "".join(f'<li><a href="/c/{t}">{t.title()} ({i + 1})</a></li>' for i, t in enumerate(jobs))
    rows = "".join(
        f'<tr class="jl_{"even" if i % 2 else "odd"}_row"><td><a class="jt" href="/job/{i}">'
        f'{topic.title()} assistant</a><div>Job type: Full time</div><div>The {topic} team '
        f'needs an assistant to answer the public, keep the records and help the manager with '
        f'the weekly rota...</div><a href="/job/{i}">View full job description</a></td>'
        '<td>PA - Reading</td></tr>'
        for i, topic in enumerate(jobs))
    return ("<!doctype html><html><head><title>Assistant jobs in Reading</title></head><body>"
            '<table><tr><td class="left"><p>Narrow search</p><ul>' + facets + "</ul></td>"
            '<td class="right"><p>11 assistant jobs found</p><table>' + rows + "</table></td>"
            "</tr></table></body></html>")


def test_a_zebra_striped_list_of_results_is_one_list():
    # rows named by their parity are one shape: the list of results, not the half of it
    # that holds most of the page (the other half was left out)
    # (the first card's title goes to the text rule labels-above-headline, which reads the
    # card's "Job type: Full time" as the page's headline: another matter)
    text = clean_document(zebra_job_board(), html=True).text
    jobs = TOPICS + ["office", "depot", "clinic"]
    for i, topic in enumerate(jobs):
        assert f"The {topic} team needs an assistant" in text, topic
        assert i == 0 or f"{topic.title()} assistant" in text, topic


def _most_read_beside_a_brief() -> str:
    """A short story (a wire brief, under STORY_PROSE) and, beside it, a "Most read" table of
    linked rows striped "odd" and "even" as every table of some CMSs is."""
    brief = ("<p>The council approved the sea wall plan on Tuesday night by nine votes to four.</p>"
             "<p>Work is due to begin in March and should be finished before the next winter, "
             "officials said.</p><p>Residents of the harbour streets said they were relieved at last.</p>")
    rows = "".join(f'<tr class="{"even" if i % 2 else "odd"}"><td><a href="/story/{i}">Most read '
                   f'story number {i} on the site</a></td><td>1,20{i} views</td></tr>' for i in range(8))
    return ("<!doctype html><html><head><title>Council approves sea wall</title></head><body>"
            f'<div class="content"><h1>Council approves sea wall</h1><div class="node">{brief}</div></div>'
            f'<div class="block block-popular"><h2>Most read</h2><table><tbody>{rows}</tbody></table>'
            "</div></body></html>")


def test_a_striped_chrome_table_beside_a_short_story_is_no_list():
    # its two halves together would pass for the page's list; but the chosen story lies
    # outside it, so each half is judged alone, as before: the brief's page, no listing
    result = clean_document(_most_read_beside_a_brief(), html=True)
    assert "Residents of the harbour streets" in result.text
    assert "Most read story number" not in result.text
    assert result.page_type != "listing"


def test_stripes_are_read_out_of_class_names():
    from cleaner.html.items import _unstriped

    assert _unstriped("jl_odd_row") == _unstriped("jl_even_row") == "jl_row"
    assert _unstriped("Row-Odd") == _unstriped("ROW-EVEN".title()) == "Row"
    assert _unstriped("row even") == _unstriped("row") == "row"  # one parity named alone
    assert _unstriped("row alt") == "row alt"  # a card's variant as often as a stripe
    assert _unstriped("list-item even") == "list-item"
    assert _unstriped("odd") == ""
    assert _unstriped("evenly-spaced card") == "evenly-spaced card"  # no parity word in it
    assert _unstriped("altitude") == "altitude"


def test_a_striped_lists_other_sections_join_it_whole():
    # a job board split by date, each section a striped table: the other section's rows of
    # both parities are the list's cards ("jl_odd_row" and "jl_even_row" are one shape name)
    from selectolax.lexbor import LexborHTMLParser

    from cleaner.html.items import item_list
    from cleaner.html.score import _children, negative_elements
    from cleaner.html.walk import walk

    def rows(start: int, n: int) -> str:
        return "".join(
            f'<tr class="jl_{"even" if i % 2 else "odd"}_row"><td><a class="jt" href="/job/{i}">'
            f'Job {i} assistant</a><div>Job type: Full time</div><div>The team {i} needs an '
            'assistant to answer the public, keep the records and help the manager with the '
            f'weekly rota...</div><a href="/job/{i}">View full job description</a></td>'
            '<td>PA - Reading</td></tr>' for i in range(start, start + n))

    html = ("<!doctype html><html><head><title>Assistant jobs in Reading</title></head><body>"
            "<p>16 assistant jobs found</p><h2>Posted today</h2><table>" + rows(0, 10) + "</table>"
            "<h2>Posted this week</h2><table>" + rows(10, 6) + "</table></body></html>")
    page = walk(LexborHTMLParser(html).body)
    found = item_list(page, negative_elements(page, set()), _children(page))
    assert found is not None and found.run == 10 and len(found.items) == 16
