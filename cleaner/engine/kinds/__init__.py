"""The rule kinds, by family; the registry of all of them is :mod:`cleaner.engine.registry`."""
