"""Stored segmentation stays current: documents of an older segmenter version are re-segmented from their text."""

from __future__ import annotations

import json

import pytest

from desktop.core.corrections.records import correct_field
from desktop.core.errors import Cancelled
from desktop.core.progress import Progress
from desktop.core.review.annotations import create_annotation
from desktop.core.segmentation.segment import segment_report
from desktop.core.storage.documents import SEGMENTER_VERSION, get_document, list_documents
from desktop.core.storage.resegment import outdated_documents, resegment_outdated
from tests.core.storage.outdated import age


def test_outdated_documents_are_resegmented_from_their_text(seeded_memory_db):
    ids = [d.id for d in list_documents(seeded_memory_db)]
    assert outdated_documents(seeded_memory_db) == []
    age(seeded_memory_db, ids)
    doc = ids[0]
    text = get_document(seeded_memory_db, doc).text
    note = create_annotation(seeded_memory_db, doc, 10, 30, reviewer_id=None, comment="kept")
    assert set(outdated_documents(seeded_memory_db)) == set(ids)
    steps: list[tuple[int, int]] = []
    assert resegment_outdated(seeded_memory_db, Progress(lambda d, t, _m: steps.append((d, t)))) == 5
    assert steps[-1] == (5, 5) and outdated_documents(seeded_memory_db) == []
    record = get_document(seeded_memory_db, doc)
    fresh = segment_report(text)
    assert record.text == text  # the frozen text is never rewritten
    assert [(s.kind, s.start, s.end, s.confidence) for s in record.sections] == \
        [(s.kind, s.start, s.end, s.confidence) for s in fresh.sections]
    assert record.summary.agency == fresh.metadata.agency.value and record.summary.year == fresh.metadata.year.value
    assert list(record.summary.missing) == fresh.missing
    assert record.metadata_confidence == fresh.metadata_confidence and record.doc_type == fresh.doc_type
    row = seeded_memory_db.execute("SELECT start, \"end\", comment FROM annotations WHERE id = ?", [note.id]).fetchone()
    assert tuple(row) == (note.start, note.end, "kept")
    assert seeded_memory_db.execute("SELECT min(segmenter_version) FROM documents").fetchone()[0] == SEGMENTER_VERSION
    assert resegment_outdated(seeded_memory_db) == 0


def test_cancel_stops_between_documents_and_leaves_the_rest_for_later(seeded_memory_db):
    ids = [d.id for d in list_documents(seeded_memory_db)]
    age(seeded_memory_db, ids)
    reported: list[int] = []

    def cancel_at_two(done, _total, _message):
        reported.append(done)
        if done >= 2:
            progress.cancel()

    progress = Progress(cancel_at_two)
    with pytest.raises(Cancelled):
        resegment_outdated(seeded_memory_db, progress)
    assert reported == [1, 3]  # batches of 1, 2, 4 …: the cancel stops after the batch being stored
    assert len(outdated_documents(seeded_memory_db)) == 2
    assert resegment_outdated(seeded_memory_db) == 2


def test_corrections_are_applied_again_after_resegmentation(seeded_memory_db):
    doc = list_documents(seeded_memory_db)[0].id
    correct_field(seeded_memory_db, doc, "agency", "王明更正的机关", reviewer_id=None)
    age(seeded_memory_db, [doc])
    assert resegment_outdated(seeded_memory_db) == 1
    assert get_document(seeded_memory_db, doc).summary.agency == "王明更正的机关"
    assert resegment_outdated(seeded_memory_db, every=True) == 5
    assert get_document(seeded_memory_db, doc).summary.agency == "王明更正的机关"


def test_cli_reports_and_resegments_on_opening(seeded_db_path, capsys):
    from desktop.cli import main
    from desktop.core.storage import open_database

    db = open_database(seeded_db_path)
    age(db, [d.id for d in list_documents(db)])
    db.conn.close()
    # A command that only reads shows the stored parts at once and says that they await an update.
    assert main(["list", "--db", str(seeded_db_path), "--json"]) == 0
    captured = capsys.readouterr()
    assert "5 report(s) await an update" in captured.err and "re-segmented" not in captured.err
    assert all(d["agency"] == "old agency" and d["year"] == 1999 for d in json.loads(captured.out))
    # A command that writes brings them up to date first.
    empty = seeded_db_path.parent / "empty-folder"
    empty.mkdir()
    main(["import", "--db", str(seeded_db_path), str(empty)])
    captured = capsys.readouterr()
    assert "re-segmented 5 document(s)" in captured.err
    assert main(["list", "--db", str(seeded_db_path), "--json"]) == 0
    captured = capsys.readouterr()
    assert "await an update" not in captured.err
    assert all(d["agency"] != "old agency" and d["year"] != 1999 for d in json.loads(captured.out))
    assert main(["resegment", "--db", str(seeded_db_path)]) == 0
    assert capsys.readouterr().out == "resegmented\t0\n"
    assert main(["resegment", "--all", "--db", str(seeded_db_path)]) == 0
    assert capsys.readouterr().out == "resegmented\t5\n"
