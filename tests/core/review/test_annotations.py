"""Annotations: create, edit, delete, restore, place; listings by document (with filters) and by tag."""

from __future__ import annotations

import pytest

from desktop.core.review.annotations import (
    AnnotationError,
    content_of,
    count_annotations,
    create_annotation,
    delete_annotation,
    get_annotation,
    list_annotations,
    list_by_tag,
    list_orphans,
    place_annotation,
    restore_annotation,
    set_content,
    update_annotation,
)
from desktop.core.review.codebook import delete_tag, list_tags
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.storage.documents import get_document, list_documents


@pytest.fixture
def seed_reports(seeded_memory_db):
    memory_db = seeded_memory_db
    docs = {d.name[:3]: get_document(memory_db, d.id) for d in list_documents(memory_db)}
    return memory_db, docs


def _tags(db):
    return {t.name: t.id for t in list_tags(db)}


def test_create_stores_quote_context_reviewer_and_section(seed_reports):
    db, docs = seed_reports
    doc = docs["000"]
    reviewer = get_or_create_reviewer(db, "李四")
    start = doc.text.index("一是法治理论学习")
    end = doc.text.index("。", start) + 1
    tags = _tags(db)
    a = create_annotation(db, doc.id, start, end, reviewer_id=reviewer.id,
                          tag_ids=[tags["泛泛而谈"], tags["缺少原因分析"], tags["泛泛而谈"]], comment="没有原因")
    assert (a.start, a.end) == (start, end)
    assert a.quote == doc.text[start:end] and a.quote.startswith("一是") and a.quote.endswith("。")
    assert a.prefix == doc.text[max(0, a.start - 32):a.start] and len(a.suffix) == 32
    assert a.reviewer_name == "李四" and a.section_kind == "shortcomings"
    assert a.tag_ids == (tags["泛泛而谈"], tags["缺少原因分析"])
    assert a.status == "anchored" and a.anchored_by == "selection"
    with pytest.raises(AnnotationError, match="empty"):
        create_annotation(db, doc.id, 5, 5, reviewer_id=reviewer.id)
    with pytest.raises(AnnotationError, match="no document"):
        create_annotation(db, "nope", 0, 5, reviewer_id=reviewer.id)
    with pytest.raises(AnnotationError, match="not in the codebook"):
        create_annotation(db, doc.id, 0, 5, reviewer_id=reviewer.id, tag_ids=["no-such-tag"])
    assert count_annotations(db, doc.id) == 1


def test_selection_with_line_breaks_is_trimmed(seed_reports):
    db, docs = seed_reports
    doc = docs["000"]
    start = doc.text.index("\n三、下一步工作打算")
    a = create_annotation(db, doc.id, start, start + 10, reviewer_id=None)
    assert a.start == start + 1 and a.quote == doc.text[start + 1:start + 10]


def test_edit_delete_restore(seed_reports):
    db, docs = seed_reports
    doc = docs["001"]
    tags = _tags(db)
    a = create_annotation(db, doc.id, 1040, 1070, reviewer_id=None, tag_ids=[tags["泛泛而谈"]])
    before = content_of(a)
    b = update_annotation(db, a.id, tag_ids=[tags["亮点"]], comment="其实还行", criterion_id="C3")
    assert (b.tag_ids, b.comment, b.criterion_id) == ((tags["亮点"],), "其实还行", "C3")
    assert update_annotation(db, a.id, comment="再改").criterion_id == "C3"
    assert content_of(set_content(db, a.id, before)) == before
    delete_annotation(db, a.id)
    assert list_annotations(db, doc.id) == []
    with pytest.raises(AnnotationError):
        get_annotation(db, a.id)
    assert restore_annotation(db, a.id).id == a.id
    assert [x.id for x in list_annotations(db, doc.id)] == [a.id]


def test_filters_and_corpus_wide_listing(seed_reports):
    db, docs = seed_reports
    tags = _tags(db)
    zhang, li = get_or_create_reviewer(db, "张三"), get_or_create_reviewer(db, "李四")
    d0, d2 = docs["000"], docs["002"]
    s0 = d0.text.index("仍有提升空间")
    a1 = create_annotation(db, d0.id, s0, s0 + 6, reviewer_id=zhang.id, tag_ids=[tags["泛泛而谈"]])
    a2 = create_annotation(db, d0.id, 300, 340, reviewer_id=li.id, tag_ids=[tags["亮点"]])
    s2 = d2.text.index("有待进一步提高")
    a3 = create_annotation(db, d2.id, s2, s2 + 7, reviewer_id=li.id, tag_ids=[tags["泛泛而谈"]])
    assert [a.id for a in list_annotations(db, d0.id)] == [a2.id, a1.id]        # text order
    assert [a.id for a in list_annotations(db, d0.id, tag_id=tags["泛泛而谈"])] == [a1.id]
    assert [a.id for a in list_annotations(db, d0.id, section_kind="achievements")] == [a2.id]
    assert [a.id for a in list_annotations(db, d0.id, reviewer_id=zhang.id)] == [a1.id]
    found = list_by_tag(db, tags["泛泛而谈"])
    assert {s.annotation.id for s in found} == {a1.id, a3.id}
    by_id = {s.annotation.id: s for s in found}
    assert by_id[a1.id].agency == "吉林省政务服务和数字化建设管理局" and by_id[a1.id].year == 2025
    assert by_id[a3.id].annotation.quote == "有待进一步提高"
    assert by_id[a3.id].annotation.section_kind == "shortcomings"
    delete_annotation(db, a3.id)
    assert [s.annotation.id for s in list_by_tag(db, tags["泛泛而谈"])] == [a1.id]
    delete_tag(db, tags["亮点"])
    assert list_annotations(db, d0.id, tag_id=tags["亮点"]) == []


def test_place_an_orphan_by_hand(seed_reports):
    db, docs = seed_reports
    doc = docs["002"]
    a = create_annotation(db, doc.id, 1300, 1320, reviewer_id=None)
    db.execute("UPDATE annotations SET status = 'orphan' WHERE id = ?", [a.id])
    assert [o.id for o in list_orphans(db, doc.id)] == [a.id]
    assert list_annotations(db, doc.id)[0].section_kind is None
    placed = place_annotation(db, a.id, 1330, 1345)
    assert (placed.status, placed.anchored_by, placed.quote) == ("anchored", "manual", doc.text[1330:1345])
    assert list_orphans(db, doc.id) == []
