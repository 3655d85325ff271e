"""Stored segmentation stays current: documents of an older segmenter version are re-segmented from their text."""

from __future__ import annotations

import json

import pytest

from desktop.core.corrections.records import correct_field
from desktop.core.errors import Cancelled
from desktop.core.ingest.importer import import_paths
from desktop.core.progress import Progress
from desktop.core.review.annotations import create_annotation
from desktop.core.segmentation.segment import segment_report
from desktop.core.storage.documents import SEGMENTER_VERSION, get_document, list_documents
from desktop.core.storage.resegment import outdated_documents, resegment_outdated
from tests.conftest import SEEDS


def _age(db, doc_ids: list[str]) -> None:
    """Make documents look as an old segmenter left them: version 1, wrong metadata, one part missing."""
    with db.atomic():
        for doc_id in doc_ids:
            db.execute("UPDATE documents SET segmenter_version = 1, agency = 'old agency', year = 1999, "
                       "missing = ?, doc_type = 'annual_report', metadata_confidence = '{}' WHERE id = ?",
                       [json.dumps(["achievements"]), doc_id])
            db.execute("DELETE FROM sections WHERE document_id = ? AND kind = 'achievements'", [doc_id])


@pytest.fixture
def seeded(memory_db):
    import_paths(memory_db, [SEEDS])
    return memory_db


def test_outdated_documents_are_resegmented_from_their_text(seeded):
    ids = [d.id for d in list_documents(seeded)]
    assert outdated_documents(seeded) == []
    _age(seeded, ids)
    doc = ids[0]
    text = get_document(seeded, doc).text
    note = create_annotation(seeded, doc, 10, 30, reviewer_id=None, comment="kept")
    assert set(outdated_documents(seeded)) == set(ids)
    steps: list[tuple[int, int]] = []
    assert resegment_outdated(seeded, Progress(lambda d, t, _m: steps.append((d, t)))) == 5
    assert steps[-1] == (5, 5) and outdated_documents(seeded) == []
    record = get_document(seeded, doc)
    fresh = segment_report(text)
    assert record.text == text  # the frozen text is never rewritten
    assert [(s.kind, s.start, s.end, s.confidence) for s in record.sections] == \
        [(s.kind, s.start, s.end, s.confidence) for s in fresh.sections]
    assert record.summary.agency == fresh.metadata.agency.value and record.summary.year == fresh.metadata.year.value
    assert list(record.summary.missing) == fresh.missing
    assert record.metadata_confidence == fresh.metadata_confidence and record.doc_type == fresh.doc_type
    row = seeded.execute("SELECT start, \"end\", comment FROM annotations WHERE id = ?", [note.id]).fetchone()
    assert tuple(row) == (note.start, note.end, "kept")
    assert seeded.execute("SELECT min(segmenter_version) FROM documents").fetchone()[0] == SEGMENTER_VERSION
    assert resegment_outdated(seeded) == 0


def test_cancel_stops_between_documents_and_leaves_the_rest_for_later(seeded):
    ids = [d.id for d in list_documents(seeded)]
    _age(seeded, ids)
    reported: list[int] = []

    def cancel_at_two(done, _total, _message):
        reported.append(done)
        if done >= 2:
            progress.cancel()

    progress = Progress(cancel_at_two)
    with pytest.raises(Cancelled):
        resegment_outdated(seeded, progress)
    assert reported == [1, 3]  # batches of 1, 2, 4 …: the cancel stops after the batch being stored
    assert len(outdated_documents(seeded)) == 2
    assert resegment_outdated(seeded) == 2


def test_corrections_are_applied_again_after_resegmentation(seeded):
    doc = list_documents(seeded)[0].id
    correct_field(seeded, doc, "agency", "王明更正的机关", reviewer_id=None)
    _age(seeded, [doc])
    assert resegment_outdated(seeded) == 1
    assert get_document(seeded, doc).summary.agency == "王明更正的机关"
    assert resegment_outdated(seeded, every=True) == 5
    assert get_document(seeded, doc).summary.agency == "王明更正的机关"


def test_cli_reports_and_resegments_on_opening(seeded_db_path, capsys):
    from desktop.cli import main
    from desktop.core.storage import open_database

    db = open_database(seeded_db_path)
    _age(db, [d.id for d in list_documents(db)])
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
