"""``python -m cleaner`` runs the ``cleaner`` command."""
from .io.cli import main

main()
