"""Ranking from the search index alone (core/storage/search/index.py): the total of matching documents and the best
``(count, seq)`` of a search key, most hits first, ties in import order — no text is read.

- A key of 1 to 4 UTF-16 units is one gram: its rows in every segment give each document's count; the total is
  their number, the best are a partial sort of (count, seq).
- A longer key is covered by runs of 4 units at offsets 0, 4, 8, … and its last 4 units (every unit of the key
  lies in one of them, so an occurrence is exactly a start where every covering run is found at its offset).
  The starts are those of its rarest run; each occurrence is one 64-bit number (seq << 32 | start), so checking
  them against the other runs' positions is one sorted search per run and segment (no per-document loop).

A key that can overlap itself ("哈哈", "abab") is counted without overlap, as hits are: the starts of a document
closer than the key's length are recounted left to right.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlite_utils import Database

from desktop.core.storage.search.index import (
    DEAD,
    POSTINGS,
    SEGMENTS,
    decode_seqs,
    gram_code,
    overlaps_itself,
    units,
)

_LOW32 = np.uint64(0xFFFF_FFFF)


@dataclass
class Postings:
    """A gram's documents across the live segments, their counts, and (runs of 4) positions grouped by document."""

    docs: np.ndarray  # uint32 seqs
    counts: np.ndarray  # uint32
    positions: np.ndarray | None = None


class IndexReader:
    """One search's view of the index: its live segments and struck-out documents, read once."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.segments = [s for (s,) in db.conn.execute(f"SELECT id FROM {SEGMENTS} ORDER BY id")]
        self.dead: dict[int, list[int]] = {}
        for segment, seq in db.conn.execute(f"SELECT segment, seq FROM {DEAD}"):
            self.dead.setdefault(segment, []).append(seq)

    def postings(self, run: np.ndarray, with_positions: bool = False) -> Postings:
        """A gram's postings in every live segment, end to end."""
        parts = list(self.segment_postings(run, with_positions).values())
        if not parts:
            return Postings(np.zeros(0, np.uint32), np.zeros(0, np.uint32), np.zeros(0, np.uint16))
        positions = [part.positions for part in parts if part.positions is not None]
        return Postings(np.concatenate([part.docs for part in parts]), np.concatenate([part.counts for part in parts]),
                        np.concatenate(positions) if with_positions else None)

    def segment_postings(self, run: np.ndarray, with_positions: bool = False) -> dict[int, Postings]:
        """A gram's postings in each live segment that holds it (the one block of the segment that can hold it),
        by segment; a document is live in one segment only."""
        code = gram_code(run)
        sql = (f"SELECT grams, offsets, firsts, docs, counts{', positions' if with_positions else ''} FROM {POSTINGS} "
               "WHERE segment = ? AND length = ? AND first_gram <= ? ORDER BY first_gram DESC LIMIT 1")
        found: dict[int, Postings] = {}
        for segment in self.segments:
            row = self.db.conn.execute(sql, [segment, len(run), code]).fetchone()
            if row is None:
                continue
            grams_blob, offsets_blob, firsts_blob, docs_blob, counts_blob, *more = row
            grams = np.frombuffer(grams_blob, dtype=np.int64)
            i = int(np.searchsorted(grams, code))
            if i == len(grams) or grams[i] != code:
                continue
            offsets = np.frombuffer(offsets_blob, dtype="<u4")
            e0, e1 = offsets[i:i + 2].tolist()
            d = decode_seqs(offsets, firsts_blob, docs_blob, i, i + 1)
            width = len(counts_blob) // int(offsets[-1])
            block_counts = np.frombuffer(counts_blob, dtype=f"<u{width}")
            c = block_counts[e0:e1].astype(np.uint32)
            p = None
            if more:  # the positions of runs of 4
                (positions_blob,) = more
                before, total = int(block_counts[:e0].sum(dtype=np.int64)), int(block_counts.sum(dtype=np.int64))
                pw = len(positions_blob) // total
                p = np.frombuffer(positions_blob, dtype=f"<u{pw}", count=int(c.sum(dtype=np.int64)),
                                  offset=pw * before)
            if segment in self.dead:
                keep = ~np.isin(d, np.asarray(self.dead[segment], dtype=np.uint32))
                if p is not None:
                    p = p[np.repeat(keep, c)]
                d, c = d[keep], c[keep]
            if len(d):
                found[segment] = Postings(d, c, p)
        return found


def best(db: Database, key: str, limit: int) -> tuple[int, list[tuple[int, int]]]:
    """(number of documents holding ``key``, the ``limit`` best ``(count, seq)``), best first."""
    run = units(key)
    reader = IndexReader(db)
    if len(run) <= 4:
        postings = reader.postings(run, with_positions=len(run) == 4 and overlaps_itself(run.tolist()))
        docs, counts = postings.docs, postings.counts
        if postings.positions is not None:  # runs of 4 are stored with every position: recount without overlap
            starts = np.repeat(docs, counts)
            docs, counts = _without_overlap(starts, postings.positions.astype(np.int64), len(run))
        return len(docs), _top(docs, counts, limit)
    keys = _occurrences(reader, run)
    if not len(keys):
        return 0, []
    docs = keys >> np.uint64(32)
    if overlaps_itself(run.tolist()):
        docs, counts = _without_overlap(docs, (keys & _LOW32).astype(np.int64), len(run))
    else:
        first = np.flatnonzero(np.concatenate(([True], docs[1:] != docs[:-1])))
        counts = np.diff(np.append(first, len(docs)))
        docs = docs[first]
    return len(docs), _top(docs.astype(np.uint32), counts, limit)


def _top(docs: np.ndarray, counts: np.ndarray, limit: int) -> list[tuple[int, int]]:
    """The ``limit`` best (count, seq): most first, then lowest seq."""
    if not len(docs) or limit <= 0:
        return []
    if len(docs) > 8 * limit:  # only documents with as many hits as the limit-th most can be among the best
        least = np.partition(counts, len(counts) - limit)[len(counts) - limit]
        keep = counts >= least
        docs, counts = docs[keep], counts[keep]
    order = (counts.astype(np.uint64) << np.uint64(32)) | (_LOW32 - docs.astype(np.uint64))
    if len(order) > limit:
        order = order[np.argpartition(order, len(order) - limit)[len(order) - limit:]]
    order = np.sort(order)[::-1]
    return [(count, 0xFFFF_FFFF - rest) for count, rest in
            zip((order >> np.uint64(32)).tolist(), (order & _LOW32).tolist(), strict=True)]


def _occurrences(reader: IndexReader, run: np.ndarray) -> np.ndarray:
    """Every start of a key of 5 units or more as ``seq << 32 | start``, grouped by document, ascending within one."""
    length = len(run)
    offsets = list(range(0, length - 4, 4)) + [length - 4]
    by_run = []
    for offset in offsets:
        parts = reader.segment_postings(run[offset:offset + 4], with_positions=True)
        if not parts:
            return np.zeros(0, np.uint64)
        by_run.append((offset, parts))
    # segment by segment (a document is in one segment): arrays of one segment's size stay in the processor's cache
    found = []
    for segment in by_run[0][1]:
        lists = [(offset, parts[segment]) for offset, parts in by_run if segment in parts]
        if len(lists) == len(by_run):
            keys = _lined_up(lists)
            if len(keys):
                found.append(keys)
    return np.concatenate(found) if found else np.zeros(0, np.uint64)


def _lined_up(lists: list[tuple[int, Postings]]) -> np.ndarray:
    """The starts of a key in documents of one segment, as ``seq << 32 | start`` ascending, from the postings of
    the runs of 4 that cover it ``(offset in the key, postings)``: a start is its rarest run's position moved back
    by the run's offset; each other run must hold the same number moved forward by its own offset."""
    lists = sorted(lists, key=lambda item: len(item[1].positions))  # type: ignore[arg-type]
    anchor_offset, anchor = lists[0]
    keys = _keyed(anchor)
    if anchor_offset:
        keys = keys[(keys & _LOW32) >= np.uint64(anchor_offset)] - np.uint64(anchor_offset)
    for offset, postings in lists[1:]:
        if not len(keys):
            break
        keys = keys[_holds(_keyed(postings), keys + np.uint64(offset))]
    return keys


def _keyed(postings: Postings) -> np.ndarray:
    """Every position of a run's postings as ``seq << 32 | position``, ascending."""
    assert postings.positions is not None
    keys = np.repeat(postings.docs.astype(np.uint64) << np.uint64(32), postings.counts.astype(np.int64))
    keys |= postings.positions
    docs = postings.docs
    # positions ascend within a document, and seqs within a segment built at once; a document indexed again after
    # later ones (a changed text, a merge of such segments) puts a lower seq after higher ones
    if len(docs) > 1 and not (docs[1:] > docs[:-1]).all():
        keys.sort()
    return keys


def _holds(keys: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Whether each of ``targets`` (ascending) is among ``keys`` (ascending)."""
    at = np.searchsorted(keys, targets)
    at[at == len(keys)] = 0
    return keys[at] == targets


def _without_overlap(docs: np.ndarray, starts: np.ndarray, length: int) -> tuple[np.ndarray, np.ndarray]:
    """(documents, counts) from every start of a key in them (grouped by document, ascending), counting from left
    to right without overlap as hits are."""
    first = np.flatnonzero(np.concatenate(([True], docs[1:] != docs[:-1]))) if len(docs) else np.zeros(0, np.int64)
    group = np.cumsum(np.concatenate(([False], docs[1:] != docs[:-1])))
    close = np.flatnonzero((docs[1:] == docs[:-1]) & (np.diff(starts) < length)) + 1  # may overlap the one before
    dropped = np.zeros(len(docs), bool)
    bounds = np.append(first, len(docs))
    for g in np.unique(group[close]).tolist():  # only documents where two starts are closer than the key
        last = None
        for i in range(int(bounds[g]), int(bounds[g + 1])):
            if last is not None and starts[i] < last + length:
                dropped[i] = True
            else:
                last = int(starts[i])
    counts = np.diff(bounds) - np.add.reduceat(dropped.astype(np.int64), first) if len(docs) else np.zeros(0, np.int64)
    return docs[first], counts
