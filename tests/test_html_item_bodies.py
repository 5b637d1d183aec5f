"""A chrome-named box that is each entry's body (arxiv's "meta") is the entries, not chrome."""
from cleaner import clean

TITLES = ["Sparse attention sinks in large language models explained",
          "Unbiased judges for model evaluation with bounded bias",
          "Common ground construction under epistemic asymmetry",
          "Direct access and inference in machine introspection"]
INTRO = ("<p>This page lists the papers submitted in the last five days, newest first, with "
         "their titles, their authors and the subjects they were filed under.</p>")


def _page(entries: str) -> str:
    return ("<html><head><title>Recent submissions</title></head><body><main>"
            "<h1>Recent submissions</h1>" + INTRO + entries + INTRO + "</main></body></html>")


def test_each_entry_s_meta_box_is_the_entry():
    entries = "".join(
        f'<dt><a href="/abs/{n}">[{n}] paper {n}</a></dt><dd><div class="meta">'
        f'<div class="list-title">Title: {t}</div>'
        f'<div class="list-subjects">Subjects: Artificial Intelligence; Computation and Language'
        f"</div></div></dd>" for n, t in enumerate(TITLES, 1))
    out = clean(_page(f"<dl>{entries}</dl>"), html=True)
    for title in TITLES:
        assert title in out


def test_a_teaser_s_meta_line_still_goes():
    # the meta box holds a small part of each item (its date and author): furniture
    items = "".join(
        f'<li><h3><a href="/p/{n}">{t}</a></h3><p>A summary of the paper that says in a '
        f"sentence or two what it found and why it matters to the field.</p>"
        f'<div class="meta">Posted 6 March 2026 by the editors</div></li>'
        for n, t in enumerate(TITLES, 1))
    out = clean(_page(f"<ul>{items}</ul>"), html=True)
    assert "Posted 6 March 2026" not in out


def test_a_rail_of_linked_teaser_cards_in_a_list_still_goes():
    # each item's box is its whole body, as an index entry's is, but it is a link: a rail of
    # other stories, judged by its links as any box is
    story = ("<p>The council voted on Tuesday to close the old library on the high street and "
             "move its books to the new community centre, which opens next spring.</p>")
    cards = "".join(f'<li><div class="teaser-card"><a href="/s/{k}">Council story number {k} '
                    f"about the budget, the buses and the bins in town</a></div></li>"
                    for k in range(30))
    out = clean("<html><body><article><h1>Library to close</h1>" + story * 5
                + f"<ul>{cards}</ul>" + story + "</article></body></html>", html=True)
    assert "The council voted on Tuesday" in out
    assert "story number 7" not in out
