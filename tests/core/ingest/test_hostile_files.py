"""Hostile and broken files: each class is read correctly or refused with a message; none crashes or hangs."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop.core.errors import IngestError
from desktop.core.ingest import read_report
from desktop.core.ingest.importer import DUPLICATE, FAILED, IMPORTED, import_paths
from desktop.core.segmentation.segment import segment_report
from tests import hostile
from tests.conftest import ROOT
from tests.core.builders import SAMPLE
from tests.hostile import unprivileged_kwargs


def _full_report(path) -> str:
    """The text read from ``path``, checked to hold the whole report (its last part included)."""
    source = read_report(path)
    assert hostile.TAIL_SENTENCE in source.text
    assert segment_report(source.text).missing == []
    return source.text


def _problem(path) -> str:
    with pytest.raises(IngestError) as caught:
        read_report(path)
    return str(caught.value)


def test_html_object_and_embed_do_not_swallow_the_report(tmp_path):
    text = _full_report(hostile.html_with_embed(tmp_path))
    assert "flash" not in text


@pytest.mark.parametrize("depth", [1000, 100_000])
@pytest.mark.timeout(300)  # a hang fails with a trace; no wall-clock assertion (loaded CI machines)
def test_deeply_nested_html_is_read_whole(tmp_path, depth):
    _full_report(hostile.html_deep(tmp_path, depth))


@pytest.mark.parametrize("charset", ["undefined", "utf-16", "unicode_escape", "rot13", "x-user-defined"])
def test_bogus_meta_charset_is_not_trusted(tmp_path, charset):
    text = _full_report(hostile.html_bad_charset(tmp_path, charset))
    assert "某县司法局" in text


def test_meta_charset_that_lies_about_gbk_bytes(tmp_path):
    source = read_report(hostile.html_bad_charset(tmp_path, "utf-8", encoding="gb18030"))
    assert hostile.TAIL_SENTENCE in source.text and source.encoding == "gb18030"


def test_mhtml_is_decoded_not_stored_as_mime(tmp_path):
    source = read_report(hostile.mhtml(tmp_path))
    assert source.format == "html"
    assert "Content-Type" not in source.text and "=E" not in source.text
    assert hostile.TAIL_SENTENCE in source.text


def test_docx_numbering_attributes_that_are_not_numbers(tmp_path):
    _full_report(hostile.docx_bad_numbering(tmp_path))


def test_password_protected_docx_is_named_as_such(tmp_path):
    message = _problem(hostile.docx_encrypted(tmp_path))
    assert "password-protected Word document" in message and ".doc " not in message


def test_docx_renamed_txt_is_recognised_by_content(tmp_path):
    source = read_report(hostile.docx_renamed_txt(tmp_path))
    assert source.format == "docx"


def test_plain_zip_named_txt_is_a_zip(tmp_path):
    import zipfile

    path = tmp_path / "archive.txt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", SAMPLE)
    assert "zip archive" in _problem(path)


def test_zip_bomb_is_refused_with_bounded_memory(tmp_path):
    import tracemalloc

    path = hostile.zip_bomb(tmp_path, megabytes=160)
    tracemalloc.start()
    try:
        message = _problem(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "zip bomb" in message
    assert peak < 40 * 1024 * 1024  # streamed a megabyte at a time, never expanded


def test_aes_encrypted_pdf_without_user_password_is_read(tmp_path):
    source = read_report(hostile.pdf_encrypted(tmp_path, "aes.pdf", ""))
    assert "法治政府建设" in source.text


@pytest.mark.parametrize("algorithm", ["AES-256", "AES-128", "RC4-128"])
def test_pdf_with_user_password_is_password_protected(tmp_path, algorithm):
    assert "password-protected" in _problem(hostile.pdf_encrypted(tmp_path, "locked.pdf", "secret", algorithm))


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_bom(tmp_path, encoding):
    source = read_report(hostile.unmarked_unicode(tmp_path, encoding))
    assert source.encoding == encoding and "法治政府建设" in source.text


def test_binary_with_zero_bytes_is_still_binary(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert "binary" in _problem(path)


def test_same_report_in_four_encodings_is_one_document(tmp_path, memory_db):
    paths = hostile.same_report_four_ways(tmp_path)
    report = import_paths(memory_db, paths)
    assert [o.status for o in report.outcomes] == [IMPORTED, DUPLICATE, DUPLICATE, DUPLICATE]
    assert memory_db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_odd_file_names_are_stored_and_escaped(tmp_path, memory_db):
    tabbed, gbk = hostile.odd_file_names(tmp_path)
    report = import_paths(memory_db, [tabbed, gbk])
    assert [o.status for o in report.outcomes] == [IMPORTED, IMPORTED]
    lines = [o.line() for o in report.outcomes]
    assert all("\n" not in line and line.count("\t") == 1 for line in lines)
    assert lines[0].endswith("tab\\there\\nnewline.txt")
    assert lines[1].endswith("报告.txt")
    names = {r[0] for r in memory_db.execute("SELECT name FROM documents")}
    assert names == {"tab\there\nnewline.txt", "报告.txt"}


def test_pipe_is_refused_without_blocking(tmp_path, memory_db):
    report = import_paths(memory_db, [hostile.fifo(tmp_path)])
    assert report.outcomes[0].status == FAILED and "regular file" in report.outcomes[0].message


def test_unreadable_file_fails_alone_and_every_file_gets_a_line(unprivileged_tmp):
    """Read as an unprivileged user (root reads anything): the locked file fails, the others import."""
    tmp_path = unprivileged_tmp
    folder = tmp_path / "in"
    folder.mkdir()
    hostile.unreadable(folder)
    (folder / "ok.txt").write_text(SAMPLE, encoding="utf-8")
    db = tmp_path / "db" / "c.sqlite3"
    db.parent.mkdir()
    cmd = [sys.executable, "-m", "desktop", "import", str(folder), "--db", str(db)]
    os.chmod(db.parent, 0o777)
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, **unprivileged_kwargs())
    assert "Traceback" not in out.stderr
    lines = out.stdout.strip().split("\n")
    assert lines[0].startswith("failed\t") and "locked.txt" in lines[0] and "cannot be read" in lines[0]
    assert lines[1].startswith("imported\t") and "ok.txt" in lines[1]
    assert out.returncode == 1


def test_reason_fields_named_like_outcome_arguments_do_not_collide():
    from desktop.core.ingest.importer import _outcome

    outcome = _outcome("x.txt", FAILED, "cannot be read: {reason}", "{hint} {path}",
                       params={"reason": "EIO", "hint": "h", "path": "p", "document_id": "d"})
    assert outcome.message == "cannot be read: EIO — h p" and outcome.document_id is None


def test_files_stored_before_the_database_fails_are_reported(tmp_path, monkeypatch, capsys):
    """A database that fails midway (disk full): every file stored before it has its line, then one error."""
    import desktop.core.ingest.importer as importer
    from desktop.cli import main
    from desktop.core.storage.database import DatabaseProblem

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"r{i}.txt").write_text(hostile.variant(i), encoding="utf-8")
    real = importer.store_batch
    calls = []

    def failing(db, batch):
        calls.append([prepared.path for prepared in batch])
        if len(calls) == 2:  # the first batch holds one file: the second batch fails
            raise DatabaseProblem(f"{tmp_path / 'c.sqlite3'} could not be written (database or disk is full)")
        return real(db, batch)

    monkeypatch.setattr(importer, "store_batch", failing)
    assert main(["import", str(folder), "--db", str(tmp_path / "c.sqlite3")]) == 1
    out = capsys.readouterr()
    assert out.out.startswith("imported\t") and out.out.count("\n") == 1
    assert out.err.startswith("error: ") and "disk is full" in out.err
