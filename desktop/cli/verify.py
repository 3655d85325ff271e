"""``reviewdesk verify``: the verify queue (核对队列) on the command line — list the doubts, confirm one.

``verify --list [--json]`` prints every low-confidence field, uncertain part and missing flag of the corpus;
``verify ID --accept FIELD|KIND`` stores the reviewer's confirmation (who, when) like a correction. Bad input
(an unknown id, field or kind, something not in doubt, both or neither of ID and --list) is answered by a
message on stderr and exit status 2, and nothing is stored.
"""

from __future__ import annotations

import argparse
import json
import sys

from desktop.cli.common import add_db, cli_text, open_db, tsv_field

BAD_INPUT = 2


def register(sub) -> None:
    p = sub.add_parser("verify", help="the verify queue: list what segmentation is unsure of, or confirm a value")
    p.add_argument("id", metavar="ID", nargs="?", default=None, help="document id to confirm (with --accept)")
    add_db(p)
    p.add_argument("--list", action="store_true", help="print one entry per doubt in the corpus")
    p.add_argument("--json", action="store_true", help="with --list: a JSON array of entries")
    p.add_argument("--accept", metavar="FIELD|KIND", action="append", default=None,
                   help="confirm the value of FIELD (title agency year doc_number doc_date published_at) or the "
                        "doubtful parts or missing flag of KIND (achievements shortcomings leader_duty next_plan); "
                        "may repeat, all or nothing")
    p.add_argument("--reviewer", metavar="NAME", default=None,
                   help="who confirms (default: $REVIEWDESK_REVIEWER, else the login name)")
    p.set_defaults(func=cmd_verify)


def _bad(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return BAD_INPUT


def cmd_verify(args: argparse.Namespace) -> int:
    from desktop.core.review.verify import VerifyError, accept, list_doubts

    if args.list == bool(args.id or args.accept):
        return _bad("give either --list, or ID with --accept FIELD|KIND")
    if args.list:
        db = open_db(args)
        doubts = list_doubts(db)
        if args.json:
            print(json.dumps([d.to_json() for d in doubts], ensure_ascii=False))
        else:
            for d in doubts:
                where = f"{d.start}:{d.end}" if d.start is not None else "-"
                print("\t".join([d.document_id, "field" if d.field else "kind", str(d.field or d.kind),
                                 tsv_field("-" if d.value is None else str(d.value)), where, tsv_field(d.reason)]))
        print(f"{len(doubts)} doubt(s)", file=sys.stderr)
        return 0
    if not args.id or not args.accept:
        return _bad("give ID and --accept FIELD|KIND, e.g. reviewdesk verify 1a2b… --accept agency")
    from desktop.cli.corrections import _reviewer_name
    from desktop.core.review.reviewers import get_or_create_reviewer

    name = _reviewer_name(args)
    if not name:
        return _bad("--reviewer: a reviewer needs a name")
    db = open_db(args)
    lines: list[str] = []
    try:
        with db.atomic():
            reviewer = get_or_create_reviewer(db, name)
            for what in args.accept:
                for c in accept(db, cli_text(args.id).strip(), cli_text(what).strip(), reviewer_id=reviewer.id):
                    lines.append(f"confirmed\t{c.target}\t{c.id}")
    except VerifyError as exc:
        return _bad(str(exc))
    for line in lines:
        print(line)
    return 0
