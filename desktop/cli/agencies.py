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
    register_promises(sub)
    register_shared(sub)


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


def register_promises(sub) -> None:
    p = sub.add_parser("promises", help="last year's plan items and what this report says of each")
    p.add_argument("id", metavar="ID", help="the report's id (see `reviewdesk list`)")
    p.add_argument("--json", action="store_true", help="one JSON object")
    add_db(p)
    p.set_defaults(func=cmd_promises)


def cmd_promises(args: argparse.Namespace) -> int:
    from desktop.core.agencies.tracker import PromiseError, track_promises

    db = open_db(args, write=False)
    try:
        tracked = track_promises(db, args.id.strip())
    except PromiseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return BAD_INPUT
    previous = tracked.previous
    if args.json:
        print(json.dumps({
            "id": tracked.report.id, "year": tracked.report.year,
            "previous_id": previous.id if previous else None, "previous_year": previous.year if previous else None,
            "items": [{"index": p.match.item.index, "text": p.match.item.text, "start": p.match.item.start,
                       "end": p.match.item.end, "status": p.match.status,
                       "passage": ({"start": p.match.passage.start, "end": p.match.passage.end,
                                    "text": p.match.passage.text} if p.match.passage else None),
                       "similarity": p.automatic.similarity, "shared_terms": list(p.automatic.shared_terms),
                       "automatic_status": p.automatic.status, "origin": "corrected" if p.corrected else "auto",
                       "corrected_by": p.correction.reviewer_name if p.correction else None}
                      for p in tracked.promises],
            "unplaced": [{"id": c.id, "item": c.item_quote, "status": c.status, "corrected_by": c.reviewer_name}
                         for c in tracked.unplaced]}, ensure_ascii=False))
    else:
        for p in tracked.promises:
            passage = p.match.passage
            print(f"{p.match.status}\t{p.automatic.similarity:.3f}\t{tsv_field(p.match.item.text)}\t"
                  f"{f'{passage.start}:{passage.end}' if passage else '-'}\t{tsv_field(passage.text if passage else '-')}\t"
                  f"{'corrected' if p.corrected else 'auto'}")
    if previous is None:
        print(f"no earlier report of {tracked.report.agency or 'this agency'} in the corpus: nothing to track; import "
              "last year's report (or merge the agency's groups in the timeline)", file=sys.stderr)
    elif not tracked.promises:
        print(f"the {previous.year} report ({previous.id}) has no plan items (下一年度安排) to track", file=sys.stderr)
    else:
        print(f"{len(tracked.promises)} item(s) of the {previous.year} plan: {tracked.count('done')} done, "
              f"{tracked.count('shortcoming')} back as shortcomings, {tracked.count('not_mentioned')} not mentioned"
              + (f"; {len(tracked.unplaced)} correction(s) no longer match an item" if tracked.unplaced else ""),
              file=sys.stderr)
    return 0


def register_shared(sub) -> None:
    p = sub.add_parser("shared", help="passages that reports of different agencies share")
    p.add_argument("--min-chars", type=int, default=None, metavar="N",
                   help="shortest sentence counted, in letters and digits (default 20, at least 10)")
    p.add_argument("--report", metavar="ID", default=None, help="only the passages of this report")
    p.add_argument("--json", action="store_true", help="one JSON object")
    add_db(p)
    p.set_defaults(func=cmd_shared)


def _index(db) -> None:
    """Bring the shared-text index up to the corpus (not possible on a database that can only be read)."""
    from desktop.core.agencies.passages import refresh_index

    if db.execute("PRAGMA query_only").fetchone()[0]:
        return
    count = refresh_index(db)
    if count:
        print(f"indexed the sentences of {count} new or changed report(s)", file=sys.stderr)


def cmd_shared(args: argparse.Namespace) -> int:
    from desktop.core.agencies.shared import DEFAULT_MIN_CHARS, SharedTextError, shared_corpus, shared_with_others

    db = open_db(args, write=False)
    min_chars = DEFAULT_MIN_CHARS if args.min_chars is None else args.min_chars
    _index(db)
    try:
        if args.report:
            found = shared_with_others(db, args.report.strip(), min_chars)
            passages = [p for _, _, p in found.passages]
            unindexed = found.unindexed
        else:
            corpus = shared_corpus(db, min_chars)
            passages, unindexed = corpus.passages, corpus.unindexed
    except SharedTextError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return BAD_INPUT
    if args.json:
        print(json.dumps({"min_chars": min_chars, "unindexed": unindexed, "passages": [
            {"text": p.text, "length": p.length, "agencies": p.agencies, "reports": p.reports,
             "occurrences": [{"document_id": o.document_id, "agency": o.agency, "year": o.year,
                              "published_at": o.published_at, "start": o.start, "end": o.end,
                              "earliest": i == 0} for i, o in enumerate(p.occurrences)]}
            for p in passages]}, ensure_ascii=False))
    else:
        for n, p in enumerate(passages, 1):
            for o in p.occurrences:
                print(f"{n}\t{o.document_id}\t{tsv_field(o.agency or '-')}\t{o.year if o.year is not None else '-'}\t"
                      f"{o.published_at or '-'}\t{o.start}:{o.end}\t{tsv_field(p.text)}")
    print(f"{len(passages)} passage(s) of at least {min_chars} characters shared by reports of different agencies",
          file=sys.stderr)
    if unindexed:
        print(f"warning: {unindexed} report(s) are not in the shared-text index (the database can only be read); "
              "their text is not compared — open the database where it can be written to index them", file=sys.stderr)
    return 0
