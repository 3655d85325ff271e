"""Folder import: one line per file, bad files never stop it, each file all-or-nothing."""

from __future__ import annotations

import pytest

from desktop.core.ingest.importer import DUPLICATE, FAILED, IMPORTED, SKIPPED, import_paths
from desktop.core.progress import Progress
from desktop.core.storage.documents import count_documents, get_document, list_documents
from tests.core.builders import SAMPLE, write_docx, write_pdf, write_txt


def _table_counts(db) -> dict[str, int]:
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "sections", "outline", "clutter")}


def test_folder_with_good_bad_and_other_files(tmp_path, memory_db):
    write_txt(tmp_path, "a.txt")
    write_txt(tmp_path, "same-as-a.txt")
    write_docx(tmp_path, "b.docx", text="某局关于2023年度法治政府建设情况的报告\n一、主要工作情况\n办理案件5件。\n")
    write_pdf(tmp_path, "c.pdf", text=SAMPLE.replace("2024年", "2023年"))  # the same text would be a duplicate
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04garbage")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    sub = tmp_path / "sub"
    sub.mkdir()
    write_txt(sub, "gbk.txt", text="一、主要举措和成效\n做了工作。\n二、存在的不足\n不足。\n", encoding="gbk")
    report = import_paths(memory_db, [tmp_path])
    by_name = {o.path.rsplit("/", 1)[-1]: o for o in report.outcomes}
    assert len(report.outcomes) == 8
    assert by_name["a.txt"].status == IMPORTED
    assert by_name["same-as-a.txt"].status == DUPLICATE
    assert by_name["b.docx"].status == IMPORTED
    assert by_name["c.pdf"].status == IMPORTED
    assert by_name["gbk.txt"].status == IMPORTED
    assert by_name["empty.txt"].status == FAILED and "empty" in by_name["empty.txt"].message
    assert by_name["broken.docx"].status == FAILED and "docx" in by_name["broken.docx"].message
    assert by_name["photo.jpg"].status == SKIPPED
    assert count_documents(memory_db) == 4
    line = by_name["empty.txt"].line()
    assert line.startswith("failed\t") and line.count("\t") == 2


def test_failure_inside_the_transaction_leaves_nothing(tmp_path, memory_db, monkeypatch):
    write_txt(tmp_path, "a.txt")
    import desktop.core.storage.documents as documents

    def broken_index(db, documents):
        raise RuntimeError("disk full")

    monkeypatch.setattr(documents, "index_documents", broken_index)
    report = import_paths(memory_db, [tmp_path / "a.txt"])
    assert report.outcomes[0].status == FAILED and "disk full" in report.outcomes[0].message
    assert _table_counts(memory_db) == {"documents": 0, "sections": 0, "outline": 0, "clutter": 0}


def test_cancel_stops_between_batches_and_reports_what_was_stored(tmp_path, memory_db):
    for i in range(12):
        write_txt(tmp_path, f"r{i:02}.txt", text=f"一、主要工作情况\n第{i}份报告。\n")
    progress = Progress()
    seen = []

    def callback(done, total, message):
        seen.append(done)
        if done == 2:
            progress.cancel()

    progress._callback = callback
    report = import_paths(memory_db, [tmp_path], progress)
    assert report.cancelled
    # batches grow 1, 2, 4 …: the cancel comes while the batch of files 2-3 is reported; nothing after it is stored
    assert report.count(IMPORTED) == 3 == count_documents(memory_db)
    assert [o.path.rsplit("/", 1)[-1] for o in report.outcomes] == ["r00.txt", "r01.txt", "r02.txt"]
    assert "cancelled" in report.summary()


def test_stored_document_round_trip(memory_db, seeds_dir):
    import_paths(memory_db, [seeds_dir / "001_a35be3758fcb709b.txt"])
    summary = list_documents(memory_db)[0]
    record = get_document(memory_db, summary.id)
    assert record.summary.agency == "梨树县政务服务和数字化建设管理局"
    assert record.summary.on_time is True
    assert [s.kind for s in record.sections] == ["preamble", "achievements", "shortcomings", "leader_duty", "next_plan"]
    assert {c.kind for c in record.clutter} == {"portal", "source_line", "repeated_title", "tools"}
    assert record.metadata_sources["published_at"].startswith("clutter")
    for s in record.sections:
        assert record.text[s.start:s.start + len(s.heading)] == s.heading
    assert record.outline and all(record.text[h.start:h.heading_end] == h.text for h in record.outline)


@pytest.mark.parametrize("query,expected_docs", [("法", 5), ("法治", 5), ("第一责任人", 4), ("纠错", 1),
                                                 ("存在的不足", 2), ("吉政数文", 1), ("ｇｏｖｅｒｎｏｒ", 1)])
def test_search_finds_short_and_long_queries(memory_db, seeds_dir, query, expected_docs):
    from desktop.core.storage.search import search

    import_paths(memory_db, [seeds_dir])
    total, results = search(memory_db, query)
    assert total == expected_docs == len(results)
    for r in results:
        record = get_document(memory_db, r.document_id)
        for h in r.hits:
            found = record.text[h.start:h.end]
            assert found.replace(" ", "").lower() == query.lower() or query.startswith("ｇ")


def test_search_across_line_breaks_and_width(memory_db, tmp_path):
    from desktop.core.storage.search import search

    write_txt(tmp_path, "w.txt", text="一、主要工作\n推进“放管服”改革，（一）类事项办理\n完毕。\n")
    import_paths(memory_db, [tmp_path])
    assert search(memory_db, "办理完毕")[0] == 1
    assert search(memory_db, "(一)类")[0] == 1
    assert search(memory_db, "不存在的词")[0] == 0
    assert search(memory_db, "   ")[0] == 0


def test_delete_document_cleans_index(memory_db, seeds_dir):
    from desktop.core.storage.documents import delete_document
    from desktop.core.storage.search import search

    import_paths(memory_db, [seeds_dir / "001_a35be3758fcb709b.txt"])
    doc = list_documents(memory_db)[0]
    delete_document(memory_db, doc.id)
    assert search(memory_db, "梨树")[0] == 0
    assert _table_counts(memory_db)["sections"] == 0


def test_parallel_preparation_gives_the_same_outcomes(tmp_path, seeds_dir):
    from desktop.core.storage import open_database

    folder = tmp_path / "in"
    folder.mkdir()
    for path in seeds_dir.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "copy.txt").write_bytes((seeds_dir / "000_0a101bd46eacac2a.txt").read_bytes())
    serial_db = open_database(tmp_path / "serial.sqlite3")
    parallel_db = open_database(tmp_path / "parallel.sqlite3")
    serial = import_paths(serial_db, [folder], workers=1)
    parallel = import_paths(parallel_db, [folder], workers=2)
    assert [(o.path, o.status, o.message) for o in serial.outcomes] == \
           [(o.path, o.status, o.message) for o in parallel.outcomes]
    assert count_documents(parallel_db) == 5
    serial_db.conn.close()
    parallel_db.conn.close()
