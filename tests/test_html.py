"""The HTML reader: decoding, hidden and selector removal, container choice, headline, samples."""
from __future__ import annotations

import codecs
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import clean, clean_document
from cleaner.html import reader, score
from cleaner.html.reader import HtmlExtraction, html_to_text
from cleaner.html.decode import decode_html, html_text
from cleaner.html.score import CHROME as _CHROME
from cleaner.html.selector import check_selector_rule
from cleaner.engine.packs import get_packset

from .conftest import CORPUS

SAMPLES = Path(__file__).resolve().parent.parent / "corpus_samples" / "html"
PROSE = ("The storm reached the coast on Monday night, and officials said that the damage was "
         "the worst they had seen in a decade, with roads closed and power lines down. ")


def page(body: str, head: str = "") -> str:
    return f"<!doctype html><html lang=en><head><meta charset=utf-8>{head}</head><body>{body}</body></html>"


def article_page(extra: str = "") -> str:
    paras = "".join(f"<p>{PROSE}Paragraph {i} adds more, residents said.</p>" for i in range(4))
    return page(
        '<header class="site-header"><a href="/">Example News</a></header>'
        '<nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>'
        '<div id="wrap"><article class="post"><h1>Storm hits the coast</h1>'
        f'{paras}{extra}</article>'
        '<aside><h3>Most read</h3><ul><li><a href="/a">Another story entirely</a></li></ul></aside>'
        '</div><footer><p>© 2024 Example Media. All rights reserved.</p></footer>',
        head="<title>Storm hits the coast | Example News</title>")


# ---- decoding -------------------------------------------------------------------------------

def test_bom_wins_over_declaration():
    raw = b"\xef\xbb\xbf<html><head><meta charset=iso-8859-1></head><body><p>Caf\xc3\xa9</p></body></html>"
    text, how = decode_html(raw)
    assert "Café" in text and how.startswith("bom")
    utf16 = "<html><body><p>Grüße</p></body></html>".encode("utf-16")
    assert "Grüße" in html_text(utf16)


def test_meta_charset_and_http_equiv():
    latin = "<html><head><meta charset='iso-8859-1'></head><body><p>Grüße aus Köln</p></body></html>"
    assert "Grüße aus Köln" in html_text(latin.encode("latin-1"))
    equiv = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
             "</head><body><p>Привет</p></body></html>")
    assert "Привет" in html_text(equiv.encode("cp1251"))


def test_wrong_or_unknown_declaration_never_crashes():
    # declared latin-1, really UTF-8: the bytes are valid UTF-8, so UTF-8 wins
    mislabelled = "<meta charset=iso-8859-1><p>Grüße</p>".encode("utf-8")
    assert "Grüße" in html_text(mislabelled)
    # an unknown label and bytes that are not UTF-8: read in the encoding found for them
    # (issue 19: no longer U+FFFD), no exception
    assert html_text(b"<meta charset=klingon><p>bad \xff\xfe bytes</p>") == \
        "<meta charset=klingon><p>bad \xff\xfe bytes</p>"
    # a UTF-16 label on an ASCII-readable page is impossible: read as UTF-8
    assert "Grüße" in html_text("<meta charset=utf-16><p>Grüße</p>".encode("utf-8"))
    out = clean(b"<html><head><meta charset=utf-32></head><body><p>\xff\xfe\x00</p></body></html>",
                html=True)
    assert isinstance(out, str)


# ---- removal ----------------------------------------------------------------------------------

def test_script_style_hidden_removed(packset):
    extra = ('<script>var secret = "SCRIPTTEXT";</script><style>.x{color:red}</style>'
             '<noscript>NOSCRIPTTEXT</noscript><template><p>TEMPLATETEXT</p></template>'
             '<p style="display: none">HIDDENSTYLE</p><div hidden>HIDDENATTR</div>'
             '<span aria-hidden="true">ARIAHIDDEN</span>')
    text = html_to_text(article_page(extra), packset=packset).text
    for marker in ("SCRIPTTEXT", "color:red", "NOSCRIPTTEXT", "TEMPLATETEXT", "HIDDENSTYLE",
                   "HIDDENATTR", "ARIAHIDDEN"):
        assert marker not in text
    assert "Paragraph 3 adds more" in text


def test_selector_rules_fire_and_are_reported(packset):
    extra = ('<div class="social-share"><a>Facebook</a> <a>Twitter</a></div>'
             '<div id="comments"><p>' + PROSE + ' Great post, commenter wrote.</p></div>')
    result = clean_document(article_page(extra), html=True)
    ex = result.html
    assert isinstance(ex, HtmlExtraction)
    fired = dict(ex.selector_hits)
    assert {"html-nav", "html-share", "html-comments", "html-footer"} <= set(fired)
    assert "Facebook" not in result.text and "commenter wrote" not in result.text
    assert "Example News" not in result.text and "All rights reserved" not in result.text
    assert ex.to_dict()["container"] == ex.container


def test_selector_guard_keeps_a_wrapper_holding_the_article(packset):
    # "share" on the article's own wrapper (a theme class) must not empty the page
    body = "".join(f"<p>{PROSE}Part {i}.</p>" for i in range(6))
    html = page(f'<div class="entry share">{body}</div><div class="share"><a>Tweet</a></div>')
    text = html_to_text(html, packset=packset).text
    assert "Part 5." in text and "Tweet" not in text


def test_html_pack_selector_examples(packset):
    rules = [r for r in packset.all_rules() if r.KEY == "selector"]
    assert len(rules) >= 10
    failures = [str(f) for r in rules for f in check_selector_rule(r)]
    assert failures == []


def test_selector_example_checker_reports_failures(packset):
    rule = next(r for r in packset.all_rules() if r.id == "html-share")

    class Fake:
        id, pack_name, value = "fake", "test", rule.value
        examples = {"drop": ["<p>no share bar here</p>"],
                    "keep": ['<div class="share"><a>Share</a></div>']}

    failures = check_selector_rule(Fake())
    assert [f.which for f in failures] == ["drop", "keep"]
    assert "missed" in failures[0].problem and "wrongly removed" in failures[1].problem


@pytest.mark.slow
def test_site_pack_selector_applies_by_url(tmp_path):
    (tmp_path / "example.org.yaml").write_text(textwrap.dedent("""\
        pack: example.org
        match:
          domains: [example.org]
        rules:
          - id: example-box
            category: cta
            selector: 'div.xyz-box'
            examples:
              drop: ['<div class="xyz-box">Buy now</div>']
              keep: ['<div class="xyz">Text</div>']
        """), encoding="utf-8")
    packset = get_packset([tmp_path])
    html = article_page('<div class="xyz-box"><p>PROMOTEXT for readers, buy the print edition now.</p></div>')
    hit = html_to_text(html, url="https://www.example.org/a", packset=packset)
    assert "PROMOTEXT" not in hit.text and ("example-box", 1) in hit.selector_hits
    miss = html_to_text(html, url="https://other.net/a", packset=packset)
    assert "PROMOTEXT" in miss.text
    canonical = html.replace("<title>", '<link rel="canonical" href="https://example.org/a"><title>')
    by_canonical = html_to_text(canonical, packset=packset)
    assert by_canonical.url == "https://example.org/a" and "PROMOTEXT" not in by_canonical.text


# ---- container and rendering ------------------------------------------------------------------

def test_container_choice_and_headline_once(packset):
    ex = html_to_text(article_page(), packset=packset)
    assert ex.container.startswith("article")
    lines = ex.text.splitlines()
    assert lines[0] == "Storm hits the coast"
    assert ex.text.count("Storm hits the coast") == 1
    assert "Another story entirely" not in ex.text and "World" not in lines
    assert lines[1] == "" and lines[2].startswith("The storm reached")


def test_headline_outside_container_is_added_once(packset):
    paras = "".join(f"<p>{PROSE}Item {i}.</p>" for i in range(4))
    html = page(f'<div class="title"><h1>Storm hits the coast</h1></div>'
                f'<div class="links"><a href="/x">Home</a> <a href="/y">News</a></div>'
                f'<div class="story-body">{paras}</div><div class="story-foot"><h1>Storm hits the coast</h1></div>',
                head="<meta property='og:title' content='Storm hits the coast'>")
    text = html_to_text(html, packset=packset).text
    assert text.startswith("Storm hits the coast\n\n") and text.count("Storm hits the coast") == 1



def test_a_short_h1_is_the_headline_not_a_label_above_it():
    # The text rules guess the headline as the first line of four words or more, and take
    # short lines above it for a section's labels ("NATO"). A shop's or a department's h1 is
    # often one word: shown by the reader as the page's headline, it stays; the reader knows.
    html = ("<html><head><title>Lights | Trailhead Cycling</title></head><body>"
            "<header><nav><a href='/'>Home</a> <a href='/bikes'>Bikes</a></nav></header>"
            "<main><h1>Lights</h1><h2>Choosing a bike light for winter commuting</h2>"
            "<p>A front light of 400 lumens or more lets you see the road on unlit lanes, and a "
            "rear light with a daytime flash mode makes you visible from far behind.</p>"
            "<p>Every light here charges over USB-C and mounts without tools, so it moves "
            "between bikes in seconds and comes off when you lock up in town.</p></main></body></html>")
    result = clean_document(html, url="https://shop.example.com/accessories/lights/", html=True)
    assert result.html.headline_line == 0
    assert result.text.startswith("Lights\n\nChoosing a bike light for winter commuting\n")
    # an h1 broken by a <br> is the headline in both its lines (review-s9: the cluster rule
    # took its first line, the rule for labels its second)
    broken = clean_document(html.replace("<h1>Lights</h1>", "<h1>Bike lights<br>and reflectors</h1>"),
                            url="https://shop.example.com/accessories/lights/", html=True)
    assert broken.html.headline_lines == frozenset({0, 1})
    assert broken.text.startswith("Bike lights\nand reflectors\n\nChoosing a bike light")
    # a label above a story's h1 still goes
    story = ("<html><head><title>Storm hits the coast</title></head><body><main>"
             "<p><a href='/world'>World</a></p><h1>Storm hits the coast</h1>"
             f"<p>{PROSE}</p><p>{PROSE}Again.</p></main></body></html>")
    assert clean(story, html=True).startswith("Storm hits the coast\n")

def test_lists_quotes_tables_and_breaks(packset):
    extra = ("<ul><li>First point of the plan, which is long enough.</li><li>Second point.</li></ul>"
             "<blockquote><p>We will rebuild, the mayor said.</p></blockquote>"
             "<table><tr><th>Town</th><th>Homes</th></tr><tr><td>Eastport</td><td>120</td></tr></table>"
             "<p>Line one<br>line two<br><br>New block</p>")
    text = html_to_text(article_page(extra), packset=packset).text
    blocks = text.rstrip("\n").split("\n\n")
    assert "First point of the plan, which is long enough." in blocks
    assert "We will rebuild, the mayor said." in blocks
    assert "Town | Homes" in blocks and "Eastport | 120" in blocks
    assert "Line one\nline two" in blocks and "New block" in blocks


def test_pipeline_detects_html_and_runs_text_rules():
    html = article_page("<p>Advertisement</p>")
    out = clean(html)  # detected as HTML
    assert out.startswith("Storm hits the coast\n") and "<p>" not in out
    assert "Advertisement" not in out.splitlines()


def test_empty_and_odd_documents():
    assert clean("<html></html>", html=True) == ""
    assert isinstance(clean(b"\x00\x01<<<>>>", html=True), str)
    assert isinstance(clean("<p>" * 5000 + "deep", html=True), str)
    deep = "<div>" * 3000 + PROSE + "</div>" * 3000
    assert "storm reached" in clean(deep, html=True)


def test_invisible_characters_and_ruby_annotations(packset):
    extra = ("<p>Das Mit\u00adtel\u00adal\u00adter war lang, und die Stadt wuchs.</p>"
             "<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp>字</ruby> are characters.</p>")
    text = html_to_text(article_page(extra), packset=packset).text
    assert "Das Mittelalter war lang" in text
    assert "漢字 are characters." in text and "kan" not in text


def test_chrome_named_box_inside_the_article_is_dropped(packset):
    # a comment thread the selector rules do not name, inside the article's wrapper (a box
    # holding over half of the choice's prose would stay: a chrome-like name is only a hint)
    comments = "".join(f'<div class="comment-item"><p>{PROSE} Reader {i} wrote.</p></div>'
                       for i in range(3))
    text = html_to_text(article_page(comments), packset=packset).text
    assert "Paragraph 3 adds more" in text and "Reader 1 wrote" not in text


def test_a_node_promoted_to_the_front_page_is_no_promo_box():
    """Drupal marks every node shown on the front page "node--promoted": the article itself
    (a recipe's instructions went with it), not a promo box."""
    from cleaner.html.score import CHROME, NEGATIVE

    for pattern in (CHROME, NEGATIVE):
        assert not pattern.search("node node--type-recipe node--promoted node--view-mode-full")
        assert pattern.search("promo-box") and pattern.search("sidebar-promo")


def test_a_page_builder_s_text_widgets_are_the_page(packset):
    """Elementor calls each box of the article's text a widget: a short paragraph in one is
    the article's, not a sidebar widget."""
    boxes = "".join(f'<div class="elementor-element elementor-widget elementor-widget-text-editor">'
                    f'<div class="elementor-widget-container"><p>{text}</p></div></div>'
                    for text in (PROSE + "Roads closed.", PROSE + "Power went out.",
                                 "Proper insurance cover keeps your savings safe.",
                                 PROSE + "Schools shut.", PROSE + "Crews worked all night."))
    html = page(f'<div class="elementor elementor-120"><h1>Storm hits the coast</h1>{boxes}</div>'
                '<aside class="widget"><p>Follow us</p></aside>',
                head='<meta property="og:type" content="article"><title>Storm hits the coast</title>')
    text = html_to_text(html, packset=packset).text
    assert "Proper insurance cover keeps your savings safe." in text
    assert "Crews worked all night." in text and "Follow us" not in text


def test_a_faq_after_the_article_is_its_text_whatever_module_holds_it(packset):
    answer = ("The planning process is a series of steps that takes an event from an idea to "
              "the day itself, with a budget, a venue, a timeline and a team that knows who does "
              "what, and a plan for the weather if the party is held outdoors in the spring.")
    html = article_page().replace(
        "</article>", '</article><div class="faq-sec module_1719"><div class="faq-box">'
        f'<h3>What is the event planning process?</h3><p>{answer}</p></div></div>')
    text = html_to_text(html, packset=packset).text
    assert answer in text and "Another story entirely" not in text


def test_a_linked_sentence_is_text_a_link_list_is_not(packset):
    html = article_page('<p><a href="/offer">You can buy the annual membership with a ten '
                        'percent discount on our partner site here.</a></p>'
                        '<ul class="links"><li><a href="/a">Storm pictures</a></li>'
                        '<li><a href="/b">Flood map</a></li></ul>')
    text = html_to_text(html, packset=packset).text
    assert "You can buy the annual membership with a ten percent discount" in text
    assert "Storm pictures" not in text and "Flood map" not in text


def test_lead_between_headline_and_body_is_kept_captions_are_not(packset):
    paras = "".join(f"<p>{PROSE}Item {i}.</p>" for i in range(4))
    html = page('<article><header><h1>Storm hits the coast</h1>'
                '<p class="standfirst">Thousands are without power after the worst storm in years.</p>'
                '<figure><img src="a.jpg"><figcaption>The harbour on Monday. Photo: Jane Doe</figcaption></figure>'
                f'</header><div class="story-body">{paras}</div></article>',
                head="<title>Storm hits the coast | Example News</title>")
    text = html_to_text(html, packset=packset).text
    assert text.startswith("Storm hits the coast\n\nThousands are without power")
    assert "Photo: Jane Doe" not in text


def _standfirst_page(title: str, h1: str) -> str:
    paras = "".join(f"<p>{PROSE}Item {i}.</p>" for i in range(4))
    return page('<table><tr><td><p><a href="/film">Film</a></p><p><a href="/news">News</a></p></td>'
                f'<td><h1>{h1}</h1>'
                '<div class="intro">Using amateur actors and a frightened chicken, the film shows '
                'the slums as they are, and its director explains why it had to be made</div>'
                '<div class="date">Saturday December 21, 2002</div>'
                f'<div class="body">{paras}</div></td></tr></table>', head=f"<title>{title}</title>")


def test_a_standfirst_is_kept_when_the_titles_longest_part_is_the_sites(packset):
    # "Headline | Section | Site", where the site's name is the title's longest part: the h1
    # is the title's first part whole, so it is the headline, and the lead under it is kept
    html = _standfirst_page("On a wing and a prayer | Features | Guardian Unlimited Film",
                            "On a wing and a prayer")
    text = html_to_text(html, url="http://film.guardian.co.uk/features/1.html", packset=packset).text
    assert text.startswith("On a wing and a prayer\n\nUsing amateur actors")


def test_a_site_name_h1_at_a_titles_end_is_no_headline(packset):
    # the site's name as the h1 (it spells the host, or the title has two parts only): the
    # box under it is no lead of a story
    for title, h1, url in (
            ("Why the storms grow stronger every year | Features | The Weather Desk", "The Weather Desk",
             "https://weatherdesk.example/why"),
            ("Why the storms grow stronger every year | The Weather Desk", "The Weather Desk", None)):
        text = html_to_text(_standfirst_page(title, h1), url=url, packset=packset).text
        assert "Using amateur actors" not in text, title


def _masthead_page(headline_tag: str, meta: str = "") -> str:
    """A local paper's story: its name as the page's h1 over its slogan and the weather, then
    the sections, then the story's headline (in ``headline_tag``) and its body."""
    paras = "".join(f"<p>{PROSE}Point {i}.</p>" for i in range(5))
    links = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(8))
    return page('<div id="top"><h1>Springfield Daily Chronicle</h1>'
                '<div class="slogan">Independent local journalism for the people of Springfield '
                'and the valley since 1887.</div><div class="weather">Cloudy skies are expected '
                'this afternoon with light rain moving in from the west tonight.</div></div>'
                f'<ul>{links}</ul><{headline_tag}>Council backs the new sea wall plan</{headline_tag}>'
                f'<div class="story">{paras}</div>',
                head="<title>Council backs the new sea wall plan | Local News | Springfield Daily "
                     f"Chronicle</title>{meta}")


def test_a_site_name_h1_is_no_headline_when_the_headline_is_another_heading(packset):
    # the h1 is the title's last part, as long as its first: but the first part, the story's
    # headline, is a heading on the page, so the h1 is the paper's name and what sits under it
    # (a slogan, the weather) is no lead; no url, or one that abbreviates the name
    for url in (None, "https://www.sdchron.example/local/sea-wall.html"):
        text = html_to_text(_masthead_page("h2"), url=url, packset=packset).text
        assert "Independent local journalism" not in text, url
        assert "Cloudy skies" not in text, url


def test_a_headline_in_an_h2_under_a_logo_h1_is_kept(packset):
    # the h1 is the paper's name; the h2 is the title's longest part whole: the headline
    for url in (None, "https://www.sdchron.example/local/sea-wall.html"):
        text = html_to_text(_masthead_page("h2"), url=url, packset=packset).text
        assert "Council backs the new sea wall plan" in text, url


def test_a_teaser_of_the_story_under_the_titles_wording_is_not_its_headline():
    # review-s16e 1: the story's h1 is worded otherwise than the <title>, and a "Most read"
    # box (after the story, or a strip above it) holds this very story's teaser under the
    # title's wording: the h1 stays the headline, and the strip does not come in above it
    prose = ("The storm reached the coast on Monday night, and officials said that the damage "
             "was the worst they had seen in a decade, with roads closed and power lines down. ")
    paras = "".join(f"<p>{prose}Point {i}.</p>" for i in range(5))
    teasers = ('<h2>Most read</h2><h3><a href="/local/sea-wall">Sea wall plan backed by council</a></h3>'
               '<p>Councillors voted on Tuesday after a long debate in the town hall about costs.</p>'
               '<h3><a href="/x">Fair returns to the park</a></h3>')
    story = ('<h1>Councillors vote for new flood defences at Eastbay</h1>'
             '<p class="standfirst">The three million pound scheme will protect four hundred homes '
             f'from winter storms.</p><div class="story">{paras}</div>')
    head = "<title>Sea wall plan backed by council | Springfield Chronicle</title>"
    for body in (story + f'<aside class="most-read">{teasers}</aside>',
                 f'<div class="top-stories"><div class="most-read">{teasers}</div></div>' + story):
        page = f"<!doctype html><html lang=en><head>{head}</head><body>{body}</body></html>"
        text = html_to_text(page).text  # the reader's own judgement, no pack's selectors
        assert text.startswith("Councillors vote for new flood defences at Eastbay"), text[:200]
        assert "Councillors voted on Tuesday" not in text


def test_a_site_name_h1_is_no_headline_when_the_page_declares_it_the_sites(packset):
    # the headline is no heading here (a styled div); the page's own og:site_name (or its
    # application-name) says the h1 is the site's name
    for meta in ('<meta property="og:site_name" content="Springfield Daily Chronicle">',
                 '<meta name="application-name" content="Springfield Daily Chronicle">'):
        text = html_to_text(_masthead_page("div", meta), packset=packset).text
        assert "Independent local journalism" not in text, meta
        assert "Cloudy skies" not in text, meta


def test_a_site_name_h1_spelling_the_host_is_no_headline():
    # as long as the headline, at the title's end: only the host's words say it is the site's
    title = "Storms grow stronger | Features | The Weather Desk"
    assert not reader._titled_by("the weather desk", title, "weatherdesk.example")
    assert reader._titled_by("the weather desk", title, None)  # nothing else tells them apart


def test_the_sites_words_are_its_registrable_name_alone():
    # a public suffix's labels and a section's subdomain are no word of the site's name
    assert score.site_words("film.guardian.co.uk") == {"guardian"}
    assert score.site_words("news.bbc.co.uk") == {"bbc"}
    assert score.site_words("sueddeutsche.de") == {"sueddeutsche"}
    assert score.site_words("www.ard.de") == {"ard"}
    assert score.site_words("www.sdchron.com") == {"sdchron"}
    assert score.site_words("the-weather-desk.example") == {"the", "weather", "desk"}
    assert score.site_words("localhost") == {"localhost"}
    assert score.site_words(None) == set()


def test_a_headline_naming_the_hosts_suffix_or_section_is_still_the_headline():
    # "UK" (the host's suffix) and "film" (its section's subdomain) are no site's name
    title = "{} | Features | Guardian Unlimited Film"
    for got in ("why uk cinemas are closing", "the best film of the year", "on a wing and a prayer"):
        assert reader._titled_by(got, title.format(got), "film.guardian.co.uk"), got


def _summary_page(summary_box: str) -> str:
    paras = "".join(f"<p>{PROSE}Item {i}.</p>" for i in range(4))
    links = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(8))
    return page(f'<div class="page"><ul>{links}</ul><div class="headline">Wanted: a storm plan</div>'
                '<div class="article_author">By Jane Doe, Professor, Example University</div>'
                '<div class="publication_date">Published: June 2002</div>'
                f'{summary_box}<div class="article_body">{paras}</div><ul>{links}</ul></div>',
                head="<title>Wanted: a storm plan</title>")


def test_a_summary_box_right_above_the_body_is_its_standfirst(packset):
    # named a summary (a teaser's name to the stray-prose rescue), right above the chosen body
    # and in no list of teasers: the story's standfirst, kept
    summary = ("Councils should spend on sea walls before the next winter comes. But they have "
               "to dispel some myths about the cost first.")
    html = _summary_page(f'<div class="summary"><p>{summary}</p></div>')
    assert summary in html_to_text(html, packset=packset).text
    # a box named a teaser there stays out; so does a summary inside a teaser list
    for box in (f'<div class="teaser"><p>{summary}</p></div>',
                f'<div class="teaser-list"><div class="summary"><p>{summary}</p></div></div>'):
        assert summary not in html_to_text(_summary_page(box), packset=packset).text, box


def test_a_summary_box_named_with_the_letters_site_is_still_a_standfirst(packset):
    # "site" is a word in the names that make a box the site's blurb ("site-summary"), not
    # the letters inside "website" or "composite" (review-s16e 3)
    summary = ("Councils should spend on sea walls before the next winter comes. But they have "
               "to dispel some myths about the cost first.")
    for names in ("summary composite", "summary website-font"):
        html = _summary_page(f'<div class="{names}"><p>{summary}</p></div>')
        assert summary in html_to_text(html, packset=packset).text, names


def test_a_summary_box_of_two_paragraphs_is_kept_whole(packset):
    # the walk up from the body goes on while its paragraphs stay in the one summary box
    first = "Councils should spend on sea walls before the next winter comes, experts say."
    second = "But they have to dispel some myths about the cost of the work first, they add."
    html = _summary_page(f'<div class="summary"><p>{first}</p><p>{second}</p></div>')
    text = html_to_text(html, packset=packset).text
    assert first in text and second in text


def test_a_summary_box_in_a_promo_of_its_own_is_no_standfirst(packset):
    # right above the body, but in a box of its own beside it (a promo of another story, its
    # wrapper named otherwise than a teaser's): not the story's standfirst
    summary = ("Flood defences in the north were overwhelmed again last week, and residents say "
               "they were not warned in time.")
    for box in (f'<div class="editors-pick"><a href="/x">Floods return</a>'
                f'<div class="summary"><p>{summary}</p></div></div>',
                f'<div class="breaking-news"><div class="summary"><p>{summary}</p></div></div>'):
        assert summary not in html_to_text(_summary_page(box), packset=packset).text, box
    # nor is the site's blurb about itself, in the story's wrapper but named for the site
    blurb = ("The Coast Courier is an independent newsroom covering the towns of the north-east "
             "coast, their councils and their courts.")
    paras = "".join(f"<p>{PROSE}Point {i}.</p>" for i in range(4))
    links = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(8))
    html = page(f'<div class="page"><ul>{links}</ul><div class="headline">Council backs sea wall</div>'
                f'<div class="byline">By Jane Doe</div><div id="site-summary"><p>{blurb}</p></div>'
                f'<div class="article_body">{paras}</div><ul>{links}</ul></div>',
                head="<title>Council backs sea wall</title>")
    assert blurb not in html_to_text(html, packset=packset).text


LETTER = ("I read the report on the storm with interest, and I want to add what we saw in our own "
          "village that night, when the river rose over the bridge and the lane to the school flooded. ")


def _letters_page(between: str) -> str:
    """A letters page in a layout table: the first letter is the chosen content; the second,
    in another row, is taken paragraph by paragraph as stray prose, with ``between`` set
    between its two long paragraphs."""
    first = "".join(f"<p>{PROSE}Point {i} of the first letter, she wrote.</p>" for i in range(6))
    links = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(8))
    return page(f'<table><tr><td><ul>{links}</ul></td></tr>'
                f'<tr><td><div class="letter">{first}<p>Ann Smith</p></div></td></tr>'
                f'<tr><td><p>from Tom Jones</p><blockquote><p>{LETTER}It was late.</p>{between}'
                f'<p>{LETTER}We were lucky.</p><p>Tom Jones</p></blockquote></td></tr></table>',
                head="<title>Letters to the editor</title>")


def test_the_short_lines_between_two_rescued_paragraphs_of_one_box_are_kept(packset):
    # the second letter's long paragraphs come in as stray prose; the lead-in to a quote and
    # the quote between them, in the same box, are the letter's too (cleaneval's letters and
    # references lost them)
    lead = "The council answers its critics in its own report:"
    quote = "What would a wall have cost us then?"
    text = html_to_text(_letters_page(f"<p>{lead}</p><blockquote><p>{quote}</p></blockquote>"),
                        packset=packset).text
    assert lead in text and quote in text
    assert text.index(lead) < text.index(quote) < text.rindex(LETTER.strip())
    refs = ["References", "Cuban, Larry. November 25, 2001. System Crash. Boston Daily Globe"]
    text = html_to_text(_letters_page("".join(f"<p>{r}</p>" for r in refs)), packset=packset).text
    assert all(r in text for r in refs)


def test_a_link_line_or_a_chrome_box_between_rescued_paragraphs_stays_out(packset):
    for between, gone in (
            ('<p>Read more: <a href="/x">Council approves the flood wall at last</a></p>',
             "Council approves the flood wall"),
            ('<div class="share-bar"><span>Share this letter</span></div>', "Share this letter"),
            ('<div class="promo"><p>Get the weekly newsletter</p></div>', "weekly newsletter")):
        text = html_to_text(_letters_page(between), packset=packset).text
        assert LETTER.strip()[:40] in text, between  # the rescue itself still happens
        assert gone not in text, between


# ---- regression samples -----------------------------------------------------------------------

def _meta(name: str) -> dict:
    return yaml.safe_load((SAMPLES / f"{name}.meta.yaml").read_text(encoding="utf-8"))


def _samples():
    """One case per sample; a sample whose meta names a ``known_failure`` must fail (strict
    xfail), so the day the engine gets it right the test says so and the mark comes off."""
    names = sorted(p.name[:-5] for p in SAMPLES.glob("*.html")) if SAMPLES.is_dir() else []
    cases = []
    for name in names:
        reason = _meta(name).get("known_failure")
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        cases.append(pytest.param(name, marks=marks, id=name))
    return cases


@pytest.mark.parametrize("name", _samples())
def test_corpus_sample(name, packset):
    """``expected: clean`` samples hold the full cleaning output and the page type; the older
    ones hold the HTML reader's text, before the text rules."""
    meta = _meta(name)
    html = (SAMPLES / f"{name}.html").read_bytes()
    want = (SAMPLES / f"{name}.expected.txt").read_text(encoding="utf-8")
    if meta.get("expected") == "clean":
        result = clean_document(html, url=meta["url"])
        assert result.text == want
        assert result.page_type == meta["page_type"]
        return
    got = html_to_text(html, url=meta.get("url"), packset=packset).text
    assert got == want


def test_every_chrome_name_is_a_negative_name():
    """_flags() skips the CHROME search where NEGATIVE finds nothing: that holds only while
    each CHROME alternative is a NEGATIVE alternative as well (or, for the whole-token
    "widget(s)", one that NEGATIVE's plain "widget" finds)."""
    from cleaner.html.score import CHROME, NEGATIVE

    widget = r"(?:^|\s)widgets?(?:\s|$)"
    assert widget in CHROME.pattern and "widget" in NEGATIVE.pattern.split("|")
    negative = set(NEGATIVE.pattern.split("|"))
    for alternative in CHROME.pattern.replace("|" + widget, "").split("|"):
        assert alternative in negative, alternative


def test_class_name_words_prefilter_never_hides_a_match():
    """_flags() runs a pattern only on a class name holding one of its words (_may_match):
    every name a pattern matches must show that pattern's bit, on the names the sample pages
    use and on names built around each pattern's edges (anchors, lookarounds, the spaces the
    builder and thread substitutions leave)."""
    import re

    from cleaner.html.score import (_CHROME, _NEGATIVE, _POSITIVE, REVIEW_WORDS, THREAD_WORDS,
                                     _flags, _may_match)

    names = set()
    for page in (CORPUS / "html").glob("*.html"):
        names.update(v.lower() for v in re.findall(r'(?:class|id)="([^"]*)"', page.read_text()))
    for pattern in (_NEGATIVE, _POSITIVE, _CHROME, REVIEW_WORDS, THREAD_WORDS):
        for alternative in pattern.pattern.split("|"):
            word = re.sub(r"\(\?[:!<]+[^)]*\)|[()^$?|\\]|\\s", "", alternative)
            names.update((word, f"x {word}", f"{word} x", f"x-{word}-x", f"{word}ary", f"p{word}"))
    names.update(("hid", "x hid", "hid x", "rail", "x rail x", "widgets", "left-rail", "siderail",
                  "elementor-widget-x hid", "overflow-hidden hid", "hidelementor-widget-x"))
    for name in names:
        may = _may_match(name)
        for pattern, bit in ((_NEGATIVE, 1), (_POSITIVE, 2), (_CHROME, 4), (REVIEW_WORDS, 32),
                             (THREAD_WORDS, 64)):
            assert not pattern.search(name) or may & bit, (pattern.pattern[:30], name)
    assert _flags("hid") & 1 and _flags("x hid") & 1 and not _flags("hidx") & 1
    assert _flags("right-rail") & 5 == 5 and _flags("product-reviews") & 32


_MIXED = "".join(
    "<p>Die Regierung hat am Montag die neuen Regeln für die Stadt und das Land vorgestellt, und "
    "sie gelten ab dem nächsten Jahr. The company said on Monday that the new rules for the city "
    "and the country would apply from next year.</p>" for _ in range(4))


@pytest.mark.parametrize("declared, language, method", [
    ("en", "en", "declared"),  # the stopwords lean English, in doubt: the page's word settles it
    ("fr", "en", "langdetect"),  # a declared language the stopwords do not lean to is not taken
    (None, "en", "langdetect"),
])
def test_declared_language_settles_a_doubtful_vote(declared, language, method):
    attr = f' lang="{declared}"' if declared else ""
    page = f"<!doctype html><html{attr}><body><article>{_MIXED}</article></body></html>"
    result = clean_document(page, html=True)
    assert (result.language, result.language_method) == (language, method)
    # plain text has no declaration: the same words go to langdetect
    assert clean_document(result.text).language_method == "langdetect"


def test_selector_prefilter_sees_needles_of_plans_made_after_the_page_was_read():
    from selectolax.lexbor import LexborHTMLParser

    from cleaner.html.selector import attribute_haystack, runnable

    body = LexborHTMLParser('<body><div class="x-promo-widget y">a</div><p id="main-x">b</p>'
                            '</body>').body
    haystack = attribute_haystack(body)
    assert runnable('[class*="nothing-like-it"], [id*="main-"]', haystack) == '[id*="main-"]'
    # a selector first seen now brings a needle the page was not yet scanned for
    assert runnable('[class*="promo-wid"], [class*="absent-zz"]', haystack) == '[class*="promo-wid"]'
    assert runnable('[class*="absent-zz"]', haystack) == ""



def test_selector_prefilter_keeps_every_part_whose_needle_the_page_holds_in_order():
    from selectolax.lexbor import LexborHTMLParser

    from cleaner.html.selector import attribute_haystack, runnable

    body = LexborHTMLParser('<body><div class="Top-AD-box" id="share-bar">a</div><nav>b</nav>'
                            '</body>').body
    haystack = attribute_haystack(body)
    selector = ('[class*="ad-" i], nav, .ad, div[class*="ad-"], [id*="share"], [id*="ad-"], '
                '[class*="share"], [class~="top-ad-box"]')
    # one needle serves two parts; parts that need what the page lacks go; order is kept
    assert runnable(selector, haystack) == ('[class*="ad-" i], nav, div[class*="ad-"], '
                                            '[id*="share"], [class~="top-ad-box"]')
    assert runnable(selector, haystack) == runnable(selector, haystack)  # asked again: the same


def test_selector_prefilter_reads_the_subject_of_parts_with_several_tests_or_combinators():
    """A part _PART does not read (combinators, several attributes) is left out when its
    subject element's class, id or role is not on the page, or when it asks for an attribute
    selector the caller knows no element left has (the reader removed every hidden one)."""
    from selectolax.lexbor import LexborHTMLParser

    from cleaner.html.reader import ARIA_HIDDEN
    from cleaner.html.selector import attribute_haystack, runnable

    selector = ('aside, body > header, h2 > a[aria-hidden="true"][href^="#"], '
                '[aria-label*="cookie" i][role="dialog"], div > p.lead, p:first-child, '
                '[data-ad-slot]')
    body = LexborHTMLParser('<body><div role="Dialog" aria-label="Cookies"><p class="x">a</p>'
                            '</div><h2><a aria-hidden="true" href="#x">#</a>T</h2></body>').body
    haystack = attribute_haystack(body)
    assert runnable(selector, haystack) == ('aside, body > header, h2 > a[aria-hidden="true"][href^="#"], '
                                            '[aria-label*="cookie" i][role="dialog"], p:first-child, '
                                            '[data-ad-slot]')
    page = LexborHTMLParser('<body><div role="main"><p class="lead">a</p></div></body>').body
    haystack = attribute_haystack(page)
    haystack.gone.add(ARIA_HIDDEN)
    assert runnable(selector, haystack) == ('aside, body > header, div > p.lead, p:first-child, '
                                            '[data-ad-slot]')


def test_selector_prefilter_gates_a_has_part_by_its_subject():
    """"X:has(Y)" matches only what X matches: a page without X's class skips the part; a
    comma inside parentheses is no part's end, and such a selector runs whole."""
    from selectolax.lexbor import LexborHTMLParser

    from cleaner.html.selector import attribute_haystack, runnable

    selector = '[class~="topic-info"]:has([component^="topic/"]), nav'
    plain = attribute_haystack(LexborHTMLParser('<body><p class="x">a</p></body>').body)
    assert runnable(selector, plain) == "nav"
    boxed = attribute_haystack(LexborHTMLParser('<body><div class="topic-info y">a</div></body>').body)
    assert runnable(selector, boxed) == selector
    listed = '[class~="absent-zz"]:is(div, p), nav'
    assert runnable(listed, plain) == listed
    assert runnable(listed, boxed) == listed  # asked again (its reading kept): still whole


def test_a_story_s_topic_info_box_is_the_story_s_and_nodebb_s_goes():
    """html-thread-furniture takes a "topic-info" box by NodeBB's own markup in it (its labels,
    its counts): a news story's explainer box of that class stays (review-s14c, finding 5)."""
    para = ("<p>The river crested at 6.2 metres on Tuesday, the highest level since records "
            "began, and more than 400 homes in the lower town were evacuated overnight.</p>")
    box = ('<div class="topic-info"><h2>What is a storm surge?</h2><p>A storm surge is a rise in '
           "sea level driven by a storm's winds and low pressure, and it causes most deaths in "
           "coastal floods.</p></div>")
    story = ('<html lang="en"><head><title>Flood</title><meta property="og:type" content="article">'
             '</head><body><nav><a href="/">Home</a></nav><article><h1>Flood relief appeal raises '
             f'record sums</h1>{para * 4}{box}{para * 2}</article></body></html>')
    result = html_to_text(story, packset=get_packset())
    assert "A storm surge is a rise in sea level" in result.text
    assert not any(r.rule_id == "html-thread-furniture" for r in result.dropped)
    nodebb = ('<div class="topic-info"><span component="topic/labels"><span component="topic/pinned">'
              'Pinned</span></span><span component="topic/stats">12 Posts 5 Posters</span></div>')
    result = html_to_text(story.replace(box, nodebb), packset=get_packset())
    assert "12 Posts" not in result.text
    assert any(r.rule_id == "html-thread-furniture" for r in result.dropped)


def test_the_reader_knows_no_aria_hidden_element_is_left_only_when_none_is():
    """An aria-hidden element the reader keeps (here a tab panel, hidden until its tab is
    chosen) is still there for the selector rules that name aria-hidden."""
    words = "one two three four five six seven eight nine ten eleven"
    page = ('<html><body><article><h2>Intro<a aria-hidden="true" href="#intro">#</a></h2>'
            '<p>The first paragraph of the text, long enough to be read as prose here.</p>'
            f'<h2>Tab<a aria-hidden="true" role="tabpanel" href="#tab">{words}</a></h2>'
            '</article></body></html>')
    result = html_to_text(page, packset=get_packset())
    assert "Intro" in result.text and "#" not in result.text and words not in result.text
    assert ("html-heading-anchor", 1) in result.selector_hits


def test_the_walk_tells_text_nodes_by_lexbors_tag_id():
    """walk.TEXT_NODE is the tag id Lexbor gives text nodes (and no other node): the walk
    reads it instead of each text node's tag name."""
    from selectolax.lexbor import LexborHTMLParser

    from cleaner.html.walk import TEXT_NODE

    body = LexborHTMLParser("<body><p>one <b>two</b><!-- c --><my-el>three</my-el></p></body>").body
    nodes = list(body.traverse(include_text=True))
    assert {n.tag for n in nodes if n.tag_id == TEXT_NODE} == {"-text"}
    assert all(n.tag_id == TEXT_NODE for n in nodes if n.tag == "-text")
    assert html_to_text("<html><body><p>one <b>two</b><!-- c --><my-el>three</my-el></p>"
                        "</body></html>").text == "one twothree\n"

@pytest.mark.slow
def test_the_nesting_scan_leaves_real_pages_alone():
    """cleaner/html/depth.py reads tags as the tree builder nests them: unclosed <p> and <li>,
    void elements, self-closing SVG shapes and the '<' of scripts add no depth, so a long
    page of ordinary markup (over SCAN_MIN_TAGS tags) is not flattened, and a nesting limit
    is met exactly where elements really nest."""
    from cleaner.html.depth import SCAN_MIN_TAGS, flatten_deep

    rows = "".join(f"<li><p>Item {i}<br><img src=x.png><svg><path d='M0'/></svg>"
                   for i in range(SCAN_MIN_TAGS))
    page = ("<html><head><script>for (i = 0; i<n; i++) { a<b; }</script></head><body><ul>"
            + rows + "</ul><!-- <div><div><div> --></body></html>")
    assert flatten_deep(page) == (page, 0)
    nested = "<div>" * 10 + "<p>x" + "</div>" * 10 + "<br>" * SCAN_MIN_TAGS
    out, cut = flatten_deep(nested, limit=4)
    assert cut == 13 and out == "<div>" * 4 + "x" + "</div>" * 4 + "<br>" * SCAN_MIN_TAGS
    for sample in sorted((CORPUS / "html").glob("*.html")):
        text = sample.read_text(encoding="utf-8")
        assert flatten_deep(text * 10) == (text * 10, 0)  # ten pages in one: many tags



def _depth_by_name(text: str) -> int:
    """The nesting bound as depth.py first read it: each tag lowered, open elements counted by
    name (the reference for _depth_bound, which reads each distinct tag once)."""
    from cleaner.html.depth import _TAG_NAME, VOID

    open_count: dict[str, int] = {}
    depth = deepest = 0
    for name in _TAG_NAME.findall(text):
        if name[0] == "/":
            name = name[1:].lower()
            if open_count.get(name):
                open_count[name] -= 1
                depth -= 1
            continue
        name = name.lower()
        if name in VOID:
            continue
        open_count[name] = open_count.get(name, 0) + 1
        depth += 1
        deepest = max(deepest, depth)
    return deepest


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "/"]),
                          st.sampled_from(["div", "DIV", "Div", "p", "li", "br", "BR", "img",
                                           "span", "a1", "h2"]),
                          st.sampled_from(["", " class=x", "/", " id='y'"]),
                          st.sampled_from(["", "text", "<", "< p", "<!-- -->"])),
                max_size=60))
def test_depth_bound_reads_tags_as_counting_them_by_name(tags):
    """_depth_bound (a code per distinct tag as written, open elements by slot) gives the bound
    that counting open elements by their lowered name gives: end tags without an open
    element, void elements (their end tags too), names in any case, stray '<'."""
    from cleaner.html.depth import _depth_bound

    text = "".join(f"<{end}{name}{attrs}>{after}" for end, name, attrs, after in tags)
    assert _depth_bound(text) == _depth_by_name(text)


POST = ("Has anyone else seen the sync client stall after the last update? It hangs at ninety "
        "percent on every large folder, and restarting it does not help at all, sadly.")
REPLY = ("Same here on two machines. Rolling back to the previous release fixed it for me, so "
         "it looks like a regression in the new upload queue rather than your network.")


def test_a_noscript_holding_the_page_is_read():
    # Discourse serves every post inside <noscript>; outside it there is only a splash screen
    html = page(f"""<div id="splash">Loading</div>
        <noscript><div id="main-outlet"><h1>Sync client stalls at 90%</h1>
        <div class="topic-body"><p>{POST}</p></div>
        <div class="topic-body"><p>{REPLY}</p></div></div></noscript>""")
    text = clean(html)
    assert POST in text and REPLY in text
    assert "Loading" not in text


def test_a_noscript_fallback_beside_the_page_is_not_read(packset):
    html = page(f"""<noscript><p>Please enable JavaScript to use this site. It works best with
        scripts on, and some features need them, such as comments and the search box.</p>
        <img src="https://px.example/p.gif" height="1" width="1"></noscript>
        <article><h1>Sync client stalls</h1><p>{POST}</p><p>{REPLY}</p>
        <noscript><p>{POST}</p></noscript></article>""")
    text = html_to_text(html, packset=packset).text
    assert "enable JavaScript" not in text and "<img" not in text
    assert text.count(POST) == 1 and REPLY in text


def test_a_self_closed_iframe_in_a_noscript_does_not_swallow_the_page(packset):
    # a tag manager's snippet writes <iframe .../> in a <noscript>: a browser reads the
    # noscript as text; parsed as elements, the iframe's raw text would run to the end of the
    # page, and the story with it
    html = page('<noscript><iframe src="https://tags.example/ns.html?id=GTM-1" height="0" '
                'width="0" style="display: none; visibility: hidden;" /></noscript>'
                f"<article><h1>Sync client stalls</h1><p>{POST}</p><p>{REPLY}</p></article>")
    text = html_to_text(html, packset=packset).text
    assert POST in text and REPLY in text
    assert "iframe" not in text and "tags.example" not in text


GTM_SNIPPET = ('<noscript><iframe src="https://tags.example/ns.html?id=GTM-1" height="0" width="0" '
               'style="display: none; visibility: hidden;" /></noscript>')


@pytest.mark.parametrize("head, before", [
    (GTM_SNIPPET, ""),  # in <head>: the iframe lands in <body>, its parent no noscript
    ("", GTM_SNIPPET.replace("<noscript>", "<noscript><!-- Tag Manager -->")),
    ("", GTM_SNIPPET.replace("<noscript>", "<noscript><div>").replace("</noscript>", "</div></noscript>")),
    ("", GTM_SNIPPET.replace("<noscript>", '<noscript><img src="/p.gif">')),
], ids=["in-head", "after-a-comment", "in-a-div", "after-a-pixel"])
def test_a_self_closed_iframe_swallows_no_page_wherever_its_noscript_sits(packset, head, before):
    html = (f"<!doctype html><html lang=en><head><title>t</title>{head}</head><body>{before}"
            f"<article><h1>Sync client stalls</h1><p>{POST}</p><p>{REPLY}</p></article></body></html>")
    text = html_to_text(html, packset=packset).text
    assert POST in text and REPLY in text


def test_a_misread_page_is_parsed_again_once_and_keeps_its_flattening_count(packset, monkeypatch):
    # the repair is tried once: a page it cannot mend (a later script string holding an
    # iframe tag of many slashes) is not parsed once per slash; and what the first pass
    # flattened is still reported
    import cleaner.html.reader as reader
    calls = []
    real = reader.LexborHTMLParser
    monkeypatch.setattr(reader, "LexborHTMLParser", lambda text: calls.append(1) or real(text))
    from cleaner.html.depth import MAX_NESTING
    deep = "<i></i>" * 9000 + "<div>" * (MAX_NESTING + 50) + "x" + "</div>" * (MAX_NESTING + 50)
    html = (f"<html><body><noscript><!-- GTM --><iframe src='https://t.example/x' /></noscript>{deep}"
            f"<article><h1>Sync</h1><p>{POST}</p></article>"
            '<script>var s = "<noscript><iframe src=x ' + "/" * 300 + '>";</script></body></html>')
    found = html_to_text(html, packset=packset)
    assert POST in found.text
    assert len(calls) == 2
    assert found.flattened > 0


def test_a_hidden_wrapper_holding_the_page_is_the_page(packset):
    # hidden until a script reveals it (against a flash of unstyled content)
    html = page(f'<div style="visibility:hidden;min-height:100vh"><article><h1>Storm</h1>'
                f'{("<p>" + PROSE + "</p>") * 5}<p>{PROSE}Crews worked all night.</p></article>'
                f'<div style="display:none">Menu Search Login</div></div>')
    text = html_to_text(html, packset=packset).text
    assert PROSE.strip() in text and "Crews worked all night." in text
    assert "Menu Search Login" not in text


def test_a_hidden_wrapper_in_main_is_the_page_however_long_the_menus(packset):
    """An access-gate app hides the shop's <main> content until its script has run; the page's
    menus, drawers and footer hold more text than the product does."""
    menu = "".join(f'<li><a href="/c/{i}">Category number {i} of the shop</a></li>' for i in range(80))
    html = page(f'<header><nav><ul>{menu}</ul></nav></header><main><div style="display:none;">'
                f'<h1>Dark roast coffee</h1><div class="product__description"><p>{PROSE}</p>'
                f'<p>{PROSE}Roasted in small batches.</p></div></div></main>'
                f'<div style="display:none"><p>Your cart is empty</p></div>')
    text = html_to_text(html, packset=packset).text
    assert "Roasted in small batches." in text and "Your cart is empty" not in text


_INDENT = "\n" + " " * 200  # a template's indentation: the page's text is mostly spaces


def _shop_in_hidden_wrapper(in_header: str, in_article: str) -> str:
    """A shop page whose product sits in a display:none wrapper its script shows: a header
    (with ``in_header``), the wrapper's article (with ``in_article`` after its paragraphs,
    one of them ending 'Baked in small batches.'), an indented footer."""
    return page(f'<header><a href="/">Shop</a> {in_header}</header>'
                '<div class="product-wrapper defer-block" style="display:none"><article>'
                f'<h1>Almond thins</h1><p>{PROSE}</p><p>{PROSE}Baked in small batches.</p>'
                f'{("<p>" + PROSE + "</p>") * 6}{in_article}</article></div>'
                f'<footer><p>Help</p>{_INDENT * 20}<p>Returns</p></footer>')


def test_a_hidden_wrapper_that_outweighs_the_visible_page_is_the_page(packset):
    """A shop renders its product into a wrapper that its script shows (display:none, no
    <main>): what stays visible is a header and a footer, much less than the wrapper holds.
    Its hidden mega menus are smaller, and each is still left out. The markup is indented, as
    a template's is: counted with its spaces, the wrapper is a small part of the page."""
    def menu(name: str) -> str:
        return (f'<div class="mega-menu" style="display:none">' + _INDENT.join(
            f'<a href="/{name}/{i}">{name} shelf {i}</a>' for i in range(12)) + "</div>")
    html = _shop_in_hidden_wrapper(f'{menu("Vitamins")} {menu("Snacks")}', "")
    text = html_to_text(html, packset=packset).text
    assert "Baked in small batches." in text and "shelf 3" not in text


def test_what_the_hidden_page_hides_itself_stays_hidden(packset):
    """The wrapper that is the page shows; a sign-in popup and a collapsed panel it hides
    itself are still left out, and reported (html-hidden). They were passed over as inside
    the wrapper while it was hidden (review, 7 December: both had come back)."""
    html = _shop_in_hidden_wrapper(
        "", '<div style="display:none"><p>Hidden popup: sign in to save your basket</p></div>'
            '<div hidden><p>Hidden tab: delivery times by region</p></div>')
    extraction = html_to_text(html, packset=packset)
    assert "Baked in small batches." in extraction.text
    assert "Hidden popup" not in extraction.text and "Hidden tab" not in extraction.text
    assert sum(r.rule_id == "html-hidden" for r in extraction.dropped) == 2


def test_one_of_several_hidden_forms_is_not_the_page(packset):
    """A page's hidden forms (one per package, shown on a click) are each bigger than the
    page's visible text, and none of them is the page."""
    form = "".join(f'<label>Field number {i} of the application</label><input name="f{i}">'
                   for i in range(40))
    html = page(f'<main><h1>Packages</h1><p>{PROSE}Three packages to choose from.</p></main>'
                + "".join(f'<div class="gform_wrapper" style="display:none"><form>{form}'
                          f"<p>Form {n}</p></form></div>" for n in range(3)))
    text = html_to_text(html, packset=packset).text
    assert "Three packages to choose from." in text and "Field number 3" not in text


def test_a_closed_dialog_is_not_the_page_however_long(packset):
    """A modal (aria-modal) or an unopened <dialog> is hidden until asked for: a privacy policy
    in one outweighs the product, and is still no part of the page."""
    policy = "".join(f"<p>{PROSE}Clause {i} of the privacy policy applies.</p>" for i in range(30))
    html = page('<main><h1>Wool runner</h1><div class="product-description">'
                f'<p>{PROSE}Soft merino wool keeps feet warm.</p></div></main>'
                f'<footer><div role="dialog" aria-modal="true" id="modal-privacy">{policy}</div>'
                f'<dialog><p>{PROSE}Terms of service.</p></dialog></footer>',
                head="<title>Wool runner</title>")
    text = html_to_text(html, packset=packset).text
    assert "Soft merino wool keeps feet warm." in text
    assert "Clause 3 of the privacy policy" not in text and "Terms of service" not in text


def test_a_results_grid_beside_its_facets_is_a_list():
    """Shops wrap the facets and the product grid in one box named for the facets: the grid
    is the page's list all the same."""
    cards = "".join(f'<li class="grid__item"><div class="card"><h3><a href="/p/{i}">Closed-back studio '
                    f'headphones model {i}</a></h3><span class="price">$1{i}9.95</span></div></li>'
                    for i in range(12))
    facets = "".join(f'<li><label>Brand {i}</label></li>' for i in range(6))
    html = page('<h1>Headphones</h1><div class="facets-vertical page-width">'
                f'<aside class="facets"><ul>{facets}</ul></aside>'
                f'<ul id="product-grid" class="grid">{cards}</ul></div>',
                head="<title>Headphones</title>")
    text = clean(html)
    assert "Closed-back studio headphones model 0" in text
    assert "Closed-back studio headphones model 11" in text


def test_react_streamed_segments_are_read(packset):
    html = page(f'<main><h1>Storm</h1><template id="B:1"></template></main>'
                f'<div hidden id="S:1"><p>{PROSE}</p><p>{PROSE}Crews worked all night.</p></div>'
                f'<div hidden><p>Sign in to save this article for later reading.</p></div>')
    text = html_to_text(html, packset=packset).text
    assert "Crews worked all night." in text and "Sign in" not in text


def test_highlighted_code_keeps_its_lines_and_headings_lose_their_permalinks(packset):
    code = ('<pre><code><span class="k">import</span> <span class="n">os</span>\n'
            '<span class="nb">print</span>(<span class="mi">1</span>)\n</code></pre>')
    html = page(f'<article><h1>Install</h1><h2>Configuration<a class="headerlink" '
                f'href="#configuration">¶</a></h2><p>{PROSE}</p>{code}<p>{PROSE}</p></article>')
    text = html_to_text(html, packset=packset).text
    assert "import os\nprint(1)" in text
    assert "Configuration\n" in text and "¶" not in text


def test_code_from_a_pre_is_left_as_written():
    code = "def total(items):\n    for item in items:\n        yield item\n}\n---\n}\n    for item in items:\n        yield item"
    html = page(f"<article><h1>Generators</h1><p>{PROSE}</p><pre><code>{code}</code></pre>"
                f"<p>{PROSE}</p></article>")
    result = clean_document(html)
    assert code in result.text
    assert not any(line in code for r in result.removals for line in r.lines)


def test_short_prose_paragraphs_together_outside_the_choice_are_rescued(packset):
    # A question of three short paragraphs above a longer body of answers: each is too short
    # to be rescued alone (a blurb may be), together they are text; a lone short sentence in
    # another box is not rescued on this rule.
    question = ["I often see people say that running the script twice is a bad idea here.",
                "Why is that, and what exactly goes wrong when the second run starts early?",
                "I would be interested to hear how other people have handled this problem."]
    answers = "".join(f"<div class=\"answer\"><p>{PROSE}Answer {i} says so.</p>"
                      f"<p>{PROSE}And more.</p></div>" for i in range(4))
    html = page('<div class="question"><h1>Why run it once?</h1><div class="q-body">'
                + "".join(f"<p>{q}</p>" for q in question) + '</div></div>'
                '<div class="blurb-box"><p>This site has answered questions for years now, friends.</p></div>'
                f'<div id="answers">{answers}</div>',
                head="<title>Why run it once?</title>")
    text = html_to_text(html, packset=packset).text
    assert all(q in text for q in question)
    assert "Answer 3 says so." in text
    assert "This site has answered questions" not in text


def test_a_standfirst_under_the_headline_is_kept_when_the_body_starts_far_below(packset):
    # A hero box: headline, standfirst, then an author card, dates and a table of contents
    # before the body. The standfirst (a full sentence right under the headline) is the lead;
    # the card's short lines are not.
    lead = "Looking for the best storm shelters this year? Here are ten of them, with prices."
    card = "".join(f"<div class=\"hero-info\">Info line {i}</div>" for i in range(10))
    paras = "".join(f"<p>{PROSE}Item {i}.</p>" for i in range(4))
    html = page(f'<div class="hero"><h1>Storm shelters to buy</h1><div class="intro">{lead}</div>'
                f'{card}</div><div class="richtext">{paras}</div>',
                head="<title>Storm shelters to buy | Example</title>")
    text = html_to_text(html, packset=packset).text
    assert lead in text and "Item 3." in text
    assert "Info line" not in text


def test_the_choice_s_kin_of_the_same_shape_are_kept(packset):
    # A thread whose longest post was chosen: the other posts, each in a wrapper of its own
    # (numbered: no sibling of the same class), have the chosen post's shape at its depth,
    # and are kept; a box of another shape
    # (past a heading, so no paragraph next to the thread either) is not.
    # Each reply has a link in it: no paragraph of plain prose that another rule would take.
    replies = ["Looks like it is something to do with the new integration, try disabling it, "
               'see <a href="/t/1">this thread</a>.',
               'It seems to be a general problem with this release, and it is being discussed '
               '<a href="/t/2">there</a>.']
    posts = (f'<div class="msg msg-1"><div class="cooked"><p>{PROSE}</p><p>{PROSE}</p>'
             f'<p>{PROSE}</p></div></div>' + "".join(
                 f'<div class="msg msg-{i + 2}"><div class="cooked"><p>{r}</p></div></div>'
                 for i, r in enumerate(replies)))
    html = page(f'<h1>Stuck on starting</h1><div class="thread">{posts}</div>'
                '<div class="box"><h3>About us</h3><p>Our site has helped people for years, with '
                'friendly answers.</p></div>',
                head="<title>Stuck on starting</title>")
    text = html_to_text(html, packset=packset).text
    assert "try disabling it, see this thread." in text and "being discussed there." in text
    assert "Our site has helped people" not in text


def test_a_paragraph_of_prose_just_outside_the_choice_is_kept(packset):
    # The story's last paragraph, in a box of its own after the body (past an ad's wrapper):
    # a full sentence right next to the chosen content is kept. The walk out stops at the
    # first block that is not prose, so a sentence beyond the short line is not taken.
    last = "The council will meet again on Friday to decide what to do about the roads."
    paras = "".join(f"<p>{PROSE}Item {i}.</p>" for i in range(4))
    html = page(f'<h1>Storm</h1><div class="story-body">{paras}</div>'
                f'<div class="x-wrap"><p>{last}</p></div><div class="x-wrap2"><p>Thanks</p>'
                '<p>We print a new edition of the paper for our readers every single day.</p></div>',
                head="<title>Storm</title>")
    text = html_to_text(html, packset=packset).text
    assert last in text and "Item 3." in text
    assert "We print a new edition" not in text


def test_layout_utility_classes_are_no_chrome():
    # "overflow-hidden" (Tailwind), "scrollable-table", "hide-scrollbar" say how a box is
    # drawn; "hidden", "sidebar" and a scroll-to-top button still name chrome.
    from cleaner.html.score import _flags
    for value in ("grid overflow-hidden transition-all", "scrollable-table",
                  "carousel__window hide-scrollbar", "row-item-no-media", "overflow-x-auto"):
        assert not _flags(value) & 1, value
    for value in ("hidden", "sidebar overflow-hidden", "scroll-to-top", "media-gallery"):
        assert _flags(value) & 1, value


def test_a_table_in_a_scrollable_wrapper_is_kept(packset):
    rows = "".join(f"<tr><td>Tinned tuna in spring water</td><td>{i} tins</td><td>{2 * i} tins</td></tr>"
                   for i in range(1, 5))
    html = article_page(f'<div class="scrollable-table"><table>{rows}</table></div>')
    text = html_to_text(html, packset=packset).text
    assert "Tinned tuna in spring water" in text and "4 tins" in text


def test_commentary_is_no_comment_thread():
    # An op-ed section called "commentary" is the page's text; a comment thread is chrome.
    from cleaner.html.score import _flags
    assert not _flags("commentary") & 1 and not _flags("article-commentary") & 1
    assert _flags("comments") & 5 == 5 and _flags("comment-list") & 5 == 5


def test_a_named_anchor_never_closed_is_no_link_around_the_page():
    # <a name="top"> opened at the top and never closed: the parser wraps the whole page in
    # it, and read as a link its text was all link text, so every block went as a link list
    paragraphs = [
        "The keyboard has a light action that suits players who come from the piano, and its "
        "sounds are bright without being harsh in a small room.",
        "Reviewers found the built-in effects easy to use, although the manual explains the "
        "menus less clearly than it should for a first synthesiser.",
        "At its price it is still one of the better choices for a home studio, the magazine "
        "concluded in its long test of the instrument last month.",
    ]
    page = ("<html><head><title>Keyboard review</title></head><body><a name=\"top\">"
            "<table><tr><td class=\"review\"><h1>Keyboard review</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</td></tr></table>"
            "<div class=\"nav\"><a href=\"/\">Home</a> <a href=\"/reviews\">Reviews</a></div>"
            "</body></html>")
    out = clean(page, html=True)
    for p in paragraphs:
        assert p in out


def test_collapsed_panels_a_control_opens_are_the_page_s_text():
    # FAQ answers and tab panels hidden until their button is pressed (aria-controls with
    # aria-expanded, role=tabpanel) are read; a menu the header's button opens and a closed
    # dialog are not.
    answers = [
        "The service runs every day of the year, including public holidays, from six in the "
        "morning until midnight, and the last bus leaves the station at a quarter to twelve.",
        "Children under five travel free with a paying adult, and pupils with a school card "
        "pay half the adult fare on every route that the company runs in the county.",
    ]
    faq = "".join(
        f'<h3><button aria-expanded="false" aria-controls="faq-{i}">Question {i}?</button></h3>'
        f'<div id="faq-{i}" hidden><p>{a}</p></div>' for i, a in enumerate(answers))
    tab = ('<div role="tabpanel" id="t2" style="display:none"><p>Weekend timetables are printed '
           'in the station and posted online every Thursday evening before the weekend, so '
           'riders can plan their trips in good time.</p></div>')
    page = ("<html><head><title>Buses</title></head><body>"
            '<header><button aria-expanded="false" aria-controls="m">Menu</button>'
            '<div id="m" hidden><p>Our whole menu, with every one of the pages of this site, '
            'listed here for readers who open it from the header of the page.</p></div></header>'
            "<main><h1>Bus services: questions and answers</h1><p>Here are the answers to the "
            "questions that riders ask us most often about our services and our fares.</p>"
            + faq + tab + "</main>"
            '<button aria-expanded="false" aria-controls="d">Sign up</button>'
            '<dialog id="d"><p>Sign up to our newsletter and get the best offers of the month '
            'in your inbox every single week, with no spam at all.</p></dialog>'
            "</body></html>")
    out = clean(page, html=True)
    for a in answers:
        assert a in out
    assert "Weekend timetables are printed" in out
    assert "Our whole menu" not in out and "Sign up to our newsletter" not in out


def test_panels_named_for_what_they_are_are_read_but_not_a_widget_s_label():
    # A site whose toggles carry no aria attributes names its hidden panels ("collapse",
    # "faq__answer"): their text is read. A hidden panel of a few words is a widget's label
    # (a rating box), and a hidden "navbar-collapse" is a menu: both stay hidden.
    answer = ("Orders placed before noon leave our warehouse on the same day, and most of them "
              "reach customers in the rest of the country within two working days.")
    page = ("<html><head><title>Shipping</title></head><body>"
            '<div class="navbar-collapse" style="display:none"><p>Home, shop, about us, our '
            'story and every other page of the site, for readers on a small screen.</p></div>'
            "<article><h1>Shipping questions</h1><p>Everything you need to know about how we "
            "ship your orders, what it costs and how long it takes to arrive.</p>"
            '<h3><a data-toggle="collapse" href="#a1">When will my order ship?</a></h3>'
            f'<div class="faq__answer collapse" style="display:none"><p>{answer}</p></div>'
            '<div class="accordion-content" hidden>Rate this answer now</div>'
            "</article></body></html>")
    out = clean(page, html=True)
    assert answer in out
    assert "Rate this answer" not in out and "for readers on a small screen" not in out


def test_a_list_of_links_between_the_story_s_paragraphs_is_the_story_s():
    # The sources a story cites, between two of its paragraphs, are its text even though every
    # item is a link; a list of links after the story's last paragraph is still left out.
    sources = ["The county council's annual report on road repairs",
               "The national survey of potholes and road surfaces",
               "The motoring association's yearly study of repair costs"]
    story = ("<p>Road repairs in the county have fallen behind for the third year running, "
             "according to figures published by the council on Monday.</p>"
             "<p>The reporters compared three studies of the state of the roads, listed here:</p>"
             "<ul>" + "".join(f'<li><a href="/r/{i}">{s}</a></li>' for i, s in enumerate(sources))
             + "</ul><p>All three agree that the backlog will keep growing unless the council "
             "finds more money for the work in next year's budget.</p>"
             "<ul>" + "".join(f'<li><a href="/o/{i}">Other story number {i} about the town</a></li>'
                              for i in range(3)) + "</ul>")
    page = ("<html><head><title>Roads</title></head><body><article><h1>Repairs fall behind</h1>"
            + story + "</article></body></html>")
    out = clean(page, html=True)
    for s in sources:
        assert s in out
    assert "Other story number" not in out


def _report_page(href) -> str:
    """A progress report: each section a heading, a paragraph, an intro naming a list of
    linked changes, the list; the list ends the section (the next heading follows it).
    ``href(i)``: where change ``i`` links."""
    changes = ["Fix volatile loads and stores in the backend", "Add support for packed structs in unions",
               "Allow casts between integers and pointers", "Do not treat warnings as errors anymore"]
    merged = ["Add half precision float types to the interface", "Support more builtin types of the target",
              "Fix an infinite recursion in the garbage collector", "Remove the passing tests from the list"]
    def section(title, lead, intro, items, start):
        return (f"<div class='sect1'><h2>{title}</h2><div class='sectionbody'><p>{lead}</p><p>{intro}</p>"
                "<div class='ulist'><ul>" + "".join(f'<li><p><a href="{href(start + i)}">{t}</a></p></li>'
                                                   for i, t in enumerate(items)) + "</ul></div></div></div>")
    return ("<html><head><title>Progress report 39 | A compiler blog</title>"
            "<meta property='og:type' content='article'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/about'>About</a></nav><main><article><h1>Progress report 39</h1>"
            "<div class='content'><p>This is the monthly report on the work done on the compiler backend, "
            "which lets the compiler use the other toolchain to generate code for more targets.</p>"
            + section("Upstream patches", "There has been some good progress on the upstream side these past months.",
                      "Many patches were sent for review this month:", changes, 0)
            + section("State of the backend", "Most of the work went into the build system and the test suite.",
                      "Here is what has been merged during the past months:", merged, 10)
            + "<h2>How to contribute</h2><p>If you want to help, pick an issue labelled good first issue and "
            "ask on the chat; the tests run on every pull request, so a first change is safe to try.</p>"
            "</div></article></main><footer><p>Copyright 2025 the author</p></footer></body></html>")


def test_a_list_its_intro_names_at_the_end_of_a_section_is_the_story_s_when_it_points_away():
    # A report's lists of changes, each introduced by a sentence ending in a colon and followed
    # by the next section's heading, link to another site (the patches it reports on): they
    # and their sections are the story's (score._in_story_list, score._holds_story_lists)
    out = clean(_report_page(lambda i: f"https://github.com/example/backend/pull/{700 + i}"),
                url="https://blog.example.org/progress-report-39", html=True)
    assert "Fix volatile loads and stores in the backend" in out
    assert "Remove the passing tests from the list" in out
    assert "There has been some good progress on the upstream side these past months." in out
    assert "Most of the work went into the build system and the test suite." in out


def test_a_list_its_intro_names_at_the_end_of_a_section_goes_when_it_points_back_to_the_site():
    # The same lists linking to the site's own pages are a "read also" box between sections
    out = clean(_report_page(lambda i: f"https://blog.example.org/post-{i}/"),
                url="https://blog.example.org/progress-report-39", html=True)
    assert "Fix volatile loads and stores in the backend" not in out
    assert "Remove the passing tests from the list" not in out
    assert "If you want to help, pick an issue labelled good first issue" in out


@pytest.mark.parametrize("names", ["hidden-xs", "_hidden_snh3y_1 _hidden-lt-lg_snh3y_30"])
def test_a_box_hidden_only_on_small_screens_is_shown_on_a_desktop(names):
    # "hidden" in such a name says where the box is drawn, not that it is chrome; the phone's
    # copy of a box ("lg:hidden", "hidden-lg": hidden on large screens) still counts as hidden
    shown = f'<div class="{names}"><p>Crews cleared the road by noon.</p></div>'
    phone = '<div class="lg:hidden"><p>Tap here for the phone menu today.</p></div>'
    text = clean(article_page(shown + phone), html=True)
    assert "Crews cleared the road by noon." in text
    assert "phone menu" not in text


_LOOKUP_PAGE = """<html><head><LINK REL="Canonical" href="https://a.example/x">
<link rel="canonical alternate" href="https://b.example/">
<meta property="OG:Title" content="T"><meta property="og:type" content="article">
<meta name="generator" content="WordPress 6" itemtype="https://schema.org/Thing">
<script type="Application/LD+JSON">{"@type": "NewsArticle"}</script>
<script type="application/ld+json" itemtype="https://schema.org/WebPage">[]</script></head>
<body><div itemtype="https://schema.org/Article"><svg><title>icon</title>
<script type="application/ld+json">{}</script><meta property="og:type" content="x"/></svg>
<meta property="og:url" content="https://c.example/"><span itemtype="https://schema.org/Person">
<link rel="canonical" href="https://d.example/"></span></div></body></html>"""


# values that only an exact reading tells apart: Unicode letters that lowercase to ASCII (the
# Kelvin sign, a dotted İ), spaces around the value, character references, a value missing
_LOOKUP_TRICKS = """<html><head><link rel=" canonical" href="/a"><link rel="CANONİCAL" href="/b">
<meta name="generator " content="x"><meta name="GENERATOR"><meta name=&#x61;uthor content="A">
<meta property="og:titleK" content="x"><meta property="og:url" content="/c">
<meta name="application-name" itemtype="t"><meta property="og:site_name" content="S">
<script type="application/ld+json ">{}</script><script type="APPLICATION/LD+JSON">[]</script>
<link rel="canonical"></head><body><p itemtype>x</p></body></html>"""


def test_page_lookups_answer_as_their_own_queries():
    """PageLookups reads the url's, title's and page type's tags in one query: each lookup must
    give what its own query gives, in the same order (sample pages, and a page with nodes
    matching several lookups, mixed case, and the same tags inside an <svg>; and values only
    an exact reading tells apart)."""
    from selectolax.lexbor import LexborHTMLParser

    from cleaner.html.lookups import LOOKUPS, PageLookups

    pages = [_LOOKUP_PAGE, _LOOKUP_TRICKS] + [p.read_text(encoding="utf-8", errors="replace")
                              for p in sorted((CORPUS / "html").glob("*.html"))]
    for html in pages:
        tree = LexborHTMLParser(html)
        lookups = PageLookups(tree)
        for selector in LOOKUPS:
            want = [n.mem_id for n in tree.css(selector)]
            assert [n.mem_id for n in lookups.all(selector)] == want, selector
            first = tree.css_first(selector)
            got = lookups.first(selector)
            assert (got and got.mem_id) == (first and first.mem_id), selector


def test_a_page_served_in_its_noscript_is_read_from_it(packset):
    """The <noscript> elements are found by the query that strips them; when they hold the
    page (a forum served to readers without scripts), their text is the page's."""
    post = "This is the first post of the thread, and it says a good deal about the question. " * 4
    html = (f"<html><head><noscript><style>p{{}}</style></noscript></head><body><div id=app>"
            f"Loading...</div><noscript><div class=post><p>{post}</p></div></noscript>"
            f"<script>var x = 1;</script></body></html>")
    assert post.strip() in html_to_text(html, packset=packset).text
    short = html.replace(post, "Enable JavaScript.")
    assert "Enable JavaScript" not in html_to_text(short, packset=packset).text


def test_a_page_decoded_by_the_pipeline_reads_as_the_raw_page(packset):
    """clean_document() decodes a page once and hands the reader the text as decoded (no second
    search for BOMs and NULs) unless it starts with a BOM, which html_text() would strip again:
    the reader's text must be what it makes of the raw page."""
    from cleaner.html.decode import html_document

    story = "The council approved the new budget on Monday after a long debate. " * 3
    page = f"<html><body><h1>Budget</h1><p>{story}</p><p>Second para\x00graph, {story}</p></body></html>"
    for raw in (page, "\ufeff" + page, "\ufeff\ufeff" + page, page.encode("utf-8"),
                codecs.BOM_UTF8 + ("\ufeff" + page).encode("utf-8")):
        text, _ = html_document(raw)
        got = html_to_text(text, packset=packset, decoded=not text.startswith("\ufeff")).text
        assert got == html_to_text(raw, packset=packset).text
        assert clean_document(raw, html=True).html.text == got


def test_a_page_builders_scrolling_row_is_no_chrome():
    # Avada names every row of the page "...-height-scrolling": how the row is drawn, not a
    # scroller widget; its text is the page's
    row = ('<div class="fusion-fullwidth fullwidth-box non-hundred-percent-height-scrolling">'
           "<p>Crews cleared the road by noon.</p></div>")
    text = clean(article_page(row), html=True)
    assert "Crews cleared the road by noon." in text


def _page_with_menu(menu: str, headline: str, intro: str, body: str) -> str:
    """A page whose header holds a collapsed ``menu``, then the story: its headline, an
    introductory paragraph and ``body``."""
    return (f"<html><head><title>{headline}</title></head><body><header>{menu}</header>"
            f"<main><h1>{headline}</h1><p>{intro}</p>{body}</main></body></html>")


def test_a_panel_an_aria_button_opens_is_the_page_s_text():
    # An accordion whose headings are links with role=button naming their panel in
    # aria-controls (no aria-expanded: the script keeps the state) opens like a <button>'s:
    # its panels are read. The header's menu, opened the same way, stays hidden.
    steps = [
        "Have an engineer visit the site to check the roof, the wiring and the space for the "
        "inverter, and to measure the shade that trees and chimneys cast over the day.",
        "Apply for the permits the town requires before any work begins; the installer files "
        "them for you and tells you when the inspector can be expected to come.",
    ]
    accordion = "".join(
        f'<div><a role="button" tabindex="0" aria-controls="step-{i}" class="heading">'
        f'<span role="heading" aria-level="3">Step {i}</span></a></div>'
        f'<div id="step-{i}" style="display:none;" role="region"><p>{s}</p></div>'
        for i, s in enumerate(steps))
    menu = ('<a role="button" aria-controls="m">Menu</a><div id="m" style="display:none">'
            "<p>Our whole menu, with every one of the pages of this site, listed here for readers "
            "who open it from the header.</p></div>")
    out = clean(_page_with_menu(menu, "How solar panels are installed", "Installing solar "
                                "panels takes a few weeks from the first visit to the day the "
                                "system is switched on, in these steps.", accordion), html=True)
    for s in steps:
        assert s in out
    assert "Our whole menu" not in out


def test_the_panel_after_a_collapsed_button_is_the_page_s_text():
    # WAI-ARIA's accordion written without aria-controls: a heading holding a button with
    # aria-expanded="false", its panel the heading's next sibling, hidden. The panel is read;
    # a header's menu opened the same way stays hidden.
    specs = [
        "The shoe weighs 9.2 ounces in a men's size 9, about half an ounce less than the last "
        "version, most of it saved in the new foam of the midsole.",
        "The heel stands 10 millimetres higher than the forefoot, a middle drop that suits "
        "runners who land on the midfoot as well as those who land on the heel.",
    ]
    accordion = "".join(
        f'<div class="section"><h3><button aria-expanded="false"><p>{name}</p></button></h3>'
        f'<div aria-hidden="true" hidden tabindex="-1"><p>{s}</p></div></div>'
        for name, s in zip(("Weight", "Drop"), specs))
    menu = ('<button aria-expanded="false">Menu</button><div hidden><p>Our whole menu, with '
            "every one of the pages of this site, listed here for readers.</p></div>")
    out = clean(_page_with_menu(menu, "The best road running shoes", "We ran more than two "
                                "hundred miles in each of these shoes over the winter, on roads, "
                                "tracks and towpaths, to pick them.", accordion), html=True)
    for s in specs:
        assert s in out
    assert "Our whole menu" not in out


def test_a_site_prefix_ending_in_com_names_no_comment_box(packset):
    """'com-' names a comment component ('com-comments'); a site whose prefix ends in 'com'
    ('vscom-swimlane', 'dcom-c-disclosure') names its own boxes, the page's text among them."""
    sections = "".join(
        f'<div class="vscom-swimlane"><div class="vscom-swimlane-body"><h3>{title}</h3>'
        f"<p>{PROSE}{title} is part of every edition.</p></div></div>"
        for title in ("Powerful coding tools", "Advanced debugging", "Version control",
                      "Web development"))
    html = page(f'<main><div class="post-content"><h1>Community edition</h1><p>{PROSE}</p>'
                f"{sections}</div></main>",
                head='<title>Community edition</title><meta property="og:type" content="article">')
    text = html_to_text(html, packset=packset).text
    for title in ("Powerful coding tools", "Advanced debugging", "Version control",
                  "Web development"):
        assert f"{title} is part of every edition." in text
    assert _CHROME.search("com-comments") and not _CHROME.search("vscom-swimlane-body")



def _builder_page() -> str:
    """A story set by a page builder (Divi's markup): each block in a section, a row and a
    column of its own, wrapped deeper than the reader's near kin reach."""
    A = ("The harbour town of Eastport rebuilt its sea wall over the winter, and the work has "
         "changed how the old quarter meets the water. ")
    B = ("Builders lifted the promenade by a metre and set new steps down to the beach, where the "
         "fishing boats still land their catch every morning before the market opens. ")
    C = ("Residents who lost their ground floors in the storm of 2023 say the new wall has already "
         "held back two spring tides, and the council plans a second phase along the north shore. ")
    D = ("Visitors can walk the whole length of the new wall from the lifeboat station to the old "
         "customs house, a route of about two kilometres with benches every hundred metres, and the "
         "café at the harbour arm has reopened with a terrace that looks straight out over the bay.")
    E = ("On summer evenings the council lights the steps with lamps salvaged from the old pier, "
         "which the town's museum kept in storage for nearly forty years after the pier was "
         "closed. The lamps run on solar panels fitted to the roof of the old customs house.")

    def module(n, text):
        return (f'<div class="et_pb_section et_pb_section_{n}"><div class="et_pb_row_wrap">'
                f'<div class="et_pb_row et_pb_row_{n}"><div class="et_pb_row_inner">'
                f'<div class="et_pb_column et_pb_column_{n}"><div class="et_pb_module et_pb_text et_pb_text_{n}">'
                f'<div class="et_pb_text_inner"><div class="markdown">{text}</div>'
                '<div class="et_pb_button_wrapper"><a class="et_pb_button" href="/tours">Book a harbour tour</a> '
                '<a href="/map">Map</a> <a href="/parking">Parking</a></div></div></div></div></div></div></div></div>')
    page = ("<html><head><title>Eastport's new sea wall</title></head><body><div id='page-container'>"
            "<header><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/about'>About</a></nav></header>"
            "<div id='main-content'><div class='et_builder_inner_content'>"
            + module(0, "<h1>Eastport's new sea wall</h1>")
            + module(1, f"<p>{A}{B}</p><p>{C}{A}</p><p>{B}{C}</p>")
            + module(2, "<p><a href='/contact'>Book a visit</a></p>")
            + module(3, f"<h2>Where to see it</h2><p>{D}</p><p>{E}</p><ul><li>North steps: open daily</li>"
                        "<li>Harbour arm: weekends only</li><li>Old quarter: from May</li></ul>")
            + "</div></div><footer><p>Copyright 2025 Eastport Council</p></footer></div></body></html>")
    return page


def test_a_page_builder_s_other_blocks_of_the_story_are_its_kin():
    text = clean(_builder_page(), url="https://eastport.example/news/sea-wall", html=True)
    blocks = text.rstrip("\n").split("\n\n")
    assert blocks[0] == "Eastport's new sea wall"
    # the story's second text block, six levels further up: its heading, prose and list
    assert "Where to see it" in blocks and "Harbour arm: weekends only" in blocks
    assert any(b.startswith("Visitors can walk the whole length") for b in blocks)
    # the builder's button rows and the page's menu are no story
    assert not any("Book a" in b or b.startswith("Home") for b in blocks)


def test_the_boxes_between_two_parts_of_a_page_s_text_are_the_page_s():
    # review-s9: a page builder sets a bakery's opening hours and prices (short blocks under
    # headings) between the two modules of its text; the choice took the two text modules
    # (kin by shape) and dropped what lay between them. Text between text is the page's; a
    # box named like chrome, or of links, between them still goes.
    def module(cls: str, inner: str) -> str:
        return (f'<div class="row"><div class="column"><div class="w1"><div class="w2">'
                f'<div class="module {cls}"><div class="{cls}-inner">{inner}</div></div></div>'
                '</div></div></div>')
    first = ("<p>" + "Our family bakery has made bread in the old town since 1952, with flour "
             "milled in the valley, and every loaf is shaped by hand before dawn. " * 2 + "</p>")
    second = ("<p>" + "We bake rye, spelt and wheat loaves every morning, and we also sell cakes "
              "and biscuits made with butter from the farm next door. " * 2 + "</p>")
    hours = "".join(f"<div class='blurb'><h4>{d}</h4><div>{h}</div></div>" for d, h in [
        ("Monday", "7:00 to 18:00, bread from 7:30"), ("Wednesday", "Closed"),
        ("Saturday", "6:00 to 14:00, market stall from 7:00")])
    prices = "".join(f"<div class='blurb'><h4>{n}</h4><div>{p}</div></div>" for n, p in [
        ("Rye loaf", "€3.20 for 750 g, sliced on request"), ("Apple cake", "€2.60 a slice")])
    related = ("<div class='related-posts'><a href='/a'>Our new oven</a> "
               "<a href='/b'>Summer opening times</a> <a href='/c'>Meet the bakers</a></div>")
    html = ("<html><head><title>Müller Bakery</title></head><body><header><a href='/'>Home</a> "
            "<a href='/contact'>Contact</a></header><div id='page'><div class='entry-content'>"
            + module("text", "<h1>Müller Bakery</h1>" + first)
            + module("blurbs", "<h2>Opening hours</h2>" + hours) + related
            + module("blurbs", "<h2>Prices</h2>" + prices)
            + module("text", "<h2>What we bake</h2>" + second)
            + "</div></div><footer><p>© Müller Bakery</p></footer></body></html>")
    out = clean(html, html=True, url="https://bakery.example/")
    for kept in ("Our family bakery", "Opening hours", "6:00 to 14:00, market stall from 7:00",
                 "Prices", "€3.20 for 750 g, sliced on request", "We bake rye"):
        assert kept in out, kept
    assert "Meet the bakers" not in out and "Contact" not in out


def _drupal_blog(related: bool) -> str:
    """A Drupal blog post: its body field, then a field of further sections holding an FAQ
    accordion (each answer four boxes deep), and with ``related`` a field of teasers."""
    faq = [("What is query tuning?", "Query tuning is the work of making the database answer the same "
            "question with less effort, and it has three parts that are each worth a look before any setting "
            "of the server is changed:", ["Reading fewer rows for the same answer, with the right filters first",
                                                              "Sorting less, by letting an index hand the rows over in order",
                                                              "Using the indexes the table has before adding new ones"]),
           ("How do I find the slow queries?", "Do not guess which queries are slow: the database keeps the "
            "numbers, and a day of them from the real application says more than any test you could write. "
            "Use these tools:", ["The slow query log, with a threshold of a few hundred milliseconds",
                                                                  "The statistics view of the statements, sorted by total time spent",
                                                                  "The plans of the worst ones, read with their real row counts"]),
           ("Should I add an index for every slow query?", "No: each index slows the writes down and takes memory "
            "of its own, so add one only where the plan shows a scan of a large table that the index would avoid, "
            "and drop the indexes no query has used for a month. For example:",
            ["A filter on the customer column of the orders table", "A sort on the date of a large log table"])]
    items = "".join(
        f"<div class='accordion-item'><div class='accordion-item-header'><div class='accordion-item-header-title'>{q}</div></div>"
        f"<div class='accordion-item-description-wrapper'><div class='accordion-item-description'>"
        f"<div class='field field--name-field-answer'><p>{a}</p><ul>" + "".join(f"<li>{x}</li>" for x in xs)
        + "</ul></div></div></div></div>" for q, a, xs in faq)
    teasers = "".join(
        f"<div class='teaser'><h3><a href='/blog/post-{n}'>Another post about the database number {n}</a></h3>"
        f"<p>A summary of the other post, which says what it is about in a sentence or two for the reader "
        f"who wants more of the same, number {n}.</p></div>" for n in range(3))
    body = ("<p>Slow queries are the most common reason a database feels slow, and most of them can be "
            "fixed without new hardware. This post walks through the steps we take with every customer.</p>"
            "<p>First, measure: without the numbers of the slow query log, any change is a guess, and guesses "
            "add indexes that cost more than they save. Then read the plan of the worst query.</p>"
            "<p>Finally, change one thing at a time and measure again, so that each change is known to help.</p>"
            "<p>The plan tells you where the time goes. A sequential scan of a table with millions of rows, "
            "for a query that returns ten of them, is the classic sign of a missing index on the filter column.</p>"
            "<p>Sorts that spill to disk are the next thing to look for. Raising the memory a sort may use, for "
            "the one session that runs the report, often turns a minute into a second without touching the query.</p>"
            "<p>Joins in the wrong order come third. Fresh statistics let the planner estimate the row counts well, "
            "and with good estimates it picks the right order on its own far more often than a hint would.</p>"
            "<p>Last, look at what the application asks for. Many slow pages run the same small query hundreds of "
            "times in a loop, and one query that fetches all the rows at once is faster than any index could make them.</p>")
    return ("<html><head><title>Query tuning in five steps | Example DB</title>"
            "<meta property='og:type' content='article'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/blog'>Blog</a> <a href='/contact'>Contact</a></nav>"
            "<article class='node node--type-blog-post'><h1>Query tuning in five steps</h1>"
            "<div class='blog-content row'><div class='col-md-9 blog-body'>"
            f"<div class='field field--name-body'>{body}</div>"
            "<div class='field field--name-field-additional-sections'><div class='field__item'><div class='row'>"
            f"<div class='col-sm-12'><h2>Frequently asked questions</h2><div class='faq-container'>{items}</div></div>"
            "</div></div></div>"
            + (f"<div class='field field--name-field-related'>{teasers}</div>" if related else "")
            + "</div></div></article><footer><p>Copyright 2025 Example DB</p></footer></body></html>")


@pytest.mark.parametrize("related", [False, True])
def test_a_story_s_faq_in_a_field_after_its_body_is_the_story_s(related):
    # The field after the body, of the body's own class family ("field field--name-..."), holds
    # the story's FAQ, whose answers sit too deep to score (score._fellow_field); a field of
    # teasers beside it (linked headlines over summaries) is still left out
    out = clean(_drupal_blog(related), url="https://www.example.com/blog/query-tuning", html=True)
    assert "Slow queries are the most common reason a database feels slow" in out
    assert "How do I find the slow queries?" in out
    assert "Sorting less, by letting an index hand the rows over in order" in out
    assert "The plans of the worst ones, read with their real row counts" in out
    assert "each index slows the writes down" in out
    assert "Another post about the database" not in out
    assert "A summary of the other post" not in out


@pytest.mark.parametrize("intro", ["本月我们向上游提交了以下补丁，供大家审阅：",
                                   "Many patches were sent for review this month："])
def test_a_list_s_intro_ending_in_a_full_width_colon_names_it_too(intro):
    # review-s10a: the intro was an ASCII colon after five space-separated words, so a Chinese
    # report (or a full-width colon) lost the list an English one keeps
    src = _report_page(lambda i: f"https://github.com/example/backend/pull/{700 + i}")
    src = src.replace("Many patches were sent for review this month:", intro)
    out = clean(src, url="https://blog.example.org/progress-report-39", html=True)
    assert "Fix volatile loads" in out


def test_a_box_named_only_by_a_script_s_hooks_has_no_kin():
    # review-s10a: kin() is for a choice with a class name (a bare <div> is every shape); a
    # class of script hooks alone ("js-article") is read as no name, so a bare <div> promo
    # beside it is no kin
    from selectolax.lexbor import LexborHTMLParser
    from cleaner.html.score import kin
    from cleaner.html.walk import walk
    para = ("The council met on Tuesday to agree the budget for the coming year, and after a long "
            "debate the members voted to spend more on roads and schools than they had planned.")
    promo = ("Our partner newsletter brings you the best deals on travel, gadgets and insurance "
             "every single week, chosen by our editors from hundreds of offers so that you never "
             "miss a bargain again. Sign up today and get a voucher worth twenty pounds.")
    html = ("<html><body><div class='wrap'><div class='main'><div class='js-article'>"
            + "".join(f"<p>{para}</p>" for _ in range(4)) + "</div></div><div class='other'>"
            f"<div><a href='/x'>Deals</a></div><div>{promo}</div></div></div></body></html>")
    page = walk(LexborHTMLParser(html).body)
    top = next(i for i, e in enumerate(page.elements)
               if e.node is not None and e.node.attributes.get("class") == "js-article")
    assert kin(page, top, [False] * len(page.elements)) == []


def test_a_shared_utility_class_makes_no_family_of_fields():
    # review-s10a: a field of the body's family holds a modifier of a name the body's class
    # holds too ("field--name-faq" beside "field--name-body"); "clearfix" alone is no family
    from cleaner.html.score import _one_family
    body = "clearfix text-formatted field field--name-body".split()
    assert _one_family(body, "clearfix field field--name-field-faq".split())
    assert _one_family("section section--body".split(), "section section--faq".split())
    assert not _one_family(body, "clearfix disclaimer".split())
    assert not _one_family("col col-md-8".split(), "col col-md-8".split())
    assert not _one_family("col col-md-8".split(), "col col-md-4".split())  # review-s10b
    assert not _one_family(body, body)


def test_the_field_after_the_body_of_the_body_s_class_family_is_a_member_of_the_choice():
    # The choice itself (the end-to-end test above can reach the FAQ through other rescues):
    # the body field is chosen, the further-sections field after it joins it as a member,
    # the teasers' field of the same family does not
    from selectolax.lexbor import LexborHTMLParser
    from cleaner.html.score import choose
    from cleaner.html.walk import walk
    page = walk(LexborHTMLParser(_drupal_blog(True)).body)
    choice = choose(page, story=True)
    names = [page.elements[m].node.attributes.get("class") for m in choice.members]
    assert names == ["field field--name-body", "field field--name-field-additional-sections"]


def test_a_story_s_list_followed_by_the_intro_of_its_next_list_is_the_story_s():
    # Two lists of the story back to back, the second introduced by its own sentence ending in a
    # colon: that intro after the first list is the story's line, as a paragraph of prose is
    # (score._intro); a list of links after the story's last paragraph still goes
    first = ["Remove the tests that pass from the list of failures", "Split deeply nested expressions to save memory",
             "Load the library at run time for more targets"]
    second = ["Add a target directory for the shared library", "Read the library's directory from the config"]
    links = lambda items, at: "<ul>" + "".join(
        f'<li><a href="https://github.com/example/backend/pull/{at + i}">{t}</a></li>' for i, t in enumerate(items)) + "</ul>"
    page = ("<html><head><title>Progress report | A compiler blog</title></head><body><article>"
            "<h1>Progress report</h1><p>This month went into the build system and the test suite, which now "
            "runs on every pull request and takes half the time it took in the spring.</p>"
            "<p>Here is what has been merged during the past months:</p>" + links(first, 700)
            + "<p>Some of these were needed to cross-compile for new targets, with a few more changes:</p>"
            + links(second, 800)
            + "<p>With those, the compiler builds itself for the new targets, and the next step is to run "
            "the whole test suite on each of them before the next report.</p>"
            "<ul>" + "".join(f'<li><a href="/o/{i}">Other report number {i} of this blog</a></li>'
                             for i in range(3)) + "</ul></article></body></html>")
    out = clean(page, url="https://blog.example.org/progress-report", html=True)
    for t in first + second:
        assert t in out
    assert "Other report number" not in out


def test_a_link_that_is_a_heading_s_whole_text_is_the_heading_not_its_permalink(packset):
    # MDN writes each heading as a link to itself (<a class="heading-anchor">): html-heading-anchor
    # took the heading's words with it ("Constructor", "Browser compatibility"); a permalink's
    # mark beside a heading still goes
    html = page(f'<article><h1>WebSocket</h1><p>{PROSE}</p><h2 id="constructor"><a class="heading-anchor" '
                f'href="#constructor">Constructor</a></h2><p>{PROSE}</p><h2>Configuration<a '
                f'class="headerlink" href="#configuration">¶</a></h2><p>{PROSE}</p></article>')
    text = html_to_text(html, packset=packset).text
    assert "Constructor\n" in text
    assert "Configuration\n" in text and "¶" not in text


def test_a_heading_link_is_spared_only_as_the_heading_s_whole_text_to_its_own_place(packset):
    # one character or a version number is a heading's whole text too ("例", "2.3.1"); a word
    # beside the heading ("Permalink") is a mark, and a related story's headline links to
    # another page: both still go (review-s12b 3)
    html = page(f'<article><h1>Changes</h1><p>{PROSE}</p><h2 id="ex"><a class="heading-anchor" '
                f'href="#ex">例</a></h2><p>{PROSE}</p><h2 id="v231"><a class="heading-anchor" '
                f'href="#v231">2.3.1</a></h2><p>{PROSE}</p><h2 id="next">What happens next <a '
                f'class="anchor-link" href="#next">Permalink</a></h2><p>{PROSE}</p>'
                f'<h3><a class="related-story" href="/news/storm-kills-three">Storm kills three in '
                f'Devon as rivers burst their banks</a></h3><p>{PROSE}</p></article>')
    text = html_to_text(html, packset=packset).text
    assert "例\n" in text and "2.3.1\n" in text and "What happens next\n" in text
    assert "Permalink" not in text and "Storm kills three" not in text


def test_a_theme_s_slot_below_the_story_is_no_part_of_it(packset):
    # A box named for where it stands ("below-content", "silic-after-content"): a theme's slot
    # under the post for pitches and republishing notices; its "content" named it content
    # (score.PLACED_SLOT). A box named for the content itself ("post-content") is still the story.
    pitch = ("Since you made it to the bottom of this article, we have a small favor to ask. If you "
             "believe stories like this one matter, please consider pitching in what you can.")
    story = "".join(f"<p>{n}. {PROSE}</p>" for n in range(6))
    html = page(f'<article><h1>Storm hits the coast</h1><div class="post-content">{story}'
                f'<section class="below-content widget widget_block"><p>{pitch}</p></section>'
                f'<div class="silic-after-content"><p>A message from our founder: support our mission '
                f'to keep content open and free by joining our community of readers today.</p></div>'
                f'</div></article>')
    text = html_to_text(html, packset=packset).text
    assert all(f"{n}. The storm reached the coast" in text for n in range(6))
    assert "small favor to ask" not in text and "support our mission" not in text


BEFORE_HALF = "Patients waited eleven weeks on average for a first appointment at the clinic."
AFTER_HALF = ("Patients now wait under four weeks, reminders go out by text two days ahead, and "
              "missed appointments have fallen to one in twenty.")


def _story_with_comparison(head: str, halves: str, paragraphs: int) -> str:
    """A story whose paragraphs a before/after comparison (``halves``) splits in two."""
    story = "".join(f"<p>{n}. {PROSE}</p>" for n in range(paragraphs))
    return page(f'<article>{head}<div class="entry-content">{story}<div class="comparison">'
                f'{halves}</div>{story.replace(". The", ". Later, the")}</div></article>')


def test_a_story_s_part_named_after_content_with_the_story_going_on_below_stays(packset):
    # "after-content" names a theme's slot under the post, and also the "after" half of a
    # before/after comparison inside a story: followed by the story's own prose, it is the
    # story's (score._slot_in_story; review-s12b 1)
    html = _story_with_comparison(
        "<h1>How one clinic cut its waiting list</h1>",
        f'<div class="before-content"><h3>Before</h3><p>{BEFORE_HALF}</p></div>'
        f'<div class="after-content"><h3>After</h3><p>{AFTER_HALF}</p></div>', 3)
    text = html_to_text(html, packset=packset).text
    assert BEFORE_HALF in text and AFTER_HALF in text


def test_a_match_inside_one_the_rule_took_is_counted_once(packset):
    # remove() unlinks a whole subtree, so the inner match has no parent left: it is gone with
    # the outer one, one element removed (htmlspeed12 found it counted twice)
    html = page(f'<article><h1>Storm</h1><p>{PROSE}</p><div class="ad">Buy now <span class="ad">'
                f'cheap flights</span></div></article>')
    found = html_to_text(html, packset=packset)
    assert dict(found.selector_hits).get("html-ads") == 1
    assert [r.lines for r in found.dropped if r.rule_id == "html-ads"] == [("Buy now cheap flights",)]


def test_a_box_named_above_or_before_the_content_is_the_story_s(packset):
    # a headline box over the post holds the standfirst; a before/after comparison inside the
    # story names its first half "before-content": neither is a theme's slot (review-s12b 1)
    standfirst = ("Sea walls failed in two towns overnight, and the county has asked the army "
                  "for help with the clear-up.")
    html = _story_with_comparison(
        f'<div class="above-content"><h1>Storm hits the coast</h1><p class="standfirst">'
        f'{standfirst}</p></div>',
        f'<div class="before-content"><h3>Before</h3><p>{BEFORE_HALF}</p></div>', 4)
    text = html_to_text(html, packset=packset).text
    assert standfirst in text and BEFORE_HALF in text


def test_the_page_s_json_ld_is_parsed_once_and_walks_only_its_own_items(monkeypatch):
    # one walk for the page type and the bio step (review-s12d 7): a story in a graph, its
    # main entity; not a reviewed book's author, and a script that is not JSON gives nothing
    import json as json_module

    from selectolax.lexbor import LexborHTMLParser

    from cleaner.html import lookups as lookups_module
    from cleaner.html.lookups import PageLookups

    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", "author": "Jane Doe"}},
        {"@type": "Review", "itemReviewed": {"@type": "Book", "author": "Toni Morrison"}}]}
    html = (f'<html><head><script type="application/ld+json">{json_module.dumps(graph)}</script>'
            '<script type="application/ld+json">{not json</script></head><body></body></html>')
    calls = []
    real = json_module.loads
    monkeypatch.setattr(lookups_module.json, "loads", lambda text: calls.append(1) or real(text))
    found = PageLookups(LexborHTMLParser(html))
    types = [item.get("@type") for item in found.json_ld()]
    assert sorted(types, key=str) == sorted([None, "WebPage", "NewsArticle", "Review"], key=str)
    assert "Book" not in types
    found.json_ld()
    assert len(calls) == 2  # each script once, however often asked


def test_an_faq_question_in_its_accordion_button_is_read(packset):
    # accordions put the question in the toggle: a <button>, which the walk skips as a
    # control; a button whose text is a question of a few words is the FAQ's own text
    # (wcxb: 72 questions lost on 35 pages, the answers kept)
    items = "".join(
        f'<div class="faq-item"><button class="faq-question" type="button">'
        f'<span>{q}</span></button><div class="faq-answer"><p>{PROSE}Answer {i}.</p></div></div>'
        for i, q in enumerate(("Do you need a smart home hub for your lights?",
                               "Is a smart speaker the same as a smart home hub?")))
    html = article_page(f'<h2>Frequently asked questions</h2>{items}'
                        '<button type="button">Subscribe now</button>'
                        '<button aria-expanded="false">Need help?</button>')
    text = html_to_text(html, packset=packset).text
    assert "Do you need a smart home hub for your lights?" in text
    assert text.index("Is a smart speaker the same") < text.index("Answer 1.")
    assert "Subscribe now" not in text and "Need help?" not in text


def test_an_faq_question_button_in_chinese_is_read(packset):
    # a Chinese question ends with the full-width mark and its words are Han pairs, not
    # spaced words: the same FAQ toggle, read as the English one is
    question = "智能家居需要集线器吗？"
    items = (f'<div class="faq-item"><button class="faq-question" type="button">{question}'
             f'</button><div class="faq-answer"><p>{PROSE}Answer.</p></div></div>')
    html = article_page(f'<h2>Frequently asked questions</h2>{items}')
    assert question in html_to_text(html, packset=packset).text
