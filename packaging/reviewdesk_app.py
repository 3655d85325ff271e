"""Entry point of the PyInstaller app (packaging/reviewdesk.spec): the ``reviewdesk`` command, frozen."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The import's worker processes are spawned: in a frozen app each one re-runs this file, and freeze_support
    # turns it into a worker instead of a second ReviewDesk.
    multiprocessing.freeze_support()
    from desktop.cli import main

    sys.exit(main())
