"""What a report says about rules and packs: each rule's description, and why each pack was
in force for a document."""
from __future__ import annotations

from typing import Optional

from ..engine.packs import PackSet, host_of

# The HTML reader's own decisions, which no pack holds (see cleaner.html.reader).
READER_RULES = {
    "html-hidden": "An element the page hides (hidden, aria-hidden, display:none): "
                   "no reader of the page sees it.",
    "html-main-content": "A block outside what the HTML reader chose as the page's main "
                         "content (navigation, teasers, sidebars, footers around the article).",
    "html-repeated-quote": "A forum reply's quote of a post the thread shows already above it: "
                           "the thread's text once, not again in each reply that quotes it.",
    "html-post-comments": "A comment under a question or an answer on a Q&A page (a schema.org "
                          "Comment inside the post): the thread's posts stay, their comments "
                          "go as a story's do.",
    "html-author-bio": "The story's author's bio in a box of its own below the story (a paragraph "
                       "opening with the declared author's name, or an 'About the author' box): "
                       "kept with --keep bio.",
    "html-caption": "An image's caption or photo credit: kept with --keep caption.",
    "html-repeated-block": "A block that repeats an earlier one word for word on a product's page "
                           "or a forum thread (a second layout's copy of the description, a "
                           "quoted post): shown once.",
}


def rule_descriptions(packset: PackSet) -> dict[str, str]:
    """Rule id -> description, for the rule in force under each id (a later pack's rule
    replaces an earlier one's, as in :class:`~cleaner.engine.packs.PackSet`)."""
    found = dict(READER_RULES)
    for rule_id, pack in packset.owner.items():
        for rule in pack.rules:
            if rule.id == rule_id:
                found[rule_id] = " ".join((rule.description or "").split())
                break
    return found


def pack_reasons(result, packset: PackSet, url: Optional[str]) -> list[tuple[str, str, str]]:
    """(pack, kind, why it was chosen) for each pack in ``result.packs`` (every pack whose
    rules ran, in any round), worded for the report; ``result.pack_reasons`` is the source
    where the report adds nothing (a short text's English, a signature).

    ``url`` is the one given for the document; for a page, the one it names itself
    (``<link rel=canonical>``) counts too, as it did when the packs were chosen."""
    by_name = {p.name: p for p in packset.packs}
    if url is None and result.html is not None:
        url = result.html.url
    host = host_of(url) if url else ""
    lang = result.language
    rows = []
    for name in result.packs:
        pack = by_name.get(name)
        given = result.pack_reasons.get(name, "in force")
        if pack is None:
            rows.append((name, "?", given))
            continue
        kind = pack.kind
        if kind == "generic":
            why = "always in force (generic)"
        elif kind == "language" and lang in pack.languages:
            why = f"the document's language, {lang} ({_method(result.language_method)})"
        elif kind == "language" and not given.startswith("a text too short"):
            why = ("a passage in " + "/".join(pack.languages) +
                   ": its vocabulary only (its line rules run on documents in that language)")
        elif kind != "language" and host and pack.matches_host(host):
            why = f"domain: {host}"
        else:
            why = given
        rows.append((name, kind, why))
    return rows


_METHODS = {
    "given": "given with --lang",
    "script": "read from its script",
    "stopwords": "detected from stopwords",
    "declared": "declared by the page",
    "langdetect": "detected by langdetect",
    "none": "not detected",
}


def _method(method: str) -> str:
    return _METHODS.get(method, method)


def language_text(result) -> str:
    if not result.language:
        if result.language_reason.startswith("too short"):
            return f"none ({result.language_reason})"
        return f"none ({_method(result.language_method)})"
    return f"{result.language} ({_method(result.language_method)})"
