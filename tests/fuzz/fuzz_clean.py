#!/usr/bin/env python3
"""Fuzz ``cleaner.clean()`` with atheris (libFuzzer), time-boxed; not part of the test suite.

    python tests/fuzz/fuzz_clean.py                      # every mode, 60 s in all
    python tests/fuzz/fuzz_clean.py --mode struct --seconds 300
    python tests/fuzz/fuzz_clean.py --replay tests/fuzz/findings/<sig>.json
    python tests/fuzz/fuzz_clean.py --minimize tests/fuzz/findings/<sig>.json

Modes (``--mode``, repeatable; ``all`` is every one, the ``--seconds`` budget split between them):

- ``text``: the fuzz input as bytes and as str (decoded with ``surrogateescape``, so invalid
  bytes become lone surrogates) through ``clean(x, html=False)``;
- ``html``: the same through ``clean(x, html=True)``;
- ``struct``: structure-aware: a custom mutator edits real documents (``corpus_samples/**/*.txt``,
  ``corpus_samples/html/*.html``, and HTML snippets) line by line and tag by tag: duplicated and
  spliced lines, boilerplate phrases from the packs' own rule examples, odd newlines and
  invisible characters, huge lines, deep nesting (around the walker's depth limit too),
  unclosed tags, ``<meta charset>`` declarations right and wrong (and the document re-encoded),
  huge attributes, entities, hidden and chrome-named boxes. Each input goes through both the
  text and the HTML checks.

Invariants checked for every input:

- no exception escapes (a :class:`cleaner.CleanerError` is reported too: str/bytes input should
  never raise), and the output is a str, empty or ending in one newline, without NULs;
- text mode: the output's lines are the input's lines in order, with the removals accounting for
  every other line (the rule of ``tests/test_properties.py``, after the NUL/newline
  normalisation of :mod:`cleaner.text.decode`), and cleaning is idempotent:
  ``clean(clean(x, html=False), html=False) == clean(x, html=False)``;
- time: an input under 100 KB that takes over 2 s (timed twice, to rule out a busy machine) is
  reported; one that runs past ``--hang`` seconds stops libFuzzer, which saves it as a
  ``timeout-*`` artifact.

Each distinct failure (a signature: the kind of failure and where it happened) is saved once,
as the smallest input seen, in ``--out`` (default ``tests/fuzz/findings/``): ``<sig>.bin`` holds
the bytes, ``<sig>.json`` how they were passed (bytes or str, html or not) and what went wrong.
Native crashes and hangs are saved by libFuzzer there as ``crash-*`` / ``timeout-*``. Without
atheris installed (``pip install atheris``), ``--engine random`` runs the same checks and
mutators without coverage guidance.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = ROOT / "corpus_samples"
MODES = ("text", "html", "struct")
SLOW_SECONDS = 2.0
SLOW_MAX_SIZE = 100_000
MAX_LEN = 131_072

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# cleaner is imported late (see _import_cleaner): atheris must instrument it as it loads.
cleaner = None


def _import_cleaner(instrument: bool) -> None:
    global cleaner
    if instrument:
        import atheris

        with atheris.instrument_imports(include=["cleaner"]):
            import cleaner as mod
    else:
        import cleaner as mod
    import cleaner.text.decode  # noqa: F401  (to_text, for the line rule)
    cleaner = mod


# --------------------------------------------------------------------------------------------
# invariants


class Failure(Exception):
    """An invariant broke: ``kind`` (part of the signature), ``where`` (the rest), ``detail``."""

    def __init__(self, kind: str, where: str = "", detail: str = ""):
        super().__init__(f"{kind} {where}".strip())
        self.kind, self.where, self.detail = kind, where, detail

    @property
    def signature(self) -> str:
        return f"{self.kind}:{self.where}" if self.where else self.kind


def _location(exc: BaseException) -> str:
    """The innermost frame in cleaner/ (and the innermost overall when that is elsewhere)."""
    frames = traceback.extract_tb(exc.__traceback__)
    own = [f for f in frames if f"{os.sep}cleaner{os.sep}" in f.filename]
    parts = []
    if own:
        f = own[-1]
        parts.append(f"{Path(f.filename).name}:{f.name}:{f.lineno}")
    if frames and (not own or frames[-1] is not own[-1]):
        f = frames[-1]
        parts.append(f"{Path(f.filename).name}:{f.name}")
    return "@".join(parts)


def _call(doc, html: bool):
    """clean_document(doc) with exceptions turned into Failures; (result, seconds)."""
    started = time.perf_counter()
    try:
        result = cleaner.clean_document(doc, html=html)
    except RecursionError as exc:
        raise Failure("recursion", _location(exc), traceback.format_exc()) from None
    except cleaner.CleanerError as exc:
        raise Failure("cleaner-error", type(exc).__name__, traceback.format_exc()) from None
    except Exception as exc:  # noqa: BLE001 - the point of the exercise
        raise Failure("exception", f"{type(exc).__name__}@{_location(exc)}",
                      traceback.format_exc()) from None
    return result, time.perf_counter() - started


def _clear_caches() -> None:
    """Empty cleaner's memo caches (not the pack set): a second timing must not be a cache hit."""
    from cleaner.memo import clear_all

    clear_all()


def _check_time(doc, html: bool, seconds: float) -> None:
    if seconds > SLOW_SECONDS and len(doc) < SLOW_MAX_SIZE:
        _clear_caches()
        _, again = _call(doc, html)  # a busy machine is not a slow cleaner
        if again > SLOW_SECONDS:
            raise Failure("slow", "html" if html else "text",
                          f"{min(seconds, again):.2f} s for {len(doc)} chars/bytes")


def _check_output(text) -> None:
    if not isinstance(text, str):
        raise Failure("not-str", type(text).__name__)
    if text and not text.endswith("\n"):
        raise Failure("output-shape", "no final newline", repr(text[-80:]))
    if "\x00" in text:
        raise Failure("output-shape", "NUL in output")


def check_text(doc) -> None:
    """Every text-mode invariant for one document (str or bytes); raises Failure."""
    result, seconds = _call(doc, False)
    _check_output(result.text)
    _check_lines(doc, result)
    again, _ = _call(result.text, False)
    if again.text != result.text:
        # one known cause, whatever the rules: the removed lines carried the language evidence
        fired = sorted({r.rule_id for r in again.removals})
        where = "language-changed" if again.language != result.language else \
            ",".join(fired) or "no-removal"
        raise Failure("not-idempotent", where,
                      f"languages {result.language} -> {again.language}, second pass removed "
                      f"{fired}\nfirst:\n{result.text[:2000]!r}\nsecond:\n{again.text[:2000]!r}")
    _check_time(doc, False, seconds)


def _check_lines(doc, result) -> None:
    """Output lines are input lines, in order; kept + removed = input (test_properties.py)."""
    lines = cleaner.text.decode.to_text(doc).split("\n")
    removed = {n for r in result.removals if not r.trimmed for n in r.line_numbers}
    trimmed = {r.line_numbers[0] for r in result.removals if r.trimmed}
    out = result.text.split("\n")[:-1] if result.text else []
    expected = []
    for number, line in enumerate(lines, start=1):
        if number in removed:
            continue
        if not line.strip():
            if expected and expected[-1] != "":
                expected.append("")
            continue
        expected.append(line)
    while expected and expected[-1] == "":
        expected.pop()
    trims = sorted({r.rule_id for r in result.removals if r.trimmed})
    if trimmed:
        if len(out) != len(expected):
            raise Failure("lines", "count-with-trims:" + ",".join(trims),
                          f"out={out!r}\nexpected={expected!r}")
        for got, want in zip(out, expected):
            if not (got == want or got in want):
                raise Failure("lines", "trim-not-a-span:" + ",".join(trims), f"{got!r} vs {want!r}")
    elif out != expected:
        first = next((i for i, (a, b) in enumerate(zip(out, expected)) if a != b),
                     min(len(out), len(expected)))
        raise Failure("lines", "out-not-input" if len(out) == len(expected) else "count",
                      f"first difference at output line {first}:\n"
                      f"out={out[first:first + 3]!r}\nexpected={expected[first:first + 3]!r}")
    counted = [n for r in result.removals if not r.trimmed for n in r.line_numbers]
    if len(counted) != len(set(counted)):
        raise Failure("lines", "removed-twice")
    bad = [n for n in counted if not (0 < n <= len(lines)) or not lines[n - 1].strip()]
    if bad:
        raise Failure("lines", "removed-blank-or-missing", f"line numbers {bad[:5]}")


def check_html(doc) -> None:
    """Every HTML-mode invariant for one document (str or bytes); raises Failure."""
    result, seconds = _call(doc, True)
    _check_output(result.text)
    _check_time(doc, True, seconds)


# --------------------------------------------------------------------------------------------
# what a fuzz input becomes


def as_document(data: bytes, kind: str):
    return data if kind == "bytes" else data.decode("utf-8", "surrogateescape")


def plan(mode: str, data: bytes) -> list[tuple[str, str]]:
    """[(check, input kind)] for one fuzz input in ``mode``."""
    if mode == "text":
        return [("text", "bytes"), ("text", "str")]
    if mode == "html":
        return [("html", "bytes"), ("html", "str")]
    odd = hashlib.blake2b(data, digest_size=1).digest()[0] & 1
    return [("text", "str" if odd else "bytes"), ("html", "bytes" if odd else "str")]


CHECKS = {"text": check_text, "html": check_html}


def run_one(check: str, kind: str, data: bytes):
    """None, or the Failure for this input."""
    try:
        CHECKS[check](as_document(data, kind))
    except Failure as failure:
        return failure
    return None


class Recorder:
    """Keeps the smallest input per signature in ``out``; prints each new signature."""

    def __init__(self, out: Path, mode: str):
        self.out, self.mode = out, mode
        out.mkdir(parents=True, exist_ok=True)
        self.sizes: dict[str, int] = {}
        self.inputs = 0
        self.started = time.time()

    def __call__(self, data: bytes) -> None:
        self.inputs += 1
        for check, kind in plan(self.mode, data):
            failure = run_one(check, kind, data)
            if failure is not None:
                self.save(failure, check, kind, data)
        if self.inputs % 2000 == 0:
            self.progress()

    def save(self, failure: Failure, check: str, kind: str, data: bytes) -> None:
        sig = f"{check}/{kind}/{failure.signature}"
        name = re.sub(r"[^\w.-]+", "_", f"{check}-{failure.kind}")[:40] + "-" + \
            hashlib.sha1(sig.encode()).hexdigest()[:10]
        meta_path = self.out / f"{name}.json"
        known = self.sizes.get(sig)
        if known is None and meta_path.exists():
            known = json.loads(meta_path.read_text())["size"]
        if known is not None and known <= len(data):
            return
        new = known is None
        self.sizes[sig] = len(data)
        (self.out / f"{name}.bin").write_bytes(data)
        meta_path.write_text(json.dumps({
            "signature": sig, "check": check, "input": kind, "mode": self.mode,
            "size": len(data), "kind": failure.kind, "where": failure.where,
            "detail": failure.detail[-4000:], "found": time.strftime("%Y-%m-%d %H:%M:%S"),
        }, indent=1))
        if new:
            print(f"\n[fuzz] NEW {sig} ({len(data)} bytes) -> {meta_path}", flush=True)

    def progress(self) -> None:
        rate = self.inputs / max(1e-9, time.time() - self.started)
        print(f"[fuzz] {self.mode}: {self.inputs} inputs, {rate:.1f}/s, "
              f"{len(self.sizes)} signatures", flush=True)


# --------------------------------------------------------------------------------------------
# seeds and the structure-aware mutator


def text_seeds() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*.txt"))


def html_seeds() -> list[Path]:
    return sorted(CORPUS.glob("html/*.html"))


STORY = ("<h1>Storm hits the coast</h1><p>The storm reached the coast on Monday night, and "
         "officials said the damage was the worst the town had seen in a decade.</p>")
SNIPPETS = [
    "<html><head><title>Storm | Example News</title></head><body><article>" + STORY
    + "</article></body></html>",
    "<!DOCTYPE html><html lang='de-AT'><body><div class='content'>" + STORY * 3
    + "<div class='comments'><p>First comment, with a view, about the storm.</p></div></div>",
    "<html><body><div>" * 500 + STORY + "</div>" * 500,
    "<body><p>Unclosed <b>bold <i>italic <a href='x'>link <p>next paragraph, still open",
    "<meta charset='shift_jis'><p>\u30cb\u30e5\u30fc\u30b9\u306e\u672c\u6587\u3067\u3059\u3002</p>",
    "<html><head><meta http-equiv='Content-Type' content='text/html; charset=utf-16'></head>"
    "<body><p>Declared UTF-16, written in ASCII.</p></body></html>",
    "<table><tr><td>Home</td><td>News</td><td>Sport</td></tr><tr><td>" + STORY + "</td></tr></table>",
    "<pre>line one\x01\n  indented line\r\n\ttabbed</pre><p>after &amp; &lt;p&gt; &#0; &#x110000; "
    "&#xD800; &nbsp;&shy;&zwnj; &#10;&#13;&#x2028; &unknown; &amp</p>",
    "<body hidden><main style='display:none'>" + STORY + "</main></body>",
    "<html><body><script>document.write('<p>' + 'x')</script><!-- unclosed comment " + STORY,
    "<div class='" + "sidebar related " * 200 + "'>" + STORY + "</div>",
    "<h1></h1><h1>" + "Headline " * 40 + "</h1><title>|</title><p>" + "word, " * 300 + "</p>",
    "<plaintext><p>not a tag</p>" + STORY,
    "<xmp>" + STORY + "</xmp><noscript><p>Enable JavaScript</p></noscript><template><p>t</p>",
    "<svg><foreignObject><p>" + STORY + "</p></foreignObject></svg><math><mi>x</mi></math>",
    "<a href='/'><div><a href='/x'>" + STORY + "</a></div></a>",
    "<link rel='canonical' href='https://www.novinite.com/articles/1'><meta property='og:url' "
    "content='javascript:alert(1)'><p>" + "Sofia news item. " * 20 + "</p>",
    "<frameset><frame src='a'></frameset><p>after frames</p>",
    "<br><br><br>" * 50 + "text<br>more<br><br>block",
    "<ul>" + "<li><a href='#'>Related story number one</a></li>" * 30 + "</ul>" + STORY,
]
SPECIAL_CHARS = ["\x00", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\ufeff", "\u00ad", "\u200b",
                 "\xa0", "\u3000", "\t", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x01", "\udc80",
                 "\ud800", "\U0001F600", "\u0301", "\u202e", "\u200d", "\ufffd", "\n", "\n\n",
                 " ", "  \n", "\ufeff\n", "\r\r\n", "\x85\n"]
BLANKISH = ["", " ", "\t", "\xa0", "\u3000", "\x0b", "\x0c", "\x1c", "\u200b", "\ufeff",
            "\u2007", " \xa0 ", "\u00ad", "\x00", "\x00 \x00"]
FURNITURE = ["Advertisement", "Share this article", "Related Articles:", "Subscribe", "Home | News | Sport",
             "© 2024 Example Media", "4 hours ago", "Tags: politics, budget", "Read more: Budget fight",
             "X", "Recent posts", "More from this author", "Photo: Reuters", "Sponsored", "Comments (12)",
             "We use cookies to personalise content and ads; by clicking accept you consent to our partners."]
PROSE = ["The council approved the new budget on Monday after a long debate about schools.",
         "Officials said the bridge would reopen next week, once the repairs were finished.",
         "Der Stadtrat hat am Montag nach einer langen Debatte den neuen Haushalt beschlossen.",
         "El consejo aprobó el lunes el nuevo presupuesto tras un largo debate sobre las escuelas."]
TAGS = ["div", "p", "span", "a", "b", "i", "table", "tr", "td", "li", "ul", "section", "article",
        "font", "pre", "blockquote", "h1", "h2", "main", "aside", "nav", "footer", "header", "form",
        "noscript", "center", "figure", "figcaption", "dl", "dd", "em", "strong", "x-custom", "svg",
        "template", "select", "button", "details", "summary", "q", "s", "u", "big", "marquee"]
CLASS_WORDS = ["comment", "comments", "sidebar", "related", "article-body", "entry-content",
               "post", "content", "share", "meta", "footer", "widget", "cookie-consent", "main",
               "hidden", "story", "teaser", "nav", "byline", "elementor-widget-container"]
CHARSETS = ["utf-8", "iso-8859-1", "windows-1252", "shift_jis", "euc-jp", "gb2312", "big5",
            "koi8-r", "utf-16", "utf-16le", "utf-32", "utf-7", "iso-2022-jp", "x-user-defined",
            "bogus-charset", "cp037", "cp500", "utf-8-sig", "mac-roman", "iso-8859-9", "tis-620",
            "unicode", "hz", "idna", "rot13", "base64", "zlib", "punycode", "replacement", '"'
            ]
ENTITIES = ["&amp;", "&lt;", "&gt;", "&nbsp;", "&shy;", "&#0;", "&#x0;", "&#1;", "&#x110000;",
            "&#xD800;", "&#xDFFF;", "&#10;", "&#13;", "&#x85;", "&#x2028;", "&#65279;",
            "&#9999999999;", "&#x;", "&#;", "&notin", "&unknown;", "&AMP", "&lt;p&gt;", "&#x1;",
            "&zwnj;", "&ZeroWidthSpace;", "&#x200b;", "&#128512;"]


class Mutator:
    """Structure-aware edits of a document (decoded with surrogateescape), seeded."""

    def __init__(self) -> None:
        self.samples = [p.read_bytes() for p in text_seeds() + html_seeds()]
        self.samples += [s.encode("utf-8", "surrogatepass") for s in SNIPPETS]
        self.phrases = list(FURNITURE + PROSE)
        try:
            for rule in cleaner.engine.packs.get_packset().all_rules():
                for key in ("drop", "keep"):
                    for ex in (rule.examples or {}).get(key) or []:
                        if isinstance(ex, str) and len(ex) < 2000:
                            self.phrases.append(ex)
        except Exception:  # noqa: BLE001 - phrases are a nicety
            pass
        self.text_ops = [self.dup_line, self.del_lines, self.swap_lines, self.insert_phrase,
                         self.splice, self.insert_chars, self.blankish_line, self.huge_line,
                         self.many_lines, self.upper_line, self.indent_line, self.truncate,
                         self.repeat_block]
        self.html_ops = [self.wrap_deep, self.insert_snippet, self.huge_attribute,
                         self.insert_entity, self.meta_charset, self.unclose, self.retag,
                         self.chrome_class, self.hide, self.insert_tag_text]

    # -- helpers
    @staticmethod
    def _lines(s: str) -> list[str]:
        return s.split("\n")

    @staticmethod
    def _pos(rng: random.Random, s: str) -> int:
        if "<" in s and rng.random() < 0.5:  # at a tag boundary
            starts = [m.start() for m in re.finditer("<", s[:200_000])]
            return rng.choice(starts)
        return rng.randint(0, len(s))

    # -- text edits
    def dup_line(self, rng, s):
        lines = self._lines(s)
        line = rng.choice(lines)
        for _ in range(rng.choice([1, 1, 2, 5])):
            lines.insert(rng.randint(0, len(lines)), line)
        return "\n".join(lines)

    def del_lines(self, rng, s):
        lines = self._lines(s)
        i = rng.randrange(len(lines))
        del lines[i:i + rng.choice([1, 1, 2, 10])]
        return "\n".join(lines)

    def swap_lines(self, rng, s):
        lines = self._lines(s)
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return "\n".join(lines)

    def insert_phrase(self, rng, s):
        lines = self._lines(s)
        phrase = rng.choice(self.phrases)
        i = rng.randint(0, len(lines))
        lines[i:i] = ["", phrase, ""] if rng.random() < 0.5 else [phrase]
        return "\n".join(lines)

    def splice(self, rng, s):
        other = self._lines(rng.choice(self.samples).decode("utf-8", "surrogateescape"))
        a = rng.randrange(len(other))
        lines = self._lines(s)
        i = rng.randint(0, len(lines))
        lines[i:i] = other[a:a + rng.randint(1, 30)]
        return "\n".join(lines)

    def insert_chars(self, rng, s):
        for _ in range(rng.randint(1, 8)):
            i = rng.randint(0, len(s))
            s = s[:i] + rng.choice(SPECIAL_CHARS) + s[i:]
        return s

    def blankish_line(self, rng, s):
        lines = self._lines(s)
        lines.insert(rng.randint(0, len(lines)),
                     "".join(rng.choice(BLANKISH) for _ in range(rng.randint(1, 4))))
        return "\n".join(lines)

    def huge_line(self, rng, s):
        lines = self._lines(s)
        word = rng.choice(["word ", "Advertisement ", "x", "a, ", "<div>", "&amp;", "| ", ". ",
                           rng.choice(self.phrases) + " "])
        lines.insert(rng.randint(0, len(lines)), word * rng.choice([100, 1000, 5000, 20000 // len(word)]))
        return "\n".join(lines)

    def many_lines(self, rng, s):
        lines = self._lines(s)
        line = rng.choice(["", "x", "Home", "Related", rng.choice(self.phrases), "<p>x</p>", "|"])
        lines[rng.randint(0, len(lines)):0] = [line] * rng.choice([50, 500, 3000])
        return "\n".join(lines)

    def upper_line(self, rng, s):
        lines = self._lines(s)
        i = rng.randrange(len(lines))
        lines[i] = lines[i].upper() if rng.random() < 0.5 else lines[i].title()
        return "\n".join(lines)

    def indent_line(self, rng, s):
        lines = self._lines(s)
        i = rng.randrange(len(lines))
        pad = rng.choice([" ", "\t", "    ", "\xa0", "\u3000", " \r"])
        lines[i] = pad + lines[i] if rng.random() < 0.5 else lines[i] + pad
        return "\n".join(lines)

    def truncate(self, rng, s):
        return s[:rng.randint(0, len(s))] if rng.random() < 0.5 else s[rng.randint(0, len(s)):]

    def repeat_block(self, rng, s):
        blocks = s.split("\n\n")
        b = rng.choice(blocks)
        for _ in range(rng.choice([1, 2, 3, 10])):
            blocks.insert(rng.randint(0, len(blocks)), b)
        return "\n\n".join(blocks)

    # -- markup edits
    def wrap_deep(self, rng, s):
        depth = rng.choice([2, 10, 100, 398, 399, 400, 401, 402, 1000, 3000, 8000])
        tag = rng.choice(TAGS)
        mixed = rng.random() < 0.3
        opens = "".join(f"<{rng.choice(TAGS) if mixed else tag}>" for _ in range(depth))
        closes = "" if rng.random() < 0.3 else f"</{tag}>" * depth
        i = self._pos(rng, s)
        j = rng.randint(i, min(len(s), i + 5000))
        return s[:i] + opens + s[i:j] + closes + s[j:]

    def insert_snippet(self, rng, s):
        i = self._pos(rng, s)
        return s[:i] + rng.choice(SNIPPETS) + s[i:]

    def huge_attribute(self, rng, s):
        name = rng.choice(["class", "id", "style", "data-x", "href", "title", "lang", "role"])
        value = rng.choice(["x", "comment ", "display:none;", "a" * 7, '"', "&amp;", "\x00"]) * \
            rng.choice([10, 1000, 30000])
        tag = f"<{rng.choice(TAGS)} {name}=\"{value}\">" if rng.random() < 0.7 else \
            f"<html {name}='{value}' lang='{value[:5000]}'>"
        i = self._pos(rng, s)
        return s[:i] + tag + s[i:]

    def insert_entity(self, rng, s):
        for _ in range(rng.randint(1, 10)):
            i = rng.randint(0, len(s))
            s = s[:i] + rng.choice(ENTITIES) + s[i:]
        return s

    def meta_charset(self, rng, s):
        cs = rng.choice(CHARSETS)
        meta = rng.choice([f"<meta charset='{cs}'>", f"<meta charset={cs}>",
                           f'<meta http-equiv="Content-Type" content="text/html; charset={cs}">',
                           f"<meta charset  =  \"  {cs}\"/>"])
        at = 0 if rng.random() < 0.7 else rng.randint(0, len(s))
        return s[:at] + meta + s[at:]

    def unclose(self, rng, s):
        closers = [m.start() for m in re.finditer(r"</?\w", s[:200_000])]
        for _ in range(rng.randint(1, 10)):
            if not closers:
                break
            i = rng.choice(closers)
            end = s.find(">", i)
            if end < 0:
                break
            s = s[:i] + (s[i:end] if rng.random() < 0.5 else "") + s[end + 1:]
            closers = [c for c in closers if c < i]
        return s

    def retag(self, rng, s):
        found = sorted(set(re.findall(r"</?([a-zA-Z][\w-]*)", s[:200_000])))
        if not found:
            return s
        old, new = rng.choice(found), rng.choice(TAGS)
        return re.sub(rf"(</?){re.escape(old)}\b", rf"\g<1>{new}", s)

    def chrome_class(self, rng, s):
        opens = [m.end(1) for m in re.finditer(r"<(\w+)", s[:200_000])]
        if not opens:
            return s
        i = rng.choice(opens)
        cls = " ".join(rng.choice(CLASS_WORDS) for _ in range(rng.randint(1, 3)))
        return s[:i] + f' class="{cls}" id="{rng.choice(CLASS_WORDS)}"' + s[i:]

    def hide(self, rng, s):
        opens = [m.end(1) for m in re.finditer(r"<(\w+)", s[:200_000])]
        if not opens:
            return s
        i = rng.choice(opens)
        attr = rng.choice([" hidden", ' style="display: NONE"', ' aria-hidden="true"',
                           ' type="hidden"', ' style="visibility:hidden"'])
        return s[:i] + attr + s[i:]

    def insert_tag_text(self, rng, s):
        tag = rng.choice(TAGS + ["br", "hr", "title", "h1", "h3", "script", "style", "!--"])
        text = rng.choice(self.phrases)
        close = "" if rng.random() < 0.3 else f"</{tag}>"
        i = self._pos(rng, s)
        return s[:i] + f"<{tag}>{text}{close}" + s[i:]

    # -- the mutator
    def __call__(self, data: bytes, max_size: int, seed: int) -> bytes:
        rng = random.Random(seed)
        if rng.random() < 0.1 or not data:
            data = rng.choice(self.samples)
        if rng.random() < 0.2:
            import atheris  # byte-level libFuzzer mutation now and then

            return atheris.Mutate(data, max_size)
        s = data.decode("utf-8", "surrogateescape")
        markup = "<" in s[:4096]
        ops = self.html_ops + self.text_ops[:6] if markup else self.text_ops + self.html_ops[:3]
        for _ in range(rng.choice([1, 1, 2, 3, 4])):
            s = rng.choice(ops)(rng, s)
        return self.encode(rng, s)[:max_size]

    def encode(self, rng, s: str) -> bytes:
        if rng.random() < 0.85:
            return _utf8(s)
        codec = rng.choice(["latin-1", "cp1252", "utf-16", "utf-16-be", "utf-32", "shift_jis",
                            "koi8-r", "utf-8-sig", "gb18030", "cp500"])
        try:
            return s.encode(codec, "replace")
        except (UnicodeError, LookupError):
            return _utf8(s)


def _utf8(s: str) -> bytes:
    """UTF-8, the bytes a surrogateescape decode stood for given back, other lone surrogates
    written as they are (invalid UTF-8, which is the point)."""
    try:
        return s.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return s.encode("utf-8", "surrogatepass")


def random_bytes_mutate(rng: random.Random, data: bytes, max_size: int) -> bytes:
    """Byte-level edits for --engine random (what libFuzzer does, crudely)."""
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(5)
        i = rng.randint(0, len(b))
        if op == 0 and b:
            b[min(i, len(b) - 1)] = rng.randrange(256)
        elif op == 1:
            b[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 2:
            del b[i:i + rng.randint(1, 16)]
        elif op == 3 and b:
            j = rng.randrange(len(b))
            b[i:i] = b[j:j + rng.randint(1, 64)]
        else:
            b[i:i] = rng.choice([b"\n", b"\r\n", b"\x00", b"\xff", b"\xef\xbb\xbf", b"<p>", b"</div>",
                                 b"&amp;", b"\xc3", b"\xe2\x80\xa8"])
    return bytes(b[:max_size])


# --------------------------------------------------------------------------------------------
# engines


def seed_dir(work: Path, mode: str) -> Path:
    """A working corpus for libFuzzer, seeded with the samples (kept between runs)."""
    d = work / f"corpus-{mode}"
    d.mkdir(parents=True, exist_ok=True)
    seeds = []
    if mode in ("text", "struct"):
        seeds += [p.read_bytes() for p in text_seeds()]
        seeds += [b"", b"\n", b"\xef\xbb\xbf", b"Advertisement\n\nStory text.\n", b"\x00\r\n\xff"]
    if mode in ("html", "struct"):
        seeds += [p.read_bytes() for p in html_seeds()]
        seeds += [s.encode("utf-8", "surrogatepass") for s in SNIPPETS]
    for data in seeds:
        path = d / ("seed-" + hashlib.sha1(data).hexdigest()[:16])
        if not path.exists():
            path.write_bytes(data[:MAX_LEN])
    return d


def write_dict(work: Path) -> Path:
    """A libFuzzer dictionary: tags, attributes, entities, charsets and boilerplate phrases."""
    path = work / "cleaner.dict"
    tokens = {f"<{t}>" for t in TAGS} | {f"</{t}>" for t in TAGS} | set(ENTITIES)
    tokens |= {f"charset={c}" for c in CHARSETS} | {f'class="{c}"' for c in CLASS_WORDS}
    tokens |= {"<meta ", " hidden", 'style="display:none"', "<br>", "<!--", "-->", "<!DOCTYPE html>",
               "<html>", "<body>", "\r\n", "\n\n", "\u2028", "\ufeff", "\x00"}
    tokens |= set(FURNITURE)
    lines = []
    for tok in sorted(tokens):
        raw = tok.encode("utf-8", "surrogatepass")
        lines.append('"' + "".join(chr(c) if 32 <= c < 127 and c not in (34, 92) else f"\\x{c:02x}"
                                   for c in raw) + '"')
    path.write_text("\n".join(lines) + "\n")
    return path


def fuzz_worker(args, extra: list[str]) -> None:
    mode = args.mode[0]
    out, work = Path(args.out), Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    if args.engine == "random":
        _import_cleaner(False)
        import cleaner.engine.packs  # noqa: F401
        return random_worker(mode, out, work, args.seconds, args.seed)
    import atheris

    _import_cleaner(True)
    import cleaner.engine.packs  # noqa: F401
    record = Recorder(out, mode)
    corpus = seed_dir(work, mode)
    argv = [sys.argv[0], str(corpus), f"-max_total_time={int(args.seconds)}",
            f"-timeout={int(args.hang)}", f"-max_len={MAX_LEN}", f"-dict={write_dict(work)}",
            f"-artifact_prefix={out}{os.sep}{mode}-", "-print_final_stats=1", "-rss_limit_mb=3072",
            f"-seed={args.seed}"] + extra
    kwargs = {}
    if mode == "struct":
        kwargs["custom_mutator"] = Mutator()
    atheris.Setup(argv, record, **kwargs)
    atheris.Fuzz()


def random_worker(mode: str, out: Path, work: Path, seconds: float, seed: int) -> None:
    rng = random.Random(seed)
    record = Recorder(out, mode)
    seeds = [p.read_bytes() for p in seed_dir(work, mode).iterdir()]
    mutator = Mutator()
    deadline = time.time() + seconds
    while time.time() < deadline:
        data = rng.choice(seeds)
        if mode == "struct" or rng.random() < 0.3:
            s = data.decode("utf-8", "surrogateescape")
            ops = mutator.text_ops + mutator.html_ops
            for _ in range(rng.randint(1, 3)):
                s = rng.choice(ops)(rng, s)
            data = mutator.encode(rng, s)[:MAX_LEN]
        if mode != "struct" or rng.random() < 0.2:
            data = random_bytes_mutate(rng, data, MAX_LEN)
        record(data)
        if rng.random() < 0.05 and len(seeds) < 5000:
            seeds.append(data)
    record.progress()


def run_modes(args, extra: list[str]) -> int:
    modes = list(MODES) if "all" in args.mode else args.mode
    per = max(5, args.seconds / len(modes))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    before = {p.name for p in out.iterdir()}
    started = time.time()
    for mode in modes:
        deadline = time.time() + per
        restarts = 0
        while time.time() < deadline - 3 and restarts < 5:  # a crash or hang ends libFuzzer
            left = int(deadline - time.time())
            print(f"[fuzz] mode {mode}: {left} s ({args.engine})", flush=True)
            cmd = [sys.executable, __file__, "--worker", "--mode", mode, "--seconds", str(left),
                   "--out", str(out), "--work", args.work, "--engine", args.engine,
                   "--hang", str(args.hang), "--seed", str(args.seed + restarts)]
            if extra:
                cmd += ["--", *extra]
            try:
                subprocess.run(cmd, timeout=left + args.hang + 120)
            except subprocess.TimeoutExpired:
                print(f"[fuzz] mode {mode}: worker did not stop in time", flush=True)
            restarts += 1
    return summarise(out, before, time.time() - started)


def summarise(out: Path, before: set, seconds: float) -> int:
    new = sorted(p for p in out.iterdir() if p.name not in before)
    findings = sorted(out.glob("*.json"))
    print(f"\n[fuzz] ran {seconds:.0f} s; {len(findings)} signature(s) in {out}"
          f" ({sum(1 for p in new if p.suffix == '.json')} new this run)")
    for p in findings:
        meta = json.loads(p.read_text())
        flag = "NEW " if p.name not in before else ""
        print(f"  {flag}{meta['signature']}  [{meta['size']} bytes]  {p.name}")
    for p in sorted(out.iterdir()):
        if p.name.split("-", 1)[-1].startswith(("crash-", "timeout-", "oom-", "leak-", "slow-unit-")):
            print(f"  libFuzzer artifact: {p.name} ({p.stat().st_size} bytes)")
    return 1 if findings else 0


# --------------------------------------------------------------------------------------------
# replay and minimise


def load_finding(path: Path) -> tuple[dict, bytes]:
    if path.suffix == ".json":
        meta = json.loads(path.read_text())
        return meta, path.with_suffix(".bin").read_bytes()
    # a raw input (a libFuzzer artifact): every check on it
    return {"signature": None, "check": None, "input": None}, path.read_bytes()


def replay(path: Path) -> int:
    _import_cleaner(False)
    meta, data = load_finding(path)
    checks = [(meta["check"], meta["input"])] if meta["check"] else \
        [(c, k) for c in CHECKS for k in ("bytes", "str")]
    status = 0
    for check, kind in checks:
        started = time.perf_counter()
        failure = run_one(check, kind, data)
        took = time.perf_counter() - started
        doc = as_document(data, kind)
        print(f"{check}/{kind}: {len(data)} bytes, {took:.2f} s: "
              f"{'ok' if failure is None else failure.signature}")
        if failure is not None:
            status = 1
            print(failure.detail)
            print("input:", repr(doc)[:3000])
    return status


def minimise(path: Path, budget: float) -> int:
    """Shrink a finding's input while it keeps its signature (ddmin over lines, then chunks)."""
    _import_cleaner(False)
    meta, data = load_finding(path)
    check, kind, want = meta["check"], meta["input"], meta["signature"]
    deadline = time.time() + budget

    def still(candidate: bytes) -> bool:
        failure = run_one(check, kind, candidate)
        return failure is not None and f"{check}/{kind}/{failure.signature}" == want

    if not still(data):
        print("the finding no longer reproduces:", want)
        return 1
    for unit in ("line", 256, 64, 16, 4, 1):
        if unit == "line":
            parts = data.splitlines(keepends=True)
        else:
            parts = [data[i:i + unit] for i in range(0, len(data), unit)]
        chunk = max(1, len(parts) // 2)
        while time.time() < deadline:  # remove every chunk that can go, then halve the chunks
            i = 0
            while i < len(parts) and time.time() < deadline:
                candidate = parts[:i] + parts[i + chunk:]
                if candidate and still(b"".join(candidate)):
                    parts = candidate
                else:
                    i += chunk
            if chunk == 1:
                break
            chunk //= 2
        data = b"".join(parts)
    target = path.with_name(path.stem + ".min.bin")
    target.write_bytes(data)
    print(f"minimised to {len(data)} bytes -> {target}")
    print(f"{check}({as_document(data, kind)!r})  # {want}")
    return 0


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in argv:
        at = argv.index("--")
        argv, extra = argv[:at], argv[at + 1:]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", action="append", choices=MODES + ("all",),
                        help="text, html, struct or all (default all); repeatable")
    parser.add_argument("--seconds", type=float, default=60, help="the whole run's budget (60)")
    parser.add_argument("--out", default=str(HERE / "findings"), help="where findings go")
    parser.add_argument("--work", default=str(HERE / "work"), help="libFuzzer's working corpus")
    try:
        import atheris  # noqa: F401
        default_engine = "atheris"
    except ImportError:
        default_engine = "random"
    parser.add_argument("--engine", choices=("atheris", "random"), default=default_engine)
    parser.add_argument("--hang", type=float, default=30, help="seconds before an input is a hang")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--replay", type=Path, help="run the checks on a finding (.json) or raw input")
    parser.add_argument("--minimize", "--minimise", type=Path, dest="minimize",
                        help="shrink a finding (.json), keeping its signature")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.mode = args.mode or ["all"]
    if args.replay:
        return replay(args.replay)
    if args.minimize:
        return minimise(args.minimize, args.seconds if args.seconds != 60 else 600)
    if args.worker:
        fuzz_worker(args, extra)
        return 0
    return run_modes(args, extra)


if __name__ == "__main__":
    sys.exit(main())
