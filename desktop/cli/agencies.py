"""``reviewdesk timeline AGENCY``, ``reviewdesk promises ID``, ``reviewdesk shared``: each agency over the years."""

from __future__ import annotations

import argparse
import json
import sys

from desktop.cli.common import add_db, cli_text, open_db, tsv_field

BAD_INPUT = 2


def register(sub) -> None:
    p = sub.add_parser("timeline", help="one agency's reports across years (no AGENCY: list the agency groups)")
    p.add_argument("agency", metavar="AGENCY", nargs="?", type=cli_text,
                   help="the agency's name in any of its forms, or the id of one of its reports")
    p.add_argument("--json", action="store_true", help="one JSON object")
    add_db(p)
    p.set_defaults(func=cmd_timeline)


def _report_json(entry) -> dict:
    r = entry.report
    return {"id": r.id, "name": r.name, "agency": r.agency, "year": r.year, "published_at": r.published_at,
            "on_time": r.on_time, "missing": list(r.missing), "total": entry.score.total,
            "total_basis": entry.score.basis, "grade": entry.score.grade,
            "earlier_reports": entry.earlier_reports,
            "shortcomings": [{"text": h.item.text, "start": h.item.start, "end": h.item.end, "verdict": h.verdict,
                              "earlier_id": h.earlier_document_id, "earlier_year": h.earlier_year,
                              "earlier_text": h.earlier_text, "overlap": h.overlap, "changed": h.changed}
                             for h in entry.shortcomings]}


def _flag(value: bool | None) -> str:
    return "-" if value is None else ("yes" if value else "no")


def cmd_timeline(args: argparse.Namespace) -> int:
    from desktop.core.agencies.groups import find_groups, grouping
    from desktop.core.agencies.timeline import agency_timeline

    db = open_db(args, write=False)
    if not args.agency:
        groups = grouping(db).ordered()
        if args.json:
            print(json.dumps([{"key": g.key, "name": g.name, "names": g.names, "years": g.years,
                               "reports": [r.id for r in g.reports]} for g in groups], ensure_ascii=False))
        else:
            for g in groups:
                print(f"{tsv_field(g.name or '-')}\t{','.join(map(str, g.years)) or '-'}\t{len(g.reports)}\t"
                      f"{tsv_field(g.key)}")
        return 0
    group, near = find_groups(db, args.agency)
    if group is None:
        hint = ("; did you mean: " + "、".join(g.name for g in near[:8])) if near else (
            "; list the agencies with `reviewdesk timeline` (no AGENCY)")
        print(f"error: no agency matches {args.agency!r}{hint}", file=sys.stderr)
        return BAD_INPUT
    timeline = agency_timeline(db, group)
    if args.json:
        print(json.dumps({"key": group.key, "name": group.name, "names": group.names, "years": group.years,
                          "trend": [[y, t] for y, t in timeline.trend()], "direction": timeline.trend_direction(),
                          "reports": [_report_json(e) for e in timeline.entries]}, ensure_ascii=False))
        return 0
    for e in timeline.entries:
        r = e.report
        counts = {v: sum(1 for h in e.shortcomings if h.verdict == v) for v in ("repeated", "reworded", "new")}
        print(f"{r.year if r.year is not None else '-'}\t{r.id}\t{e.score.total_text()}\t{e.score.grade or '-'}\t"
              f"{','.join(r.missing) or '-'}\t{_flag(r.on_time)}\t"
              f"{counts['repeated']}\t{counts['reworded']}\t{counts['new']}\t{tsv_field(r.agency or '-')}")
    print(f"{group.name}: {len(timeline.entries)} report(s), years {', '.join(map(str, group.years)) or 'unknown'}",
          file=sys.stderr)
    return 0
