"""Panel review from the command line: ``assign``, ``progress``, ``package`` and ``agreement``.

Bad input (an unknown reviewer, report or rubric, k out of range, a package file that exists) ends with exit
status 2 and a message that says what to change.
"""

from __future__ import annotations

import argparse
import json
import sys

from desktop.cli.common import add_db, cli_text, open_db, shown_path, tsv_field
from desktop.core.scoring.rubric import FINAL_RULES

BAD_INPUT = 2


def register(sub) -> None:
    p = sub.add_parser("assign", help="assign reports to reviewers (by hand, or k reviewers per report, balanced)")
    add_db(p)
    p.add_argument("--reviewer", action="append", required=True, metavar="NAME", type=cli_text,
                   help="a reviewer (repeat for several; created if new)")
    p.add_argument("--report", action="append", metavar="DOC_ID", help="a report id (repeat; default: every report)")
    p.add_argument("--per-report", type=int, metavar="K",
                   help="give each report K of the reviewers, balancing their loads (default: every reviewer)")
    p.add_argument("--by", metavar="NAME", default="", type=cli_text, help="who assigns (recorded)")
    p.set_defaults(func=cmd_assign)

    p = sub.add_parser("progress", help="progress per reviewer: assigned, not started, in progress, submitted")
    add_db(p)
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=cmd_progress)

    p = sub.add_parser("final-rule", help="show or choose how a report's final score is made from its reviews")
    add_db(p)
    group = p.add_mutually_exclusive_group()
    group.add_argument("--set", metavar="RULE", choices=FINAL_RULES,
                       help=f"this project's rule: {', '.join(FINAL_RULES)}")
    group.add_argument("--clear", action="store_true", help="follow the rubric's rule again (else the mean)")
    p.set_defaults(func=cmd_final_rule)

    p = sub.add_parser("package", help="write a database file with one reviewer's reports, to review offline "
                                       "(--return: the reviewer's package, as one complete file to send back)")
    add_db(p)
    p.add_argument("--reviewer", metavar="NAME", type=cli_text, help="whose package (not with --return)")
    p.add_argument("--return", dest="return_", action="store_true",
                   help="the database is a reviewer's package: write it, with all the work done in it, to FILE")
    p.add_argument("--out", required=True, metavar="FILE", help="the package file to create")
    p.set_defaults(func=cmd_package)

    p = sub.add_parser("agreement", help="Krippendorff's alpha per criterion and on the total")
    add_db(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--rubric", metavar="RUBRIC_ID", help="scores made under this stored rubric (default: active)")
    p.set_defaults(func=cmd_agreement)


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return BAD_INPUT


def cmd_assign(args: argparse.Namespace) -> int:
    from desktop.core.panel.assignments import AssignmentError, assign, assign_balanced
    from desktop.core.review.reviewers import ReviewerNameError, get_or_create_reviewer
    from desktop.core.storage.documents import list_documents

    names = [n.strip() for n in args.reviewer]
    if any(not n for n in names):
        return _fail("--reviewer needs a name")
    db = open_db(args, must_exist=True)
    current = {d.id: d for d in list_documents(db)}
    reports = args.report or list(current)
    unknown = [r for r in reports if r not in current]
    if unknown:
        return _fail(f"no report with id {', '.join(unknown)} in this database; `reviewdesk list` shows the ids")
    if not reports:
        return _fail("the database has no reports; import reports first")
    if args.per_report is not None and not 1 <= args.per_report <= len(set(names)):
        return _fail(f"--per-report {args.per_report}: choose K from 1 to {len(set(names))} (the reviewers given)")
    try:
        reviewers = [get_or_create_reviewer(db, n) for n in names]
    except ReviewerNameError as exc:
        return _fail(str(exc))
    names_by_id = {r.id: r.name for r in reviewers}
    try:
        if args.per_report is None:
            added = assign(db, reports, [r.id for r in reviewers], args.by)
        else:
            added = assign_balanced(db, reports, [r.id for r in reviewers], args.per_report, args.by)
    except AssignmentError as exc:
        return _fail(str(exc))
    for a in added:
        print(f"{a.document_id}\t{tsv_field(names_by_id[a.reviewer_id])}")
    print(f"{len(added)} assignment(s) added for {len(reports)} report(s)", file=sys.stderr)
    return 0


def cmd_progress(args: argparse.Namespace) -> int:
    from desktop.core.panel.assignments import reviewer_progress
    from desktop.core.scoring.rubric import active_rubric_readonly

    db = open_db(args, write=False)
    rows = reviewer_progress(db, active_rubric_readonly(db).id)
    _report_states(db)
    if args.json:
        print(json.dumps([{"reviewer": p.reviewer, "assigned": p.assigned, "not_started": p.not_started,
                           "in_progress": p.in_progress, "started": p.started, "submitted": p.submitted}
                          for p in rows], ensure_ascii=False))
        return 0
    for p in rows:
        print(f"{tsv_field(p.reviewer)}\t{p.assigned}\t{p.not_started}\t{p.in_progress}\t{p.submitted}")
    return 0


def cmd_final_rule(args: argparse.Namespace) -> int:
    from desktop.core.scoring.rubric import active_rubric_readonly
    from desktop.core.scoring.rules import FINAL_RULE_KEY, final_rule, rule_label, set_final_rule
    from desktop.core.storage.settings import get_setting

    changing = bool(args.set or args.clear)
    db = open_db(args, write=changing)
    if changing:
        set_final_rule(db, args.set)
    rubric = active_rubric_readonly(db)
    rule = final_rule(db, rubric)
    source = ("project" if get_setting(db, FINAL_RULE_KEY) in FINAL_RULES
              else "rubric" if rubric.final_rule else "default")
    print(f"{rule}\t{source}\t{rule_label(rule)}")
    return 0


def _report_states(db) -> None:
    """On stderr: how many reports are in each panel state, and every decision that needs re-checking (需复核)."""
    from desktop.core.export.sheets.tables import report_label
    from desktop.core.panel.summary import STATE_LABELS, STATES, panel_summary

    summary = panel_summary(db)
    counts = {s: sum(1 for r in summary.reports if r.state == s) for s in STATES}
    print("reports: " + ", ".join(f"{STATE_LABELS[s][0]} {counts[s]}" for s in STATES), file=sys.stderr)
    for report in summary.reports:
        stale = [item for item in report.open_items if "需复核" in item]
        if stale:
            print(f"需复核\t{report.document_id}\t{tsv_field(report_label(report.document))}\t{'；'.join(stale)}",
                  file=sys.stderr)


def cmd_package(args: argparse.Namespace) -> int:
    from desktop.core.exchange.package import PackageError, make_package, return_package

    if args.return_:
        if args.reviewer:
            return _fail("--return sends back the package given with --db; leave out --reviewer")
        db = open_db(args)
        try:
            back = return_package(db, args.out)
        except PackageError as exc:
            return _fail(str(exc))
        print(back.path)
        print(f"package of {back.reviewer} returned: {back.reviews} review(s) started or submitted, {back.scores} "
              f"score(s), {back.annotations} annotation(s)", file=sys.stderr)
        return 0
    if not args.reviewer:
        return _fail("--reviewer NAME is needed (or --return to send a package back)")
    db = open_db(args, must_exist=True)
    try:
        result = make_package(db, args.reviewer, args.out)
    except PackageError as exc:
        return _fail(str(exc))
    print(shown_path(result.path))
    print(f"package for {result.reviewer}: {result.reports} report(s), project {result.project_id}", file=sys.stderr)
    return 0


def cmd_agreement(args: argparse.Namespace) -> int:
    from desktop.core.errors import ReviewDeskError
    from desktop.core.panel.agreement import panel_agreement

    db = open_db(args, write=False)
    try:
        result = panel_agreement(db, args.rubric).to_json()
    except ReviewDeskError as exc:
        return _fail(f"{exc}; `reviewdesk export --format json` lists the stored rubrics"
                     if args.rubric else str(exc))
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0

    def num(v: float | None) -> str:
        return "-" if v is None else f"{v:.3f}"

    for c in result["criteria"]:
        print(f"{c['id']}\t{num(c['alpha_interval'])}\t{num(c['alpha_ordinal'])}\t{c['n_reports']}\t"
              f"{c['n_reviewers']}\t{tsv_field(c['reason'] or '')}")
    t = result["total"]
    print(f"total\t{num(t['alpha_interval'])}\t-\t{t['n_reports']}\t{t['n_reviewers']}\t{tsv_field(t['reason'] or '')}")
    return 0
