"""Accuracy of segmentation and metadata on the real report openings (tests/data/real_openings, with truth).

Each file gives these checks:
- one per labelled part: a detected section of the same kind where the truth puts it (a top-level part must
  start at the heading and be a ``section``; a nested one must cover the labelled heading or sentence);
- ``missing``: the detected missing list equals the truth's (the files are cut, so parts beyond the cut are
  missing; a required part that is in the file but reported missing is a false "missing" flag, counted
  separately and never allowed);
- ``year``: the year covered;
- ``agency``: when the text names the issuing body, its full name (or the alternative the truth gives in
  brackets; 人民政府 may be left out); a shorter tail of the truth's name passes only when the text never prints
  the longer one (静海区 for 天津市静海区人民政府 in a page that never says 天津); when the truth had to infer the
  agency, the program must not invent a different one (None passes);
- ``date``: when the truth has a date, the publication date (page 发布时间/日期/更新时间) or the document date
  (metadata 发文日期/公文生成日期) as the truth says.

    .venv/bin/python bench/real_openings.py [--dir DIR] [--part tuning|held-back|all] [--quiet]

Prints per-file misses and the overall figure; exits 1 below the floor or on any false "missing" flag.

Hold-back discipline: the files are split by a fixed rule (:func:`held_back`: the eight files numbered 23–30)
into a tuning part, used while developing detection, and a held-back part looked at only to report honest
figures on text the rules were not tuned on. Development runs use ``--part tuning`` (the default).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.core.segmentation.segment import segment_report  # noqa: E402

DEFAULT_DIR = ROOT / "tests" / "data" / "real_openings"
FLOOR = 0.95
PARTS = ("tuning", "held-back", "all")
HELD_BACK_FROM = 23  # files numbered 23 and above are held back (a fixed rule chosen before looking at them)


def held_back(name: str) -> bool:
    """True for a file of the held-back part (its leading number is HELD_BACK_FROM or more)."""
    m = re.match(r"^(\d+)_", name)
    return bool(m) and int(m.group(1)) >= HELD_BACK_FROM


def in_part(name: str, part: str) -> bool:
    """True when the file belongs to ``part`` (tuning, held-back or all)."""
    return part == "all" or held_back(name) == (part == "held-back")


@dataclass
class FileResult:
    """Checks passed and the misses of one file."""

    name: str
    passed: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)
    false_missing: list[str] = field(default_factory=list)

    def check(self, ok: bool, label: str) -> None:
        self.total += 1
        if ok:
            self.passed += 1
        else:
            self.misses.append(label)


def _agency_forms(truth: str) -> set[str]:
    """The truth agency and the alternatives it gives in brackets (name(short name), name(A、B))."""
    truth = truth.replace("（", "(").replace("）", ")")
    forms = {truth}
    m = re.match(r"^(?P<main>[^()]+)\((?P<alt>[^()]+)\)$", truth)
    if m:
        forms.add(m.group("main"))
        forms.update(p for p in re.split(r"[、,，]", m.group("alt")) if p)
    return forms


def _norm(value: object) -> str:
    return str(value).replace("（", "(").replace("）", ")").replace(" ", "") if value is not None else ""


def _core(value: str) -> str:
    """A name without 人民政府/政府 (鲤城区人民政府金龙街道办事处 and 鲤城区金龙街道办事处 name one body)."""
    return value.replace("人民政府", "").removesuffix("政府")


def _agency_ok(found: object, forms: set[str], text: str) -> bool:
    """The found agency is a truth form, or the tail of one whose longer name the text never prints."""
    if found is None:
        return False
    value = _norm(found)
    for form in forms:
        if _core(value) == _core(form):
            return True
        if _core(form).endswith(_core(value)) and form not in text and _core(form) not in text:
            return True
    return False


def _section_ok(sec: dict, found: list, text: str) -> bool:
    offset, heading = sec["offset"], sec["heading"]
    hend = offset + len(heading)
    for s in found:
        if s.kind != sec["kind"]:
            continue
        if sec["level"] == "top":
            if abs(s.start - offset) <= 2 and s.placement == "section":
                return True
        elif sec["level"] == "sub":
            if s.placement in ("subsection", "inline") and offset - 2 <= s.start < hend:
                return True
        elif s.start < hend and s.end > offset and s.start >= offset - 80:
            return True
    return False


def check_file(path: Path, truth: dict) -> FileResult:
    """Run segmentation on one file and compare it with its truth."""
    text = path.read_text(encoding="utf-8")
    seg = segment_report(text)
    meta = seg.metadata.values()
    res = FileResult(path.name)
    for sec in truth["sections"]:
        ok = _section_ok(sec, seg.sections, text)
        res.check(ok, f"part {sec['kind']}@{sec['offset']} {sec['heading'][:24]!r} ({sec['level']})")
    res.false_missing = [k for k in seg.missing if k not in truth["missing"]]
    res.check(sorted(seg.missing) == sorted(truth["missing"]),
              f"missing {seg.missing} != {truth['missing']}")
    res.check(meta["year"] == truth["year_covered"], f"year {meta['year']} != {truth['year_covered']}")
    forms = {_norm(f) for f in _agency_forms(truth["agency"])}
    if truth["agency_source"] == "text":
        res.check(_agency_ok(meta["agency"], forms, text), f"agency {meta['agency']!r} != {truth['agency']!r}")
    else:
        res.check(meta["agency"] is None or _agency_ok(meta["agency"], forms, text),
                  f"agency {meta['agency']!r}, truth inferred {truth['agency']!r}")
    if truth.get("doc_date"):
        which = "published_at" if str(truth.get("date_source", "")).startswith("page") else "doc_date"
        res.check(meta[which] == truth["doc_date"], f"{which} {meta[which]} != {truth['doc_date']}")
    return res


def truth_entries(folder: Path = DEFAULT_DIR, part: str = "all") -> list[dict]:
    """The truth.json entries of the files in ``part``."""
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return [t for t in truth if in_part(t["file"], part)]


def run(folder: Path = DEFAULT_DIR, part: str = "all") -> list[FileResult]:
    """Check every file of ``part`` listed in the folder's truth.json."""
    return [check_file(folder / t["file"], t) for t in truth_entries(folder, part)]


def figure(results: list[FileResult]) -> float:
    """Share of checks passed."""
    total = sum(r.total for r in results)
    return sum(r.passed for r in results) / total if total else 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--part", choices=PARTS, default="tuning",
                        help="tuning (default, for development), held-back (final figures only) or all")
    parser.add_argument("--quiet", action="store_true", help="only the figure")
    args = parser.parse_args(argv)
    results = run(args.dir, args.part)
    for r in results:
        if r.misses and not args.quiet:
            print(f"{r.name}: {r.passed}/{r.total}")
            for miss in r.misses:
                print(f"    {miss}")
    false_missing = [(r.name, k) for r in results for k in r.false_missing]
    score = figure(results)
    passed, total = sum(r.passed for r in results), sum(r.total for r in results)
    print(f"real openings ({args.part}, {len(results)} files): {passed}/{total} checks = {score:.1%} (floor {FLOOR:.0%}); "
          f"false missing flags: {len(false_missing)} {false_missing or ''}")
    return 0 if score >= FLOOR and not false_missing else 1


if __name__ == "__main__":
    sys.exit(main())
