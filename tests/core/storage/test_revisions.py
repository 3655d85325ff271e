"""Undo never overwrites a newer edit: desktop.core.storage.revisions, with two connections on one file."""

from __future__ import annotations

import pytest

from desktop.core.review.annotations import Content, create_annotation, get_annotation, set_content
from desktop.core.review.codebook import ensure_default_codebook, list_tags
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.storage import open_database
from desktop.core.storage.documents import list_documents
from desktop.core.storage.revisions import ChangedElsewhere, apply_if_unchanged, content, write_and_capture


def test_content_leaves_out_time_stamps_and_keeps_whether_deleted(seeded_db_path):
    db = open_database(seeded_db_path)
    ensure_default_codebook(db)
    doc = list_documents(db)[0]
    made = create_annotation(db, doc.id, 10, 20, reviewer_id=get_or_create_reviewer(db, "甲").id,
                             tag_ids=(list_tags(db)[0].id,))
    again = get_annotation(db, made.id)
    assert content(again) == content(made.__class__(**{**made.__dict__, "updated_at": "2000-01-01T00:00:00"}))
    gone = made.__class__(**{**made.__dict__, "deleted_at": "2001-01-01T00:00:00"})
    assert content(gone) != content(made)
    assert content({"b": [1, 2], "a": (3,)}) == (("a", (3,)), ("b", (1, 2)))
    db.conn.close()


def test_a_step_applies_over_its_own_state_and_is_refused_over_a_newer_edit(seeded_db_path):
    mine, other = open_database(seeded_db_path), open_database(seeded_db_path)  # two windows/programs
    ensure_default_codebook(mine)
    doc = list_documents(mine)[0]
    tag = list_tags(mine)[0].id
    made, after = write_and_capture(
        mine, lambda db: create_annotation(db, doc.id, 10, 20, reviewer_id=None, tag_ids=(tag,), comment="mine"),
        lambda a: lambda db: get_annotation(db, a.id, include_deleted=True))
    assert after == content(get_annotation(mine, made.id))

    def state(db):
        return get_annotation(db, made.id, include_deleted=True)

    # Nothing changed elsewhere: the step (an edit, then its undo) applies and returns the new state.
    edited = apply_if_unchanged(mine, state, after, lambda db: set_content(db, made.id, Content((tag,), "mine 2", None)))
    assert get_annotation(other, made.id).comment == "mine 2"
    # Another connection edits the annotation: undoing over it is refused and writes nothing.
    set_content(other, made.id, Content((tag,), "newer, elsewhere", None))
    with pytest.raises(ChangedElsewhere) as refused:
        apply_if_unchanged(mine, state, edited, lambda db: set_content(db, made.id, Content((tag,), "mine", None)))
    assert "changed elsewhere" in str(refused.value)
    assert get_annotation(mine, made.id).comment == "newer, elsewhere"
    assert not mine.conn.in_transaction
    # An edit elsewhere that happens to leave the same content loses nobody's work: the step applies.
    set_content(other, made.id, Content((tag,), "mine 2", None))
    apply_if_unchanged(mine, state, edited, lambda db: set_content(db, made.id, Content((tag,), "mine", None)))
    assert get_annotation(other, made.id).comment == "mine"
    mine.conn.close()
    other.conn.close()


def test_a_failing_write_rolls_back_the_whole_step(seeded_db_path):
    db = open_database(seeded_db_path)
    ensure_default_codebook(db)
    doc = list_documents(db)[0]
    made = create_annotation(db, doc.id, 10, 20, reviewer_id=None, tag_ids=(list_tags(db)[0].id,))

    def state(d):
        return get_annotation(d, made.id, include_deleted=True)

    def half_then_fail(d):
        d.execute("UPDATE annotations SET comment = 'half' WHERE id = ?", [made.id])
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        apply_if_unchanged(db, state, content(made), half_then_fail)
    assert get_annotation(db, made.id).comment == "" and not db.conn.in_transaction
    db.conn.close()
