"""One document, start to finish: decode, segment, detect language, pick packs, apply, render.

Each step lives in its own module; this one only wires them in order and applies the
over-removal guard at the end.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Iterable, NamedTuple, Optional


from .apply import Reading, apply_rules, read_lines
from ..categories import CATEGORIES, CHROME
from . import emptied
from .context import Context
from ..text.decode import decode_bytes, decoded_lines
from ..errors import InputError
from ..inputs import check_types
from .patterns import DEFAULT_TIMEOUT
from .packs import PackSet, get_packset, host_of, lines_window
from .render import removals, render_text, survivors
from ..result import CleanResult, PackReason
from ..text.leadin import ends_with_colon
from ..text.navlabels import chrome_field, names_site
from ..text.prose import PROSE_WORDS, is_prose, last_mark, opens_sentence
from ..text.segment import code_after_lead_in, numbered_listing, unfenced_code
from ..text.shape import written_field_label
from ..text.stopwords import stopword_hits
from ..text import words

# The over-removal guard: a document with at least GUARD_PROSE_WORDS words of prose (lines
# of 10+ words that end a sentence) is never cut to less than GUARD_KEEP_SHARE of them.
GUARD_PROSE_WORDS = 150
GUARD_KEEP_SHARE = 0.15

MAX_ROUNDS = 6  # passes over the surviving lines until nothing more is removed
# Text the HTML reader wrote needs one pass: its blocks are the page's own, and the classifier,
# whose judgements shift as neighbours go, does not run on it. A second round left every html
# figure of the dev bench unchanged (all four sets, to three decimals) at ~40% more time.
HTML_ROUNDS = 1


def looks_like_html(text: str) -> bool:
    """True for a document that is markup: it starts with a tag (or a doctype, comment or XML
    declaration) and either has a document's structure (a doctype, ``<html>``, ``<head>`` or
    ``<body>``) or is dense with tags, in its first DETECT_CHARS characters.

    One tag is never enough: a news text that mentions ``<div>`` lost three paragraphs of
    four to the HTML reader, and text that kept a tag name near its start was read as HTML
    when cleaned again. Losing text is worse than showing markup, so doubt goes to text
    (``html=True`` forces HTML). On the dev bench: none of the 8,367 texts (page dumps,
    extractors' outputs) reads as markup (the few that start with a tag are documentation
    that names tags in sentences); 2,784 of the 2,789 pages do, and the other 5 are fragments
    of 2007 pages, without a document's structure and with few tags."""
    start = _LEADING_SPACE.match(text).end()
    head = text[start:start + DETECT_CHARS]
    if not _MARKUP_START.match(head):
        return False
    if _STRUCTURE.search(head):
        return True
    tags = _TAG.findall(head)
    markup = sum(map(len, tags))
    if len(tags) >= MIN_TAGS and markup >= MIN_MARKUP_SHARE * len(head):
        return True
    # A fragment that opens with its scripts: the code between <script> and </script> is
    # markup too, and a text does not hold a whole script element in its first lines
    # (cleaneval final-714 and final-799 printed their JavaScript as text).
    code = sum(len(m[0]) for m in _CODE_ELEMENT.finditer(head))
    return code > 0 and markup + code >= MIN_MARKUP_SHARE * len(head)


DETECT_CHARS = 2048
# Without a document's structure, a page fragment still reads as markup: on the dev bench,
# fragments of old pages (paragraphs, tables, fonts) hold 13 tags or more, a quarter of their
# first characters or more inside tags; documentation that names tags, a fifth or less.
MIN_TAGS = 8
MIN_MARKUP_SHARE = 0.25
_LEADING_SPACE = re.compile(r"[\s\ufeff]*")
_MARKUP_START = re.compile(r"<(?:!doctype|!--|\?xml|/?[a-z][^\s/<>]*(?=[\s/>]))", re.I)
_STRUCTURE = re.compile(r"<!doctype\s+html|<(?:html|head|body)(?=[\s/>])", re.I)
_TAG = re.compile(r"</?[a-z][a-z0-9-]*(?:\s[^<>]*)?/?>", re.I)
# a whole script or style element, its tags included: counted only where it is closed
_CODE_ELEMENT = re.compile(r"<(script|style)(?=[\s>])[^<>]*>.*?</\1\s*>", re.I | re.S)


def clean_text(text: str, **options) -> CleanResult:
    """Clean already-decoded plain text (see :func:`clean_lines` for the options)."""
    return clean_lines(text.split("\n"), **options)


# The removals an item list's lines get back (rule kind, category). A listing's cards are
# other pages' teasers under headings like "Latest news" and "More stories": on a page whose
# content is that list, the cards a related-section rule cut after such a heading are the
# content. And a value that several cards show (a brand, 'Full-Time', a country, a price band)
# is each card's own data, not a menu printed twice: the repeat rule's later copies go back too.
REPEATED_LINES = ("repeat", "nav")  # the repeat rule's later copies of a short line
ITEM_LINES_RESTORED = frozenset({("section", "related"), REPEATED_LINES})
# The kinds that judge a line by where it sits (above the headline, in a block of furniture),
# not by what it says: the page's headline as the HTML reader showed it is given back to them.
# A short or <br>-broken h1 ("Lights", "Bike lights / and reflectors") reads as a label or
# a cluster's stray line; the reader knows it is the headline.
HEADLINE_TAKERS = frozenset({"head", "cluster"})
# The kinds of rule that judge a line by its shape (the classifier, repeated short lines, a
# cluster's stray line, a line rule's one line: "punctuation-only" takes a listing's ")"): a
# listing found by one line's evidence (a lead-in and one statement, a gutter's numbers) is
# given back from them. A rule that read the lines around it (a section rule's "More from this
# site:" over a leaked script, a comment thread's stamps) recognised chrome: its removal stands.
LISTING_TAKERS = frozenset({"classify", "repeat", "cluster", "line"})


def clean_lines(lines: list[str], *, url: Optional[str] = None, lang: Optional[str] = None,
                packset: Optional[PackSet] = None, declared_lang: Optional[str] = None,
                from_page: bool = False, keep: frozenset[str] = frozenset(),
                verbatim: frozenset[int] = frozenset(),
                items: frozenset[int] = frozenset(),
                rows: frozenset[int] = frozenset(),
                headline: frozenset[int] = frozenset(),
                own_repeats: bool = False) -> CleanResult:
    """Clean already-decoded plain text, given as its lines (the list is the document's
    from now on). ``declared_lang`` is the language a page declares (``<html lang>``), a hint
    that settles a doubtful stopword vote when the vote leans its way. ``from_page``: the
    text is what the HTML reader took from a page, which is chrome enough (the no-chrome
    guard is off); the reader chose it from the markup, which knows more than the line
    classifier, so ``classify`` does not run and one round is enough (``HTML_ROUNDS``).
    ``keep``: categories whose rules do not run (``{"caption", "comments"}``).
    ``verbatim``: line numbers (0-based) no rule may remove (code the HTML reader took from a
    ``<pre>``); a removal that took one gives it back. Code written out without fences
    (:func:`~cleaner.text.segment.unfenced_code`) is added to them. On a text that is no
    page's (not ``from_page``: a page's code came as its ``<pre>``), so are a listing printed
    on one line under its lead-in (:func:`~cleaner.text.segment.code_after_lead_in`) and one
    printed with its line numbers (:func:`~cleaner.text.segment.numbered_listing`); they are
    given back only from the kinds in ``LISTING_TAKERS``. All are given back after the
    emptied-document guard has judged whether the rules would empty the text.
    ``items``: line numbers of a page's list of items (the HTML reader's cards): a section
    rule of category ``related`` and the repeat rule's later copies that took them give them
    back (ITEM_LINES_RESTORED).
    ``rows``: line numbers of a table's rows of unlinked cells (the HTML reader's merged
    ``<tr>``): a menu's entries are links, so a nav rule that took one gives it back.
    ``headline``: the lines of the page's headline (the HTML reader's h1): the rule for labels
    above the headline reads the first as the headline, and rules of the kinds in
    ``HEADLINE_TAKERS`` that took one give it back.
    ``own_repeats``: the page's repeated lines are its own (a manual's: see
    ``PageType.repeats_are_content``): the repeat rule's later copies are given back.

    Rules judge lines by their neighbours, and removing lines changes the neighbours (and
    can even change which language or site the rest reads as), so a full run repeats on what
    survived, detecting the language and choosing packs afresh, until nothing more goes (at
    most ``MAX_ROUNDS``): that makes cleaning idempotent, ``clean(clean(x)) == clean(x)``.
    (:func:`cleaner.engine.apply.run_rules` runs given rules once, for a rule's examples.)
    """
    packset = packset or get_packset()
    how = _How(url, lang, declared_lang, from_page, keep, ("classify",) if from_page else ())
    # A documentation page's code is its content. Fenced blocks only inform the classifier
    # (classify.py): a page dump's pair of "~~~~" separators would fence a comment thread.
    verbatim = verbatim | unfenced_code(lines)
    # a listing printed on one line under its lead-in, one printed with its line numbers (the
    # HTML reader knows a page's code from its <pre>, which it hands over as verbatim): one
    # line's evidence, given back only from the rules that judge a line by its shape
    listings = frozenset() if from_page else \
        (code_after_lead_in(lines) | numbered_listing(lines)) - verbatim
    verbatim = verbatim | listings
    slow_signatures: set = set()  # (pack, path, k): reported once, not searched again
    first = _read_round(lines, packset, how, slow_signatures, verbatim)
    doc, doc_lang, method = first.reading.doc, first.reading.lang, first.reading.method
    reasons = _reasons(packset, first.names, doc_lang, url, first.fallback)
    ctx = Context(doc, lang=doc_lang, model=packset.model, foreign=first.reading.foreign,
                  prefilter=packset.prefilter(first.rules))
    ctx.page_headline = min(headline) if headline else None  # where labels above it end
    ctx.record_labels = from_page and "comments" not in keep  # a thread keeps its comments
    apply_rules(ctx, first.rules)
    doc_lang, method = _later_rounds(ctx, first, reasons, packset, how, slow_signatures,
                                     HTML_ROUNDS if from_page else MAX_ROUNDS, verbatim)
    pack_names = list(reasons)
    ctx.forget_index()  # what the rules searched with: not needed from here on
    if not from_page and verbatim and _would_empty(ctx):
        # Judged before the code is given back: a text the rules would empty is the
        # emptied-document guard's, and one line of code given back (one "x = f(y)" under a
        # lead-in) would hide that it is emptied, and keep that line of a long text alone.
        _emptied(ctx)
    _give_back(ctx, verbatim - listings, lambda m: True)
    _give_back(ctx, listings, lambda m: m.kind in LISTING_TAKERS and not m.thread)
    _give_back(ctx, items, lambda m: (m.kind, m.category) in ITEM_LINES_RESTORED)
    _give_back(ctx, rows, lambda m: m.category == "nav")
    _give_back(ctx, headline, lambda m: m.kind in HEADLINE_TAKERS)
    if own_repeats:
        _give_back(ctx, None, lambda m: (m.kind, m.category) == REPEATED_LINES)
    if not from_page:
        _guard_no_chrome(ctx)
        _guard_thin_chrome(ctx)
    _guard_over_removal(ctx)
    ctx.warnings.extend(
        f"signature {k + 1} of pack {name!r} ({path}) timed out after {DEFAULT_TIMEOUT}s and "
        "was treated as not matching" for name, path, k in sorted(slow_signatures))
    text_out = render_text(ctx)
    if not text_out:
        _emptied(ctx)  # kept whole, or a warning
        text_out = render_text(ctx)
    return CleanResult(
        text=text_out,
        language=doc_lang,
        language_method=method[0],
        language_reason=_reason(doc_lang, method, declared_lang, from_page),
        packs=pack_names,
        pack_reasons=reasons,
        removals=removals(ctx),
        warnings=ctx.warnings,
        input_lines=len(doc.lines),
    )


class _How(NamedTuple):
    """What the caller said about a document, which every round reads the same way."""

    url: Optional[str]
    lang: Optional[str]
    declared_lang: Optional[str]
    from_page: bool
    keep: frozenset[str]
    skip_kinds: tuple[str, ...]  # kinds that do not run on this text


class _Round(NamedTuple):
    """A round's reading of its lines and the packs and rules chosen for it."""

    reading: Reading
    names: list[str]
    rules: tuple
    fallback: tuple[str, ...]


def _read_round(lines: list[str], packset: PackSet, how: _How, slow_signatures: set,
                verbatim: frozenset[int] = frozenset()) -> _Round:
    """Read ``lines`` (blocks, language, foreign blocks) and choose the packs for them
    (``verbatim``: the numbers of those of ``lines`` that are code, in no language)."""
    # the text's ends are read for site signatures, which a page with a url does not need
    window = "" if how.url else lines_window(lines)
    reading = read_lines(lines, packset.model, how.lang, how.declared_lang, verbatim)
    fallback = _fallback(reading.lang, reading.method, how.declared_lang, how.from_page)
    names, rules = _choose(packset, reading.lang, reading.foreign, how.url, window,
                           how.skip_kinds, how.keep, slow_signatures, fallback)
    return _Round(reading, names, rules, fallback)


def _later_rounds(ctx: Context, first: _Round, reasons: dict[str, PackReason], packset: PackSet,
                  how: _How, slow_signatures: set, rounds: int,
                  verbatim: frozenset[int] = frozenset()) -> tuple[Optional[str], tuple[str, str]]:
    """The rounds after the first, on what survived, until nothing more goes (see
    :func:`clean_lines`); their removals are merged into ``ctx``, and the packs a round
    newly chose are added to ``reasons``. Returns the language and its method. (A function
    of its own: each round's copy of the surviving lines and its context go when it
    returns, before the text is rendered.)"""
    doc = ctx.doc
    doc_lang, method, rules = first.reading.lang, first.reading.method, first.rules
    for number in range(2, rounds + 1):
        lines, origin = survivors(ctx)
        if lines == doc.lines[:-1] and doc.lines[-1] == "":
            # Nothing was removed, trimmed or folded: the output is the input, and cleaning
            # it again would be this round again. (Extracted text is often like this.)
            break
        if not any(line.strip() for line in lines):
            break  # nothing left to judge (and the language of nothing is no news)
        code = frozenset(k for k, i in enumerate(origin) if i in verbatim) if verbatim \
            else frozenset()  # the code's lines, counted among the survivors
        again = _read_round(lines, packset, how, slow_signatures, code)
        new_lang, new_rules = again.reading.lang, again.rules
        if new_lang == doc_lang and (new_rules is rules
                                     or [r.id for r in new_rules] == [r.id for r in rules]):
            # A line that survived a line or trim rule (or the repeated-line rule) keeps
            # surviving it: only rules that judge lines by their neighbours can decide
            # differently now.
            run = [r for r in new_rules if not r.settled_after_a_round]
        else:
            run = new_rules  # another language or site now: all of its rules apply
        doc_lang, method, rules = new_lang, again.reading.method, new_rules
        for name, reason in _reasons(packset, again.names, new_lang, how.url,
                                     again.fallback).items():
            reasons.setdefault(name, PackReason(reason.code, f"{reason} (from round {number})"))
        round_ctx = Context(again.reading.doc, lang=new_lang, model=packset.model,
                            foreign=again.reading.foreign, prefilter=packset.prefilter(new_rules),
                            source=doc.lines, origin=origin)
        round_ctx.inherit_index(ctx)
        apply_rules(round_ctx, run)
        if not ctx.merge_round(round_ctx, origin):
            break
    return doc_lang, method


def _reason(doc_lang: Optional[str], method: tuple[str, str], declared: Optional[str],
            from_page: bool) -> str:
    """The result's language_reason: the detector's, and for a short text which rules ran."""
    reason = method[1]
    if doc_lang is None and reason.startswith("too short"):
        extra = _fallback(doc_lang, method, declared, from_page)
        if not extra:
            return reason + "; the page's own text: generic rules applied"
        named = ", ".join(["English"] + [f"the declared language's ({x})" for x in extra[1:]])
        return f"{reason}; {named} and generic rules applied"
    return reason


# A text too short to tell its language (under 20 words, in a script that names none) still
# gets the rules of English, the web's lingua franca for page furniture, and of the language
# the page declares: a lone "Advertisement" goes. Their patterns are anchored phrases, which
# a short text in another language does not hold.
SHORT_TEXT_LANGUAGES = ("en",)


def _fallback(doc_lang: Optional[str], method: tuple[str, str],
              declared: Optional[str], from_page: bool = False) -> tuple[str, ...]:
    """The languages whose packs apply to a text whose own language is unknown for being
    short (empty otherwise). Not for what the HTML reader took from a page: it chose that as
    the page's content from the markup, and under 20 words of it are the page's own (a news
    front page's section headings, "Most read", "More to explore", which the English pack's
    sections took: on the dev bench's wcxb pages, the one page this touched lost them all)."""
    if from_page or doc_lang or method[0] != "none" or not method[1].startswith("too short"):
        return ()
    extra = (declared.lower().split("-")[0],) if declared else ()
    return tuple(dict.fromkeys(SHORT_TEXT_LANGUAGES + extra))


def _choose(packset: PackSet, doc_lang: Optional[str], foreign: dict[int, str],
            url: Optional[str], text: str, skip_kinds: tuple[str, ...],
            keep: frozenset[str] = frozenset(), slow_signatures: Optional[set] = None,
            fallback: tuple[str, ...] = ()):
    """(pack names, rules in phase order) for a document in ``doc_lang``, without the rules of
    the kinds in ``skip_kinds`` and of the categories in ``keep``; site signatures that time
    out are added to ``slow_signatures``. ``fallback``: the languages whose packs apply when
    ``doc_lang`` is unknown (see :func:`_fallback`)."""
    chosen = packset.selection({doc_lang, *foreign.values(), *fallback}, url, text,
                               slow_signatures)
    own_langs = {doc_lang, *fallback}

    def in_force() -> tuple[list[str], tuple]:
        own = {p.name for p in chosen.packs
               if p.kind != "language" or own_langs & set(p.languages)}
        # A pack chosen for a foreign block brings its vocabulary (consent banners in that
        # language), not its line rules, which would run over the whole document.
        rules = [r for r in chosen.rules if r.ON_TEXT and r.KEY not in skip_kinds
                 and r.category not in keep and (r.pack_name in own or r.KEY == "density")]
        return [p.name for p in chosen.packs], tuple(rules)  # shared: never to be changed

    names, rules = chosen.derive(("in force", doc_lang, fallback, skip_kinds, keep), in_force)
    return list(names), rules


def _reasons(packset: PackSet, names: list[str], doc_lang: Optional[str],
             url: Optional[str], fallback: tuple[str, ...] = ()) -> dict[str, PackReason]:
    """Why each pack of a round was chosen, by name, in the round's order."""
    found = {}
    for name in names:
        pack = packset.by_name[name]
        if pack.kind == "generic":
            found[name] = PackReason("always", "always (no match: applies to every document)")
        elif pack.kind == "language":
            found[name] = (PackReason("language", f"the document's language, {doc_lang}")
                           if doc_lang in pack.languages
                           else PackReason("short-text", "a text too short to tell its language: "
                                           "English and a declared language apply")
                           if set(fallback) & set(pack.languages)
                           else PackReason("block", f"a block in {', '.join(pack.languages)} "
                                           "(its vocabulary only)"))
        elif url:
            found[name] = PackReason("domain", f"domain: the url's host {host_of(url)} is one of "
                                     "its domains")
        else:
            found[name] = PackReason("signature", "signature: the text matched one of its site "
                                     "signatures")
    return found


EMPTIED_WARN_WORDS = 50  # an input this long that loses every line is worth a warning


def _emptied(ctx: Context) -> None:
    """A document that lost every line: kept whole (the emptied-document guard) or, at some
    length, reported: a page of pure boilerplate is possible (a menu, a list of links), but a
    corpus builder will want to look at it.

    The guard (:mod:`cleaner.engine.emptied`) keeps a text of KEEP_EMPTIED_WORDS words or more
    whose removals name at most KEEP_EMPTIED_KINDS categories. A page frame around a missing article shows many kinds of
    furniture, and the rules name them: navigation, comment forms, subscription prompts, share
    bars, datelines, footers. A text that only the statistical rules emptied (the line
    classifier, repeated short lines), with perhaps a stray footer or label, is more often
    content that is not prose at all (a table of contents, listings, a bibliography, a table),
    which a classifier made for prose cannot judge. The over-removal guard does not see it (it
    has no sentences), and emptying it is the worst outcome. Measured on the dev bench (all
    sets, both extractors' outputs and the page dumps), keeping such texts whole raised sh4 F1
    on cleaneval by 0.002 to 0.004 and left the other sets within 0.0002; with more kinds
    allowed, pages around a missing article came back (trafilatura set: without-absent fell),
    and under 300 words the short pages that came back were mostly menus (dragnet fell).
    Keeping the input as it is keeps cleaning idempotent."""
    total = emptied.total_words(ctx)
    if total < EMPTIED_WARN_WORDS:
        return
    rules = ", ".join(rule for rule, _ in Counter(
        m.rule_id for m in ctx.removed if m is not None).most_common(3))
    kinds = emptied.removal_kinds(ctx)
    if emptied.kept_whole(total, kinds):
        ctx.warnings.append(
            f"rules would have removed every line ({total} words; mostly by {rules}) while "
            f"naming only {len(kinds)} kind(s) of boilerplate ({', '.join(sorted(kinds))}); "
            "the document was kept whole (emptied-document guard)")
        ctx.keep_everything()
        return
    ctx.warnings.append(f"every line was removed ({total} words; mostly by {rules}): "
                        "nothing in the document read as article text")


def _guard_no_chrome(ctx: Context) -> None:
    """A document that shows no page chrome comes out unchanged: when nothing removed is
    evidence that the text came from a web page, every removal is undone. A README, a poem,
    a recipe or a forum thread has bylines, dates, repeated lines, short lines and copyright
    notices of its own, which are its content. Evidence is any of:

    - a removal in a category of page chrome (a cookie banner, a menu, share buttons, a
      teaser list, an ad, a comment thread: see :mod:`cleaner.categories`);
    - a removal by a site pack's rule (the text matched that site's pages);
    - a news story's header: a byline and a dateline, each at most twice (a forum thread's
      post headers recur for every post).

    Undoing everything keeps cleaning idempotent."""
    removed = ctx.removed
    if not ctx.trims and not any(m is not None for m in removed):
        return  # nothing to undo
    meta: Counter = Counter()
    for m in removed:
        if m is None:
            continue
        if m.evidence or m.scope == "site":
            return
        if m.category in NEWS_HEADER and m.matched:
            meta[m.category] += 1
    for _, _, category, _, _ in ctx.trims:
        if category in CHROME:
            return
        if category in NEWS_HEADER:
            meta[category] += 1
    if all(0 < meta[c] <= NEWS_HEADER_REPEATS for c in NEWS_HEADER):
        return
    ctx.keep_everything()


def _give_back(ctx: Context, lines: Optional[frozenset[int]], taken_by) -> None:
    """Restore those of ``lines`` (line numbers vouched for: code, from a ``<pre>`` or
    written out; a page's item cards; a table's rows; the headline; None: every line) that a
    removal ``taken_by`` accepts took."""
    removed = ctx.removed
    if lines is None:
        lines = range(len(removed))
    if lines:
        ctx.restore([i for i in lines if i < len(removed) and removed[i] is not None
                     and taken_by(removed[i])])


def _guard_thin_chrome(ctx: Context) -> None:
    """The line classifier judges a line by its shape (short, few function words), which a
    product's specs, a table's rows, a list of names or a one-line paragraph share with a
    menu; it may act on that shape only on a page that shows its chrome. Its removals stand
    when the text shows page chrome at least ``THIN_CHROME_LINES`` times (lines that rules of
    a chrome category or a site pack took, chrome trims, a story's byline or dateline) or
    holds a menu the classifier found (a run of link labels, its evidence of a web page:
    when that menu is all the chrome shown and names no site section, the sentences it took
    come back, see :func:`_spare_prose`); otherwise they are undone and the other rules'
    removals stand. A text the rules would empty is the emptied-document guard's when it
    keeps it whole; otherwise, on a page that shows too little chrome, the classifier's
    statements come back (see :func:`_spare_statements`). An extractor's output
    with one leftover ("Read more", a newsletter prompt) shows one line of chrome: the
    no-chrome guard does not fire, yet the rest is the extractor's choice of the page, as
    good as the classifier's by shape.
    Idempotent: cleaned again, the output shows no chrome, and the no-chrome guard keeps it."""
    removed = ctx.removed
    classified = [i for i, m in enumerate(removed) if m is not None and m.kind == "classify"]
    if not classified:
        return
    everything = all(removed[i] is not None for i in ctx.nonblank_lines())
    if everything and _kept_whole(ctx):
        return  # nothing of the text would stay: the emptied-document guard keeps it whole
    shown = sum(1 for t in ctx.trims if t[2] in CHROME)
    inner = _inner_menu(ctx)
    edge_menu = False
    for m in removed:
        if m is None:
            continue
        if m.kind == "classify" and m.evidence:
            edge_menu = edge_menu or not inner  # a menu of its own at the page's edge
            continue
        # a story's byline or dateline is the page's furniture beside its chrome: a blog's
        # "Posted by ... on July 15, 2012" and its one newsletter prompt show a page
        if m.evidence or m.scope == "site" or (m.category in NEWS_HEADER and m.matched):
            shown += 1
    if shown >= THIN_CHROME_LINES:
        return  # the page shows its chrome: the verdicts stand
    if everything:  # nothing else would stay: the page's statements, not the guess
        _spare_statements(ctx, classified, bare=not shown)
        return
    if edge_menu or shown + bool(inner) >= THIN_CHROME_LINES:
        # the classifier's own menu vouches for its verdicts
        _spare_prose(ctx, classified, bare=not shown)
    else:
        ctx.restore(classified)


def _spare_prose(ctx: Context, classified: list[int], bare: bool = False) -> None:
    """The classifier's verdicts stand on the strength of its own menu alone (a run of link
    labels). When that menu names none of a site's sections or services (see
    :mod:`cleaner.text.navlabels`: no "Home", "News", "Contact", "Log in"...), it may as well
    be a table of contents, a product's facets or a list of names, which vouch for nothing
    said in sentences: the classifier keeps the lines it read as menus and link lists, but
    gives back its statements (:func:`_stated`: a landing page's feature
    blurbs, a notice above a table, a tutorial's remark). Doubt keeps the line. A site's
    menu, or chrome of the rules' finding, lets the verdicts stand whole (a story's comment
    thread under the site's menu still goes)."""
    removed, text = ctx.removed, ctx.text
    menu = [text[i] for i in classified if removed[i].evidence]
    if names_site(menu, ctx.lang):
        return
    _spare_statements(ctx, classified, bare)


def _would_empty(ctx: Context) -> bool:
    """The rules removed every non-blank line, and the emptied-document guard would keep the
    text whole (see :func:`_emptied`)."""
    removed = ctx.removed
    return all(removed[i] is not None for i in ctx.nonblank_lines()) and _kept_whole(ctx)


def _kept_whole(ctx: Context) -> bool:
    """The emptied-document guard would keep the text whole (see :func:`_emptied`)."""
    return emptied.kept_whole(emptied.total_words(ctx), emptied.removal_kinds(ctx))


def _spare_statements(ctx: Context, classified: list[int], bare: bool = False) -> None:
    """The rules would empty a text that shows little chrome (under ``THIN_CHROME_LINES``
    lines of it beside the classifier's own menu) and that the emptied-document guard does
    not keep whole (a short one: a shop's grid of names and prices, a category page's list
    with its intro). The classifier's verdicts there stand on no chrome the rules found,
    and an emptied page is the worst outcome: its statements come back (:func:`_stated`: a
    shop's "Every pair is cleaned and pressed before it goes out to the next customer.", a
    category's "The pages below describe each language with its history and its tools."),
    its short lines stay removed. A page frame around an article the extractor missed (a tag
    list, a newsletter prompt) holds no statement and is still emptied, with the warning.
    A sentence that introduces what follows, a colon for its full stop, is a statement too
    (:func:`_stated_lead_in`). On a ``bare`` page (no line of chrome the rules found at all,
    only the classifier's own menu), a field that says something comes back as well
    (:func:`_stated_field`: "Allergen information: Packed on premises that handle gluten,
    tree nuts, sesame...", "Blackout dates: December 21 - January 1; 16 - 19 ..."): the
    classifier read it as a menu's entry by its few function words and missing full stop,
    and nothing else on the page shows chrome."""
    ctx.restore([i for i in classified if _stated(ctx.text[i]) or _stated_lead_in(ctx, i)
                 or (bare and _stated_field(ctx.text[i], ctx.lang))])


# A sentence the classifier's own menu does not vouch against: SPARED_SENTENCE_WORDS words
# or more, a capital first (or a letter of a script without case) and a full stop last. A
# question or a line ending in a bracket is as often a teaser's or a list's title ("What can
# I do?", "... (January News)"), a shorter
# line ending in a full stop a link's ("Click here to return to the menu."), and a line with
# a copyright sign the site's notice ("Idioms from ... Dictionary copyright © 2002 by ...").
SPARED_SENTENCE_WORDS = 12


def _stated(line: str) -> bool:
    return last_mark(line) in (".", "。", "।") and opens_sentence(line) \
        and "©" not in line and len(words(line)) >= SPARED_SENTENCE_WORDS


def _stated_lead_in(ctx: Context, i: int) -> bool:
    """Line ``i`` is a sentence that introduces what follows, a colon for its full stop
    ("The break, if, return, rewrite, and set directives are processed in the following
    order:", "Beaver, otter, bobcat, fisher and marten must have a seal attached to the
    pelt before:"): SPARED_SENTENCE_WORDS words or more, a colon last, a function word of
    the page's language. A menu's label or a list's title ending in a colon is a word or
    few ("Sections:", "Types of higher education institutions:"); a form's prompt is short
    too ("Select a category below or enter a Business Name to search:"). Its first letter
    may be small: such a sentence often resumes after the code or the quote it explains
    ("... can be made smaller by one instruction if the first slash ... parentheses:").
    Unlike the classifier's own lead-in (``ClassifyRule.edges``: one stays with a line it
    introduces that stays) it does not ask what follows: the code or list under it is often
    removed by another rule (the repeat rule, the classifier). But the text's last line
    introduces nothing ("You may also be interested in these other stories:") and stays
    removed."""
    line = ctx.text[i]
    if not ends_with_colon(line) or "©" in line or len(words(line)) < SPARED_SENTENCE_WORDS:
        return False
    if i == ctx.nonblank_lines()[-1]:
        return False
    return stopword_hits(line, ctx.stopwords)[1] > 0


# A field that says something (see _stated_field): its words, label and value, at least.
# bench/losstrade.py on the post and text rows of cleaneval and wcxb: 16 article lines, no
# boilerplate line, on bare pages; with one line of chrome shown, a camera's spec sheet
# that the gold leaves out and a forum's thread title would come back too.
SPARED_FIELD_WORDS = 10


def _stated_field(line: str, lang: Optional[str]) -> bool:
    """A line written as a field, a label and its value (see
    :func:`cleaner.text.shape.written_field_label`), of SPARED_FIELD_WORDS words or more: a
    menu's entry or a metadata box's field is a few words. A table's row ("| Sponsored
    links * Hot deals: ...") is :mod:`cleaner.text.cellrows`' to judge. A field of the page's
    chrome stays removed: a copyright sign in it, as in :func:`_stated`, or a label that names
    chrome ("Follow us", "Most read", "Registered office":
    :func:`cleaner.text.navlabels.chrome_field`)."""
    if line.lstrip().startswith("|") or "©" in line or len(words(line)) < SPARED_FIELD_WORDS:
        return False
    label = written_field_label(line)
    return label is not None and not chrome_field(label, lang)


def _inner_menu(ctx: Context) -> bool:
    """The classifier found a menu (its evidence marks), and every line of it lies between
    the text's prose (sentences of PROSE_WORDS words or more that stay): a run of short
    lines inside the page is as often its table of contents, a product's facets or a list,
    and counts as one line of chrome. A site's menu sits at the page's head or foot."""
    removed, text = ctx.removed, ctx.text
    menu = [i for i, m in enumerate(removed) if m is not None and m.kind == "classify" and m.evidence]
    if not menu:
        return False
    prose = [i for i in ctx.nonblank_lines() if removed[i] is None and is_prose(text[i])]
    return bool(prose) and prose[0] < menu[0] and menu[-1] < prose[-1]


# Lines of page chrome the rules must find before the classifier's verdicts stand (see
# _guard_thin_chrome): one line is not enough. bench/losstrade.py against the tree before:
# post:trafilatura wcxb 218 article lines saved against 60 boilerplate lines kept.
THIN_CHROME_LINES = 2


# A story's header: its byline and dateline name it a news story; a thread's post headers
# repeat them for every post.
NEWS_HEADER = frozenset({"byline", "dateline"})
NEWS_HEADER_REPEATS = 2


def _guard_over_removal(ctx: Context) -> None:
    """Put back the prose the rules took, with a warning, when they would cut article-like
    text (GUARD_PROSE_WORDS words in sentences of PROSE_WORDS words or more) to under
    GUARD_KEEP_SHARE of it: an emptied article is the worst outcome, and a rule that does it
    to one page will do it to many.

    What goes back is the smallest thing that restores the prose: in each run of lines one
    rule removed, the lines from its first sentence of prose to its last (a section that ran
    on through the story gives the story back, its heading and teasers stay removed; a
    classifier run gives back its sentences and what lies between them, the menus around
    them stay removed). Removals that took no prose stand, so the page's cookie banner,
    menus and footer still go. The lines of a comment thread its stamps vouch for are the
    readers' prose, not the article's, and are neither counted nor put back."""
    lines, removed, nonblank = ctx.doc.lines, ctx.removed, ctx.nonblank_lines()
    # Untrimmed, the text is the input line for line, and the rules counted its words.
    counts = [len(words(line)) for line in lines] if ctx.trims else ctx.word_counts()

    def prose(i: int) -> bool:
        return counts[i] >= PROSE_WORDS and is_prose(lines[i])

    def in_thread(i: int) -> bool:
        return removed[i] is not None and removed[i].thread

    if not ctx.trims and not any(prose(i) for i in nonblank
                                 if removed[i] is not None and not in_thread(i)):
        return  # no prose was touched: nothing to guard (the common case, found cheaply)
    article = [i for i in nonblank if prose(i) and not in_thread(i)]
    prose_words = sum([counts[i] for i in article])
    if prose_words < GUARD_PROSE_WORDS:
        return
    kept = sum(len(words(ctx.text[i])) for i in article if removed[i] is None)
    if kept >= GUARD_KEEP_SHARE * prose_words:
        return
    runs: list[list[int]] = []  # runs of consecutive non-blank lines one rule removed
    for i in nonblank:
        mark = removed[i]
        if mark is None:
            if runs and runs[-1]:
                runs.append([])
            continue
        if runs and runs[-1] and removed[runs[-1][0]].rule_id == mark.rule_id:
            runs[-1].append(i)
        else:
            runs.append([i])
    took = sorted({removed[run[0]].rule_id for run in runs if run
                   and any(prose(i) and not in_thread(i) for i in run)})
    for run in runs:
        spans = [k for k, i in enumerate(run) if prose(i) and not in_thread(i)]
        if spans:
            ctx.restore(run[spans[0]:spans[-1] + 1])
    ctx.warnings.append(
        f"rules would have removed {prose_words - kept} of {prose_words} words of prose "
        f"({', '.join(took[:5])}); the prose they took was put back (over-removal guard)"
    )


def clean_document(document: str | bytes, *, url: Optional[str] = None, lang: Optional[str] = None,
                   html: Optional[bool] = None,
                   rules_dirs: Iterable[str | Path] | str | Path = (),
                   keep: Iterable[str] = ()) -> CleanResult:
    """Clean one document and report what was removed, by which rule, and why.

    ``document`` is str or bytes (a BOM is honoured, then UTF-8; other bytes are read in
    the encoding found for them, reported in ``encoding``).
    ``url`` picks site packs by domain; without it, site packs match by a text signature.
    ``lang`` skips language detection. ``html``: None detects, True forces HTML, False text.
    ``rules_dirs`` adds folders of packs (or one folder, as a str or Path) to the shipped
    ones and ``CLEANER_RULES_PATH``. A ``url`` or ``lang`` that is not a str is an
    :class:`InputError`. ``keep`` names categories of boilerplate to leave in
    (``{"caption", "comments"}``; see ``cleaner.categories.CATEGORIES``). A page the HTML
    reader reads as a forum thread keeps its ``comments``: the posts are the page.
    """
    if not isinstance(document, (str, bytes, bytearray, memoryview)):
        raise InputError(f"cannot clean a {type(document).__name__}: pass the document as str or bytes")
    check_types(url, lang)
    kept = keep_categories(keep)
    packset = get_packset(rules_dirs)
    if html is None:
        # bytes as the decoder reads them: a UTF-16/32 page with a BOM is markup too
        head = document[:2 * DETECT_CHARS] if isinstance(document, str) \
            else decode_bytes(bytes(document[:8 * DETECT_CHARS]))
        html = looks_like_html(head)
    if html:
        from ..html.reader import html_to_text  # the HTML reader: selectolax, selectors, main content
        from ..html.decode import html_document

        document, decoded = html_document(document)  # decoded here, to report the encoding
        # read as it is when html_text() would return it so (a second BOM it would strip)
        extraction = html_to_text(document, url=url, packset=packset, keep=kept,
                                  decoded=not document.startswith("\ufeff"))
        # The reader already chose the main content from the markup, which knows more than
        # the text classifier can; the line rules still run.
        result = clean_text(extraction.text, url=url or extraction.url, lang=lang,
                            packset=packset, declared_lang=extraction.lang, from_page=True,
                            keep=kept | extraction.keeps, verbatim=extraction.code_lines,
                            items=extraction.item_lines, rows=extraction.row_lines,
                            headline=extraction.headline_lines,
                            own_repeats=extraction.page_type.repeats_are_content)
        result.html = extraction
        result.page_type = extraction.page_type.kind
        result.warnings.extend(extraction.warnings)
        return _with_encoding(result, decoded)
    lines, decoded = decoded_lines(document)
    return _with_encoding(clean_lines(lines, url=url, lang=lang, packset=packset, keep=kept),
                          decoded)


def _with_encoding(result: CleanResult, decoded) -> CleanResult:
    """The encoding bytes were read in (None for str), and a warning for bytes that no
    encoding could read: they became U+FFFD, text that is lost."""
    if decoded is not None:
        result.encoding = decoded.encoding
        if decoded.replaced:
            result.warnings.append(
                f"{decoded.replaced} character(s) of the input could not be read as "
                f"{decoded.encoding} and became U+FFFD")
    return result


def keep_categories(keep: Iterable[str]) -> frozenset[str]:
    """``keep`` as a set of known categories; a name that is none is an :class:`InputError`."""
    if isinstance(keep, str):
        keep = [keep]
    try:
        names = frozenset(str(k).strip().lower() for k in keep)
    except TypeError:
        raise InputError(f"keep must be a list of category names, not {type(keep).__name__}") from None
    unknown = sorted(names - set(CATEGORIES))
    if unknown:
        raise InputError(f"unknown categor{'y' if len(unknown) == 1 else 'ies'} to keep: "
                         f"{', '.join(unknown)} (known: {', '.join(CATEGORIES)})")
    return names
