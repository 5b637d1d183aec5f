"""Progress of a run on stderr, and the one-line summary at its end.

A :class:`Tally` adds up what the documents of a run had and lost (characters, by category);
:func:`result_counts` is what one document contributes, small enough to send back from a
worker process. A :class:`Progress` draws a bar on a terminal (records, MB, MB/s, and a share
and ETA when the total size is known), a plain line every ``LOG_EVERY`` seconds when stderr is
a file, and the summary at the end. The ETA waits for enough of the run to go on (see
``ETA_MIN_SECONDS``).

Modes: ``None`` (the default) shows the bar only when stderr is a terminal and the run has
lasted ``AUTO_DELAY`` seconds, and the summary only when the bar was shown, so one short
document in a terminal prints nothing extra; ``True`` always shows both; ``False`` neither.
No dependency: a bar is a line of text redrawn after a carriage return.
"""
from __future__ import annotations

import shutil
import sys
import time
from typing import Callable, Optional, TextIO

AUTO_DELAY = 1.0  # seconds before the bar appears in the default mode
DRAW_EVERY = 0.2  # seconds between redraws on a terminal
LOG_EVERY = 10.0  # seconds between progress lines when stderr is not a terminal
BAR_WIDTH = 20
# An ETA needs a rate worth extrapolating: the first seconds hold the start-up (packs compiled,
# workers started), which made the first frame say "ETA 6:03:19". Shown once the run has
# lasted ETA_MIN_SECONDS and done ETA_MIN_SHARE of the input, or has lasted ETA_ANYWAY seconds.
ETA_MIN_SECONDS = 2.0
ETA_MIN_SHARE = 0.02
ETA_ANYWAY = 15.0

Counts = tuple  # (characters in, ((category, characters removed), ...))


def result_counts(result) -> Counts:
    """What one :class:`~cleaner.result.CleanResult` adds to a tally: the characters the text
    stage saw (kept + removed) and the characters removed, by category."""
    removed: dict[str, int] = {}
    for r in result.removals:
        removed[r.category] = removed.get(r.category, 0) + sum(len(line) for line in r.lines)
    total = len(result.text) + sum(removed.values())
    return total, tuple(sorted(removed.items()))


class Tally:
    """Records, bytes and characters of a run, and what was removed from them."""

    def __init__(self) -> None:
        self.records = 0
        self.bytes = 0
        self.chars = 0
        self.removed: dict[str, int] = {}
        self.bad = 0

    def add(self, counts: Counts) -> None:
        chars, removed = counts
        self.records += 1
        self.chars += chars
        for category, n in removed:
            self.removed[category] = self.removed.get(category, 0) + n

    def removed_share(self) -> str:
        """``removed 31.2% of the text: navigation 12.0%, ad 3.1%`` (largest first)."""
        total = sum(self.removed.values())
        if not self.chars or not total:
            return "removed nothing"
        parts = [f"{cat} {100 * n / self.chars:.1f}%"
                 for cat, n in sorted(self.removed.items(), key=lambda kv: (-kv[1], kv[0]))
                 if n >= 0.0005 * self.chars]  # what would show as 0.0% is left out
        head = f"removed {100 * total / self.chars:.1f}% of the text"
        return f"{head}: {', '.join(parts)}" if parts else head


def _size(n: float) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{n / 1e3:.1f} kB"


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    """The bar and the summary of one run (see the module docstring for the modes)."""

    def __init__(self, mode: Optional[bool], total_bytes: Optional[int] = None,
                 unit: str = "record", stream: Optional[TextIO] = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.terminal = _isatty(self.stream)
        self.mode = mode
        self.enabled = mode is True or (mode is None and self.terminal)
        self.total = total_bytes or None
        self.unit = unit
        self.tally = Tally()
        self.clock = clock
        self.start = clock()
        self.next_draw = self.start + (AUTO_DELAY if mode is None else
                                       (0.0 if self.terminal else LOG_EVERY))
        self.shown = False  # the bar (or a progress line) was drawn at least once
        self.on_line = False  # the cursor sits at the end of a drawn bar

    # -- counting -------------------------------------------------------------------------
    def advance(self, nbytes: int = 0, counts: Optional[Counts] = None, bad: bool = False) -> None:
        """One record (or document) done: ``counts`` when it was cleaned, ``bad`` when skipped."""
        self.tally.bytes += nbytes
        if counts is not None:
            self.tally.add(counts)
        if bad:
            self.tally.bad += 1
        if self.enabled:
            now = self.clock()
            if now >= self.next_draw:
                self.draw(now)

    # -- drawing --------------------------------------------------------------------------
    def line(self, now: float) -> str:
        t = self.tally
        spent = max(now - self.start, 1e-9)
        rate = t.bytes / spent
        done = t.records + t.bad
        parts = [f"cleaner: {done:,} {self.unit}{'' if done == 1 else 's'}"]
        if self.total:
            share = min(t.bytes / self.total, 1.0)
            filled = int(share * BAR_WIDTH)
            parts.append(f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {100 * share:3.0f}%")
            parts.append(f"{_size(t.bytes)} / {_size(self.total)}")
        else:
            parts.append(_size(t.bytes))
        parts.append(f"{rate / 1e6:.2f} MB/s")
        if self.total and rate > 0 and t.bytes < self.total and self._eta_ready(spent, t.bytes / self.total):
            parts.append(f"ETA {_clock((self.total - t.bytes) / rate)}")
        if t.bad:
            parts.append(f"{t.bad} bad")
        return "  ".join(parts)

    @staticmethod
    def _eta_ready(spent: float, share: float) -> bool:
        return spent >= ETA_ANYWAY or (spent >= ETA_MIN_SECONDS and share >= ETA_MIN_SHARE)

    def draw(self, now: Optional[float] = None) -> None:
        now = self.clock() if now is None else now
        text = self.line(now)
        try:
            if self.terminal:
                width = shutil.get_terminal_size((100, 20)).columns - 1
                self.stream.write("\r" + text[:width] + "\x1b[K")
                self.on_line = True
                self.next_draw = now + DRAW_EVERY
            else:
                self.stream.write(text + "\n")
                self.next_draw = now + LOG_EVERY
            self.stream.flush()
        except (OSError, ValueError):  # stderr closed: progress is not worth failing for
            self.enabled = False
        self.shown = True

    def clear(self) -> None:
        """Take the bar off the terminal line (before other stderr output, and at the end)."""
        if self.on_line:
            try:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
            except (OSError, ValueError):
                pass
            self.on_line = False

    def echo(self, message: str) -> None:
        """Write a line on stderr without tearing the bar (it is redrawn on the next update)."""
        self.clear()
        self.stream.write(message + "\n")
        self.stream.flush()  # an explanation is read as it comes (a buffered stderr would hold it)

    def summary(self) -> str:
        t = self.tally
        spent = self.clock() - self.start
        noun = self.unit if t.records == 1 else self.unit + "s"
        text = (f"cleaner: {t.records:,} {noun} ({_size(t.bytes)}) in {spent:.1f} s, "
                f"{t.bytes / 1e6 / max(spent, 1e-9):.2f} MB/s; {t.removed_share()}")
        if t.bad:
            text += f"; {t.bad} bad {self.unit}{'' if t.bad == 1 else 's'} skipped"
        return text

    def finish(self) -> None:
        """Clear the bar; print the summary when progress was forced on, or was shown."""
        self.clear()
        if self.mode is True or (self.mode is None and self.shown):
            try:
                self.stream.write(self.summary() + "\n")
                self.stream.flush()
            except (OSError, ValueError):
                pass


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False
