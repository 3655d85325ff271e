"""``reviewdesk export``: the review sheet (xlsx, csv, docx, pdf) or a full json dump."""

from __future__ import annotations

import argparse
import sys

from desktop.cli.common import add_db, open_db, shown_path


def register(sub) -> None:
    p = sub.add_parser("export", help="export the review sheet (xlsx, csv, docx, pdf) or a full json dump")
    p.add_argument("--format", required=True, choices=["xlsx", "csv", "docx", "pdf", "json"])
    p.add_argument("--out", required=True, metavar="PATH", help="file to write (a folder with --per-report)")
    add_db(p)
    p.add_argument("--reviewer", metavar="NAME", help="only this reviewer's reviews (default: every reviewer)")
    p.add_argument("--rubric", metavar="RUBRIC_ID", help="scores made under this stored rubric (default: active)")
    p.add_argument("--per-report", action="store_true", help="docx/pdf: one file per report in the folder PATH")
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.core.export import export

    result = export(open_db(args, write=False), args.format, args.out, reviewer=args.reviewer, rubric_id=args.rubric,
                    per_report=args.per_report)
    for path in result.paths:
        print(shown_path(path))
    print(f"{result.rows} row(s) exported as {result.format} to {len(result.paths)} file(s)", file=sys.stderr)
    return 0
