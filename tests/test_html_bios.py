"""The declared author's bio below a story goes, told by its shape (cleaner.html.bios)."""
from __future__ import annotations

import json

import pytest

from cleaner import clean_document
from cleaner.html.reader import html_to_text

PROSE = ("The storm reached the coast on Monday night, and officials said that the damage was "
         "the worst they had seen in a decade, with roads closed and power lines down. ")
BIO = ("Jane Doe is a freelance writer living in Portland. She has covered weather and climate "
       "for a decade, and her work has appeared in several regional newspapers.")


def _page(body: str, author: object = None, meta: str = "") -> str:
    head = '<meta property="og:type" content="article">'
    if author is not None:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Storm",
              "author": author}
        head += f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    if meta:
        head += f'<meta name="author" content="{meta}">'
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8>{head}</head><body>"
            f"<article><h1>Storm hits the coast</h1>{body}</article></body></html>")


STORY = "".join(f"<p>{n}. {PROSE}</p>" for n in range(6))
# a bio in a box of its own whose class names no author box (a page builder's widget)
BOXED = (f'<div class="css-1dsojn8"><div class="css-name"><a href="/author/jane-doe">Jane Doe</a>'
         f'</div><div class="css-role">Contributing Writer</div><div class="css-11jqkrn"><p>{BIO}</p>'
         f'</div></div>')


@pytest.mark.parametrize("author, meta", [
    ({"@type": "Person", "name": "Jane Doe"}, ""),
    ([{"@type": "Person", "name": "Jane Doe"}], ""),
    ("Jane Doe", ""),
    (None, "Jane Doe"),
])
def test_the_declared_author_s_bio_in_a_box_below_the_story_goes(packset, author, meta):
    html = _page(f"<div class=\"entry\">{STORY}{BOXED}</div>", author, meta)
    result = html_to_text(html, packset=packset)
    assert all(f"{n}. The storm reached the coast" in result.text for n in range(6))
    assert "freelance writer" not in result.text
    assert "Contributing Writer" not in result.text  # the box's role line goes with it
    assert any(r.rule_id == "html-author-bio" and r.category == "bio" for r in result.dropped)


def test_the_bio_stays_when_bio_is_kept(packset):
    html = _page(f"<div class=\"entry\">{STORY}{BOXED}</div>", {"@type": "Person", "name": "Jane Doe"})
    assert "freelance writer" in html_to_text(html, packset=packset, keep={"bio"}).text


def test_a_bio_among_the_story_s_own_paragraphs_stays(packset):
    # Written as the story's last paragraph (an italic line about a guest writer), it may be
    # part of the piece: doubt keeps it.
    html = _page(f'<div class="entry">{STORY}<p><em>{BIO}</em></p></div>',
                 {"@type": "Person", "name": "Jane Doe"})
    assert "freelance writer" in html_to_text(html, packset=packset).text


def test_an_organisation_as_author_speaks_of_itself_as_content(packset):
    about = ("Acme Plumbing is dedicated to serving homeowners across the valley with fast, "
             "honest repairs and fair prices, as it has for thirty years.")
    box = f'<div class="css-x"><div class="css-n">Acme Plumbing</div><div class="css-y"><p>{about}</p></div></div>'
    html = _page(f'<div class="entry">{STORY}{box}</div>',
                 {"@type": "Organization", "name": "Acme Plumbing"})
    assert "dedicated to serving" in html_to_text(html, packset=packset).text
    ours = box.replace("serving homeowners", "serving our homeowners")
    html = _page(f'<div class="entry">{STORY}{ours}</div>', "Acme Plumbing")
    assert "dedicated to serving" in html_to_text(html, packset=packset).text


def test_a_paragraph_naming_the_author_early_in_the_story_stays(packset):
    # Above the story's middle: not below the story, whatever it says.
    first = f'<div class="css-a"><div class="css-n">Jane Doe</div><div class="css-b"><p>{BIO}</p></div></div>'
    html = _page(f'{first}<div class="entry">{STORY}</div>', {"@type": "Person", "name": "Jane Doe"})
    assert "freelance writer" in html_to_text(html, packset=packset).text


def test_a_box_that_goes_on_with_the_story_is_no_bio_box(packset):
    # An author card set mid-page in a box that holds the rest of the story: only a small box goes.
    rest = "".join(f"<p>{n}. {PROSE}</p>" for n in range(6, 10))
    html = _page(f'<div class="entry">{STORY}<div class="css-z"><h3>About Jane</h3><p>{BIO}</p>'
                 f'{rest}</div></div>',
                 {"@type": "Person", "name": "Jane Doe"})
    text = html_to_text(html, packset=packset).text
    assert "freelance writer" in text and "9. The storm" in text


def test_a_story_page_with_a_bio_box_cleans_through_the_api():
    html = _page(f"<div class=\"entry\">{STORY}{BOXED}</div>", {"@type": "Person", "name": "Jane Doe"})
    text = clean_document(html, html=True).text
    assert "5. The storm reached the coast" in text and "freelance writer" not in text


def test_an_about_the_author_box_below_the_story_goes(packset):
    # No declared author needed: the heading says what the box is.
    box = (f'<section class="my-12 border"><h3>About the Author</h3><div class="css-q"><p>{BIO}</p>'
           f'</div></section>')
    html = _page(f'<div class="entry">{STORY}{box}</div>')
    result = html_to_text(html, packset=packset)
    assert "5. The storm reached the coast" in result.text
    assert "About the Author" not in result.text and "freelance writer" not in result.text
    assert "freelance writer" in html_to_text(html, packset=packset, keep={"bio"}).text


def test_an_about_heading_among_the_story_s_paragraphs_leaves_the_story_below_it(packset):
    # A heading with no box of its own: what follows it may be the story going on.
    rest = "".join(f"<p>{n}. {PROSE}</p>" for n in range(6, 8))
    html = _page(f'<div class="entry">{STORY}<h3>About the author</h3><p>{BIO}</p>{rest}</div>')
    text = html_to_text(html, packset=packset).text
    assert "freelance writer" in text and "7. The storm" in text


def test_an_about_the_expert_box_is_the_story_s_own(packset):
    # An expert the story quotes is no author: a card about them is the piece's.
    box = f'<section class="card"><h3>About the expert</h3><div class="css-q"><p>{BIO}</p></div></section>'
    html = _page(f'<div class="entry">{STORY}{box}</div>')
    assert "freelance writer" in html_to_text(html, packset=packset).text


def test_an_about_the_author_box_set_mid_page_goes_and_the_story_below_it_stays(packset):
    # The Motley Fool's author card stands in the story's middle; the box closes before the
    # story goes on.
    box = (f'<section class="my-12 border"><h3>About the Author</h3><div class="css-q"><p>{BIO}</p>'
           f'</div></section>')
    rest = "".join(f"<p>{n}. {PROSE}</p>" for n in range(6, 12))
    html = _page(f'<div class="entry"><p>0. {PROSE}</p>{box}{STORY}{rest}</div>')
    text = html_to_text(html, packset=packset).text
    assert "freelance writer" not in text and "About the Author" not in text
    assert "0. The storm" in text and "11. The storm" in text


def test_a_short_brief_ending_with_a_paragraph_on_its_author_keeps_every_line(packset):
    # the <article> is the box of its last paragraph: the box, not only the paragraph, must
    # stand below the story's half, and open with the author's name line (review-s12d 1)
    body = ("<p>The shortlist was announced in London on Tuesday.</p>"
            "<p>Jane Doe has been shortlisted for the prize.</p>")
    html = _page(body, meta="Jane Doe")
    text = html_to_text(html, packset=packset).text
    assert "Storm hits the coast" in text and "Jane Doe has been shortlisted" in text


def test_an_about_the_author_page_is_the_page(packset):
    # a writer's About page (og:type article, as themes give every page): the About box
    # holding most of the page is the page itself (ABOUT_PAGE_SHARE)
    body = ('<p>Welcome to my little corner of the web.</p><section class="wp-block-group">'
            "<h2>About the author</h2><p>I am a retired teacher who has spent forty years in the "
            "garden, first on a balcony and then on two acres of clay in the hills.</p><p>I grow "
            "mostly vegetables, a few fruit trees and far too many tomatoes.</p></section>")
    text = html_to_text(_page(body), packset=packset).text
    assert "retired teacher" in text and "far too many tomatoes" in text


def test_a_reviewed_book_s_author_is_not_the_story_s(packset):
    # only the story item's author counts: a review's itemReviewed names the book's writer
    ld = {"@context": "https://schema.org", "@type": "Review",
          "author": {"@type": "Person", "name": "Jane Doe"},
          "itemReviewed": {"@type": "Book", "name": "Beloved",
                           "author": {"@type": "Person", "name": "Toni Morrison"}}}
    card = ('<div class="wp-block-group"><h2>Toni Morrison</h2><p>Toni Morrison was fifty-six '
            "when Beloved appeared, and the book turned on a story she had found years before "
            "in an old newspaper clipping.</p></div>")
    html = (f'<!doctype html><html lang=en><head><meta property="og:type" content="article">'
            f'<script type="application/ld+json">{json.dumps(ld)}</script></head><body><article>'
            f"<h1>Beloved at forty</h1>{STORY}{card}</article></body></html>")
    assert "Toni Morrison was fifty-six" in html_to_text(html, packset=packset).text


@pytest.mark.parametrize("kind", ["EducationalOrganization", "GovernmentOrganization", "NGO"])
def test_an_organisation_of_any_kind_as_author_is_no_person_with_a_bio(packset, kind):
    name = "Springfield Trust"
    box = (f'<div class="css-1x"><div class="css-name">{name}</div><div class="css-2y"><p>{name} '
           "is dedicated to teaching the history of the town to its children and its visitors.</p>"
           "</div></div>")
    html = _page(f'<div class="entry">{STORY}{box}</div>', {"@type": kind, "name": name})
    assert "dedicated to teaching" in html_to_text(html, packset=packset).text


def test_a_bio_is_reported_once_under_its_own_rule(packset):
    # what the reader's own rules take from its choice (a bio, a caption) is not reported a
    # second time as a block outside the main content (review-s12d)
    html = _page(f"<div class=\"entry\">{STORY}{BOXED}</div>", {"@type": "Person", "name": "Jane Doe"})
    result = html_to_text(html, packset=packset)
    said = [r.rule_id for r in result.dropped for line in r.lines if "freelance writer" in line]
    assert said == ["html-author-bio"]


def test_a_bio_naming_the_us_is_no_first_person_plural(packset):
    us_bio = BOXED.replace("Jane Doe is a freelance writer living in Portland.",
                           "Jane Doe is a US-based freelance writer living in Portland.")
    html = _page(f"<div class=\"entry\">{STORY}{us_bio}</div>", {"@type": "Person", "name": "Jane Doe"})
    assert "freelance writer" not in html_to_text(html, packset=packset).text


def test_an_about_the_author_label_among_flat_paragraphs_goes_with_the_bio_after_it(packset):
    # "About the Author:" in a <p> of its own, the bio the next paragraph, the story's
    # paragraphs on both sides in the same box: the label and the bio go, nothing else.
    rest = "".join(f"<p>{n}. {PROSE}</p>" for n in range(6, 8))
    html = _page(f'<div class="entry">{STORY}<p>About the Author:</p><p>{BIO}</p>{rest}</div>')
    result = html_to_text(html, packset=packset)
    assert "About the Author" not in result.text and "freelance writer" not in result.text
    assert all(f"{n}. The storm reached the coast" in result.text for n in range(8))
    assert any(r.rule_id == "html-author-bio" for r in result.dropped)
    assert "freelance writer" in html_to_text(html, packset=packset, keep={"bio"}).text


@pytest.mark.parametrize("after", [
    # the next paragraph is no person's bio: the story's own
    f"<p>{PROSE}</p>",
    # a company speaking of itself
    "<p>Acme Weather Labs is a forecasting firm; we have tracked storms since 1990.</p>",
])
def test_an_about_the_author_label_over_no_person_s_bio_leaves_the_paragraph(packset, after):
    html = _page(f'<div class="entry">{STORY}<p>About the Author:</p>{after}</div>')
    text = html_to_text(html, packset=packset).text
    assert after[3:30] in text


# A book review: "About the author:" over the reviewed novelist's bio, with the review's own
# paragraphs around it. The bio is the review's content (review-s14c, finding 4).
NOVELIST = ("Jane Okafor is a Nigerian-British novelist whose first book, The Salt Road, won the "
            "Orwell Prize; she lives in Leeds.")
REVIEW_LD = {"@context": "https://schema.org", "@type": "Review",
             "itemReviewed": {"@type": "Book", "name": "The Salt Road",
                              "author": {"@type": "Person", "name": "Jane Okafor"}},
             "author": {"@type": "Person", "name": "Tom Reader"}}


def _review(before: int, after: int, head: str = "") -> str:
    paras = lambda r: "".join(f"<p>{n}. {PROSE}</p>" for n in r)  # noqa: E731
    body = (f'<div class="entry">{paras(range(before))}<p>About the author:</p><p>{NOVELIST}</p>'
            f'{paras(range(before, before + after))}</div>')
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8>"
            f'<meta property="og:type" content="article">{head}</head><body>'
            f"<article><h1>Review: The Salt Road</h1>{body}</article></body></html>")


@pytest.mark.parametrize("html", [
    # past half of the story, but the page declares its reviewer, whose name the bio does not open with
    _review(4, 2, '<meta name="author" content="Tom Reader">'),
    # nobody declared, and the label stands in the story's first half
    _review(1, 5),
    # the page is a Review of a Book, written by Tom Reader; the label early
    _review(1, 5, f'<script type="application/ld+json">{json.dumps(REVIEW_LD)}</script>'),
])
def test_a_book_review_s_about_the_author_label_over_the_novelist_s_bio_stays(packset, html):
    text = html_to_text(html, packset=packset).text
    assert "Jane Okafor is a Nigerian-British novelist" in text
    assert all(f"{n}. The storm reached the coast" in text for n in range(6))


def test_an_about_the_author_label_goes_with_the_declared_author_s_bio(packset):
    # the page declares Jane Doe, and the paragraph after the label opens with her name
    rest = "".join(f"<p>{n}. {PROSE}</p>" for n in range(6, 8))
    html = _page(f'<div class="entry">{STORY}<p>About the Author:</p><p>{BIO}</p>{rest}</div>',
                 meta="Jane Doe")
    result = html_to_text(html, packset=packset)
    assert "About the Author" not in result.text and "freelance writer" not in result.text
    assert all(f"{n}. The storm reached the coast" in result.text for n in range(8))
