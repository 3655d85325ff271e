"""``reviewdesk gui`` (and ``reviewdesk`` with no sub-command): start the desktop application."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.common import add_db


def register(sub) -> None:
    p = sub.add_parser("gui", help="start the desktop application (the default)")
    add_db(p)
    p.set_defaults(func=cmd_gui)


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop import syslibs

    # Before Qt loads: name the missing system libraries, or the missing display, instead of Qt's abort.
    problem = syslibs.check() or syslibs.display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from desktop.gui.app import run_app

    return run_app(Path(args.db) if args.db else None)
