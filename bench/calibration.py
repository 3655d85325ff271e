"""Calibration of metadata confidence on the real openings: right / empty / wrong × high / low per field.

High confidence must mean right: a field is counted ``wrong`` when it has a value the truth does not accept,
``empty`` when it has none, ``right`` otherwise (the same acceptance rules as bench/real_openings.py). The
figure that matters is ``wrong × high`` (a value shown as sure that is not) and the share of high values that
are right. The files are split as in bench/real_openings.py: develop on ``tuning``, report ``held-back``.

    .venv/bin/python bench/calibration.py [--dir DIR] [--part tuning|held-back|all|both] [--show]

``both`` prints the tuning and the held-back tables one after the other (for the final report).

``--show`` lists every wrong value and every doubtful one with its reason (tuning part only unless asked).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.real_openings import DEFAULT_DIR, PARTS, _agency_forms, _agency_ok, _norm, truth_entries  # noqa: E402
from desktop.core.segmentation.segment import segment_report  # noqa: E402

FIELDS = ("agency", "year", "date")
OUTCOMES = ("right", "empty", "wrong")


def _outcome(field: str, found: object, truth: dict, text: str) -> str | None:
    """right / empty / wrong for one field of one file (None when the truth has nothing to compare)."""
    if field == "date" and not truth.get("doc_date"):
        return None
    if found is None or found == "":
        return "empty"
    if field == "agency":
        forms = {_norm(f) for f in _agency_forms(truth["agency"])}
        return "right" if _agency_ok(found, forms, text) else "wrong"
    if field == "year":
        return "right" if found == truth["year_covered"] else "wrong"
    return "right" if found == truth["doc_date"] else "wrong"


def measure(folder: Path, part: str) -> tuple[dict[str, Counter], list[str]]:
    """Per field a Counter of (outcome, confidence), and the lines describing wrong or doubtful values."""
    table: dict[str, Counter] = {f: Counter() for f in FIELDS}
    lines: list[str] = []
    for truth in truth_entries(folder, part):
        text = (folder / truth["file"]).read_text(encoding="utf-8")
        seg = segment_report(text)
        meta = seg.metadata.values()
        which = "published_at" if str(truth.get("date_source", "")).startswith("page") else "doc_date"
        found = {"agency": meta["agency"], "year": meta["year"], "date": meta[which]}
        conf = {"agency": seg.metadata_confidence.get("agency", "low"),
                "year": seg.metadata_confidence.get("year", "low"),
                "date": seg.metadata_confidence.get(which, "low")}
        reasons = getattr(seg, "metadata_reasons", {})
        for f in FIELDS:
            outcome = _outcome(f, found[f], truth, text)
            if outcome is None:
                continue
            table[f][(outcome, conf[f])] += 1
            if outcome == "wrong" or conf[f] == "low":
                reason = reasons.get(f if f != "date" else which, "")
                lines.append(f"{truth['file']}: {f} {outcome}/{conf[f]} {found[f]!r} (truth "
                             f"{truth['agency'] if f == 'agency' else truth['year_covered'] if f == 'year' else truth['doc_date']!r})"
                             f"{' — ' + reason if reason else ''}")
    return table, lines


def render(table: dict[str, Counter], part: str, files: int) -> str:
    """The calibration table as printed."""
    out = [f"calibration ({part}, {files} files)", f"{'field':8} {'':6} " + " ".join(f"{o:>6}" for o in OUTCOMES)
           + "   high right"]
    for f in FIELDS:
        counts = table[f]
        for conf in ("high", "low"):
            row = " ".join(f"{counts[(o, conf)]:>6}" for o in OUTCOMES)
            extra = ""
            if conf == "high":
                high = sum(counts[(o, "high")] for o in OUTCOMES)
                extra = f"   {counts[('right', 'high')]}/{high}" + (
                    f" = {counts[('right', 'high')] / high:.0%}" if high else "")
            out.append(f"{f if conf == 'high' else '':8} {conf:6} {row}{extra}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--part", choices=(*PARTS, "both"), default="tuning")
    parser.add_argument("--show", action="store_true", help="list wrong and doubtful values with their reasons")
    args = parser.parse_args(argv)
    wrong_high = 0
    for part in (("tuning", "held-back") if args.part == "both" else (args.part,)):
        table, lines = measure(args.dir, part)
        print(render(table, part, len(truth_entries(args.dir, part))))
        if args.show:
            print("\n".join(lines))
        wrong = sum(table[f][("wrong", "high")] for f in FIELDS)
        print(f"wrong with high confidence ({part}): {wrong}")
        wrong_high += wrong
    return 0 if wrong_high == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
