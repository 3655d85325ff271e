"""``reviewdesk import``, ``list`` and ``search``: put reports into the corpus and find them again."""

from __future__ import annotations

import argparse
import json
import sys

from desktop.cli.common import add_db, cli_text, open_db, tsv_field


def register(sub) -> None:
    p = sub.add_parser("import", help="import files and folders into the database")
    p.add_argument("paths", nargs="+", metavar="PATH")
    add_db(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", help="list the documents in the database")
    add_db(p)
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("search", help="full-text search across the corpus")
    p.add_argument("query")
    add_db(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--limit", type=_limit, default=100, help="at most this many documents (default 100)")
    p.set_defaults(func=cmd_search)


def _limit(value: str) -> int:
    """--limit: a whole number >= 1; a huge one means "all" (capped, SQLite integers are 64-bit)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return min(number, 1_000_000_000)


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.core.ingest.importer import FAILED, finish_import, run_import, store_batch

    db = open_db(args)

    def store(batch):
        # the lines of a batch as soon as it is stored: when the database fails midway (disk full), every file
        # stored before has been reported
        outcomes = store_batch(db, batch)
        print("\n".join(outcome.line() for outcome in outcomes), flush=True)
        return outcomes

    try:
        report = run_import(args.paths, store)
    finally:
        finish_import(db)
    print(report.summary(), file=sys.stderr)
    return 1 if report.count(FAILED) else 0


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.core.storage.documents import list_documents

    docs = list_documents(open_db(args, write=False))
    if args.json:
        print(json.dumps([d.to_json() for d in docs], ensure_ascii=False))
        return 0
    for d in docs:
        missing = ",".join(d.missing) or "-"
        print("\t".join(tsv_field(f) for f in [d.id, str(d.year or "-"), d.agency or "-", d.doc_date or "-", missing,
                                                 d.name]))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from desktop.core.storage.search import search

    query = cli_text(args.query)
    total, results = search(open_db(args, write=False), query, limit=args.limit)
    if args.json:
        print(json.dumps({"query": query, "total": total, "results": [r.to_json() for r in results]},
                         ensure_ascii=False))
        return 0
    for r in results:
        context = r.hits[0].context if r.hits else ""
        print("\t".join(tsv_field(f) for f in [r.document_id, str(r.hit_count), r.agency or "-", str(r.year or "-"),
                                                 context]))
    print(f"{total} document(s)", file=sys.stderr)
    return 0
