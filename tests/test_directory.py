"""A directory of contacts (cleaner.text.directory): entries told one after another, each with
a telephone or an e-mail, are the page's body, not a menu."""
from __future__ import annotations

from cleaner import clean
from cleaner.text.contact import reachable
from cleaner.text.directory import DIRECTORY_LINES, contact_records

TOWN = "Springfield, IL 62701"  # told on every entry: the anchor
NAV = ["Home", "About Us", "Business Directory", "Events", "News", "Contact Us"]
CATEGORIES = ["All Businesses", "Accounting Services", "Antique Dealers", "Art and Framing",
              "Bakeries", "Counseling Services", "Dentists"]
FOOT = ["Home | About Us | Business Directory | Events | News | Contact Us",
        "Privacy", "Terms of Use", "Site Map"]


def _entries(n: int, described: int = -1) -> list[str]:
    """A town's business directory: each entry a name, a street, the town, a contact person
    and their telephone (an e-mail now and then); entry ``described`` also has a paragraph of
    its own and its opening hours (an entry three times as long as the others)."""
    trades = ["Bookkeeping", "Framing", "Bakery", "Counseling", "Dental Care", "Printing",
              "Tailoring", "Locksmiths", "Florist"]
    people = ["Ann Lee", "Bob Cruz", "Cara Diaz", "Dan Ford", "Eve Gray", "Finn Hale",
              "Gia Ito", "Hal Jay", "Ida Kim"]
    lines: list[str] = []
    for k in range(n):
        lines += [f"{people[k].split()[1]} {trades[k]}", f"{100 + 12 * k} Main St.", TOWN]
        if k == described:
            lines += [f"A family {trades[k].lower()} business on Main Street since 1952, "
                      "known for its friendly service and fair prices.", "Opening Hours:"]
            lines += [f"{day} 9am - 5pm" for day in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat")]
        lines += [people[k], f"Telephone: (217) 555-01{10 + k}"]
        if k % 3 == 0:
            lines.append(f"Email: {people[k].split()[0].lower()}@springfield.example.org")
    return lines


def test_a_way_to_reach_someone_is_a_telephone_or_an_e_mail():
    for line in ("Telephone: (217) 555-0110", "Fax: 925.846.7768", "ann@springfield.example.org"):
        assert reachable(line)
    # a web address alone is a link's or an embed's, on every card of a feed
    for line in ("Website: www.dayartstudio.com", '<iframe src="https://www.npr.org/player/embed/1">',
                 "Open daily 9am - 5pm", "Posted 12/18/2006",
                 ".box > * { border: 2px solid rgb(96 139 168); }",
                 "  border: 2px solid rgb(96 139 168);", "  color: hsl(120 100 150);"):
        assert not reachable(line)
    for line in ("Tel(217) 555-0110", "Phone: (217) 555-0110,", "+44 20 7946 0958"):
        assert reachable(line)


def test_a_directory_s_entries_are_found_whatever_their_lengths():
    lines = NAV + CATEGORIES + _entries(9, described=4) + FOOT
    found = {lines[k] for k in contact_records(lines)}
    # the entries between anchors, the longer one among them, and the first and the last
    # read line for line against the entry next to them
    assert {"Cruz Framing", "Telephone: (217) 555-0111", "Gray Dental Care"} <= found
    assert any(t.startswith("A family dental care business") for t in found)
    assert "Lee Bookkeeping" in found and "Telephone: (217) 555-0118" in found
    assert TOWN not in found  # told on every entry: the anchor
    assert not found & set(NAV + CATEGORIES + FOOT)


def test_entries_no_one_can_reach_or_too_few_are_no_directory():
    # a mega-menu's products and taglines, a "Learn more" told under each: nothing to call
    menu = []
    for name in ("Screening", "Monitoring", "Investigations", "Data Ingestion", "Alerting",
                 "Integrations", "Training"):
        menu += [name, f"{name} for every stage of the compliance lifecycle", "Learn more"]
    assert contact_records(menu) == []
    # teasers with the newsroom's number told under each: the number is no entry's own
    cards = []
    for k in range(8):
        cards += [f"Story headline number {k} about the council budget",
                  "Call our newsroom: (800) 555-0199", "Read more"]
    assert contact_records(cards) == []
    # five entries: a sidebar's box of offices, no directory
    assert contact_records(_entries(5)) == []
    # six entries, but two lists of three: too far apart to be one list's
    long = _entries(6)
    third = [k for k, t in enumerate(long) if t == TOWN][2]
    long[third + 1:third + 1] = [f"Line {k} of a long story" for k in range(DIRECTORY_LINES)]
    assert contact_records(long) == [] and contact_records(_entries(6)) != []


def test_a_directory_under_a_site_s_menus_is_kept_and_the_menus_go():
    # the entries' lines are short, poor in function words and end no sentence: one by one
    # they read as a menu, and the classifier took them with the menus around them. Found as
    # a directory, they are the page's body in every round: a later round, which reads the
    # entries kept as runs of content, still weighs them against the page's other prose
    intro = ["The Springfield Business Association lists its members below; select a "
             "category to narrow the list or search for a business by its name.",
             "Every member listed here has agreed to be contacted by readers of this page, "
             "and the list is checked each month by our staff."]
    entries = _entries(9, described=4)
    page = NAV + ["Springfield Business Association: Member Directory"] + intro + CATEGORIES \
        + entries + FOOT
    out = clean("\n\n".join(page))
    for line in intro + entries:
        if line != TOWN:
            assert line in out, line
    for line in NAV + CATEGORIES + FOOT:
        assert line not in out.split("\n"), line


def test_a_directory_between_two_paragraphs_of_its_own_keeps_its_first_entries():
    # a later round reads the entries the first kept as the page's prose; left out of that
    # comparison, the entries at the directory's edges are weighed as before (review-s12c 3)
    town, people = TOWN, ["Ann Lee", "Bob Cruz", "Cara Diaz", "Dan Ford", "Eve Gray",
                          "Finn Hale", "Gia Ito", "Hal Jay", "Ida Kim"]
    first = ["Acme", "Best", "Cedar", "Delta", "Echo", "Fox", "Glen", "Harbor", "Iris"]
    trade = ["Plumbing", "Roofing", "Dental", "Insurance", "Printing", "Tailoring", "Bakery",
             "Florist", "Framing"]
    entries = []
    for k in range(9):
        entries += [f"{first[k]} {trade[k]}", f"{100 + 12 * k} Main St.", town, people[k],
                    f"Phone: (217) 555-{1000 + k}"]
    intro = ["The Springfield Business Association was founded in 1952 to support the small "
             "businesses of our town and the people who run them.",
             "Our members meet on the first Tuesday of every month, and the meetings are open "
             "to anyone who runs a business in the county."]
    outro = ["Listings are updated every month, and members may change their own entry at any "
             "time by contacting the association's office.",
             "If you would like your business to be listed here, please write to the membership "
             "committee, who will be glad to help you."]
    page = NAV + ["Springfield Business Association"] + intro + entries + outro + FOOT
    out = clean("\n\n".join(page)).split("\n")
    for k in range(9):
        assert f"{first[k]} {trade[k]}" in out and f"Phone: (217) 555-{1000 + k}" in out
