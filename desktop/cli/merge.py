"""``reviewdesk merge OTHER_DB...``: merge other reviewers' databases into this one."""

from __future__ import annotations

import argparse

from desktop.cli.common import add_db, open_db


def register(sub) -> None:
    p = sub.add_parser("merge", help="merge other reviewers' databases into this one")
    p.add_argument("sources", nargs="+", metavar="OTHER_DB")
    add_db(p)
    p.set_defaults(func=cmd_merge)


def cmd_merge(args: argparse.Namespace) -> int:
    from desktop.core.exchange.merge import merge_database

    db = open_db(args)
    for source in args.sources:
        report = merge_database(db, source)
        print(f"# {source}")
        for line in report.lines():
            print(line)
    return 0
