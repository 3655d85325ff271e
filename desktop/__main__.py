"""``python -m desktop``: the same as the ``reviewdesk`` command."""

import sys

from desktop.cli import main

sys.exit(main())
