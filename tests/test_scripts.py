"""Scripts without spaces and scripts beyond Latin (issue 20): one way of counting words,
the script as the first signal of a language, short texts, and text kept verbatim."""
from __future__ import annotations

import json

import pytest

from cleaner import clean, clean_document
from cleaner.text.language import main_script, script_language
from cleaner.engine.pipeline import clean_lines
from cleaner.text.prose import is_prose, opens_sentence, reading_length
from cleaner.text import ends_sentence, words
from cleaner.text.stopwords import stopword_density, stopword_hits
from cleaner.engine.packs import get_packset

from .conftest import CORPUS


# --- one way of counting ----------------------------------------------------------------
def test_han_and_kana_count_in_pairs():
    assert len(words("滨江市交通委员会")) == 4  # 8 Han letters: about four words (jieba: 3)
    assert words("广告") == ("广告",)
    assert len(words("商店街の手描き看板")) == 5


def test_thai_counts_in_runs_of_five_letters_with_their_marks():
    line = "รายได้จากโฆษณาในขบวนรถ"  # newmm: รายได้ / จาก / โฆษณา / ใน / ขบวน / รถ
    assert len(words(line)) == 5
    assert "".join(words(line)) == line  # vowel and tone marks stay inside the words


def test_spaced_scripts_keep_their_words_whole():
    assert words("हिन्दी समाचार पत्र") == ("हिन्दी", "समाचार", "पत्र")  # vowel signs are part of a word
    assert words("버스 정류장 광고판") == ("버스", "정류장", "광고판")
    assert words("Grüße aus Köln") == ("Grüße", "aus", "Köln")
    assert words("iPhone手机") == ("iPhone", "手机")


def test_a_chinese_sentence_is_prose_by_the_same_measure_as_an_english_one():
    assert is_prose("滨江市交通委员会5日宣布，从明年3月起，全市地铁站内的电子广告屏将分批拆除约一半。")
    assert not is_prose("不过，也有人担心收入减少。")  # a short paragraph, as in English
    assert not is_prose("滨江地铁5号线明年通车 沿线设站12座")  # a headline ends no sentence


def test_reading_length_counts_a_han_letter_as_three_latin_ones():
    assert reading_length("abc") == 3
    assert reading_length("广告收入") == 12


def test_sentences_open_with_a_capital_or_an_uncased_letter():
    assert opens_sentence("The mayor said")
    assert not opens_sentence("and then")
    assert opens_sentence("市交通委员会表示")
    assert opens_sentence("ผู้โดยสาร")
    assert opens_sentence("قال الوزير")


def test_a_quoted_sentence_opens_after_its_quote():
    # a quote is a sentence of the story ("“We cannot let this happen again,” she said."):
    # the opening quote, Spanish's ¿ and ¡ and French's spaced « come before its capital
    for line in ("“We cannot let this happen again,” she said.", '"Yes," he said.',
                 "‘Not again’", "¿Qué pasó en la reunión?", "¡Por fin!", "« Non », a-t-il dit.",
                 "„Wir schaffen das“, sagte sie.", "(Reuters) The talks resumed."):
        assert opens_sentence(line), line
    for line in ("“and then", "(and then", "« et puis"):
        assert not opens_sentence(line), line


def test_thai_sentences_end_without_a_full_stop():
    assert ends_sentence("ผู้โดยสารส่วนใหญ่เห็นด้วยกับการเปลี่ยนแปลงนี้ แม้บางคนจะเสียดายภาพโฆษณา")
    assert not ends_sentence("ค่าโดยสารรถไฟฟ้าปรับขึ้นปีหน้า")  # one run of letters: a headline


def test_stopwords_of_unspaced_scripts_are_found_inside_the_line():
    stop = frozenset({"的", "也", "不过", "有"})
    n, hits = stopword_hits("不过，也有人担心收入减少。", stop)
    assert (n, hits) == (6, 3)
    assert stopword_density("不过，也有人担心收入减少。", stop) == (6, 0.5)
    # spaced text is read word by word, as before
    assert stopword_density("the cat and the dog", frozenset({"the", "and"})) == (5, 0.6)


# --- the script first -------------------------------------------------------------------
@pytest.mark.parametrize("text, lang", [
    ("商店街の手描き看板、広告大賞で入賞", "ja"),
    ("滨江市地铁站将拆除一半广告屏，市民称终于清净了，交通委员会表示明年起减少", "zh"),
    ("광고", "ko"),
    ("โฆษณา", "th"),
    ("Η κυβέρνηση ανακοίνωσε", "el"),
    ("הממשלה הודיעה", "he"),
])
def test_a_script_that_names_its_language(text, lang):
    assert script_language(text)[0] == lang


@pytest.mark.parametrize("text", ["広告", "قال الوزير إن الحكومة", "Правительство объявило", "The government said"])
def test_a_script_that_leaves_doubt(text):
    assert script_language(text)[0] is None  # Han alone, Arabic, Cyrillic, Latin: the votes tell


def test_kana_tells_japanese_from_chinese_in_a_whole_document():
    ja = clean_document("青葉市は、市立中央図書館の開館時間を来年4月から午後9時まで延長する。\n")
    zh = clean_document("滨江市交通委员会5日宣布，从明年3月起，全市地铁站内的电子广告屏将分批拆除约一半。\n")
    assert (ja.language, ja.language_method) == ("ja", "script")
    assert (zh.language, zh.language_method) == ("zh", "script")
    assert ja.language_reason == "script: Han and kana"


def test_main_script_counts_words_not_letters():
    # two English words outweigh nothing; a Japanese sentence outweighs a few English words
    assert main_script("青葉市は来年4月から午後9時まで延長する。SNS news") == "cjk"
    assert main_script("Tokyo (東京) is the capital of Japan, the ministry said.") == "latin"


JA_STORY = (
    "市立図書館、夜間開館を試行へ\n\n"
    "We use cookies to improve your experience on our site. By continuing to browse, you "
    "agree to our use of cookies. Accept all cookies or manage your settings.\n\n"
    "青葉市は、市立中央図書館の開館時間を来年4月から午後9時まで延長する試みを始める。仕事帰りの会社員や学生の利用を見込んでいる。\n\n"
    "市によると、中央図書館の利用者は平日の夕方に多く、閉館時間に間に合わないという声が寄せられていた。試行期間は半年間で、利用状況を見て本格実施を判断する。\n\n"
    "館内では、地元の高校生が作ったおすすめ本の紹介コーナーも設ける。担当者は「本の魅力を友達と共有する場にしたい」と話している。\n"
)


def test_an_english_cookie_banner_goes_and_its_japanese_neighbour_stays():
    result = clean_document(JA_STORY)
    assert result.language == "ja"
    assert "We use cookies" not in result.text
    assert "青葉市は、市立中央図書館の開館時間" in result.text
    assert result.text == JA_STORY.replace(JA_STORY.split("\n\n")[1] + "\n\n", "")


EN_STORY = (
    "Tokyo bookshop keeps its hand-painted sign\n\n"
    "A bookshop in central Tokyo has kept the hand-painted sign it has used since 1952, its "
    "owner said on Saturday, despite an offer from the city to replace it for free.\n\n"
    "The owner, Kenichi Yamada, read out the letter he sent to the city in reply:\n\n"
    "「看板は町の顔です。古い商店街の雰囲気を残したいので、このまま使わせてください。」\n\n"
    "The city said it would respect his wish and would list the sign as a local landmark in "
    "the spring, along with eleven other signs in the same shopping street.\n"
)


def test_a_japanese_paragraph_quoted_in_an_english_story_stays():
    result = clean_document(EN_STORY)
    assert result.language == "en"
    assert result.text == EN_STORY


def test_a_japanese_paragraph_quoted_under_an_ad_label_in_an_english_story_is_foreign():
    # the foreign-block check still reads the script: it flags the block as Japanese
    from cleaner.engine.packs import get_packset
    quote = EN_STORY.split("\n\n")[3]
    assert get_packset().model.foreign_language(quote, "en") == "ja"
    assert get_packset().model.foreign_language(quote, "ja") is None


# --- short texts ------------------------------------------------------------------------
def test_a_lone_advertisement_goes_with_the_reason_in_the_result():
    result = clean_document("Advertisement\n")
    assert result.text == ""
    assert result.language is None
    assert result.language_reason.startswith("too short (1 words)")
    assert "English and generic rules applied" in result.language_reason
    assert json.loads(json.dumps(result.to_dict()))["language_reason"] == result.language_reason


def test_a_short_text_gets_its_declared_language_rules():
    result = clean_lines(["Anzeige", "", "Der Bürgermeister eröffnet am Montag die Brücke."],
                         declared_lang="de")
    assert [r.rule_id for r in result.removals] == ["de-advertisement-label"]
    assert "the declared language's (de)" in result.language_reason
    assert result.text == "Der Bürgermeister eröffnet am Montag die Brücke.\n"


def test_a_short_text_in_a_script_that_names_its_language_gets_that_pack():
    assert clean("광고\n\n해람시는 6일 스마트 정류장 사업 계획을 발표했다.\n") == \
        "해람시는 6일 스마트 정류장 사업 계획을 발표했다.\n"


def test_a_short_sentence_keeps_its_words():
    text = "The advertisement ran in three papers.\n"
    assert clean(text) == text


# --- right-to-left text, verbatim -------------------------------------------------------
def test_rtl_text_keeps_its_order_and_directional_marks():
    rlm, lrm, rle, pdf = "\u200f", "\u200e", "\u202b", "\u202c"
    lines = [
        f"{rlm}הממשלה הודיעה ביום ראשון על תוכנית חדשה לתחבורה ציבורית בערים הגדולות.{rlm}",
        "",
        "Facebook Twitter",  # a generic rule's (share buttons): no Hebrew pack needed
        "",
        f"{rle}השר אמר כי התוכנית תעלה {lrm}2.5{lrm} מיליארד שקל ותחל בשנה הבאה.{pdf}",
        "",
        f"قال الوزير{rlm} إن الخطة ستبدأ في عام {lrm}2027{lrm} وتشمل عشر مدن.",
        "",
    ]
    out = clean("\n".join(lines))
    assert out == "\n".join(lines[:2] + lines[4:])


def test_a_short_page_keeps_what_the_html_reader_chose():
    page = ("<!doctype html><html lang='en'><body><main><h2>Most read</h2>"
            "<h2>More to explore</h2><p>Advertisement</p></main></body></html>")
    result = clean_document(page, html=True)
    assert result.language is None
    assert result.language_reason.endswith("the page's own text: generic rules applied")
    assert "Most read" in result.text


def test_a_korean_page_dump_loses_its_menus_and_keeps_its_headline():
    # Korean writes its function words onto words (particles): its stopwords are found inside
    # them, so a headline of six words reads as one, not as a row of section names
    story = (CORPUS / "tricky" / "ko-gwanggo-beoseu.expected.txt").read_text(encoding="utf-8")
    menu = "\n".join(["홈", "뉴스", "정치", "경제", "사회", "스포츠", "연예", "날씨"])
    footer = "\n".join(["회사소개", "광고안내", "제휴문의", "개인정보처리방침", "청소년보호정책", "사이트맵"])
    assert clean(f"{menu}\n\n{story}\n{footer}\n") == story
    _n, hits = stopword_hits("정류장 근처에서 가게를 운영하는", frozenset({"에서", "를"}))
    assert hits == 2


def test_a_korean_word_is_one_stopword_hit_at_most():
    # Korean writes spaces: a word is a hit when it is a stopword or ends with one (a particle),
    # never once per stopword found inside it ("사용합니다" holds 사 and 하, no particle)
    stop = frozenset({"사", "하", "를", "이", "에서"})
    assert stopword_hits("사용합니다", stop) == (1, 0)
    assert stopword_hits("이 쿠키를 사용합니다", stop) == (3, 2)
    assert stopword_hits("정류장 근처에서", stop) == (2, 1)
    ko = get_packset().model.stopwords["ko"]
    n, hits = stopword_hits("이 웹사이트는 쿠키를 사용합니다. 계속 이용하시면 쿠키 사용에 동의하는 것으로 "
                            "간주합니다.", ko)
    assert n == 11 and hits <= n


def test_the_script_checks_answer_as_the_largest_letter_says():
    """has_unspaced, reading_length and the word split settle a line by a regex scan; the
    answers are those of the line's largest letter (max(), which they once called first)."""
    import random

    from cleaner.text import _LATIN_ONLY, _SIMPLE_WORD, _WORD, _split_words
    from cleaner.text.prose import _CJK
    from cleaner.text.stopwords import _NO_SPACE, has_unspaced

    pool = [chr(c) for c in (*range(32, 127), *range(0xa0, 0x600), *range(0xe00, 0xe60),
                             *range(0x2000, 0x2c00, 7), *range(0x3000, 0x3100),
                             *range(0x4e00, 0x4e40), *range(0xac00, 0xac40), 0xff70, 0x20000)]
    rnd = random.Random(5)
    texts = ["Ελληνικά και Русский", "שָׁלוֹם עולם", "café → naïve", "广告收入 and ads", "광고 수입",
             "ภาษาไทย", "ー"] + ["".join(rnd.choice(pool) for _ in range(rnd.randint(1, 30)))
                                 for _ in range(5000)]
    for text in texts:
        assert has_unspaced(text) == (not text.isascii() and max(text) >= "\u0e01"
                                      and bool(_NO_SPACE.search(text)))
        assert reading_length(text) == (len(text) if text.isascii() or max(text) < "\u3005"
                                        else len(text) + 2 * len(_CJK.findall(text)))
        simple = text.isascii() or max(text) < "\u0590" or _LATIN_ONLY.fullmatch(text)
        assert _split_words(text) == (_SIMPLE_WORD if simple else _WORD).findall(text)
    assert has_unspaced("ads 广告") and not has_unspaced("Ελληνικά")


def test_script_language_counts_no_letters_of_a_text_main_script_reads_as_latin():
    """Latin names no language: a text that main_script reads as Latin in one scan is not
    counted script by script (ten scans of its first 4,000 characters) for a count nobody reads."""
    from cleaner.memo import clear_all
    from cleaner.text.language import script_counts

    clear_all()
    text = "Café “quoted” words — written in the Latin script only. " * 30
    assert script_language(text) == (None, "script: latin")
    assert script_counts.cached(text) is None
    greek = "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και η μεγαλύτερη πόλη της."
    assert script_language(greek) == ("el", "script: greek")
    assert script_counts.cached(greek) is not None
