"""``reviewdesk merge OTHER_DB...``: merge reviewers' packages (or trusted databases) into this one."""

from __future__ import annotations

import argparse
import sys

from desktop.cli.common import add_db, open_db


def register(sub) -> None:
    p = sub.add_parser("merge", help="merge reviewers' packages (or trusted colleagues' databases) into this one")
    p.add_argument("sources", nargs="+", metavar="OTHER_DB")
    p.add_argument("--trust", action="store_true",
                   help="also merge databases that are not reviewer packages (a co-lead's, a colleague's own): "
                        "every row in them may change this database")
    add_db(p)
    p.set_defaults(func=cmd_merge)


def cmd_merge(args: argparse.Namespace) -> int:
    from desktop.core.errors import ReviewDeskError
    from desktop.core.exchange.merge import merge_database

    db = open_db(args)
    status = 0
    for source in args.sources:
        try:
            report = merge_database(db, source, trust=args.trust)
        except ReviewDeskError as exc:  # one refused source: say so, merge the others, end non-zero
            print(f"error: {exc}", file=sys.stderr)
            status = 1
            continue
        print(f"# {source}")
        for line in report.lines():
            print(line)
    return status
