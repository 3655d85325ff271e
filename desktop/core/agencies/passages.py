"""The shared-text index: a hash of every sentence of every current report, in SQLite (``passage_hashes``).

A sentence runs up to 。！？；;!? or a line end. Its key is its text with width and case folded
(desktop.core.text.fold_width) and everything but letters and digits dropped, so the same sentence copied with
other punctuation, spacing or full-width digits has the same key; sentences whose key is shorter than
:data:`MIN_INDEXED` characters, page clutter and the part headings (the regulation prescribes them, so every
report has them) are left out. The hash is the first 8 bytes of the key's BLAKE2b (stable across runs and
machines). ``passage_indexed`` remembers which text each report was indexed from (its ``text_sha256``):
:func:`refresh_index` indexes new and re-imported reports and drops replaced and deleted ones, so the index follows
the corpus at the cost of the reports that changed only. The index is derived data: never merged, never edited.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sqlite_utils import Database

from desktop.core.progress import Progress
from desktop.core.text import fold_width

MIN_INDEXED = 10
_SENTENCE = re.compile(r"[^。；！？;!?\n]+[。；！？;!?]?")
_NOT_WORD = re.compile(r"[\W_]+")
_BATCH = 500


@dataclass(frozen=True)
class Sentence:
    """One indexed sentence of a text: [start, end), its key's length and hash."""

    start: int
    end: int
    length: int
    hash: int


def sentence_key(sentence: str) -> str:
    """What two copies of one sentence have in common: letters and digits, width and case folded."""
    return _NOT_WORD.sub("", fold_width(sentence))


def key_hash(key: str) -> int:
    """A stable signed 64-bit hash of a sentence key (fits SQLite's INTEGER)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little",
                          signed=True)


def _outside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(a < end and start < b for a, b in spans)


def sentences(text: str, skip: list[tuple[int, int]] | None = None, min_length: int = MIN_INDEXED) -> Iterator[Sentence]:
    """The sentences of a text worth indexing (key of ``min_length`` characters or more, outside ``skip``)."""
    skip = skip or []
    for m in _SENTENCE.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        key = sentence_key(text[a:b])
        if len(key) >= min_length and (not skip or _outside(skip, a, b)):
            yield Sentence(a, b, len(key), key_hash(key))


def _skipped_spans(db: Database, document_id: str) -> list[tuple[int, int]]:
    """Page clutter and part headings of a stored report: never taken as text shared with another agency."""
    spans = [(r["start"], r["end"]) for r in db.query(
        'SELECT start, "end" FROM clutter WHERE document_id = ?', [document_id])]
    spans += [(r["start"], r["start"] + len(r["heading"])) for r in db.query(
        "SELECT start, heading FROM sections WHERE document_id = ? AND heading != ''", [document_id])]
    return spans


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
        "SELECT d.seq FROM documents d LEFT JOIN passage_indexed p ON p.document_seq = d.seq "
        "WHERE d.replaced_by IS NULL AND (p.text_sha256 IS NULL OR p.text_sha256 != coalesce(d.text_sha256, d.sha256)) "
        "ORDER BY d.seq")]
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
        for seq in state.to_drop:
            db.execute("DELETE FROM passage_hashes WHERE document_seq = ?", [seq])
            db.execute("DELETE FROM passage_indexed WHERE document_seq = ?", [seq])
    total = len(state.to_index)
    done = 0
    for i in range(0, total, _BATCH):
        if progress is not None and progress.cancelled:
            break
        batch = state.to_index[i:i + _BATCH]
        rows = list(db.query(f"SELECT seq, id, text, coalesce(text_sha256, sha256) AS sha FROM documents WHERE seq IN "
                             f"({','.join('?' * len(batch))})", batch))
        with db.atomic():
            for row in rows:
                seq, doc_id, text, sha = row["seq"], row["id"], row["text"], row["sha"]
                db.conn.executemany(
                    'INSERT OR REPLACE INTO passage_hashes (hash, document_seq, start, "end", length) VALUES (?, ?, ?, ?, ?)',
                    [(s.hash, seq, s.start, s.end, s.length) for s in sentences(text, _skipped_spans(db, doc_id))])
                db.execute("INSERT OR REPLACE INTO passage_indexed (document_seq, text_sha256) VALUES (?, ?)",
                           [seq, sha])
        done += len(rows)
        if progress is not None:
            progress.update(done, total, "indexing sentences for shared text")
    return done
