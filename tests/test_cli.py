"""The cleaner command, through click's CliRunner: output, explanations, exit codes."""
from __future__ import annotations

import pytest
import json


from cleaner.report_schema import rows

from .conftest import CORPUS, run_cli

SEED = CORPUS / "seeds" / "003_1ce869ea0051afec.txt"


run = run_cli  # the shared in-process runner (conftest)


def test_explain_names_rules_on_stderr():
    result = run("clean", "--explain", str(SEED))
    assert result.exit_code == 0
    assert "removed by en-dateline [dateline]: 'Published October 28,2024'" in result.stderr
    assert "Published October" not in result.stdout


def test_json_format_has_text_and_removals():
    result = run("clean", "--format", "json", str(SEED))
    data = json.loads(result.stdout)
    assert data["language"] == "en" and "en" in data["packs"]
    assert any(r["rule_id"] == "en-photo-credit" and r["lines"] == ["(AA Photo)"]
               for r in rows(data["removals"]))


def test_missing_file_is_one_line_exit_1():
    result = run("clean", "/no/such/file.txt")
    assert result.exit_code == 1
    assert result.stderr.strip() == "cleaner: /no/such/file.txt: no such file"
    assert "Traceback" not in result.output


def test_directory_is_refused(tmp_path):
    result = run("clean", str(tmp_path))
    assert result.exit_code == 1 and "is a directory" in result.stderr


def test_usage_error_exit_2():
    assert run("clean", "--no-such-option").exit_code == 2
    assert run("frobnicate").exit_code == 2


@pytest.mark.slow
def test_bad_rules_dir_exit_1(tmp_path):
    (tmp_path / "bad.yaml").write_text("pack: x\nrules:\n  - id: a\n    category: ad\n    line: '(['\n")
    result = run("clean", "--rules-dir", str(tmp_path), str(SEED))
    assert result.exit_code == 1 and "bad.yaml:5" in result.stderr and "Traceback" not in result.output


def test_rules_list():
    result = run("rules", "list")
    assert result.exit_code == 0
    assert "en-cookie-banner" in result.stdout and "repeated-headline" in result.stdout


def test_several_files_in_order(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("First story title here\n\nAlpha text of the story.\n")
    b.write_text("Second story title here\n\nBeta text of the story.\n")
    # (issue 19: several files no longer run together as plain text on stdout)
    result = run("clean", "--format", "json", str(a), str(b))
    texts = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    assert "Alpha" in texts[0] and "Beta" in texts[1]


FOOTER_ONLY = "\n".join(f"Share this article\n© {2000 + i} Example Media Group. All rights reserved."
                        for i in range(10)) + "\n"


def test_warnings_are_on_stderr_by_default_and_quiet_silences_them(tmp_path):
    page = tmp_path / "footer.txt"
    page.write_text(FOOTER_ONLY, encoding="utf-8")
    shown = run("clean", str(page))
    assert shown.exit_code == 0 and shown.stdout == ""
    assert shown.stderr.startswith(f"{page}: warning: every line was removed (100 words")
    quiet = run("clean", "--quiet", str(page))
    assert quiet.exit_code == 0 and quiet.stdout == "" and quiet.stderr == ""
    # JSON keeps them whatever stderr shows
    as_json = run("clean", "--quiet", "--format", "json", str(page))
    assert json.loads(as_json.stdout)["warnings"][0].startswith("every line was removed")


def test_jsonl_warnings_name_the_record(tmp_path):
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(json.dumps({"text": "A short story line."}) + "\n"
                     + json.dumps({"text": FOOTER_ONLY}) + "\n", encoding="utf-8")
    shown = run("clean", "--jsonl", str(crawl))
    assert shown.exit_code == 0
    assert shown.stderr.startswith(f"{crawl}:line 2: warning: every line was removed")
    assert run("clean", "--jsonl", "-q", str(crawl)).stderr == ""
