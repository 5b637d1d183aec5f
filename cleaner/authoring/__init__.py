"""Tools for pack authors: ``cleaner rules lint``, ``test`` and ``new``."""
