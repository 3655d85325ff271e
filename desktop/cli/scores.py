"""``reviewdesk scores import FILE --reviewer NAME``: a reviewer's scores from a filled-in review sheet."""

from __future__ import annotations

import argparse
import sys

from desktop.cli.common import add_db, cli_text, open_db

BAD_INPUT = 2


def register(sub) -> None:
    p = sub.add_parser("scores", help="scores: import a reviewer's filled-in review sheet")
    actions = p.add_subparsers(dest="scores_command", required=True)
    q = actions.add_parser("import", help="import scores from the 汇总 layout of an exported csv/xlsx")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--reviewer", required=True, metavar="NAME", type=cli_text, help="whose scores (created if new)")
    add_db(q)
    q.set_defaults(func=cmd_scores_import)


def cmd_scores_import(args: argparse.Namespace) -> int:
    from desktop.core.exchange.score_import import ScoreImportError, import_scores

    db = open_db(args)
    try:
        result = import_scores(db, args.file, args.reviewer)
    except ScoreImportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return BAD_INPUT
    print(f"{result.reports}\treports\t{result.scores}\tscores\t{result.submitted}\tsubmitted\t"
          f"{result.in_progress}\tin progress")
    notes = []
    if result.skipped_other_reviewers:
        notes.append(f"{result.skipped_other_reviewers} row(s) of other reviewers skipped")
    if result.skipped_empty:
        notes.append(f"{result.skipped_empty} empty row(s) skipped")
    print(f"imported {result.reviewer}'s scores" + (f" ({'; '.join(notes)})" if notes else ""), file=sys.stderr)
    return 0
