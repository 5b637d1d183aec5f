"""A record's field label told again over a value of its own ("Weight:" in each product card
of a shop's category) stays on a page's text; a block printed twice still goes, and plain
text is judged as before (stages._labels_own_value)."""
from cleaner import clean_document

CARD = """<html><body><header><nav><a href="/">Home</a> <a href="/shop">Shop</a></nav></header><main><article><h1>Two packs for the trail</h1>
<p>Our guide to the two packs we tested this season, with what each one weighs and holds, so that you can pick the right one for a weekend or a week on the trail.</p>
<h2>Trail Runner 2</h2><p>The lighter of the two, for a fast weekend on the trail, with room for a quilt and a stove and not much more than that.</p>
<p><strong>Weight:</strong><br>2 lb 3 oz</p><p><strong>Gear Capacity:</strong><br>20 L</p>
<h2>Trail Runner 3</h2><p>The bigger of the two, for a week on the trail, with room for a tent, a quilt, a stove and food for five days or more.</p>
<p><strong>Weight:</strong><br>2 lb 9 oz</p><p><strong>Gear Capacity:</strong><br>30 L</p>
<p>Both packs come in two sizes and three colours, and both carry a five-year warranty from the maker, which covers the seams, the zips and the frame.</p></article></main>
<footer><p>© 2025 Example Outdoors</p></footer></body></html>"""


def test_each_record_keeps_its_field_labels():
    text = clean_document(CARD, html=True).text
    assert text.count("Weight:") == 2  # the second went before
    assert text.count("Gear Capacity:") == 2
    assert "2 lb 9 oz" in text and "30 L" in text


def test_a_label_told_again_over_the_same_value_goes():
    # a block printed twice: the label's copy sits over the line its first copy sat over
    page = CARD.replace("2 lb 9 oz", "2 lb 3 oz").replace("30 L", "20 L")
    assert clean_document(page, html=True).text.count("Weight:") == 1


PAGE_TEXT = ("Two packs for the trail\n\nOur guide to the two packs we tested this season, with what "
             "each one weighs and holds, so that you can pick the right one.\n\nTrail Runner 2\n\n"
             "Weight:\n2 lb 3 oz\n\nThe lighter of the two packs, for a fast weekend on the trail, "
             "with room for a quilt and a stove.\n\nTrail Runner 3\n\nWeight:\n2 lb 9 oz\n\nThe "
             "bigger of the two, for a week on the trail, with room for a tent, a quilt, a stove "
             "and food for five days.\n")


def test_a_thread_s_text_drops_the_label_s_copy():
    # a thread keeps its comments; its posters' cards tell their fields with each post
    from cleaner.engine.pipeline import clean_text

    assert clean_text(PAGE_TEXT, from_page=True).text.count("Weight:") == 2
    thread = clean_text(PAGE_TEXT, from_page=True, keep=frozenset({"comments"}))
    assert [r.rule_id for r in thread.removals if "Weight:" in r.lines] == ["repeated-short-lines"]


def test_plain_text_gives_no_label_back():
    # a dump's lines are judged by the line classifier with their neighbours: the exception
    # is the HTML reader's text's alone (Context.record_labels, off unless from_page)
    from cleaner.engine.context import Context

    assert Context.__dataclass_fields__["record_labels"].default is False
