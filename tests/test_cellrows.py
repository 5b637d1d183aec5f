"""A table printed one row a line (cleaner/text/cellrows.py): the story's table between its
paragraphs is article, which the line classifier read row by row as a menu's entries."""
from __future__ import annotations

from cleaner import clean
from cleaner.text.cellrows import row_cells, table_block

ROWS = [
    "Industry\t\tPlatforms\t\tEngagement\t\tOpportunities",
    "Entertainment (Movies, Music, Celebrities)\t\tYouTube, TikTok\t\tComments, likes, shares"
    "\t\tInfluencer campaigns, brand storytelling",
    "Education (Courses, Tutorials, Languages)\t\tYouTube, LinkedIn\t\tQuestions, discussions"
    "\t\tCourse previews, webinars",
    # a cell the extractor broke over three lines
    "Lifestyle & Vlogging",
    "(Travel, Fashion, Podcasts,",
    "Home Decor)\t\tYouTube, Instagram\t\tPolls, direct messages\t\tProduct placement, sponsored reviews",
    "Retail (Products, Sales, Reviews)\t\tInstagram, Facebook\t\tReviews, direct messages"
    "\t\tShoppable posts, seasonal promotions",
    "Sports (Athletics, Teams, Competitions)\t\tX, YouTube\t\tReactions, live threads"
    "\t\tSponsorships, event coverage",
]
SIDEBAR = ["Gardening", "Recipes", "Puzzles", "Podcasts", "Obituaries", "Weather", "Crosswords",
           "Horoscopes"]


def test_a_row_s_cells_are_told_by_tabs_or_pipes():
    assert row_cells("Weight\t\t95 Grams") == ["Weight", "95 Grams"]
    assert row_cells("| Weight | 95 Grams |") == ["Weight", "95 Grams"]
    assert row_cells("  Weight \t \t  95 Grams  ") == ["Weight", "95 Grams"]
    assert row_cells("Weight") is None
    assert row_cells("\t\tWeight") is None  # one filled cell is no row
    assert row_cells("| Weight |") is None
    # a footer's label over its links: the cells hold a link list, not a table's data
    assert row_cells("Encyclopaedia:\t\tDiseases | Examinations | Medicines") is None


def test_a_table_whose_rows_say_something_is_a_block_and_a_grid_of_names_is_not():
    assert table_block(ROWS)
    names = ["Chatham\t\tChelmsford\t\tChesterfield\t\tClinton",
             "Concord\t\tDartmouth\t\tDedham\t\tDennis Yarmouth",
             "Essex\t\tFall River\t\tFitchburg\t\tFramingham"]
    assert not table_block(names)  # a grid of names: a layout's, as often as a list's
    specs = ["Noise Control\t\tAdaptive Noise Cancellation", "Item Weight\t\t95 Grams",
             "Bluetooth Range\t\t10 Meters", "Battery Life\t\t6 Hours"]
    assert not table_block(specs)  # a spec sheet's short cells: left to the classifier
    assert not table_block(ROWS[:2])  # two rows are no table
    assert not table_block(ROWS[1:3] + ["Read more", "Share", "Subscribe", "Sign in"])


def _story(table: list[str]) -> str:
    return "\n".join(SIDEBAR + [
        "Choosing a social network for a small business",
        "Most small businesses do not have the time to post everywhere, so the first question "
        "is where their customers already spend their evenings and what they expect to see there.",
        "The table below sums up what each of the large platforms offers to a shop that is "
        "just starting out.",
        *table,
        "Whatever the platform, the shops that did best in our survey posted at least three "
        "times a week and answered every question their customers left under a post within a day.",
        "A platform that fits the audience matters more than the number of followers it promises.",
    ] + SIDEBAR + ["Copyright 2026 Example Media. All rights reserved."])


def test_a_table_between_the_story_s_paragraphs_stays_row_by_row():
    # Few function words and no full stop: each row reads as a menu's entry, and the
    # classifier cut the table (all but a broken cell's first line) while the page's
    # sidebar made its verdicts stand. Between two parts of the story it is the story's.
    out = clean(_story(ROWS))
    for row in ROWS:
        assert row in out.split("\n"), row
    assert "Gardening" not in out and "Copyright" not in out
    assert out.startswith("Choosing a social network")
