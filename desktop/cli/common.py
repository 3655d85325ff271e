"""What every sub-command shares: the ``--db`` option and opening the database it names."""

from __future__ import annotations

import argparse


def add_db(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """Add ``--db``; accepted before or after the sub-command (after wins when both are given)."""
    parser.add_argument("--db", metavar="DB", default=None if top_level else argparse.SUPPRESS,
                        help="database file (default: the user data directory)")


def open_db(args: argparse.Namespace):
    """The database named by ``--db`` (or the default one), migrated."""
    from desktop.core.storage import open_database

    return open_database(args.db)
