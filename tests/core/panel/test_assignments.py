"""Assignments by hand and balanced, undo, and progress per reviewer."""

from __future__ import annotations

import pytest

from desktop.core.panel import assignments as asg
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.rubric import active_rubric
from desktop.core.storage.documents import list_documents


@pytest.fixture
def three_reviewers(seeded_memory_db):
    db = seeded_memory_db
    docs = [d.id for d in list_documents(db)]
    people = [get_or_create_reviewer(db, n).id for n in ("甲", "乙", "丙")]
    return db, docs, people


def test_assign_by_hand_keeps_existing_and_undo_restores(three_reviewers):
    db, docs, people = three_reviewers
    added = asg.assign(db, docs[:2], people[:2], by="组长")
    assert len(added) == 4 and all(a.assigned_by == "组长" and a.assigned_at for a in added)
    assert asg.assign(db, docs[:2], people[:1]) == []  # already assigned
    removed = asg.unassign(db, docs[:1], people[:2])
    assert {a.id for a in removed} == {a.id for a in added if a.document_id == docs[0]}
    assert len(asg.list_assignments(db)) == 2
    asg.restore_assignments(db, removed)  # undo
    assert {a.id for a in asg.list_assignments(db)} == {a.id for a in added}
    with pytest.raises(asg.AssignmentError, match="no report with id nope"):
        asg.assign(db, ["nope"], people[:1])
    with pytest.raises(asg.AssignmentError, match="no reviewer"):
        asg.assign(db, docs[:1], ["nobody"])


def test_balanced_gives_k_reviewers_per_report_and_even_loads(three_reviewers):
    db, docs, people = three_reviewers
    asg.assign(db, docs[:1], people[:1])  # an existing assignment counts
    added = asg.assign_balanced(db, docs, people, 2, by="组长")
    per_doc = asg.assigned_reviewers(db)
    assert all(len(set(per_doc[d])) == 2 for d in docs)
    assert len(added) == 2 * len(docs) - 1
    loads = [sum(r in rids for rids in per_doc.values()) for r in people]
    assert max(loads) - min(loads) <= 1 and sum(loads) == 2 * len(docs)
    assert asg.assign_balanced(db, docs, people, 2) == []  # already balanced: nothing to add
    with pytest.raises(asg.AssignmentError, match="choose k from 1 to 3"):
        asg.assign_balanced(db, docs, people, 4)
    with pytest.raises(asg.AssignmentError, match="at least one reviewer"):
        asg.assign_balanced(db, docs, [], 1)


def test_progress_per_reviewer(three_reviewers):
    db, docs, people = three_reviewers
    rubric = active_rubric(db)
    asg.assign(db, docs[:3], people[:1])
    scoring.set_score(db, docs[0], people[0], rubric, "measures", 3)
    for c in rubric.criteria:
        scoring.set_score(db, docs[1], people[0], rubric, c.id, 1)
    scoring.submit_review(db, docs[1], people[0], rubric)
    scoring.set_score(db, docs[4], people[1], rubric, "measures", 3)  # started without an assignment
    progress = {p.reviewer: p for p in asg.reviewer_progress(db, rubric.id)}
    a = progress["甲"]
    assert (a.assigned, a.not_started, a.in_progress, a.submitted, a.started) == (3, 1, 1, 1, 2)
    b = progress["乙"]
    assert (b.assigned, b.not_started, b.in_progress, b.submitted) == (0, 0, 1, 0)
    assert "丙" not in progress
