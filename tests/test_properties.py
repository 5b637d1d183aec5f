"""Invariants over generated documents and the real samples (hypothesis).

- output lines are input lines, in order (trimmed lines only lose a span);
- the removals account for every input line: kept + removed = input;
- cleaning is idempotent; output is deterministic, across processes too;
- the over-removal guard keeps prose that rules would have emptied;
- HTML input (generated pages): the same account of the text the reader extracted, nothing of
  scripts or styles, the same answer every time, and what the README promises of cleaning
  the output again (lines only go, and once cleaned as text it stays as it is).
"""
from __future__ import annotations

import pytest
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import clean, clean_document
from cleaner.text.decode import to_text

from .conftest import sample_meta, text_samples

PROSE = [
    "The council approved the new budget on Monday after a long debate about schools.",
    "Officials said the bridge would reopen next week, once the repairs were finished.",
    "It was the third time this year that the river had burst its banks, residents said.",
    "The company said its profits had fallen, and that it would cut hundreds of jobs.",
]
FURNITURE = ["Advertisement", "Share this article", "Related Articles:", "Subscribe", "Home | News | Sport",
             "© 2024 Example Media", "4 hours ago", "Tags: politics, budget", "Read more: Budget fight", "X",
             "We use cookies to personalise content and ads; by clicking accept you consent to our partners."]
line = st.one_of(st.sampled_from(PROSE + FURNITURE), st.text(max_size=60), st.just(""))
documents = st.lists(line, max_size=30).map("\n".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_invariants(text: str) -> None:
    result = clean_document(text, html=False)
    check_account(to_text(text).split("\n"), result)  # the decoded input: NULs, newlines
    # idempotent
    assert clean(result.text, html=False) == result.text


def check_account(lines: list[str], result) -> None:
    """The output is ``lines`` (what the text stage read) less the removals, in order."""
    removed = {n for r in result.removals if not r.trimmed for n in r.line_numbers}
    trimmed = {r.line_numbers[0] for r in result.removals if r.trimmed}
    out = result.text.split("\n")[:-1] if result.text else []
    # output lines are the input's surviving lines, in order, blank runs folded to one
    expected = []
    for number, l in enumerate(lines, start=1):
        if number in removed:
            continue
        if not l.strip():
            if expected and expected[-1] != "":
                expected.append("")
            continue
        expected.append(l)
    while expected and expected[-1] == "":
        expected.pop()
    if trimmed:
        assert len(out) == len(expected)
        for got, want in zip(out, expected):
            assert got == want or got in want  # a trim only cuts a span
    else:
        assert out == expected
    # every non-blank input line is kept or accounted for by exactly one removal
    counted = [n for r in result.removals if not r.trimmed for n in r.line_numbers]
    assert len(counted) == len(set(counted))
    assert all(lines[n - 1].strip() for n in counted)


@SETTINGS
@given(documents)
def test_invariants_on_generated_documents(text):
    check_invariants(text)


@SETTINGS
@given(st.lists(st.sampled_from(PROSE + FURNITURE), min_size=1, max_size=40).map("\n\n".join))
def test_invariants_on_article_like_documents(text):
    check_invariants(text)


@pytest.mark.slow
def test_invariants_on_real_samples():
    for path in text_samples():
        check_invariants(path.read_text(encoding="utf-8"))


# -- HTML input ---------------------------------------------------------------------------
BOXES = ["p", "p", "p", "div", "li", "h2", "nav", "footer", "aside", "span", "td", "script",
         "style", "blockquote"]
box = st.tuples(st.sampled_from(BOXES), st.one_of(st.sampled_from(PROSE + FURNITURE),
                                                 st.text(max_size=40)))


@st.composite
def pages(draw) -> str:
    """A page: a title, an optional <html lang>, and boxes of prose and furniture, some of
    them in an <article>, with markup characters in the text escaped as a page has them."""
    from html import escape

    lang = draw(st.sampled_from(["", " lang=en", " lang=de", " lang=es"]))
    title = escape(draw(st.sampled_from(PROSE + FURNITURE + ["Storm hits the coast"])))
    parts = []
    for tag, text in draw(st.lists(box, max_size=25)):
        text = escape(text) if tag not in ("script", "style") else "SCRIPTTEXT " + text.replace("<", " ")
        parts.append(f"<ul><li>{text}</li></ul>" if tag == "li" else f"<{tag}>{text}</{tag}>")
    cut = draw(st.integers(0, len(parts)))
    body = "".join(parts[:cut]) + "<article>" + "".join(parts[cut:]) + "</article>"
    return f"<!DOCTYPE html><html{lang}><head><title>{title}</title></head><body>{body}</body></html>"


def check_html_invariants(page: str) -> None:
    result = clean_document(page, html=True)
    extracted = result.html.text
    check_account(extracted.split("\n"), result)  # the text stage, on what the reader read
    assert "SCRIPTTEXT" not in result.text
    assert clean_document(page, html=True).to_dict() == result.to_dict()  # deterministic
    # What the README promises of a second pass: it reads the output as plain text (the line
    # classifier too, without the page's url and language), so it may remove lines (or a
    # span of one), never add text; and once cleaned as text, the text stays as it is.
    again = clean(result.text, html=False)
    kept = iter(result.text.split("\n"))
    assert all(any(line in k for k in kept) for line in again.split("\n") if line)
    assert clean(again, html=False) == again


@pytest.mark.slow
@SETTINGS
@given(pages())
def test_invariants_on_generated_pages(page):
    check_html_invariants(page)


def test_invariants_on_real_pages():
    from .conftest import CORPUS

    for path in sorted((CORPUS / "html").glob("*.html")):
        check_html_invariants(path.read_text(encoding="utf-8")
                              .replace("</body>", "<script>SCRIPTTEXT</script></body>"))


@pytest.mark.slow
def test_deterministic_across_processes():
    sample = text_samples()[0]
    code = ("import sys, cleaner; sys.stdout.write(repr(cleaner.clean_document("
            "open(sys.argv[1], 'rb').read()).to_dict()))")
    runs = {subprocess.run([sys.executable, "-c", code, str(sample)], capture_output=True,
                           text=True, check=True).stdout for _ in range(2)}
    assert len(runs) == 1
    # a mixed-language text, where langdetect decides, also gives one answer every time
    mixed = "Ceci est un texte court. Dies ist ein kurzer Text. " * 3
    assert len({clean_document(mixed).language for _ in range(5)}) == 1


@pytest.mark.slow
def test_over_removal_guard_puts_back_only_the_prose_it_took(tmp_path):
    # a rule that cuts from a heading at the top to the end takes the story; the guard gives
    # the story back but not the heading's list, and the page's other chrome stays removed
    pack = tmp_path / "greedy.yaml"
    pack.write_text("pack: greedy\nrules:\n  - id: greedy-rest\n    category: related\n"
                    "    rest: '^The most read stories this week$'\n    min_position: 0.0\n    min_prose_before: 0.0\n"
                    "    examples: {drop: [\"A.\\nB.\\nC.\\nD.\\nThe most read stories this week\\nx\"], keep: ['Most read books']}\n")
    story = "\n\n".join(PROSE * 3)
    page = ("Share this article\n\nThe most read stories this week\n\nCouncil votes to close two libraries\n\n"
            + story + "\n\nFacebook Twitter LinkedIn\n")
    result = clean_document(page, rules_dirs=[tmp_path])
    assert any("over-removal guard" in w and "greedy-rest" in w for w in result.warnings)
    assert result.text == story + "\n"
    assert clean(result.text, rules_dirs=[tmp_path]) == result.text


@pytest.mark.slow
def test_over_removal_guard_keeps_prose(tmp_path):
    pack = tmp_path / "greedy.yaml"
    pack.write_text("pack: greedy\nrules:\n  - id: greedy-everything\n    category: ad\n"
                    "    line: '\\w'\n    examples: {drop: [a], keep: ['---']}\n")
    story = "\n\n".join(PROSE * 3)
    result = clean_document(story, rules_dirs=[tmp_path])
    assert any("over-removal guard" in w for w in result.warnings)
    assert PROSE[0] in result.text


def test_a_document_that_loses_every_line_says_so():
    # page chrome and nothing else (copyright lines alone prove no web page: a README has one)
    footer = "\n".join(f"Share this article\n© {2000 + i} Example Media Group. All rights reserved."
                       for i in range(10))
    result = clean_document(footer)
    assert result.text == ""
    assert any(w.startswith("every line was removed (100 words; mostly by en-share-residue, "
                            "copyright-line)") for w in result.warnings)
    short = clean_document("Facebook Twitter LinkedIn\n© 2024 Example Media Group. All rights reserved.")
    assert short.text == "" and not short.warnings  # a lone footer is no surprise


AGENCIES = ["OFFICE OF THE SECRETARY", "EXECUTIVE OPERATIONS", "OFFICE OF THE CHIEF ECONOMIST",
            "NATIONAL APPEALS DIVISION", "OFFICE OF BUDGET AND PROGRAM ANALYSIS",
            "OFFICE OF THE CHIEF INFORMATION OFFICER", "COMMON COMPUTING ENVIRONMENT",
            "OFFICE OF THE CHIEF FINANCIAL OFFICER", "HAZARDOUS MATERIALS MANAGEMENT",
            "DEPARTMENTAL ADMINISTRATION", "OFFICE OF COMMUNICATIONS", "OFFICE OF INSPECTOR GENERAL",
            "OFFICE OF THE GENERAL COUNSEL", "ECONOMIC RESEARCH SERVICE", "FOREST SERVICE",
            "AGRICULTURAL RESEARCH SERVICE", "RURAL HOUSING SERVICE", "FARM SERVICE AGENCY",
            "RISK MANAGEMENT AGENCY", "RURAL UTILITIES SERVICE", "FOOD AND NUTRITION SERVICE",
            "FOREIGN AGRICULTURAL SERVICE", "FOOD SAFETY AND INSPECTION SERVICE",
            "NATURAL RESOURCES CONSERVATION SERVICE", "NATIONAL AGRICULTURAL STATISTICS SERVICE"]
# A report's table of contents: no sentence in it, each heading over a repeated sub-heading.
CONTENTS = "Table of Contents\n" + "\n".join(f"{a}\nCOMMITTEE PROVISIONS" for a in AGENCIES * 3)


def test_a_long_text_emptied_by_few_kinds_of_rule_is_kept_whole(monkeypatch):
    """A table of contents is no prose, so the over-removal guard does not see it. It shows
    no page chrome either (repeated headings and clusters prove no web page), so it comes
    out unchanged; and were it to show some, the repeated headings and clusters the rules
    find there name few kinds of boilerplate, and the emptied-document guard keeps it whole
    (idempotently) with a warning."""
    import cleaner.engine.emptied as guard
    import cleaner.engine.pipeline as pipeline

    result = clean_document(CONTENTS)
    assert result.text == CONTENTS + "\n"
    assert not result.removals and not result.warnings
    monkeypatch.setattr(pipeline, "_guard_no_chrome", lambda ctx: None)
    guarded = clean_document(CONTENTS)
    assert guarded.text == CONTENTS + "\n"
    assert not guarded.removals
    assert any("emptied-document guard" in w and "nav" in w for w in guarded.warnings)
    assert clean(guarded.text) == guarded.text
    # without either guard the same rules empty it
    monkeypatch.setattr(guard, "KEEP_EMPTIED_WORDS", 10 ** 9)
    emptied = clean_document(CONTENTS)
    assert emptied.text == ""
    assert any(w.startswith("every line was removed") for w in emptied.warnings)


def _pack_of_kinds(tmp_path, kinds):
    """One line rule per category, each dropping the lines that start with its name."""
    rules = "".join(
        f"  - id: drop-{kind}\n    category: {kind}\n    line: '^{kind}\\b'\n"
        f"    examples: {{drop: ['{kind} x'], keep: ['not {kind}']}}\n" for kind in kinds)
    (tmp_path / "kinds.yaml").write_text(f"pack: kinds\nrules:\n{rules}")


@pytest.mark.slow
def test_a_page_frame_of_many_kinds_of_boilerplate_is_still_emptied(tmp_path):
    """Many kinds of furniture named (menus, comment forms, prompts, share bars, footers...)
    is a page around a missing article: emptying it stays right, with the warning."""
    kinds = ["nav", "comments", "cta", "share", "footer", "dateline"]
    _pack_of_kinds(tmp_path, kinds)
    menu = " ".join(a.title() for a in AGENCIES[:6])
    frame = "\n".join(f"{kind} {menu}" for kind in kinds * 3)
    assert len(frame.split()) >= 300
    result = clean_document(frame, rules_dirs=[tmp_path])
    assert result.text == ""
    assert any(w.startswith("every line was removed") for w in result.warnings)
    # the same page with the rules of only five kinds is kept whole
    _pack_of_kinds(tmp_path, kinds[:5])
    fewer = "\n".join(f"{kind} {menu}" for kind in kinds[:5] * 4)
    kept = clean_document(fewer, rules_dirs=[tmp_path])
    assert kept.text == fewer + "\n"
    assert any("emptied-document guard" in w for w in kept.warnings)


@pytest.mark.slow
def test_a_short_text_that_loses_every_line_is_emptied(tmp_path):
    """Under KEEP_EMPTIED_WORDS words an emptied text stays empty: short pages that lose
    every line are mostly menus."""
    _pack_of_kinds(tmp_path, ["nav"])
    menu = "\n".join(f"nav {a.title()}" for a in AGENCIES[:20])
    assert len(menu.split()) < 300
    assert clean_document(menu, rules_dirs=[tmp_path]).text == ""


def test_the_classifiers_quick_menu_bound_is_never_below_the_menu_share():
    """ClassifyRule skips its labels when menu_share_at_most is under min_menu_share: sound
    only if the bound holds on every text, here every corpus sample, as cleaned line by line."""
    from cleaner.engine.kinds.classify import ClassifyRule
    from cleaner.engine.context import Context
    from cleaner.engine.packs import get_packset
    from cleaner.text.segment import Document

    packset = get_packset()
    rule = next(r for r in packset.all_rules() if isinstance(r, ClassifyRule))
    checked = 0
    for path in text_samples():
        doc = Document.from_text(to_text(path.read_bytes()))
        ctx = Context(doc, lang="en", model=packset.model)
        lines = ctx.alive_lines()
        if not lines:
            continue
        units = rule.units(ctx, lines)
        labels = rule.initial_labels(ctx, lines, units)
        assert rule.menu_share_at_most(ctx, lines) >= rule.menu_share(ctx, lines, labels, units), path
        checked += 1
    assert checked >= 10


@pytest.mark.slow
def test_a_blocks_share_read_off_its_lines_is_the_blocks_own():
    """The foreign-block check reads a block's share of the document's stopwords off its lines'
    cached shares; it must be the share of the block's words, as counted whole."""
    from cleaner.text.language import tokens_of
    from cleaner.engine.packs import get_packset
    from cleaner.text.segment import Document
    from cleaner.text.stopwords import has_unspaced, stopword_density, stopword_hits

    model = get_packset().model
    compared = 0
    for path in text_samples():
        doc = Document.from_text(to_text(path.read_bytes()))
        for start, end in doc.blocks:
            lines = doc.lines[start:end]
            block = "\n".join(lines)
            if "İ" in block or len(block) > 6000:
                continue  # read whole, as before
            tokens = tokens_of(block)
            for stop in model.stopwords.values():
                counts = [stopword_density(line, stop) for line in lines]
                total = sum(n for n, _ in counts)
                assert total == len(tokens)
                if total:
                    own = sum(round(share * n) for n, share in counts)
                    # in scripts without spaces stopwords are found inside words, in the block
                    # as in its lines (no stopword spans a line break)
                    whole = stopword_hits(block, stop)[1] if has_unspaced(block) \
                        else sum(map(stop.__contains__, tokens))
                    assert own / total == whole / len(tokens)
                    compared += 1
    assert compared > 1000


def test_a_blocks_language_is_the_same_whether_the_document_vote_read_its_words_or_not():
    """The foreign-block check takes a block's lowered words from the document's vote when
    that read them first, and its lines' shares otherwise: the same answer either way."""
    from cleaner.engine.packs import get_packset
    from cleaner.memo import clear_all
    from cleaner.text.language import tokens_of

    model = get_packset().model
    blocks = ["Die Regierung hat am Montag beschlossen, dass die neuen Regeln ab dem ersten "
              "Januar für alle Unternehmen gelten sollen, die mehr als fünfzig Mitarbeiter haben.",
              "The council said on Monday that the new rules would apply to every company\n"
              "with more than fifty employees from the first of January.",
              "Home News Sport Business Culture Travel Weather Video Audio Newsletters Contact"]
    answers = []
    for read_first in (False, True):
        clear_all()
        model.forget()
        if read_first:
            for block in blocks:
                tokens_of(block)
        answers.append([model.foreign_language(block, "en") for block in blocks])
    assert answers[0] == answers[1] == ["de", None, None]


def test_the_quick_language_vote_agrees_with_the_full_sample_on_every_corpus_sample():
    from cleaner.text.language import DOC_SAMPLE_CHARS
    from cleaner.engine.packs import get_packset
    from cleaner.text.segment import Document

    model = get_packset().model
    model.forget()
    for path in text_samples():
        doc = Document.from_text(to_text(path.read_bytes()))
        blocks = ["\n".join(doc.lines[s:e]) for s, e in doc.blocks]
        ordered = sorted(blocks, key=len, reverse=True)
        full = model._judged(ordered, DOC_SAMPLE_CHARS, None)
        guess = model.document_language(blocks)
        assert (guess.lang, guess.method) == (full.lang, full.method), path
    assert any(quick for _sample, _declared, quick in model._documents)  # and it was taken


def test_text_with_nothing_to_remove_is_read_in_one_round(monkeypatch):
    """A text cleaning leaves as it is (an extractor's output) is its own output: a second
    round would read the same input again, so none is run."""
    from cleaner.engine import pipeline

    calls = []
    real = pipeline.apply_rules
    monkeypatch.setattr(pipeline, "apply_rules",
                        lambda ctx, rules: calls.append(1) or real(ctx, rules))
    story = ("Storm hits the coast\n\nThe storm reached the coast on Monday night, and officials "
             "said the damage was the worst in a decade.\n")
    assert clean(story) == story and len(calls) == 1
    calls.clear()
    assert clean(story + "\n\n") == story and len(calls) == 2  # blank lines folded: a round more


def test_an_alphabet_index_is_not_sent_to_langdetect(monkeypatch):
    from cleaner.text import language

    asked = []
    monkeypatch.setattr(language, "_langdetect", lambda sample: asked.append(sample) or (None, 0.0))
    language.LanguageModel._langdetect_block.cache_clear()
    story = ("The storm reached the coast on Monday night, and officials said that the damage was "
             "the worst in a decade. ") * 4
    index = " | ".join("A B C D E F G H I J K L M N O P Q R S T U V W X Y Z".split())
    result = clean_document(f"{story}\n\n{index}\n\n{story}\n")
    assert result.language == "en" and asked == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="aAßSsİiı \tÉé-", max_size=12), max_size=12),
       st.lists(st.text(alphabet="aßsiıé", max_size=3), min_size=1, max_size=2))
@pytest.mark.slow
def test_lines_holding_a_word_matches_a_casefold_test_per_line(lines, needles):
    from cleaner.engine.kinds.stages import _lines_holding

    chosen = list(range(0, len(lines), 2)) + list(range(1, len(lines), 2))
    chosen.sort()
    expected = [i for i in chosen if any(n in lines[i].casefold() for n in needles)]
    assert _lines_holding(lines, chosen, needles) == expected


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["", " ", "\t", "Menu", "A sentence here.", "x"]), max_size=20),
       st.lists(st.booleans(), max_size=20))
@pytest.mark.slow
def test_survivors_fold_blank_runs_between_kept_lines(lines, drops):
    """The survivors, read off the document's blocks, are what a walk over every line gives:
    kept lines in order, one blank line wherever blank lines came between two of them."""
    from cleaner.engine.context import Context
    from cleaner.engine.render import survivors
    from cleaner.text.segment import Document

    ctx = Context(Document.from_text("\n".join(lines)))
    for i, drop in enumerate(drops[:len(ctx.text)]):
        if drop and ctx.text[i].strip():
            ctx.removed[i] = object()
    ctx._alive = None
    expected, blank = [], False
    for i, line in enumerate(ctx.text):
        if ctx.removed[i] is not None:
            continue
        if not line.strip():
            blank = bool(expected)
            continue
        if blank:
            expected.append("")
            blank = False
        expected.append(line)
    assert survivors(ctx)[0] == expected


@pytest.mark.slow
def test_remembered_rule_answers_change_nothing():
    """A rule's answer on a line is remembered across documents (cleaner.engine.matching):
    cleaning the corpus samples with every answer remembered from a first pass gives what a
    cold start gives."""
    from cleaner.memo import clear_all

    docs = [(path.read_bytes(), sample_meta(path).get("url")) for path in text_samples()]
    clear_all()  # every remembered answer gone: the first pass is a cold start
    cold = [clean_document(doc, url=url).to_dict() for doc, url in docs]
    warm = [clean_document(doc, url=url).to_dict() for doc, url in docs]
    assert warm == cold and len(docs) >= 5


def test_soft_hyphens_do_not_make_a_word_read_as_another_language():
    """"Fa\\xadmi\\xadli\\xaden\\xadfreund\\xadli\\xadcher" is one German word with invisible
    break points; split at them, its fragments ("mi", "li", "en") read as Italian stopwords,
    and a German page's menu entry was once removed as a foreign-language run."""
    from cleaner.engine.packs import get_packset

    from cleaner.text.language import LanguageModel

    model = get_packset().model
    entry = "Fa\xadmi\xadli\xaden\xadfreund\xadli\xadcher Zoll"
    # what the fragments alone say, between German and Italian ("mi" and "li" are also
    # Romanian and Croatian stopwords, so the shipped packs' vote splits among them)
    german_or_italian = LanguageModel({lang: model.stopwords[lang] for lang in ("de", "it")})
    assert german_or_italian._block_language(entry, "de") == "it"
    assert german_or_italian.foreign_language(entry, "de") is None
    assert model.foreign_language(entry, "de") is None
    hyphenated = ("Die Bun\xaddes\xadre\xadgie\xadrung hat das Ge\xadsetz ver\xadkün\xaddet, und "
                  "es tritt am ers\xadten Ja\xadnu\xadar in Kraft.")
    assert model.foreign_language(hyphenated, "de") is None
    assert model.document_language([hyphenated] * 3).lang == "de"


@pytest.mark.slow
def test_a_later_round_of_the_repeated_line_rule_would_drop_nothing(monkeypatch):
    """Later rounds skip the repeated-line rule (its verdicts are settled after one round):
    running it again there changes no corpus sample's result."""
    from cleaner.engine.kinds.stages import RepeatRule

    docs = [(path.read_bytes(), sample_meta(path).get("url")) for path in text_samples()]
    skipped = [clean_document(doc, url=url).to_dict() for doc, url in docs]
    monkeypatch.setattr(RepeatRule, "settled_after_a_round", property(lambda self: False))
    again = [clean_document(doc, url=url).to_dict() for doc, url in docs]
    assert again == skipped


_ENGLISH = ("The cache keeps the answers of a function that is called again with the same "
            "arguments, so the second call returns at once instead of working it out again.")
_PYTHON = ["@lru_cache(maxsize=None)", "def fib(n):", "    if n < 2:", "        return n",
           "    return fib(n-1) + fib(n-2)"]
_FRENCH = ("Le cache garde les réponses d'une fonction qui est appelée avec les mêmes "
           "arguments, et le second appel rend la réponse tout de suite sans la calculer.")


def test_a_block_of_code_is_in_no_language():
    """Code kept as written (the reader's <pre>, unfenced code) is not judged foreign: the
    stopword vote and langdetect read a Python listing as French (a wcxb page's `fib`), and
    a French pack was loaded for it, at langdetect's dearest calls (it does not converge on
    code). A paragraph that is French still is."""
    from cleaner.engine.apply import read_lines
    from cleaner.engine.packs import get_packset

    lines = [_ENGLISH, "", _ENGLISH, "", *_PYTHON, "", _FRENCH, "", _ENGLISH]
    code = frozenset(range(4, 4 + len(_PYTHON)))
    reading = read_lines(lines, get_packset().model, verbatim=code)
    assert reading.lang == "en"
    assert reading.foreign == {3: "fr"}  # the French paragraph, not the code (block 2)


def test_a_page_with_code_loads_no_pack_for_the_codes_language():
    code = "\n".join(_PYTHON)
    html = (f"<html lang='en'><body><article><h1>Caching a function</h1><p>{_ENGLISH}</p>"
            f"<p>{_ENGLISH}</p><pre><code>{code}</code></pre><p>{_ENGLISH}</p></article>"
            "</body></html>")
    result = clean_document(html, html=True)
    assert code in result.text
    assert "fr" not in result.packs


def test_a_documents_language_is_its_proses_not_its_codes():
    """Two English paragraphs around a long Python listing: the stopword vote on the longest
    blocks (the listing's "if", "n", "none") read the page as French, and French rules would
    have run on it. The code is in no language; the prose says English."""
    from cleaner.engine.apply import read_lines
    from cleaner.engine.packs import get_packset

    code = _PYTHON * 40
    lines = [_ENGLISH, "", *code, "", _ENGLISH]
    model = get_packset().model
    assert read_lines(lines, model).lang != "en"  # what the listing's stopwords said before
    reading = read_lines(lines, model, verbatim=frozenset(range(2, 2 + len(code))))
    assert reading.lang == "en" and reading.foreign == {}


def test_a_foreign_vote_resting_on_one_repeated_word_is_not_sent_to_langdetect(monkeypatch):
    """A product list's "Men's" is Swedish "men" to the stopword vote, and a shell's "/var/"
    Spanish "var": a share made of one word repeated is no language's prose, and langdetect
    (15 ms a call) was asked about such blocks, answering noise. Prose in another language
    of the same script is still asked about, and still found."""
    from cleaner.engine.packs import get_packset
    from cleaner.text import language

    asked = []
    real = language._langdetect
    monkeypatch.setattr(language, "_langdetect", lambda sample: asked.append(sample) or real(sample))
    language.LanguageModel._langdetect_block.cache_clear()
    model = get_packset().model
    model.forget()
    jackets = "\n".join(["Men's Loke Jacket", "Men's Trail Vest", "Men's Loke Jacket",
                         "Men's Ridge Parka", "Men's Loke Jacket", "Men's Summit Shell"])
    assert model.foreign_language(jackets, "en") is None and asked == []
    monkeypatch.setattr(language, "_distinct_stopwords", lambda tokens, stopwords: 2)
    model.forget()
    assert model.foreign_language(jackets, "en") is None and len(asked) == 1  # it was asked before
    spanish = ("Desde el primer día el ajuste de plástico que cubre los nudos de la goma "
               "elástica se rompió, y el vendedor no quiso saber nada del asunto.")
    assert model.foreign_language(spanish, "en") == "es"
