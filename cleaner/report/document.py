"""The report on one document: every line as the rules read it, kept lines as written,
removed ones struck through (a real ``<del>``) and labelled with their category, rule and
pack, with the rule's description on hover and on keyboard focus."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Iterable, Optional

from ..text.decode import to_lines
from ..engine.packs import PackSet, get_packset
from ..result import CleanResult, Removal
from ..text import words
from .explain import READER_RULES, language_text, pack_reasons, rule_descriptions
from .page import anchor, category_class, category_label, contents, esc, legend, page, plural


def document_lines(result: CleanResult, document) -> list[str]:
    """The lines the text rules read, which the removals' line numbers count: the decoded
    input, or for a page the text the HTML reader took from it."""
    if result.html is not None:
        return result.html.text.split("\n")
    return to_lines(document)


def render_document(result: CleanResult, document, *, source: str = "<stdin>",
                    url: Optional[str] = None, rules_dirs: Iterable[str | Path] = (),
                    packset: Optional[PackSet] = None) -> str:
    """The HTML report on ``result``, the cleaning of ``document`` (str or bytes, as given to
    :func:`cleaner.clean_document`, with the same ``url`` and ``rules_dirs``); ``source``
    names it on the page."""
    packset = packset or get_packset(rules_dirs)
    lines = document_lines(result, document)
    descriptions = rule_descriptions(packset)
    used = _rules_used(result)
    sections = [("s-summary", "Summary"), ("s-warnings", f"Warnings ({len(result.warnings)})")]
    if result.html is not None:
        sections.append(("s-reader", "What the HTML reader did"))
    sections.append(("s-document", "The document"))
    if result.html is not None:
        sections.append(("s-left", "Left out by the HTML reader"))
    if used:
        sections.append(("s-rules", "Rules"))
    parts = [
        f"<header><h1>Cleaning report</h1><p class=\"source\">{esc(source)}</p>"
        f"{contents(sections)}</header>",
        "<main>",
        _summary(result, lines, packset, url),
        _warnings(result),
    ]
    left_out = ""
    if result.html is not None:
        choice, left_out = _reader(result, descriptions, packset)
        parts.append(choice)
    parts.append(_document(result, lines, descriptions))
    parts.append(left_out)  # after the document: a page's menus and teasers can run long
    parts.append(_rules_table(used, descriptions))
    parts.append("</main>")
    return page(f"Cleaning report: {source}", "\n".join(parts))


def _words(lines) -> int:
    return sum(len(words(line)) for line in lines)


def _rules_used(result: CleanResult) -> dict[str, list]:
    """rule id -> [category, pack, lines, words] over the text rules' removals."""
    used: dict[str, list] = {}
    for r in result.removals:
        row = used.setdefault(r.rule_id, [r.category, r.pack, 0, 0])
        row[2] += len(r.lines)
        row[3] += _words(r.lines)
    return used


def _summary(result: CleanResult, lines: list[str], packset: PackSet, url: Optional[str]) -> str:
    removed_lines = sum(len(r.lines) for r in result.removals if not r.trimmed)
    removed_words = sum(_words(r.lines) for r in result.removals)
    total_words = _words(result.text.split("\n")) + removed_words
    share = f" ({removed_words / total_words:.0%})" if total_words else ""
    nonblank = sum(1 for line in lines if line.strip())
    trims = sum(1 for r in result.removals if r.trimmed)
    facts = [
        ("Input", f"{plural(nonblank, 'line')} of text ({plural(len(lines), 'line')} "
                  "with blank ones)" + (", read from an HTML page" if result.html else "")),
        ("Removed", f"{plural(removed_lines, 'line')}, {plural(removed_words, 'word')} of "
                    f"{total_words:,}{share}" + (f"; {plural(trims, 'span')} trimmed" if trims else "")),
        ("Language", esc(language_text(result))),
    ]
    if result.html is not None:  # before the text rules: elements of the page, not lines
        dropped = result.html.dropped
        facts.insert(2, ("Left out", f"by the HTML reader, before the text rules: "
                                     f"{plural(len(dropped), 'element or run', 'elements or runs')}, "
                                     f"{plural(sum(_words(r.lines) for r in dropped), 'word')}"))
    dl = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts)

    cats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in result.removals:
        cats[r.category][0] += len(r.lines)
        cats[r.category][1] += _words(r.lines)
    if result.html is not None:
        for r in result.html.dropped:
            cats[r.category][2] += 1
    html_col = result.html is not None
    head = ("<tr><th scope=\"col\">Category</th><th scope=\"col\" class=\"n\">Lines removed</th>"
            "<th scope=\"col\" class=\"n\">Words removed</th>"
            + ("<th scope=\"col\" class=\"n\">Elements left out by the HTML reader</th>" if html_col else "")
            + "</tr>")
    rows = []
    for cat, (n_lines, n_words, n_elems) in sorted(cats.items(), key=lambda kv: (-kv[1][1], kv[0])):
        rows.append(f"<tr><th scope=\"row\">{category_label(cat)}</th><td class=\"n\">{n_lines:,}</td>"
                    f"<td class=\"n\">{n_words:,}</td>"
                    + (f"<td class=\"n\">{n_elems:,}</td>" if html_col else "") + "</tr>")
    table = (f"<table><caption class=\"sr\">Removals by category</caption><thead>{head}</thead>"
             f"<tbody>{''.join(rows)}</tbody></table>") if rows else "<p>Nothing was removed.</p>"

    packs = "".join(f"<li><b>{esc(name)}</b> <span class=\"muted\">({esc(kind)})</span>: {esc(why)}</li>"
                    for name, kind, why in pack_reasons(result, packset, url))
    return (f"<section aria-labelledby=\"s-summary\"><h2 id=\"s-summary\">Summary</h2>"
            f"<dl class=\"facts\">{dl}</dl>"
            f"<h3>Removed by category</h3>{table}"
            f"<h3>Packs in force, and why</h3><ul>{packs}</ul></section>")


def _warnings(result: CleanResult) -> str:
    if not result.warnings:
        body = "<p>No warnings: no guard kept or put back text, nothing timed out.</p>"
    else:
        body = "<ul class=\"warnings\">" + "".join(
            f"<li class=\"warn\">{esc(w)}</li>" for w in result.warnings) + "</ul>"
    return (f"<section aria-labelledby=\"s-warnings\"><h2 id=\"s-warnings\">Warnings "
            f"({len(result.warnings)})</h2>{body}</section>")


def _reader(result: CleanResult, descriptions: dict[str, str], packset: PackSet) -> tuple[str, str]:
    """For a page: what the HTML reader chose as the main content and which rules left
    elements out; and, apart, every element it left out."""
    x = result.html
    kept = f"{x.blocks_kept} of {plural(x.blocks_total, 'block')} shown"
    container = (f"<code>{esc(x.container)}</code>: {kept}" if x.container else kept)
    if x.widened:
        container += " (widened beyond the best-scoring element)"
    facts = [("Main content", container)]
    if x.title:
        facts.append(("Page title", esc(x.title)))
    if x.url:
        facts.append(("Page URL", f"<span class=\"mono\">{esc(x.url)}</span>"))
    if x.lang:
        facts.append(("Declared language", esc(x.lang)))
    dl = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts)

    # Each rule that left something out: the reader's own (hidden elements, blocks outside the
    # main content) by what it reported, a selector rule by the elements it matched.
    left: dict[str, list] = {}
    for r in x.dropped:
        row = left.setdefault(r.rule_id, [r.category, r.pack, 0])
        row[2] += 1
    for rule_id, count in x.selector_hits:  # elements without text are counted here too
        pack = packset.owner.get(rule_id)
        category = next((r.category for r in (pack.rules if pack else ()) if r.id == rule_id), "")
        left[rule_id] = [left.get(rule_id, [category])[0], pack.name if pack else "?", count]
    rows = []
    for rule_id, (category, pack, count) in left.items():
        kind = "the reader's own" if rule_id in READER_RULES else "selector"
        rows.append(f"<tr><td><code>{esc(rule_id)}</code></td><td>{esc(kind)}</td><td>{esc(pack)}</td>"
                    f"<td>{category_label(category) if category else ''}</td>"
                    f"<td class=\"n\">{count:,}</td><td id=\"{anchor('left', rule_id)}\">"
                    f"{esc(descriptions.get(rule_id) or '(no description)')}</td></tr>")
    selectors = ("<table><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Kind</th>"
                 "<th scope=\"col\">Pack</th><th scope=\"col\">Category</th>"
                 "<th scope=\"col\" class=\"n\">Elements</th><th scope=\"col\">Description</th>"
                 "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
                 ) if rows else "<p>No selector rule matched this page, and nothing was left out.</p>"

    items = []
    for r in x.dropped:
        text = "\n".join(r.lines)
        items.append(f"<li class=\"{category_class(r.category)}\" data-rule=\"{esc(r.rule_id)}\" "
                     f"tabindex=\"0\" aria-describedby=\"{anchor('left', r.rule_id)}\">"
                     f"{category_label(r.category)} <code class=\"rule\">{esc(r.rule_id)}</code> "
                     f"<span class=\"muted\">{esc(r.pack)}</span><br><del>{esc(text)}</del>"
                     f"{_desc(r, descriptions)}</li>")
    dropped = (f"<ul class=\"dropped\">{''.join(items)}</ul>" if items
               else "<p>Nothing was left out.</p>")
    return ((f"<section aria-labelledby=\"s-reader\"><h2 id=\"s-reader\">What the HTML reader did</h2>"
             f"<dl class=\"facts\">{dl}</dl>"
             f"<h3>Selector rules that removed elements, and the reader's own decisions</h3>{selectors}"
             f"<p><a href=\"#s-left\">Every element it left out</a> follows the document.</p></section>"),
            (f"<section aria-labelledby=\"s-left\"><h2 id=\"s-left\">Left out by the HTML reader "
             f"({plural(len(items), 'element or run', 'elements or runs')})</h2>"
             f"<p class=\"muted\">Elements, not lines: they never reached the text rules. A run of "
             "blocks outside the main content is one item.</p>"
             f"{dropped}</section>"))


def _document(result: CleanResult, lines: list[str], descriptions: dict[str, str]) -> str:
    gone: dict[int, Removal] = {}
    trims: dict[int, list[Removal]] = defaultdict(list)
    for r in result.removals:
        if r.trimmed:
            trims[r.line_numbers[0]].append(r)
            continue
        for number in r.line_numbers:
            gone[number] = r
    cats = sorted({r.category for r in result.removals})
    count = len(lines)
    if count and not lines[-1] and count not in gone:
        count -= 1  # the final newline's empty "line"
    items = []
    for number in range(1, count + 1):
        line = lines[number - 1]
        removal = gone.get(number)
        if removal is not None:
            text = removal.lines[removal.line_numbers.index(number)]
            items.append(_removed_line(number, text, removal, descriptions))
        elif number in trims:
            items.append(_trimmed_line(number, line, trims[number], descriptions))
        elif not line.strip():
            items.append(f"<li class=\"blank\" id=\"L{number}\"><span class=\"no\">{number}</span>"
                         "<span class=\"txt\"></span></li>")
        else:
            items.append(f"<li class=\"kept\" id=\"L{number}\"><span class=\"no\">{number}</span>"
                         f"<span class=\"txt\">{esc(line)}</span></li>")
    return ("<section aria-labelledby=\"s-document\"><h2 id=\"s-document\">The document</h2>"
            "<p>Kept lines appear as written. Removed lines are struck through and shaded by "
            "category, with the category, the rule and its pack beside them; hover over one, or "
            "move to it with the Tab key, for the rule's description.</p>"
            + (legend(cats) if cats else "") +
            f"<ol class=\"doc\" aria-label=\"The document, line by line\">{''.join(items)}</ol></section>")


def _why(removal: Removal) -> str:
    return (f"<span class=\"why\">{category_label(removal.category)}"
            f"<code class=\"rule\">{esc(removal.rule_id)}</code>"
            f"<span class=\"pack\">{esc(removal.pack)}</span></span>")


def _desc(removal: Removal, descriptions: dict[str, str]) -> str:
    text = descriptions.get(removal.rule_id) or "(no description)"
    return f"<span class=\"desc\" aria-hidden=\"true\"><code>{esc(removal.rule_id)}</code>: {esc(text)}</span>"


def _removed_line(number: int, text: str, removal: Removal, descriptions: dict[str, str]) -> str:
    return (f"<li class=\"gone {category_class(removal.category)}\" id=\"L{number}\" tabindex=\"0\" "
            f"data-rule=\"{esc(removal.rule_id)}\" data-category=\"{esc(removal.category)}\" "
            f"aria-describedby=\"{anchor('rule', removal.rule_id)}\">"
            f"<span class=\"no\">{number}</span><span class=\"txt\"><del>{esc(text)}</del></span>"
            f"{_why(removal)}{_desc(removal, descriptions)}</li>")


def _trimmed_line(number: int, line: str, cuts: list[Removal], descriptions: dict[str, str]) -> str:
    """A kept line with the spans trimmed from it struck through where they stood."""
    spans = []
    taken: list[tuple[int, int]] = []
    for r in cuts:
        cut = r.lines[0]
        start = line.find(cut)
        while start >= 0 and any(a < start + len(cut) and start < b for a, b in taken):
            start = line.find(cut, start + 1)
        if start < 0:  # not found as written: shown after the line
            spans.append((len(line), len(line), r))
            continue
        taken.append((start, start + len(cut)))
        spans.append((start, start + len(cut), r))
    spans.sort(key=lambda s: s[0])
    out, at = [], 0
    for start, end, r in spans:
        out.append(esc(line[at:start]))
        text = line[start:end] if end > start else r.lines[0]
        out.append(f"<del class=\"cut {category_class(r.category)}\" data-rule=\"{esc(r.rule_id)}\">"
                   f"{esc(text)}</del>")
        at = max(at, end)
    out.append(esc(line[at:]))
    first = cuts[0]
    why = "".join(_why(r) for r in cuts)
    desc = "".join(_desc(r, descriptions) for r in cuts)
    described = " ".join(anchor("rule", r.rule_id) for r in cuts)
    return (f"<li class=\"trimmed {category_class(first.category)}\" id=\"L{number}\" tabindex=\"0\" "
            f"aria-describedby=\"{described}\"><span class=\"no\">{number}</span>"
            f"<span class=\"txt\">{''.join(out)}</span>{why}{desc}</li>")


def _rules_table(used: dict[str, list], descriptions: dict[str, str]) -> str:
    if not used:
        return ""
    rows = []
    for rule_id, (category, pack, n_lines, n_words) in sorted(
            used.items(), key=lambda kv: (-kv[1][3], kv[0])):
        rows.append(f"<tr><td><code>{esc(rule_id)}</code></td><td>{esc(pack)}</td>"
                    f"<td>{category_label(category)}</td><td class=\"n\">{n_lines:,}</td>"
                    f"<td class=\"n\">{n_words:,}</td>"
                    f"<td id=\"{anchor('rule', rule_id)}\">{esc(descriptions.get(rule_id) or '(no description)')}</td></tr>")
    return ("<section aria-labelledby=\"s-rules\"><h2 id=\"s-rules\">Rules that removed text</h2>"
            "<table><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Pack</th>"
            "<th scope=\"col\">Category</th><th scope=\"col\" class=\"n\">Lines</th>"
            "<th scope=\"col\" class=\"n\">Words</th><th scope=\"col\">Description</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></section>")
