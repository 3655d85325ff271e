"""Scores, evidence, reviews and the corpus overview, stored per document, reviewer, rubric and criterion."""

from __future__ import annotations

import pytest

from desktop.core.ingest.importer import import_paths
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.rubric import active_rubric, load_default_rubric, parse_rubric, set_active_rubric
from desktop.core.scoring.scores import DONE, IN_PROGRESS, NOT_STARTED, ScoreEntry, ScoreError
from desktop.core.scoring.suggestions import suggest_scores
from desktop.core.storage import open_database
from desktop.core.storage.documents import get_document, list_documents
from tests.core.scoring.scoring_data import add_annotation, section_span


@pytest.fixture
def zhang_scores(seeded_memory_db):
    """The seed reports, the reviewer 张三 and the default rubric."""
    db = seeded_memory_db
    reviewer = get_or_create_reviewer(db, "张三")
    docs = {d.name[:3]: d.id for d in list_documents(db)}
    return db, reviewer.id, active_rubric(db), docs


def test_set_score_stores_value_and_moves_review_to_in_progress(zhang_scores):
    db, rid, rubric, docs = zhang_scores
    doc = docs["001"]
    assert scoring.get_review(db, doc, rid, rubric.id).status == NOT_STARTED
    change = scoring.set_score(db, doc, rid, rubric, "measures", 4)
    assert change.old is None and change.new.value == 4
    assert scoring.get_scores(db, doc, rid, rubric.id)["measures"].value == 4
    assert scoring.get_review(db, doc, rid, rubric.id).status == IN_PROGRESS


def test_values_out_of_range_or_off_step_are_refused_with_a_clear_message(zhang_scores):
    db, rid, rubric, docs = zhang_scores
    with pytest.raises(ScoreError, match=r"6 is not a valid score for 举措具体、成效量化 \(measures\): use 0–5"):
        scoring.set_score(db, docs["001"], rid, rubric, "measures", 6)
    with pytest.raises(ScoreError, match="steps of 0.5"):
        scoring.set_score(db, docs["001"], rid, rubric, "completeness", 3.25)
    with pytest.raises(ScoreError, match="has no criterion 'style'"):
        scoring.set_score(db, docs["001"], rid, rubric, "style", 1)
    assert scoring.get_scores(db, docs["001"], rid, rubric.id) == {}


def test_clear_keeps_the_note_and_an_empty_entry_is_deleted(zhang_scores):
    db, rid, rubric, docs = zhang_scores
    doc = docs["001"]
    scoring.set_score(db, doc, rid, rubric, "measures", 3)
    scoring.set_note(db, doc, rid, rubric, "measures", "成效缺少数据")
    scoring.clear_score(db, doc, rid, rubric, "measures")
    entry = scoring.get_score(db, doc, rid, rubric.id, "measures")
    assert entry.value is None and entry.note == "成效缺少数据"
    scoring.set_note(db, doc, rid, rubric, "measures", "")
    assert scoring.get_score(db, doc, rid, rubric.id, "measures") is None


def test_accepted_suggestion_is_recorded_and_an_override_is_not(zhang_scores):
    db, rid, rubric, docs = zhang_scores
    doc = docs["000"]
    suggestion = suggest_scores(rubric, get_document(db, doc))["completeness"]
    entry = scoring.accept_suggestion(db, doc, rid, rubric, suggestion).new
    assert (entry.value, entry.suggested, entry.suggestion_accepted) == (3, 3, True)
    assert "缺少：第一责任人履职情况" in entry.suggestion_basis
    overridden = scoring.set_score(db, doc, rid, rubric, "completeness", 2.5).new
    assert (overridden.value, overridden.suggested, overridden.suggestion_accepted) == (2.5, 3, False)
    # setting the suggested value by hand after overriding does not make it "accepted as it was"
    assert scoring.set_score(db, doc, rid, rubric, "completeness", 3).new.suggestion_accepted is False


def test_a_score_set_next_to_a_suggestion_records_the_suggestion_as_overridden(zhang_scores):
    db, rid, rubric, docs = zhang_scores
    doc = docs["001"]
    suggestion = suggest_scores(rubric, get_document(db, doc))["timeliness"]
    entry = scoring.set_score(db, doc, rid, rubric, "timeliness", 1, suggestion).new
    assert (entry.value, entry.suggested, entry.suggestion_accepted) == (1, 2, False)


def test_accepting_an_empty_suggestion_is_refused(zhang_scores):
    db, rid, rubric, docs = zhang_scores
    doc = docs["000"]
    suggestion = suggest_scores(rubric, get_document(db, doc))["timeliness"]
    assert suggestion.value is None
    with pytest.raises(ScoreError, match="no suggested value"):
        scoring.accept_suggestion(db, doc, rid, rubric, suggestion)


def test_evidence_links_annotations_of_the_same_report_only(zhang_scores):
    db, rid, rubric, docs = zhang_scores
    doc = docs["001"]
    start, end = section_span(db, doc, "shortcomings")
    a1 = add_annotation(db, doc, rid, start + 20, start + 40, "套话")
    a2 = add_annotation(db, doc, rid, start, start + 10)
    other = add_annotation(db, docs["000"], rid, 0, 5)
    scoring.link_evidence(db, doc, rid, rubric, "shortcomings", a1)
    scoring.link_evidence(db, doc, rid, rubric, "shortcomings", a2)
    scoring.link_evidence(db, doc, rid, rubric, "shortcomings", a1)  # linking twice keeps one link
    # listed in text order
    assert scoring.get_score(db, doc, rid, rubric.id, "shortcomings").evidence == (a2, a1)
    with pytest.raises(ScoreError, match="belongs to another report"):
        scoring.link_evidence(db, doc, rid, rubric, "shortcomings", other)
    with pytest.raises(ScoreError, match="does not exist"):
        scoring.link_evidence(db, doc, rid, rubric, "shortcomings", "missing-id")
    scoring.unlink_evidence(db, doc, rid, rubric, "shortcomings", a2)
    assert scoring.get_score(db, doc, rid, rubric.id, "shortcomings").evidence == (a1,)
    # a deleted annotation disappears from the evidence
    db.execute("UPDATE annotations SET deleted_at = '2026-01-01' WHERE id = ?", [a1])
    assert scoring.get_score(db, doc, rid, rubric.id, "shortcomings").evidence == ()


def test_put_score_restores_an_earlier_state_exactly(zhang_scores):
    db, rid, rubric, docs = zhang_scores
    doc = docs["001"]
    start, _ = section_span(db, doc, "achievements")
    a = add_annotation(db, doc, rid, start, start + 8)
    scoring.set_score(db, doc, rid, rubric, "measures", 4)
    scoring.set_note(db, doc, rid, rubric, "measures", "有数据")
    before = scoring.link_evidence(db, doc, rid, rubric, "measures", a).new
    change = scoring.set_score(db, doc, rid, rubric, "measures", 2)
    scoring.put_score(db, doc, rid, rubric, change.old)  # undo
    after = scoring.get_score(db, doc, rid, rubric.id, "measures")
    assert (after.value, after.note, after.evidence) == (before.value, before.note, before.evidence)
    scoring.put_score(db, doc, rid, rubric, ScoreEntry("measures"))  # undo of the first set: nothing
    assert scoring.get_score(db, doc, rid, rubric.id, "measures") is None


def score_all(db, doc, rid, rubric, value: float = 1) -> None:
    for c in rubric.criteria:
        scoring.set_score(db, doc, rid, rubric, c.id, value)


def test_review_status_and_comment_with_done_date(zhang_scores):
    db, rid, rubric, docs = zhang_scores
    doc = docs["002"]
    change = scoring.set_overall_comment(db, doc, rid, rubric, "结构完整，不足部分较笼统。")
    assert change.old.status == NOT_STARTED and change.new.status == IN_PROGRESS
    score_all(db, doc, rid, rubric)
    done = scoring.set_review_status(db, doc, rid, rubric, DONE).new
    assert done.status == DONE and done.done_at and done.overall_comment == "结构完整，不足部分较笼统。"
    back = scoring.set_review_status(db, doc, rid, rubric, IN_PROGRESS).new
    assert back.done_at is None
    scoring.put_review(db, doc, rid, rubric, done)
    assert scoring.get_review(db, doc, rid, rubric.id).done_at == done.done_at
    with pytest.raises(ScoreError, match="unknown review status 'finished'"):
        scoring.set_review_status(db, doc, rid, rubric, "finished")


def test_weighted_total_and_overview(zhang_scores):
    db, rid, rubric, docs = zhang_scores
    scoring.set_score(db, docs["001"], rid, rubric, "completeness", 4)    # 20
    scoring.set_score(db, docs["001"], rid, rubric, "measures", 4)        # 16
    scoring.set_score(db, docs["001"], rid, rubric, "next_plan", 3)       # 9
    score_all(db, docs["000"], rid, rubric, 0)
    scoring.set_score(db, docs["000"], rid, rubric, "shortcomings", 5)    # 20
    scoring.set_review_status(db, docs["000"], rid, rubric, DONE)
    total = scoring.weighted_total(rubric, scoring.get_scores(db, docs["001"], rid, rubric.id))
    assert total == 45
    overview = scoring.review_overview(db, rid)
    assert overview.counts == {NOT_STARTED: 3, IN_PROGRESS: 1, DONE: 1}
    assert overview.documents == 5 and overview.done_fraction == 0.2
    row = overview.rows[docs["001"]]
    assert (row.status, row.total, row.scored, row.criteria) == (IN_PROGRESS, 45, 3, 8)
    assert overview.rows[docs["002"]].total is None
    # another reviewer's overview is separate
    other = get_or_create_reviewer(db, "李四")
    assert scoring.review_overview(db, other.id).counts[NOT_STARTED] == 5


def test_a_new_rubric_version_never_rewrites_old_scores(zhang_scores):
    db, rid, rubric, docs = zhang_scores
    scoring.set_score(db, docs["001"], rid, rubric, "measures", 5)
    edited = parse_rubric(rubric.content.replace('label = "具体充分"', 'label = "非常具体"', 1))
    assert edited.id != rubric.id
    set_active_rubric(db, edited)
    scoring.set_score(db, docs["001"], rid, edited, "measures", 2)
    assert scoring.get_scores(db, docs["001"], rid, rubric.id)["measures"].value == 5
    assert scoring.get_scores(db, docs["001"], rid, edited.id)["measures"].value == 2
    assert scoring.review_overview(db, rid).rubric_id == edited.id
    assert scoring.review_overview(db, rid, rubric.id).rows[docs["001"]].total == 20


def test_scores_survive_reopening_a_database_file(db_path, seeds_dir):
    db = open_database(db_path)
    import_paths(db, [seeds_dir])
    rid = get_or_create_reviewer(db, "王五").id
    rubric = load_default_rubric()
    doc = list_documents(db)[0].id
    scoring.set_score(db, doc, rid, rubric, "originality", 2)
    db.conn.close()
    db = open_database(db_path)
    try:
        assert scoring.get_score(db, doc, rid, rubric.id, "originality").value == 2
    finally:
        db.conn.close()


def test_submit_lists_what_is_missing_and_locks_until_reopened(zhang_scores):
    db, rid, rubric, docs = zhang_scores
    doc = docs["001"]
    for c in rubric.criteria[:5]:
        scoring.set_score(db, doc, rid, rubric, c.id, 1)
    with pytest.raises(scoring.IncompleteReview) as failure:
        scoring.submit_review(db, doc, rid, rubric)
    assert [c.id for c in failure.value.missing] == ["leader_duty", "next_plan", "originality"]
    assert "3 of 8 criteria are not scored yet" in str(failure.value) and "第一责任人履职具体" in str(failure.value)
    assert scoring.get_review(db, doc, rid, rubric.id).status == IN_PROGRESS
    scoring.set_score(db, doc, rid, rubric, "leader_duty", 2)
    scoring.set_score(db, doc, rid, rubric, "next_plan", 2)
    # originality allows "not applicable", but only with a reason
    with pytest.raises(ScoreError, match="give a reason"):
        scoring.set_not_applicable(db, doc, rid, rubric, "originality", "  ")
    with pytest.raises(ScoreError, match="requires a score"):
        scoring.set_not_applicable(db, doc, rid, rubric, "measures", "不适用")
    scoring.set_not_applicable(db, doc, rid, rubric, "originality", "首次报告，无上年报告可比")
    change = scoring.submit_review(db, doc, rid, rubric)
    assert change.new.status == scoring.SUBMITTED and change.new.submitted_by == "张三" and change.new.done_at
    assert scoring.STATUS_LABELS[scoring.SUBMITTED][0] == "已提交"
    with pytest.raises(scoring.ReviewLocked, match="reopen"):
        scoring.set_score(db, doc, rid, rubric, "measures", 3)
    with pytest.raises(scoring.ReviewLocked):
        scoring.set_overall_comment(db, doc, rid, rubric, "改一下")
    with pytest.raises(scoring.ReviewLocked):
        scoring.set_not_applicable(db, doc, rid, rubric, "originality", None)
    reopened = scoring.reopen_review(db, doc, rid, rubric, by="组长王").new
    assert reopened.status == IN_PROGRESS and reopened.reopened_by == "组长王" and reopened.reopened_at
    assert reopened.done_at is None and reopened.submitted_by is None
    scoring.set_score(db, doc, rid, rubric, "measures", 3)
    # undo of the reopen writes the submitted state back
    scoring.put_review(db, doc, rid, rubric, change.new)
    assert scoring.get_review(db, doc, rid, rubric.id).status == scoring.SUBMITTED


def test_not_applicable_is_left_out_of_the_total_and_a_score_replaces_it(zhang_scores):
    db, rid, rubric, docs = zhang_scores
    doc = docs["000"]
    for c in rubric.criteria:
        scoring.set_score(db, doc, rid, rubric, c.id, c.max_points)
    scoring.set_not_applicable(db, doc, rid, rubric, "timeliness", "涉密，不公开")
    entries = scoring.get_scores(db, doc, rid, rubric.id)
    assert entries["timeliness"].not_applicable and entries["timeliness"].value is None
    assert scoring.weighted_total(rubric, entries) == 100  # the other 95 weights scaled to 100
    scoring.set_score(db, doc, rid, rubric, "measures", 0)  # 95 - 20 = 75 of 95 -> 78.95 of 100
    assert scoring.weighted_total(rubric, scoring.get_scores(db, doc, rid, rubric.id)) == 78.95
    assert scoring.review_overview(db, rid).rows[doc].total == 78.95
    scoring.set_score(db, doc, rid, rubric, "timeliness", 1)
    entry = scoring.get_scores(db, doc, rid, rubric.id)["timeliness"]
    assert entry.value == 1 and not entry.not_applicable and entry.na_reason == ""
