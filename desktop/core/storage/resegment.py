"""Keep stored segmentation current: re-segment documents segmented by an older segmenter version.

Segmentation improves between versions (``SEGMENTER_VERSION`` in documents.py); documents imported earlier keep
the parts and metadata the old version found until they are re-segmented from their frozen stored text. The
text never changes, so annotations (anchored to it) are untouched; the reviewer's corrections are applied again
on top of the new automatic values (documents.store_segmentation).

It runs as an import does (:func:`resegment_with`): the texts are read a batch at a time, segmented in worker
processes for large runs, and stored a batch per transaction; a text that changed since it was read (a
re-import) is left alone. A cancelled run keeps the batches stored and leaves the rest for the next time the
database is opened.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from desktop.core import processes
from desktop.core.progress import Progress
from desktop.core.segmentation.segment import Segmentation, segment_report
from desktop.core.storage.database import column, immediate_transaction, open_database, scalar
from desktop.core.storage.documents import SEGMENTER_VERSION, store_segmentations

BATCH_DOCUMENTS = 256
BATCH_SECONDS = 0.3
PARALLEL_MIN_DOCUMENTS = 200


def outdated_documents(db: Database, *, every: bool = False) -> list[str]:
    """Ids of the documents segmented by an older segmenter version (``every``: all documents), in import order
    (read from the index of migration 0015_documents_segmenter_version, not from the rows holding the texts)."""
    # INDEXED BY: on its own the planner scans the table to return seq order without a sort, which reads every row
    return column(db, "SELECT id FROM documents INDEXED BY documents_segmenter_version WHERE segmenter_version < ? "
                  "ORDER BY seq",
                  [10**9 if every else SEGMENTER_VERSION])


def count_outdated(db: Database) -> int:
    """How many documents were segmented by an older segmenter version (one index lookup)."""
    return int(scalar(db, "SELECT count(*) FROM documents WHERE segmenter_version < ?", [SEGMENTER_VERSION]))


@dataclass(frozen=True)
class StoredText:
    """A document's id, the hash of its text when it was read, and the text."""

    id: str
    text_hash: str
    text: str


@dataclass(frozen=True)
class Resegmented:
    """What a newer segmenter found in a stored text (``text_hash``: of the text it was made from)."""

    id: str
    text_hash: str
    segmentation: Segmentation


def stored_texts(db: Database, ids: list[str]) -> list[StoredText]:
    """The texts of these documents (those that still exist), in the order of ``ids``."""
    if not ids:
        return []
    rows = db.query("SELECT id, coalesce(text_sha256, sha256) AS hash, text FROM documents "
                    f"WHERE id IN ({', '.join('?' * len(ids))})", ids)
    found = {row["id"]: StoredText(row["id"], row["hash"], row["text"]) for row in rows}
    return [found[i] for i in ids if i in found]


def store_resegmented(db: Database, batch: list[Resegmented]) -> int:
    """Store a batch of new segmentations in one write transaction; a document deleted or given another text
    since its text was read is left alone. Returns how many were stored."""
    if not batch:
        return 0
    with immediate_transaction(db):
        ids = [item.id for item in batch]
        current = {row["id"]: row["hash"] for row in db.query(
            f"SELECT id, coalesce(text_sha256, sha256) AS hash FROM documents WHERE id IN ({', '.join('?' * len(ids))})",
            ids)}
        fresh = [(item.id, item.segmentation) for item in batch if current.get(item.id) == item.text_hash]
        store_segmentations(db, fresh)
    return len(fresh)


def segment_stored(item: StoredText) -> Resegmented:
    """Segment a stored text (runs in a worker process)."""
    return Resegmented(item.id, item.text_hash, segment_report(item.text))


def resegment_with(read: Callable[[list[str]], list[StoredText]], write: Callable[[list[Resegmented]], int],
                   ids: list[str], progress: Progress | None = None, workers: int | None = None) -> int:
    """Re-segment the documents ``ids``: ``read`` gives their texts a batch at a time, they are segmented (in
    ``workers`` processes; default: by how many there are), ``write`` stores a batch in one transaction and says
    how many it stored. Progress is reported per batch as (done, total, id of its last document); a cancel
    raises :class:`~desktop.core.errors.Cancelled` after the batch being stored. Returns how many were stored."""
    progress = progress or Progress()
    if workers is None:
        workers = processes.default_workers(len(ids), PARALLEL_MIN_DOCUMENTS)

    def texts() -> Iterator[StoredText]:
        for lo in range(0, len(ids), BATCH_DOCUMENTS):
            if progress.cancelled:
                return
            yield from read(ids[lo:lo + BATCH_DOCUMENTS])

    stored = done = 0
    batch: list[Resegmented] = []
    size, started = 1, 0.0
    # two batches in the workers' hands: they segment the next batch while this process stores one
    with closing(processes.parallel_map(segment_stored, texts(), workers, lambda: progress.cancelled,
                                        window=2 * BATCH_DOCUMENTS)) as results:
        for item in results:
            if not batch:
                started = time.monotonic()
            batch.append(item)
            if len(batch) >= size or time.monotonic() - started >= BATCH_SECONDS:
                stored += write(batch)
                done += len(batch)
                progress.update(done, len(ids), batch[-1].id)
                batch, size = [], min(size * 2, BATCH_DOCUMENTS)
            progress.check()  # the workers are shut down on the way out (closing)
    if batch:
        stored += write(batch)
        progress.update(done + len(batch), len(ids), batch[-1].id)
    progress.check()
    return stored


def resegment_outdated(db: Database, progress: Progress | None = None, *, every: bool = False,
                       workers: int | None = None) -> int:
    """Re-segment every outdated document (``every``: all documents) in this thread's connection, the
    segmentation in worker processes for large runs; return how many were re-segmented."""
    return resegment_with(lambda ids: stored_texts(db, ids), lambda batch: store_resegmented(db, batch),
                          outdated_documents(db, every=every), progress, workers)


def resegment_file(path: str, *, progress: Progress, workers: int | None = None) -> int:
    """:func:`resegment_outdated` on the database at ``path`` through a connection of its own (the body of
    :func:`resegment_in_child`)."""
    db = open_database(path)
    try:
        return resegment_outdated(db, progress, workers=workers)
    finally:
        db.conn.close()


# How much lower the background re-segmentation's CPU priority is than the GUI's (POSIX niceness): on a machine
# with every core busy, the GUI thread gets the CPU first and the re-segmentation takes what is left.
BACKGROUND_NICE = 10


def resegment_in_child(path: str | Path, *, progress: Progress, workers: int | None = None,
                       nice: int = BACKGROUND_NICE) -> int:
    """Re-segment the outdated documents of the database at ``path`` in a child process with its own connection
    (its worker processes, if any, are its children), at a lower CPU priority (``nice``): nothing of the work runs
    in this process, so a GUI's threads never wait for it. Progress, cancel and errors as
    :func:`resegment_outdated`; its batches commit like any other connection's writes (another writer waits at
    most one batch)."""
    return processes.run_in_process(_resegment_file, (str(path), workers), progress, nice=nice)


def _resegment_file(path: str, workers: int | None, *, progress: Progress) -> int:
    return resegment_file(path, progress=progress, workers=workers)
