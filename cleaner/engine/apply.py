"""One round of rules over a document's lines: read the lines (blocks, language, blocks in
another language), then apply rules in phase order.

:mod:`cleaner.engine.pipeline` runs rounds until nothing more goes, with packs chosen for each and
its guards at the end; :func:`run_rules` runs one round of rules given by the caller, which is
how a rule is checked against its own examples (:mod:`cleaner.engine.examples`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Optional

from .context import Context
from ..text.prose import iter_units, opens_sentence
from .render import removals, render_text
from ..result import CleanResult, PackReason
from ..text.segment import Document
from ..text import ends_sentence

if TYPE_CHECKING:
    from .packs import PackSet


@dataclass
class Reading:
    """What a round knows of its lines before any rule runs."""

    doc: Document
    lang: Optional[str]
    method: tuple[str, str]  # (method, reason in words)
    foreign: dict[int, str]  # block index -> language, for blocks in another language


def read_lines(lines: list[str], model, lang: Optional[str] = None,
               declared: Optional[str] = None, verbatim: Iterable[int] = ()) -> Reading:
    """Segment ``lines`` into blocks and tell their language (``lang``: given by the caller;
    ``declared``: what a page declares, a hint) and which blocks are in another.
    ``verbatim``: numbers of lines kept as written whatever the rules say (code): a block
    of them only is in no language, and is not asked about (see :func:`foreign_blocks`)."""
    doc = Document(lines)
    doc.index_blocks()
    block_texts = ["\n".join(doc.lines[s:e]) for s, e in doc.blocks]
    code = _verbatim_blocks(doc.blocks, verbatim)
    # The document's language is its prose's: code is in none (langdetect, asked about a
    # page whose longest blocks were a listing, spent ~30 ms on it). Prose too short to tell
    # is told with the code, as before: the code's comments and strings are that page's words.
    prose = [t for b, t in enumerate(block_texts) if b not in code] if code else block_texts
    doc_lang, method = document_language(model, prose, lang, declared)
    if doc_lang is None and code and not lang:
        doc_lang, method = document_language(model, block_texts, lang, declared)
    return Reading(doc, doc_lang, method, foreign_blocks(model, block_texts, doc_lang, code))


def _verbatim_blocks(blocks: list[tuple[int, int]], verbatim: Iterable[int]) -> frozenset[int]:
    """The indices of the blocks whose lines are all in ``verbatim``."""
    if not verbatim:
        return frozenset()
    held = verbatim if isinstance(verbatim, (set, frozenset)) else frozenset(verbatim)
    return frozenset(b for b, (s, e) in enumerate(blocks)
                     if s < e and s in held and all(i in held for i in range(s + 1, e)))


def document_language(model, block_texts: list[str], given: Optional[str],
                      declared: Optional[str] = None) -> tuple[Optional[str], tuple[str, str]]:
    """(language, (method, reason in words))."""
    if given:
        return given.lower(), ("given", "given by the caller")
    guess = model.document_language(block_texts, declared)
    return guess.lang, (guess.method, guess.reason or guess.method)


def foreign_blocks(model, block_texts: list[str], doc_lang: Optional[str],
                   code: frozenset[int] = frozenset()) -> dict[int, str]:
    """Block index -> language, for blocks confidently in another language than the document.
    ``code``: blocks of code, which are in no language: not judged. (Code is no prose of any
    language; langdetect, asked about a JavaScript or Rust listing, answered Portuguese,
    Spanish or French, and took its longest calls there, ~25 ms each, as it does not
    converge.)"""
    foreign: dict[int, str] = {}
    if doc_lang:
        judge, shortest = model.foreign_language, model.FOREIGN_MIN_CHARS
        for b, block in enumerate(block_texts):
            if len(block) < shortest or b in code:
                continue  # most blocks of a page dump: a word or two (what judge() says first)
            other = judge(block, doc_lang)
            if other:
                foreign[b] = other
    return foreign


def apply_rules(ctx: Context, rules) -> None:
    """Each rule in turn (``rules`` are in phase order), then :func:`finish_sentences` after
    the phases that match a line's own text."""
    finished = False
    for rule in rules:
        if not finished and rule.PHASE > SENTENCES_FINISHED_AFTER:
            finish_sentences(ctx)
            finished = True
        if rule.ONLY_ON_MATCHES:
            candidates = ctx.candidates(rule)
            if candidates is not None and not candidates:
                continue  # none of its literals in the text: most rules, on most documents
        rule.apply(ctx)
        # Only the rule itself asks for its candidates: a set of line numbers, which for a
        # rule that needs a digit holds most lines of a long document.
        ctx.forget_candidates(rule)
    if not finished:
        finish_sentences(ctx)


# The kinds whose rules match a line's own text run in the phases up to this one; after them,
# a sentence they took the start of is taken whole (see finish_sentences).
SENTENCES_FINISHED_AFTER = 3


def finish_sentences(ctx: Context) -> None:
    """A rule that took the first line of a sentence wrapped over several lines takes the rest
    of it too: "Subscribe to our newsletter before 30 June and save" / "18." leaves no "18."
    behind. Only a sentence's first line decides (three words or more, a capital first): a rule
    that matched its start named it."""
    removed, text, block_of = ctx.removed, ctx.text, ctx.doc.block_of
    counts = ctx.word_counts()
    starts = [i for i in ctx.nonblank_lines()
              if removed[i] is not None and removed[i].matched and i + 1 < len(removed)
              and removed[i + 1] is None and block_of[i + 1] == block_of[i]
              and counts[i] >= 3 and opens_sentence(text[i]) and not ends_sentence(text[i])]
    if not starts:
        return  # the common case: a removed line ends its sentence, or its block
    stop = ctx.stopwords
    for i in starts:
        block = [j for j in ctx.block_lines(block_of[i]) if j >= i]
        unit = next(iter_units(ctx, block, stop))
        if unit.lines[0] != i:
            continue
        for j in unit.lines[1:]:
            # only a line that cannot start a sentence carries one on ("the week in your
            # inbox.", "18."): "Related: Who's who … 7 to know" / "President Obama …" is two
            if removed[j] is not None or (text[j].lstrip()[:1].isupper()
                                          and not (ctx.nwords(j) <= 2 and ends_sentence(text[j]))):
                break  # (a word or two that end it, "Londra.", are its tail all the same)
            removed[j] = removed[i]
            ctx.fired[removed[i].rule_id] = ctx.fired.get(removed[i].rule_id, 0) + 1
        ctx.forget_alive()


def run_rules(text: str, rules, packset: "PackSet") -> CleanResult:
    """``rules`` alone, one round, on ``text``: no packs chosen, no later rounds, no guards.
    What a rule's own examples are checked with, and what shows which rule takes a line
    first (:func:`cleaner.authoring.ruletest.shadowed`)."""
    rules = sorted(rules, key=lambda r: r.PHASE)
    reading = read_lines(text.split("\n"), packset.model)
    ctx = Context(reading.doc, lang=reading.lang, model=packset.model, foreign=reading.foreign,
                  prefilter=packset.prefilter(rules))
    apply_rules(ctx, rules)
    pack_names = sorted({r.pack_name for r in rules})
    return CleanResult(
        text=render_text(ctx),
        language=reading.lang,
        language_method=reading.method[0],
        language_reason=reading.method[1],
        packs=pack_names,
        pack_reasons={name: PackReason("given", "its rules were given to run")
                      for name in pack_names},
        removals=removals(ctx),
        warnings=ctx.warnings,
        input_lines=len(reading.doc.lines),
    )
