"""The shared-text index's rows: a hash of every sentence of a report (``passage_hashes``), written when the report
is stored, replaced or deleted (desktop.core.storage.documents, and the importer's batched writer).

A sentence runs up to 。！？；;!? or a line end. Its key is its text with width and case folded
(desktop.core.text.fold_width) and everything but letters and digits dropped, so the same sentence copied with
other punctuation, spacing or full-width digits has the same key; sentences whose key is shorter than
:data:`MIN_INDEXED` characters, page clutter and the part headings (the regulation prescribes them, so every
report has them) are left out. The hash is the first 8 bytes of the key's BLAKE2b (stable across runs and
machines). ``passage_indexed`` remembers which text each report was indexed from (its ``text_sha256``), so that
desktop.core.agencies.passages can catch up on reports stored by other paths (merged packages, older databases).

:func:`passage_sentences` is pure (it runs in the importer's worker processes); :func:`store_passages` and
:func:`remove_passages` write inside the caller's transaction, without savepoints. A re-segmentation or a corrected
part changes no text but may change what is skipped: the writers that store them run inside
:func:`passages_follow_skips`, which indexes again the reports whose skips changed. The index is derived data:
never merged, never edited by hand.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from sqlite_utils import Database

from desktop.core.segmentation.segment import Segmentation
from desktop.core.text import fold_width

MIN_INDEXED = 10
_SENTENCE = re.compile(r"[^。；！？;!?\n]+[。；！？;!?]?")
_NOT_WORD = re.compile(r"[\W_]+")
# The letters and digits fold_width changes (ASCII capitals, full-width letters and digits): a key without them is
# already folded. fold_width maps word characters to word characters and the others to others (a test checks it),
# so dropping the others first and folding what is left gives the same key, at a fraction of the cost.
_FOLDED_WORD = re.compile(r"[A-Z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


class Sentence(NamedTuple):
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


class _Skips:
    """``overlaps(start, end)``: whether some span has a < end and start < b, in log time (spans sorted by start,
    with the largest end among the first i of them: the sentences of a report each ask once)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _b in ordered]
        self.reach: list[int] = []
        for _a, b in ordered:
            self.reach.append(max(b, self.reach[-1]) if self.reach else b)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # the spans with a < end
        return i > 0 and self.reach[i - 1] > start


def passage_sentences(text: str, skip: Sequence[tuple[int, int]] = (), min_length: int = MIN_INDEXED) -> list[Sentence]:
    """The sentences of a text worth indexing (key of ``min_length`` characters or more, outside ``skip``)."""
    out = []
    skips = _Skips(skip) if skip else None
    fold = _FOLDED_WORD.search(text) is not None
    not_word, folded_word, blake2b = _NOT_WORD.sub, _FOLDED_WORD.search, hashlib.blake2b
    for m in _SENTENCE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if len(stripped) < min_length:  # a key is never longer than its sentence
            continue
        a = m.start() + len(raw) - len(raw.lstrip())
        b = a + len(stripped)
        key = not_word("", stripped)
        if fold and folded_word(key):
            key = fold_width(key)
        if len(key) >= min_length and (skips is None or not skips.overlaps(a, b)):
            digest = blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
            out.append(Sentence(a, b, len(key), int.from_bytes(digest, "little", signed=True)))
    return out


def segmentation_skips(seg: Segmentation) -> list[tuple[int, int]]:
    """The spans a report's sentences are not taken from: its page clutter and its part headings."""
    spans = [(c.start, c.end) for c in seg.clutter]
    spans += [(s.start, s.start + len(s.heading)) for s in seg.sections if s.heading]
    return spans


def stored_skips(db: Database, document_id: str) -> list[tuple[int, int]]:
    """:func:`segmentation_skips` of a stored report (its clutter and part headings as stored, corrections
    applied), in order."""
    return stored_skips_of(db, [document_id]).get(document_id, [])


def stored_skips_of(db: Database, document_ids: Sequence[str]) -> dict[str, list[tuple[int, int]]]:
    """:func:`stored_skips` of several reports (two queries per 500 reports), each in order."""
    out: dict[str, list[tuple[int, int]]] = {doc_id: [] for doc_id in document_ids}
    ids = list(out)
    for lo in range(0, len(ids), 500):
        chunk = json.dumps(ids[lo:lo + 500], ensure_ascii=False)
        for r in db.query('SELECT document_id, start, "end" FROM clutter WHERE document_id IN '
                          "(SELECT value FROM json_each(?))", [chunk]):
            out[r["document_id"]].append((r["start"], r["end"]))
        for r in db.query("SELECT document_id, start, heading FROM sections WHERE heading != '' AND document_id IN "
                          "(SELECT value FROM json_each(?))", [chunk]):
            out[r["document_id"]].append((r["start"], r["start"] + len(r["heading"])))
    for spans in out.values():
        spans.sort()
    return out


@contextlib.contextmanager
def passages_follow_skips(db: Database, document_ids: Sequence[str]) -> Iterator[None]:
    """Around a write that may change reports' clutter or part headings without changing their texts (a
    re-segmentation, a corrected part): afterwards, the reports whose skips changed are indexed again from their
    stored text, inside the caller's transaction; the others are left as they are (their rows would be the
    same)."""
    ids = list(dict.fromkeys(document_ids))
    before = stored_skips_of(db, ids)
    yield
    after = stored_skips_of(db, ids)
    changed = [doc_id for doc_id in ids if before[doc_id] != after[doc_id]]
    for lo in range(0, len(changed), 500):
        rows = db.query("SELECT seq, id, text, coalesce(text_sha256, sha256) AS sha FROM documents WHERE "
                        "replaced_by IS NULL AND id IN (SELECT value FROM json_each(?))",
                        [json.dumps(changed[lo:lo + 500], ensure_ascii=False)])
        store_passages(db, [(r["seq"], r["sha"], passage_sentences(r["text"], after[r["id"]])) for r in rows])


def store_passages(db: Database, rows: Iterable[tuple[int, str, Sequence[Sentence]]]) -> None:
    """Index reports: for each (document seq, text_sha256, its :func:`passage_sentences`), replace its rows.
    Runs inside the caller's transaction (no savepoint: a batch of reports is one executemany)."""
    rows = list(rows)
    if not rows:
        return
    remove_passages(db, [seq for seq, _, _ in rows])
    db.conn.executemany('INSERT OR REPLACE INTO passage_hashes (hash, document_seq, start, "end", length) '
                        "VALUES (?, ?, ?, ?, ?)",
                        [(s.hash, seq, s.start, s.end, s.length) for seq, _, found in rows for s in found])
    db.conn.executemany("INSERT OR REPLACE INTO passage_indexed (document_seq, text_sha256) VALUES (?, ?)",
                        [(seq, sha) for seq, sha, _ in rows])


def remove_passages(db: Database, seqs: Sequence[int]) -> None:
    """Drop reports from the index (replaced or deleted), inside the caller's transaction."""
    for i in range(0, len(seqs), 500):
        chunk = list(seqs[i:i + 500])
        marks = ",".join("?" * len(chunk))
        db.conn.execute(f"DELETE FROM passage_hashes WHERE document_seq IN ({marks})", chunk)
        db.conn.execute(f"DELETE FROM passage_indexed WHERE document_seq IN ({marks})", chunk)
