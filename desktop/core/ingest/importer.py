"""Import files and folders into a database: one outcome line per file, each file all or nothing.

The work is split in two so that any caller can place each half where it belongs: :func:`prepare_file`
reads and segments a file and makes its search index form (CPU work, no database; runs in worker processes for
large imports) and :func:`store_batch` writes a batch of prepared files in one transaction (wherever the
database's writer is; a file that cannot be stored fails alone). :func:`run_import` drives both for a list of
paths; :func:`import_paths` is the plain synchronous form.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from desktop.core import processes
from desktop.core.errors import IngestError, ReviewDeskError
from desktop.core.ingest import SUPPORTED_SUFFIXES, SourceDocument, display_name, read_report
from desktop.core.ingest.walk import Unreachable, walk_folder
from desktop.core.progress import Progress
from desktop.core.segmentation.segment import Segmentation, segment_report
from desktop.core.storage.database import bulk_transaction, end_bulk, immediate_transaction, storage_error
from desktop.core.storage.documents import (
    DocumentSummary,
    NewDocument,
    find_duplicate,
    get_summaries,
    insert_documents,
    text_hash,
)
from desktop.core.storage.passages import Sentence, passage_sentences, segmentation_skips
from desktop.core.storage.search import IndexedText, indexed_text

log = logging.getLogger(__name__)

IMPORTED, DUPLICATE, FAILED, SKIPPED = "imported", "duplicate", "failed", "skipped"
PARALLEL_MIN_FILES = 200
# Files stored per transaction at most, and how long a prepared file may wait for its batch to be stored: big
# transactions write the search index far faster (FTS5 writes a segment per transaction), but a GUI's other
# writes wait for the batch being stored, and its progress moves a batch at a time.
BATCH_FILES = 256
BATCH_SECONDS = 0.3


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one file."""

    path: str
    status: str
    message: str = ""
    document_id: str | None = None
    reason: str = ""  # the message's English template, {name} fields from params (translated by the GUI)
    hint: str = ""
    params: tuple[tuple[str, str], ...] = ()

    def text(self, translate: Callable[[str], str] = lambda s: s) -> str:
        """The message with its templates passed through ``translate`` (e.g. Qt's) before being filled."""
        if not self.reason:
            return self.message
        values = dict(self.params)
        text = translate(self.reason).format(**values)
        if self.hint:
            text += " — " + translate(self.hint).format(**values)
        return text

    def line(self) -> str:
        """The contract line printed by ``reviewdesk import``: ``STATUS<TAB>PATH[<TAB>MESSAGE]``.

        Fields are escaped (:func:`tsv_field`): a file name holding a tab or a newline cannot split the line.
        """
        parts = [self.status, self.path]
        if self.message:
            parts.append(self.message)
        return "\t".join(tsv_field(p) for p in parts)


def tsv_field(value: str) -> str:
    """A field of tab-separated output: backslash, tab, newline and carriage return written as ``\\\\``, ``\\t``,
    ``\\n`` and ``\\r`` (the convention of PostgreSQL's COPY and MySQL's LOAD DATA), anything unprintable in
    the output encoding as ``\\xNN``."""
    value = value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


@dataclass
class ImportReport:
    outcomes: list[ImportOutcome] = field(default_factory=list)
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def summary(self) -> str:
        text = (f"{self.count(IMPORTED)} imported, {self.count(DUPLICATE)} duplicate, "
                f"{self.count(FAILED)} failed, {self.count(SKIPPED)} skipped")
        return text + (" (cancelled)" if self.cancelled else "")


@dataclass(frozen=True)
class ImportSummary:
    """An import's outcomes with the stored report each one names, for a person to read file by file.

    ``reports`` maps the document id of an imported file (the new report) or of a duplicate (the report it
    repeats) to that report's summary (agency, year, name); ``without_agency`` lists the reports this import
    added whose agency is unknown, in import order.
    """

    report: ImportReport
    reports: dict[str, DocumentSummary]
    without_agency: list[str]

    def of(self, outcome: ImportOutcome) -> DocumentSummary | None:
        """The stored report an outcome names (None when it names none, or it is gone since)."""
        return self.reports.get(outcome.document_id) if outcome.document_id else None


def summarize_import(db: Database, report: ImportReport) -> ImportSummary:
    """Read the reports an import's outcomes name (one query per 500 reports): see :class:`ImportSummary`."""
    reports = get_summaries(db, [o.document_id for o in report.outcomes if o.document_id])
    added = [o.document_id for o in report.outcomes if o.status == IMPORTED and o.document_id]
    without = [i for i in dict.fromkeys(added) if i in reports and not reports[i].agency]
    return ImportSummary(report, reports, without)


@dataclass(frozen=True)
class PreparedFile:
    """A file read and segmented, ready to store; or the outcome that ends it (failed, skipped)."""

    path: str
    source: SourceDocument | None = None
    segmentation: Segmentation | None = None
    outcome: ImportOutcome | None = None
    indexed: IndexedText | None = None  # the text's search index form (made here, not in the writer)
    passages: list[Sentence] | None = None  # its sentences for the shared-text index (made here too)
    text_sha256: str | None = None  # its text's hash (documents.text_hash: the writer checks and stores it)


def expand_paths(paths: list[str | Path]) -> list[tuple[Path, bool | Unreachable]]:
    """Files to import, in a stable order; the flag says whether the file came from a folder walk, or why a walked
    path cannot be read (desktop.core.ingest.walk: unreadable folders, links leaving the folder)."""
    out: list[tuple[Path, bool | Unreachable]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(walk_folder(p))
        else:
            out.append((p, False))
    return out


def prepare_file(path: str | Path, from_walk: bool | Unreachable = False) -> PreparedFile:
    """Read and segment one file (no database); never raises for a bad file."""
    path = Path(path)
    shown = display_name(str(path))
    if isinstance(from_walk, Unreachable):
        return PreparedFile(shown, outcome=_outcome(shown, from_walk.status, from_walk.reason, from_walk.hint,
                                                    params=from_walk.params))
    if from_walk and path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return PreparedFile(shown, outcome=_outcome(shown, SKIPPED, "not a report file type ({suffix})",
                                                    params={"suffix": display_name(path.suffix) or "no suffix"}))
    try:
        source = read_report(path)
        seg = segment_report(source.text)
        return PreparedFile(shown, source, seg, indexed=indexed_text(source.text),
                            passages=passage_sentences(source.text, segmentation_skips(seg)),
                            text_sha256=text_hash(source.text))
    except IngestError as exc:
        return PreparedFile(shown, outcome=_outcome(shown, FAILED, exc.problem_template, exc.hint_template,
                                                    params=exc.params))
    except MemoryError:
        return PreparedFile(shown, outcome=_outcome(shown, FAILED, "ran out of memory while reading it",
                                                    "close other programs, or split the report", params={}))
    except Exception as exc:  # one bad file never stops a folder import
        return PreparedFile(shown, outcome=_outcome(shown, FAILED, "unexpected error ({error}); please report it",
                                                    params={"error": f"{type(exc).__name__}: {exc}"}))


def store_prepared(db: Database, prepared: PreparedFile) -> ImportOutcome:
    """Store a prepared file in one transaction (unless it is a duplicate); never raises for a bad file."""
    if prepared.outcome is not None:
        return prepared.outcome
    source, seg = prepared.source, prepared.segmentation
    assert source is not None and seg is not None
    try:
        # The duplicate check and the insert in one write transaction taken up front: two processes importing
        # the same report at once are serialized, and the second one sees the first one's row.
        with immediate_transaction(db):
            existing = find_duplicate(db, source.sha256, source.text, prepared.text_sha256)
            if existing:
                return _outcome(prepared.path, DUPLICATE, "same content already in the database",
                                document_id=existing, params={})
            doc_id = insert_documents(db, [_new_document(prepared)])[0]
    except sqlite3.IntegrityError:
        existing = find_duplicate(db, source.sha256, source.text, prepared.text_sha256)
        if existing:
            return _outcome(prepared.path, DUPLICATE, "same content already in the database",
                            document_id=existing, params={})
        raise
    except ReviewDeskError:
        raise
    except sqlite3.OperationalError as exc:
        # the database itself cannot be written (read-only, locked for too long, disk full): not this file's fault
        raise storage_error(db, exc) from exc
    except Exception as exc:
        return _outcome(prepared.path, FAILED, "could not be stored ({error})",
                        params={"error": f"{type(exc).__name__}: {exc}"})
    return _imported(prepared, doc_id)


def store_batch(db: Database, batch: list[PreparedFile]) -> list[ImportOutcome]:
    """Store prepared files in ONE write transaction (an import's writer calls this once per batch); an outcome
    per file, in order; never raises for a bad file.

    The batch's commit does not wait for the disk: the caller calls :func:`finish_import` after the import's last
    batch. Each file is checked for duplicates against the database and the files before it in the batch (the rows
    inserted so far are visible inside the transaction); the new documents' rows, parts and search index are
    written with one ``executemany`` per table. Should anything in the batch fail, the batch is rolled back and
    its files are stored one transaction each (:func:`store_prepared`), so only a bad file fails.
    """
    storable = [p for p in batch if p.outcome is None]
    if len(storable) <= 1:
        return [store_prepared(db, p) for p in batch]
    try:
        with bulk_transaction(db):  # durable when the import ends (finish_import)
            # a duplicate: the id of the stored document it repeats, or the index in ``new`` of the batch's file
            duplicates: dict[int, str | int] = {}
            new: list[tuple[int, PreparedFile]] = []
            seen: dict[str, int] = {}  # sha256 and text hash of the batch's new files -> their index in ``new``
            for i, prepared in enumerate(storable):
                source = prepared.source
                assert source is not None
                text_sha = prepared.text_sha256 or text_hash(source.text)
                hashes = (source.sha256, "text:" + text_sha)
                earlier = next((seen[h] for h in hashes if h in seen), None)
                existing = find_duplicate(db, source.sha256, source.text, text_sha) if earlier is None else None
                if earlier is not None or existing:
                    duplicates[i] = earlier if earlier is not None else str(existing)
                    continue
                seen.update(dict.fromkeys(hashes, len(new)))
                new.append((i, prepared))
            ids = insert_documents(db, [_new_document(p) for _i, p in new])
    except ReviewDeskError:
        raise
    except sqlite3.OperationalError as exc:
        # the database itself cannot be written (read-only, locked for too long, disk full): not a file's fault
        raise storage_error(db, exc) from exc
    except Exception:
        log.warning("a batch of %d files failed; storing them one by one", len(storable), exc_info=True)
        return [store_prepared(db, p) for p in batch]
    outcomes: dict[int, ImportOutcome] = {i: _imported(p, doc_id) for (i, p), doc_id in zip(new, ids, strict=True)}
    for i, of in duplicates.items():
        doc_id = ids[of] if isinstance(of, int) else of
        outcomes[i] = _outcome(storable[i].path, DUPLICATE, "same content already in the database",
                               document_id=doc_id, params={})
    ordered = iter(outcomes[i] for i in range(len(storable)))
    return [p.outcome if p.outcome is not None else next(ordered) for p in batch]


def _new_document(prepared: PreparedFile) -> NewDocument:
    assert prepared.source is not None and prepared.segmentation is not None
    return NewDocument(prepared.source, prepared.segmentation, prepared.indexed, prepared.passages,
                       prepared.text_sha256)


def _imported(prepared: PreparedFile, doc_id: str) -> ImportOutcome:
    seg = prepared.segmentation
    assert seg is not None
    if not seg.missing:
        return ImportOutcome(prepared.path, IMPORTED, "", doc_id)
    return _outcome(prepared.path, IMPORTED, "missing: {parts}", document_id=doc_id,
                    params={"parts": ", ".join(seg.missing)})


def _outcome(path: str, status: str, reason: str, hint: str = "", *, document_id: str | None = None,
             params: Mapping[str, object]) -> ImportOutcome:
    # params is a dict, not **kwargs: a reason's field may be called anything (reason, hint, path …)
    values = tuple((k, str(v)) for k, v in params.items())
    probe = ImportOutcome(path, status, "", document_id, reason, hint, values)
    return ImportOutcome(path, status, probe.text(), document_id, reason, hint, values)


def import_one(db: Database, path: Path) -> ImportOutcome:
    """Import a single file; never raises for a bad file."""
    return store_prepared(db, prepare_file(path))


def _prepare_args(args: tuple[str, bool | Unreachable]) -> PreparedFile:
    return prepare_file(*args)


def default_workers(file_count: int) -> int:
    """Worker processes worth starting for a batch (1 means: prepare in this thread)."""
    return processes.default_workers(file_count, PARALLEL_MIN_FILES)


def prepared_files(files: list[tuple[Path, bool | Unreachable]], workers: int, progress: Progress) -> Iterator[PreparedFile]:
    """Prepared files in input order; with ``workers > 1`` they are read and segmented in child processes."""
    args = [(str(p), w) for p, w in files]
    # one batch in the workers' hands (processes.WINDOW): two raised the peak memory past 300 MB at 20,000 reports
    yield from processes.parallel_map(_prepare_args, args, workers, lambda: progress.cancelled)


def run_import(paths: list[str | Path], store: Callable[[list[PreparedFile]], list[ImportOutcome]],
               progress: Progress | None = None, workers: int | None = None,
               batch_files: int = BATCH_FILES) -> ImportReport:
    """Import files and folders, handing the prepared files to ``store`` a batch at a time (it stores a batch in
    one transaction and returns an outcome per file: :func:`store_batch`); cancellable between batches.

    Batches grow from one file (the first outcome shows at once) up to ``batch_files``, and a batch is stored
    once it has waited :data:`BATCH_SECONDS` (slow files are not held back). Progress is reported per file as
    its batch is stored; a cancelled import reports every file it stored and stores nothing after.
    """
    progress = progress or Progress()
    files = expand_paths(paths)
    total = len(files)
    report = ImportReport()
    if workers is None:
        workers = default_workers(total)
    progress.update(0, total, str(files[0][0]) if files else "")
    if progress.cancelled:
        report.cancelled = bool(files)
        return report
    batch: list[PreparedFile] = []
    size, started = 1, 0.0
    for prepared in prepared_files(files, workers, progress):
        if progress.cancelled:
            break
        if not batch:
            started = time.monotonic()
        batch.append(prepared)
        if len(batch) >= size or time.monotonic() - started >= BATCH_SECONDS:
            _store_batch(store, batch, report, progress, total)
            batch, size = [], min(size * 2, batch_files)
            if progress.cancelled:
                break
    if batch and not progress.cancelled:
        _store_batch(store, batch, report, progress, total)
    if len(report.outcomes) < total:
        report.cancelled = True
    _log_report(report)
    return report


def _store_batch(store: Callable[[list[PreparedFile]], list[ImportOutcome]], batch: list[PreparedFile],
                 report: ImportReport, progress: Progress, total: int) -> None:
    outcomes = store(batch)
    assert len(outcomes) == len(batch), "a store must give one outcome per file"
    for prepared, outcome in zip(batch, outcomes, strict=True):
        report.outcomes.append(outcome)
        progress.update(len(report.outcomes), total, prepared.path)


def _log_report(report: ImportReport) -> None:
    """The log file's record of an import: each failure with its reason, then the summary."""
    for outcome in report.outcomes:
        if outcome.status == FAILED:
            log.warning("import failed: %s: %s", outcome.path, outcome.message)
    log.info("import of %d file(s): %s", len(report.outcomes), report.summary())


def finish_import(db: Database) -> None:
    """After an import's last :func:`store_batch` (cancelled or failed ones too): what it stored is on disk, in
    the database file (its batches were committed without waiting for the disk)."""
    end_bulk(db)


def import_paths(db: Database, paths: list[str | Path], progress: Progress | None = None,
                 workers: int | None = None) -> ImportReport:
    """Import files and folders into ``db`` from this thread (parallel preparation for large batches)."""
    try:
        return run_import(paths, lambda batch: store_batch(db, batch), progress, workers)
    finally:
        finish_import(db)
