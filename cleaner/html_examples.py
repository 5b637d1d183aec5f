"""Checking a selector rule against its own HTML examples (called by :mod:`cleaner.ruletest`).

* ``drop`` snippet: the selector matches at least one element; after the rule runs, the text of
  every matched element is gone from the snippet's text;
* ``keep`` snippet: the selector matches nothing.

The rule runs alone, on the snippet parsed as a page body, without the reader's guard against
dropping most of a page (a snippet is mostly the element by design).
"""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from .ruletest import ExampleFailure


def _body(snippet: str):
    tree = LexborHTMLParser(f"<html><body>{snippet}</body></html>")
    return tree, tree.body


def check_selector_rule(rule) -> list[ExampleFailure]:
    """Every way a selector rule disagrees with its examples (empty: it passes)."""
    from .html import apply_selectors

    failures: list[ExampleFailure] = []
    for which in ("drop", "keep"):
        for example in rule.examples.get(which) or []:
            snippet = example["text"] if isinstance(example, dict) else example

            def fail(problem: str) -> None:
                failures.append(ExampleFailure(rule.pack_name, rule.id, which, snippet, problem))

            try:
                tree, body = _body(snippet)
                matched = [" ".join(n.text().split()) for n in body.css(rule.value)]
            except Exception as exc:
                fail(f"Lexbor cannot run the selector: {exc}")
                continue
            if which == "keep":
                if matched:
                    shown = matched[0] or "(an element without text)"
                    fail(f"wrongly removed: {shown!r}")
                continue
            if not matched:
                fail("missed: the selector matched no element")
                continue
            hits = apply_selectors(body, [rule], guard=False)
            if not hits:
                fail("missed: the rule removed nothing")
                continue
            left = " ".join(body.text().split())
            survivors = [t for t in matched if t and t in left]
            if survivors:
                fail(f"missed: {survivors[0]!r} survived")
            if isinstance(example, dict) and "output" in example:
                if left != " ".join(example["output"].split()):
                    fail(f"text left was {left!r}, expected {example['output']!r}")
    return failures
