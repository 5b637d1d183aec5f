"""The progress bar and the end-of-run summary: what they show, when, and where."""
from __future__ import annotations

import pytest
import io
import json
import os
import pty
import subprocess
import sys

from click.testing import CliRunner

from cleaner import clean_document
from cleaner.io.cli import main
from cleaner.io.progress import AUTO_DELAY, LOG_EVERY, Progress, Tally, result_counts

from .conftest import CORPUS

SEED = CORPUS / "seeds" / "003_1ce869ea0051afec.txt"


@pytest.fixture(autouse=True)
def terminal_width(monkeypatch):
    """A frame is cut to the terminal's width (COLUMNS first), and these tests read whole frames:
    100 columns, the width the bar takes when there is no terminal. pytest-xdist workers are
    given COLUMNS=80 (`make test`), as a narrow terminal would give, and cut 'ETA 0:06' off."""
    monkeypatch.setenv("COLUMNS", "100")


class Terminal(io.StringIO):
    def isatty(self):
        return True


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_result_counts_and_tally_shares():
    result = clean_document(SEED.read_text(encoding="utf-8"))
    chars, removed = result_counts(result)
    assert chars == len(result.text) + sum(n for _, n in removed)
    assert dict(removed)["dateline"] >= len("Published October 28,2024")
    tally = Tally()
    tally.add((1000, (("ad", 100), ("nav", 200))))
    tally.add((1000, (("nav", 100), ("cookie", 0))))
    assert tally.records == 2
    assert tally.removed_share() == "removed 20.0% of the text: nav 15.0%, ad 5.0%"
    assert Tally().removed_share() == "removed nothing"


def test_bar_on_a_terminal_with_known_size():
    stream, clock = Terminal(), Clock()
    bar = Progress(True, total_bytes=4_000_000, stream=stream, clock=clock)
    clock.now += 2
    bar.advance(1_000_000, (500, (("ad", 50),)))
    line = stream.getvalue()
    assert line.startswith("\rcleaner: 1 record  [#####...............]  25%  1.0 MB / 4.0 MB")
    assert "0.50 MB/s" in line and "ETA 0:06" in line and "\n" not in line
    clock.now += 0.05
    bar.advance(10, (10, ()))
    assert stream.getvalue() == line  # redrawn at most every DRAW_EVERY seconds
    bar.echo("a message")  # other stderr output takes the bar off its line first
    assert stream.getvalue().endswith("\r\x1b[Ka message\n")
    clock.now += 1
    bar.finish()
    summary = stream.getvalue().splitlines(keepends=True)[-1]
    assert summary == ("cleaner: 2 records (1.0 MB) in 3.0 s, 0.33 MB/s; "
                       "removed 9.8% of the text: ad 9.8%\n")


def test_no_eta_until_the_rate_means_something():
    """The first frame came after a second of start-up and said 'ETA 6:03:19'."""
    stream, clock = Terminal(), Clock()
    bar = Progress(True, total_bytes=2_000_000_000, stream=stream, clock=clock)
    clock.now += 1
    bar.advance(10_000, (1, ()))
    assert "ETA" not in stream.getvalue() and "0%" in stream.getvalue()  # 1 s, 0.0005%: too soon
    clock.now += 5
    bar.advance(30_000_000, (1, ()))
    assert "ETA" not in stream.getvalue().split("\r")[-1]  # 6 s, 1.5%: still too little
    clock.now += 1
    bar.advance(20_000_000, (1, ()))
    assert "ETA 4:33" in stream.getvalue().split("\r")[-1]  # 7 s, 2.5%: 50 MB in 7 s
    late = Progress(True, total_bytes=10_000_000_000, stream=Terminal(), clock=clock)
    clock.now += 15
    late.advance(1_000_000, (1, ()))
    assert "ETA 41:39:45" in late.stream.getvalue()  # 15 s: shown, however little is done


def test_unknown_size_has_no_share_or_eta():
    stream, clock = Terminal(), Clock()
    bar = Progress(True, total_bytes=None, stream=stream, clock=clock, unit="document")
    clock.now += 1
    bar.advance(300_000, (1, ()), bad=False)
    bar.advance(0, bad=True)
    text = stream.getvalue()
    assert "cleaner: 1 document  0.3 MB  0.30 MB/s" in text and "ETA" not in text and "%" not in text


def test_default_mode_waits_before_drawing_and_stays_quiet_for_short_runs():
    stream, clock = Terminal(), Clock()
    bar = Progress(None, stream=stream, clock=clock)
    bar.advance(100, (1, ()))
    bar.finish()
    assert stream.getvalue() == ""  # one short document in a terminal: nothing extra
    stream, clock = Terminal(), Clock()
    bar = Progress(None, stream=stream, clock=clock)
    clock.now += AUTO_DELAY + 0.1
    bar.advance(100, (1, ()))
    bar.finish()
    assert "\rcleaner: 1 record" in stream.getvalue() and "removed nothing\n" in stream.getvalue()


def test_default_mode_off_when_not_a_terminal_and_no_progress_off_everywhere():
    for mode, stream in ((None, io.StringIO()), (False, Terminal())):
        clock = Clock()
        bar = Progress(mode, stream=stream, clock=clock)
        clock.now += 60
        bar.advance(100, (1, ()))
        bar.finish()
        assert stream.getvalue() == ""


def test_forced_into_a_file_logs_lines_now_and_then():
    stream, clock = io.StringIO(), Clock()
    bar = Progress(True, total_bytes=1000, stream=stream, clock=clock)
    bar.advance(100, (1, ()))
    assert stream.getvalue() == ""
    clock.now += LOG_EVERY
    bar.advance(100, (1, ()))
    clock.now += 1
    bar.advance(100, (1, ()))
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1 and "\r" not in stream.getvalue() and lines[0].startswith("cleaner: 2 records")


def test_cli_progress_flag_prints_the_summary(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"text": SEED.read_text(encoding="utf-8")}) + "\n" for _ in range(3)))
    result = CliRunner().invoke(main, ["clean", "--jsonl", "--progress", str(path)])
    assert result.exit_code == 0
    (line,) = result.stderr.splitlines()
    assert line.startswith("cleaner: 3 records (") and " s, " in line and "dateline" in line
    quiet = CliRunner().invoke(main, ["clean", "--jsonl", str(path)])  # stderr is not a terminal
    assert quiet.stderr == ""
    plain = CliRunner().invoke(main, ["clean", "--progress", "--format", "json", str(SEED), str(SEED)])
    assert plain.stderr.startswith("cleaner: 2 documents (")


@pytest.mark.slow
def test_bar_on_a_real_terminal_with_stdin_size_known(tmp_path):
    """stderr a pty, stdin redirected from a file: the bar has a share and the summary ends it."""
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"text": SEED.read_text(encoding="utf-8")}) + "\n" for _ in range(20)))
    leader, follower = pty.openpty()
    with path.open("rb") as stdin:
        proc = subprocess.run([sys.executable, "-m", "cleaner.io.cli", "clean", "--jsonl", "--progress"],
                              stdin=stdin, stdout=subprocess.PIPE, stderr=follower, timeout=120)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert proc.returncode == 0 and proc.stdout.count(b"\n") == 20
    text = seen.decode()
    assert "\rcleaner: " in text and "%" in text and "MB/s" in text
    assert text.rstrip().splitlines()[-1].split("\x1b[K")[-1].startswith("cleaner: 20 records (")
