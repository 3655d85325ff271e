"""Re-segmentation as an import runs: batches, worker processes, texts that change meanwhile; and the small
metadata queries that run on every start never read the report texts."""

from __future__ import annotations

import json
import sqlite3

import pytest

from desktop.core.corrections.records import correct_field
from desktop.core.ingest.importer import import_paths
from desktop.core.storage import open_database
from desktop.core.storage.documents import (
    count_documents,
    get_document,
    list_documents,
    report_years,
    store_segmentation,
)
from desktop.core.storage.listing import count_current, listing_years
from desktop.core.storage.resegment import (
    count_outdated,
    outdated_documents,
    resegment_outdated,
    resegment_with,
    segment_stored,
    store_resegmented,
    stored_texts,
)
from tests import hostile
from tests.conftest import SEEDS
from tests.core.builders import write_txt

_ROWS = {
    "documents": "SELECT id, title, agency, year, doc_number, doc_date, published_at, source, on_time, missing, "
                 "metadata_sources, segmenter_version, metadata_confidence, doc_type, truncated, metadata_reasons, "
                 "missing_candidates, auto_segmentation FROM documents ORDER BY seq",
    "sections": 'SELECT document_id, ordinal, kind, heading, level, placement, start, "end", confidence, reason '
                "FROM sections ORDER BY document_id, ordinal",
    "outline": 'SELECT document_id, ordinal, style, level, heading, start, heading_end, "end" FROM outline '
               "ORDER BY document_id, ordinal",
    "clutter": 'SELECT document_id, kind, start, "end", text FROM clutter ORDER BY document_id, start, "end", kind',
}


def _rows(db) -> dict[str, list[tuple]]:
    return {table: [tuple(r) for r in db.conn.execute(sql)] for table, sql in _ROWS.items()}


def _age(db) -> None:
    """Every document as an old segmenter left it: version 1, other metadata, parts and clutter gone."""
    with db.atomic():
        db.execute("UPDATE documents SET segmenter_version = 1, agency = 'old agency', year = 1999, missing = ?, "
                   "metadata_confidence = '{}', doc_type = 'annual_report'", [json.dumps(["achievements"])])
        for table in ("sections", "outline", "clutter"):
            db.execute(f"DELETE FROM {table}")


@pytest.fixture
def corrected_copies(tmp_path):
    """Two copies of a database of the seeds and some variants, one document corrected by a reviewer."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in SEEDS.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    for i in range(6):
        write_txt(folder, f"v{i}.txt", text=hostile.variant(i))
    paths = []
    for name in ("one", "other"):
        db = open_database(tmp_path / f"{name}.sqlite3")
        import_paths(db, [folder])
        correct_field(db, db.execute("SELECT id FROM documents ORDER BY seq LIMIT 1").fetchone()[0], "agency",
                      "王明更正的机关", reviewer_id=None)
        _age(db)
        db.conn.close()
        paths.append(tmp_path / f"{name}.sqlite3")
    return paths


@pytest.mark.parametrize("workers", [1, 2])
def test_batches_store_what_one_document_at_a_time_stores(corrected_copies, workers):
    one, other = (open_database(p) for p in corrected_copies)
    for doc_id in outdated_documents(one):  # the plain way: each document on its own
        with one.atomic():
            store_segmentation(one, doc_id, segment_stored(stored_texts(one, [doc_id])[0]).segmentation)
    # the same ids in the other copy (imports make new ids: compare by import order)
    assert resegment_outdated(other, workers=workers) == count_documents(other) == 11
    ids_one = [r[0] for r in one.conn.execute("SELECT id FROM documents ORDER BY seq")]
    ids_other = [r[0] for r in other.conn.execute("SELECT id FROM documents ORDER BY seq")]
    rename = dict(zip(ids_other, ids_one, strict=True))

    def renamed(rows):
        return {t: sorted(tuple(rename.get(v, v) if isinstance(v, str) else v for v in r) for r in rs)
                for t, rs in rows.items()}

    assert renamed(_rows(other)) == renamed(_rows(one))
    corrected = get_document(other, ids_other[0])
    assert corrected.summary.agency == "王明更正的机关"  # the correction applied again on top
    assert count_outdated(other) == 0 and "old agency" not in {d.agency for d in list_documents(other)}
    one.conn.close()
    other.conn.close()


def test_a_text_changed_or_deleted_since_it_was_read_is_left_alone(corrected_copies):
    from desktop.core.storage.documents import delete_document

    db = open_database(corrected_copies[0])
    ids = outdated_documents(db)
    changed, deleted = ids[1], ids[2]

    def read(batch):
        texts = stored_texts(db, batch)
        if changed in batch:  # a re-import gives the document another text after it was read
            db.execute("UPDATE documents SET text_sha256 = 'another text' WHERE id = ?", [changed])
            delete_document(db, deleted)
        return texts

    stored = resegment_with(read, lambda batch: store_resegmented(db, batch), ids, workers=1)
    assert stored == len(ids) - 2
    assert set(outdated_documents(db)) == {changed}
    db.conn.close()


def _statements(db, fn) -> list[str]:
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    try:
        fn(db)
    finally:
        db.conn.set_trace_callback(None)
    return [s for s in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))]


@pytest.mark.parametrize("query", [outdated_documents, count_outdated, count_documents, report_years,
                                   count_current, listing_years])
def test_small_metadata_queries_never_read_the_report_texts(seeded_db_path, query):
    """Neither the text column nor the rows that hold it (a table scan reaches the columns stored after the text
    through its overflow pages): the documents are read from covering indexes only."""
    db = open_database(seeded_db_path)
    statements = _statements(db, query)
    assert statements
    read: list[tuple[str, str]] = []

    def authorizer(action, table, column, _db, _trigger):
        if action == sqlite3.SQLITE_READ:
            read.append((table, column))
        return sqlite3.SQLITE_OK

    for sql in statements:
        db.conn.set_authorizer(authorizer)
        try:
            plan = [row[3] for row in db.conn.execute(f"EXPLAIN QUERY PLAN {sql}", [2] * sql.count("?"))]
        finally:
            db.conn.set_authorizer(None)
        assert ("documents", "text") not in read, sql
        for step in plan:
            if "documents" in step.split(" USING")[0]:
                assert "COVERING INDEX" in step, (sql, plan)
    db.conn.close()
