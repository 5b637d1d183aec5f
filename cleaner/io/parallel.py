"""Worker processes: an ordered map over a stream of tasks with a bounded number in flight.

:func:`ordered_map` yields ``func(item)`` for each item, in input order. With one job it runs
here; with more it uses a process pool started the spawn way (each worker a fresh interpreter
that imports cleaner: nothing inherited by fork, the same on every platform). The
``initializer`` runs once per worker, where packs get compiled (``get_packset``), and here too
for one job, so a task function sees the same state wherever it runs.

Memory stays bounded: at most ``in_flight`` items are submitted and not yet handed back, and
the input is read only as fast as results are taken (``Pool.imap`` would read its whole input
ahead). A worker that dies (killed, out of memory) ends the run with :class:`WorkerDied`
instead of hanging.
"""
from __future__ import annotations

import os
import signal
import sys
from collections import deque
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Optional

from ..errors import CleanerError

if TYPE_CHECKING:  # imported when a pool starts: one job (the default) never pays for it
    from concurrent.futures import ProcessPoolExecutor


# Before Python 3.11, a pool whose workers were killed could leave shutdown() waiting forever
# (its queue's feeder thread blocked on a pipe no worker reads): seen on 3.9 and 3.10 when a bad
# record stopped a --jobs 2 run. There, an early stop lets the few chunks in flight finish
# (at most jobs + 1, a fraction of a second each) and cancels the rest.
_CAN_STOP_WORKERS = sys.version_info >= (3, 11)


class WorkerDied(CleanerError):
    """A worker process ended abnormally."""


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def resolve_jobs(jobs: int) -> int:
    """``--jobs``: 0 means every core this process may use, and so does any larger number.
    More workers than cores only take turns on them, each with its own copy of the packs
    and its documents in memory (40 workers on 2 cores held 4.7 GB)."""
    cores = available_cores()
    return cores if jobs == 0 else max(1, min(jobs, cores))


def _start_worker(initializer: Optional[Callable], initargs: tuple) -> None:
    # Ctrl-C reaches the whole process group; the parent alone handles it and stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)


def start_pool(jobs: int, initializer: Optional[Callable] = None,
               initargs: tuple = ()) -> "ProcessPoolExecutor":
    """``jobs`` spawned workers, each set up by ``initializer(*initargs)``."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker, initargs=(initializer, initargs))


def ordered_map(func: Callable[[Any], Any], items: Iterable, jobs: int = 1, *,
                initializer: Optional[Callable] = None, initargs: tuple = (),
                in_flight: Optional[int] = None,
                pool: Optional["ProcessPoolExecutor"] = None) -> Iterator:
    """``func(item)`` for every item, in order, on ``jobs`` processes (see the module doc).

    ``func`` and ``initializer`` must be module-level functions and items and results
    picklable. Stopping early (closing the generator) cancels what has not started.
    ``pool``: a pool from :func:`start_pool` (of ``jobs`` workers) to use and leave running,
    instead of starting one for this call.
    """
    if jobs <= 1 and pool is None:
        if initializer is not None:
            initializer(*initargs)
        for item in items:
            yield func(item)
        return
    from concurrent.futures.process import BrokenProcessPool

    in_flight = in_flight or 2 * jobs + 2
    own = pool is None
    if own:
        pool = start_pool(jobs, initializer, initargs)
    pending: deque = deque()
    try:
        for item in items:
            pending.append(pool.submit(func, item))
            if len(pending) >= in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool:
        raise WorkerDied("a worker process died (out of memory, or killed)") from None
    finally:
        if own:
            if pending and _CAN_STOP_WORKERS:
                _stop_workers(pool)  # stopped early (a bad record, an error, Ctrl-C): drop the work in flight
            pool.shutdown(wait=True, cancel_futures=True)
        else:
            for future in pending:
                future.cancel()


def _stop_workers(pool: "ProcessPoolExecutor") -> None:
    """End the workers now rather than after the tasks they hold (Python 3.14 has this as
    ``terminate_workers``; before, the pool's process table is the only handle on them)."""
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.terminate()
        except (OSError, AttributeError):
            pass
