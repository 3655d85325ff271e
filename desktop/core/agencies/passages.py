"""Keeping the shared-text index (desktop.core.storage.passages) in step with the corpus where the writes did not.

Reports are indexed when they are stored, replaced or deleted; reports that reached the database another way (a
merged package, a database from before the index) are caught up here: :func:`refresh_index` indexes the reports
the index misses or holds in an older text and drops the rows of replaced and deleted ones, at the cost of those
reports only. ``passage_indexed`` remembers which text each report was indexed from (its ``text_sha256``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desktop.core.progress import Progress
from desktop.core.storage.passages import passage_sentences, remove_passages, store_passages, stored_skips_of

_BATCH = 500


@dataclass(frozen=True)
class IndexState:
    """How far the index is behind the corpus: reports to index (new or changed) and to drop."""

    to_index: list[int]
    to_drop: list[int]

    @property
    def current(self) -> bool:
        return not self.to_index and not self.to_drop


def index_state(db: Database) -> IndexState:
    """Which reports the index misses or holds in an old version (read-only)."""
    to_index = [r["seq"] for r in db.query(
        "SELECT d.seq FROM documents d INDEXED BY documents_identity WHERE d.replaced_by IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM passage_indexed p WHERE p.document_seq = d.seq AND "
        "p.text_sha256 = coalesce(d.text_sha256, d.sha256)) ORDER BY d.seq")]
    to_drop = [r["document_seq"] for r in db.query(
        "SELECT document_seq FROM passage_indexed WHERE (document_seq, text_sha256) NOT IN "
        "(SELECT seq, coalesce(text_sha256, sha256) FROM documents WHERE replaced_by IS NULL) "
        "ORDER BY document_seq")]
    return IndexState(to_index, to_drop)


def refresh_index(db: Database, progress: Progress | None = None) -> int:
    """Bring the index up to the corpus: index new and changed reports, drop the others' rows. Returns how many
    reports were indexed. One transaction per batch of reports (an interrupted refresh resumes where it stopped)."""
    state = index_state(db)
    if state.current:
        return 0
    with db.atomic():
        remove_passages(db, state.to_drop)
    total = len(state.to_index)
    done = 0
    for i in range(0, total, _BATCH):
        if progress is not None and progress.cancelled:
            break
        batch = state.to_index[i:i + _BATCH]
        rows = list(db.query(f"SELECT seq, id, text, coalesce(text_sha256, sha256) AS sha FROM documents WHERE seq IN "
                             f"({','.join('?' * len(batch))})", batch))
        skips = stored_skips_of(db, [row["id"] for row in rows])
        found = [(row["seq"], row["sha"], passage_sentences(row["text"], skips[row["id"]])) for row in rows]
        with db.atomic():
            store_passages(db, found)
        done += len(rows)
        if progress is not None:
            progress.update(done, total, "indexing sentences for shared text")
    return done
