"""The frame both reports share: one self-contained HTML page (inline CSS, no script, no
font or image from anywhere), the category labels and their colours.

A category is always shown by its name as well as its colour, so the report reads the same
in greyscale, in print and to a screen reader.
"""
from __future__ import annotations

import html
import re
from typing import Iterable

from ..categories import CATEGORIES

# One light background and one dark border per category; the label text stays near black on
# the background (contrast well above WCAG AA's 4.5:1 for every pair).
_HUES = {
    "ad": 0, "boilerplate": 220, "bio": 280, "byline": 200, "caption": 180, "comments": 30,
    "cookie": 40, "credit": 170, "cta": 330, "dateline": 190, "footer": 240, "label": 60,
    "legal": 260,
    "nav": 210, "newsletter": 300, "paywall": 350, "recent": 100, "related": 120,
    "share": 150, "tags": 80, "title": 20,
}


def _category_css() -> str:
    rules = []
    for name in CATEGORIES:
        hue = _HUES.get(name)
        if hue is None:  # a category added without a colour: grey, as c-other
            continue
        rules.append(f".c-{name}{{--bg:hsl({hue} 85% 92%);--bd:hsl({hue} 55% 38%)}}")
    rules.append(".c-other{--bg:#eee;--bd:#666}")  # a user pack's own category: grey
    return "\n".join(rules)


CSS = """
:root{color-scheme:light;--ink:#1b1b1b;--muted:#555;--rule:#ccc;--bg:#eee;--bd:#666}
*{box-sizing:border-box}
body{margin:0 auto;max-width:70rem;padding:1rem 1.5rem 3rem;color:var(--ink);background:#fff;
 font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--rule);padding-bottom:.2rem}
h3{font-size:1rem;margin:1.2rem 0 .4rem}
a{color:#0645ad}
a:focus,[tabindex]:focus{outline:3px solid #1a5fb4;outline-offset:1px}
td code,.why code,h3 code{white-space:nowrap}
code,.mono{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.9em}
.muted{color:var(--muted)}
.source{font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
table{border-collapse:collapse;margin:.4rem 0;min-width:20rem}
th,td{border:1px solid var(--rule);padding:.2rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.cat{display:inline-block;min-width:6.5em;padding:0 .4em;border:1px solid var(--bd);
 border-radius:.3em;background:var(--bg);font-size:.8rem;font-weight:600;text-align:center;
 white-space:nowrap}
.bar{display:inline-block;height:.7em;background:var(--bd);vertical-align:middle}
ul.warnings li{margin:.2rem 0}
.warn{border-left:4px solid #b36b00;background:#fff6e5;padding:.3rem .6rem;margin:.3rem 0;
 list-style:none}
ol.doc{list-style:none;margin:0;padding:0;border:1px solid var(--rule)}
ol.doc li{display:flex;gap:.6rem;align-items:baseline;padding:.05rem .5rem;position:relative;
 border-left:6px solid transparent}
ol.doc li.blank{min-height:1.2em}
.no{flex:0 0 3.2em;text-align:right;color:var(--muted);font-variant-numeric:tabular-nums;
 user-select:none}
.txt{flex:1 1 auto;white-space:pre-wrap;overflow-wrap:anywhere}
.why{flex:0 0 auto;display:flex;gap:.35rem;align-items:baseline;font-size:.8rem}
.why .pack{color:var(--muted)}
li.gone{background:var(--bg);border-left-color:var(--bd)}
li.gone del{text-decoration:line-through;text-decoration-thickness:1px;color:#444}
del.cut{background:var(--bg);outline:1px solid var(--bd);color:#444}
.desc{display:none;position:absolute;z-index:2;right:.5rem;top:100%;max-width:32rem;
 padding:.4rem .6rem;background:#fffff0;border:1px solid #999;box-shadow:0 2px 6px #0003;
 font-size:.85rem;color:var(--ink);white-space:normal}
li.gone:hover .desc,li.gone:focus .desc,li.gone:focus-within .desc,
li.trimmed:hover .desc,li.trimmed:focus-within .desc{display:block}
ul.dropped{list-style:none;padding:0}
ul.dropped li{background:var(--bg);border-left:6px solid var(--bd);margin:.2rem 0;
 padding:.15rem .5rem;position:relative}
ul.dropped li:hover .desc,ul.dropped li:focus .desc{display:block}
ul.dropped del{white-space:pre-wrap;color:#444}
table.ranking{width:100%}
table.ranking tr.rule td{border-top:2px solid #999;background:#fafafa}
table.ranking tr.examples td{border-top:0}
table.ranking tr.examples p{margin:.1rem 0}
ul.examples{margin:.2rem 0 .3rem;padding-left:1.2rem;overflow-wrap:anywhere}
ul.examples del{color:#444}
ul.toc{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;list-style:none;padding:0;margin:.3rem 0}
@media print{nav{display:none}}
.legend{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;padding:0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{
 body{max-width:none;padding:0;font-size:10.5pt}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .desc{display:none!important}
 a{color:inherit;text-decoration:none}
 ol.doc li,ul.dropped li,tr{break-inside:avoid}
 h2{break-after:avoid}
 li.gone del{color:#333}
}
""" + _category_css()


def esc(text: object) -> str:
    """Text as HTML (quotes too: the same helper fills attributes)."""
    return html.escape(str(text), quote=True)


_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


def anchor(prefix: str, name: str) -> str:
    """An element id for ``name`` (a rule id, a source), unique per prefix."""
    return f"{prefix}-{_ID_UNSAFE.sub('_', name)}"


def category_class(category: str) -> str:
    return f"c-{category}" if category in _HUES else "c-other"


def category_label(category: str) -> str:
    """The category's visible label: its name on its colour."""
    return f'<span class="cat {category_class(category)}">{esc(category)}</span>'


def legend(categories: Iterable[str]) -> str:
    items = "".join(f"<li>{category_label(c)}</li>" for c in categories)
    return f'<ul class="legend" aria-label="Categories shown">{items}</ul>'


def contents(sections: Iterable[tuple[str, str]]) -> str:
    """Links to the page's sections (id, title): a keyboard's way past a long document."""
    links = "".join(f'<li><a href="#{esc(i)}">{esc(t)}</a></li>' for i, t in sections)
    return f'<nav aria-label="Sections"><ul class="toc">{links}</ul></nav>'


def page(title: str, body: str) -> str:
    """The whole HTML page: ``body`` is already HTML."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"generator\" content=\"cleaner\">\n"
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n"
        "</body>\n</html>\n"
    )


def plural(count: int, noun: str, nouns: str = "") -> str:
    return f"{count:,} {noun if count == 1 else (nouns or noun + 's')}"
