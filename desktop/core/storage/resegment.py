"""Keep stored segmentation current: re-segment documents segmented by an older segmenter version.

Segmentation improves between versions (``SEGMENTER_VERSION`` in documents.py); documents imported earlier keep
the parts and metadata the old version found until they are re-segmented from their frozen stored text. The
text never changes, so annotations (anchored to it) are untouched; the reviewer's corrections are applied again
on top of the new automatic values (documents.store_segmentation). Each
document is its own transaction: a cancelled run leaves the rest for the next time the database is opened.
"""

from __future__ import annotations

from sqlite_utils import Database

from desktop.core.progress import Progress
from desktop.core.segmentation.segment import segment_report
from desktop.core.storage.database import column, one, scalar
from desktop.core.storage.documents import SEGMENTER_VERSION, store_segmentation


def outdated_documents(db: Database, *, every: bool = False) -> list[str]:
    """Ids of the documents segmented by an older segmenter version (``every``: all documents), in import order
    (read from the index of migration 0015_documents_segmenter_version, not from the rows holding the texts)."""
    return column(db, "SELECT id FROM documents WHERE segmenter_version < ? ORDER BY seq",
                  [10**9 if every else SEGMENTER_VERSION])


def count_outdated(db: Database) -> int:
    """How many documents were segmented by an older segmenter version (one index lookup)."""
    return int(scalar(db, "SELECT count(*) FROM documents WHERE segmenter_version < ?", [SEGMENTER_VERSION]))


def resegment_document(db: Database, doc_id: str) -> bool:
    """Re-segment one document from its stored text in one transaction; False when it no longer exists."""
    row = one(db, "SELECT text FROM documents WHERE id = ?", [doc_id])
    if row is None:
        return False
    seg = segment_report(row["text"])
    with db.atomic():
        store_segmentation(db, doc_id, seg)
    return True


def resegment_outdated(db: Database, progress: Progress | None = None, *, every: bool = False) -> int:
    """Re-segment every outdated document (``every``: all documents); return how many were re-segmented.

    ``progress`` reports (done, total, document id) and is checked for cancellation between documents.
    """
    progress = progress or Progress()
    ids = outdated_documents(db, every=every)
    done = 0
    for i, doc_id in enumerate(ids):
        progress.check()
        if resegment_document(db, doc_id):
            done += 1
        progress.update(i + 1, len(ids), doc_id)
    return done
