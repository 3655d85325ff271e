"""``reviewdesk resegment [--db DB] [--all]``: re-segment stored documents from their frozen text."""

from __future__ import annotations

import argparse

from desktop.cli.common import add_db


def register(sub) -> None:
    p = sub.add_parser("resegment", help="re-segment stored documents (those of an older segmenter version, "
                                         "or --all)")
    add_db(p)
    p.add_argument("--all", action="store_true", dest="every", help="re-segment every document, not only outdated ones")
    p.set_defaults(func=cmd_resegment)


def cmd_resegment(args: argparse.Namespace) -> int:
    from desktop.core.storage.database import open_database
    from desktop.core.storage.resegment import resegment_outdated

    db = open_database(args.db)
    count = resegment_outdated(db, every=args.every)
    print(f"resegmented\t{count}")
    return 0
