"""Teaser sections ("Related articles", "Lee también", "Most read"): where the list ends.

A section heading drops the teaser list under it. The list must end where the story resumes,
and where that is in doubt the line stays: a lost paragraph of the story is worse than a
leftover teaser. These tests run the shipped packs on whole documents.
"""
from __future__ import annotations

from cleaner import clean, clean_document

P1 = ("The council approved the new budget on Monday after a long debate about the future of "
      "the city's schools, roads and libraries.")
P2 = ("Officials said the bridge would reopen next week, once the repairs were finally finished "
      "and the inspectors had signed them off.")
P3 = ("It was the third time this year that the river had burst its banks, and residents said "
      "they had lost patience with the promises.")
P4 = ("The mayor promised a review of the flood defences before the winter storms set in again, "
      "and a report is due in the spring.")


def removed_by(result, rule_id: str) -> list[str]:
    return [line for r in result.removals if r.rule_id == rule_id for line in r.lines]


def test_a_short_paragraph_after_a_list_of_bare_headlines_is_the_story():
    text = "\n\n".join([P1, P2, "Related articles",
                        "Council votes to close two libraries\nFlood defences to get £2m",
                        "The vote is on Friday.", P3, P4])
    result = clean_document(text, html=False)
    assert "The vote is on Friday." in result.text
    assert removed_by(result, "en-related-section") == [
        "Related articles", "Council votes to close two libraries", "Flood defences to get £2m"]


def test_teasers_with_summaries_go_and_where_the_last_one_meets_the_story_it_stays():
    text = "\n\n".join([
        P1, "Read also:",
        "Council votes to close two libraries", "The decision was taken late on Tuesday night.",
        "Flood defences to get £2m", "Engineers will start work on the embankment in June.",
        P2, P3, P4])
    out = clean(text)
    assert "Council votes" not in out and "The decision was taken" not in out
    # a summary followed by two paragraphs could be the story's first lines under its own
    # subheading: in doubt, the last teaser stays
    assert "Flood defences to get £2m\n\nEngineers will start work" in out
    assert P2 in out and P3 in out


def test_a_sentence_straight_after_the_heading_is_the_story():
    # a sidebar heading whose links the extractor left out: the story goes on under it
    text = "\n\n".join([P1, "Related Stories", P2, "Short line of the story.", P3, P4])
    result = clean_document(text, html=False)
    assert removed_by(result, "en-related-section") == ["Related Stories"]
    assert P2 in result.text


def test_an_in_story_list_after_a_teaser_list_stays():
    text = "\n\n".join([P1, "Related articles", "Council votes to close two libraries",
                        "Key figures:", "Revenue: £612m", "Staff: 4,100", P2, P3])
    out = clean(text)
    assert "Council votes" not in out
    assert "Key figures:\n\nRevenue: £612m\n\nStaff: 4,100" in out


def test_a_hard_wrapped_paragraph_after_the_list_stays_whole():
    wrapped = ("The council will vote again on Friday, and the mayor said that\n"
               "she expected the plan to pass by a comfortable margin this time\n"
               "round, after the changes agreed with the opposition.")
    text = "\n\n".join([P1, "Related articles\nCouncil votes to close two libraries",
                        wrapped, P3, P4])
    out = clean(text)
    assert wrapped in out
    assert "Council votes" not in out


def test_a_most_read_list_at_the_top_ends_at_the_page_headline():
    title = "Storm closes schools across the county"
    text = "\n\n".join([f"{title} - Example News", "Most read",
                        "Council votes to close two libraries", "Flood defences to get £2m",
                        title, "Schools will stay shut until Wednesday, officials said.",
                        P1, P2, P3])
    result = clean_document(text, html=False)
    assert f"\n{title}\n" in "\n" + result.text
    assert "Schools will stay shut until Wednesday, officials said." in result.text
    assert "Flood defences" not in result.text
    assert not result.warnings


def test_a_question_headline_is_a_teaser_not_the_story():
    text = "\n\n".join([P1, P2, "Most popular", "Morsi ousted: What's next for Egypt?",
                        "Egypt swears in new president", "Photos of the day", P3, P4])
    out = clean(text)
    assert "Morsi ousted" not in out and "Photos of the day" not in out
    assert P3 in out


def test_in_the_page_tail_the_list_runs_on_through_stray_sentences():
    # below the whole story, a related list is followed by sidebars and footers: a stray
    # sentence there is no story resuming
    text = "\n\n".join([P1, P2, P3, P4, "More from Example News",
                        "Council votes to close two libraries", "Please sign in to comment.",
                        "Flood defences to get £2m", "Newsletter", "About us"])
    out = clean(text)
    assert out.rstrip("\n") == "\n\n".join([P1, P2, P3, P4])


def test_cleaning_the_output_again_changes_nothing():
    text = "\n\n".join([P1, "Related articles", "Council votes to close two libraries",
                        "The vote is on Friday.", P2, P3])
    once = clean(text)
    assert clean(once) == once


def test_in_the_tail_a_bulleted_list_ends_at_the_subheading_over_the_next_paragraphs():
    # "Also read:" and three bulleted teasers under most of the story; the story goes on
    # under a subheading that is no bullet: the subheading is the story's, not a teaser
    p5 = ("Each year around one in five adults lives with a mental health condition, and most "
          "of the people who exercise say that they do it for their mood rather than their looks.")
    p6 = ("Different training styles bring different gains, and coaches who know them can plan "
          "a week that suits the client's head as well as the client's body.")
    text = "\n".join([P1, P2, P3, P4, "Also read:",
                      "- How to bring holistic practice into your coaching",
                      "- Crafting personalised nutrition plans for your clients",
                      "- Leveraging sleep and heart rate data to enhance well-being",
                      "Trend 5: Exercise for mental health", p5, p6])
    result = clean_document(text)
    assert "Trend 5: Exercise for mental health" in result.text
    assert p5 in result.text and p6 in result.text
    assert "- Crafting personalised nutrition plans for your clients" not in result.text


def test_a_hyphenated_last_word_is_not_a_function_word_that_carries_the_line_on():
    # "well-being" ends in "being", a stopword: the line still ends there, and the
    # unbulleted line under it is no part of the bulleted teaser above
    text = "\n".join([P1, P2, P3, "Related articles",
                      "- Council votes to close two libraries",
                      "- Flood defences to get new funding",
                      "- Leveraging sleep data to enhance well-being",
                      "What happens next", P4, P2.replace("bridge", "tunnel")])
    out = clean(text)
    assert "What happens next" in out
    assert "well-being" not in out  # the list's third teaser, read as one line, goes with it


# A section front: its content is headlines, each with one summary sentence.
FRONT = [
    ("Flood barrier passes its first winter test",
     "Engineers say the new gates held back a surge that would have reached the harbour."),
    ("Council votes to keep two libraries open",
     "The vote followed a petition signed by more than four thousand residents."),
    ("Bus fares to rise by ten pence in April",
     "The operator blamed fuel prices and a shortage of drivers for the increase."),
    ("New cycle lane opens on the river road",
     "Commuters had waited three years for the route to be finished."),
    ("School meals contract goes to local supplier",
     "Parents had asked for fresher food and shorter supply chains."),
    ("Hospital car park charges scrapped for nurses",
     "The trust said staff would no longer pay to park during night shifts."),
    ("Storm damage repairs to cost the city £4m",
     "Roofs, trees and two footbridges were damaged in last month's gales."),
    ("Ferry service returns after a month away",
     "The crossing was suspended while the vessel was repaired in dry dock."),
]


def test_on_a_page_of_teasers_the_section_rule_leaves_the_teasers_and_their_heading():
    """A section front (cleaner/text/listing.py): headline + summary pairs and no story.
    "In case you missed it" heads more of the same teasers, the page's content: the section
    rule leaves it all (the menu, the first label and the footer still go)."""
    items = [line for pair in FRONT for line in pair]
    text = "\n\n".join(["Skip to content", "Home", "News", "Sport", "Weather", "Business",
                        "Local news"] + items[:10] + ["In case you missed it"] + items[10:]
                       + ["© 2026 Riverside Gazette. All rights reserved."])
    result = clean_document(text, html=False)
    assert result.text == "\n\n".join(items[:10] + ["In case you missed it"] + items[10:]) + "\n"
    assert removed_by(result, "en-related-section") == []


def test_a_story_above_a_teaser_list_with_summaries_still_loses_the_list():
    """Two paragraphs of prose in a row show a story: the page is no listing, and the teaser
    list under "Related articles" goes as before, however many teasers it has."""
    items = [line for pair in FRONT for line in pair]
    text = "\n\n".join([P1, P2, "Related articles"] + items)
    result = clean_document(text, html=False)
    assert P1 in result.text and P2 in result.text
    assert removed_by(result, "en-related-section") == ["Related articles"] + items


def _units(lines: list[str]):
    from cleaner.text import words
    from cleaner.text.prose import Unit
    return [Unit(k, line, len(words(line))) for k, line in enumerate(lines)]


def test_a_listing_is_many_teaser_pairs_and_no_story():
    from cleaner.text.listing import is_listing, listing_shape
    items = [line for pair in FRONT for line in pair]
    assert listing_shape(_units(items)) == (8, False)
    assert is_listing(_units(items))
    assert not is_listing(_units(items[:8]))  # four pairs: a short item and a teaser list
    # two paragraphs of prose in a row: a story, whatever teasers follow it
    assert not is_listing(_units([P1, P2] + items))
    # an interview: its questions pair with their answers as teasers do, and are no headlines
    qa = [line for k in range(8) for line in (
        f"How did the flood of year {k} change the town?",
        "It changed everything we knew about the river, and the people who live on it.")]
    assert listing_shape(_units(qa))[0] == 0


# as digests print them: the source, the date, the summary without its full stop
DIGEST = [f"- {head} Wire {day} Dec 2006 -- {summary.rstrip('.')}" for day, (head, summary)
          in enumerate(FRONT * 4, start=1)]


def test_on_a_digest_of_one_line_teasers_another_list_of_them_is_content():
    """A page that is one long list of teasers told on one line each (a news digest, a link
    blog: cleaner/text/listing.page_is_item_list): "Other News" heads more of the page's
    content, and the section rule leaves it; on a story's page the same list goes."""
    body, other = DIGEST[:-6], DIGEST[-6:]
    result = clean_document("\n".join(["Defense Policy"] + body + ["Other News"] + other),
                            html=False)
    assert removed_by(result, "en-related-section") == []
    for line in other:
        assert line in result.text
    story = clean_document("\n\n".join([P1, P2, P1.replace("the", "a"), "Other News"] + other),
                           html=False)
    assert removed_by(story, "en-related-section") == ["Other News"] + other


def test_a_digest_is_many_told_items_holding_most_of_the_page():
    from cleaner.text.listing import page_is_item_list, told_item
    assert page_is_item_list(DIGEST)
    assert not page_is_item_list(DIGEST[:12])  # too few items
    assert not page_is_item_list([P1, P2, P1, P2, P1, P2] * 4 + DIGEST[:20])  # a story's page
    assert not told_item("- Home") and not told_item("- Most read: the flood defences")
    assert told_item(DIGEST[0])


REVIEWS = [
    ("Earth Ball: Outside Over There",
     "The album opens with a sample of a comedian threading a joke about pear cider into a "
     "story about his health, and the band build a whole record out of that mood."),
    ("Ghold: Bludgeoning Simulations",
     "The duo's first album in six years possesses a monstrous, viscous form, and it takes its "
     "time to show it, riff by riff, over forty slow and heavy minutes."),
    ("Golden Toad: Unite The Worms",
     "Golden Toad is the solo project of a former member of an indie band, and these songs "
     "carry the same love of odd sounds and warm, wandering melodies."),
    ("Foetus: Halt",
     "The last song closes not only the album but the whole project itself, not in a hail of "
     "noise, but with an elegiac and aching farewell to twenty years of work."),
    ("Dry Cleaning: Let Me Grow",
     "The band's forthcoming third record is a considerable step forwards, as the strength of "
     "all three of the singles released so far has already shown us."),
]


def reviews_page(link: str) -> str:
    """A page of album reviews, each closed by a link to more on its artist ("More on X"),
    then the site's newsletter box."""
    items = [f"{title}\n\n{review}\n\nJane Doe\n\n{link.format(title.split(':')[0])}"
             for title, review in REVIEWS]
    return "\n\n".join(["New albums reviewed this week", *items,
                        "Don't Miss The Digest", "Start each weekend with our free email newsletter.",
                        "Get The Portal Direct To Your Inbox"])


def test_a_link_under_every_item_of_a_list_is_no_heading_of_teasers():
    # "More on Ghold" closes Ghold's review: read as a "More on ..." heading, its run took
    # the next item's title and, where no prose followed at once, its review too
    result = clean_document(reviews_page("More on {}"), html=False)
    for title, review in REVIEWS:
        assert review in result.text
        assert title in result.text
    # below the last item the link still heads what follows: the page's newsletter box
    assert "Start each weekend with our free email newsletter." not in result.text


def test_a_last_item_link_told_like_an_earlier_one_cuts_no_item():
    # the last item's link repeats an earlier item's ("More on Ghold" under two of its
    # reviews): a later step knows a heading by its text alone, so the earlier copy is read
    # as the list's end too, and its run took the reviews below it (review-s17b 2)
    names = iter(["Earth Ball", "Ghold", "Golden Toad", "Foetus", "Ghold"])
    items = [f"{title}\n\n{review}\n\nJane Doe\n\nMore on {next(names)}" for title, review in REVIEWS]
    text = "\n\n".join(["New albums reviewed this week", *items, "Don't Miss The Digest",
                         "Start each weekend with our free email newsletter."])
    result = clean_document(text, html=False)
    for title, review in REVIEWS:
        assert review in result.text
        assert title in result.text


def test_a_heading_told_twice_under_a_story_still_heads_its_teasers():
    # two boxes of teasers under a story ("More on Politics", "More on Sport") are no
    # listing's links: their teasers still go
    story = "\n\n".join([P1, P2, P3, P4])
    boxes = "\n\n".join(["More on Politics", "Council votes to close two libraries",
                         "Flood defences to get £2m", "More on Sport",
                         "City sign a new striker", "Rovers lose again at home"])
    result = clean_document(f"{story}\n\n{boxes}\n", html=False)
    assert "Council votes to close two libraries" not in result.text
    assert "Rovers lose again at home" not in result.text


def test_more_from_boxes_under_a_story_stay_teasers():
    # a story of one-line paragraphs and five "More from ..." boxes under it (a heading, a
    # headline, a summary each): the first box is in the page's first half by lines, not by
    # prose; each box is a teaser, not an item's link (review-s17b 1)
    summary = ("The council said on {} that the new flood defences would be finished by the "
               "spring, and that the work would cost less than the first estimate had suggested.")
    story = [P1, P2, P3, P4] + [p.replace("the ", w) for w in ("a ", "this ") for p in (P1, P2, P3)]
    lines = list(story)
    for topic in ("Schools", "Transport", "Housing", "Health", "Parks"):
        lines += [f"More from {topic}", f"{topic} teaser headline", summary.format(topic)]
    out = clean_document("\n\n".join(lines), html=False).text
    for paragraph in story:
        assert paragraph in out
    for topic in ("Schools", "Transport", "Housing", "Health", "Parks"):
        assert f"{topic} teaser headline" not in out
