"""``reviewdesk show ID`` and ``reviewdesk correct ID``: a stored document after corrections, and correcting it.

``correct`` takes any number of edits and stores all of them or none (one transaction); bad input — an unknown
id, offsets out of range, an unknown field or kind, a year that is not a year, a date that is not a date — is
answered by a specific message on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from desktop.cli.common import add_db, open_db

BAD_INPUT = 2


def _tagged(kind: str):
    def parse(value: str) -> tuple[str, str]:
        return kind, value
    return parse


def register(sub) -> None:
    p = sub.add_parser("show", help="a stored document's metadata and parts after the reviewer's corrections")
    p.add_argument("id", metavar="ID", help="document id (see `reviewdesk list`)")
    add_db(p)
    p.add_argument("--json", action="store_true",
                   help="print one JSON object: the shape of `segment --json` with origin and corrected_by")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("correct", help="correct a stored document's metadata or parts (all edits or none)")
    p.add_argument("id", metavar="ID", help="document id (see `reviewdesk list`)")
    add_db(p)
    p.add_argument("--reviewer", metavar="NAME", default=None,
                   help="who corrects (default: $REVIEWDESK_REVIEWER, else the login name)")
    p.add_argument("--field", dest="edits", action="append", type=_tagged("field"), metavar="NAME=VALUE",
                   help="set a metadata field: title agency year doc_number doc_date published_at "
                        "(an empty VALUE clears it)")
    p.add_argument("--part", dest="edits", action="append", type=_tagged("part"), metavar="KIND=START:END",
                   help="mark characters START:END of the stored text as the required part KIND "
                        "(achievements shortcomings leader_duty next_plan); placement is inferred")
    p.add_argument("--reset", dest="edits", action="append", type=_tagged("reset"), metavar="NAME",
                   help="reset a metadata field to its automatic value")
    p.set_defaults(func=cmd_correct, edits=None)


def _bad(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return BAD_INPUT


def cmd_show(args: argparse.Namespace) -> int:
    from desktop.core.corrections.records import CorrectionError, show_json

    db = open_db(args, write=False)
    try:
        data = show_json(db, args.id)
    except CorrectionError as exc:
        return _bad(str(exc))
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    origin = data["metadata_origin"]
    for key in ("title", "agency", "year", "doc_number", "doc_date", "published_at", "on_time", "source"):
        value = data[key] if data[key] is not None else "—"
        mark = ""
        if key in origin and origin[key]["origin"] == "corrected":
            auto = origin[key]["auto_value"]
            mark = f"   [corrected by {origin[key]['corrected_by'] or '?'}; automatic: {'—' if auto is None else auto}]"
        elif key in origin and origin[key]["origin"] == "confirmed":
            mark = f"   [confirmed by {origin[key]['corrected_by'] or '?'}]"
        print(f"{key + ':':<14}{value}{mark}")
    print("sections:")
    for s in data["sections"]:
        mark = f"  [{s['origin']} by {s['corrected_by'] or '?'}]" if s["origin"] != "auto" else ""
        print(f"  {s['kind']:<13}{s['placement']:<11}{s['start']:>6}-{s['end']:<6} {s['heading'][:40]}{mark}")
    print(f"missing:      {', '.join(data['missing']) or 'none'}")
    for c in data["unplaced_corrections"]:
        print(f"not applied:  {c['kind']} «{c['quote'][:30]}» ({c['status']}, by {c['corrected_by'] or '?'})")
    return 0


def _reviewer_name(args: argparse.Namespace) -> str:
    import getpass
    import os

    return (args.reviewer or os.environ.get("REVIEWDESK_REVIEWER") or getpass.getuser() or "reviewer").strip()


def _parse_part(value: str) -> tuple[str, int, int]:
    from desktop.core.corrections.records import CorrectionError

    m = re.fullmatch(r"\s*([a-z_]+)\s*=\s*(\d+)\s*:\s*(\d+)\s*", value)
    if not m:
        raise CorrectionError(f"--part {value!r}: give KIND=START:END, e.g. leader_duty=120:180")
    return m.group(1), int(m.group(2)), int(m.group(3))


def cmd_correct(args: argparse.Namespace) -> int:
    from desktop.core.corrections.apply import FIELDS
    from desktop.core.corrections.records import (
        CorrectionError,
        correct_field,
        mark_part,
        parse_field_value,
        reset_field,
    )
    from desktop.core.review.reviewers import get_or_create_reviewer

    if not args.edits:
        return _bad("nothing to correct; give --field NAME=VALUE, --part KIND=START:END or --reset NAME")
    name = _reviewer_name(args)
    if not name:
        return _bad("--reviewer: a reviewer needs a name")
    db = open_db(args, must_exist=True)
    lines: list[str] = []
    try:
        # Check what can be checked before writing anything; the transaction below undoes the rest.
        for tag, value in args.edits:
            if tag == "field":
                field, sep, raw = value.partition("=")
                if not sep:
                    raise CorrectionError(f"--field {value!r}: give NAME=VALUE, e.g. agency=某县司法局")
                parse_field_value(field.strip(), raw)
            elif tag == "part":
                _parse_part(value)
            elif value.strip() not in FIELDS:
                raise CorrectionError(f"--reset {value!r}: unknown field; the fields are {', '.join(FIELDS)}")
        with db.atomic():
            reviewer = get_or_create_reviewer(db, name)
            for tag, value in args.edits:
                if tag == "field":
                    field, _sep, raw = value.partition("=")
                    c = correct_field(db, args.id, field.strip(), raw, reviewer_id=reviewer.id)
                    lines.append(f"field\t{c.target}\t{'' if c.after is None else c.after}\t{c.id}")
                elif tag == "part":
                    kind, start, end = _parse_part(value)
                    c = mark_part(db, args.id, kind, start, end, reviewer_id=reviewer.id)
                    placement = c.after.get("placement", "") if isinstance(c.after, dict) else ""
                    lines.append(f"part\t{kind}\t{placement}\t{c.start}:{c.end}\t{c.id}")
                else:
                    ids = reset_field(db, args.id, value.strip())
                    lines.append(f"reset\t{value.strip()}\t{len(ids)}")
    except CorrectionError as exc:
        return _bad(str(exc))
    for line in lines:
        print(line)
    return 0
