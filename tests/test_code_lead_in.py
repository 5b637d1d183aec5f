"""A listing an extractor printed on one line, under the sentence that introduces it
(text.segment.code_after_lead_in): a documentation page's code is its content."""
from cleaner import clean_document
from cleaner.text.code import statement_line
from cleaner.text.leadin import introduces, post_header
from cleaner.text.segment import code_after_lead_in

LISTING = ("from flask import request @app.route('/') def index(): "
           "username = request.cookies.get('username') return username")


def test_a_statement_line_has_an_opening_and_a_statement_s_marks():
    assert statement_line(LISTING)
    assert statement_line("fy = budget(2024); total = sum(rows)")
    assert statement_line("$ celery -A proj events --camera=<camera-class> --frequency=1.0")
    assert statement_line("MIDDLEWARE = [ \"...\", \"django.middleware.common.CommonMiddleware\" ]")
    # review-s17a 4: a product's spec line, and sentences whose asides are brackets, hold a
    # statement's marks but none that only code shows (";", a brace, a call, a literal's "=")
    assert not statement_line("SKU = CDM / Color = Black / UPC = 820103873260")
    assert not statement_line("return to the homepage (free) [link]")
    assert not statement_line("export controls (EU) [2019] (US)")
    assert not statement_line("@JohnSmith (Twitter) [video] (2m)")
    assert not statement_line("Kunde = König (sagt er) [Zitat]")
    assert not statement_line("FY = 2024 (enacted) [see table 3] (draft)")
    assert not statement_line("import os")  # an opening, no marks: unfenced_code's to judge
    assert not statement_line("Return to the homepage (free) [link]")  # a sentence, capitalised
    assert not statement_line("Price: $5 (was $9)")
    # markup on a line of its own is mostly a leak: a comment form's allowed tags
    assert not statement_line('<a href="" title=""> <abbr title=""> <b> <blockquote cite="">')


def test_one_line_of_code_under_a_lead_in_is_found_with_the_lead_in():
    lines = ["To read them, use the request's cookies attribute.", "",
             "Reading cookies:", "", LISTING, "", "The rest of the story."]
    assert code_after_lead_in(lines) == frozenset({2, 4})


def test_no_lead_in_no_code():
    # a label's one word, a sentence with no colon, a colon over prose
    assert code_after_lead_in(["Code:", LISTING]) == frozenset()
    assert code_after_lead_in(["Here is how you read them.", LISTING]) == frozenset()
    assert code_after_lead_in(["Reading cookies:", "You read them from the request."]) == \
        frozenset()


MENU = ["Home", "Docs", "Tutorial", "API", "Blog", "Community", "Search", "Sign in", "GitHub",
        "Changelog"]
STORY = [
    "To access cookies you can use the cookies attribute of the request object. To set cookies "
    "you can use the set_cookie method of the response.",
    "Reading cookies:",
    LISTING,
    "Storing cookies:",
    "from flask import make_response @app.route('/') def index(): resp = make_response("
    "render_template('index.html')) resp.set_cookie('username', 'the username') return resp",
    "Note that cookies are set on response objects. Since you normally just return strings "
    "from the view functions, Flask will convert them into response objects for you.",
    "If you want to do that explicitly you can use the make_response function and then modify "
    "it, as the next section shows for errors.",
]
FOOTER = ["Previous", "Next", "Privacy", "Terms", "Contact", "Twitter", "Discord", "Donate",
          "Sponsors", "License"]


def test_a_documentation_page_keeps_its_one_line_listings_and_their_lead_ins():
    # before, the classifier took both lead-ins ("Reading cookies:", "Storing cookies:")
    out = clean_document("\n\n".join(MENU + STORY + FOOTER), html=False).text.split("\n")
    assert [line for line in STORY if line in out] == STORY
    assert not set(MENU + FOOTER) & set(out)


def test_a_listing_printed_with_its_line_numbers_is_code():
    from cleaner.text.segment import numbered_listing
    listing = ["1", "# Download the helper library", "2", "import os", "3",
               "from twilio.rest import Client", "4", "5", "client = Client(sid, token)", "6",
               "print(client.messages)"]
    lines = ["Paste in the following code.", "Copy code block"] + listing + \
        ["Then run the file from your terminal."]
    assert numbered_listing(lines) == frozenset(range(2, 2 + len(listing)))
    # a pager's or a calendar's numbers hold nothing between them; a numbered list of
    # headlines holds sentences
    assert numbered_listing(["1", "2", "3", "4", "5", "Next"]) == frozenset()
    assert numbered_listing(["1", "Council approves the new bridge", "2",
                             "Flood defences finished by autumn", "3",
                             "Parking charges rise in the town centre", "4",
                             "School plans go on show"]) == frozenset()


def test_a_numbered_listing_survives_the_cleaning_of_a_page_dump():
    listing = ["1", "# Download the helper library from the docs", "2", "import os", "3",
               "from twilio.rest import Client", "4", "5",
               "# Find your Account SID and Auth Token at the console", "6",
               'account_sid = os.environ["TWILIO_ACCOUNT_SID"]', "7",
               'auth_token = os.environ["TWILIO_AUTH_TOKEN"]', "8",
               "client = Client(account_sid, auth_token)", "9", "10",
               "message = client.messages.create(", "11", 'body="Hello there",', "12", ")", "13",
               "print(message.body)"]
    story = ["Create and open a new file called send_sms.py anywhere on your machine and paste "
             "in the following code, which sends a message from your number.",
             "Copy code block"] + listing + \
        ["In the send_sms.py file, replace the values for account_sid and auth_token with "
         "your Account SID and Auth Token surrounded by quotation marks.",
         "Save your changes and run the file from your terminal in the directory that "
         "contains it. After a few moments, you receive the message on your phone."]
    out = clean_document("\n\n".join(MENU + story + FOOTER), html=False).text.split("\n")
    assert [line for line in listing if line not in out] == []
    assert not set(MENU + FOOTER) & set(out)


# A report's table of contents (no sentence: the rules would empty it, and the
# emptied-document guard keeps it whole) under a cookie banner and a menu, over a footer.
AGENCIES = ["OFFICE OF THE SECRETARY", "EXECUTIVE OPERATIONS", "OFFICE OF THE CHIEF ECONOMIST",
            "NATIONAL APPEALS DIVISION", "OFFICE OF BUDGET AND PROGRAM ANALYSIS",
            "OFFICE OF THE CHIEF INFORMATION OFFICER", "COMMON COMPUTING ENVIRONMENT",
            "OFFICE OF THE CHIEF FINANCIAL OFFICER", "HAZARDOUS MATERIALS MANAGEMENT",
            "DEPARTMENTAL ADMINISTRATION", "OFFICE OF COMMUNICATIONS", "FOREST SERVICE",
            "RURAL HOUSING SERVICE", "FARM SERVICE AGENCY", "RISK MANAGEMENT AGENCY",
            "RURAL UTILITIES SERVICE", "FOOD AND NUTRITION SERVICE",
            "FOREIGN AGRICULTURAL SERVICE", "NATURAL RESOURCES CONSERVATION SERVICE"]


def _contents_page(code: list[str]) -> str:
    body = [line for a in AGENCIES * 3 for line in (a, "COMMITTEE PROVISIONS")]
    body[20:20] = code
    return "\n".join(
        ["We use cookies to improve your experience. By continuing to browse you accept our "
         "cookie policy.", "Accept all cookies", "Skip to main content", "Home", "News",
         "About us", "Contact", "Table of Contents"] + body +
        ["Privacy policy", "Terms of use", "Accessibility",
         "© 2024 Example Department. All rights reserved."])


def test_code_given_back_does_not_hide_a_text_the_rules_would_empty():
    """review-s17a 1: the code is given back after the emptied-document guard has judged the
    text; were one line of code enough to make it not empty, the guard would not run and a
    long text would be lost but for that line."""
    for code in (["Appropriations by office, fiscal year:",
                  "fy = budget(2024); total = sum(rows)"],  # a lead-in and one statement
                 ["fy = 2024;", "total = sum(rows);", "print(total);"]):  # unfenced code
        page = _contents_page(code)
        result = clean_document(page, html=False)
        assert result.text == page + "\n", code
        assert any("emptied-document guard" in w for w in result.warnings)
        assert clean_document(result.text, html=False).text == result.text


STORY_NEWS = ["Home", "World", "Politics", "Business", "Sport",
              "Harbour ferry to run through the winter",
              "The harbour board agreed on Thursday to keep the ferry running through the winter "
              "months, after a petition signed by more than two thousand islanders.",
              "The service will run twice a day from November to March, the board's chair told "
              "the meeting, and the fares will not change.",
              "Islanders had complained that the mainland hospital was out of reach for four "
              "months of the year once the summer timetable ended."]
FOOTER_NEWS = ["About us", "Contact", "Privacy policy",
               "© 2024 Example News Ltd. All rights reserved."]


def test_a_lead_in_s_code_stays_removed_when_a_rule_recognised_the_chrome():
    """review-s17a 2: a section rule took "More from this site:" and the script under it (a
    teaser block's leaked call); the one line's evidence of a lead-in does not overrule it."""
    chrome = ["More from this site:",
              "var _taboola = window._taboola || []; _taboola.push({mode: 'thumbs-2r', "
              "container: 'taboola-below'});"]
    out = clean_document("\n\n".join(STORY_NEWS + chrome + FOOTER_NEWS), html=False).text
    assert STORY_NEWS[-1] in out
    assert not [line for line in chrome if line in out]


def test_a_post_s_header_is_no_lead_in():
    """review-s17a 2: "John Smith says:" heads a post in a comment thread: the code posted
    under it is no listing of the article's."""
    assert post_header("John Smith says:") and post_header("Marie Dupont a écrit :")
    assert post_header("Klaus Meier schreibt:")
    assert not post_header("Reading cookies:") and not post_header("Here is what it says")
    code = "data = requests.get(url, timeout=5).json(); print(len(data['routes']))"
    assert code_after_lead_in(["John Smith says:", "", code]) == frozenset()
    thread = ["3 Comments", "Leave a Reply", "March 3, 2024 at 10:15 am", "John Smith says:",
              code, "Reply", "Mary Jones says:", "March 3, 2024 at 11:02 am",
              "Will the night ferry run as well?", "Reply", "Leave a Reply",
              "Your email address will not be published. Required fields are marked *",
              "Comment", "Name *", "Email *", "Website", "Post Comment"]
    out = clean_document("\n\n".join(STORY_NEWS + thread + FOOTER_NEWS), html=False).text
    assert STORY_NEWS[-1] in out
    assert "John Smith says:" not in out and code not in out


def test_a_lead_in_is_counted_in_words_of_any_script():
    """review-s17a 3: a Chinese or Japanese lead-in is one whitespace token; its words are
    counted as the project counts them, and its colon may be the full-width one."""
    for lead in ("读取Cookie的示例代码如下:", "读取Cookie的示例代码如下：", "クッキーを読み取るコード例：",
                 "Par exemple :", "Reading cookies:"):
        assert introduces(lead), lead
        assert code_after_lead_in([lead, "", LISTING]) == frozenset({0, 2}), lead
    assert not introduces("Code:") and not introduces("代码：")


def test_numbered_listing_edges():
    """review-s17a 7c: a break in the count ends the listing, a "1" starts the next one, the
    line after the last number is the listing's unless it is the sentence under it."""
    from cleaner.text.segment import numbered_listing
    assert numbered_listing([]) == frozenset() and numbered_listing(["1"]) == frozenset()
    first = ["1", "import os", "2", "x = f(1)", "3", "y = g(x)"]
    # 1, 2, 3, then 5: the count broke, the rest is not the listing's
    assert numbered_listing(first + ["5", "z = h(y)", "6", "print(z)"]) == frozenset(range(6))
    # two listings back to back: the second's "1" ends the first
    second = ["1", "import sys", "2", "a = h(2)", "3", "b = k(a)", "4", "print(b)"]
    assert numbered_listing(first + second) == frozenset(range(len(first + second)))
    # the last number's line of code is empty: the line after it is the prose under the
    # listing, not its code
    under = "Then run the file from your terminal and check the output it prints."
    assert numbered_listing(first + ["4", under]) == frozenset(range(7))


def test_the_html_path_reads_no_lead_in_or_gutter(monkeypatch):
    """review-s17a 7a: a page's code came as its <pre> (verbatim): the text-only detectors
    do not run on the HTML reader's text."""
    import cleaner.engine.pipeline as pipeline
    from cleaner.engine.pipeline import clean_lines
    called = []
    monkeypatch.setattr(pipeline, "code_after_lead_in", lambda lines: called.append(1) or
                        frozenset())
    monkeypatch.setattr(pipeline, "numbered_listing", lambda lines: called.append(2) or
                        frozenset())
    lines = MENU + ["Reading cookies:", LISTING] + FOOTER
    clean_lines(list(lines), from_page=True)
    assert called == []
    clean_lines(list(lines))
    assert called == [1, 2]


def test_cleaning_a_documentation_dump_again_changes_nothing():
    """review-s17a 7b: the lead-ins and gutters are found again in what was kept."""
    listing = ["1", "# Download the helper library from the docs", "2", "import os", "3",
               "from twilio.rest import Client", "4", "5",
               "client = Client(os.environ['SID'], os.environ['TOKEN'])", "6",
               "print(client.messages.list())"]
    for page in (MENU + STORY + FOOTER,
                 MENU + ["Paste in the following code, which lists the messages you sent "
                         "from your number."] + listing +
                 ["Save the file and run it from your terminal in the directory that "
                  "contains it."] + FOOTER):
        once = clean_document("\n\n".join(page), html=False).text
        assert clean_document(once, html=False).text == once


def test_reportverbs_yaml_is_checked_as_the_other_word_lists():
    import pytest
    from cleaner.errors import PackError
    from cleaner.text.leadin import load_reportverbs
    assert load_reportverbs("en: [says]\nfr: [a écrit]\n", "r.yaml")["fr"] == ["a écrit"]
    with pytest.raises(PackError):
        load_reportverbs("fr: [a écrit]\n", "r.yaml")  # English's list is read on every page
