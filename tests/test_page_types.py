"""Page types (cleaner.html.pagetype) and the categories a user keeps (``keep=``/``--keep``)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from selectolax.lexbor import LexborHTMLParser

from cleaner import InputError, clean, clean_document
from cleaner.io.cli import main
from cleaner.html.pagetype import page_type

STORY = ("The storm reached the coast on Monday night, and officials said that the damage was "
         "the worst they had seen in a decade, with roads closed and power lines down.")
MORE = ("Crews worked through the night to clear the main road, and the council said that "
        "schools would reopen on Wednesday if the power stayed on until then.")
POSTS = [
    "Has anyone else seen the sync client stall after the last update? It hangs at ninety "
    "percent on every large folder, and restarting it does not help at all, sadly.",
    "Same here on two machines. Rolling back to the previous release fixed it for me, so it "
    "looks like a regression in the new upload queue rather than your network settings.",
    "Thanks, rolling back worked here too. I filed a bug report with the logs attached, and "
    "I will post the answer from the developers in this thread as soon as I have it.",
]


def kind_of(html: str, url=None) -> str:
    return page_type(LexborHTMLParser(html), url).kind


@pytest.mark.parametrize("html, url, kind", [
    ('<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>', None, "forum"),
    ('<script type="application/ld+json">{"@graph": [{"@type": "WebSite"}, '
     '{"@type": "NewsArticle"}]}</script>', None, "article"),
    ('<div itemscope itemtype="https://schema.org/Product"></div>', None, "product"),
    ('<meta property="og:type" content="article">', None, "article"),
    ('<meta name="generator" content="Discourse 3.2">', None, "forum"),
    ('<meta name="generator" content="Sphinx 7.1">', None, "documentation"),
    ("<p>x</p>", "https://example.org/docs/install/", "documentation"),
    ("<p>x</p>", "https://example.org/forum/viewtopic.php?t=12", "forum"),
    ("<p>x</p>", "https://example.org/2024/05/storm", "unknown"),
    # a topic page is a news site's tag page or GitHub's, not a forum's topic
    ("<p>x</p>", "https://github.com/topics/machine-learning", "unknown"),
    ("<p>x</p>", "https://forum.example.org/t/sync-client-stalls/4412", "forum"),
    ('<script type="application/ld+json">{not json</script>', None, "unknown"),
])
def test_page_type_reads_what_the_page_declares(html, url, kind):
    assert kind_of(f"<html><head>{html}</head><body></body></html>", url) == kind


def thread_page(forum: bool) -> str:
    head = '<meta name="generator" content="phpBB">' if forum else '<meta property="og:type" content="article">'
    posts = "".join(f'<div class="comment post-reply"><div class="comment-author">user{i}</div>'
                    f'<div class="comment-body"><p>{p}</p></div></div>'
                    for i, p in enumerate(POSTS))
    lead = f"<p>{STORY}</p><p>{MORE}</p>" if not forum else ""
    return (f"<!doctype html><html><head>{head}<title>Sync client stalls</title></head><body>"
            f'<nav><a href="/">Home</a> <a href="/f">Forums</a></nav>'
            f'<div class="main"><h1>Sync client stalls</h1>{lead}'
            f'<div class="comments"><h3>Comments</h3>{posts}</div></div></body></html>')


def test_a_forum_keeps_its_posts_and_a_news_page_loses_its_comment_thread():
    forum = clean_document(thread_page(forum=True))
    assert forum.page_type == "forum"
    for post in POSTS:
        assert post in forum.text
    news = clean_document(thread_page(forum=False))
    assert news.page_type == "article"
    assert STORY in news.text and MORE in news.text
    assert not any(post in news.text for post in POSTS)


def test_keep_comments_keeps_a_news_page_comment_thread():
    text = clean(thread_page(forum=False), keep={"comments"})
    assert STORY in text and all(post in text for post in POSTS)


def figure_page(caption: str) -> str:
    return ("<!doctype html><html><head><title>Storm</title></head><body><article>"
            f"<h1>Storm hits the coast</h1><p>{STORY}</p>"
            f'<figure><img src="a.jpg"><figcaption>{caption}</figcaption></figure>'
            f"<p>{MORE}</p></article></body></html>")


def test_captions_go_by_default_and_stay_when_kept():
    caption = "Waves break over the harbour wall in Brixham on Monday evening"
    result = clean_document(figure_page(caption))
    assert caption not in result.text and STORY in result.text and MORE in result.text
    assert any(r.rule_id == "html-caption" and r.category == "caption"
               for r in result.html.dropped)
    assert caption in clean(figure_page(caption), keep=["caption"])


def test_a_figcaption_and_a_box_named_like_a_credit_both_go():
    # the figcaption is found among the walk's elements, the credit box by its class's query
    caption = "Waves break over the harbour wall in Brixham on Monday evening"
    credit = "Photograph by Ann Lee for the Harbour Gazette"
    html = figure_page(caption).replace(f"<p>{MORE}</p>",
                                        f'<div class="photo-Credit">{credit}</div><p>{MORE}</p>')
    result = clean_document(html)
    assert caption not in result.text and credit not in result.text
    assert STORY in result.text and MORE in result.text
    gone = " ".join(" ".join(r.lines) for r in result.html.dropped if r.rule_id == "html-caption")
    assert caption in gone and credit in gone


def test_a_numbered_figure_caption_is_the_text_s_own():
    caption = "Figure 2. Rainfall per hour at the harbour gauge during the storm"
    assert caption in clean(figure_page(caption))


def test_unknown_categories_are_refused():
    with pytest.raises(InputError, match="captions"):
        clean("Some text", keep={"captions"})
    result = CliRunner().invoke(main, ["clean", "--keep", "caption,nope", "-"], input="x\n")
    assert result.exit_code == 2 and "nope" in result.output


def test_keep_on_the_command_line(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(f"Advertisement\n\nStorm hits the coast\n\n{STORY}\n\n{MORE}\n")
    runner = CliRunner()
    assert "Advertisement" not in runner.invoke(main, ["clean", str(story)]).output
    kept = runner.invoke(main, ["clean", "--keep", "ad,label", str(story)])
    assert kept.exit_code == 0 and "Advertisement" in kept.output


def test_page_type_is_in_the_json():
    data = clean_document(thread_page(forum=True)).to_dict()
    assert data["page_type"] == "forum"
    assert data["html"]["page_type"]["reason"].startswith("generator")
    assert clean_document("Just a line of text.").page_type is None


PLACES = ["north", "south", "east", "west", "river", "ridge"]


def listing_page(og_type: str = "") -> str:
    """A blog's front page: a featured post with a longer summary, then the other posts in
    rows of two (no one container holds most of the items)."""
    head = f'<meta property="og:type" content="{og_type}">' if og_type else ""

    def card(i: int, place: str, more: str = "") -> str:
        return (f'<div class="card"><h2><a href="/notes/{i}">Field note {i}: walking the {place} '
                f'trail in the rain</a></h2><p>A short account of the {place} trail, its mud and '
                f'its views, with a map and the times it took.{more}</p></div>')

    featured = card(1, PLACES[0], " It rained, and the path turned into a stream halfway up, "
                    "so the walk back took twice as long, but the views over the valley, the "
                    "old mill and the beech woods made up for it, and the pub was open.")
    rows = "".join(f'<section class="row">{card(i, PLACES[i - 1])}{card(i + 1, PLACES[i])}</section>'
                   for i in (2, 4))
    return (f"<!doctype html><html><head>{head}<title>Field notes</title></head><body>"
            '<nav><a href="/">Home</a> <a href="/about">About</a></nav>'
            f'<div class="featured">{featured}</div><div class="more">{rows}</div>'
            "<footer><p>© 2025 Field Notes</p></footer></body></html>")


def test_a_listing_keeps_every_item():
    result = clean_document(listing_page())
    assert result.page_type == "unknown"
    for i, place in enumerate(PLACES[:5], 1):
        assert f"the {place} trail, its mud" in result.text
        assert f"Field note {i}: walking the {place} trail in the rain" in result.text


def story_with_teasers(og_type: str) -> str:
    cards = "".join(f'<div class="card"><h3><a href="/s/{i}">Other story number {i} about the '
                    f'town</a></h3><p>A summary of other story number {i}, which is about the '
                    f'town council, its budget and the new bridge over the river.</p></div>'
                    for i in range(8))
    return (f'<!doctype html><html><head><meta property="og:type" content="{og_type}">'
            '<title>Storm</title></head><body><article><h1>Storm hits the coast</h1>'
            f'<p>{STORY}</p><p>{MORE}</p></article><div class="more">{cards}</div></body></html>')


def test_a_story_does_not_spread_to_the_whole_page():
    story = clean(story_with_teasers("article"))
    assert STORY in story and MORE in story and "Other story number 3" not in story
    # not declared a story: the teasers outweigh it, and in doubt the page stays whole
    page = clean(story_with_teasers("website"))
    assert STORY in page and "Other story number 3 about the town" in page


def test_a_quote_s_figcaption_is_its_attribution_not_a_caption():
    html = ("<!doctype html><html><head><title>Storm</title></head><body><article>"
            f"<h1>Storm hits the coast</h1><p>{STORY}</p><figure><blockquote><p>We have never seen "
            "the harbour wall give way like this in forty years of fishing here.</p></blockquote>"
            "<figcaption>Tom Hale, harbour master</figcaption></figure>"
            f"<p>{MORE}</p></article></body></html>")
    assert "Tom Hale, harbour master" in clean(html)


def test_a_sphinx_page_is_documentation_whatever_its_theme_declares():
    html = ('<html><head><meta name="generator" content="Docutils 0.19: https://docutils.sourceforge.io/">'
            '</head><body><div itemscope itemtype="http://schema.org/Article"></div></body></html>')
    assert kind_of(html) == "documentation"
    assert kind_of("<p>x</p>", "https://attrs.readthedocs.io/en/stable/api.html") == "documentation"


def _ld(*types: str) -> str:
    graph = ", ".join(f'{{"@type": "{t}"}}' for t in types)
    return f'<script type="application/ld+json">{{"@graph": [{graph}]}}</script>'


@pytest.mark.parametrize("head, kind", [
    # a review or buying guide declares the products it talks about beside its article
    (_ld("NewsArticle", "Product") + '<meta property="og:type" content="article">', "article"),
    # shops' themes give product pages og:type article; a Product alone is the page
    (_ld("Product") + '<meta property="og:type" content="article">', "product"),
    # a shop's category page: og:type names the group, the schema its products
    (_ld("Product") + '<meta property="og:type" content="product.group">', "collection"),
    # blogs mark every post an ItemPage; customer Reviews beside a product are no article
    (_ld("BlogPosting", "ItemPage"), "article"),
    (_ld("ItemPage"), "product"),
    (_ld("Review") + '<meta property="og:type" content="product">', "product"),
])
def test_og_type_settles_what_the_schema_leaves_open(head, kind):
    assert kind_of(f"<html><head>{head}</head><body></body></html>") == kind


REVIEWS = [
    "Bought this for my kitchen and it boils a full jug in under three minutes, which is "
    "faster than my old one. The handle stays cool and the lid opens with one hand. Great!",
    "Works well but the cable is shorter than I expected, so it has to sit right next to the "
    "socket. Otherwise quiet, quick and easy to clean, and it looks good on the counter.",
]


def product_page() -> str:
    reviews = "".join(f'<div class="review-item"><h4>Review by buyer{i}</h4><p>{r}</p></div>'
                      for i, r in enumerate(REVIEWS))
    return ('<!doctype html><html><head><script type="application/ld+json">{"@type": "Product"}'
            '</script><title>Kettle 1.7 l</title></head><body><nav><a href="/">Shop</a></nav>'
            '<main><h1>Kettle 1.7 l</h1><div class="product-description">'
            "<p>A quiet stainless steel kettle with a 1.7 litre jug, a concealed element and a "
            "lid that opens with one hand, so it is easy to fill and to clean.</p>"
            "<p>It switches off by itself when the water boils or the jug is empty, and the "
            "base turns all the way round for left- and right-handed use.</p></div>"
            f'<section class="product-reviews-content"><h2>Customer reviews</h2>{reviews}'
            "</section></main></body></html>")


def test_a_product_page_loses_its_customer_reviews_unless_comments_are_kept():
    result = clean_document(product_page())
    assert result.page_type == "product"
    assert "a concealed element" in result.text and "the base turns" in result.text
    assert "boils a full jug" not in result.text and "cable is shorter" not in result.text
    kept = clean_document(product_page(), keep={"comments"}).text
    assert "boils a full jug" in kept and "cable is shorter" in kept


JOBS = [("Senior Backend Engineer", "Acme Robotics", "Remote, Europe"),
        ("Frontend Developer", "Blue Harbour Ltd", "London, UK"),
        ("Data Engineer", "Northwind Analytics", "Berlin, Germany"),
        ("Site Reliability Engineer", "Cobalt Systems", "Remote, Worldwide"),
        ("Mobile Developer (iOS)", "Kestrel Apps", "Lisbon, Portugal"),
        ("Machine Learning Engineer", "Fernleaf AI", "Remote, Americas")]


def job_board() -> str:
    """A job board: each item is one link (title, company, place), the page's only prose a
    short line under its heading."""
    items = "".join(f'<li class="job"><a href="/jobs/{i}"><span class="title">{t}</span>'
                    f'<span class="company">{c}</span><span class="region">{r}</span>'
                    "<span>Full-Time</span></a></li>" for i, (t, c, r) in enumerate(JOBS))
    return ("<!doctype html><html><head><title>Programming jobs | Jobboard</title></head><body>"
            '<header><nav><a href="/">Home</a> <a href="/post">Post a job</a> '
            '<a href="/login">Log in</a></nav></header>'
            "<main><h1>Programming jobs</h1><p>New roles every day.</p>"
            f'<ul class="jobs">{items}</ul></main>'
            '<footer><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer>'
            "</body></html>")


def test_a_list_of_linked_items_is_the_page():
    text = clean(job_board())
    for title, company, region in JOBS:
        assert title in text and company in text and region in text
    assert "Privacy" not in text and "Post a job" not in text


def test_a_story_with_a_list_beside_it_stays_the_story():
    """The list of other stories outweighs a short story, which holds more than a paragraph of
    prose: the page is that story (an old news page declares nothing)."""
    cards = "".join(f'<li class="item"><a href="/s/{i}">Another headline about the town, '
                    f'number {i}</a> <span>Mar {i}</span></li>' for i in range(20))
    html = ("<!doctype html><html><head><title>Storm</title></head><body>"
            f"<div class=\"story\"><h1>Storm hits the coast</h1><p>{STORY}</p><p>{MORE}</p>"
            f"<p>{STORY.replace('Monday', 'Tuesday')}</p></div>"
            f'<div class="latest"><h3>Latest</h3><ul class="items">{cards}</ul></div></body></html>')
    text = clean(html)
    assert STORY in text and MORE in text and "number 7" not in text


FEATURES = [
    ("Capture tasks at the speed of thought",
     "Type a task in plain words and it lands in the right project with its due date."),
    ("Plan your week with confidence",
     "See every due date of the coming week in one calendar view, and move tasks by dragging."),
    ("A home for your team's tasks",
     "Give your team a shared space for its projects, apart from your personal tasks."),
    ("Security your company can trust",
     "Your data is encrypted at rest and in transit, and audited every year by outsiders."),
]
ANSWERS = [
    "Yes. The free plan keeps five active projects, reminders and the calendar view, and you "
    "can upgrade at any time, keeping every task, comment and file you have added so far.",
    "Every plan syncs across the web, desktop and phone apps within seconds, and works offline "
    "as well: changes made on a plane are merged as soon as the device is online again.",
    "You can import tasks from a spreadsheet or from most other task managers in a few clicks, "
    "and the importer keeps due dates, labels, sections and the order of the tasks in a project.",
    "Teams pay per member and month, billed yearly or monthly, and nonprofits and schools get a "
    "discount on request, which our support team grants within a working day in most cases.",
]


def service_page(story: bool = False) -> str:
    """A landing page: a hero, headed sections each in a box of its own, an FAQ (the longest
    box); or, with ``story``, an article followed by a product pitch in the same shape."""
    sections = "".join(f'<section class="feature-block"><div class="text-lock-up"><h2>{h}</h2>'
                       f"<p>{p}</p></div></section>" for h, p in FEATURES)
    if story:
        body = ('<article class="post"><h1>Storm hits the coast</h1>'
                + "".join(f"<p>{i}. {STORY}</p><p>{i}. {MORE}</p>" for i in range(5)) + "</article>"
                + sections)
    else:
        faq = "".join(f'<details class="accordion-item"><summary>Question {i}?</summary>'
                      f"<p>{a}</p><p>{a}</p></details>" for i, a in enumerate(ANSWERS))
        body = ('<div class="hero"><h1>Clarity, finally.</h1><p>Join millions of people who '
                "organise their work and life with our to-do list app.</p></div>"
                f'<div class="features">{sections}</div><div class="faq-wrap"><h2>Questions</h2>'
                f"{faq}</div>")
    return ("<!doctype html><html><head><title>Clarity, finally.</title></head><body>"
            '<nav><a href="/">Home</a> <a href="/pricing">Pricing</a></nav>'
            f'<main>{body}</main><footer><h3>About us</h3><p>We are a small company in Porto that '
            "makes tools for getting things done, since 2007.</p></footer></body></html>")


def test_a_page_made_of_sections_keeps_every_section():
    result = clean_document(service_page(), html=True)
    assert result.page_type == "service"  # it declares nothing; its sections tell
    for heading, paragraph in FEATURES:
        assert heading in result.text and paragraph in result.text
    assert ANSWERS[0] in result.text
    assert "small company in Porto" not in result.text  # the footer's is no section


def test_a_story_with_a_pitch_of_sections_after_it_keeps_the_story_alone():
    result = clean_document(service_page(story=True), html=True)
    text = result.text
    assert result.page_type == "unknown"
    assert STORY in text and MORE in text
    for heading, paragraph in FEATURES:
        assert paragraph not in text


def _builder_page(named: tuple[str, ...]) -> str:
    """service_page's landing page as a page builder writes it: each feature's section in a
    box named for what it sells or for the builder's scroll-spy (``named``, one per section),
    and a newsletter's pitch, headed, in a box of its own beside them."""
    sections = "".join(f'<div class="{name}"><h2>{h}</h2><p>{p}</p></div>'
                       for name, (h, p) in zip(named, FEATURES))
    faq = "".join(f'<details class="accordion-item"><summary>Question {i}?</summary>'
                  f"<p>{a}</p><p>{a}</p></details>" for i, a in enumerate(ANSWERS))
    return ("<!doctype html><html><head><title>Clarity, finally.</title></head><body>"
            '<nav><a href="/">Home</a> <a href="/pricing">Pricing</a></nav>'
            '<main><div class="hero"><h1>Clarity, finally.</h1><p>Join millions of people who '
            "organise their work and life with our to-do list app.</p></div>"
            f'<div class="scroll_section">{sections}</div>'
            '<div class="newsletter-box"><h3>Stay in the loop</h3><p>Get one email a month with '
            "our best tips for planning your week, and nothing else.</p></div>"
            f'<div class="faq-wrap"><h2>Questions</h2>{faq}</div></main></body></html>')


def test_a_column_of_sections_in_boxes_named_like_chrome_is_the_page():
    # the builder's boxes share its scroll-spy class (one template), whatever else each is
    # named (review-s10a: three boxes each named its own way are no column by themselves)
    named = ("contact_section lm_navSource", "email_section lm_navSource",
             "teaser-8bd8b65ebf lm_navSource", "hx-meta-block-section")
    result = clean_document(_builder_page(named), html=True)
    for heading, paragraph in FEATURES:
        assert heading in result.text and paragraph in result.text
    assert ANSWERS[0] in result.text
    # a chrome-named box that stands alone, no column of sections around it, stays chrome
    assert "best tips for planning" not in result.text


def test_a_box_named_like_chrome_beside_two_sections_is_no_column():
    # two sections, both named like chrome: a contact box and a teaser beside the page
    text = clean_document(_builder_page(("contact_section", "teaser-0de1c10d53")), html=True).text
    assert FEATURES[0][1] not in text and FEATURES[1][1] not in text


@pytest.mark.parametrize("named", [("contact_section", "meta-block-section", "banner-section"),
                                   ("teaser-1", "teaser-2", "teaser-3")])
def test_three_boxes_named_like_chrome_each_its_own_way_are_no_column(named):
    # review-s10a: a newsletter's, an author's and a sponsor's box after a short story (or
    # three teasers), none of them the page's own section and no template shared: chrome
    text = clean_document(_builder_page(named), html=True).text
    for heading, paragraph in FEATURES[:3]:
        assert paragraph not in text


@pytest.mark.parametrize("quote", ["<blockquote>{}</blockquote>", "<blockquote><p>{}</p></blockquote>",
                                   "<figure><blockquote><p>{}</p></blockquote></figure>"])
def test_a_carousel_of_testimonials_is_no_story_beside_a_page_s_sections(quote):
    # the longest box is a carousel of customers' quotes, each over their name: no story,
    # so the page's sections are its text too, whether the quote's words sit in the
    # blockquote or in its paragraphs (review-s10a: the block's tag is then "p")
    quotes = "".join(f"<div class='slide'>{quote.format(a)}<p>Customer {i}, "
                     f"Head of Operations</p></div>" for i, a in enumerate(ANSWERS * 3))
    page = ("<!doctype html><html><head><title>Clarity, finally.</title></head><body>"
            '<nav><a href="/">Home</a> <a href="/pricing">Pricing</a></nav><main>'
            '<div class="hero"><h1>Clarity, finally.</h1></div>'
            + "".join(f'<section class="feature-block"><h2>{h}</h2><p>{p}</p></section>'
                      for h, p in FEATURES)
            + f'<div class="carousel">{quotes}</div></main></body></html>')
    result = clean_document(page, html=True)
    for heading, paragraph in FEATURES:
        assert heading in result.text and paragraph in result.text


def _manual_with_two_procedures() -> str:
    """A manual's page: two procedures that share their last three steps word for word."""
    def steps(first: str) -> str:
        return (f"<ol><li>{first}</li><li>Open the Settings panel</li>"
                "<li>Click Save changes</li><li>Restart the server</li></ol>")
    return ("<html><head><title>Configuring the server — Acme 2.1 documentation</title>"
            "<meta name='generator' content='Sphinx 7.2.6'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/install'>Install</a> <a href='/config'>Configure</a></nav>"
            "<main><h1>Configuring the server</h1>"
            "<p>The server reads its settings at start-up, so every change below takes effect once "
            "the server has been restarted by the administrator of the machine.</p>"
            "<h2>Changing the port</h2>" + steps("Enter the new port number") +
            "<h2>Changing the log level</h2>" + steps("Choose a log level from the list") +
            "</main></body></html>")


def test_a_manual_s_repeated_steps_stay_in_each_procedure():
    # The repeat rule takes a short line's later copies as a menu printed twice; a manual
    # repeats its steps, fields and code lines where its content does (its menus are the
    # reader's to cut), so on a documentation page the copies stay.
    result = clean_document(_manual_with_two_procedures(), url="https://docs.acme.example/config.html",
                            html=True)
    assert result.page_type == "documentation"
    blocks = result.text.rstrip("\n").split("\n\n")
    assert blocks.count("Open the Settings panel") == 2 and blocks.count("Restart the server") == 2
    assert blocks[-1] == "Restart the server" and "Home" not in blocks
    # the same text as a story's: the repeat rule still takes the copies
    story = _manual_with_two_procedures().replace("<meta name='generator' content='Sphinx 7.2.6'>",
                                                  "<meta property='og:type' content='article'>")
    assert clean(story, url="https://news.acme.example/2025/config", html=True).count(
        "Open the Settings panel") == 1



def _fluxbb_thread() -> str:
    """A FluxBB thread: each post's text four boxes deep in its own blockpost; the answer,
    the longest post, is the reader's choice."""
    posts = ["My laptop fails to resume from suspend since the last kernel update. The screen stays "
             "black and the fans spin at full speed until I hold the power button. Any idea what to try first?",
             "Try booting the LTS kernel and see whether it resumes there. If it does, it is a regression "
             "and worth a bug report upstream. Before you do, look at the journal of the failed resume "
             "with journalctl -b -1 and search for the first error after the suspend entry: on many "
             "laptops it is the graphics driver that fails to come back, and the log names the module. "
             "Then try resuming with the module blacklisted, and with the previous firmware package, "
             "so that the report can say which of the two changed the behaviour. Attach the full log "
             "to the report, not only the lines you think matter.",
             "The LTS kernel resumes fine, thanks. I filed a bug and will report back here."]
    def post(n, who, text):
        return (f'<div id="p{n}" class="blockpost rowodd"><h2><span>#{n}</span></h2><div class="box"><div class="inbox">'
                f'<div class="postbody"><div class="postleft"><dl><dt><strong>{who}</strong></dt><dd>Member</dd></dl></div>'
                f'<div class="postright"><h3>Re: Laptop fails to resume</h3><div class="postmsg"><p>{text}</p></div></div>'
                f'</div></div><div class="inbox"><div class="postfoot"><div class="postfootright"><ul><li><a href="/report">Report</a></li>'
                f'<li><a href="/quote">Quote</a></li></ul></div></div></div></div></div>')
    page = ("<html><head><title>Laptop fails to resume from suspend / Kernel &amp; Hardware / Forums</title></head>"
            "<body><div id='brdheader'><a href='/'>Index</a> <a href='/search'>Search</a> <a href='/register'>Register</a></div>"
            "<div id='brdmain'><h1>Laptop fails to resume from suspend</h1>"
            + post(1, "tuxfan", posts[0]) + post(2, "kernelhacker", posts[1]) + post(3, "tuxfan", posts[2])
            + "</div><div id='brdfooter'><p>Powered by FluxBB</p></div></body></html>")
    return page


def test_a_thread_s_posts_deep_in_their_boxes_are_the_chosen_post_s_kin():
    # A thread's other posts are kin of the chosen one however little prose each holds (a
    # story's far kin needs a paragraph's worth: see html.score.KIN_FAR_PROSE)
    text = clean(_fluxbb_thread(), url="https://bbs.example.org/viewtopic.php?id=42", html=True)
    assert "My laptop fails to resume from suspend since the last kernel update." in text
    assert "Try booting the LTS kernel" in text
    assert "The LTS kernel resumes fine, thanks. I filed a bug and will report back here." in text
    assert "Powered by FluxBB" not in text


def _xenforo_thread() -> str:
    """A XenForo thread: the first post in a block of its own, the replies in a block of the
    same class that also carries a script's hook ("js-replyNewMessageContainer"); the
    replies, the longer, are the reader's choice."""
    def post(n, who, text):
        return (f'<article class="message message--post js-post" id="js-post-{n}"><div class="message-inner">'
                f'<div class="message-cell message-cell--user"><h4 class="message-name"><a href="/m/{who}">{who}</a></h4>'
                f'<dl class="pairs"><dt>Joined</dt><dd>Mar 3, 2021</dd></dl><dl class="pairs"><dt>Messages</dt><dd>1,204</dd></dl>'
                f'<dl class="pairs"><dt>Reaction score</dt><dd>310</dd></dl></div>'
                f'<div class="message-cell message-cell--main"><div class="message-content js-messageContent">'
                f'<article class="message-body js-selectToQuote"><div class="bbWrapper">{text}</div></article>'
                f'</div><footer class="message-footer"><div class="message-actionBar"><a href="/p/{n}/report">Report</a> '
                f'<a href="/p/{n}/reply">Reply</a></div><div class="reactionsBar">{who} and 2 others liked this</div></footer>'
                f'</div></div></article>')
    first = ("I want to upgrade my graphics card this winter.<br>Five brands sell the same chip.<br>"
             "Is the dearest one worth it?")
    replies = [POSTS[1] + " " + POSTS[0], POSTS[2] + " " + POSTS[1], POSTS[0] + " " + POSTS[2]]
    return ("<html><head><title>Which brand of the same graphics card? | Tech Forums</title></head><body>"
            "<div class='p-nav'><a href='/'>Forums</a> <a href='/whats-new'>What's new</a> <a href='/login'>Log in</a></div>"
            "<div class='p-body'><h1>Which brand of the same graphics card?</h1>"
            "<ul class='listInline'><li>Thread starter <a href='/m/asker'>asker</a></li><li>Start date Jan 3, 2024</li>"
            "<li>Tags <a href='/t/gpu'>gpu</a> <a href='/t/upgrade'>upgrade</a></li></ul>"
            "<div class='block-outer'><ul class='pageNav-main'>"
            + "".join(f"<li><a href='/threads/which-brand.42/page-{n}'>{n}</a></li>" for n in range(1, 9))
            + "</ul><a href='/watch'>Watch</a></div>"
            "<div class='block block--messages'><div class='block-container'><div class='block-body'>"
            + post(1, "asker", first) + "</div></div></div>"
            "<div class='block block--messages'><div class='block-outer'><a href='?order=date'>Sort by date</a> "
            "<a href='?order=votes'>Sort by votes</a></div><div class='block-container'>"
            "<div class='block-body js-replyNewMessageContainer'>"
            + "".join(post(n + 2, f"user{n}", r) for n, r in enumerate(replies)) + "</div></div></div>"
            "</div><div class='p-footer'><p>Community platform by XenForo</p></div></body></html>")


def test_a_thread_s_first_post_is_kin_of_its_replies_whatever_a_script_calls_their_box():
    # The class names' "js-" hooks are no part of a box's shape (html.score._shape): without
    # that, the first post's box ("block-body") was not the replies' ("block-body
    # js-replyNewMessageContainer") and the question was lost
    text = clean(_xenforo_thread(), url="https://forums.example.com/threads/which-brand.42/", html=True)
    assert "I want to upgrade my graphics card this winter." in text
    assert "Is the dearest one worth it?" in text
    assert "Rolling back to the previous release fixed it for me" in text
    assert "Community platform by XenForo" not in text


def _short_thread_with_signatures() -> str:
    """A short Invision-style thread: a question and one answer, the answer with its poster's
    signature under it (BEM's "ipsEntry__signature"), which holds half the thread's prose."""
    signature = ("<div class='ipsEntry__signature'><p>Design should be simple and "
                 "communication should be honest. I advocate for both, on behalf of everyone.</p><p>Want to "
                 "improve your store? I build proven solutions for shops of every size, from breadcrumbs to "
                 "wishlists.</p><p>Buying me a coffee is a generous way to say thanks, never expected and "
                 "always appreciated.</p></div>")

    def post(n, who, text, sign=""):
        return (f"<article class='ipsEntry ipsEntry--post' id='elComment_{n}'><aside class='ipsEntry__author-column'>"
                f"<a href='/profile/{who}'>{who}</a></aside><div class='ipsEntry__content'><div class='ipsEntry__post'>"
                f"<div class='ipsRichText ipsRichText--user'><p>{text}</p></div>{sign}</div></div></article>")
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", '
          '"@type": "DiscussionForumPosting", "headline": "Roadmap for the shop editor"}</script>')
    return ("<html><head><title>Roadmap for the shop editor - Forum</title>" + ld + "</head><body>"
            "<nav><a href='/'>Forum</a> <a href='/products'>Products</a></nav>"
            "<h1>Roadmap for the shop editor</h1><div id='comments' class='cTopic'><form>"
            + post(1, "ron", "Is there a public roadmap for the shop editor this year? We plan our "
                             "season around it and would like to know when variants arrive.")
            + post(2, "paul", "There is no public roadmap, and staff do not share release dates. "
                              "Watch the announcements board, where new features are posted first.", signature)
            + "</form></div><footer><p>Terms of use</p></footer></body></html>")


def test_a_post_s_signature_goes_however_much_of_a_short_thread_it_holds():
    # A post's signature is the software's furniture (html.score.FORUM_FURNITURE): on a short
    # thread it held more than half the posts' prose, and a chrome-named box holding that much
    # of the choice stayed (NEGATIVE_KEEP_SHARE)
    text = clean(_short_thread_with_signatures(), url="https://forum.example.com/topic/31-roadmap/", html=True)
    assert "Is there a public roadmap for the shop editor this year?" in text
    assert "Watch the announcements board, where new features are posted first." in text
    assert "Buying me a coffee" not in text and "Design should be simple" not in text
