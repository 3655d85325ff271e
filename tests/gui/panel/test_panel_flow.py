"""The whole panel flow (issue 10, "Done when"), through the core and the panel view in the main window:

assign two reviewers, hand each a package, score in each package (李四 leaves a criterion), merge the packages
back, import a third reviewer's filled xlsx, see the disagreements, adjudicate and grade in the panel view, export;
then read the exports back: values, formulas recomputed, the unfinished review marked and unranked.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.core.exchange.merge import merge_database
from desktop.core.exchange.package import make_package
from desktop.core.exchange.score_import import import_scores
from desktop.core.export import export
from desktop.core.ingest.importer import import_paths
from desktop.core.panel.assignments import assign
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.rubric import active_rubric
from desktop.core.storage import open_database
from desktop.core.storage.documents import list_documents
from tests.conftest import SEEDS
from tests.core.export.formula_eval import evaluate

HEADER_ROW = 3
ZHANG = {"completeness": 4, "timeliness": 2, "formalities": 3, "measures": 5, "shortcomings": 4, "leader_duty": 4,
         "next_plan": 4, "originality": 3}
LI = {"completeness": 3, "timeliness": 2, "formalities": 3, "measures": 2, "shortcomings": 4, "leader_duty": 4,
      "next_plan": 4, "originality": 3}  # 3 levels below 张三 on measures: a disagreement
WANG = {"completeness": 4, "timeliness": 2, "formalities": 2, "measures": 4, "shortcomings": 3, "leader_duty": 4,
        "next_plan": 3, "originality": 3}


def score_package(path, name: str, values: dict[str, float], leave_out: str | None = None) -> None:
    """What a reviewer does in their package: score each report, submit what is complete."""
    db = open_database(path)
    try:
        rubric = active_rubric(db)
        me = get_or_create_reviewer(db, name).id
        for i, doc in enumerate(list_documents(db)):
            for cid, value in values.items():
                if cid == leave_out and i == 0:
                    continue
                scoring.set_score(db, doc.id, me, rubric, cid, value)
            scoring.set_overall_comment(db, doc.id, me, rubric, f"{name}的总体评价")
            if not (leave_out and i == 0):
                scoring.set_review_status(db, doc.id, me, rubric, scoring.DONE)
    finally:
        db.conn.close()


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def test_whole_panel_flow(qtbot, tmp_path, open_window, shown):
    lead_path = tmp_path / "lead.sqlite3"
    db = open_database(lead_path)
    import_paths(db, [str(p) for p in sorted(SEEDS.glob("00[01]_*.txt"))])  # two reports
    docs = [d.id for d in list_documents(db)]
    rubric = active_rubric(db)
    zhang, li, wang = (get_or_create_reviewer(db, n).id for n in ("张三", "李四", "王五"))
    assign(db, docs, [zhang, li], by="组长")
    assign(db, docs[:1], [wang], by="组长")
    # packages, scored offline, merged back
    for name, values, leave in (("张三", ZHANG, None), ("李四", LI, "originality")):
        pkg = tmp_path / f"{name}.rdpkg"
        assert make_package(db, name, pkg).reports == 2
        score_package(pkg, name, values, leave)
        merge_database(db, pkg)
    # the third reviewer fills the exported sheet in Excel
    sheet = tmp_path / "wang.xlsx"
    export(db, "xlsx", sheet, reviewer="王五")
    wb = load_workbook(sheet)
    ws = wb["汇总"]
    headers = [c.value for c in ws[HEADER_ROW]]
    assert ws.max_row == HEADER_ROW + 1  # only the report assigned to 王五
    for c in rubric.criteria:
        ws.cell(row=HEADER_ROW + 1, column=headers.index(f"{c.title}（{c.max_points:g}分）") + 1).value = WANG[c.id]
    ws.cell(row=HEADER_ROW + 1, column=headers.index("总体评价") + 1).value = "王五的总体评价"
    wb.save(sheet)
    result = import_scores(db, sheet, "王五")
    assert result.reports == 1 and result.submitted == 1
    db.conn.close()

    # the lead opens the panel view
    window = open_window(lead_path, features=("panel",), reviewer="组长", shown=False)
    panel = window.extensions["panel"]
    view = panel.show_view()
    qtbot.addWidget(view)
    first = docs[0]
    view.select_document(first)
    report = view.criteria.report
    assert report.document.id == first and report.n_complete == 2  # 张三 and 王五; 李四 left a criterion
    assert [r.label for r in report.reviews if r.reviewer == "李四"] == ["未完成（已评 7/8）"]
    other = view.reports.summary.report(docs[1])
    assert "measures" in other.disagreements  # 张三 5, 李四 2
    view.select_document(docs[1])
    row = [c.criterion.id for c in view.criteria.report.criteria].index("measures")
    # the mean 3.5 (no longer rounded up to the step 0.5: every such split leaned the final upwards)
    assert view.criteria.index(row, view.criteria.final_column).data() == "3.5"
    view.decide("measures", 3)
    qtbot.waitUntil(lambda: view.criteria.report.criterion("measures").adjudicated, timeout=5000)
    view.comment.setPlainText("举措部分量化不足，按组长意见定为3分。")
    view.save_comment()
    view.choose_grade("良好")
    qtbot.waitUntil(lambda: view.criteria.report.grade == "良好", timeout=5000)
    final = view.criteria.report.final_total
    view.close()
    window.close()

    # the exports, read back
    db = open_database(lead_path)
    out = tmp_path / "panel.xlsx"
    export(db, "xlsx", out)
    export(db, "docx", tmp_path / "panel.docx")
    export(db, "pdf", tmp_path / "panel.pdf")
    db.conn.close()
    values = load_workbook(out, data_only=True)
    formulas = load_workbook(out)
    summary = values["评审汇总"]
    h = [c.value for c in summary[HEADER_ROW]]
    rows = {summary.cell(row=r, column=2).value: [c.value for c in summary[r]]
            for r in range(HEADER_ROW + 1, summary.max_row + 1)}
    assert len(rows) == 2
    by_doc = dict(zip(("first", "second"), rows.values(), strict=True))
    second = dict(zip(h, by_doc["second"], strict=True))
    assert second["最终得分（满分100）"] == final and second["等次"] == "良好（组长裁定，非按分数段）" and second["评审意见"].startswith("举措")
    assert second["举措具体、成效量化（5分）"] == 3
    first_row = dict(zip(h, by_doc["first"], strict=True))
    assert first_row["李四评分"] == "未完成（已评 7/8）" and first_row["王五评分"] is not None
    # the first report waits for 李四: no final, grade or rank; the second is ranked among the sheet's reports
    rank = h.index("排名（全部2份报告）")
    assert first_row["最终得分（满分100）"] == "待定" and first_row["等次"] == "待定" and first_row[h[rank]] == "待定"
    assert first_row["评审状态"] == "评审中：李四进行中（已评 7/8）" and second[h[rank]] == 1
    # 汇总: the unfinished review is marked and unranked; every total formula gives the cached value
    per = formulas["汇总"]
    ph = [c.value for c in per[HEADER_ROW]]
    total_col = ph.index("总分（满分100）") + 1
    cached = values["汇总"]
    unfinished = [r for r in range(HEADER_ROW + 1, per.max_row + 1)
                  if cached.cell(row=r, column=total_col).value == "未完成（已评 7/8）"]
    assert len(unfinished) == 1 and cached.cell(row=unfinished[0], column=ph.index("排名") + 1).value is None
    for r in range(HEADER_ROW + 1, per.max_row + 1):
        assert evaluate(per, per.cell(row=r, column=total_col).value) == cached.cell(row=r, column=total_col).value
    # the lead's decision on measures replaces each reviewer's measures in their totals: 张三 5 -> 3 (-8), 李四 2 ->
    # 3 (+4); the mean of the adjusted totals is the final, a formula over each reviewer's 汇总 row and the decided
    # final on this row: the lead changing the decision in the sheet (3 -> 4) changes the final
    ps = formulas["评审汇总"]
    r2 = next(r for r in range(HEADER_ROW + 1, ps.max_row + 1) if ps.cell(row=r, column=2).value == second["报告"])
    final_cell = ps.cell(row=r2, column=h.index("最终得分（满分100）") + 1)
    assert final_cell.data_type == "f" and "'汇总'!" in final_cell.value
    assert evaluate(ps, final_cell.value) == final == round((second["张三评分"] - 8 + second["李四评分"] + 4) / 2, 2)
    ps.cell(row=r2, column=h.index("举措具体、成效量化（5分）") + 1).value = 4
    assert evaluate(ps, final_cell.value) == round((second["张三评分"] - 4 + second["李四评分"] + 8) / 2, 2)
    # documents: a reviewer sheet per review and a panel sheet per report, signed by hand
    doc = Document(str(tmp_path / "panel.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert text.count("法治政府建设年度报告评阅表") == 5 and text.count("法治政府建设年度报告评审汇总表") == 2
    assert text.count("组长（签字）") == 2 and text.count("复核人（签字）") == 2
    assert len(doc.sections) == 7
    pdf = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(str(tmp_path / "panel.pdf")).pages))
    assert pdf.count("评审汇总表") >= 2 and "未完成（已评7/8）" in pdf and "良好" in pdf


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_recalculates_the_totals_after_a_correction(tmp_path):
    """Change a score in the exported 汇总 (openpyxl drops the cached values), let LibreOffice recalculate."""
    from tests.core.scoring.scoring_data import build_scored_corpus

    corpus = build_scored_corpus(tmp_path / "scored.sqlite3")
    db = open_database(corpus.path)
    out = tmp_path / "sheet.xlsx"
    export(db, "xlsx", out)
    db.conn.close()
    wb = load_workbook(out)
    ws = wb["汇总"]
    headers = [c.value for c in ws[HEADER_ROW]]
    measures = headers.index("举措具体、成效量化（5分）") + 1
    row = next(r for r in range(HEADER_ROW + 1, ws.max_row + 1)
               if ws.cell(row=r, column=headers.index("总分（满分100）") + 1).value
               and ws.cell(row=r, column=2).value.startswith("梨树县")
               and ws.cell(row=r, column=headers.index("评阅人") + 1).value == "张三")
    ws.cell(row=row, column=measures).value = 5  # 4 -> 5: +4 points (weight 20)
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    done = subprocess.run([soffice(), "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                           "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "lo-out"), str(edited)],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    recalculated = load_workbook(tmp_path / "lo-out" / "edited.xlsx", data_only=True)["汇总"]
    assert recalculated.cell(row=row, column=headers.index("总分（满分100）") + 1).value == 84
