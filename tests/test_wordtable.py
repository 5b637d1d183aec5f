"""A table of words printed one cell a line, found by its header row (cleaner.text.wordtable)."""
from cleaner import clean
from cleaner.text.wordtable import _label, cell_shape, word_table_runs

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
    # every cell's text (a value told again down its column, "Rest", is the repeat rule's
    # to take a second time); a row's name under a cell that reads as content is no byline
    for cell in PLAN:
        assert cell in out.splitlines(), cell
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


BRIDGE = [
    "The city council voted on Tuesday to replace the ageing river bridge, ending a debate "
    "that has run for almost ten years and divided the town's two halves.",
    "Engineers told councillors that the old structure could no longer carry buses safely, "
    "and that repairs would cost nearly as much as a new span.",
    "Work is expected to begin next spring and last about two years, during which a "
    "temporary crossing will carry pedestrians and cyclists across the river.",
    "Residents on both banks welcomed the decision, although several shop owners near the "
    "approach roads said they feared losing trade while the works go on.",
]
# a consent tool's table of the site's cookies: a header row and a period, like a story's
COOKIES = ["Cookie", "Duration", "Description"] + [cell for row in (
    ("_ga", "2 years", "Store and count pageviews"),
    ("_gid", "1 day", "Store and count pageviews"),
    ("_gat_gtag", "1 minute", "Limit the request rate"),
    ("consent_id", "365 days", "Store cookie consent preferences"),
    ("banner_seen", "365 days", "Hide the banner after a choice"),
    ("site_lang", "session", "Remember the chosen language"),
) for cell in row]
# a grid of teasers in sentence case under the story: a headline, a rubric told again, a
# time; its first teaser's cells read as a header row
TEASERS = ["Market hall reopens", "Business", "Yesterday"] + [cell for row in (
    ("Flood defences on the lower river will be finished by autumn", "Environment",
     "2 hours ago"),
    ("Town centre parking charges rise for the first time in a decade", "Transport",
     "3 hours ago"),
    ("New head teacher named for the grammar school after long search", "Education",
     "5 hours ago"),
    ("Library opening hours cut as the council looks for savings", "Politics",
     "6 hours ago"),
    ("Bus company withdraws the late service to the northern villages", "Transport",
     "8 hours ago"),
) for cell in row]


def test_chrome_right_under_the_story_with_a_header_row_stays_removed():
    # a table of words has only its header row and period for evidence, and the chrome
    # under a story has both: it is kept only between the story's parts, not where the
    # story's last paragraph touches it
    for grid, cells in ((COOKIES, ("_ga", "Store and count pageviews", "Duration")),
                        (["Cookie settings"] + COOKIES + ["Accept all", "Save preferences"],
                         ("_gid", "Limit the request rate", "Accept all")),
                        (TEASERS, ("Environment", "Transport",
                                   "Library opening hours cut as the council looks for "
                                   "savings"))):
        assert word_table_runs(BRIDGE[:1] + grid + BRIDGE[1:]), grid[0]  # read as a table
        out = clean("\n\n".join(MENU + BRIDGE + grid + FOOTER))
        assert BRIDGE[-1] in out
        for cell in cells:
            assert cell not in out, cell


def test_chrome_after_a_table_is_no_row_of_it():
    # the footer's links and a share bar fill whole rows after the table's last: their
    # cells have none of the shapes of the table's columns
    texts = BRIDGE[:1] + COOKIES + ["Accept all", "Save preferences", "About us", "Contact",
                                    "Careers", "Privacy", "Terms"] + BRIDGE[1:]
    assert word_table_runs(texts) == [range(1, 1 + len(COOKIES))]
    share = ["Share on Facebook", "Share on X", "Email this", "Print", "Comments"]
    texts = STORY[:1] + ["The four-week plan"] + PLAN + share + ["Most read"] + STORY[1:]
    assert word_table_runs(texts) == [range(2, 2 + len(PLAN))]


def test_the_header_row_is_not_read_a_line_off():
    # a row a line lower reads its body a little more regular by chance; the table runs
    # from its own header row to its last row, whose cells are the story's
    options = ["Option", "Cost", "Verdict"] + [cell for row in (
        ("Repair the old span", "Close to a new one.", "Rejected."),
        ("Build a new span", "Within the budget.", "Chosen."),
        ("Build a tunnel", "Far over the budget.", "Rejected."),
        ("Close the crossing", "No building cost.", "Rejected."),
        ("Ferry service", "High running cost.", "Rejected as too slow."),
        ("Do nothing", "Rising repair bills.", "Rejected."),
    ) for cell in row]
    texts = BRIDGE[:3] + ["The council published the options it weighed before the vote."] \
        + options + BRIDGE[3:]
    assert word_table_runs(texts) == [range(4, 4 + len(options))]


def test_a_sentence_s_end_in_any_script_closes_a_cell_and_no_column_s_name():
    # a clause cell in Chinese, Arabic or Hindi ends as an English one does: its shape
    # tells it from a name's, and it is no column's name
    for cell in ("工作已经完成。", "هل انتهى العمل؟", "काम पूरा हुआ।"):
        assert cell_shape(cell)[-1] in ".?", cell
        assert not _label(cell), cell
    assert cell_shape("工作已经完成？")[-1] == cell_shape("Is it done?")[-1]
