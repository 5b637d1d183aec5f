"""One document's fault stays that document's (cleaner.integrations.faults, used by the
datatrove step and the Spark UDF): errors caught, a CPU-time limit, the timer left as found."""
from __future__ import annotations

import signal
import threading

import pytest

from cleaner import clean
from cleaner.integrations import faults
from cleaner.integrations.faults import DocumentTimeout, clean_guarded, time_limit

from .conftest import PROMO_STORY


def spin():
    while True:
        pass


@pytest.mark.slow
def test_a_document_past_the_limit_is_stopped_and_the_timer_put_back():
    before = signal.getsignal(signal.SIGPROF)
    with pytest.raises(DocumentTimeout):
        with time_limit(0.2) as limited:
            assert limited
            spin()
    assert signal.getsignal(signal.SIGPROF) is before
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    result, fault, message = clean_guarded(PROMO_STORY, timeout=5)
    assert (result.text, fault, message) == (clean(PROMO_STORY), None, "")


@pytest.mark.slow
def test_errors_and_timeouts_are_reported_not_raised(monkeypatch):
    def broken(text, **options):
        raise KeyError("boom")

    monkeypatch.setattr(faults, "clean_document", broken)
    assert clean_guarded("x", timeout=1) == (None, "clean_error", "KeyError: 'boom'")

    def slow(text, **options):
        spin()

    monkeypatch.setattr(faults, "clean_document", slow)
    assert clean_guarded("x", timeout=0.2) == (None, "timeout", "cleaning took longer than 0.2 s")


def test_off_the_main_thread_there_is_no_limit_and_the_caller_is_told():
    told, out = [], []
    thread = threading.Thread(target=lambda: out.append(
        clean_guarded(PROMO_STORY, timeout=1, on_no_limit=lambda: told.append(1))))
    thread.start()
    thread.join()
    assert out[0][0].text == clean(PROMO_STORY) and told == [1]
