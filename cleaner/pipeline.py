"""One document, start to finish: decode, segment, detect language, pick packs, apply, render.

Each step lives in its own module; this one only wires them in order and applies the
over-removal guard at the end.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import regex

from .context import MAX_PATTERN_CHARS, Context
from .decode import to_text
from .errors import InputError
from .packs import PackSet, get_packset
from .render import removals, render_text
from .result import CleanResult
from .segment import Document, ends_sentence, words

# The over-removal guard: a document with at least GUARD_PROSE_WORDS words of prose (lines
# of 20+ words that end a sentence) is never cut to less than GUARD_KEEP_SHARE of them.
GUARD_PROSE_WORDS = 150
GUARD_KEEP_SHARE = 0.15
PREFILTER_TIMEOUT = 0.5


def looks_like_html(text: str) -> bool:
    """True for a document that starts as markup or has paragraph/body tags early on."""
    head = text.lstrip()[:1024].lower()
    if head.startswith(("<!doctype", "<html", "<?xml")):
        return True
    return any(tag in head for tag in ("<body", "<p>", "<p ", "<div", "<article", "<head"))


def clean_text(text: str, *, url: Optional[str] = None, lang: Optional[str] = None,
               packset: Optional[PackSet] = None, only_rules=None,
               skip_kinds: tuple[str, ...] = ()) -> CleanResult:
    """Clean already-decoded plain text. ``only_rules`` runs just those rules (rule tests);
    ``skip_kinds`` leaves out rules of those kinds."""
    packset = packset or get_packset()
    doc = Document.from_text(text)
    model = packset.model
    block_texts = ["\n".join(doc.lines[s:e]) for s, e in doc.blocks]
    if lang:
        doc_lang, method = lang.lower(), "given"
    else:
        guess = model.document_language(block_texts)
        doc_lang, method = guess.lang, guess.method
    foreign: dict[int, str] = {}
    if doc_lang:
        for b, block in enumerate(block_texts):
            other = model.foreign_language(block, doc_lang)
            if other:
                foreign[b] = other
    langs = {doc_lang, *foreign.values()}
    if only_rules is None:
        packs, rules = packset.select(langs, url, text)
        own = {p.name for p in packs if p.kind != "language" or doc_lang in p.languages}
        # A pack chosen for a foreign block brings its vocabulary (consent banners in that
        # language), not its line rules, which would run over the whole document.
        rules = [r for r in rules if r.KEY not in skip_kinds
                 and (r.pack_name in own or r.KEY == "density")]
        pack_names = [p.name for p in packs]
    else:
        rules = sorted(only_rules, key=lambda r: r.PHASE)
        pack_names = sorted({r.pack_name for r in rules})
    ctx = Context(doc, lang=doc_lang, model=model, foreign=foreign)
    prefilter = _prefilter(tuple(r for r in rules if r.PATTERN and r.PHASE >= 1))
    filtered = False
    for rule in rules:
        if rule.PHASE >= 1 and not filtered:
            ctx.candidates = _candidates(ctx, prefilter)
            filtered = True
        rule.apply(ctx)
    if only_rules is None:
        _guard_over_removal(ctx)
    return CleanResult(
        text=render_text(ctx),
        language=doc_lang,
        language_method=method,
        packs=pack_names,
        removals=removals(ctx),
        warnings=ctx.warnings,
        input_lines=len(doc.lines),
    )


@lru_cache(maxsize=64)
def _prefilter(rules: tuple):
    """One case-insensitive alternation of every pattern rule: a line it does not match is
    matched by none of them, so most lines cost one search instead of one per rule."""
    if not rules:
        return None
    try:
        return regex.compile("|".join(f"(?:{r.value})" for r in rules), regex.IGNORECASE)
    except regex.error:  # a pattern with global inline flags: no prefilter, rules run alone
        return None


def _candidates(ctx: Context, prefilter) -> Optional[set]:
    if prefilter is None:
        return None
    found = set()
    for i in ctx.alive_lines():
        if len(ctx.text[i]) > MAX_PATTERN_CHARS:
            continue
        try:
            if prefilter.search(ctx.text[i].strip(), timeout=PREFILTER_TIMEOUT):
                found.add(i)
        except TimeoutError:
            found.add(i)  # undecided: let each rule judge it under its own timeout
    return found


def _guard_over_removal(ctx: Context) -> None:
    prose = [i for i, line in enumerate(ctx.doc.lines)
             if len(words(line)) >= 20 and ends_sentence(line)]
    prose_words = sum(len(words(ctx.doc.lines[i])) for i in prose)
    if prose_words < GUARD_PROSE_WORDS:
        return
    kept = sum(len(words(ctx.text[i])) for i in prose if ctx.removed[i] is None)
    if kept >= GUARD_KEEP_SHARE * prose_words:
        return
    ctx.warnings.append(
        f"rules would have removed {prose_words - kept} of {prose_words} words of prose; "
        "the prose lines were kept (over-removal guard)"
    )
    for i in prose:
        ctx.removed[i] = None


def clean_document(document: str | bytes, *, url: Optional[str] = None, lang: Optional[str] = None,
                   html: Optional[bool] = None, rules_dirs: Iterable[str | Path] = ()) -> CleanResult:
    """Clean one document and report what was removed, by which rule, and why.

    ``document`` is str or bytes (UTF-8, a BOM is honoured, bad bytes are replaced).
    ``url`` picks site packs by domain; without it, site packs match by a text signature.
    ``lang`` skips language detection. ``html``: None detects, True forces HTML, False text.
    ``rules_dirs`` adds folders of packs to the shipped ones and ``CLEANER_RULES_PATH``.
    """
    if not isinstance(document, (str, bytes, bytearray, memoryview)):
        raise InputError(f"cannot clean a {type(document).__name__}: pass the document as str or bytes")
    packset = get_packset(rules_dirs)
    if html is None:
        head = bytes(document[:2048]).decode("utf-8", "replace") if not isinstance(document, str) \
            else document[:2048]
        html = looks_like_html(head.lstrip("\ufeff"))
    if html:
        from .html import html_to_text  # the HTML reader: selectolax, selectors, main content

        extraction = html_to_text(document, url=url, packset=packset)
        # The reader already chose the main content from the markup, which knows more than
        # the text classifier can; the line rules still run.
        result = clean_text(extraction.text, url=url or extraction.url, lang=lang,
                            packset=packset, skip_kinds=("classify",))
        result.html = extraction
        return result
    return clean_text(to_text(document), url=url, lang=lang, packset=packset)
