"""What every sub-command shares: the ``--db`` option, opening the database it names, tab-separated fields."""

from __future__ import annotations

import argparse
import os


def add_db(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """Add ``--db``; accepted before or after the sub-command (after wins when both are given)."""
    parser.add_argument("--db", metavar="DB", default=None if top_level else argparse.SUPPRESS,
                        help="database file (default: the user data directory)")


def open_db(args: argparse.Namespace, *, write: bool = True):
    """The database named by ``--db`` (or the default one), migrated; ``write=False`` also accepts a database that
    can only be read (read-only location, newer ReviewDesk)."""
    from desktop.core.storage.database import open_database, open_for_reading

    db = open_database(args.db) if write else open_for_reading(args.db)
    refresh_segmentation(db)
    return db


def refresh_segmentation(db) -> int:
    """Re-segment documents segmented by an older segmenter version (not on a read-only database); say so on
    stderr. Returns how many were re-segmented."""
    import sys

    from desktop.core.storage.resegment import outdated_documents, resegment_outdated

    if db.execute("PRAGMA query_only").fetchone()[0] or not outdated_documents(db):
        return 0
    count = resegment_outdated(db)
    print(f"re-segmented {count} document(s) imported by an older segmenter version", file=sys.stderr)
    return count


def db_path(args: argparse.Namespace):
    """The database file a command works on (for messages)."""
    from desktop.core.storage.database import default_db_path

    return getattr(args, "db", None) or default_db_path()


def cli_text(value: str) -> str:
    """A command-line argument as text: bytes that are not UTF-8 (a GBK terminal, a mangled paste) arrive as
    surrogate escapes; they are decoded as GB18030 when they are, else dropped."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        raw = os.fsencode(value)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "ignore")


def tsv_field(value: str) -> str:
    """One field of tab-separated output, escaped (see desktop.core.ingest.importer.tsv_field)."""
    from desktop.core.ingest.importer import tsv_field as escape

    return escape(value)
