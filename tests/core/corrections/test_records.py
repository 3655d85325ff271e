"""Corrections: fields and parts applied where every reader looks, reset and undo, re-import, re-segmentation."""

from __future__ import annotations

import pytest

from desktop.core.corrections.records import (
    CorrectionError,
    correct_field,
    corrected_view,
    delete_corrections,
    list_corrections,
    mark_part,
    not_a_heading,
    relabel_part,
    reset_field,
    restore_corrections,
    show_json,
    start_part,
)
from desktop.core.ingest import read_report
from desktop.core.ingest.importer import import_paths
from desktop.core.ingest.reimport import reimport_document
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.segmentation.segment import segment_report
from desktop.core.storage.documents import get_document, get_summary, list_documents, store_segmentation
from desktop.core.storage.search import search
from tests.core.builders import SAMPLE, write_txt

# The sample without its leader-duty part heading: the duty is written as a plain sentence in the body.
NO_DUTY = SAMPLE.replace("三、党政主要负责人履行推进法治建设第一责任人职责情况\n局主要负责人带头学法，主持召开专题会议3次。\n",
                         "").replace("四、2025年工作安排", "三、2025年工作安排").replace(
    "（一）完善制度体系。", "（一）完善制度体系。局长带头学法讲法，主持召开专题会议3次。")


@pytest.fixture
def doc(memory_db, tmp_path):
    import_paths(memory_db, [write_txt(tmp_path, "a.txt", NO_DUTY)])
    (summary,) = list_documents(memory_db)
    reviewer = get_or_create_reviewer(memory_db, "王明")
    return memory_db, summary.id, reviewer.id


def test_field_correction_is_what_every_reader_sees_and_reset_restores(doc):
    db, doc_id, rid = doc
    before = get_summary(db, doc_id)
    assert before.agency == "某县司法局" and before.year == 2024 and before.on_time is None
    c = correct_field(db, doc_id, "agency", "某县人民政府司法局", reviewer_id=rid)
    assert (c.kind, c.target, c.before, c.after, c.reviewer_name) == ("field", "agency", "某县司法局",
                                                                       "某县人民政府司法局", "王明")
    correct_field(db, doc_id, "published_at", "2025年3月15日", reviewer_id=rid)
    now = get_summary(db, doc_id)
    assert now.agency == "某县人民政府司法局" and now.published_at == "2025-03-15" and now.on_time is True
    assert list_documents(db)[0].agency == "某县人民政府司法局"
    assert search(db, "司法局")[1][0].agency == "某县人民政府司法局"
    data = show_json(db, doc_id)
    assert data["agency"] == "某县人民政府司法局"
    assert data["metadata_origin"]["agency"] == {"origin": "corrected", "corrected_by": "王明",
                                                 "auto_value": "某县司法局", "auto_source": "title"}
    assert data["metadata_origin"]["year"]["origin"] == "auto"
    # a second correction of the same field replaces the first (undo of it would restore the first)
    second = correct_field(db, doc_id, "agency", "某县司法局机关", reviewer_id=rid)
    assert second.superseded == (c.id,) and second.before == "某县人民政府司法局"
    assert get_summary(db, doc_id).agency == "某县司法局机关"
    ids = reset_field(db, doc_id, "agency")
    assert ids == [second.id] and get_summary(db, doc_id).agency == "某县司法局"
    restore_corrections(db, ids)  # undo of the reset
    assert get_summary(db, doc_id).agency == "某县司法局机关"
    assert len(list_corrections(db, doc_id, include_deleted=True)) == 3


def test_bad_values_are_refused_and_nothing_is_stored(doc):
    db, doc_id, rid = doc
    for name, value, message in [("year", "20x4", "not a year"), ("year", "24", "not a year"),
                                 ("doc_date", "2025-02-30", "not a date that exists"),
                                 ("published_at", "yesterday", "not a date"), ("colour", "red", "unknown field")]:
        with pytest.raises(CorrectionError, match=message):
            correct_field(db, doc_id, name, value, reviewer_id=rid)
    with pytest.raises(CorrectionError, match="no document"):
        correct_field(db, "nope", "agency", "x", reviewer_id=rid)
    with pytest.raises(CorrectionError, match="outside the text"):
        mark_part(db, doc_id, "leader_duty", 10, 10_000, reviewer_id=rid)
    with pytest.raises(CorrectionError, match="unknown part kind"):
        mark_part(db, doc_id, "summary", 10, 20, reviewer_id=rid)
    assert list_corrections(db, doc_id, include_deleted=True) == []


def test_marking_a_passage_removes_it_from_missing_and_undo_brings_it_back(doc):
    db, doc_id, rid = doc
    record = get_document(db, doc_id)
    assert "leader_duty" in record.summary.missing
    start = record.text.index("局长带头学法")
    end = record.text.index("。", start) + 1
    c = mark_part(db, doc_id, "leader_duty", start, end, reviewer_id=rid)
    assert c.after == {"kind": "leader_duty", "placement": "inline", "level": 2}
    record = get_document(db, doc_id)
    assert "leader_duty" not in record.summary.missing
    duty = [s for s in record.sections if s.kind == "leader_duty"]
    assert [(s.placement, s.start, s.end) for s in duty] == [("inline", start, end)]
    data = show_json(db, doc_id)
    (shown,) = [s for s in data["sections"] if s["kind"] == "leader_duty"]
    assert shown["origin"] == "corrected" and shown["corrected_by"] == "王明"
    assert all(s["origin"] == "auto" for s in data["sections"] if s["kind"] != "leader_duty")
    delete_corrections(db, [c.id])
    assert "leader_duty" in get_summary(db, doc_id).missing


def test_relabel_not_a_heading_and_new_part(doc):
    db, doc_id, rid = doc
    record = get_document(db, doc_id)
    parts = [s for s in record.sections if s.placement == "section"]
    short = next(s for s in parts if s.kind == "shortcomings")
    relabel_part(db, doc_id, short, "other", reviewer_id=rid)
    record = get_document(db, doc_id)
    assert "shortcomings" in record.summary.missing
    assert next(s for s in record.sections if s.start == short.start).kind == "other"
    # the plan heading is not a part heading: its text joins the part before it
    plan = next(s for s in record.sections if s.kind == "next_plan" and s.placement == "section")
    c = not_a_heading(db, doc_id, plan.start + 2, reviewer_id=rid)
    record = get_document(db, doc_id)
    assert not [s for s in record.sections if s.placement == "section" and s.start == plan.start]
    before = max((s for s in record.sections if s.placement == "section" and s.start < plan.start),
                 key=lambda s: s.start)
    assert before.end == plan.end
    delete_corrections(db, [c.id])
    # a new part at a line the program did not take as a heading
    line = record.text.index("一是法治宣传")
    start_part(db, doc_id, line, "shortcomings", reviewer_id=rid)
    record = get_document(db, doc_id)
    new = next(s for s in record.sections if s.start == line)
    assert (new.kind, new.placement, new.heading) == ("shortcomings", "section", "一是法治宣传的针对性有待加强")
    assert "shortcomings" not in record.summary.missing


def test_corrections_survive_resegmentation_and_reimport_of_a_changed_text(doc, tmp_path):
    db, doc_id, rid = doc
    record = get_document(db, doc_id)
    start = record.text.index("局长带头学法")
    end = record.text.index("。", start) + 1
    mark_part(db, doc_id, "leader_duty", start, end, reviewer_id=rid)
    correct_field(db, doc_id, "agency", "某县人民政府司法局", reviewer_id=rid)
    plan = record.text.index("（一）加强执法培训")
    lost = mark_part(db, doc_id, "next_plan", plan, record.text.index("\n", plan), reviewer_id=rid)
    # re-segmentation writes new automatic values: the corrections are applied on top again
    with db.atomic():
        store_segmentation(db, doc_id, segment_report(record.text))
    assert "leader_duty" not in get_summary(db, doc_id).missing
    assert get_summary(db, doc_id).agency == "某县人民政府司法局"
    # a changed version: text inserted before the passage, and the plan part's text rewritten entirely
    changed = NO_DUTY.replace("2024年，我局", "2024年，在县委坚强领导下，我局").replace(
        "（一）加强执法培训，实现培训全覆盖。", "（一）全面推行说理式执法，开展案卷评查工作。")
    source = read_report(write_txt(tmp_path, "b.txt", changed))
    report = reimport_document(db, doc_id, source)
    assert report.correction_orphans == (lost.id,)
    record = get_document(db, doc_id)
    (duty,) = [s for s in record.sections if s.kind == "leader_duty"]
    assert record.text[duty.start:duty.end] == "局长带头学法讲法，主持召开专题会议3次。"
    assert record.summary.agency == "某县人民政府司法局"
    view = corrected_view(db, doc_id)
    assert [c.id for c in view.unplaced] == [lost.id]
    assert show_json(db, doc_id)["unplaced_corrections"][0]["status"] == "orphan"
    assert lost.id in {c.id for c in list_corrections(db, doc_id)}  # kept, never dropped
