"""Anchor examples: what the panel's submitted reviews scored at each level of a criterion, with their passages."""

from __future__ import annotations

from desktop.core.agencies.calibration import anchor_examples
from desktop.core.scoring import scores as scoring
from desktop.core.storage import open_database
from tests.core.scoring.scoring_data import (  # noqa: F401 (fixtures)
    build_scored_corpus,
    scored_corpus_fixture,
    scored_db_fixture,
)


def _criterion(corpus, cid):
    return next(c for c in corpus.rubric.criteria if c.id == cid)


def test_submitted_reviews_by_level_with_their_passages(scored_corpus, scored_db):
    crit = _criterion(scored_corpus, "shortcomings")
    levels = anchor_examples(scored_db, scored_corpus.rubric.id, crit)
    assert [lv.level for lv in levels] == list(crit.levels)  # every level listed, highest first, even when empty
    found = {(e.document_id, e.value, e.reviewer): e for lv in levels for e in lv.examples}
    # 张三 submitted 001 (3, with the annotation it rested on) and 000 (2); 李四's review is not submitted
    assert set(found) == {(scored_corpus.docs["001"], 3, "张三"), (scored_corpus.docs["000"], 2, "张三")}
    quote = scored_db.execute("SELECT quote FROM annotations WHERE id = ?",
                              [scored_corpus.annotations["short"]]).fetchone()[0]
    assert found[(scored_corpus.docs["001"], 3, "张三")].passages == (quote,)
    for lv in levels:
        for e in lv.examples:
            assert crit.level_for(e.value) == lv.level


def test_the_report_being_scored_and_unsubmitted_reviews_are_left_out(scored_corpus, scored_db):
    crit = _criterion(scored_corpus, "measures")
    levels = anchor_examples(scored_db, scored_corpus.rubric.id, crit, exclude_document=scored_corpus.docs["001"])
    docs = {e.document_id for lv in levels for e in lv.examples}
    assert docs == {scored_corpus.docs["000"]}
    notes = [e.note for lv in levels for e in lv.examples]
    assert notes == ["+1 成效数据充分"]  # the note is data, shown as written


def test_reopening_a_review_removes_its_examples(tmp_path):
    corpus = build_scored_corpus(tmp_path / "own.sqlite3")  # changed here: not the shared one
    db = open_database(corpus.path)
    try:
        crit = _criterion(corpus, "next_plan")
        assert sum(len(lv.examples) for lv in anchor_examples(db, corpus.rubric.id, crit)) == 2
        scoring.reopen_review(db, corpus.docs["000"], corpus.reviewers["张三"], corpus.rubric, by="组长")
        assert sum(len(lv.examples) for lv in anchor_examples(db, corpus.rubric.id, crit)) == 1
    finally:
        db.conn.close()
