"""``reviewdesk segment FILE [--json]``: what segmentation finds in one file; stores nothing."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub) -> None:
    p = sub.add_parser("segment", help="segment one report file and print what was found (stores nothing)")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="print one JSON object (the documented contract)")
    p.set_defaults(func=cmd_segment)


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
        print(f"  {s.kind:<13}{s.placement:<11}{s.start:>6}-{s.end:<6} {s.confidence:<5} {s.heading[:40]}")
    print(f"missing:    {', '.join(seg.missing) or 'none'}")
    print(f"doc type:   {seg.doc_type}{'  (text seems cut off before its end)' if seg.truncated else ''}")
    print(f"clutter:    {len(seg.clutter)} span(s)")
    return 0
