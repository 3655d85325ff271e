"""Store and load documents with what segmentation found in them.

A document is written in one transaction (row, sections, outline, clutter, search index): all or nothing.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from desktop.core.clock import now_iso
from desktop.core.collation import pinyin_sort_key
from desktop.core.corrections.store import after_segmentation, insert_sections, write_sections
from desktop.core.segmentation.cleaning import Clutter
from desktop.core.segmentation.outline import Heading
from desktop.core.segmentation.segment import Section, Segmentation
from desktop.core.storage.database import column, one, scalar
from desktop.core.storage.passages import (
    Sentence,
    passage_sentences,
    passages_follow_skips,
    remove_passages,
    segmentation_skips,
    store_passages,
)
from desktop.core.storage.search import IndexedText, index_document, index_documents, remove_from_index

if TYPE_CHECKING:  # the readers (docx, pdf, html, charset detection) are not needed to read the database
    from desktop.core.ingest import SourceDocument

# Bump whenever segmentation output changes (tests/core/segmentation/test_golden.py fails until you do);
# documents segmented by an older version are re-segmented when a database is opened (storage/resegment.py).
SEGMENTER_VERSION = 6


@dataclass(frozen=True)
class DocumentSummary:
    """One row of the corpus table."""

    id: str
    seq: int
    name: str
    title: str | None
    agency: str | None
    year: int | None
    doc_number: str | None
    doc_date: str | None
    published_at: str | None
    on_time: bool | None
    missing: tuple[str, ...]
    format: str
    encoding: str

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "title": self.title, "agency": self.agency, "year": self.year,
                "doc_number": self.doc_number, "doc_date": self.doc_date, "published_at": self.published_at,
                "on_time": self.on_time, "missing": list(self.missing), "format": self.format,
                "encoding": self.encoding}


@dataclass(frozen=True)
class DocumentRecord:
    """A stored document with its frozen text, parts, outline, clutter and metadata sources."""

    summary: DocumentSummary
    text: str
    sections: list[Section]
    outline: list[Heading]
    clutter: list[Clutter]
    metadata_sources: dict
    source: str | None
    sha256: str
    source_path: str | None
    metadata_confidence: dict = field(default_factory=dict)
    doc_type: str = "annual_report"
    truncated: bool = False
    # why each low-confidence field is low; for each missing kind the passage to look at ({start, end, reason})
    metadata_reasons: dict = field(default_factory=dict)
    missing_candidates: dict = field(default_factory=dict)
    # missing kinds whose absence a reviewer confirmed: kind -> the reviewer's name
    missing_confirmed: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.summary.id


_SUMMARY_COLUMNS = ("id, seq, name, title, agency, year, doc_number, doc_date, published_at, on_time, missing, "
                    "format, encoding")


def _summary(row: dict[str, Any]) -> DocumentSummary:
    """A summary from a row of :data:`_SUMMARY_COLUMNS` read by name (``db.query``)."""
    on_time = row["on_time"]
    return DocumentSummary(row["id"], row["seq"], row["name"], row["title"], row["agency"], row["year"],
                           row["doc_number"], row["doc_date"], row["published_at"],
                           None if on_time is None else bool(on_time), tuple(json.loads(row["missing"])),
                           row["format"], row["encoding"])


def find_by_sha256(db: Database, sha256: str) -> str | None:
    row = one(db, "SELECT id FROM documents WHERE sha256 = ?", [sha256])
    return row["id"] if row else None


def text_hash(text: str) -> str:
    """SHA-256 of a frozen (normalized) text: the same report saved as UTF-8, UTF-8 with BOM, with CRLF line
    ends or as GBK has one text hash although its bytes differ."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def find_duplicate(db: Database, sha256: str, text: str, text_sha256: str | None = None) -> str | None:
    """The current document with the same bytes or the same normalized text, if any (``text_sha256``: the
    text's :func:`text_hash` when it was computed beforehand)."""
    found = find_by_sha256(db, sha256)
    if found:
        return found
    row = one(db, "SELECT id FROM documents WHERE text_sha256 = ? AND replaced_by IS NULL LIMIT 1",
              [text_sha256 or text_hash(text)])
    return row["id"] if row else None


def _metadata_row(seg: Segmentation) -> list:
    """title … segmenter_version, agency_key, in the column order used by insert and replace (the agency's pinyin
    sort key is written with the agency, in the same statement: the corpus sorts by it)."""
    meta = seg.metadata.values()
    return [meta["title"], meta["agency"], meta["year"], meta["doc_number"], meta["doc_date"], meta["published_at"],
            meta["source"], None if meta["on_time"] is None else int(meta["on_time"]), json.dumps(seg.missing),
            json.dumps(seg.metadata.sources(), ensure_ascii=False), SEGMENTER_VERSION, pinyin_sort_key(meta["agency"])]


def _segmentation_row(seg: Segmentation) -> list:
    """metadata_confidence, doc_type, truncated, metadata_reasons, missing_candidates of a segmentation."""
    return [json.dumps(seg.metadata_confidence), seg.doc_type, int(seg.truncated),
            json.dumps(seg.metadata_reasons, ensure_ascii=False),
            json.dumps({k: c.to_json() for k, c in seg.missing_candidates.items()}, ensure_ascii=False)]


def _outline_rows(doc_id: str, seg: Segmentation) -> list[tuple]:
    return [(doc_id, i, h.style, h.level, h.text, h.start, h.heading_end, h.end) for i, h in enumerate(seg.outline)]


def _clutter_rows(doc_id: str, seg: Segmentation) -> list[tuple]:
    return [(doc_id, c.kind, c.start, c.end, c.text) for c in seg.clutter]


# The columns of _metadata_row and _segmentation_row, set for one document (every writer uses these two)
_SET_METADATA = ("UPDATE documents SET title = ?, agency = ?, year = ?, doc_number = ?, doc_date = ?, published_at = ?, "
                 "source = ?, on_time = ?, missing = ?, metadata_sources = ?, segmenter_version = ?, agency_key = ? "
                 "WHERE id = ?")
_SET_SEGMENTATION = ("UPDATE documents SET metadata_confidence = ?, doc_type = ?, truncated = ?, metadata_reasons = ?, "
                     "missing_candidates = ? WHERE id = ?")
_INSERT_OUTLINE = ('INSERT INTO outline (document_id, ordinal, style, level, heading, start, heading_end, "end") '
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
_INSERT_CLUTTER = 'INSERT INTO clutter (document_id, kind, start, "end", text) VALUES (?, ?, ?, ?, ?)'


def write_segmentation(db: Database, doc_id: str, seg: Segmentation) -> None:
    """Replace a document's sections, outline and clutter rows by what ``seg`` found (inside the caller's
    transaction), then apply the document's corrections again (the columns and rows hold effective values)."""
    for table in ("outline", "clutter"):
        db.execute(f"DELETE FROM {table} WHERE document_id = ?", [doc_id])
    write_sections(db, doc_id, seg.sections)
    db.execute(_SET_SEGMENTATION, [*_segmentation_row(seg), doc_id])
    db.conn.executemany(_INSERT_OUTLINE, _outline_rows(doc_id, seg))
    db.conn.executemany(_INSERT_CLUTTER, _clutter_rows(doc_id, seg))
    after_segmentation(db, doc_id, seg)


def store_segmentation(db: Database, doc_id: str, seg: Segmentation) -> None:
    """Store a new automatic segmentation of a document's unchanged text (a re-segmentation by a newer segmenter):
    metadata columns, sections, outline and clutter, with the reviewer's corrections applied again on top.

    Runs inside the caller's transaction. Write segmentation results only through this function or
    :func:`write_segmentation` after the metadata columns, so that corrections are never overwritten.
    """
    with passages_follow_skips(db, [doc_id]):  # the shared-text index skips clutter and part headings
        _store_segmentation(db, doc_id, seg)


def _store_segmentation(db: Database, doc_id: str, seg: Segmentation) -> None:
    db.execute(_SET_METADATA, [*_metadata_row(seg), doc_id])
    write_segmentation(db, doc_id, seg)


def store_segmentations(db: Database, documents: list[tuple[str, Segmentation]]) -> None:
    """:func:`store_segmentation` for a batch of documents, inside the caller's transaction: each table written
    with one ``executemany``. A document with live corrections goes through :func:`store_segmentation` (its
    corrections are applied again on top); the others get the new values as their effective values. The
    shared-text index follows the reports whose clutter or part headings changed."""
    with passages_follow_skips(db, [doc_id for doc_id, _seg in documents]):
        _store_segmentations(db, documents)


def _store_segmentations(db: Database, documents: list[tuple[str, Segmentation]]) -> None:
    live: set[str] = set()
    ids = [doc_id for doc_id, _seg in documents]
    for lo in range(0, len(ids), 500):
        chunk = ids[lo:lo + 500]
        live.update(column(db, "SELECT DISTINCT document_id FROM corrections WHERE deleted_at IS NULL AND "
                               f"document_id IN ({', '.join('?' * len(chunk))})", chunk))
    plain = [(doc_id, seg) for doc_id, seg in documents if doc_id not in live]
    db.conn.executemany(_SET_METADATA, [[*_metadata_row(seg), doc_id] for doc_id, seg in plain])
    db.conn.executemany(_SET_SEGMENTATION.replace(" WHERE", ", auto_segmentation = NULL WHERE"),
                        [[*_segmentation_row(seg), doc_id] for doc_id, seg in plain])
    for table in ("sections", "outline", "clutter"):
        db.conn.executemany(f"DELETE FROM {table} WHERE document_id = ?", [(doc_id,) for doc_id, _seg in plain])
    insert_sections(db, [(doc_id, seg.sections) for doc_id, seg in plain])
    db.conn.executemany(_INSERT_OUTLINE, [row for doc_id, seg in plain for row in _outline_rows(doc_id, seg)])
    db.conn.executemany(_INSERT_CLUTTER, [row for doc_id, seg in plain for row in _clutter_rows(doc_id, seg)])
    for doc_id, seg in documents:
        if doc_id in live:
            _store_segmentation(db, doc_id, seg)


def insert_document(db: Database, source: SourceDocument, seg: Segmentation,
                    indexed: IndexedText | None = None, passages: Sequence[Sentence] | None = None) -> str:
    """Insert a segmented document in one transaction and return its new UUID (``indexed``: the text's search
    index form, ``passages`` its sentences for the shared-text index, when they were made beforehand)."""
    with db.atomic():
        return insert_documents(db, [NewDocument(source, seg, indexed, passages)])[0]


@dataclass(frozen=True)
class NewDocument:
    """A document to insert: its source, what segmentation found, and the search index form of its text and its
    sentences for the shared-text index and its text's :func:`text_hash` when they were made beforehand (in an
    import's worker process: ``passage_sentences(text, segmentation_skips(seg))``)."""

    source: SourceDocument
    segmentation: Segmentation
    indexed: IndexedText | None = None
    passages: Sequence[Sentence] | None = None
    text_sha256: str | None = None


_INSERT_DOCUMENT = """INSERT INTO documents (id, sha256, name, source_path, size, format, encoding, text, title, agency,
    year, doc_number, doc_date, published_at, source, on_time, missing, metadata_sources, segmenter_version,
    agency_key, imported_at, text_sha256, metadata_confidence, doc_type, truncated, metadata_reasons,
    missing_candidates) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""


def insert_documents(db: Database, documents: list[NewDocument]) -> list[str]:
    """Insert new documents inside the caller's transaction and return their new UUIDs, in order.

    The batch form of :func:`insert_document` (an import stores many files per transaction): the rows of every
    table are written with one ``executemany`` each, and no savepoint is taken between the search index writes
    (FTS5 writes its pending terms to disk at every savepoint). A new document has no corrections, so what
    segmentation found is stored as its effective values (``auto_segmentation`` stays NULL).
    """
    ids: list[str] = []
    indexed: list[tuple[int, str, IndexedText | None]] = []
    passages: list[tuple[int, str, Sequence[Sentence]]] = []
    sections: list[tuple[str, list[Section]]] = []
    outline: list[tuple] = []
    clutter: list[tuple] = []
    imported_at = now_iso()
    for doc in documents:
        source, seg = doc.source, doc.segmentation
        doc_id = str(uuid.uuid4())
        sha = doc.text_sha256 or text_hash(source.text)
        cursor = db.conn.execute(_INSERT_DOCUMENT, [
            doc_id, source.sha256, source.name, source.path, source.size, source.format, source.encoding,
            source.text, *_metadata_row(seg), imported_at, sha, *_segmentation_row(seg)])
        assert cursor.lastrowid is not None  # an INSERT always sets it
        ids.append(doc_id)
        found = doc.passages if doc.passages is not None else \
            passage_sentences(source.text, segmentation_skips(seg))
        passages.append((cursor.lastrowid, sha, found))
        indexed.append((cursor.lastrowid, source.text, doc.indexed))
        sections.append((doc_id, seg.sections))
        outline += _outline_rows(doc_id, seg)
        clutter += _clutter_rows(doc_id, seg)
    insert_sections(db, sections)
    db.conn.executemany(_INSERT_OUTLINE, outline)
    db.conn.executemany(_INSERT_CLUTTER, clutter)
    index_documents(db, indexed)
    store_passages(db, passages)
    return ids


def replace_document_text(db: Database, doc_id: str, source: SourceDocument, seg: Segmentation) -> None:
    """Give a document a changed text in place (same id), keeping the old text in document_versions.

    Runs inside the caller's transaction (the caller re-anchors annotations in the same one).
    """
    kept = ("sha256", "name", "source_path", "size", "format", "encoding", "text", "segmenter_version", "imported_at")
    old = one(db, f"SELECT seq, {', '.join(kept)} FROM documents WHERE id = ?", [doc_id])
    if old is None:
        raise ValueError(f"no document with id {doc_id}")
    db.execute("INSERT INTO document_versions (document_id, sha256, name, source_path, size, format, encoding, "
               "text, segmenter_version, imported_at, replaced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [doc_id, *(old[c] for c in kept), now_iso()])
    remove_from_index(db, old["seq"], old["text"])
    db.execute(
        "UPDATE documents SET sha256 = ?, name = ?, source_path = ?, size = ?, format = ?, encoding = ?, "
        "text = ?, title = ?, agency = ?, year = ?, doc_number = ?, doc_date = ?, published_at = ?, source = ?, "
        "on_time = ?, missing = ?, metadata_sources = ?, segmenter_version = ?, agency_key = ?, imported_at = ?, "
        "text_sha256 = ? "
        "WHERE id = ?",
        [source.sha256, source.name, source.path, source.size, source.format, source.encoding, source.text,
         *_metadata_row(seg), now_iso(), text_hash(source.text), doc_id])
    write_segmentation(db, doc_id, seg)
    index_document(db, old["seq"], source.text)
    store_passages(db, [(old["seq"], text_hash(source.text), passage_sentences(source.text, segmentation_skips(seg)))])


def delete_document(db: Database, doc_id: str) -> None:
    """Delete a document and everything attached to it, in one transaction."""
    with db.atomic():
        row = one(db, "SELECT seq, text FROM documents WHERE id = ?", [doc_id])
        if row is None:
            return
        remove_from_index(db, row["seq"], row["text"])
        remove_passages(db, [row["seq"]])
        db.execute("DELETE FROM documents WHERE id = ?", [doc_id])


def count_documents(db: Database) -> int:
    return int(scalar(db, "SELECT count(*) FROM documents WHERE replaced_by IS NULL"))


def list_documents(db: Database, *, offset: int = 0, limit: int | None = None) -> list[DocumentSummary]:
    """Current documents (not replaced by a re-import), ordered by agency (in pinyin order), year and name."""
    sql = (f"SELECT {_SUMMARY_COLUMNS} FROM documents WHERE replaced_by IS NULL "
           "ORDER BY agency_key IS NULL, agency_key, year, name, seq")
    params: list = []
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [limit, offset]
    return [_summary(row) for row in db.query(sql, params)]


def get_summary(db: Database, doc_id: str) -> DocumentSummary | None:
    row = one(db, f"SELECT {_SUMMARY_COLUMNS} FROM documents WHERE id = ?", [doc_id])
    return _summary(row) if row else None


def get_summaries(db: Database, doc_ids: Sequence[str]) -> dict[str, DocumentSummary]:
    """The summaries of the documents with these ids that exist (one query per 500 ids), by id."""
    ids = list(dict.fromkeys(doc_ids))
    out: dict[str, DocumentSummary] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ", ".join("?" * len(chunk))
        for row in db.query(f"SELECT {_SUMMARY_COLUMNS} FROM documents WHERE id IN ({marks})", chunk):
            out[row["id"]] = _summary(row)
    return out


def get_document(db: Database, doc_id: str) -> DocumentRecord | None:
    """The full stored document, or None when no document has that id."""
    row = one(
        db,
        f"SELECT {_SUMMARY_COLUMNS}, text, metadata_sources, source, sha256, source_path, metadata_confidence, "
        "doc_type, truncated, metadata_reasons, missing_candidates FROM documents WHERE id = ?",
        [doc_id],
    )
    if row is None:
        return None
    summary = _summary(row)
    sections = [
        Section(r["kind"], r["heading"], r["level"], r["placement"], r["start"], r["end"], r["confidence"],
                r["reason"])
        for r in db.query(
            'SELECT kind, heading, level, placement, start, "end", confidence, reason FROM sections '
            "WHERE document_id = ? ORDER BY ordinal",
            [doc_id],
        )
    ]
    outline = [
        Heading(r["style"], 0, r["start"], r["heading_end"], level=r["level"], end=r["end"], run_in=False,
                text=r["heading"])
        for r in db.query(
            'SELECT style, level, heading, start, heading_end, "end" FROM outline WHERE document_id = ? ORDER BY ordinal',
            [doc_id],
        )
    ]
    clutter = [
        Clutter(r["kind"], r["start"], r["end"], r["text"])
        for r in db.query('SELECT kind, start, "end", text FROM clutter WHERE document_id = ? ORDER BY start', [doc_id])
    ]
    confirmed = {r["target"].removeprefix("missing:"): r["name"] for r in db.query(
        "SELECT c.target, coalesce(r.name, '') AS name FROM corrections c LEFT JOIN reviewers r "
        "ON r.id = c.reviewer_id WHERE c.document_id = ? AND c.kind = 'confirm' AND c.target LIKE 'missing:%' "
        "AND c.deleted_at IS NULL ORDER BY c.updated_at", [doc_id])
        if r["target"].removeprefix("missing:") in summary.missing}
    return DocumentRecord(summary, row["text"], sections, outline, clutter, json.loads(row["metadata_sources"]),
                          row["source"], row["sha256"], row["source_path"], json.loads(row["metadata_confidence"]),
                          row["doc_type"], bool(row["truncated"]), json.loads(row["metadata_reasons"]),
                          json.loads(row["missing_candidates"]), confirmed)


def report_years(db: Database) -> list[int]:
    """The report years of the current documents, newest first (years not recognised left out)."""
    return [r["year"] for r in db.query("SELECT DISTINCT year FROM documents WHERE replaced_by IS NULL "
                                        "AND year IS NOT NULL ORDER BY year DESC")]
