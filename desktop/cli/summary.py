"""``reviewdesk summary``: the evaluation summary (评估报告) as docx, pdf or md; ``reviewdesk letters``: the
per-report result letters (反馈意见书)."""

from __future__ import annotations

import argparse
import sys

from desktop.cli.common import add_db, open_db


def register(sub) -> None:
    p = sub.add_parser("summary", help="write the evaluation summary (评估报告) of the reviewed reports")
    p.add_argument("--format", required=True, choices=["docx", "pdf", "md"])
    p.add_argument("--out", required=True, metavar="PATH", help="file to write")
    add_db(p)
    p.add_argument("--year", type=int, metavar="Y", help="only the reports of this report year (default: all)")
    p.add_argument("--rubric", metavar="RUBRIC_ID", help="scores made under this stored rubric (default: active)")
    p.add_argument("--deadline", metavar="MM-DD",
                   help="store this publication deadline (month-day of the year after the report year, e.g. "
                        "03-01) as the project setting before drafting (default setting: 04-01)")
    p.set_defaults(func=cmd_summary)

    q = sub.add_parser("letters", help="write a result letter (反馈意见书) per report with a final result")
    q.add_argument("--out", required=True, metavar="DIR", help="folder for one docx per report (a file with "
                                                                "--one-file)")
    add_db(q)
    q.add_argument("--year", type=int, metavar="Y", help="only the reports of this report year (default: all)")
    q.add_argument("--rubric", metavar="RUBRIC_ID", help="scores made under this stored rubric (default: active)")
    q.add_argument("--one-file", action="store_true", help="all letters in the one docx PATH, a page break "
                                                           "between letters")
    q.set_defaults(func=cmd_letters)


def cmd_summary(args: argparse.Namespace) -> int:
    from desktop.core.summary.facts import set_deadline
    from desktop.core.summary.write import write_summary

    db = open_db(args, write=args.deadline is not None)
    if args.deadline is not None:
        print(f"publication deadline set to {set_deadline(db, args.deadline)}", file=sys.stderr)
    result = write_summary(db, args.format, args.out, year=args.year, rubric_id=args.rubric)
    print(result.path)
    print(f"summary written as {result.format} to {result.path} ({result.chapters} chapters)", file=sys.stderr)
    if result.flagged:
        print(f"warning: {len(result.flagged)} rewritten paragraph(s) show figures that changed since they were "
              f"rewritten; check them in the Summary tab: {', '.join(result.flagged)}", file=sys.stderr)
    return 0


def cmd_letters(args: argparse.Namespace) -> int:
    from desktop.core.summary.letters import write_letters

    result = write_letters(open_db(args, write=False), args.out, year=args.year, one_file=args.one_file,
                           rubric_id=args.rubric)
    for path in result.paths:
        print(path)
    print(f"{result.letters} letter(s) written to {len(result.paths)} file(s)", file=sys.stderr)
    if result.skipped:
        print(f"{len(result.skipped)} report(s) without a final result got no letter: {'; '.join(result.skipped)}",
              file=sys.stderr)
    return 0
