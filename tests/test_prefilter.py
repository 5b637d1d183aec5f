"""The literal prefilter may skip a rule on a line only where the rule could not match there.

Every test here checks that promise from a different side: the reading of patterns, the fold
table against ``regex`` itself, every shipped rule's own examples, and whole documents cleaned
with and without the prefilter.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.engine import packs as packs_module
from cleaner.engine.packs import get_packset
from cleaner.engine.prefilter import (_FOLD_CLASSES, DIGIT, NO_ALNUM, Prefilter, fold, line_holds,
                                      line_prefixes, longest_whole_match, required_literals)
from cleaner.text import lower

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = [r for r in get_packset().all_rules() if r.literals is not None]


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"^ZZZ-PROMO\b.*$", 0, {"zzz-promo"}),
    (r"^(?:Related|More) (?:stories|articles)\b", re.I,
     {"related stories", "related articles", "more stories", "more articles"}),
    (r"\bcookies?\b", 0, {"cookie"}),  # the shorter string any match contains
    (r"[Cc]ookie policy", 0, {"cookie policy"}),
    (r"(photo|image)s?\s*[:/]\s*.{1,80}", re.I, {"photo", "image"}),
    (r"^(?=.{0,400}\bcookie)(?=.{0,400}\bwe use).*$", re.I, {"cookie"}),  # a lookahead's words
    (r"^©|all rights reserved", 0, {"©", "all rights reserved"}),  # a rare character will do
    (r"(?i:Sign up) now", 0, {"sign up now"}),
    (r"^\d{1,2}:\d{2}$", 0, {DIGIT}),
    (r"\p{Lu}\p{Ll}+ cookies", re.I, {" cookies"}),  # a property class is one unknown character
    (r"C:\\path\\p{x}", 0, {"c:\\path\\p{x}"}),  # an escaped backslash, then a plain "p{x}"  # no literal, but a digit: most lines have none
    (r"^(published|updated)\s*:?\s*$|^[0-9]+ hours ago$", re.I,
     {"published", "updated", " hours ago"}),
    (r"(?:cookie)?\s*settings?|^\d+$", re.I, {"setting", DIGIT}),
])
def test_required_literals_reads_what_every_match_contains(pattern, flags, expected):
    assert required_literals(pattern, flags) == expected


@pytest.mark.parametrize("pattern", [
    r"^\W+$",  # no literal at all
    r"^[X×]$",  # one common character: in too many lines to pay its way
    r"^(?:a|\d+)$",  # an alternative without a literal leaves the whole pattern unbounded
    r"(?:cookie)?\s*settings?|^\W+$",
    r"[[:alpha:]]+ cookie",  # POSIX class: regex syntax the re parser would misread
    r"(?V1)[[a-z]--[aeiou]] cookie",
    r"(?f)strasse",  # full case folding matches "straße": not a plain lowercase comparison
    r"\L<words> cookie",
    r"(unbalanced",
])
def test_required_literals_gives_up_where_it_cannot_be_sure(pattern):
    assert required_literals(pattern, re.I) is None


@pytest.mark.slow
def test_fold_merges_what_regex_matches_case_insensitively():
    """The fold table is regex's own: every character regex pairs with another under
    IGNORECASE folds to the same thing (recomputed here over every cased character)."""
    cased = set()
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        c = chr(code)
        for variant in (c.lower(), c.upper(), c.casefold(), c.title()):
            if variant != c:
                cased.add(c)
                if len(variant) == 1:
                    cased.add(variant)
    alphabet = "".join(sorted(cased))
    wrong = [(c, x) for c in alphabet
             for x in regex.findall(regex.escape(c), alphabet, flags=regex.IGNORECASE)
             if fold(x) != fold(c)]
    assert not wrong, f"extend _FOLD_CLASSES: {wrong[:10]}"
    assert all(len(fold(cls)) == len(cls) for cls in _FOLD_CLASSES)


def test_fold_keeps_line_breaks_and_maps_turkish_dotted_i():
    assert fold("İSTANBUL\nſtraße") == "istanbul\nstraße".replace("ß", "ß")
    assert fold("A\nB\n").count("\n") == 2


@pytest.mark.parametrize("rule", SHIPPED, ids=lambda r: r.id)
def test_every_example_a_shipped_rule_matches_holds_one_of_its_literals(rule):
    examples = rule.examples or {}
    lines = [line for key in ("drop", "keep") for text in examples.get(key, [])
             if isinstance(text, str) for line in text.split("\n")]
    for line in lines:
        text = line.strip()
        if rule.KEY == "density":
            if rule.hits(None, line) == 0:
                continue
        elif getattr(rule, "pattern", None) is None or not rule.pattern.search(
                lower(text) if rule.lowered else text):
            continue
        assert line_holds(rule.literals, line), (
            f"{rule.id} ({rule.pack_path}) matches {line!r} but none of its literals "
            f"{sorted(rule.literals)[:8]} is in it")


_CASE_CHANGES = st.sampled_from([str.upper, str.lower, str.title, str.swapcase, lambda s: s])


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_a_match_in_any_case_still_holds_a_literal(data):
    """Changing the case of an example line (or of its Turkish and long-s letters) never
    hides a match from the prefilter."""
    rule = data.draw(st.sampled_from([r for r in SHIPPED if r.KEY != "density"]))
    examples = [t for t in (rule.examples or {}).get("drop", []) if isinstance(t, str)]
    if not examples:
        return
    line = data.draw(st.sampled_from(examples)).split("\n")[0]
    line = data.draw(_CASE_CHANGES)(line)
    line = line.replace(data.draw(st.sampled_from(["i", "s", "x"])),
                        data.draw(st.sampled_from(["İ", "ı", "ſ", "x"])))
    text = line.strip()
    if rule.pattern.search(lower(text) if rule.lowered else text):
        assert line_holds(rule.literals, line), (rule.id, line)


@pytest.mark.parametrize("pattern, longest", [
    (r"^[X×✕]$", 1),
    (r"^(?:Share|Tweet)$|^Email$", 5),
    (r"^Advertisement\s*$", None),  # \s* has no bound
    (r"^Advertisement", None),  # not anchored at the end
    (r"^(a|b$)", None),  # one path is not
])
def test_longest_whole_match(pattern, longest):
    assert longest_whole_match(pattern, re.I) == longest


def test_index_maps_literals_to_lines():
    class Stub:
        def __init__(self, rid, literals):
            self.id, self.literals = rid, frozenset(literals)

    cookie, share, stamp = Stub("c", ["cookie"]), Stub("s", ["share", "tweet"]), Stub("d", [DIGIT])
    prefilter = Prefilter([cookie, share, stamp])
    where = prefilter.index(["We use COOKIES.", "", "Share 2", "İ tweet and share", "١٢:٣٠", "x"])
    lines_of = {rid: sorted({i for n in prefilter.literal_ids(r) for i in where.get(n, [])})
                for rid, r in (("c", cookie), ("s", share), ("d", stamp))}
    assert lines_of == {"c": [0], "s": [2, 3], "d": [2, 4]}  # Arabic-Indic digits are digits


def _corpus_inputs():
    for path in sorted((ROOT / "corpus_samples").rglob("*")):
        if path.is_file() and not path.name.endswith((".expected.txt", ".yaml", ".json", ".md")):
            yield path


@pytest.mark.slow
def test_cleaning_is_the_same_with_and_without_the_prefilter(monkeypatch):
    documents = [p.read_bytes() for p in _corpus_inputs()]
    assert len(documents) >= 20
    with_it = [cleaner.clean_document(d) for d in documents]
    monkeypatch.setattr(packs_module.PackSet, "prefilter", lambda self, rules: None)
    without = [cleaner.clean_document(d) for d in documents]
    for path, a, b in zip(_corpus_inputs(), with_it, without):
        assert a.text == b.text, path
        assert a.removals == b.removals, path


_EXAMPLE_LINES = sorted({line for r in get_packset().all_rules() if r.KEY != "selector"
                         for key in ("drop", "keep") for text in (r.examples or {}).get(key, [])
                         if isinstance(text, str) for line in text.split("\n")})


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(st.tuples(st.sampled_from(_EXAMPLE_LINES), _CASE_CHANGES,
                                st.sampled_from(["", "\n", " | ", " 2024 "])),
                      min_size=1, max_size=25))
@pytest.mark.slow
def test_documents_of_rule_examples_clean_the_same_without_the_prefilter(lines):
    """Documents stitched from every pack's example lines, in any case, with stray digits
    and separators: the prefilter changes nothing."""
    text = "\n".join(change(line) + extra for line, change, extra in lines)
    with_it = cleaner.clean_document(text, html=False)
    original = packs_module.PackSet.prefilter
    packs_module.PackSet.prefilter = lambda self, rules: None
    try:
        without = cleaner.clean_document(text, html=False)
    finally:
        packs_module.PackSet.prefilter = original
    assert with_it.text == without.text
    assert with_it.removals == without.removals


def test_a_line_too_long_for_any_pattern_is_not_scanned_but_left_to_every_rule():
    class Stub:
        def __init__(self, rid, literals):
            self.id, self.literals = rid, frozenset(literals)

    cookie = Stub("c", ["cookie"])
    prefilter = Prefilter([cookie])
    huge = "cookie " * 5000  # 35,000 characters
    where = prefilter.index(["We use cookies.", huge, "nothing"])
    from cleaner.engine.prefilter import EVERY_RULE
    assert where[EVERY_RULE] == [1]
    assert [i for n in prefilter.literal_ids(cookie) for i in where.get(n, [])] == [0]


@pytest.mark.parametrize("pattern, expected", [
    (r"^[^\p{L}\p{N}]+$", {NO_ALNUM}),
    (r"^[^\w]*$", {NO_ALNUM}),
    (r"^[^\p{L}\p{N}\p{Zs}]+$", {NO_ALNUM}),  # excluding more still excludes letters and digits
    (r"^[^\p{L}]+$", None),  # digits may match
    (r"^[^\p{Lu}]+$", None),  # lower-case letters may match
    (r"^x[^\p{L}\p{N}]+$", None),
    # a lookahead that rules lines out (a code fence, a table's rule row) changes nothing
    (r"^(?![`~]{3,}\s*$|\|?(\s*:?-{3,}:?\s*\|)+\s*$)[^\p{L}\p{N}]+$", {NO_ALNUM}),
    (r"^(?![)(])(?!\))[^\w]+$", {NO_ALNUM}),  # parentheses in a class or escaped are no group
    (r"^(?!x)[^\p{L}]+$", None),
    (r"^(?=x)[^\p{L}\p{N}]+$", None),  # a positive lookahead is not read (it says what matches)
    (r"^(?!a(b)[^\w]+$", None),  # unclosed: not read
])
def test_a_line_of_one_class_without_letters_or_digits_needs_such_a_line(pattern, expected):
    assert required_literals(pattern) == (None if expected is None else frozenset(expected))


@pytest.mark.parametrize("pattern, expected", [
    (r"^\s*(<(/?[a-z][a-z0-9-]*)(\s+[a-z_:][-a-z0-9_:.]*(=(\"[^\"]*\"|[^\s\"=<>]+))?)+\s*/?>\s*"
     r"|</[a-z][a-z0-9-]*>\s*)+$", {"<"}),  # markup printed as text
    (r"^[^.>/]{1,30}(\s[>/]\s[^.>/]{1,40}){2,}$", {">", "/"}),  # a breadcrumb trail
    (r"^[^:]{1,30}\s:\s\w+$", None),  # ":" is in too many lines to pay its way
])
def test_a_rare_character_is_a_literal_a_common_one_is_not(pattern, expected):
    assert required_literals(pattern) == (None if expected is None else frozenset(expected))


@pytest.mark.slow
def test_no_alphanumeric_character_escapes_letters_and_digits():
    """The scan finds lines without re's [^\\W_] (str.isalnum); a pattern made of
    [^\\p{L}\\p{N}] cannot match a line holding any character outside that scan's reach."""
    import sys

    alnum, letter_or_digit = re.compile(r"[^\W_]"), regex.compile(r"[\p{L}\p{N}]")
    escaped = [hex(c) for c in range(sys.maxunicode + 1)
               if alnum.match(chr(c)) and not letter_or_digit.match(chr(c))]
    assert escaped == []


def test_index_finds_each_line_without_a_letter_or_digit():
    class Stub:
        def __init__(self, rid, literals):
            self.id, self.literals = rid, frozenset(literals)

    rule = Stub("p", [NO_ALNUM])
    prefilter = Prefilter([rule])
    lines = ["--", "***", "ab", "", "• • •", "x_", "__", "١", "»", "  ", " - "]
    where = prefilter.index(lines)
    found = sorted({i for n in prefilter.literal_ids(rule) for i in where.get(n, [])})
    # consecutive lines each on their own; "١" is a digit; blank lines are nobody's candidates
    assert found == [0, 1, 4, 6, 8, 10]
    assert all(line_holds(rule.literals, lines[i]) == (i in found) for i in range(len(lines)))
    assert prefilter.index([]) == {}


@pytest.mark.parametrize("pattern, expected", [
    (r"^(advertisement|ad|sponsored( content)?)\s*:?$", {"advertisement", "ad", "sponsored",
                                                          "sponsored content"}),
    (r"^(?:the )?Advertisement", {"advertisement", "the advertisement"}),
    (r"(?i)^Read more", {"read more"}),
    (r"^Share|^Tweet this", {"share", "tweet this"}),
    (r"^\s*date\s+\d", None),  # spaces first: no exact start
    (r"^a|^bc", None),  # one start too short to be worth a search
    (r"^ab|cd", None),  # one path is not anchored
    (r"(?m)^ab", None),
    (r"ab", None),
])
def test_line_prefixes(pattern, expected):
    assert line_prefixes(pattern, re.I) == (None if expected is None else frozenset(expected))


def _starts_with_one(prefixes, line: str) -> bool:
    return fold(line).lstrip().startswith(tuple(prefixes))


@pytest.mark.parametrize("rule", [r for r in get_packset().all_rules() if r.prefixes is not None],
                         ids=lambda r: r.id)
def test_every_example_a_shipped_rule_matches_begins_with_one_of_its_prefixes(rule):
    lines = [line for key in ("drop", "keep") for text in (rule.examples or {}).get(key, [])
             if isinstance(text, str) for line in text.split("\n")]
    for line in lines:
        for case in (lambda s: s, str.upper, str.title):
            text = case(line)
            searched = text if rule.KEY == "trim" else text.strip()
            if rule.pattern.search(lower(searched) if rule.lowered else searched):
                assert _starts_with_one(rule.prefixes, text), (rule.id, text, sorted(rule.prefixes))


def test_index_counts_a_prefix_only_at_the_start_of_a_line():
    class Stub:
        def __init__(self, rid, literals=None, prefixes=None):
            self.id, self.literals, self.prefixes = rid, literals, prefixes

    label = Stub("label", prefixes=frozenset({"ad", "advertisement"}))
    word = Stub("word", literals=frozenset({"ad"}))
    prefilter = Prefilter([label, word])
    lines = ["Read the ad", "  Advertisement", "ad", "bad", "x ad"]
    where = prefilter.index(lines)

    def lines_of(rule):
        return sorted({i for n in prefilter.literal_ids(rule) for i in where.get(n, [])})

    assert lines_of(label) == [1, 2]
    assert lines_of(word) == [0, 1, 2, 3, 4]  # "ad" anywhere, "advertisement" included


@pytest.mark.parametrize("step", [2, 3, 5])
def test_an_index_carried_to_the_surviving_lines_is_the_index_of_those_lines(step):
    from cleaner.engine.context import carried_index

    text = "\n".join(p.read_text(encoding="utf-8")
                     for p in sorted(Path(cleaner.__file__).parent.parent.glob("corpus_samples/seeds/*.txt"))
                     if not p.name.endswith(".expected.txt"))
    lines = text.split("\n")
    prefilter = Prefilter(list(get_packset().all_rules()))
    # the survivors as the pipeline renders them: every step-th line gone, blank runs folded
    origin, kept = [], []
    for i, line in enumerate(lines):
        if i % step == 0:
            continue
        if not line.strip():
            if kept and kept[-1] != "":
                origin.append(None)
                kept.append("")
            continue
        origin.append(i)
        kept.append(line)

    def as_sets(index):
        return {number: set(found) for number, found in index.items() if found}

    assert as_sets(carried_index(prefilter.index(lines), origin)) == as_sets(prefilter.index(kept))
