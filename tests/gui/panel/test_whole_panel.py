"""A whole panel, 12 reports × 3 reviewers, against an independent recomputation written here (plain sqlite3,
tomllib and decimal): one reviewer scores on paper (the exported sheet, filled and imported), one review is left
unfinished, the lead decides, sets a grade by hand and settles, then a reviewer reopens a decided report and
changes a score. Every 平均分, 最终得分, 排名 and 等次 on screen (the panel view), in the xlsx (its cached values,
its formulas recomputed, and LibreOffice's recalculation where installed), the docx, the pdf and the json must be
the recomputation's; the stale decision shows 需复核 everywhere, the unfinished report 待定, and a scoped export
(仅已提交) ranks its own reports 1..n.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import sqlite3
import subprocess
import tomllib
from decimal import ROUND_HALF_UP, Decimal, getcontext

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.core.exchange.score_import import import_scores
from desktop.core.export import export
from desktop.core.ingest.importer import import_paths
from desktop.core.panel import adjudication as adj
from desktop.core.panel.assignments import assign
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.rubric import active_rubric
from desktop.core.storage import open_database
from desktop.core.storage.documents import list_documents
from tests.core.builders import SAMPLE, write_txt
from tests.core.export.formula_eval import evaluate

getcontext().prec = 40
CENT = Decimal("0.01")
HEADER_ROW = 3
COUNTIES = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑"]
PEOPLE = ("张三", "李四", "王五")


def half_up(d: Decimal) -> Decimal:
    return d.quantize(CENT, rounding=ROUND_HALF_UP)


def text_of(d: Decimal | None) -> str:
    return "待定" if d is None else f"{d.normalize():f}"


class Independent:
    """The panel's rules as docs/panel-review.md states them, recomputed from the database file's rows."""

    def __init__(self, path) -> None:
        conn = sqlite3.connect(path)
        conn.row_factory = sqlite3.Row
        rubric_id = conn.execute("SELECT value FROM settings WHERE key = 'active_rubric_id'").fetchone()[0]
        spec = tomllib.loads(conn.execute("SELECT content FROM rubrics WHERE id = ?", [rubric_id]).fetchone()[0])
        self.full = Decimal(str(spec["weights_total"]))
        self.criteria = {c["id"]: c for c in spec["criteria"]}
        self.bands = sorted(((Decimal(str(g["min"])), g["label"]) for g in spec["grades"]), reverse=True)
        names = {r["id"]: r["name"] for r in conn.execute("SELECT id, name FROM reviewers")}
        self.docs = [r["id"] for r in conn.execute("SELECT id FROM documents WHERE replaced_by IS NULL ORDER BY seq")]
        self.assigned: dict[str, set[str]] = {}
        for r in conn.execute("SELECT document_id, reviewer_id FROM assignments"):
            self.assigned.setdefault(r["document_id"], set()).add(names[r["reviewer_id"]])
        status = {(r["document_id"], names[r["reviewer_id"]]): r["status"]
                  for r in conn.execute("SELECT * FROM reviews WHERE rubric_id = ?", [rubric_id])}
        self.values: dict[tuple[str, str], dict[str, Decimal | str]] = {}
        for r in conn.execute("SELECT * FROM scores WHERE rubric_id = ?", [rubric_id]):
            key = (r["document_id"], names[r["reviewer_id"]])
            if r["value"] is not None:
                self.values.setdefault(key, {})[r["criterion_id"]] = Decimal(repr(r["value"]))
            elif r["not_applicable"] and r["na_reason"].strip():
                self.values.setdefault(key, {})[r["criterion_id"]] = "na"
        self.complete = {k for k, v in self.values.items()
                         if status.get(k) == "done" and len(v) == len(self.criteria)}
        self.decided = {(r["document_id"], r["criterion_id"]): Decimal(repr(r["value"]))
                        for r in conn.execute("SELECT * FROM adjudication_scores WHERE rubric_id = ?", [rubric_id])}
        self.hand_grade = {r["document_id"]: (r["grade"], r["grade_by"])
                           for r in conn.execute("SELECT * FROM adjudications WHERE rubric_id = ? AND grade IS NOT NULL",
                                                 [rubric_id])}
        conn.close()

    def total(self, values: dict[str, Decimal | str]) -> Decimal:
        got, applicable = Decimal(0), Decimal(0)
        for cid, c in self.criteria.items():
            v = values.get(cid)
            if v == "na":
                continue
            applicable += Decimal(str(c["weight"]))
            if v is not None:
                got += v / Decimal(str(c["max_points"])) * Decimal(str(c["weight"]))
        if applicable != self.full:
            got = got * self.full / applicable
        return half_up(got)

    def report(self, doc: str) -> dict:
        people = sorted(self.assigned.get(doc, set()) | {n for d, n in self.values if d == doc})
        complete = [n for n in people if (doc, n) in self.complete]
        totals = {n: self.total(self.values[(doc, n)]) for n in complete}
        mean = half_up(sum(totals.values()) / len(totals)) if totals else None
        adjusted = []
        for n in complete:
            values = dict(self.values[(doc, n)])
            values.update({cid: v for (d, cid), v in self.decided.items() if d == doc})
            adjusted.append(self.total(values))
        final = half_up(sum(adjusted) / len(adjusted)) if complete and len(complete) == len(people) else None
        band = next((label for low, label in self.bands if final is not None and final >= low), None)
        grade = self.hand_grade.get(doc, (band, ""))[0] if final is not None else None
        return {"totals": totals, "mean": mean, "final": final, "grade": grade}

    def ranked(self, docs: list[str]) -> dict[str, int | None]:
        finals = {d: self.report(d)["final"] for d in docs}
        ordered = sorted((f for f in finals.values() if f is not None), reverse=True)
        return {d: (ordered.index(f) + 1 if f is not None else None) for d, f in finals.items()}


def _reports(folder):
    paths = []
    for i, county in enumerate(COUNTIES):
        text = SAMPLE.replace("某县", f"{county}县").replace("12件", f"{12 + i}件")
        paths.append(write_txt(folder, f"{i:02d}_{county}县.txt", text))
    return paths


def _values(rubric, rng: random.Random) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for c in rubric.criteria:
        steps = int(round(c.max_points / c.step))
        out[c.id] = None if c.allow_na and rng.random() < 0.1 else round(rng.randint(steps // 2, steps) * c.step, 6)
    return out


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.gui
def test_whole_panel_matches_an_independent_recomputation(qtbot, tmp_path, open_window, shown):  # noqa: C901 (one story)
    path = tmp_path / "panel.sqlite3"
    db = open_database(path)
    folder = tmp_path / "reports"
    folder.mkdir()
    import_paths(db, [str(p) for p in _reports(folder)])
    rubric = active_rubric(db)
    docs = [d.id for d in list_documents(db)]
    assert len(docs) == 12
    ids = {n: get_or_create_reviewer(db, n).id for n in PEOPLE}
    assign(db, docs, list(ids.values()), by="组长")
    rng = random.Random(15)
    for who in ("张三", "李四"):
        for i, doc in enumerate(docs):
            for cid, v in _values(rubric, rng).items():
                if v is None:
                    scoring.set_not_applicable(db, doc, ids[who], rubric, cid, "涉密，依法不公开")
                else:
                    scoring.set_score(db, doc, ids[who], rubric, cid, v)
            scoring.set_overall_comment(db, doc, ids[who], rubric, f"{who}对第{i + 1}份报告的总体评价")
            if who == "李四" and i == 11:  # 李四 leaves the last report unfinished: one criterion cleared
                scoring.clear_score(db, doc, ids[who], rubric, "originality")
                scoring.set_not_applicable(db, doc, ids[who], rubric, "originality", None)
                continue
            scoring.submit_review(db, doc, ids[who], rubric)
    # 王五 scores on paper: his exported sheet, filled in, imported
    sheet = tmp_path / "wang.xlsx"
    export(db, "xlsx", sheet, reviewer="王五")
    wb = load_workbook(sheet)
    ws = wb["汇总"]
    headers = [c.value for c in ws[HEADER_ROW]]
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        for cid, v in _values(rubric, rng).items():
            c = rubric.criterion(cid)
            ws.cell(row=r, column=headers.index(f"{c.title}（{c.max_points:g}分）") + 1).value = (
                "不适用：涉密" if v is None else v)
    wb.save(sheet)
    assert import_scores(db, sheet, "王五").submitted == 12

    # the lead: a decision on a disagreement, a grade by hand, a 裁定
    from desktop.core.panel.summary import panel_summary

    summary = panel_summary(db)
    flagged = [r for r in summary.reports if r.disagreements and r.state != "in_review"]
    assert flagged, "the seeded panel has disagreements"
    decided_doc, decided_cid = flagged[0].document_id, flagged[0].disagreements[0]
    c = rubric.criterion(decided_cid)
    adj.set_final_score(db, decided_doc, rubric, decided_cid, c.max_points, "组长赵")
    graded = next(r for r in summary.reports if r.document_id not in (decided_doc, docs[11]))
    band = rubric.grade_for(graded.final_total)
    other = next(g.label for g in rubric.grades if g.label != band.label)
    adj.set_grade(db, graded.document_id, rubric, other, "组长赵")
    for r in summary.reports:
        if r.state == "pending" and r.document_id != decided_doc:
            adj.settle_report(db, r.document_id, rubric, "组长赵")
    # 张三 reopens the decided report and changes that criterion: the decision now rests on old values
    scoring.reopen_review(db, decided_doc, ids["张三"], rubric, by="张三")
    old = scoring.get_score(db, decided_doc, ids["张三"], rubric.id, decided_cid).value
    scoring.set_score(db, decided_doc, ids["张三"], rubric, decided_cid, 0.0 if old else c.step)
    scoring.submit_review(db, decided_doc, ids["张三"], rubric)
    db.conn.close()

    truth = Independent(path)
    expected = {d: truth.report(d) for d in docs}
    ranks = truth.ranked(docs)
    assert expected[docs[11]]["final"] is None and ranks[docs[11]] is None  # 李四 unfinished
    assert sorted(r for r in ranks.values() if r) == list(range(1, 12)) or len(set(ranks.values())) < 12

    db = open_database(path)
    model = panel_summary(db)
    by_doc = {r.document_id: r for r in model.reports}
    for d in docs:
        r, e = by_doc[d], expected[d]
        assert r.final_total == (None if e["final"] is None else float(e["final"])), d
        assert r.mean_total == float(e["mean"]) and r.rank == ranks[d] and r.grade == e["grade"]
    stale = by_doc[decided_doc]
    assert stale.criterion(decided_cid).stale and stale.state == "pending" and stale.stale
    assert by_doc[graded.document_id].grade_text == f"{other}（组长赵裁定，非按分数段）"
    assert by_doc[docs[11]].state == "in_review" and by_doc[docs[11]].missing == ("李四进行中（已评 7/8）",)

    out = tmp_path / "out"
    out.mkdir()
    for fmt in ("xlsx", "docx", "pdf", "json"):
        export(db, fmt, out / f"panel.{fmt}")
    export(db, "xlsx", out / "submitted.xlsx", submitted_only=True)
    db.conn.close()

    # xlsx: cached values, formulas recomputed, and LibreOffice's recalculation
    def xlsx_rows(file, data_only=True):
        ws = load_workbook(file, data_only=data_only)["评审汇总"]
        h = [c.value for c in ws[HEADER_ROW]]
        return h, {ws.cell(row=r, column=2).value: dict(zip(h, [c.value for c in ws[r]], strict=True))
                   for r in range(HEADER_ROW + 1, ws.max_row + 1)}, ws

    labels = {d: by_doc[d].document.title for d in docs}
    h, rows, _ = xlsx_rows(out / "panel.xlsx")
    rank_col = "排名（全部12份报告）"
    for d in docs:
        row, e = rows[labels[d]], expected[d]
        assert row["平均分"] == float(e["mean"])
        assert row["最终得分（满分100）"] == ("待定" if e["final"] is None else float(e["final"]))
        assert row[rank_col] == (ranks[d] if ranks[d] is not None else "待定")
        for name in PEOPLE:
            if name in e["totals"]:
                assert row[f"{name}评分"] == float(e["totals"][name])
    assert "需复核" in rows[labels[decided_doc]]["评审状态"]
    assert rows[labels[graded.document_id]]["等次"] == f"{other}（组长赵裁定，非按分数段）"
    _, _, formulas = xlsx_rows(out / "panel.xlsx", data_only=False)
    final_col = h.index("最终得分（满分100）") + 1
    for r in range(HEADER_ROW + 1, formulas.max_row + 1):
        cell = formulas.cell(row=r, column=final_col)
        if cell.data_type == "f":
            label = formulas.cell(row=r, column=2).value
            assert evaluate(formulas, cell.value) == float(expected[next(d for d in docs if labels[d] == label)]["final"])
    if soffice():
        done = subprocess.run([soffice(), "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                               "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "lo"), str(out / "panel.xlsx")],
                              capture_output=True, text=True, timeout=240)
        assert done.returncode == 0, done.stderr
        _, recalculated, _ = xlsx_rows(tmp_path / "lo" / "panel.xlsx")
        for d in docs:
            assert recalculated[labels[d]]["最终得分（满分100）"] == rows[labels[d]]["最终得分（满分100）"]
            assert recalculated[labels[d]]["平均分"] == rows[labels[d]]["平均分"]

    # the scoped export (仅已提交): its own reports, ranked 1..n among themselves, and it says so
    sh, srows, _ = xlsx_rows(out / "submitted.xlsx")
    scoped_rank = next(x for x in sh if x and x.startswith("排名（"))
    assert "仅已提交的评阅" in scoped_rank
    got = sorted(r[scoped_rank] for r in srows.values() if isinstance(r[scoped_rank], int))
    assert got == list(range(1, len(got) + 1)) or len(set(got)) < len(got)

    # json: the panel layer
    dump = json.loads((out / "panel.json").read_text(encoding="utf-8"))
    [layer] = dump["panels"]
    for rep in layer["reports"]:
        e = expected[rep["document_id"]]
        assert rep["final_total"] == (None if e["final"] is None else float(e["final"]))
        assert rep["mean_total"] == float(e["mean"]) and rep["rank"] == ranks[rep["document_id"]]
        assert rep["grade"] == e["grade"]
    stale_json = next(r for r in layer["reports"] if r["document_id"] == decided_doc)
    decision = next(c for c in stale_json["criteria"] if c["criterion_id"] == decided_cid)
    assert decision["stale"] and decision["decided_by"] == "组长赵" and decision["basis"]

    # docx: one panel sheet per report with the same final, rank and grade
    document = Document(str(out / "panel.docx"))
    conclusions = [dict((row.cells[0].text, row.cells[1].text) for row in t.rows)
                   for t in document.tables if t.rows and t.rows[0].cells[0].text == "最终得分"]
    assert len(conclusions) == 12
    finals_docx = sorted(c["最终得分"].split("（")[0] for c in conclusions)
    assert finals_docx == sorted(text_of(expected[d]["final"]) for d in docs)
    assert sum("需复核" in c.get("组长裁定", "") for c in conclusions) == 1
    # pdf: every final as text
    pdf = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(str(out / "panel.pdf")).pages))
    for d in docs:
        assert text_of(expected[d]["final"]) in pdf
    assert "需复核" in pdf and "待定" in pdf

    # on screen: the panel view's table and a reviewer's score form
    window = open_window(path, features=("panel",), reviewer="组长赵", shown=False)
    panel = window.extensions["panel"]
    view = panel.show_view()
    qtbot.addWidget(view)
    model = view.reports
    headers = model._headers()
    for d in docs:
        row = {headers[c]: model.index(model.row_of(d), c).data() for c in range(model.columnCount())}
        e = expected[d]
        assert row["Final"] == text_of(e["final"]) and row["Mean"] == text_of(e["mean"])
        assert row["Rank"] == (str(ranks[d]) if ranks[d] else "待定")
        for name, total in e["totals"].items():
            assert row[name] == text_of(total)
    view.filter_state("stale")
    assert view.proxy.rowCount() == 1
    view.filter_state(None)
    view.select_document(decided_doc)
    view.select_criterion(decided_cid)
    assert "需复核" in view.state_label.text() and view.confirm_button.isEnabled()
    assert "张三对" in view.notes.toPlainText()  # the reviewers' 总体评价 beside the disagreement
    view.confirm_current()
    qtbot.waitUntil(lambda: not view.criteria.report.criterion(decided_cid).stale, timeout=5000)
    view.close()
    window.close()
