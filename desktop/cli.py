"""The ``reviewdesk`` command line: headless jobs for batch use and measurement.

With no sub-command it starts the GUI. Output formats are contracts, documented in README.md
(section "Command line"); tests/test_cli_docs.py fails when a sub-command or option is undocumented.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop import __version__


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="DB", help="database file (default: the user data directory)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reviewdesk", description="ReviewDesk (报告评阅台)")
    parser.add_argument("--version", action="version", version=f"reviewdesk {__version__}")
    _add_db(parser)
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("segment", help="segment one report file and print what was found (stores nothing)")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="print one JSON object (the documented contract)")

    p = sub.add_parser("import", help="import files and folders into the database")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _add_db(p)

    p = sub.add_parser("list", help="list the documents in the database")
    _add_db(p)
    p.add_argument("--json", action="store_true", help="print a JSON array")

    p = sub.add_parser("search", help="full-text search across the corpus")
    p.add_argument("query")
    _add_db(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--limit", type=int, default=100, help="at most this many documents (default 100)")

    p = sub.add_parser("merge", help="merge other reviewers' databases into this one")
    p.add_argument("sources", nargs="+", metavar="OTHER_DB")
    _add_db(p)

    p = sub.add_parser("export", help="export the review sheet (xlsx, csv, docx, pdf) or a full json dump")
    p.add_argument("--format", required=True, choices=["xlsx", "csv", "docx", "pdf", "json"])
    p.add_argument("--out", required=True, metavar="PATH", help="file to write (a folder with --per-report)")
    _add_db(p)
    p.add_argument("--reviewer", metavar="NAME", help="only this reviewer's reviews (default: every reviewer)")
    p.add_argument("--rubric", metavar="RUBRIC_ID", help="scores made under this stored rubric (default: active)")
    p.add_argument("--per-report", action="store_true", help="docx/pdf: one file per report in the folder PATH")

    p = sub.add_parser("gui", help="start the desktop application (the default)")
    _add_db(p)
    return parser


def _open(args: argparse.Namespace):
    from desktop.core.storage import open_database

    return open_database(args.db)


def cmd_segment(args: argparse.Namespace) -> int:
    from desktop.core.errors import IngestError
    from desktop.core.ingest import read_report
    from desktop.core.segmentation.segment import segment_report

    try:
        source = read_report(args.file)
    except IngestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    seg = segment_report(source.text)
    data = seg.to_json()
    data["encoding"] = source.encoding
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    print(f"file:       {source.name} ({source.format}, {source.encoding})")
    for key in ("title", "agency", "year", "doc_number", "doc_date", "published_at", "on_time", "source"):
        print(f"{key + ':':<12}{data[key] if data[key] is not None else '—'}")
    print("sections:")
    for s in seg.sections:
        print(f"  {s.kind:<13}{s.placement:<11}{s.start:>6}-{s.end:<6} {s.heading[:40]}")
    print(f"missing:    {', '.join(seg.missing) or 'none'}")
    print(f"clutter:    {len(seg.clutter)} span(s)")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.core.ingest.importer import FAILED, import_paths

    db = _open(args)
    report = import_paths(db, args.paths)
    for outcome in report.outcomes:
        print(outcome.line(), flush=True)
    print(report.summary(), file=sys.stderr)
    return 1 if report.count(FAILED) else 0


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.core.storage.documents import list_documents

    docs = list_documents(_open(args))
    if args.json:
        print(json.dumps([d.to_json() for d in docs], ensure_ascii=False))
        return 0
    for d in docs:
        missing = ",".join(d.missing) or "-"
        print("\t".join([d.id, str(d.year or "-"), d.agency or "-", d.doc_date or "-", missing, d.name]))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from desktop.core.storage.search import search

    total, results = search(_open(args), args.query, limit=args.limit)
    if args.json:
        print(json.dumps({"query": args.query, "total": total, "results": [r.to_json() for r in results]},
                         ensure_ascii=False))
        return 0
    for r in results:
        context = r.hits[0].context if r.hits else ""
        print("\t".join([r.document_id, str(r.hit_count), r.agency or "-", str(r.year or "-"), context]))
    print(f"{total} document(s)", file=sys.stderr)
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from desktop.core.exchange.merge import merge_database

    db = _open(args)
    for source in args.sources:
        report = merge_database(db, source)
        print(f"# {source}")
        for line in report.lines():
            print(line)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.core.export import export

    result = export(_open(args), args.format, args.out, reviewer=args.reviewer, rubric_id=args.rubric,
                    per_report=args.per_report)
    for path in result.paths:
        print(path)
    print(f"{result.rows} row(s) exported as {result.format} to {len(result.paths)} file(s)", file=sys.stderr)
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from desktop.gui.app import run_app

    return run_app(Path(args.db) if args.db else None)


COMMANDS = {"segment": cmd_segment, "import": cmd_import, "list": cmd_list, "search": cmd_search,
            "merge": cmd_merge,
            "export": cmd_export, "gui": cmd_gui}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = COMMANDS.get(args.command or "gui")
    try:
        return command(args)
    except BrokenPipeError:
        return 0
    except Exception as exc:
        from desktop.core.errors import ReviewDeskError

        if isinstance(exc, ReviewDeskError):
            print(f"error: {exc}", file=sys.stderr)
            return 1
        raise
