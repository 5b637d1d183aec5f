"""Lines of one shape (cleaner.text.shape): the rows of a list or table printed one a line."""
from __future__ import annotations

from cleaner.text.shape import (RECORD_LINES, alike, field_line, field_runs, item_field_runs, record_items, row_like, same_shape_runs,
                                 skeleton)


def test_a_skeleton_keeps_figures_and_marks_and_drops_letters_and_spaces():
    assert skeleton("Pages 6-13 (Hard Copy pages IV-XI) - Pictorial Index") == "9-9(-)-"
    assert skeleton("Telephone: (925) 846-7768") == ":(9)9-9"
    # a figure with its separators is one figure
    assert skeleton("3.74 avg rating — 2,837,648 ratings") == "9—9"


def test_a_row_has_words_and_a_figure_among_its_marks():
    assert row_like("Dayton, OH – August 3, 2025 – Grades 1-3 – 60 places")
    assert not row_like("World news")  # a menu entry: no marks
    assert not row_like("Politics (12)")  # one word and a count: a sidebar's category
    assert not row_like("Section 2 - Click Here")  # marks, but no figure


def test_rows_of_one_pattern_are_alike_though_their_free_text_differs():
    assert alike(skeleton("Pages 1-76 - Hinges"),
                 skeleton("Pages 77-174 - D-Rings, Folding, T's, and Paddle Handles"))
    assert not alike(skeleton("Telephone: (925) 846-7768"), skeleton("Home, Garden & Patio 2025"))


def test_runs_of_three_rows_or_more_are_found_and_nothing_else():
    texts = ["Home", "Pages 1-5 (Hard Copy pages Cover-III) - About Us",
             "Pages 6-13 (Hard Copy pages IV-XI) - Pictorial Index",
             "Pages 14-27 (Hard Copy pages XII-XXIV) - Description Index", "Contact us",
             "Fax: (925) 846-2836 office", "Email: amy@example.com"]
    assert same_shape_runs(texts) == [range(1, 4)]
    assert same_shape_runs(["Home", "News", "Sport", "Weather"]) == []
    # two rows are a pair, not a list
    assert same_shape_runs(texts[1:3]) == []


def test_a_date_is_no_figure_of_a_row():
    # an archive's entries and dated teasers carry a date each, and nothing else in figures
    assert not row_like("Tuesday | Sept 3, 2002 | Archive")
    assert not row_like("Justin Logan discusses U.S. policy in Iraq on MSNBC. December 20, 2006. >")
    # a row with a date keeps its other figures
    assert skeleton("Dayton, OH – August 3, 2025 – Grades 1-3 – 60 places") == ",––9-9–9"


def test_a_feed_s_stamped_entries_and_cut_teasers_are_no_rows():
    # a ticker's entries open with a stamp; a teaser list's titles are cut short
    assert not row_like("08-09 16:10: Option expiries of note for Friday 10th August")
    assert not row_like("9760 Views 33 Christmas Decorations Ideas Brin…")
    # a track list's entries are rows: numbered, each with its years and notes
    assert row_like("04 “Holy Tears” (Thomas Dimuzio remix; originally released on NIRBID, 2008)")


# a table a page dump printed one cell a line: a header row, then rows of six cells
MICE = ["Mouse", "Weight", "Sensor", "Design", "Dimensions", "Polling"] + [
    cell for row in (
        ("Zaunkoenig M1K", "23g", "3360", "Solid, symmetric", "79x60x30mm", "8KHz"),
        ("Finalmouse ULX Prophecy", "33g", "3950", "Solid, symmetric", "114x58x38mm", "8KHz"),
        ("Corsair Sabre V2 Pro", "36g", "3950", "Solid, symmetric", "119x63x38mm", "8KHz"),
        ("Lofree Hypace", "47g", "3950", "Honeycomb, symmetric", "121x63x38mm", "8KHz"),
        ("G-Wolves Hati S", "48g", "3389", "Honeycomb, symmetric", "113x61x40mm", "1KHz"),
    ) for cell in row]


def test_a_table_printed_one_cell_a_line_is_found_with_its_header_row():
    from cleaner.text.shape import table_runs
    texts = ["Here's how the mice rank by weight, with the other key specifications too."] \
        + MICE + ["Logitech's latest model is the one to beat, and it is not the lightest."]
    assert table_runs(texts) == [range(1, 1 + len(MICE))]


def test_a_table_of_values_told_again_and_again_is_found():
    # one column of figures, two of a few values ("Yes", "No", "For-Profit"), one of names
    from cleaner.text.shape import table_runs
    rows = [("UnitedHealthcare", "For-Profit", "~47M", "Yes"), ("Kaiser Permanente", "Non-Profit", "~12.6M", "Yes"),
            ("Centene Corporation", "For-Profit", "~25M", "No"), ("Humana", "For-Profit", "~17M", "Yes"),
            ("Highmark Inc.", "Non-Profit", "~7M", "No")]
    texts = [cell for row in rows for cell in row]
    assert table_runs(texts) == [range(0, len(texts))]


def test_menus_teasers_and_a_single_column_of_counts_are_no_table():
    from cleaner.text.shape import table_runs
    assert table_runs(["Home", "News", "Sport", "Business", "Culture", "Opinion", "Travel",
                       "Weather", "Science", "Health", "Money", "Video"]) == []
    # teasers with a date each: a date is no figure (the same rule as rows')
    teasers = [x for k in range(6) for x in (f"Council story number {'abcdef'[k]} breaks",
                                             f"December {k + 3}, 2006", "Jane Smith")]
    assert table_runs(teasers) == []
    # a sidebar's categories with their counts: one column of figures only
    assert table_runs(["Politics", "(12)", "Economy", "(8)", "Health", "(23)", "Science",
                       "(5)", "Education", "(9)", "Transport", "(4)"]) == []


def test_a_list_of_fields_is_found_and_menus_metadata_and_stamps_are_not():
    fields = ["Fruits: berries, citrus fruits, pears, peaches, bananas, etc.",
              "Whole grains: brown rice, rolled oats, farro, quinoa, barley, etc.",
              "Seeds, nuts, and nut butters: almonds, cashews, pumpkin seeds, tahini, etc.",
              "Condiments: salsa, mustard, soy sauce, vinegar, lemon juice, etc."]
    assert field_runs(["A shopping list"] + fields + ["Home", "News"]) == [range(1, 5)]
    assert not field_line("Home")
    assert not field_line("Language: Spanish")  # a bare value: a metadata box's
    assert not field_line("12:30 Council meets")  # a time, no label
    assert not field_line("The minister told reporters on Sunday night: we will build it")  # a label is a few words
    assert field_runs(["Home", "News", "Sport", "Weather"]) == []
    assert not field_line("Chapter 02: First Class Functions")  # a table of contents
    assert not field_line("Appendix B: Algebraic Structures Support")
    assert not field_line('"email": "https://mail.example.com",')  # data written out
    assert field_line("- Storage tiers: EBS volumes with various SSD configurations")
    assert not field_line("Game|Life Video: Reviews, previews and insider info")
    assert not field_line("Notebook im Test: Asus Vivobook S15 (S532FL)")  # a kicker and headline
    assert not field_line("Privacy policy: https://example.com/privacy-policy")
    series = [f"InfoClipz: {topic}" for topic in ("Cloud computing", "Green IT", "Storage virtualization")]
    assert field_runs(series) == []  # one label on every line: a series' link list
    assert field_runs(fields[:2]) == []  # two fields are no list


def test_a_bulleted_list_of_fields_is_found_block_by_block_and_menus_and_bare_fields_are_not():
    windows = ["- OS: Windows 7 or newer", "- Processor: Dual core at 2.8 GHz", "- Memory: 4 GB RAM",
               "- Storage: 60 GB available space"]
    mac = ["- OS: macOS 10.15 or newer", "- Processor: Dual core from Intel", "- Memory: 4 GB RAM"]
    # a label told again opens the next list: the requirements of each system
    assert item_field_runs(["Minimum:"] + windows + mac + ["Home"]) == [range(1, 5), range(5, 8)]
    # a one-word or figure value is a spec's: the bullet shows the list ("• Fingerboard: Rosewood")
    assert item_field_runs(["• Body: Alder", "• Fingerboard: Rosewood", "• Scale: 648 mm"]) == [range(0, 3)]
    assert item_field_runs(["Memory: 4 GB RAM", "Storage: 60 GB", "OS: Windows 11"]) == []  # no bullets
    assert item_field_runs(["- Home", "- News", "- Sport", "- Weather"]) == []  # no labels
    assert item_field_runs(["- Step 1: Mix", "- Step 2: Stir", "- Step 3: Bake"]) == []  # numbered
    assert item_field_runs(["- Docs: https://a.example", "- Code: https://b.example",
                            "- Chat: https://c.example"]) == []  # links
    assert item_field_runs(windows[:2]) == []  # two fields are no list


def _ads(n: int) -> list[str]:
    lines = []
    for k in range(n):
        lines += [f"Warehouse Associate {chr(65 + k)}", f"Job type: Full time | Pay: ${14 + k}.00/hour",
                  f"A growing company in town number {k} is hiring a reliable associate to pick, pack "
                  "and ship orders on the evening shift...",
                  "View full job description", f"Employer {chr(65 + k)} Logistics", f"{k + 2} Days Ago"]
    return lines


def test_a_listing_s_records_are_found_by_their_anchor_and_the_anchor_and_dates_are_not_items():
    menu = ["Home", "Find Jobs", "Post a Job", "Sort by"]
    lines = menu + _ads(9) + ["About Us", "Privacy Policy"]
    found = {lines[k] for k in record_items(lines)}
    assert "Warehouse Associate A" in found and "Warehouse Associate I" in found  # the first and last
    assert "Job type: Full time | Pay: $14.00/hour" in found and "Employer C Logistics" in found
    assert "View full job description" not in found  # told on every record: the anchor
    assert not found & {"2 Days Ago", "10 Days Ago"}  # a date is no item
    assert not found & set(menu) and not found & {"About Us", "Privacy Policy"}


def test_too_few_records_or_records_of_names_alone_are_no_listing():
    assert record_items(_ads(5)) == []  # five records: a sidebar's box
    toc = []
    for k in range(12):  # a table of contents: a heading, then the same label
        toc += [f"OFFICE OF THE CHIEF OFFICER NUMBER {k}", "COMMITTEE PROVISIONS"]
    assert record_items(toc) == []
    grid = []
    for k in range(12):  # a product grid: a price, a name, stock
        grid += [f"${k + 10}.99 USD", f"Cast iron skillet model {k}", "Only 3 left!"]
    assert record_items(grid) == []


def test_in_tables_gives_what_table_runs_holds_of_the_lines_asked():
    # read only around the lines asked: the same answer as the whole reading
    from cleaner.text.shape import in_tables, table_runs
    menu = ["Home", "News", "Sport", "Business", "Culture", "Opinion", "Travel", "Weather",
            "Science", "Health", "Money", "Video"]
    texts = menu + ["The council met on Monday and approved the budget for the coming year."] \
        + MICE + ["Logitech's latest model is the one to beat, and it is not the lightest."] + menu
    whole = {k for run in table_runs(texts) for k in run}
    assert whole == set(range(len(menu) + 1, len(menu) + 1 + len(MICE)))
    assert in_tables(texts, range(len(texts))) == whole
    asked = [0, 3, len(menu) + 2, len(menu) + 7, len(texts) - 1]
    assert in_tables(texts, asked) == whole & set(asked)
    assert in_tables(texts, []) == set()


def test_a_year_alone_is_a_date_line_only_when_a_month_names_it():
    # review-s8: "Budget 2006" read as a date line, an anchor of a listing's records
    from cleaner.text.shape import _stamp
    for stamp in ("December 2006", "Posted Dez. 2006", "12 grudnia 2006", "2006", "2006-12-18",
                  "December 18, 2006", "12-20-06", "3 Days Ago"):
        assert _stamp(stamp), stamp
    for title in ("Budget 2006", "Windows 2000", "Season 2006/07", "Top Women of 2006"):
        assert not _stamp(title), title


def test_titles_with_a_year_are_no_listing_s_date_anchors():
    # a digest of titles, each with a year ("Budget 2006"): no dates between records, so no
    # records; told with their months they are an archive's dated records
    titles = []
    for k in range(8):
        titles += [f"Budget {2000 + k}", f"Council report number {k} on spending",
                   f"The council spent more on roads and schools in year {k} than it had planned "
                   "for, the report found."]
    assert record_items(titles) == []
    dated = [f"March {2000 + k}" if t.startswith("Budget") else t for t in titles]
    assert record_items(dated) != []


def test_a_listing_s_month_and_year_anchors_hold_in_every_language_with_a_pack():
    # review-s9: months.yaml named 23 languages, so a Hebrew, Arabic, Hindi or Catalan
    # archive's "<month> 2006" lines were no anchors and its records were not spared
    from cleaner.text.shape import _stamp
    for stamp in ("ديسمبر 2006", "דצמבר 2006", "दिसंबर 2006", "Desembre 2006",
                  "Gruodžio 2006", "Spring 2006", "Fall 2006", "Aralık 2006"):
        assert _stamp(stamp), stamp
    records = []
    for k in range(8):
        records += [f"דצמבר {2000 + k}", f"Item title number {k} here",
                    f"The council spent more on roads and schools in year {k} than it had "
                    "planned for, the report found."]
    assert len(record_items(records)) == 16


def test_a_month_name_counts_in_its_own_language():
    # review-s9 D3: the languages' month names were pooled, so "Set 2006" and "Mai 2006"
    # (Portuguese, French) were dates on an English page; a document of unknown language
    # may write any language's
    from cleaner.text.shape import _stamp, month_names
    assert _stamp("Set 2006", month_names("pt")) and not _stamp("Set 2006", month_names("en"))
    assert _stamp("Mai 2006", month_names("fr")) and not _stamp("Mai 2006", month_names("en"))
    assert _stamp("Mai 2006", month_names(None)) and _stamp("Mai 2006")
    assert _stamp("December 2006", month_names("en")) and _stamp("Spring 2006", month_names("en"))
    assert month_names("xx") == month_names(None)  # a language months.yaml does not list
    # review-s10a: a language that writes months in figures falls back to every language's,
    # and English dates count on every page (a German site's archive printed in English)
    for lang in ("ja", "zh", "ko", "vi", "th"):
        assert month_names(lang) == month_names(None), lang
    for lang in ("de", "hi", "ar", "pt"):
        assert _stamp("March 2006", month_names(lang)), lang
    records = []
    for k in range(8):
        records += [f"Set {2000 + k}", f"Item title number {k} here",
                    f"The council spent more on roads and schools in year {k} than it had "
                    "planned for, the report found."]
    assert len(record_items(records, lang="pt")) == 16
    assert record_items(records, lang="en") == []
    march = [text.replace("Set ", "March ") for text in records]
    for lang in ("en", "de", "ja", "hi", None):
        assert len(record_items(march, lang=lang)) == 16, lang


def test_months_yaml_names_every_language_with_a_pack():
    # a new language pack with no months listed would lose its listings' date anchors
    from pathlib import Path

    import cleaner.text
    from cleaner.engine.safeyaml import load_yaml
    path = Path(cleaner.text.__file__).with_name("months.yaml")
    data = load_yaml(path.read_text(encoding="utf-8"), str(path))
    langs = {p.stem for p in (Path(__file__).parents[1] / "rules" / "lang").glob("*.yaml")}
    assert langs and langs <= set(data), sorted(langs - set(data))


def test_a_bad_months_yaml_says_which_line_to_fix():
    import pytest

    from cleaner.errors import PackError
    from cleaner.text.shape import load_months
    for text in ("fr: mars", "en: [may, 12]", "- january"):
        with pytest.raises(PackError, match="m.yaml"):
            load_months(text, "m.yaml")
    assert load_months("ja: []\nen: [may]", "m.yaml") == {"ja": [], "en": ["may"]}
    with pytest.raises(PackError, match="English's month names are missing"):
        load_months("de: [mai]", "m.yaml")


def test_a_long_glossary_of_bulleted_fields_is_one_run():
    from cleaner.text.shape import item_field_runs
    texts = [f"- Label number{k}: value {k}" for k in range(5000)]
    assert item_field_runs(texts) == [range(0, 5000)]


def test_a_field_and_a_bulleted_field_read_the_same_bullets():
    # review-s9 D1: the two field parsers had two bullet sets ("▪ Memory: ..." was a
    # bulleted field but no field)
    from cleaner.text.shape import field_label, item_field_label
    for bullet in "-–—•*·▪►✓":
        assert field_label(f"{bullet} Memory: 4 GB of RAM or more") == "memory", bullet
        assert item_field_label(f"{bullet} Memory: 4 GB") == "memory", bullet
    assert item_field_label("Memory: 4 GB") is None  # a bulleted field needs its bullet
    assert field_label("> Storage: two volumes of SSD") == "storage"  # a quoted field


# Months of other calendars that the packs' datelines name; their years are never a bare
# 19xx/20xx, so months.yaml (a bare year's month) leaves them out.
OTHER_CALENDARS = frozenset(
    "رجب رمضان شعبان شوال صفر محرم "  # Hijri
    "آبان آذر اردیبهشت اسفند بهمن تیر خرداد دی شهریور فروردین مرداد مهر "  # Solar Hijri
    "אב אדר אייר אלול חשוון חשון טבת כסלו כסליו ניסן סיוון סיון שבט תמוז תשרי".split())  # Hebrew


def test_every_month_a_pack_s_dateline_names_is_in_months_yaml():
    # review-s9 D2: month names have two homes, months.yaml and the packs' dateline patterns;
    # a name added to one must reach the other (a pattern's stem, "декабр", names its forms)
    import re
    from pathlib import Path

    import cleaner.text
    from cleaner.engine.safeyaml import load_yaml
    path = Path(cleaner.text.__file__).with_name("months.yaml")
    months = load_yaml(path.read_text(encoding="utf-8"), str(path))
    missing = {}
    for pack in sorted((Path(__file__).parents[1] / "rules" / "lang").glob("*.yaml")):
        known = {m.casefold() for m in months.get(pack.stem, [])}
        text = pack.read_text(encoding="utf-8")
        for group in re.finditer(r"\((?:\?:)?((?:[^()|]+\|){5,}[^()|]+)\)", text):
            names = [re.sub(r"[\\?.*+]|\[[^\]]*\]", "", a).strip().casefold()
                     for a in group.group(1).split("|")]
            if sum(n in known for n in names) < 4:
                continue  # not a month alternation
            for name in names:
                if name.isalpha() and name not in known and name not in OTHER_CALENDARS \
                        and not any(k.startswith(name) for k in known if len(name) >= 2):
                    missing.setdefault(pack.stem, set()).add(name)
    assert missing == {}


def _courses(n: int) -> list[str]:
    """A college's course listing: each record a title, a summary and its fields told as a
    label on its own line with the value under it (16 lines a record)."""
    topics = ["Spreadsheets", "Bookkeeping", "Web Design", "Payroll", "Marketing", "Databases",
              "Public Speaking", "Grant Writing"]
    lines: list[str] = []
    for k in range(n):
        lines += ["New", f"{topics[k]} for Small Business Owners",
                  f"Learn the basics of {topics[k].lower()} and how to use them in your own "
                  "business, with exercises on real cases.",
                  "Course code:", f"BUS {100 + k}", "Instructor:", f"Teacher {chr(65 + k)}",
                  "Scheduled:", f"Tue., Feb {k + 3}", "6 - 9 p.m.", "Location:",
                  f"Room {200 + k}, Main Hall", "Fee:", f"${60 + k}", "Seats:", f"{10 + k}"]
    return lines


def test_records_with_their_fields_labelled_on_lines_of_their_own_are_a_listing():
    menu = ["Home", "Courses", "Seminars", "About Us", "Contact Us"]
    lines = menu + _courses(8) + ["Site Index", "Privacy"]
    found = {lines[k] for k in record_items(lines)}
    # each record runs 16 lines from anchor to anchor: its summary and title are the items
    assert "Spreadsheets for Small Business Owners" in found
    assert any(t.startswith("Learn the basics of grant writing") for t in found)  # the last
    assert "Room 203, Main Hall" in found
    assert not found & {"New", "Instructor:", "Location:"}  # told on every record
    assert not found & set(menu) and not found & {"Site Index", "Privacy"}


def test_long_records_need_their_labels_and_a_sentence_of_their_own():
    # the same 16-line records, their summaries cut to no sentence: the shape of a product
    # grid's records ("Weight:" / "0.7 lbs", a rating) or a forum poster's statistics
    grid = [t.rstrip(".") if t.startswith("Learn the basics") else t for t in _courses(8)]
    assert record_items(grid) == []
    # ... or with no label alone on its line: longer than RECORD_LINES, no records
    bare = [t.rstrip(":") for t in _courses(8)]
    assert len(bare) // 8 > RECORD_LINES
    assert record_items(bare) == []
