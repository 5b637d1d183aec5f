"""One document's fault stays that document's: cleaning under a time limit, errors caught.

A corpus task must not die on one bad document, nor stall on one slow one. :func:`clean_guarded`
cleans a document and says how it went: ``None`` (cleaned), ``"clean_error"`` (an exception,
with its message) or ``"timeout"`` (it ran past the limit and was stopped).

The limit is a CPU-time timer (``setitimer(ITIMER_PROF)``, ``SIGPROF``), raised as
:class:`DocumentTimeout` in the cleaning itself: CPU time, so that a worker that shares its
cores with others (eight tasks on four cores) does not stop documents that were only waiting. datatrove's extractors run each document in a child process instead, which
a daemonic process may not start: the local executor's pool workers are daemonic. A timer works
in every process, but only on its main thread, where datatrove tasks and Spark's Python
workers run; elsewhere (or when another timer is set) documents run without a limit and
:func:`clean_guarded` says so once through ``on_no_limit``. The signal is delivered between
Python instructions, so a long stretch in C (a regex, the HTML parser) ends first; both are
bounded on their own (pattern timeouts, nesting limits).
"""
from __future__ import annotations

import contextlib
import signal
import threading
from typing import Callable, Iterator, Optional

from ..text.decode import to_text
from ..engine.pipeline import clean_document
from ..result import CleanResult

DEFAULT_TIMEOUT = 5.0  # CPU seconds per document; a page dump of a few MB takes about one


class DocumentTimeout(BaseException):
    """The document ran past its time limit. A BaseException, as KeyboardInterrupt is, so
    that no ``except Exception`` inside the cleaning takes it for an ordinary error."""


def can_time_limit() -> bool:
    """Whether a timer can interrupt cleaning here: a POSIX main thread, no timer running."""
    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_PROF)[0] == 0)


@contextlib.contextmanager
def time_limit(seconds: Optional[float]) -> Iterator[bool]:
    """Raise :class:`DocumentTimeout` in the block after ``seconds``; yields whether a limit is
    in force (None or 0: no limit; see :func:`can_time_limit`)."""
    if not seconds or not can_time_limit():
        yield False
        return
    armed = [True]

    def expire(signum, frame):
        if armed[0]:  # a late signal, after the block ended, is ignored
            raise DocumentTimeout()

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield True
    finally:
        try:
            armed[0] = False
        finally:  # even if the signal lands on the line above
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous)


def check_timeout(timeout) -> Optional[float]:
    """``timeout`` as given to a step or a column helper, refused when it is no number of seconds."""
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float))
                                or timeout < 0):
        raise ValueError(f"timeout must be a number of CPU seconds (or None for no limit), not {timeout!r}")
    return timeout


def as_text(value) -> Optional[str]:
    """A document's text as ``clean()`` reads it: str as it is, bytes decoded (UTF-8 with a
    BOM honoured, bad bytes replaced, newlines normalised); None for anything else."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return to_text(bytes(value))
    return None


def warm_up(rules_dirs: tuple[str, ...]) -> None:
    """Do what a process does once, before any document runs under a timer: a timer must
    not stop a one-time set-up half way. langdetect's profiles are the one that would stay
    half loaded; cleaner's own lazy parts (patterns, prefilters) are stored once built, so a
    stopped build is only built again."""
    from ..text.language import _langdetect
    from ..engine.packs import get_packset

    get_packset(rules_dirs)
    _langdetect("The storm reached the coast on Monday night, and officials said the damage "
                "was the worst in a decade.")
    clean_document("Storm hits the coast\n\nThe storm reached the coast on Monday night.\n",
                   rules_dirs=rules_dirs)
    clean_document("<html><body><article><p>The storm reached the coast.</p></article></body></html>",
                   html=True, rules_dirs=rules_dirs)


def clean_guarded(text, *, timeout: Optional[float], on_no_limit: Optional[Callable[[], None]] = None,
                  **options) -> tuple[Optional[CleanResult], Optional[str], str]:
    """``(result, None, "")`` when ``text`` was cleaned; ``(None, "clean_error", message)`` or
    ``(None, "timeout", message)`` when it was not. ``options`` go to ``clean_document``."""
    try:
        with time_limit(timeout) as limited:
            if timeout and not limited and on_no_limit is not None:
                on_no_limit()
            return clean_document(text, **options), None, ""
    except DocumentTimeout:
        return None, "timeout", f"cleaning took longer than {timeout:g} s"
    except RecursionError:
        return None, "clean_error", "RecursionError: the document is nested too deeply"
    except Exception as exc:  # noqa: BLE001 - one document's fault is that document's
        return None, "clean_error", f"{type(exc).__name__}: {exc}"
