"""The verify queue: doubts of a corpus, confirmations stored like corrections (who, when), surviving
re-segmentation, re-import and merge; a corrected or confirmed value is never a doubt again."""

from __future__ import annotations

import pytest

from desktop.core.corrections.records import correct_field, list_corrections, reset_field, show_json
from desktop.core.exchange.merge import merge_database
from desktop.core.ingest import read_report
from desktop.core.ingest.importer import import_paths
from desktop.core.ingest.reimport import reimport_document
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.review.verify import VerifyError, accept, confirm, document_doubts, list_doubts
from desktop.core.storage import open_database
from desktop.core.storage.documents import get_document, list_documents
from desktop.core.storage.resegment import resegment_outdated
from tests.core.review.verify_texts import (
    BODY,  # noqa: F401
    DOUBTFUL,
    SURE,
)

# an agency named only in the opening sentence (low), a topical first heading (low), a duty stated without
# 第一责任人 (low), and a plan that is nowhere (missing, with no candidate)


def _write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def doubt_corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "a.txt", DOUBTFUL)
    _write(folder, "b.txt", SURE)
    db = open_database(tmp_path / "a.sqlite3")
    import_paths(db, [folder])
    docs = {d.name: d.id for d in list_documents(db)}
    yield db, docs, get_or_create_reviewer(db, "王核对")
    db.conn.close()


def _targets(db, doc_id):
    return [d.target for d in document_doubts(db, doc_id)]


def test_the_queue_lists_low_fields_uncertain_parts_and_missing_flags_only(doubt_corpus):
    db, docs, _r = doubt_corpus
    doubts = list_doubts(db)
    assert {d.document_id for d in doubts} == {docs["a.txt"]}  # the sure report has nothing to check
    targets = _targets(db, docs["a.txt"])
    assert "field:agency" in targets and "part:achievements" in targets and "part:leader_duty" in targets
    assert "missing:next_plan" in targets
    text = get_document(db, docs["a.txt"]).text
    for d in doubts:
        entry = d.to_json()
        assert set(entry) == {"document_id", "field" if d.field else "kind", "value", "confidence", "reason",
                              "start", "end"}
        assert entry["confidence"] == "low" and entry["reason"]
        if d.start is not None:
            assert 0 <= d.start < d.end <= len(text)
    agency = next(d for d in doubts if d.field == "agency")
    assert agency.value == "青山县司法局" and text[agency.start:agency.end] == "青山县司法局"
    assert "opening sentence" in agency.reason


def test_accepting_stores_a_confirmation_with_who_and_when_and_ends_the_doubt(doubt_corpus):
    db, docs, reviewer = doubt_corpus
    doc = docs["a.txt"]
    (c,) = accept(db, doc, "agency", reviewer_id=reviewer.id)
    assert c.kind == "confirm" and c.target == "agency" and c.reviewer_name == "王核对" and c.created_at
    assert c.after == {"value": "青山县司法局"}
    assert "field:agency" not in _targets(db, doc)
    shown = show_json(db, doc)
    assert shown["metadata_origin"]["agency"]["origin"] == "confirmed"
    assert shown["metadata_origin"]["agency"]["corrected_by"] == "王核对"
    assert shown["metadata_confidence"]["agency"] == "high" and "agency" not in shown["metadata_reasons"]
    assert shown["metadata_sources"]["agency"].startswith("confirmed by 王核对")


def test_parts_and_missing_flags_are_confirmed_too(doubt_corpus):
    db, docs, reviewer = doubt_corpus
    doc = docs["a.txt"]
    part = next(d for d in document_doubts(db, doc) if d.kind == "leader_duty")
    confirm(db, part, reviewer_id=reviewer.id)
    accept(db, doc, "next_plan", reviewer_id=reviewer.id)
    left = _targets(db, doc)
    assert "part:leader_duty" not in left and "missing:next_plan" not in left
    shown = show_json(db, doc)
    duty = [s for s in shown["sections"] if s["kind"] == "leader_duty"]
    assert duty and duty[0]["origin"] == "confirmed" and duty[0]["confidence"] == "high"
    assert shown["missing"] == ["next_plan"] and shown["missing_confirmed_by"] == {"next_plan": "王核对"}


@pytest.mark.parametrize("what,message", [("nonsense", "unknown field or kind"), ("title", "not in doubt"),
                                          ("doc_number", "not in doubt")])
def test_bad_or_needless_confirmations_are_refused_and_nothing_is_stored(doubt_corpus, what, message):
    db, docs, reviewer = doubt_corpus
    with pytest.raises(VerifyError, match=message):
        accept(db, docs["b.txt"], what, reviewer_id=reviewer.id)
    with pytest.raises(VerifyError, match="no document"):
        accept(db, "no-such-id", "agency", reviewer_id=reviewer.id)
    assert db.execute("SELECT count(*) FROM corrections").fetchone()[0] == 0


def test_a_corrected_field_is_no_doubt_and_reset_brings_the_doubt_back(doubt_corpus):
    db, docs, reviewer = doubt_corpus
    doc = docs["a.txt"]
    correct_field(db, doc, "agency", "青山县司法局", reviewer_id=reviewer.id)
    assert "field:agency" not in _targets(db, doc)
    with pytest.raises(VerifyError, match="not in doubt"):
        accept(db, doc, "agency", reviewer_id=reviewer.id)
    reset_field(db, doc, "agency")
    accept(db, doc, "agency", reviewer_id=reviewer.id)
    reset_field(db, doc, "agency")  # a reset takes back the confirmation too
    assert "field:agency" in _targets(db, doc)


def test_confirmations_survive_resegmentation_and_reimport(doubt_corpus, tmp_path):
    db, docs, reviewer = doubt_corpus
    doc = docs["a.txt"]
    accept(db, doc, "agency", reviewer_id=reviewer.id)
    accept(db, doc, "leader_duty", reviewer_id=reviewer.id)
    before = _targets(db, doc)
    db.execute("UPDATE documents SET segmenter_version = 0")
    assert resegment_outdated(db) == 2
    assert _targets(db, doc) == before
    assert show_json(db, doc)["metadata_origin"]["agency"]["origin"] == "confirmed"
    changed = _write(tmp_path, "a-v2.txt", "（更新）\n" + DOUBTFUL)
    reimport_document(db, doc, read_report(changed))
    assert "field:agency" not in _targets(db, doc) and "part:leader_duty" not in _targets(db, doc)
    assert all(c.status != "orphan" for c in list_corrections(db, doc))


def test_confirmations_travel_with_a_merge(doubt_corpus, tmp_path):
    db, docs, _reviewer = doubt_corpus
    other = open_database(tmp_path / "b.sqlite3")
    import_paths(other, [tmp_path / "in" / "a.txt"])
    (other_doc,) = [d.id for d in list_documents(other)]
    colleague = get_or_create_reviewer(other, "李同事")
    accept(other, other_doc, "agency", reviewer_id=colleague.id)
    accept(other, other_doc, "achievements", reviewer_id=colleague.id)
    other.conn.close()
    merge_database(db, tmp_path / "b.sqlite3", trust=True)
    doc = docs["a.txt"]
    left = _targets(db, doc)
    assert "field:agency" not in left and "part:achievements" not in left
    origin = show_json(db, doc)["metadata_origin"]["agency"]
    assert origin["origin"] == "confirmed" and origin["corrected_by"] == "李同事"


def test_the_sql_count_agrees_with_the_queue_on_every_document(doubt_corpus, tmp_path):
    from desktop.core.storage.doubts import doubt_counts

    db, docs, reviewer = doubt_corpus
    from tests.conftest import SEEDS

    import_paths(db, [SEEDS])  # real reports too: the two rules must agree on them as well
    docs = {d.name: d.id for d in list_documents(db)}
    ids = list(docs.values())
    accept(db, docs["a.txt"], "agency", reviewer_id=reviewer.id)
    accept(db, docs["a.txt"], "next_plan", reviewer_id=reviewer.id)
    counts = doubt_counts(db, ids)
    assert counts == {doc_id: len(document_doubts(db, doc_id)) for doc_id in ids}
    assert counts[docs["b.txt"]] == 0 and counts[docs["a.txt"]] > 0
