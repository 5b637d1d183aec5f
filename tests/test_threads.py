"""Comment threads that outweigh their story: the rest kind's ``thread_stamps``.

A comment heading above the story ("12 Comments" in the meta line) must not empty the page,
so a rest heading normally cuts only when most of the page's prose comes before it. A busy
thread breaks that balance; its comment stamps (a date and a time on each comment's short
meta line) are what tell it apart from a story.
"""
from __future__ import annotations

from cleaner import clean, clean_document

STORY = "\n\n".join([
    "The council approved the new budget on Monday after a long debate about the schools.",
    "Officials said the bridge would reopen next week, once the repairs were finally finished.",
    "It was the third time this year that the river had burst its banks, residents told us.",
    "The company said its profits had fallen, and that it would cut hundreds of jobs soon.",
    "Teachers welcomed the extra money but said it came too late for the current school year.",
    "The mayor promised a review of the flood defences before the winter storms set in again.",
    "Opposition members voted against the plan, calling it rushed and poorly explained to us.",
    "A final vote on the spending plan is expected in the spring, after a public consultation.",
])  # 8 sentences of 15-16 words: over 100 words of story, the thread three times that
REPLY = ("I have lived by that river for thirty years and I have never seen the water rise so "
         "quickly, and the council knew it was coming, as everyone in the village told them.")


def thread(n: int, stamp: str = "Jane Doe November 8, 2012 at {h}:38 AM") -> str:
    return "\n\n".join(f"{stamp.format(h=1 + k % 12)}\n\n{REPLY}\n\nReply" for k in range(n))


def page(heading: str, comments: str) -> str:
    return f"{STORY}\n\n{heading}\n\n{comments}\n"


def test_a_thread_that_outweighs_its_story_goes_when_its_stamps_vouch_for_it():
    text = page("12 Comments", thread(12))  # the thread holds three times the story's prose
    result = clean_document(text, html=False)
    assert result.text.rstrip("\n") == STORY
    by_rest = [r for r in result.removals if r.rule_id == "en-comments-rest"]
    assert by_rest[0].lines[0] == "12 Comments"  # the cut starts at the heading
    # the over-removal guard does not count the readers' prose as the article's
    assert not any("guard" in w for w in result.warnings)
    assert clean(result.text) == result.text


def test_a_huge_thread_does_not_trip_the_over_removal_guard():
    result = clean_document(page("Leave a Reply", thread(60)), html=False)  # 15 times the story
    assert result.text.rstrip("\n") == STORY
    assert not result.warnings


def test_without_stamps_a_heavy_thread_is_left_to_the_prose_balance():
    bare = "\n\n".join(REPLY for _ in range(12))
    result = clean_document(page("12 Comments", bare), html=False)
    assert REPLY in result.text


def test_stamps_need_a_date_too_so_a_live_blog_under_a_count_stays():
    # a live blog stamps its entries with the time alone
    entries = thread(12, stamp="{h}:38 GMT")
    result = clean_document(page("12 Comments", entries), html=False)
    assert REPLY in result.text


def test_a_thread_cuts_on_its_stamps_only_after_a_story_of_100_words():
    sentences = STORY.split("\n\n")
    short = "\n\n".join(sentences[:6])  # 6 sentences: 92 words, a long lede
    kept = clean_document(f"{short}\n\n12 Comments\n\n{thread(12)}\n", html=False)
    assert REPLY in kept.text
    longer = "\n\n".join(sentences[:7])  # 7 sentences: 107 words
    cut = clean_document(f"{longer}\n\n12 Comments\n\n{thread(12)}\n", html=False)
    assert cut.text.rstrip("\n") == longer


def test_a_count_above_the_story_does_not_cut_it_though_its_thread_follows():
    # a blog's blurb, the headline, the count; then the story, its own thread heading and
    # the thread: the stamps are far below the count, past the whole story
    blurb = ("Welcome to my little corner of the internet, where I write about gardening, cooking "
             "and life on a small farm in the hills of northern Vermont, and about the bees I keep. "
             "I have been keeping bees and growing vegetables here for twenty years, and this blog "
             "is where I share what the seasons have taught me along the way, good and bad.")
    text = (f"{blurb}\n\nThe April swarm\n\n3 Comments\n\n{STORY}\n\n"
            f"3 thoughts on “The April swarm”\n\n{thread(3)}\n")
    result = clean_document(text, html=False)
    assert STORY in result.text
    assert REPLY not in result.text  # the thread's own heading cuts it, as before


def test_a_timeline_under_a_comments_link_stays():
    # a two-paragraph lede of 55 words, then the timeline's dated and timed entries
    lede = ("Hurricane Sandy slammed into the New Jersey coast on Monday night, flooding towns, "
            "cutting power to millions of homes and shutting down the New York subway system.\n\n"
            "Here is how the storm unfolded, hour by hour, according to officials, forecasters and "
            "the residents who spoke to our reporters over the course of the long week.")
    entries = "\n\n".join(
        f"Oct. {29 + k // 2}, 2012, {8 + k}:00 p.m.: The storm reached another town on the coast.\n\n"
        "Officials said the water had risen faster than any forecast had said it would."
        for k in range(4))
    text = f"Timeline: How Sandy unfolded\n\n{lede}\n\n12 Comments\n\n{entries}\n"
    result = clean_document(text, html=False)
    assert "Officials said the water had risen" in result.text


def test_two_stamps_are_not_a_thread():
    result = clean_document(page("12 Comments", thread(2) + "\n\n" + "\n\n".join([REPLY] * 10)),
                            html=False)
    assert REPLY in result.text


def test_the_german_pack_uses_the_stamps_too():
    story = "\n\n".join([
        "Der Gemeinderat hat am Montag nach einer langen Debatte den neuen Haushalt beschlossen.",
        "Die Brücke soll nach Angaben der Stadt in der kommenden Woche wieder geöffnet werden.",
        "Es war das dritte Mal in diesem Jahr, dass der Fluss über die Ufer getreten ist, sagten sie.",
        "Die Lehrer begrüßten das zusätzliche Geld, sagten aber, es komme für dieses Jahr zu spät.",
        "Der Bürgermeister versprach, die Hochwasserschutzanlagen vor dem Winter zu überprüfen.",
        "Die Opposition stimmte gegen den Plan und nannte ihn überstürzt und schlecht erklärt.",
        "Eine endgültige Abstimmung wird im Frühjahr erwartet, nach einer öffentlichen Anhörung.",
        "Die Anwohner wollen bis dahin weiter gegen die geplanten Kürzungen bei den Schulen protestieren.",
    ])
    reply = ("Ich wohne seit dreißig Jahren an diesem Fluss und habe das Wasser noch nie so schnell "
             "steigen sehen, und der Gemeinderat wusste es, wie alle im Dorf ihm gesagt haben.")
    comments = "\n\n".join(f"Max Muster am 18. Oktober 2023 - 1{k % 10}:11\n\n{reply}"
                           for k in range(12))
    result = clean_document(f"{story}\n\nSchreiben Sie einen Kommentar\n\n{comments}\n", html=False)
    assert result.language == "de"
    assert result.text.rstrip("\n") == story


def test_stamps_that_another_rule_removed_still_count():
    # TypePad signs each comment below it; a byline rule takes those lines first
    signed = "\n\n".join(f"{REPLY}\n\nPosted by: Jane Doe | October 30, 2012 at 0{1 + k % 9}:58 AM"
                         for k in range(12))
    result = clean_document(page("Comments", signed), html=False)
    assert result.text.rstrip("\n") == STORY


def test_a_long_line_with_a_date_and_a_time_is_no_stamp():
    # prose that mentions when something happened is not a comment's meta line
    dated = ("The council met again on November 8, 2012 at 10:30 AM and voted to spend the rest "
             "of the money on the schools and the roads that the storm had damaged.")
    result = clean_document(page("12 Comments", "\n\n".join([dated, REPLY] * 6)), html=False)
    assert REPLY in result.text


def test_a_heading_under_every_post_is_each_post_s_link_not_the_page_s_thread():
    # a Q&A page prints "Add a comment" under the question and under each answer: the
    # answers are the page's content, and the first link is no thread heading
    post = ("The answer is to set the option in the config file, and then restart the server "
            "so that it reads the file again, as the manual explains.")
    page = "\n\n".join([STORY, "Add a comment", post, "Add a comment", post.replace("answer", "reply"),
                        "Add a comment"])
    result = clean_document(page, html=False)
    assert post in result.text and post.replace("answer", "reply") in result.text


def test_a_count_under_every_answer_is_each_answer_s_not_the_page_s_thread():
    # a Q&A page prints each answer's comment count under it ("4 Comments", "2 Comments"):
    # the counts differ, the heading is the same, and the answers are the page's content
    answers = [("The answer is to set the option in the config file, and then restart the "
                f"server so that it reads the file again, as the manual explains ({n}).")
               for n in ("first", "second", "third")]
    page = "\n\n".join([STORY, "4 Comments", answers[0], "2 Comments", answers[1],
                        "12 Comments", answers[2]])
    result = clean_document(page, html=False)
    for answer in answers:
        assert answer in result.text


def test_a_thread_under_its_count_still_goes_when_the_story_has_no_other_count():
    # one count, under the story: the page's thread, as before
    result = clean_document(page("12 Comments", thread(2)), html=False)
    assert REPLY not in result.text


def test_a_count_told_in_the_singular_is_the_same_heading_as_its_plurals():
    # Stack Overflow prints "1 Comment" under the question and "2 Comments", "3 Comments"
    # under the answers: the noun agrees with its count, and the first heading is each
    # post's as much as the others are, so it starts no rest over the answers below it
    answers = [("The answer is to set the option in the config file, and then restart the "
                f"server so that it reads the file again, as the manual explains ({n}).")
               for n in ("first", "second", "third")]
    page = "\n\n".join([STORY, "1 Comment", "Works for me.", answers[0], "2 Comments",
                        "Thanks.", answers[1], "3 Comments", "Same here.", answers[2]])
    result = clean_document(page, html=False)
    for answer in answers:
        assert answer in result.text


def test_an_answer_of_code_between_two_copies_of_a_heading_is_a_post():
    # an answer on a Q&A page is often a line of lead-in over a listing: the code between
    # two "Comments" headings is a post's, and the first heading starts no rest over it
    code = "\n".join(["import asyncio", "", "async def main():",
                      "    # both of the tasks are independent of each other,",
                      "    # as the tasks complete, gather keeps on storing their results",
                      "    results = await asyncio.gather(first_task(), second_task())",
                      "    print(f'The results are {results}')", "",
                      "asyncio.run(main())"])
    question = STORY.replace("the ", "our ")  # a question long enough that the heading is low
    page = "\n\n".join([STORY, question, "Comments", "0", "A very simple and smooth example here:", code,
                        "Comments", "Your Answer"])
    result = clean_document(page, html=False)
    assert "# as the tasks complete, gather keeps on storing their results" in result.text
    assert "results = await asyncio.gather(first_task(), second_task())" in result.text


def test_a_count_in_the_meta_line_and_one_over_the_thread_still_cut():
    # two counts, one in the singular (the story's meta line "1 Comment", the thread's "2
    # Comments"), prove nothing, as two in the plural do: the thread under the second goes
    result = clean_document(f"1 Comment\n\n{page('2 Comments', thread(2))}", html=False)
    assert REPLY not in result.text


def test_forms_of_one_word_are_told_apart_from_other_words():
    from cleaner.engine.kinds.sections import _alike
    assert _alike("0 comment", "0 comments")
    assert _alike("0 reply", "0 replies")
    assert _alike("0 kommentar", "0 kommentare")
    assert _alike("0 комментарий", "0 комментариев")
    assert not _alike("0 comments", "0 contents")
    assert not _alike("0 comments", "0 comments so far")
