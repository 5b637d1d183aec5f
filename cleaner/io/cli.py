"""The ``cleaner`` command: ``cleaner clean`` and ``cleaner rules ...``.

Exit codes: 0 success, 1 a problem at run time (unreadable file, invalid pack) reported in
one line on stderr, 2 a usage error (click's own convention). Never a traceback for either.
"""
from __future__ import annotations

import io
import json
import os
import stat
import sys
from contextlib import closing
from pathlib import Path
from typing import Optional

import click

from .. import __version__
from . import output
from .batch import clean_source, DocOptions, read_source, set_options as set_doc_options
from ..errors import CleanerError, InputError, PackError
from ..inputs import language_code, page_url
from .jsonl import (all_chunks, clean_chunk, EXPLAIN_KEY, JsonlOptions,
                    set_options as set_jsonl_options)
from ..engine.packs import get_packset
from .parallel import WorkerDied, ordered_map, resolve_jobs
from ..engine.pipeline import keep_categories
from .progress import Progress
from ..report import CorpusReport, write_report


def _named_folders(ctx, param, values: tuple[str, ...]) -> tuple[str, ...]:
    """--rules-dir: an empty name would be the current folder, every .yaml under it."""
    if any(not value.strip() for value in values):
        raise click.BadParameter("an empty name is no folder (it would load every .yaml under "
                                 "the current folder); name the folder of your packs")
    return values


def _checked(check):
    """A click callback that runs one of :mod:`cleaner.inputs`' checks (exit 2 on a bad value)."""
    def callback(ctx, param, value: Optional[str]) -> Optional[str]:
        if value is None:
            return None
        try:
            return check(value)
        except InputError as exc:
            raise click.BadParameter(str(exc)) from None
    return callback


def _fail(message: str) -> "click.exceptions.Exit":
    click.echo(f"cleaner: {message}", err=True)
    return click.exceptions.Exit(1)


class _Main(click.Group):
    """The command group. The commands write through :mod:`cleaner.io.output`; what click
    writes itself (--help, --version) ends the same way when stdout fails."""

    def main(self, *args, **kwargs):
        try:
            return super().main(*args, **kwargs)
        except OSError as exc:  # click handles a closed pipe itself (exit 1)
            sys.exit(output.stopped(exc))


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cleaner")
def main() -> None:
    """Strip boilerplate (ads, cookie banners, bios, related-article blocks, footers) from
    scraped news and keep the article, exactly as written."""


@main.command(short_help="Clean documents: the article text to stdout.")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option("--url", callback=_checked(page_url),
              help="The page's URL: picks site packs by domain.")
@click.option("--lang", callback=_checked(language_code),
              help="The document's language (ISO 639-1, e.g. en); skips detection.")
@click.option("--rules-dir", "rules_dirs", multiple=True, type=click.Path(),
              callback=_named_folders,
              help="A folder of extra rule packs (repeatable); also CLEANER_RULES_PATH.")
@click.option("--explain", is_flag=True, help="Report each removal and its rule on stderr "
              "(with --jsonl: in a 'cleaner' key of each record).")
@click.option("--report", "report_path", metavar="PATH", type=click.Path(dir_okay=False),
              help="Write an HTML report to PATH: one document with every removal marked; "
              "several files or --jsonl, the corpus rule by rule.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="json: one JSON object per document on stdout, "
              "with the text and every removal.")
@click.option("--out-dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Write each input's output to DIR/NAME.txt (NAME.json with --format json), "
              "NAME being the input's name without its extension. Several files need this "
              "or --format json.")
@click.option("--html/--text", "html", default=None,
              help="Force HTML or plain-text input (default: detect).")
@click.option("--jsonl", is_flag=True,
              help="Input is JSON Lines: clean one field of each record, keep the rest as it is "
              "(CRLF endings become LF; NaN and Infinity are not JSON: bad records).")
@click.option("--field", metavar="NAME", help="--jsonl: the field to clean (default: text).")
@click.option("--output-field", metavar="NAME",
              help="--jsonl: write the cleaned text to NAME, beside the original.")
@click.option("--url-field", metavar="NAME", help="--jsonl: each record's URL is in NAME.")
@click.option("--skip-bad", is_flag=True, help="--jsonl: skip bad records (counted on stderr) "
              "instead of stopping at the first.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes (0: one per core; never more than the cores this process "
              "may use). Output is the same for any number.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar and a summary on stderr (default: when stderr is a terminal).")
@click.option("--keep", "keep", metavar="CATEGORIES", default="",
              help="Leave these categories of boilerplate in, comma-separated "
                   "(e.g. caption,comments; `cleaner rules list` shows each rule's).")
@click.option("-q", "--quiet", is_flag=True,
              help="No warnings on stderr (a guard kept or put back text, a document lost "
              "every line, a pattern timed out); JSON output and --explain keep them.")
def clean(files: tuple[str, ...], url: Optional[str], lang: Optional[str],
          rules_dirs: tuple[str, ...], explain: bool, report_path: Optional[str], fmt: str,
          html: Optional[bool],
          jsonl: bool, field: Optional[str], output_field: Optional[str],
          url_field: Optional[str], skip_bad: bool, jobs: int, progress: Optional[bool],
          keep: str, quiet: bool, out_dir: Optional[str]) -> None:
    """Clean FILES (or stdin, or '-') and write the article text to stdout (with --out-dir,
    one file per input). Several files need --out-dir or --format json.

    \b
    Examples:
      cleaner clean story.txt
      curl -s https://example.org/a | cleaner clean --url https://example.org/a
      cleaner clean --explain story.txt 2>removed.log
      cleaner clean --out-dir clean/ pages/*.txt
      cleaner clean --report report.html story.txt > story.clean.txt
      cleaner clean --jsonl --field text --jobs 0 crawl.jsonl > clean.jsonl
      cleaner clean --keep caption,comments page.html
    """
    if not jsonl:
        for name, value in (("--field", field), ("--output-field", output_field),
                            ("--url-field", url_field), ("--skip-bad", skip_bad)):
            if value:
                raise click.UsageError(f"{name} needs --jsonl")
    elif fmt == "json":
        raise click.UsageError("--format json does not apply to --jsonl (records stay records; "
                               "--explain adds the removals to each)")
    elif explain and output_field == EXPLAIN_KEY:
        raise click.UsageError(f"--output-field {EXPLAIN_KEY} would clash with --explain")
    elif out_dir is not None:
        raise click.UsageError("--out-dir does not apply to --jsonl (records stay records, "
                               "and JSON Lines files join into JSON Lines: redirect stdout)")
    try:
        kept = keep_categories(k for k in keep.split(",") if k.strip())
    except InputError as exc:
        raise click.BadParameter(str(exc), param_hint="--keep") from None
    try:
        get_packset(rules_dirs, given_by="--rules-dir")
    except PackError as exc:
        raise _fail(str(exc)) from None
    rules_dirs = tuple(str(Path(d).resolve()) for d in rules_dirs)
    sources = files or ("-",)
    targets = None if jsonl else _output_files(sources, out_dir, fmt)
    if report_path is not None:
        _check_writable(report_path)
    # one document: its own report; several, or records: the corpus summary
    mode = "" if report_path is None else \
        "summary" if jsonl or len(sources) > 1 else "document"
    corpus = CorpusReport() if mode == "summary" else None
    bar = Progress(progress, _total_size(sources), unit="record" if jsonl else "document")
    try:
        if jsonl:
            options = JsonlOptions(field=field or "text", output_field=output_field,
                                   explain=explain, url=url, url_field=url_field, lang=lang,
                                   html=html, rules_dirs=rules_dirs, quiet=quiet, keep=kept,
                                   report=corpus is not None)
            _clean_jsonl(sources, options, resolve_jobs(jobs), skip_bad, bar, corpus)
        else:
            options = DocOptions(url=url, lang=lang, html=html, fmt=fmt, explain=explain,
                                 rules_dirs=rules_dirs, quiet=quiet, keep=kept, report=mode)
            page = _clean_documents(sources, options, resolve_jobs(jobs), bar, targets, corpus)
            if mode == "document" and page is not None:
                _write_report(report_path, page)
        if corpus is not None:
            _write_report(report_path, corpus.render(rules_dirs))
    except KeyboardInterrupt:
        bar.clear()
        click.echo("cleaner: interrupted", err=True)
        raise click.exceptions.Exit(130) from None
    except WorkerDied as exc:
        bar.clear()
        raise _fail(str(exc)) from None
    bar.finish()


def _output_files(sources: tuple[str, ...], out_dir: Optional[str],
                  fmt: str) -> Optional[list[Path]]:
    """Each input's output file under ``out_dir`` (None: all on stdout). Several plain-text
    outputs on stdout would run together, nothing telling where one ends: a usage error,
    as is anything that would make two outputs one file or write over an input."""
    if out_dir is None:
        if fmt == "text" and len(sources) > 1:
            raise click.UsageError(
                f"{len(sources)} input files would run together on stdout with nothing between "
                "them: give --out-dir DIR (one output file per input) or --format json "
                "(one JSON object a line, with each file's path in 'source')")
        return None
    if "-" in sources:
        raise click.UsageError("--out-dir writes one file per named input: stdin ('-') has "
                               "no name (leave out --out-dir to clean it to stdout)")
    folder = Path(out_dir)
    suffix = ".json" if fmt == "json" else ".txt"
    targets: list[Path] = []
    seen: dict[Path, str] = {}
    inputs = {Path(s).resolve(): s for s in sources}
    for source in sources:
        target = folder / (Path(source).stem + suffix)
        key = target.resolve()
        if key in seen:
            raise click.UsageError(f"{seen[key]} and {source} would both be written to {target}: "
                                   "clean them in separate runs, or rename one")
        if key in inputs:
            raise click.UsageError(f"--out-dir {out_dir} would write {target} over the input "
                                   f"{inputs[key]}: choose another folder")
        seen[key] = source
        targets.append(target)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _fail(f"{out_dir}: cannot create the output folder: {exc.strerror or exc}") from None
    return targets


def _write_file(target: Path, text: str) -> None:
    """``text`` to ``target`` as UTF-8 (through a temporary file: never a half-written output)."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        with open(partial, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(partial, target)
    except OSError as exc:
        raise _fail(f"{target}: cannot write: {exc.strerror or exc}") from None


def _check_writable(path: str) -> None:
    """Refuse a report path that cannot be written before the cleaning, not after."""
    target = Path(path)  # a folder is refused by click.Path(dir_okay=False)
    folder = target.parent
    if not folder.is_dir():
        raise click.BadParameter(f"no folder {str(folder)!r} to write {target.name} in",
                                 param_hint="--report")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise click.BadParameter(f"{path} cannot be written (permission denied)",
                                 param_hint="--report")


def _write_report(path: str, page: str) -> None:
    try:
        write_report(path, page)
    except CleanerError as exc:
        raise _fail(str(exc)) from None


def _total_size(sources: tuple[str, ...]) -> Optional[int]:
    """The bytes still to read when every source is a regular file (stdin redirected from
    a file counts), for the progress bar's share and ETA; None when unknown."""
    total = 0
    for source in sources:
        try:
            if source == "-":
                fd = sys.stdin.fileno()
                info = os.fstat(fd)
                size = info.st_size - os.lseek(fd, 0, os.SEEK_CUR)
            else:
                info = os.stat(source)
                size = info.st_size
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        total += size
    return total


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def _clean_documents(sources: tuple[str, ...], options: DocOptions, jobs: int, bar: Progress,
                     targets: Optional[list[Path]] = None,
                     corpus: Optional[CorpusReport] = None) -> Optional[str]:
    """Plain documents: one file each, outputs in the order given (on stdout, or each to
    its file of ``targets``), on ``jobs`` processes. Each document's report summary goes to
    ``corpus``; a single document's own HTML report (``options.report == "document"``) is
    returned."""

    def items():
        for source in sources:
            # A worker has no stdin of ours: stdin is read here and sent as bytes.
            yield ("-", read_source("-")) if source == "-" and jobs > 1 else source

    on_terminal = _isatty(sys.stdout)
    page = None
    with closing(ordered_map(clean_source, items(), jobs if len(sources) > 1 else 1,
                             initializer=set_doc_options, initargs=(options,))) as outcomes:
        for number, outcome in enumerate(outcomes):
            if outcome.error:
                bar.clear()
                raise _fail(outcome.error)
            if targets is not None:
                _write_file(targets[number], outcome.output)
            else:
                if on_terminal:  # the text and the bar share the screen: take the bar off first
                    bar.clear()
                output.write(sys.stdout, outcome.output)
                output.flush()
            for line in outcome.explain:
                bar.echo(line)
            if corpus is not None:
                corpus.add(outcome.name, None, outcome.report)
            elif outcome.report is not None:
                page = outcome.report
            bar.advance(outcome.nbytes, outcome.counts)
    return page


def _clean_jsonl(sources: tuple[str, ...], options: JsonlOptions, jobs: int, skip_bad: bool,
                 bar: Progress, corpus: Optional[CorpusReport] = None) -> None:
    """JSON Lines: records out in input order; a bad record stops the run (everything before
    it written) or, with ``skip_bad``, is counted and reported at the end. Each record's
    report summary is added to ``corpus`` here, in the parent, in input order."""
    out = sys.stdout.buffer
    on_terminal = _isatty(sys.stdout)
    bad: list[str] = []  # the first SHOW_BAD, named in the report
    skipped = 0
    with closing(ordered_map(clean_chunk, all_chunks(sources, options.html), jobs,
                             initializer=set_jsonl_options, initargs=(options,))) as results:
        for chunk, outcomes in results:
            for number, line, problem, counts, nbytes, warnings, summary in outcomes:
                if problem is None:
                    if corpus is not None:
                        corpus.add(chunk.source, number, summary)
                    if on_terminal:
                        bar.clear()
                    output.write(out, line)
                    if not options.quiet:
                        for warning in warnings:
                            bar.echo(f"{chunk.source}:line {number}: warning: {warning}")
                    bar.advance(nbytes, counts)
                    continue
                where = f"{chunk.source}:line {number}: {problem}"
                if not skip_bad:
                    output.flush(out)
                    bar.clear()
                    raise _fail(where)
                skipped += 1
                if corpus is not None:
                    corpus.add_bad()
                if len(bad) < SHOW_BAD:
                    bad.append(where)
                bar.advance(nbytes, bad=True)
            if chunk.error:
                output.flush(out)
                bar.clear()
                raise _fail(chunk.error)
    output.flush(out)
    if skipped:
        bar.clear()
        more = f"; and {skipped - len(bad)} more" if skipped > len(bad) else ""
        noun = "record" if skipped == 1 else "records"
        click.echo(f"cleaner: skipped {skipped} bad {noun}: {'; '.join(bad)}{more}", err=True)


SHOW_BAD = 5  # bad records named in the --skip-bad report


@main.group()
def rules() -> None:
    """List, check and test rule packs."""


@rules.command("list", short_help="Every pack in force and its rules.")
@click.option("--rules-dir", "rules_dirs", multiple=True, type=click.Path(), callback=_named_folders,
              help="A folder of extra rule packs to list with the shipped ones (repeatable); "
              "also CLEANER_RULES_PATH.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: one rule a line (pack, kind, category, id); "
              "json: a list of objects, with each pack's path and whether the rule is active.")
def rules_list(rules_dirs: tuple[str, ...], fmt: str) -> None:
    """Every pack in force and its rules: id, kind, category."""
    try:
        packset = get_packset(rules_dirs, given_by="--rules-dir")
    except PackError as exc:
        raise _fail(str(exc)) from None
    rows = []
    for pack in packset.packs:
        for rule in pack.rules:
            disabled = rule.id in packset.disabled or packset.owner.get(rule.id) is not pack
            rows.append({"pack": pack.name, "kind": rule.KEY, "id": rule.id,
                         "category": rule.category, "path": pack.path, "active": not disabled})
    if fmt == "json":
        output.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    for row in rows:
        flag = "" if row["active"] else "  (disabled)"
        output.echo(f"{row['pack']:<20} {row['kind']:<10} {row['category']:<11} {row['id']}{flag}")


@rules.command("lint", short_help="Check packs for errors and slow patterns.")
@click.argument("paths", nargs=-1, type=click.Path())
def rules_lint(paths: tuple[str, ...]) -> None:
    """Check packs (files or folders; default: every shipped pack) for schema errors,
    duplicate ids, bad regexes or selectors, and catastrophic backtracking.

    Prints FILE:LINE: what is wrong, and how to fix it. Exit 0 clean, 1 problems found.
    Notes on stderr (exit status unchanged) name rules searched on every line.
    """
    from ..authoring.lint import lint_files, pack_sources

    try:
        report = lint_files(pack_sources(paths))
    except PackError as exc:
        raise _fail(str(exc)) from None
    for problem in report.problems:
        output.echo(str(problem))
    for note in report.notes:
        click.echo(str(note), err=True)
    noun = "problem" if len(report.problems) == 1 else "problems"
    notes = f", {len(report.notes)} note(s)" if report.notes else ""
    click.echo(f"{report.files} pack file(s) checked, {len(report.problems)} {noun}{notes}",
               err=True)
    if report.problems:
        raise click.exceptions.Exit(1)


@rules.command("test", short_help="Test packs against their examples and samples.")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-v", "--verbose", is_flag=True, help="Also list what passed.")
def rules_test(paths: tuple[str, ...], verbose: bool) -> None:
    """Run each rule on its drop/keep examples and each pack's corpus samples
    (corpus_samples/<pack>/ near the pack) against their expected output.

    PATHS are pack files or folders, added to the shipped packs; default: the shipped packs.
    Exit 0 when everything passes, 1 on any failure.
    """
    from ..engine.packs import extra_pack_files
    from ..authoring.ruletest import check_rule, check_sample, samples_for

    try:
        packset = get_packset(paths, given_by="the command line")
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
                output.echo(f"FAIL {failure}")
            failed += len(failures)
            passed += max(0, count - len(failures))
            if verbose and not failures:
                output.echo(f"ok   {pack.name}: {rule.id} ({count} examples)")
        for sample in samples_for(pack.path, pack.name):
            failure = check_sample(sample, packset, pack.name)
            if failure:
                output.echo(f"FAIL {failure}")
                failed += 1
            else:
                passed += 1
                if verbose:
                    output.echo(f"ok   {pack.name}: corpus sample {sample.name}")
    output.echo(f"{passed} passed, {failed} failed")
    if failed:
        raise click.exceptions.Exit(1)


@rules.command("new", short_help="Scaffold a site pack for a domain.")
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

    from ..authoring.scaffold import scaffold

    if rules_dir is None:
        if not Path("rules/sites").is_dir():
            raise _fail("no rules/sites/ folder here: run inside a cleaner checkout, "
                        "or pass --dir DIR for a private pack folder")
        rules_dir = "rules/sites"
    try:
        pack_file, samples = scaffold(domain, Path(rules_dir))
    except CleanerError as exc:
        raise _fail(str(exc)) from None
    output.echo(f"wrote {pack_file}")
    output.echo(f"wrote {samples}/README.txt (put NAME.txt, NAME.expected.txt, NAME.meta.yaml there)")


if __name__ == "__main__":  # python -m cleaner.io.cli
    main()
