"""The ``cleaner`` command: ``cleaner clean`` and ``cleaner rules ...``.

Exit codes: 0 success, 1 a problem at run time (unreadable file, invalid pack) reported in
one line on stderr, 2 a usage error (click's own convention). Never a traceback for either.
"""
from __future__ import annotations

import json
import sys
from typing import Optional

import click

from . import __version__
from .errors import CleanerError, PackError
from .packs import get_packset
from .pipeline import clean_document


def _fail(message: str) -> "click.exceptions.Exit":
    click.echo(f"cleaner: {message}", err=True)
    return click.exceptions.Exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cleaner")
def main() -> None:
    """Strip boilerplate (ads, cookie banners, bios, related-article blocks, footers) from
    scraped news and keep the article, exactly as written."""


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise _fail(f"{path}: is a directory, not a file") from None
    except FileNotFoundError:
        raise _fail(f"{path}: no such file") from None
    except OSError as exc:
        raise _fail(f"{path}: cannot read: {exc.strerror or exc}") from None


def _explain(result, source: str) -> None:
    for r in result.removals:
        lines = f"line {r.line_numbers[0]}" if len(r.line_numbers) == 1 else \
            f"lines {r.line_numbers[0]}-{r.line_numbers[-1]}"
        verb = "trimmed" if r.trimmed else "removed"
        first = r.lines[0].strip()
        more = f" (+{len(r.lines) - 1} more)" if len(r.lines) > 1 else ""
        click.echo(f"{source}: {lines}: {verb} by {r.rule_id} [{r.category}]: "
                   f"{first[:70]!r}{more}", err=True)
    for warning in result.warnings:
        click.echo(f"{source}: warning: {warning}", err=True)


@main.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option("--url", help="The page's URL: picks site packs by domain.")
@click.option("--lang", help="The document's language (ISO 639-1, e.g. en); skips detection.")
@click.option("--rules-dir", "rules_dirs", multiple=True, type=click.Path(),
              help="A folder of extra rule packs (repeatable); also CLEANER_RULES_PATH.")
@click.option("--explain", is_flag=True, help="Report each removal and its rule on stderr.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="json: one JSON object per document on stdout, "
              "with the text and every removal.")
@click.option("--html/--text", "html", default=None,
              help="Force HTML or plain-text input (default: detect).")
def clean(files: tuple[str, ...], url: Optional[str], lang: Optional[str],
          rules_dirs: tuple[str, ...], explain: bool, fmt: str, html: Optional[bool]) -> None:
    """Clean FILES (or stdin, or '-') and write the article text to stdout.

    \b
    Examples:
      cleaner clean story.txt
      curl -s https://example.org/a | cleaner clean --url https://example.org/a
      cleaner clean --explain story.txt 2>removed.log
    """
    try:
        get_packset(rules_dirs)
    except PackError as exc:
        raise _fail(str(exc)) from None
    sources = files or ("-",)
    for source in sources:
        data = _read(source)
        name = "<stdin>" if source == "-" else source
        try:
            result = clean_document(data, url=url, lang=lang, html=html, rules_dirs=rules_dirs)
        except NotImplementedError as exc:
            raise _fail(f"{name}: {exc}") from None
        except CleanerError as exc:
            raise _fail(f"{name}: {exc}") from None
        try:
            if fmt == "json":
                payload = result.to_dict()
                payload["source"] = name
                sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
            else:
                sys.stdout.write(result.text)
            sys.stdout.flush()
        except BrokenPipeError:
            _quiet_broken_pipe()
        if explain and fmt != "json":
            _explain(result, name)


def _quiet_broken_pipe() -> None:
    """The reader went away (``cleaner clean big.txt | head -1``): stop quietly."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise click.exceptions.Exit(0)


@main.group()
def rules() -> None:
    """List, check and test rule packs."""


@rules.command("list")
@click.option("--rules-dir", "rules_dirs", multiple=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules_list(rules_dirs: tuple[str, ...], fmt: str) -> None:
    """Every pack in force and its rules: id, kind, category."""
    try:
        packset = get_packset(rules_dirs)
    except PackError as exc:
        raise _fail(str(exc)) from None
    rows = []
    for pack in packset.packs:
        for rule in pack.rules:
            disabled = rule.id in packset.disabled or packset.owner.get(rule.id) is not pack
            rows.append({"pack": pack.name, "kind": rule.KEY, "id": rule.id,
                         "category": rule.category, "path": pack.path, "active": not disabled})
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for row in rows:
        flag = "" if row["active"] else "  (disabled)"
        click.echo(f"{row['pack']:<20} {row['kind']:<10} {row['category']:<11} {row['id']}{flag}")


@rules.command("lint")
@click.argument("paths", nargs=-1, type=click.Path())
def rules_lint(paths: tuple[str, ...]) -> None:
    """Check packs (files or folders; default: every shipped pack) for schema errors,
    duplicate ids, bad regexes or selectors, and catastrophic backtracking.

    Prints FILE:LINE: what is wrong, and how to fix it. Exit 0 clean, 1 problems found.
    """
    from .lint import lint_files, pack_sources

    try:
        report = lint_files(pack_sources(paths))
    except PackError as exc:
        raise _fail(str(exc)) from None
    for problem in report.problems:
        click.echo(str(problem))
    noun = "problem" if len(report.problems) == 1 else "problems"
    click.echo(f"{report.files} pack file(s) checked, {len(report.problems)} {noun}", err=True)
    if report.problems:
        raise click.exceptions.Exit(1)


@rules.command("test")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-v", "--verbose", is_flag=True, help="Also list what passed.")
def rules_test(paths: tuple[str, ...], verbose: bool) -> None:
    """Run each rule on its drop/keep examples and each pack's corpus samples
    (corpus_samples/<pack>/ near the pack) against their expected output.

    PATHS are pack files or folders, added to the shipped packs; default: the shipped packs.
    Exit 0 when everything passes, 1 on any failure.
    """
    from .packs import extra_pack_files
    from .ruletest import check_rule, check_sample, samples_for

    try:
        packset = get_packset(paths)
        chosen = {str(p.resolve()) for p in extra_pack_files(paths)} if paths else None
    except PackError as exc:
        raise _fail(str(exc)) from None
    passed, failed = 0, 0
    for pack in packset.packs:
        if chosen is not None and str(__import__("pathlib").Path(pack.path).resolve()) not in chosen:
            continue
        for rule in pack.rules:
            failures = check_rule(rule, packset)
            count = sum(len(rule.examples.get(k) or []) for k in ("drop", "keep"))
            for failure in failures:
                click.echo(f"FAIL {failure}")
            failed += len(failures)
            passed += max(0, count - len(failures))
            if verbose and not failures:
                click.echo(f"ok   {pack.name}: {rule.id} ({count} examples)")
        for sample in samples_for(pack.path, pack.name):
            failure = check_sample(sample, packset, pack.name)
            if failure:
                click.echo(f"FAIL {failure}")
                failed += 1
            else:
                passed += 1
                if verbose:
                    click.echo(f"ok   {pack.name}: corpus sample {sample.name}")
    click.echo(f"{passed} passed, {failed} failed")
    if failed:
        raise click.exceptions.Exit(1)


@rules.command("new")
@click.argument("domain")
@click.option("--dir", "rules_dir", type=click.Path(file_okay=False),
              help="Where to write DOMAIN.yaml (default: ./rules/sites in a cleaner checkout).")
def rules_new(domain: str, rules_dir: Optional[str]) -> None:
    """Scaffold a site pack for DOMAIN, and a corpus_samples/DOMAIN/ folder for its samples.

    \b
    Then: edit the pack, add a sample, and run
      cleaner rules lint DIR/DOMAIN.yaml
      cleaner rules test DIR/DOMAIN.yaml
      cleaner clean --rules-dir DIR --url https://DOMAIN/... page.txt
    """
    from pathlib import Path

    from .scaffold import scaffold

    if rules_dir is None:
        if not Path("rules/sites").is_dir():
            raise _fail("no rules/sites/ folder here: run inside a cleaner checkout, "
                        "or pass --dir DIR for a private pack folder")
        rules_dir = "rules/sites"
    try:
        pack_file, samples = scaffold(domain, Path(rules_dir))
    except CleanerError as exc:
        raise _fail(str(exc)) from None
    click.echo(f"wrote {pack_file}")
    click.echo(f"wrote {samples}/README.txt (put NAME.txt, NAME.expected.txt, NAME.meta.yaml there)")


if __name__ == "__main__":  # python -m cleaner.cli
    main()
