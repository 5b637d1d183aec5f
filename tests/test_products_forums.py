"""Product pages and forum threads in the HTML reader: a product's rails of other products,
its customer reviews and its panels (cleaner.html.products); a thread's type by its url, its
posts' furniture and its replies' quotes of earlier posts (cleaner.html.quotes)."""
from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaner import clean, clean_document
from cleaner.html.pagetype import page_type
from cleaner.html.products import PRICE, product_rail
from cleaner.html.score import _children
from cleaner.html.walk import walk

DESCRIPTION = [
    "A heavy skillet cast in one piece, with a helper handle on the far side so that two hands "
    "can lift it when it is full, seasoned with oil and ready for gas, induction and the oven.",
    "The cooking surface is milled smooth after casting, so eggs slide and the seasoning builds "
    "evenly; wash it by hand, dry it on a low flame and wipe it with a drop of oil.",
]
OTHERS = [("Lodge Cast Iron Skillet with Handle", "$39.95"),
          ("Victoria Cast Iron Frying Pan", "$27.50"),
          ("Enamelled Cast Iron Grill Pan", "$61.00"),
          ("Cast Iron Dutch Oven, 5 Quart", "$72.40")]
PRODUCT_HEAD = ('<meta property="og:type" content="product">'
                '<script type="application/ld+json">{"@type": "Product"}</script>')


def rail(title: str = "People who viewed this item also viewed") -> str:
    """Cards of other products: a heading and a price each, the link an empty overlay."""
    cards = "".join(f'<li><img src="/t/{i}.jpg" alt=""><h3>{name}</h3><div class="p">{price}</div>'
                    f'<div>+ $8.20 delivery</div><a href="/itm/{i}" aria-label="{name}"></a></li>'
                    for i, (name, price) in enumerate(OTHERS))
    return f'<div class="rx"><div class="rx-head"><h2>{title}</h2></div><ul class="c">{cards}</ul></div>'


def product_page(around: str = "", head: str = PRODUCT_HEAD) -> str:
    paras = "".join(f"<p>{p}</p>" for p in DESCRIPTION)
    return (f"<!doctype html><html><head>{head}<title>Harlow Skillet | Cobble Market</title></head>"
            '<body><header><a href="/">Cobble Market</a></header><div class="vi-main">'
            '<div class="buybox"><h1>Harlow Skillet</h1><div class="price">US $54.00</div>'
            "<div>Condition: New</div></div>"
            f'{rail()}<div class="about"><h2>About this item</h2><div class="desc">{paras}</div>'
            '<table class="specs"><tr><th>Material</th><td>Cast iron</td></tr>'
            "<tr><th>Weight</th><td>6.8 kg</td></tr></table></div>"
            f'{around}{rail("Similar items")}</div><footer><p>About us</p></footer></body></html>')


def test_a_product_page_loses_the_rails_of_other_products_and_their_headers():
    result = clean_document(product_page())
    assert result.page_type == "product"
    for paragraph in DESCRIPTION:
        assert paragraph in result.text
    for name, price in OTHERS:
        assert name not in result.text and price not in result.text
    assert "also viewed" not in result.text and "Similar items" not in result.text


def test_a_product_page_keeps_its_name_price_and_specifications_beside_the_description():
    text = clean(product_page())
    assert "Harlow Skillet" in text and "US $54.00" in text
    assert "Material | Cast iron" in text and "Weight | 6.8 kg" in text


def _rail_of(html: str) -> bool:
    page = walk(LexborHTMLParser(html).body)
    children = _children(page)
    lists = [i for i, el in enumerate(page.elements) if el.tag in ("ul", "div") and i]
    return any(product_rail(page, page.elements[i], children.get(i, ())) for i in lists)


def test_a_product_s_own_options_are_no_rail():
    """Two priced options of the product itself (a one-off purchase, a subscription) are
    fewer cards than a rail shows; a list of its features has no prices."""
    options = ('<ul><li><h3>One-time purchase</h3><div>$37.99</div></li>'
               '<li><h3>Subscribe and save</h3><div>$30.39</div></li></ul>')
    features = "<ul>" + "".join(f"<li><h3>Feature {i} of the pan</h3><p>Holds heat well.</p></li>"
                                for i in range(5)) + "</ul>"
    assert not _rail_of(f"<html><body>{options}</body></html>")
    assert not _rail_of(f"<html><body>{features}</body></html>")
    assert _rail_of(f"<html><body>{rail()}</body></html>")


@pytest.mark.parametrize("text, price", [
    ("US $18.00", True), ("EUR 163.12", True), ("19,99 €", True), ("£4,345.00", True),
    ("1 299 Kč", True), ("Free delivery", False), ("24 inch pan", False), ("Pack of 3", False),
])
def test_prices_as_shops_print_them(text, price):
    assert bool(PRICE.search(text)) is price


REVIEWS = [
    "I bought this for our camping trips and it has been worth every single dollar, because it "
    "holds the heat so well that a whole batch of pancakes comes out the same colour, from the "
    "first one to the last one, and it cleans up with nothing but hot water and a brush.",
    "Great pan, but be ready for the weight of it. My wrists complained for the whole first "
    "week, and the helper handle is the only reason I can move it from the hob to the oven, "
    "full of roast potatoes, without asking somebody else in the house to do it for me.",
]


def test_a_review_s_text_box_is_no_candidate_for_the_product_s_content():
    """The reviews' text sits in boxes named for a widget ("fx-collapsible"), not for reviews;
    the review box around them says what they are."""
    reviews = "".join(f'<div class="customer-review"><div class="fx-grid"><div class="fx-collapsible">'
                      f'<div class="fx-collapsible__text">{r}</div></div></div></div>'
                      for r in REVIEWS)
    html = (f"<!doctype html><html><head>{PRODUCT_HEAD}<title>Harlow Skillet</title></head><body>"
            f'<div class="product"><h1>Harlow Skillet</h1><div class="text">'
            "<p>A heavy pan for the oven and the campfire, seasoned and ready to use.</p>"
            f"<ul><li>Cast iron, 6.8 kg</li><li>24 inch</li><li>Pre-seasoned</li></ul></div></div>"
            f'<div class="product-reviews-content"><h2>Reviews</h2>{reviews}</div></body></html>')
    text = clean(html)
    assert "A heavy pan for the oven" in text and "Cast iron, 6.8 kg" in text
    assert not any(r[:40] in text for r in REVIEWS)


@pytest.mark.parametrize("url, og, kind", [
    ("https://www.example.org/threads/starter-smells-of-acetone.20417/", "article", "forum"),
    ("https://forum.example.org/t/starter-smells/4412", "article", "forum"),
    ("https://www.example.org/viewtopic.php?t=12", "article", "forum"),
    # a forum's section, a site's "community" pages: og:type article stands
    ("https://www.example.org/forum/beginning-woodworking", "article", "article"),
    ("https://www.example.org/community/news/fair-opens", "article", "article"),
])
def test_a_thread_s_url_overrules_og_type_article(url, og, kind):
    html = f'<html><head><meta property="og:type" content="{og}"></head><body></body></html>'
    assert page_type(LexborHTMLParser(html), url).kind == kind


POSTS = [
    "I started a rye starter last Sunday and fed it twice a day. It doubled nicely on day three, "
    "but since yesterday it smells strongly of nail polish remover and barely rises at all.",
    "Perfectly normal, and not dead. The smell is the yeast running out of food, so feed it "
    "more, not less: equal weights of flour and water, twice a day, for a week.",
    "That did it. Five days of bigger feeds and it now doubles in six hours and smells of "
    "yoghurt, and my first loaf is in the oven as I type this.",
]
QUOTED = "It doubled nicely on day three, but since yesterday it smells strongly of nail polish remover"
OUTSIDE = "A hungry mother smells sharp and a fed one smells sweet, said my grandmother."


def thread(quote_outside: bool = True) -> str:
    def post(i: int, body: str) -> str:
        return (f'<article class="message"><div class="message-user"><a href="/m/{i}">user{i}</a>'
                f'<div class="message-userDetails"><h5 class="userTitle">Well-known member</h5></div>'
                f'<div class="message-userExtras">Joined Jan 2019 Messages 8,412</div></div>'
                f'<div class="message-main"><div class="bbWrapper">{body}</div>'
                f'<div class="message-signature">Bread is a slow art, signed user{i}.</div></div>'
                "</article>")
    quote = (f'<blockquote class="bbCodeBlock--quote"><div class="bbCodeBlock-title">user0 said:</div>'
             f"<div>{QUOTED}.</div></blockquote>")
    outside = f'<blockquote class="bbCodeBlock--quote"><div>{OUTSIDE}</div></blockquote>'
    posts = (post(0, f"<p>{POSTS[0]}</p>") + post(1, f"{quote}<p>{POSTS[1]}</p>")
             + post(2, f"<p>{POSTS[2]}</p>{outside if quote_outside else ''}"))
    return ('<!doctype html><html><head><meta name="generator" content="XenForo">'
            '<title>Starter smells of acetone</title></head><body>'
            f'<h1>Starter smells of acetone</h1><div class="block-body">{posts}</div></body></html>')


def test_a_thread_shows_its_posts_without_their_furniture():
    result = clean_document(thread())
    assert result.page_type == "forum"
    for p in POSTS:
        assert p in result.text
    assert "Well-known member" not in result.text and "Messages 8,412" not in result.text
    assert "Bread is a slow art" not in result.text


def test_a_reply_s_quote_of_an_earlier_post_goes_and_a_quote_from_outside_stays():
    result = clean_document(thread())
    assert result.text.count(QUOTED) == 1 and "user0 said:" not in result.text
    assert OUTSIDE in result.text
    assert any(r.rule_id == "html-repeated-quote" and QUOTED in " ".join(r.lines)
               for r in result.html.dropped)


def test_a_product_page_shows_its_description_once():
    """Shops draw the description twice, for the phone's layout and the desktop's."""
    paras = "".join(f"<p>{p}</p>" for p in DESCRIPTION)
    html = (f"<!doctype html><html><head>{PRODUCT_HEAD}<title>Harlow Skillet</title></head><body>"
            f'<main><h1>Harlow Skillet</h1><div class="desc desc--mobile">{paras}</div>'
            f'<div class="price">US $54.00</div><div class="desc desc--desktop">{paras}</div></main>'
            "</body></html>")
    result = clean_document(html)
    assert all(result.text.count(p) == 1 for p in DESCRIPTION)
    assert any(r.rule_id == "html-repeated-block" for r in result.html.dropped)
    story = html.replace(PRODUCT_HEAD, '<meta property="og:type" content="article">')
    assert all(clean(story).count(p) == 2 for p in DESCRIPTION)  # a story's repeats are its own


COMMENTS = [
    "The goals look sensible, but I would have liked a word on compile times, which are still "
    "the first thing newcomers complain about when they try the language at work for a week.",
    "Compile times are on the list, under the parallel front end. It is slow work because the "
    "query system was never designed for threads, and every fix touches half the compiler.",
    "I am glad async closures made it. Writing the same callback three ways for three runtimes "
    "is the part of the language I explain most often, and it never gets easier to explain.",
    "Agreed. The other half is the trait solver, which blocks a lot of what people expect from "
    "async traits, and that rewrite has been underway for years without much noise about it.",
] * 3


def shared_link(story: str = "") -> str:
    """An aggregator's page for a shared link: the title, a line of meta, the comment thread."""
    comments = "".join(f'<div class="comment"><div class="comment_text"><p>{c}</p></div></div>'
                       for c in COMMENTS)
    return ('<!doctype html><html><head><meta property="og:type" content="article">'
            "<title>Project goals for 2024 | Links</title></head><body>"
            '<h1><a href="https://example.org/goals">Project goals for 2024</a></h1>'
            f'<div class="byline">via someone 1 year ago | 12 comments</div>{story}'
            f'<div class="comments">{comments}</div></body></html>')


def test_a_comment_thread_beside_no_story_is_the_page():
    result = clean_document(shared_link())
    assert result.page_type == "forum"
    assert result.html.page_type.reason == "a comment thread beside no story"
    assert all(c in result.text for c in COMMENTS)


def test_a_story_s_comment_thread_still_goes():
    story = "".join(f"<p>{i}. {p}</p>" for i, p in enumerate(DESCRIPTION * 3))
    result = clean_document(shared_link(f'<article class="story">{story}</article>'))
    assert result.page_type == "article"
    assert DESCRIPTION[0] in result.text and COMMENTS[0] not in result.text


def test_a_short_story_with_a_long_thread_is_still_a_story():
    """One paragraph of prose is a story (a short blog post), however long its comments."""
    short = "A short note: the invite says to come experience our latest collaboration, so we will be there."
    result = clean_document(shared_link(f'<div class="post"><p>{short}</p></div>'))
    assert result.page_type != "forum"
    assert short in result.text and COMMENTS[0] not in result.text


def test_a_question_put_to_the_thread_below_it_is_no_story():
    """A thread a site marks as an article (a forum's first post as the "story"): its own text is
    a question, and the answers in its comment boxes are what the page is for."""
    ask = ("So could it be as simple as finding a product with medium demand and running ads to "
           "its landing page on a cheap domain? Where will I run into a snag?")
    result = clean_document(shared_link(f'<div class="post"><p>{ask}</p></div>'))
    assert result.page_type == "forum"
    assert ask in result.text and all(c in result.text for c in COMMENTS)


@pytest.mark.parametrize("told", [
    # a question on the way, then the story's statements
    "Will the bridge open on time? The council says it will, and the contractor has kept to "
    "every date so far, so we expect to cross it in May.",
    # "What do you think?" closes a news brief: one question among its statements, none put to
    # a thread (review-s12b 2: text.prose.asks)
    "The council voted on Tuesday night to close the town library on Sundays from April, saving "
    "about forty thousand pounds a year. Residents have until Friday to object, and a petition "
    "against the plan already has more than two thousand names. What do you think?",
], ids=["question-on-the-way", "prompt-at-the-end"])
def test_a_short_story_that_asks_a_question_is_still_a_story(told):
    result = clean_document(shared_link(f'<div class="post"><p>{told}</p></div>'))
    assert result.page_type != "forum"
    assert told in result.text and COMMENTS[0] not in result.text


def test_a_question_in_a_full_width_question_mark_is_put_to_the_thread():
    ask = ("请问有没有人知道这个编译器的新版本什么时候发布？我们的项目计划要根据它来安排，"
           "所以想早点知道大概的时间。会不会推迟到明年？")
    result = clean_document(shared_link(f'<div class="post"><p>{ask}</p></div>'))
    assert ask in result.text and all(c in result.text for c in COMMENTS)
