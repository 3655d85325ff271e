"""Merging two reviewers' databases: same documents recognised, both reviewers' work kept, newer edit wins."""

from __future__ import annotations

import pytest

from desktop.core.errors import ReviewDeskError
from desktop.core.exchange.merge import merge_database
from desktop.core.ingest.importer import import_paths
from desktop.core.review.annotations import create_annotation, list_annotations, update_annotation
from desktop.core.review.codebook import ensure_default_codebook, list_tags
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring.rubric import load_default_rubric, store_rubric
from desktop.core.scoring.scores import get_scores, set_score
from desktop.core.storage import open_database
from desktop.core.storage.documents import list_documents
from desktop.core.storage.search import search


def _corpus(path, seeds_dir, files):
    db = open_database(path)
    import_paths(db, [seeds_dir / f for f in files])
    ensure_default_codebook(db)
    return db


def _doc(db, name):
    return next(d for d in list_documents(db) if d.name == name)


def test_merge_two_reviewers(tmp_path, seeds_dir):
    a = _corpus(tmp_path / "a.sqlite3", seeds_dir, ["000_0a101bd46eacac2a.txt", "001_a35be3758fcb709b.txt"])
    b = _corpus(tmp_path / "b.sqlite3", seeds_dir, ["001_a35be3758fcb709b.txt", "002_b264e5a26ee73ea4.txt"])
    alice = get_or_create_reviewer(a, "张评审")
    bob = get_or_create_reviewer(b, "李评审")
    tag_a = list_tags(a)[0]
    tag_b = list_tags(b)[0]
    assert tag_a.id == tag_b.id  # the default codebook has stable ids
    doc_a = _doc(a, "001_a35be3758fcb709b.txt")
    doc_b = _doc(b, "001_a35be3758fcb709b.txt")
    assert doc_a.id != doc_b.id  # imported separately: recognised by content
    ann_a = create_annotation(a, doc_a.id, 1017, 1040, reviewer_id=alice.id, tag_ids=[tag_a.id], comment="套话")
    ann_b = create_annotation(b, doc_b.id, 1100, 1130, reviewer_id=bob.id, tag_ids=[tag_b.id], comment="具体")
    rubric = load_default_rubric()
    store_rubric(a, rubric)
    store_rubric(b, rubric)
    criterion = rubric.criteria[0]
    set_score(b, doc_b.id, bob.id, rubric, criterion.id, criterion.max_points)
    b.conn.close()

    report = merge_database(a, tmp_path / "b.sqlite3", trust=True)
    assert report.counts("documents").added == 1 and report.counts("documents").kept == 1
    assert report.counts("reviewers").added == 1
    assert report.counts("annotations").added == 1
    assert report.counts("scores").added == 1
    assert len(list_documents(a)) == 3
    annotations = list_annotations(a, doc_a.id)
    assert {x.id for x in annotations} == {ann_a.id, ann_b.id}
    assert {x.reviewer_id for x in annotations} == {alice.id, bob.id}
    scores = get_scores(a, doc_a.id, bob.id, store_rubric(a, rubric))
    assert scores[criterion.id].value == criterion.max_points
    assert search(a, "长春")[0] >= 1  # the merged-in document is searchable
    assert list(tmp_path.glob("a.sqlite3.backup-before-merge-*"))

    again = merge_database(a, tmp_path / "b.sqlite3", trust=True)  # idempotent
    assert again.counts("annotations").added == 0 and again.counts("documents").added == 0
    assert len(list_annotations(a, doc_a.id)) == 2
    a.conn.close()


def test_newer_edit_wins(tmp_path, seeds_dir):
    a = _corpus(tmp_path / "a.sqlite3", seeds_dir, ["001_a35be3758fcb709b.txt"])
    doc = _doc(a, "001_a35be3758fcb709b.txt")
    ann = create_annotation(a, doc.id, 1017, 1040, reviewer_id=None, comment="first")
    with a.atomic():  # date both edits in the past (a date from the future would be clamped to the merge's time)
        a.execute("UPDATE annotations SET updated_at = '2020-01-01T00:00:00+00:00' WHERE id = ?", [ann.id])
    a.conn.close()
    import shutil

    shutil.copy(tmp_path / "a.sqlite3", tmp_path / "b.sqlite3")
    b = open_database(tmp_path / "b.sqlite3")
    update_annotation(b, ann.id, comment="edited later")
    # updated_at has one-second resolution: date the later edit explicitly instead of waiting
    with b.atomic():
        b.execute("UPDATE annotations SET updated_at = '2021-01-01T00:00:00+00:00' WHERE id = ?", [ann.id])
    b.conn.close()
    a = open_database(tmp_path / "a.sqlite3")
    report = merge_database(a, tmp_path / "b.sqlite3", trust=True)
    assert report.counts("annotations").updated == 1
    assert list_annotations(a, doc.id)[0].comment == "edited later"
    a.conn.close()


def test_bad_sources_are_refused_clearly(tmp_path, seeds_dir):
    a = _corpus(tmp_path / "a.sqlite3", seeds_dir, ["001_a35be3758fcb709b.txt"])
    with pytest.raises(ReviewDeskError, match="not found"):
        merge_database(a, tmp_path / "missing.sqlite3")
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(ReviewDeskError, match="not a ReviewDesk database"):
        merge_database(a, text)
    with pytest.raises(ReviewDeskError, match="itself"):
        merge_database(a, tmp_path / "a.sqlite3")
    a.conn.close()


def test_corrections_merge_newer_wins_the_other_is_kept_and_reported(tmp_path, seeds_dir):
    from desktop.core.corrections.records import correct_field, list_corrections, mark_part, show_json
    from desktop.core.storage.documents import get_document, get_summary

    name = "001_a35be3758fcb709b.txt"
    a = _corpus(tmp_path / "a.sqlite3", seeds_dir, [name])
    b = _corpus(tmp_path / "b.sqlite3", seeds_dir, [name, "002_b264e5a26ee73ea4.txt"])
    wang, li = get_or_create_reviewer(a, "王明"), get_or_create_reviewer(b, "李评审")
    doc_a, doc_b = _doc(a, name), _doc(b, name)
    older = correct_field(a, doc_a.id, "agency", "甲市司法局", reviewer_id=wang.id)
    a.execute("UPDATE corrections SET updated_at = '2020-01-01T00:00:00+00:00' WHERE id = ?", [older.id])
    text = get_document(b, doc_b.id).text
    start = text.index("。") + 1
    mark = mark_part(b, doc_b.id, "leader_duty", start, text.index("。", start) + 1, reviewer_id=li.id)
    other = _doc(b, "002_b264e5a26ee73ea4.txt")
    correct_field(b, other.id, "year", "2023", reviewer_id=li.id)
    b.execute("UPDATE corrections SET updated_at = '2021-01-01T00:00:00+00:00' WHERE id = ?", [mark.id])
    newer = correct_field(b, doc_b.id, "agency", "乙市司法局", reviewer_id=li.id)
    b.execute("UPDATE corrections SET updated_at = '2021-01-02T00:00:00+00:00' WHERE id = ?", [newer.id])
    b.conn.close()

    report = merge_database(a, tmp_path / "b.sqlite3", trust=True)
    assert report.counts("corrections").added == 3
    assert get_summary(a, doc_a.id).agency == "乙市司法局"  # the newer correction applies
    assert {c.id for c in list_corrections(a, doc_a.id)} == {older.id, newer.id, mark.id}  # the other is kept
    (conflict,) = report.correction_conflicts
    assert conflict.startswith(f"correction conflict\t{doc_a.id}\tagency\tapplied \"乙市司法局\" by 李评审")
    assert "kept \"甲市司法局\" by 王明" in conflict and conflict in report.lines()
    shown = show_json(a, doc_a.id)
    assert shown["metadata_origin"]["agency"]["corrected_by"] == "李评审"
    assert [s["corrected_by"] for s in shown["sections"] if s["origin"] == "corrected"] == ["李评审"]
    assert get_summary(a, _doc(a, "002_b264e5a26ee73ea4.txt").id).year == 2023  # a merged-in document, corrected
    again = merge_database(a, tmp_path / "b.sqlite3", trust=True)
    assert again.counts("corrections").kept == 3 and again.correction_conflicts == []
    a.conn.close()


def test_a_part_correction_is_reanchored_onto_a_changed_text_when_merged(tmp_path):
    import shutil

    from desktop.core.corrections.records import list_corrections, mark_part
    from desktop.core.ingest import read_report
    from desktop.core.ingest.reimport import reimport_document
    from desktop.core.storage.documents import get_document
    from tests.core.builders import SAMPLE, write_txt

    a = open_database(tmp_path / "a.sqlite3")
    import_paths(a, [write_txt(tmp_path, "v1.txt", SAMPLE)])
    a.conn.close()
    shutil.copy(tmp_path / "a.sqlite3", tmp_path / "b.sqlite3")  # the lead hands out copies: same document ids
    a, b = open_database(tmp_path / "a.sqlite3"), open_database(tmp_path / "b.sqlite3")
    (doc_a,), (doc_b,) = list_documents(a), list_documents(b)
    assert doc_a.id == doc_b.id
    passage = "一是法治宣传的针对性有待加强"
    text = get_document(b, doc_b.id).text
    made = mark_part(b, doc_b.id, "shortcomings", text.index(passage), text.index(passage) + len(passage),
                     reviewer_id=get_or_create_reviewer(b, "李四").id)
    b.conn.close()
    changed = write_txt(tmp_path, "v2.txt", SAMPLE.replace("2024年，我局", "2024年，在县委领导下，我局"))
    reimport_document(a, doc_a.id, read_report(changed))  # a has the changed text; b's correction is on the old
    report = merge_database(a, tmp_path / "b.sqlite3", trust=True)
    assert report.counts("corrections").added == 1
    (merged,) = list_corrections(a, doc_a.id)
    new_text = get_document(a, doc_a.id).text
    assert merged.id == made.id and new_text[merged.start:merged.end] == passage and merged.start > made.start
    assert any(s.kind == "shortcomings" and s.start == merged.start and s.placement != "section"
               for s in get_document(a, doc_a.id).sections)
    a.conn.close()
