"""Ways in and out: the ``cleaner`` command, files and JSON Lines as units of work, worker
processes, progress, writing to stdout."""
