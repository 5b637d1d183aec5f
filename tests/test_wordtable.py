"""A table of words printed one cell a line, found by its header row (cleaner.text.wordtable)."""
from cleaner import clean
from cleaner.text.wordtable import word_table_runs

STORY = [
    "The club's coaches wrote the plan for runners who can already walk briskly for twenty "
    "minutes without stopping, and who want to reach their first half hour of running.",
    "Each week adds a little running to the walking, and the rest days matter as much as the "
    "sessions themselves, because the legs grow stronger while they recover.",
    "After the fourth week most beginners can run for half an hour without a break, which is "
    "the first goal of the whole programme and a good moment to celebrate.",
    "If a week feels too hard, repeat it before moving on; nobody is timing you, and the plan "
    "works only if you finish it without an injury along the way.",
]
MENU = ["Home", "News", "Sport", "Business", "Culture", "Opinion", "Travel", "Weather"]
FOOTER = ["About us", "Contact", "Careers", "Privacy"]

# the header row (the columns' names), then four rows: a name, then values, some told again
# down their column ("Rest", "Easy run")
PLAN = ["Week", "Monday", "Wednesday", "Friday", "Sunday"] + [
    cell for row in (
        ("Week one", "Rest", "Walk two minutes, run one minute, eight times", "Rest",
         "Easy run"),
        ("Week two", "Rest", "Walk one minute, run two minutes, eight times", "Cross-training",
         "Easy run"),
        ("Week three", "Rest", "Run five minutes, walk one minute, four times", "Rest",
         "Long walk"),
        ("Week four", "Cross-training", "Run ten minutes twice with a walk between", "Rest",
         "Easy run"),
    ) for cell in row]


def test_a_table_of_words_under_its_header_row_is_found():
    texts = STORY[:1] + ["The four-week plan"] + PLAN + STORY[1:]
    assert word_table_runs(texts) == [range(2, 2 + len(PLAN))]


def test_menus_in_panes_of_one_length_are_no_table():
    # a header-like row of sections, then panes of links: no value is told twice in a column
    panes = ["Products", "Solutions", "Resources"] + [
        "Analytics", "Retail", "Blog", "Reporting", "Banking", "Guides", "Dashboards",
        "Healthcare", "Webinars", "Alerts", "Education", "Events"]
    assert word_table_runs(STORY[:1] + panes + STORY[1:]) == []
    # the same menu told twice (a desktop's and a phone's): its names come again below
    twice = MENU[:4] * 4
    assert word_table_runs(STORY[:1] + twice + STORY[1:]) == []


def test_cards_with_a_button_on_each_are_no_table():
    # a column the same on every row is a card's button, whatever header sits above
    cards = ["Plans", "Pricing", "Features"] + [
        cell for name in ("Starter", "Team", "Business", "Enterprise")
        for cell in (name, "For growing teams who need more", "Learn more")]
    assert word_table_runs(STORY[:1] + cards + STORY[1:]) == []


def test_a_story_s_table_of_words_survives_the_classifier_and_the_chrome_goes():
    # cell by cell the table reads as a menu's entries (short, few function words, "Rest"
    # told again); between the story's paragraphs it is the story's own
    page = MENU + STORY[:2] + PLAN + STORY[2:] + FOOTER
    out = clean("\n\n".join(page))
    for cell in ("Walk two minutes, run one minute, eight times", "Week three",
                 "Cross-training", "Monday"):
        assert cell in out
    assert "Weather" not in out and "Careers" not in out


def test_a_share_bar_over_a_list_of_badges_is_no_table():
    # share links read as a header row; below them the page's furniture, then cards of a
    # name, a sentence and a pair of links on one line: no period from the row under the
    # "header", and a line of links apart by pipes is no cell
    badges = [cell for name in ("Gold", "Silver", "Bronze", "Copper", "Iron")
              for cell in (f"{name} Badge",
                           f"{name} badge holders post thoughtful comments on many stories.",
                           "More about badges | Request a badge")]
    page = ["Facebook", "Twitter", "Email", "Previous: The council's budget",
            "Next: The bridge reopens", "Comments", "Add your comment"] + badges
    assert word_table_runs(STORY[:1] + page + STORY[1:]) == []
