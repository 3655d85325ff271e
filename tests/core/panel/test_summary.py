"""Panel statistics, adjudication and agreement over a small panel of three reviewers."""

from __future__ import annotations

import pytest

from desktop.core.panel import adjudication as adj
from desktop.core.panel.agreement import panel_agreement
from desktop.core.panel.assignments import assign
from desktop.core.panel.summary import (
    DECIDED,
    IN_REVIEW,
    PENDING,
    incomplete_label,
    panel_summary,
    report_panel,
)
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.rubric import active_rubric
from desktop.core.storage.documents import list_documents

IDS = ["completeness", "timeliness", "formalities", "measures", "shortcomings", "leader_duty", "next_plan",
       "originality"]


@pytest.fixture
def reviewed_panel(seeded_memory_db):
    db = seeded_memory_db
    rubric = active_rubric(db)
    docs = {d.name[:3]: d.id for d in list_documents(db)}
    people = {name: get_or_create_reviewer(db, name).id for name in ("张三", "李四", "王五")}

    def review(doc: str, who: str, values: list[float | None], submit: bool = True) -> None:
        for cid, v in zip(IDS, values, strict=True):
            if v is not None:
                scoring.set_score(db, docs[doc], people[who], rubric, cid, v)
        if submit:
            scoring.submit_review(db, docs[doc], people[who], rubric)

    # weights 20 5 5 20 20 10 15 5; max 4 2 3 5 5 5 5 3
    review("001", "张三", [4, 2, 3, 4, 3, 4, 3, 3])      # 20+5+5+16+12+8+9+5 = 80
    review("001", "李四", [3.5, 2, 2, 2, 3, 4, 4, 2])    # 17.5+5+3.33+8+12+8+12+3.33 = 69.17
    review("001", "王五", [4, 2, 3, 4, None, None, None, None], submit=False)  # 5 of 8: incomplete
    review("000", "张三", [2, 1, 2, 3, 2, 1, 2, 1])
    review("000", "李四", [2, 1, 2, 3, 2, 2, 2, 1])
    return db, rubric, docs, people


def test_reviews_side_by_side_with_mean_median_spread_and_flags(reviewed_panel):
    db, rubric, docs, people = reviewed_panel
    rep = report_panel(db, docs["001"])
    assert [r.reviewer for r in rep.reviews] == ["张三", "李四", "王五"]
    wang = next(r for r in rep.reviews if r.reviewer == "王五")
    assert not wang.complete and wang.label == incomplete_label(4, 8) == "未完成（已评 4/8）"
    zhang = next(r for r in rep.reviews if r.reviewer == "张三")
    assert zhang.complete and zhang.label == "已提交" and zhang.total == 80
    assert rep.n_complete == 2
    completeness = rep.criterion("completeness")
    assert completeness.scores == {people["张三"]: 4, people["李四"]: 3.5}  # 王五 left out
    assert (completeness.mean, completeness.median, completeness.spread) == (3.75, 3.75, 0.5)
    assert completeness.default_final == 3.75  # the mean, not rounded up to the step (that leaned every split up)
    measures = rep.criterion("measures")
    assert (measures.mean, measures.spread, measures.disagreement) == (3.0, 2.0, True)  # threshold 2
    assert rep.disagreements == ["measures"]
    formalities = rep.criterion("formalities")
    assert formalities.mean == 2.5 and formalities.default_final == 2.5 and not formalities.disagreement
    # totals 80 and 69.17: the mean 74.585 is 74.59 by 四舍五入 (binary round gave 74.58)
    assert rep.mean_total == 74.59 and rep.spread_total == 10.83 and not rep.total_disagreement
    # 王五's review is unfinished: no final, grade or rank yet, and the report says what is missing
    assert rep.state == IN_REVIEW and rep.final_total is None and rep.grade is None
    assert rep.missing == ("王五进行中（已评 4/8）",) and rep.pending_text == "待定：王五进行中（已评 4/8）"
    assert rep.computed_final == 74.59 and rep.final_text == "待定" and rep.grade_text == "待定"
    assert rep.disagreement_score == 1.0
    finish(db, rubric, docs["001"], people["王五"])
    rep = report_panel(db, docs["001"])
    assert rep.n_complete == 3 and rep.state == PENDING and rep.open_items == ("举措具体、成效量化分歧待裁定",)
    # totals 80, 69.17 and 王五's 4 2 3 4 | 3 3 3 3 -> 20+5+5+16+12+6+9+5 = 78: mean 75.72333 -> 75.72
    assert rep.mean_total == rep.final_total == 75.72 and rep.grade == "良好" and not rep.grade_adjudicated


def finish(db, rubric, doc, reviewer, values=(3, 3, 3, 3)) -> None:
    """王五 scores the four criteria he left and submits."""
    for cid, v in zip(IDS[4:], values, strict=True):
        scoring.set_score(db, doc, reviewer, rubric, cid, v)
    scoring.submit_review(db, doc, reviewer, rubric)


def test_adjudication_overrides_defaults_and_is_undoable(reviewed_panel):
    db, rubric, docs, people = reviewed_panel
    doc = docs["001"]
    finish(db, rubric, doc, people["王五"])
    change = adj.set_final_score(db, doc, rubric, "measures", 5, "组长")
    rep = report_panel(db, doc)
    measures = rep.criterion("measures")
    assert measures.adjudicated and measures.final == 5 and measures.default_final == 3.33 and measures.decided_by == "组长"
    # each reviewer's measures (4, 2, 4 of 5, weight 20) replaced by 5: totals 84, 81.17, 82 -> mean 82.39
    assert rep.final_total == 82.39 and rep.grade == "良好" and rep.state == DECIDED and rep.outside_range
    grade = adj.set_grade(db, doc, rubric, "优秀", "组长")
    comment = adj.set_final_comment(db, doc, rubric, "结构完整，成效量化充分。", "组长")
    rep = report_panel(db, doc)
    assert (rep.grade, rep.grade_adjudicated, rep.comment, rep.decided_by) == ("优秀", True, "结构完整，成效量化充分。", "组长")
    with pytest.raises(scoring.ScoreError, match="not a grade"):
        adj.set_grade(db, doc, rubric, "特优", "组长")
    with pytest.raises(scoring.ScoreError, match="not a valid score"):
        adj.set_final_score(db, doc, rubric, "measures", 7, "组长")
    with pytest.raises(scoring.ScoreError, match="requires a score"):
        adj.set_final_score(db, doc, rubric, "measures", None, "组长", not_applicable=True)
    # undo, newest first
    adj.put_adjudication(db, doc, rubric, comment.old)
    adj.put_adjudication(db, doc, rubric, grade.old)
    adj.put_final_score(db, doc, rubric, "measures", change.old)
    rep = report_panel(db, doc)
    assert rep.final_total == 75.72 and rep.grade == "良好" and not rep.grade_adjudicated and rep.comment == ""
    assert not rep.criterion("measures").adjudicated
    adj.put_final_score(db, doc, rubric, "measures", change.new)  # redo
    assert report_panel(db, doc).criterion("measures").final == 5


def test_summary_ranks_by_final_total_and_leaves_unreviewed_reports_unranked(reviewed_panel):
    db, rubric, docs, people = reviewed_panel
    summary = panel_summary(db)
    by_doc = {r.document_id: r for r in summary.reports}
    assert by_doc[docs["001"]].rank is None and by_doc[docs["000"]].rank == 1  # 001 is still in review
    finish(db, rubric, docs["001"], people["王五"])
    by_doc = {r.document_id: r for r in panel_summary(db).reports}
    assert by_doc[docs["001"]].rank == 1 and by_doc[docs["000"]].rank == 2
    assert by_doc[docs["002"]].rank is None and by_doc[docs["002"]].final_total is None
    assert by_doc[docs["002"]].reviews == ()
    assign(db, [docs["002"]], [people["王五"]], by="组长")
    rep = panel_summary(db).report(docs["002"])
    assert [(r.reviewer, r.assigned, r.label) for r in rep.reviews] == [("王五", True, "未完成（已评 0/8）")]
    assert by_doc[docs["000"]].grade == rubric.grade_for(by_doc[docs["000"]].final_total).label


def test_not_applicable_marks_are_left_out_of_means(reviewed_panel):
    db, rubric, docs, people = reviewed_panel
    doc = docs["003"]
    for who in ("张三", "李四"):
        for cid in IDS:
            if cid == "originality":
                scoring.set_not_applicable(db, doc, people[who], rubric, cid, "首次报告")
            else:
                scoring.set_score(db, doc, people[who], rubric, cid, 2)
        scoring.submit_review(db, doc, people[who], rubric)
    rep = report_panel(db, doc)
    originality = rep.criterion("originality")
    assert originality.mean is None and originality.default_not_applicable and originality.final_not_applicable
    assert rep.final_total is not None and rep.n_complete == 2


def test_agreement_uses_complete_reviews_only(reviewed_panel):
    db, rubric, docs, people = reviewed_panel
    result = panel_agreement(db).to_json()
    assert set(result) == {"criteria", "total"}
    measures = next(c for c in result["criteria"] if c["id"] == "measures")
    assert set(measures) == {"id", "title", "alpha_interval", "alpha_ordinal", "n_reports", "n_reviewers", "reason"}
    assert measures["n_reports"] == 2 and measures["n_reviewers"] == 2  # 王五's incomplete review left out
    # 001: 4 vs 2, 000: 3 vs 3 -> values 4,2,3,3: D_o from (4,2): coincidence gives alpha < 1
    assert measures["alpha_interval"] is not None and measures["alpha_interval"] < 1
    timeliness = next(c for c in result["criteria"] if c["id"] == "timeliness")
    assert timeliness["alpha_interval"] == 1.0  # 2,2 and 1,1
    completeness = next(c for c in result["criteria"] if c["id"] == "completeness")
    assert completeness["alpha_interval"] is not None
    assert result["total"]["n_reports"] == 2 and result["total"]["n_reviewers"] == 2
