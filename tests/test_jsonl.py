"""cleaner clean --jsonl: the cleaned field, every other byte of each record untouched, input
order, --output-field, --explain, bad records (stop or --skip-bad), and flat memory."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from cleaner import clean_document
from cleaner.io.cli import main
from cleaner.text.decode import to_lines
from cleaner.report_schema import line_numbers, rows

from .conftest import CORPUS, EXAMPLE_PACK, expected_of, text_samples

SEEDS = [p for p in sorted((CORPUS / "seeds").glob("*.txt")) if not p.name.endswith(".expected.txt")]
STORY = ("Big storm hits the coast\n\nThe storm reached the coast on Monday night, and officials "
         "said that the damage was the worst in a decade.\n\nAdvertisement")


def run(*args, input=None):
    return CliRunner().invoke(main, ["clean", "--jsonl", *map(str, args)], input=input)


def write_jsonl(path, lines):
    path.write_bytes("".join(line + "\n" for line in lines).encode("utf-8"))
    return path


def record(i, text, **extra):
    return json.dumps({"id": i, "text": text, **extra}, ensure_ascii=False)


def test_field_cleaned_as_clean_document_would_and_order_kept(tmp_path):
    lines = [record(i, p.read_text(encoding="utf-8")) for i, p in enumerate(SEEDS)]
    result = run(write_jsonl(tmp_path / "in.jsonl", lines))
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in out] == list(range(len(SEEDS)))
    for rec, path in zip(out, SEEDS):
        assert rec["text"] == expected_of(path)
        assert list(rec) == ["id", "text"]


def test_other_keys_byte_for_byte(tmp_path):
    # spacing, number spelling, escapes and key order survive: the value is spliced in
    line = ('{"z":1.10,  "text" : ' + json.dumps(STORY) + ' ,"a":[1e5, {"b": "\\u00e9\\n"}],'
            '"n":null,"big":123456789012345678901234567890}')
    result = run(write_jsonl(tmp_path / "in.jsonl", [line]))
    assert result.exit_code == 0
    cleaned = clean_document(STORY).text
    assert cleaned != STORY
    assert result.stdout == line.replace(json.dumps(STORY), json.dumps(cleaned, ensure_ascii=False)) + "\n"


def test_non_ascii_written_as_utf8_and_crlf_and_bom_and_blank_lines(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + record(1, "Caf\u00e9 au lait, s'il vous pla\u00eet.").encode()
                     + b"\r\n\r\n   \n" + record(2, STORY).encode() + b"\r\n")
    result = run(path)
    assert result.exit_code == 0, result.output
    lines = result.stdout_bytes.split(b"\n")
    assert lines[-1] == b"" and len(lines) == 3  # blank lines are not records
    assert "Caf\u00e9".encode() in lines[0] and b"\r" not in result.stdout_bytes
    assert json.loads(lines[1])["text"] == clean_document(STORY).text


def test_stdin_and_several_files_in_order(tmp_path):
    a = write_jsonl(tmp_path / "a.jsonl", [record(1, STORY), record(2, STORY)])
    b = write_jsonl(tmp_path / "b.jsonl", [record(3, STORY)])
    result = run(a, "-", b, input=record(9, STORY) + "\n")
    assert [json.loads(l)["id"] for l in result.stdout.splitlines()] == [1, 2, 9, 3]


def test_output_field_beside_original(tmp_path):
    result = run("--output-field", "clean", write_jsonl(tmp_path / "in.jsonl", [record(1, STORY, lang="en")]))
    rec = json.loads(result.stdout)
    assert list(rec) == ["id", "text", "lang", "clean"]
    assert rec["text"] == STORY and rec["clean"] == clean_document(STORY).text


def test_output_field_already_there_is_replaced_in_place(tmp_path):
    line = json.dumps({"clean": "old", "text": STORY, "id": 1})
    rec = json.loads(run("--output-field", "clean", write_jsonl(tmp_path / "in.jsonl", [line])).stdout)
    assert list(rec) == ["clean", "text", "id"] and rec["clean"] == clean_document(STORY).text


def test_other_field_name(tmp_path):
    line = json.dumps({"body": STORY, "text": "not this one"})
    rec = json.loads(run("--field", "body", write_jsonl(tmp_path / "in.jsonl", [line])).stdout)
    assert rec == {"body": clean_document(STORY).text, "text": "not this one"}


def test_explain_adds_the_removals(tmp_path):
    text = SEEDS[3].read_text(encoding="utf-8")
    result = run("--explain", write_jsonl(tmp_path / "in.jsonl", [record(1, text)]))
    assert result.exit_code == 0 and result.stderr == ""
    rec = json.loads(result.stdout)
    want = clean_document(text)
    assert list(rec) == ["id", "text", "cleaner"]
    assert rec["cleaner"] == want.report(record_lines=True)  # the one report shape, lines included
    got = rows(rec["cleaner"]["removals"])
    # one entry per rule, holding every run it removed, in order
    by_rule = {}
    for r in want.removals:
        entry = by_rule.setdefault(r.rule_id, (r.category, [], []))
        entry[1].extend(r.line_numbers)
        entry[2].extend(r.lines)
    lines = to_lines(text)
    assert [(r["rule_id"], r["category"], line_numbers(r["line_ranges"], lines), r["lines"]) for r in got] == \
        [(rule, cat, numbers, lines) for rule, (cat, numbers, lines) in by_rule.items()]
    assert any(r["rule_id"] == "en-dateline" and r["lines"] == ["Published October 28,2024"] for r in got)
    assert rec["cleaner"]["language"] == "en"


def test_html_detected_per_record_or_forced(tmp_path):
    html = "<html><body><p>The storm reached the coast on Monday night, said officials.</p></body></html>"
    path = write_jsonl(tmp_path / "in.jsonl", [record(1, html)])
    assert "<p>" not in json.loads(run(path).stdout)["text"]
    assert json.loads(run("--text", path).stdout)["text"] == clean_document(html, html=False).text


@pytest.mark.slow
def test_url_field_picks_site_packs(tmp_path):
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "example.yaml").write_text(EXAMPLE_PACK)
    text = STORY + "\n\nZZZ-PROMO buy two get one free\n"
    path = write_jsonl(tmp_path / "in.jsonl", [
        record(1, text, url="https://www.example.org/a"), record(2, text, url=None), record(3, text)])
    out = run("--rules-dir", packs, "--url-field", "url", path)
    assert out.exit_code == 0, out.output
    texts = [json.loads(l)["text"] for l in out.stdout.splitlines()]
    assert "ZZZ-PROMO" not in texts[0] and "ZZZ-PROMO" in texts[1] and "ZZZ-PROMO" in texts[2]
    given = run("--rules-dir", packs, "--url", "https://example.org/", path)  # --url for all
    assert all("ZZZ-PROMO" not in json.loads(l)["text"] for l in given.stdout.splitlines())


BAD = [
    ('{"id": 3, "text": "x"', "not valid JSON: Expecting ',' delimiter (column 22)"),
    ('{"id": 3} trailing', "not valid JSON: Extra data (column 11)"),
    ('[1, 2]', "not a JSON object but an array"),
    ('"just a string"', "not a JSON object but a string"),
    ('{"id": 3, "body": "x"}', "no 'text' field"),
    ('{"id": 3, "text": 5}', "'text' is a number, not a string"),
    ('{"id": 3, "text": null}', "'text' is null, not a string"),
    ('{"id": 3, "text": ["a"]}', "'text' is an array, not a string"),
]


@pytest.mark.parametrize("line,problem", BAD, ids=[b[1].split(":")[0] for b in BAD])
def test_bad_record_stops_after_writing_what_came_before(tmp_path, line, problem):
    path = write_jsonl(tmp_path / "in.jsonl", [record(1, STORY), "", record(2, STORY), line, record(4, STORY)])
    result = run(path)
    assert result.exit_code == 1
    assert [json.loads(l)["id"] for l in result.stdout.splitlines()] == [1, 2]
    assert result.stderr == f"cleaner: {path}:line 4: {problem}\n"
    assert "Traceback" not in result.output


def test_invalid_utf8_is_a_bad_record(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"text": "caf\xff"}\n')
    result = run(path)
    assert result.exit_code == 1
    assert result.stderr == f"cleaner: {path}:line 1: not valid UTF-8 (byte 0xff at column 14)\n"


def test_stdin_bad_record_named_stdin():
    result = run(input=record(1, STORY) + "\nnope\n")
    assert result.exit_code == 1 and result.stderr.startswith("cleaner: <stdin>:line 2: not valid JSON")
    assert json.loads(result.stdout)["id"] == 1


def test_skip_bad_counts_reports_and_goes_on(tmp_path):
    lines = [record(1, STORY)] + [b for b, _ in BAD] + [record(99, STORY)]
    path = write_jsonl(tmp_path / "in.jsonl", lines)
    result = run("--skip-bad", path)
    assert result.exit_code == 0
    assert [json.loads(l)["id"] for l in result.stdout.splitlines()] == [1, 99]
    report = result.stderr.strip()
    assert "\n" not in report
    assert report.startswith(f"cleaner: skipped {len(BAD)} bad records: {path}:line 2: not valid JSON")
    assert f"{path}:line 6: no 'text' field" in report and "and 3 more" in report


def test_missing_second_file_stops_after_the_first(tmp_path):
    a = write_jsonl(tmp_path / "a.jsonl", [record(1, STORY)])
    result = run(a, tmp_path / "none.jsonl", a)
    assert result.exit_code == 1 and json.loads(result.stdout)["id"] == 1
    assert result.stderr == f"cleaner: {tmp_path / 'none.jsonl'}: no such file\n"


def test_usage_errors():
    for args in (["clean", "--field", "body"], ["clean", "--skip-bad"], ["clean", "--output-field", "x"],
                 ["clean", "--jsonl", "--format", "json"],
                 ["clean", "--jsonl", "--explain", "--output-field", "cleaner"]):
        result = CliRunner().invoke(main, args, input="")
        assert result.exit_code == 2, args


@pytest.mark.slow
def test_every_corpus_sample_through_jsonl(tmp_path):
    samples = text_samples()
    lines = [record(i, p.read_text(encoding="utf-8")) for i, p in enumerate(samples)]
    result = run("--url-field", "url", write_jsonl(tmp_path / "in.jsonl", lines))
    assert result.exit_code == 0
    got = [json.loads(l)["text"] for l in result.stdout.splitlines()]
    assert got == [clean_document(p.read_bytes()).text for p in samples]


# Memory: the same records a few times or fifty times over, through a real process whose
# peak resident size is measured; each record carries 100 kB that is only passed through.
# The process's own peak is VmHWM (ru_maxrss would carry over pytest's size across exec);
# its workers' is ru_maxrss of its children (at least its own size when they were started).
MEASURE = """
import resource, sys
from cleaner.io.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    try:
        status = open("/proc/self/status").read()
        own = int(status.split("VmHWM:")[1].split()[0])
    except (OSError, IndexError):
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    sys.stderr.write(f"\\nMAXRSS {own} {kids}\\n")
"""


def _peak_kb(path, jobs):
    proc = subprocess.run([sys.executable, "-c", MEASURE, "clean", "--jsonl", "--jobs", str(jobs), str(path)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    own, kids = proc.stderr.decode().rsplit("MAXRSS ", 1)[1].split()
    return int(own), int(kids)


@pytest.mark.slow
@pytest.mark.serial
@pytest.mark.parametrize("jobs", [1, 2])
def test_memory_flat_however_large_the_input(tmp_path, jobs):
    pad = "x" * 100_000
    lines = [record(i, STORY, pad=pad) for i in range(8)]
    small = write_jsonl(tmp_path / "small.jsonl", lines)
    large = write_jsonl(tmp_path / "large.jsonl", lines * 50)  # 40 MB
    small_own, small_kids = _peak_kb(small, jobs)
    large_own, large_kids = _peak_kb(large, jobs)
    assert large.stat().st_size > 40_000_000
    # reading the whole input would add 40+ MB; streaming adds a few chunks at most
    assert large_own - small_own < 12_000, (small_own, large_own)
    assert large_kids - small_kids < 12_000, (small_kids, large_kids)


def test_chunks_weigh_html_records_lighter_but_count_every_byte():
    import io

    from cleaner.io.jsonl import CHUNK_BYTES, HTML_DISCOUNT, chunks, work_bytes

    page = json.dumps({"text": "<!doctype html><html><body><p>" + "x" * 20_000 + "</p></body></html>"})
    prose = json.dumps({"text": "word " * 4_000})
    escaped = json.dumps({"text": "<html><body><div>" + "y" * 100}).replace("<", "\\u003c")
    # one tag is no page (clean_document reads it as text since issue 16): weighed as text
    mention = json.dumps({"text": "<div>" + "y" * 100}).replace("<", "\\u003c")
    assert work_bytes(page.encode()) == len(page) // HTML_DISCOUNT
    assert work_bytes(escaped.encode()) == len(escaped) // HTML_DISCOUNT
    assert work_bytes(mention.encode()) == len(mention)
    assert work_bytes(prose.encode()) == len(prose)
    assert work_bytes(page.encode(), html=False) == len(page)  # --text: read as text, weighed so
    assert work_bytes(prose.encode(), html=True) == len(prose) // HTML_DISCOUNT

    def sizes(lines, html=None):
        data = io.BytesIO("".join(line + "\n" for line in lines).encode())
        return [(len(c.lines), c.nbytes) for c in chunks(data, "x", html=html)]

    pages = sizes([page] * 40)
    assert pages[0][0] > CHUNK_BYTES // len(page)  # many more pages to a chunk than bytes allow
    assert sum(n for n, _ in pages) == 40 and sum(b for _, b in pages) == 40 * (len(page) + 1)
    assert [n for n, _ in sizes([page] * 40, html=False)][0] == -(-CHUNK_BYTES // (len(page) + 1))
    assert [n for n, _ in sizes([prose] * 40)][0] == -(-CHUNK_BYTES // (len(prose) + 1))
