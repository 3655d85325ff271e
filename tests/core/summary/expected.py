"""What the summary must state, computed in the test from the stored rows with plain SQL and decimal arithmetic.

Independent of desktop.core.summary and of the score model's code: the panel rules are applied here as
desktop/core/scoring/rules.py documents them (complete review = submitted with every criterion scored; a review's
total = sum of points / max * weight, 四舍五入 to 2 places; the report's final, by the default rule, = the mean of
the complete reviews' totals, 四舍五入 to 2 places, once every reviewer of the report has a complete review; a
criterion's final = the mean of its scores to 2 places; grade = the lead's choice, else the band; competition
ranks).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, getcontext

from sqlite_utils import Database

from desktop.core.scoring.rubric import Rubric

REQUIRED = ("achievements", "shortcomings", "leader_duty", "next_plan")
getcontext().prec = 50


def dec(value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def half_up(value: Decimal, places: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def num(value, places: int = 2) -> str:
    text = format(half_up(dec(value), places), "f")
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text in ("", "-0") else text


def pct(part, whole) -> str:
    return num(dec(part) / dec(whole) * 100, 1) + "%"


def cn_date(iso: str) -> str:
    d = dt.date.fromisoformat(iso[:10])
    return f"{d.year}年{d.month}月{d.day}日"


@dataclass
class Expected:
    figures: dict[str, str] = field(default_factory=dict)
    totals: dict[str, float | None] = field(default_factory=dict)   # doc id -> final total
    grades: dict[str, str | None] = field(default_factory=dict)
    ranks: dict[str, int | None] = field(default_factory=dict)
    agency: dict[str, str] = field(default_factory=dict)
    year: dict[str, int | None] = field(default_factory=dict)
    on_time: dict[str, bool | None] = field(default_factory=dict)
    missing: dict[str, list[str]] = field(default_factory=dict)


def _finals(db: Database, rubric: Rubric, docs: list[str]) -> tuple[dict, dict]:
    """Per report: (final total, criterion finals) when every reviewer of it has a complete review."""
    values: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    listed: dict[str, set[str]] = defaultdict(set)
    for row in db.query("SELECT document_id, reviewer_id, criterion_id, value FROM scores WHERE rubric_id = ?",
                        [rubric.id]):
        listed[row["document_id"]].add(row["reviewer_id"])
        if row["value"] is not None:
            values[(row["document_id"], row["reviewer_id"])][row["criterion_id"]] = row["value"]
    done = set()
    for r in db.query("SELECT document_id, reviewer_id, status FROM reviews WHERE rubric_id = ?", [rubric.id]):
        listed[r["document_id"]].add(r["reviewer_id"])
        if r["status"] == "done":
            done.add((r["document_id"], r["reviewer_id"]))
    for r in db.query("SELECT document_id, reviewer_id FROM assignments"):
        listed[r["document_id"]].add(r["reviewer_id"])
    chosen = {r["document_id"]: r["grade"] for r in db.query(
        "SELECT document_id, grade FROM adjudications WHERE rubric_id = ?", [rubric.id])}
    ids = [c.id for c in rubric.criteria]
    out: dict[str, tuple[Decimal, dict[str, Decimal]]] = {}
    complete: dict[str, int] = {}
    for doc in docs:
        reviews = [values[(doc, r)] for r in listed.get(doc, ()) if (doc, r) in done
                   and all(c in values[(doc, r)] for c in ids)]
        complete[doc] = len(reviews)
        if not reviews or len(reviews) < len(listed.get(doc, ())):
            continue
        totals = [half_up(sum((dec(v[c.id]) / dec(c.max_points) * dec(c.weight) for c in rubric.criteria),
                              Decimal(0))) for v in reviews]
        per = {c.id: half_up(sum((dec(v[c.id]) for v in reviews), Decimal(0)) / len(reviews))
               for c in rubric.criteria}
        out[doc] = (half_up(sum(totals, Decimal(0)) / len(totals)), per)
    return out, {"complete": complete, "chosen": chosen}


def compute(db: Database, rubric: Rubric, year: int | None = None, deadline: tuple[int, int] = (4, 1)) -> Expected:
    e = Expected()
    docs = [r for r in db.query("SELECT id, agency, year, published_at, on_time, missing FROM documents "
                                "WHERE replaced_by IS NULL") if year is None or r["year"] == year]
    ids = [d["id"] for d in docs]
    finals, extra = _finals(db, rubric, ids)
    import json

    for d in docs:
        e.agency[d["id"]] = d["agency"] or "（机关未识别）"
        e.year[d["id"]] = d["year"]
        e.missing[d["id"]] = json.loads(d["missing"])
        if d["year"] is not None and d["published_at"]:
            e.on_time[d["id"]] = dt.date.fromisoformat(d["published_at"][:10]) <= dt.date(d["year"] + 1, *deadline)
        elif not d["published_at"]:  # a value a reviewer set by hand (else NULL: unknown)
            e.on_time[d["id"]] = None if d["on_time"] is None else bool(d["on_time"])
        else:
            e.on_time[d["id"]] = None
        total = finals[d["id"]][0] if d["id"] in finals else None
        e.totals[d["id"]] = None if total is None else float(total)
        band = next((g.label for g in rubric.grades if total is not None and total >= dec(g.min)), None)
        e.grades[d["id"]] = (extra["chosen"].get(d["id"]) or band) if total is not None else None
    scored = [t for t in e.totals.values() if t is not None]
    for i, t in e.totals.items():
        e.ranks[i] = None if t is None else 1 + sum(1 for u in scored if dec(u) > dec(t))

    f = e.figures
    n = len(docs)
    f["reports"] = str(n)
    on = sum(1 for v in e.on_time.values() if v is True)
    late = sum(1 for v in e.on_time.values() if v is False)
    f["on_time"], f["late"], f["unknown"] = str(on), str(late), str(n - on - late)
    f["on_time_rate"] = pct(on, n)
    full = sum(1 for m in e.missing.values() if not m)
    f["complete"], f["lacking"], f["complete_rate"] = str(full), str(n - full), pct(full, n)
    for kind in REQUIRED:
        f[f"missing.{kind}"] = str(sum(1 for m in e.missing.values() if kind in m))
    totals = [t for t in e.totals.values() if t is not None]
    f["scored"], f["unscored"] = str(len(totals)), str(n - len(totals))
    if totals:
        ordered = sorted(dec(t) for t in totals)
        half = len(ordered) // 2
        f["mean"] = num(sum(ordered, Decimal(0)) / len(ordered))
        f["median"] = num(ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2)
        f["max"], f["min"] = num(max(totals)), num(min(totals))
        grades = Counter(g for i, g in e.grades.items() if e.totals[i] is not None)
        for g in rubric.grades:
            f[f"grade.{g.label}"] = str(grades.get(g.label, 0))
            f[f"grade_rate.{g.label}"] = pct(grades.get(g.label, 0), len(totals))
        for c in rubric.criteria:
            values = [finals[i][1][c.id] for i in ids if i in finals]
            f[f"rate.{c.id}"] = pct(sum(values, Decimal(0)) / len(values) / dec(c.max_points), 1)
    complete = [k for k in extra["complete"].values() if k]
    if complete:
        f["reports_complete"] = str(len(complete))
        f["reviews_per_report"] = num(Decimal(sum(complete)) / len(complete))
    # tags: reports and annotations per tag (live annotations whose quote is still the text at its place)
    texts = {r["id"]: r["text"] for r in db.query("SELECT id, text FROM documents")}
    marks: dict[str, list[str]] = defaultdict(list)
    for r in db.query("SELECT a.id, a.document_id, a.start, a.\"end\", a.quote, a.status, t.tag_id FROM annotations a "
                      "JOIN annotation_tags t ON t.annotation_id = a.id WHERE a.deleted_at IS NULL"):
        if r["document_id"] in e.totals and r["status"] != "orphan" and \
                texts[r["document_id"]][r["start"]:r["end"]] == r["quote"]:
            marks[r["tag_id"]].append(r["document_id"])
    for tag_id, docs_of in marks.items():
        f[f"tag.{tag_id}.reports"] = str(len(set(docs_of)))
        f[f"tag.{tag_id}.marks"] = str(len(docs_of))
        f[f"tag.{tag_id}.rate"] = pct(len(set(docs_of)), n)
    # previous year: the same agency with a report of year - 1 anywhere in the database (these corpora print one
    # name per agency; other forms of a name and the reviewer's merges: tests/core/summary/test_previous_year.py)
    every = {(r["agency"], r["year"]): r["id"] for r in db.query(
        "SELECT id, agency, year FROM documents WHERE replaced_by IS NULL AND agency IS NOT NULL")}
    all_finals, _ = _finals(db, rubric, list(every.values()))

    def total_of(doc: str) -> Decimal | None:
        return all_finals[doc][0] if doc in all_finals else None

    pairs = [(i, every[(e.agency[i], e.year[i] - 1)]) for i in ids
             if e.year[i] is not None and (e.agency[i], (e.year[i] or 0) - 1) in every]
    f["pairs"] = str(len(pairs))
    both = [(total_of(i), total_of(p)) for i, p in pairs if total_of(i) is not None and total_of(p) is not None]
    if pairs and both:
        f["pairs_scored"] = str(len(both))
        f["up"] = str(sum(1 for a, b in both if a > b))
        f["down"] = str(sum(1 for a, b in both if a < b))
        f["same"] = str(sum(1 for a, b in both if a == b))
    return e


NUMBER = re.compile(r"\d+(?:\.\d+)?%?")
