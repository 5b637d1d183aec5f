"""A box hidden by a "hidden" class alone is judged by the reader's hidden step
(reader.CLASS_HIDDEN): a disclosure's panel stays, under the panel guards of the hidden
attribute's boxes; a menu, a tooltip, a sign-in panel or a cart confirmation so hidden goes."""
from __future__ import annotations

from cleaner.html.reader import html_to_text

PARA = ("The storm reached the coast on Monday night, and officials said that the damage was "
        "the worst they had seen in a decade, with roads closed and power lines down. ")
STORY = "".join(f"<p>{n}. {PARA}</p>" for n in range(1, 6))


def _page(body: str, og: str = "article") -> str:
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>T</title>"
            f"<meta property='og:type' content='{og}'></head><body>{body}</body></html>")


def _run(html: str, packset):
    return html_to_text(html, packset=packset)


def test_an_faq_answer_after_its_question_button_stays(packset):
    html = _page("<article><h1>FAQ</h1>" + STORY +
                 "<div><button type='button'><h5>How much does a PWA cost?</h5></button>"
                 "<div class='text-sm hidden'><p>The final cost depends on many factors, such as "
                 "the features and the platforms you need.</p></div></div></article>")
    assert "The final cost depends" in _run(html, packset).text


def test_a_named_accordion_panel_stays(packset):
    html = _page("<article><h1>Online MBA programs</h1>" + STORY +
                 "<div class='ss-accordion-title'>Our methodology</div>"
                 "<div class='ss-accordion-content hidden'><p>We rank the programs by their cost, "
                 "their graduation rates and the salaries of their graduates.</p></div></article>")
    assert "We rank the programs" in _run(html, packset).text


def test_a_label_after_an_icon_button_goes(packset):
    html = _page("<article><h1>Storm hits the coast</h1>" + STORY[:400] +
                 "<p><button class='play'></button><span class='hidden'>Play video: storm "
                 "footage</span></p>" + STORY + "</article>")
    assert "Play video" not in _run(html, packset).text


def test_a_sign_in_panel_after_a_menu_toggle_goes(packset):
    html = _page("<div class='wrap'><div class='bar'><p class='logo'>Coast Times</p>"
                 "<button class='md:hidden'>Menu</button><div class='hidden'><p>Sign in to your "
                 "account to read more of our journalism and manage your subscription.</p></div>"
                 "</div><div class='content'><h1>Storm hits the coast</h1>" + STORY + "</div></div>",
                 og="website")
    result = _run(html, packset)
    assert "Sign in to your account" not in result.text
    assert "The storm reached the coast" in result.text


def test_a_cart_confirmation_after_a_form_button_goes(packset):
    html = _page("<main><h1>Linen shirt</h1>" + STORY +
                 "<form><button type='submit'>Add to cart?</button><div class='hidden'><p>Added "
                 "to your cart! Complete the set with the matching trousers and the belt.</p>"
                 "</div></form></main>", og="product")
    assert "Added to your cart" not in _run(html, packset).text


def test_a_panel_of_links_is_a_menu(packset):
    links = "".join(f"<li><a href='/s{n}'>Service number {n} for you</a></li>" for n in range(6))
    html = _page("<article><h1>Storm hits the coast</h1>" + STORY +
                 f"<div class='accordion-panel hidden'><ul>{links}</ul></div></article>")
    result = _run(html, packset)
    assert "Service number 3" not in result.text
    assert "The storm reached the coast" in result.text


def test_a_hidden_box_holding_the_headline_stays(packset):
    # Tailwind's "hidden md:flex" hero, the desktop copy: html-print-only never took it (the
    # selector guard keeps the h1's box), nor does the hidden step
    html = _page("<main><div class='hidden md:flex flex-col'><h1>iPhone parts</h1><p>Our "
                 "replacement parts are strictly tested and backed by our quality guarantee, "
                 "so that you can trust the parts you receive.</p></div>" + STORY + "</main>",
                 og="website")
    assert "Our replacement parts are strictly tested" in _run(html, packset).text


def test_hidden_candidates_tell_class_hidden_alone_from_hidden_by_attribute():
    """The candidates in document order, each as often as the union query gives it, and the
    class-only ones: a box with the "hidden" class *and* a hidden attribute or style is
    hidden by its attribute (judged as such), as when HIDDEN was queried on its own."""
    from selectolax.lexbor import LexborHTMLParser
    from cleaner.html.reader import CLASS_HIDDEN, HIDDEN, _hidden_candidates

    body = LexborHTMLParser(
        "<body><div class='a hidden' id=one>x</div>"
        "<div class='hidden' hidden style='display:none' id=two><p class=hidden id=three>y</p></div>"
        "<span aria-hidden=true id=four>z</span><input type=HIDDEN id=five>"
        "<div class='hidden' aria-hidden='true' id=six>w</div></body>").body
    nodes, class_only = _hidden_candidates(body)
    assert [n.id for n in nodes] == [n.id for n in body.css(HIDDEN + ", " + CLASS_HIDDEN)]
    assert [n.id for n in nodes] == ["one", "two", "two", "two", "three", "four", "five",
                                     "six", "six"]  # once for each part a node matches
    by_attr = {n.mem_id for n in body.css(HIDDEN)}
    assert class_only == {n.mem_id for n in body.css(CLASS_HIDDEN)} - by_attr
    assert {n.id for n in nodes if n.mem_id in class_only} == {"one", "three"}
    plain = LexborHTMLParser("<body><div hidden id=a>x</div><p>y</p></body>").body
    nodes, class_only = _hidden_candidates(plain)  # no class-hidden box: HIDDEN's answer
    assert [n.id for n in nodes] == ["a"] and class_only == set()
