"""Writing the command's output to stdout, which may go away or fill up under it.

A reader that went away (``cleaner rules list | head -1``) ends the run quietly, with exit 0:
the reader has what it wanted. A write that fails otherwise (``> /dev/full``: no space left on
the device) ends it with one line on stderr and exit 1, never a traceback. Either way stdout is
pointed at the null device afterwards, so that the interpreter's last flush of what is still
buffered cannot fail again on the way out.
"""
from __future__ import annotations

import os
import sys

import click


def write(stream, data) -> None:
    """``stream.write(data)`` (text or bytes), with the endings above."""
    try:
        stream.write(data)
    except OSError as exc:
        _stopped(exc)


def flush(stream=None) -> None:
    """Flush ``stream`` (stdout's text layer by default), with the endings above."""
    try:
        (stream or sys.stdout).flush()
    except OSError as exc:
        _stopped(exc)


def echo(line: str = "") -> None:
    """One line on stdout, flushed (what ``click.echo`` does, with the endings above)."""
    write(sys.stdout, line + "\n")
    flush()


def _stopped(exc: OSError) -> None:
    raise click.exceptions.Exit(stopped(exc))


def stopped(exc: OSError) -> int:
    """Say why writing stopped (nothing for a closed pipe) and give the exit status."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    if isinstance(exc, BrokenPipeError):
        return 0
    click.echo(f"cleaner: cannot write the output: {exc.strerror or exc}", err=True)
    return 1
