"""``reviewdesk scores import FILE --reviewer NAME``: a reviewer's scores from a filled-in review sheet."""

from __future__ import annotations

import argparse
import sys

from desktop.cli.common import add_db, cli_text, open_db, tsv_field

BAD_INPUT = 2


def register(sub) -> None:
    p = sub.add_parser("scores", help="scores: import a reviewer's filled-in review sheet")
    actions = p.add_subparsers(dest="scores_command", required=True)
    q = actions.add_parser("import", help="import scores from the 汇总 layout of an exported csv/xlsx")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--reviewer", required=True, metavar="NAME", type=cli_text, help="whose scores (created if new)")
    add_db(q)
    q.set_defaults(func=cmd_scores_import)

    p = sub.add_parser("reopen", help="reopen a reviewer's submitted review (to correct it, e.g. from paper)")
    p.add_argument("id", metavar="ID", help="report id (see `reviewdesk list`)")
    p.add_argument("--reviewer", required=True, metavar="NAME", type=cli_text, help="whose review")
    p.add_argument("--by", metavar="NAME", default="", type=cli_text, help="who reopens it (recorded)")
    add_db(p)
    p.set_defaults(func=cmd_reopen)


def cmd_scores_import(args: argparse.Namespace) -> int:
    from desktop.core.exchange.score_import import ScoreImportError, import_scores

    db = open_db(args, must_exist=True)
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
    for row, report, missing in result.incomplete:
        print(f"incomplete\t{row}\t{tsv_field(report)}\t{tsv_field('、'.join(missing))}")
    print(f"imported {result.reviewer}'s scores" + (f" ({'; '.join(notes)})" if notes else ""), file=sys.stderr)
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    from desktop.core.review.reviewers import find_reviewer_loosely
    from desktop.core.scoring import scores as scoring
    from desktop.core.scoring.rubric import active_rubric
    from desktop.core.storage.documents import get_summary

    db = open_db(args)
    if not db.execute("SELECT 1 FROM documents WHERE id = ?", [args.id]).fetchone():
        print(f"error: no report with id {args.id}; `reviewdesk list` shows the ids", file=sys.stderr)
        return BAD_INPUT
    reviewer = find_reviewer_loosely(db, args.reviewer)
    if reviewer is None:
        print(f"error: no reviewer named {args.reviewer!r} in this database", file=sys.stderr)
        return BAD_INPUT
    rubric = active_rubric(db)
    review = scoring.get_review(db, args.id, reviewer.id, rubric.id)
    summary = get_summary(db, args.id)
    title = (summary.title if summary else "") or args.id
    if not review.submitted:
        print(f"error: {reviewer.name}'s review of {title} is not submitted ({review.status}); it can be changed "
              "as it is", file=sys.stderr)
        return BAD_INPUT
    scoring.reopen_review(db, args.id, reviewer.id, rubric, args.by)
    print(f"reopened\t{args.id}\t{tsv_field(reviewer.name)}")
    print(f"{reviewer.name}'s review of {title} is open for changes; submitted versions are kept:", file=sys.stderr)
    from desktop.core.scoring.versions import versions_text

    for line in versions_text(db, args.id, reviewer.id, rubric.id, {c.id: c.title for c in rubric.criteria}):
        print(f"  {line}", file=sys.stderr)
    return 0
