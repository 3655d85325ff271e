"""Files stored a batch per transaction: the same rows, outcomes and search results as one file per transaction;
duplicates found inside a batch; one bad file fails alone; nothing stored goes unreported."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.ingest.importer import (
    DUPLICATE,
    FAILED,
    IMPORTED,
    SKIPPED,
    expand_paths,
    import_paths,
    prepare_file,
    store_batch,
    store_prepared,
)
from desktop.core.progress import Progress
from desktop.core.storage import open_database
from desktop.core.storage.documents import count_documents
from desktop.core.storage.search import search
from tests import hostile
from tests.core.builders import write_docx, write_txt

_TABLES = {
    "documents": "SELECT sha256, name, source_path, size, format, encoding, text, title, agency, year, doc_number, "
                 "doc_date, published_at, source, on_time, missing, metadata_sources, segmenter_version, text_sha256, "
                 "metadata_confidence, doc_type, truncated, metadata_reasons, missing_candidates, auto_segmentation, "
                 "replaced_by FROM documents ORDER BY seq",
    "sections": 'SELECT d.seq, s.ordinal, s.kind, s.heading, s.level, s.placement, s.start, s."end", s.confidence, '
                "s.reason FROM sections s JOIN documents d ON d.id = s.document_id ORDER BY d.seq, s.ordinal",
    "outline": 'SELECT d.seq, o.ordinal, o.style, o.level, o.heading, o.start, o.heading_end, o."end" FROM outline o '
               "JOIN documents d ON d.id = o.document_id ORDER BY d.seq, o.ordinal",
    "clutter": 'SELECT d.seq, c.kind, c.start, c."end", c.text FROM clutter c JOIN documents d ON d.id = c.document_id '
               'ORDER BY d.seq, c.start, c."end", c.kind',
}


def _mixed_folder(folder: Path, seeds_dir: Path) -> Path:
    """Seeds, their copies under other names, one report four ways (three duplicates by text), broken files."""
    folder.mkdir()
    for path in sorted(seeds_dir.glob("*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
        (folder / f"copy-{path.name}").write_bytes(path.read_bytes())
    hostile.same_report_four_ways(folder)
    for i in range(4):
        write_txt(folder, f"v{i}.txt", text=hostile.variant(i))
    write_docx(folder, "w.docx", text=hostile.variant(9))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04garbage")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 50)
    return folder


def _contents(db) -> dict[str, list[tuple]]:
    return {table: [tuple(row) for row in db.conn.execute(sql)] for table, sql in _TABLES.items()}


def test_one_batch_stores_what_one_file_per_transaction_stores(tmp_path, seeds_dir):
    folder = _mixed_folder(tmp_path / "in", seeds_dir)
    prepared = [prepare_file(path, walked) for path, walked in expand_paths([folder])]
    single = open_database(tmp_path / "single.sqlite3")
    batched = open_database(tmp_path / "batched.sqlite3")
    one_by_one = [store_prepared(single, p) for p in prepared]
    at_once = store_batch(batched, prepared)
    assert [(o.path, o.status, o.message) for o in at_once] == [(o.path, o.status, o.message) for o in one_by_one]
    statuses = [o.status for o in at_once]
    assert statuses.count(DUPLICATE) == 5 + 3 and FAILED in statuses and SKIPPED in statuses
    assert _contents(batched) == _contents(single)
    for query in ("法", "法治", "第一责任人", "存在的不足", "1991年", "不存在的词语"):
        total, results = search(batched, query)
        expected_total, expected = search(single, query)
        assert total == expected_total
        assert [(r.name, r.hit_count, [(h.start, h.end) for h in r.hits]) for r in results] == \
               [(r.name, r.hit_count, [(h.start, h.end) for h in r.hits]) for r in expected]
    single.conn.close()
    batched.conn.close()


def test_duplicates_inside_a_batch_name_the_first_file(tmp_path, memory_db):
    paths = hostile.same_report_four_ways(tmp_path)  # the same text: UTF-8, with BOM, CRLF, GBK
    paths.append(write_txt(tmp_path, "again.txt", text=paths[0].read_text(encoding="utf-8")))  # the same bytes
    outcomes = store_batch(memory_db, [prepare_file(p) for p in paths])
    assert [o.status for o in outcomes] == [IMPORTED] + [DUPLICATE] * 4
    assert {o.document_id for o in outcomes} == {outcomes[0].document_id}
    assert count_documents(memory_db) == 1
    later = store_batch(memory_db, [prepare_file(paths[3]), prepare_file(write_txt(tmp_path, "new.txt",
                                                                                   text=hostile.variant(3)))])
    assert [o.status for o in later] == [DUPLICATE, IMPORTED]
    assert later[0].document_id == outcomes[0].document_id


def test_a_file_that_cannot_be_stored_fails_alone(tmp_path, memory_db, monkeypatch):
    import desktop.core.storage.documents as documents

    real = documents.index_documents

    def fragile(db, items):
        if any("1993年" in text for _seq, text, _prepared in items):
            raise RuntimeError("this text breaks the index")
        return real(db, items)

    monkeypatch.setattr(documents, "index_documents", fragile)
    paths = [write_txt(tmp_path, f"v{i}.txt", text=hostile.variant(i)) for i in range(6)]
    outcomes = store_batch(memory_db, [prepare_file(p) for p in paths])
    assert [o.status for o in outcomes] == [IMPORTED] * 3 + [FAILED] + [IMPORTED] * 2
    assert "this text breaks the index" in outcomes[3].message
    assert count_documents(memory_db) == 5
    orphans = memory_db.conn.execute("SELECT count(*) FROM sections WHERE document_id NOT IN "
                                     "(SELECT id FROM documents)").fetchone()[0]
    assert orphans == 0
    assert search(memory_db, "1993年")[0] == 0 and search(memory_db, "1994年")[0] == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_a_large_import_reports_every_file_once_in_order(tmp_path, workers):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(70):  # batches of 1, 2, 4 … 64: the last one partly filled
        write_txt(folder, f"r{i:03}.txt", text=hostile.variant(i % 60))
    db = open_database(tmp_path / "many.sqlite3")
    seen: list[int] = []
    progress = Progress(lambda done, total, _path: seen.append(done))
    report = import_paths(db, [folder], progress, workers=workers)
    assert [Path(o.path).name for o in report.outcomes] == [f"r{i:03}.txt" for i in range(70)]
    assert report.count(IMPORTED) == 60 == count_documents(db) and report.count(DUPLICATE) == 10
    assert seen == list(range(71)) and not report.cancelled
    db.conn.close()
