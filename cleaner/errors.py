"""The exceptions cleaner raises. Every message says which input, file, rule or line is at fault."""
from __future__ import annotations


class CleanerError(Exception):
    """Base class: catch this to handle any problem cleaner reports."""


class InputError(CleanerError):
    """The document handed to cleaner cannot be used as given (wrong type, unreadable)."""


class PackError(CleanerError):
    """A rule pack is invalid. ``str(error)`` reads ``FILE:LINE: what is wrong, and how to fix it``."""

    def __init__(self, path: str, line: int | None, message: str, rule_id: str | None = None):
        self.path = path
        self.line = line
        self.message = message
        self.rule_id = rule_id
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


class RuleTimeout(CleanerError):
    """A rule's pattern ran past its time budget; the rule is treated as not matching."""

    def __init__(self, rule_id: str, pack_path: str):
        self.rule_id = rule_id
        self.pack_path = pack_path
        super().__init__(f"rule {rule_id!r} in {pack_path} timed out and was skipped")
