"""The search index's format and writes: segments of postings, one segment per batch of indexed documents.

A document is indexed by its search key (core/storage/search/__init__.py) seen as UTF-16 code units (a character beyond
the BMP is two units, matched as a pair: a query of it is a 2-unit run). For every *gram* — each distinct run of
1, 2, 3 or 4 adjacent units — a segment holds one row of ``search_postings`` (migration 0020):

- ``gram``: the units packed 16 bits each into one integer (runs of different lengths never share a value: a
  key holds no unit below U+0020); runs of 4 are stored as the signed view of their 64 bits;
- ``docs``: the documents (their ``seq``) that hold the gram, as packed uint32;
- ``counts``: how often each holds it, packed 1, 2 or 4 bytes each (the width is the blob's length over the
  number of documents). Runs of 1 to 3 are counted without overlap, as hits are ("aaa" holds "aa" once); runs
  of 4 count every position (overlapping ones too: a query of 4 or more units recounts them from positions
  when it can overlap itself);
- ``positions`` (runs of 4 only): where in each document's key each occurrence starts (in units), 2 or 4 bytes
  each, grouped by document in the order of ``docs`` and ascending within a document. A longer query is found
  by lining up the positions of runs of 4 that cover it, without reading any text.

Each write (:func:`index_documents`, one import batch) adds one segment: its rows are appended at the end of the
table (keyed by segment first), so a write never touches the pages of earlier segments. Segments of similar size
are merged (:data:`MERGE_FACTOR` of them into one, as an LSM tree does) so that a query reads few rows per gram.
``search_docs`` says which segment holds each indexed document; a removed document (deleted, or re-indexed
with a changed text) is struck out of its old segment in ``search_dead`` until a merge drops it.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from sqlite_utils import Database

from desktop.core.storage.database import scalar

POSTINGS = "search_blocks"
SEGMENTS = "search_segments"
DOCS = "search_docs"
DEAD = "search_dead"
MERGE_FACTOR = 8  # small segments (below an import batch) merged together
WIDE_FACTOR = 32  # segments of an import batch or more merged together
MAX_MERGED = 8_192  # documents of a merged segment at most (a merge holds one length of its grams in memory)
_BATCH = 256  # documents of an import batch
_MAX_SEGMENT_DOCS = 65_536  # documents of one segment build (their index in the batch is packed in 16 bits)
_U64 = np.uint64
_MASK32 = 0xFFFF_FFFF
assert sys.byteorder == "little"  # the blobs are written and read in the machine's order


@dataclass(frozen=True)
class IndexedText:
    """What the index stores of a text: its search key (made where the text is prepared — in an import's worker
    processes — and handed to :func:`index_documents`)."""

    key: str


def units(key: str) -> np.ndarray:
    """A search key as UTF-16 code units."""
    return np.frombuffer(key.encode("utf-16-le"), dtype=np.uint16)


def gram_code(run: np.ndarray | list[int]) -> int:
    """The ``gram`` value of a run of 1 to 4 units (as stored: a signed 64-bit integer)."""
    code = 0
    for unit in run:
        code = (code << 16) | int(unit)
    return code - (1 << 64) if code >= 1 << 63 else code


def overlaps_itself(run: np.ndarray | list[int]) -> bool:
    """Whether two occurrences of a run can overlap (it has a proper border: a prefix that is also a suffix)."""
    items = list(run)
    return any(items[k:] == items[:len(items) - k] for k in range(1, len(items)))


@dataclass
class Level:
    """The grams of one length in one segment, grouped by gram (ascending): per group its gram and number of
    documents; per document (in group order) its seq and count; per count (runs of 4) a position."""

    grams: np.ndarray  # int64
    sizes: np.ndarray  # int64
    seqs: np.ndarray  # uint32
    counts: np.ndarray  # uint32
    positions: np.ndarray | None = None


def segment_levels(keys: list[str], seqs: list[int]) -> list[tuple[int, Level]]:
    """The index of these documents' keys (one segment): ``(length, Level)`` for runs of 1 to 4 units."""
    if len(keys) > _MAX_SEGMENT_DOCS:
        raise ValueError("a segment holds at most 65,536 documents")
    if any(seq < 0 or seq > _MASK32 for seq in seqs):
        raise ValueError("document seqs beyond 32 bits cannot be indexed")
    encoded = [key.encode("utf-16-le") for key in keys]
    lengths = np.fromiter((len(b) // 2 for b in encoded), np.int64, len(encoded))
    u = np.frombuffer(b"".join(encoded), dtype=np.uint16)
    doc_ends = np.cumsum(lengths)
    doc_starts = doc_ends - lengths
    doc_bounds = np.append(doc_starts, len(u))
    doc_of = np.repeat(np.arange(len(keys), dtype=_U64), lengths)
    seq_of = np.asarray(seqs, dtype=np.uint32)
    levels: list[tuple[int, Level]] = []
    code = u.astype(_U64)
    for length in (1, 2, 3, 4):
        m = len(u) - length + 1
        if m <= 0:
            break
        if length > 1:  # the runs of one unit more: each run shifted, the next unit appended
            code = (code[:-1] << _U64(16)) | u[length - 1:]
        crossing = _crossing(doc_starts, doc_ends, length, m)
        level: _Found | None
        if length < 4:
            level = _short_level(code, doc_of[:m], crossing, doc_bounds, length)
        else:
            level = _long_level(code, doc_of, doc_starts, crossing)
        if level is not None:
            grams, docs, counts, positions = level
            levels.append((length, _grouped(grams, seq_of[docs], counts, positions)))
    return levels


def _crossing(doc_starts: np.ndarray, doc_ends: np.ndarray, length: int, m: int) -> np.ndarray:
    """The starts (below ``m``) of the runs of ``length`` units that run past their key's end: the last
    ``length - 1`` units of each key (all of a shorter key)."""
    found = [doc_ends[doc_ends - k >= doc_starts] - k for k in range(1, length)]
    starts = np.concatenate(found) if found else np.zeros(0, np.int64)
    return starts[starts < m]


_ALL_ONES = _U64(0xFFFF_FFFF_FFFF_FFFF)


# (grams, batch index of each one's document, count, positions or None) of one length, by gram then document
_Found = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray | None]


def _short_level(code: np.ndarray, doc_of: np.ndarray, crossing: np.ndarray, doc_bounds: np.ndarray,
                 length: int) -> _Found | None:
    """(grams, batch index of the document, count) of the runs of 1 to 3 units, by gram then document."""
    combined = (code << _U64(16)) | doc_of  # a 3-unit code has 48 bits: the batch index fits
    combined[crossing] = _ALL_ONES  # sorted last and cut off (a real value equal to it is the same value)
    combined.sort()
    combined = combined[:len(combined) - len(crossing)]
    if not len(combined):
        return None
    first = np.flatnonzero(np.concatenate(([True], combined[1:] != combined[:-1])))
    counts = np.diff(np.append(first, len(combined))).astype(np.uint32)
    pairs = combined[first]
    grams, docs = pairs >> _U64(16), (pairs & _U64(0xFFFF)).astype(np.int64)
    if length > 1:
        _count_without_overlap(code, doc_of, crossing, pairs, counts, doc_bounds, length)
    return grams.view(np.int64), docs, counts, None


def _long_level(code: np.ndarray, doc_of: np.ndarray, doc_starts: np.ndarray, crossing: np.ndarray) -> _Found | None:
    """(grams, batch index of the document, count, positions) of the runs of 4 units, by gram then document,
    each document's positions ascending."""
    inside = np.ones(len(code), bool)
    inside[crossing] = False
    starts = np.flatnonzero(inside)
    if not len(starts):
        return None
    codes = code[starts].view(np.int64)  # stored signed: ordered as the index orders them
    order = _stable_order(codes)
    codes, starts = codes[order], starts[order]
    docs = doc_of[starts].astype(np.int64)
    first = np.flatnonzero(np.concatenate(([True], (codes[1:] != codes[:-1]) | (docs[1:] != docs[:-1]))))
    counts = np.diff(np.append(first, len(codes))).astype(np.uint32)
    positions = (starts - doc_starts[docs]).astype(np.uint32)
    return codes[first], docs[first], counts, positions


def _stable_order(values: np.ndarray) -> np.ndarray:
    """``np.argsort(values, kind="stable")``, made of an unstable argsort (a vectorized one: ~3x faster) whose
    ties are put back in index order by one sort of (rank of the value, index) packed in 64 bits."""
    n = len(values)
    bits = max(n - 1, 1).bit_length()
    if 2 * bits > 64:
        return np.argsort(values, kind="stable")
    order = np.argsort(values)
    ordered = values[order]
    rank = np.concatenate(([0], np.cumsum(ordered[1:] != ordered[:-1]))).astype(_U64)
    packed = (rank << _U64(bits)) | order.astype(_U64)
    packed.sort()
    return (packed & _U64((1 << bits) - 1)).astype(np.int64)


def _grouped(grams: np.ndarray, seqs: np.ndarray, counts: np.ndarray, positions: np.ndarray | None) -> Level:
    """A Level of (gram, seq, count) triples sorted by gram."""
    first = np.flatnonzero(np.concatenate(([True], grams[1:] != grams[:-1]))) if len(grams) else \
        np.zeros(0, np.int64)
    return Level(grams[first], np.diff(np.append(first, len(grams))), seqs, counts, positions)


def _count_without_overlap(code: np.ndarray, doc_of: np.ndarray, crossing: np.ndarray, pairs: np.ndarray,
                           counts: np.ndarray, doc_bounds: np.ndarray, length: int) -> None:
    """Recount (in place) the (gram, document) pairs some of whose runs overlap ("aa" in "aaa", "aba" in
    "ababa"): counted without overlap, as hits are. Two runs overlap when a run starts again fewer than
    ``length`` units after one starts; only those pairs are recounted (``pairs``: gram << 16 | batch index,
    ascending, as ``counts``; ``doc_bounds``: where each document's key starts, then the end of the last)."""
    m = len(code)
    inside = np.ones(m, bool)
    inside[crossing] = False
    again = []
    for k in range(1, length):
        same = (code[:m - k] == code[k:]) & inside[:m - k] & inside[k:]
        again.append(np.flatnonzero(same))
    starts = np.concatenate(again)
    if not len(starts):
        return
    suspects = np.unique((code[starts] << _U64(16)) | doc_of[starts])
    for pair, i in zip(suspects.tolist(), np.searchsorted(pairs, suspects).tolist(), strict=True):
        doc = pair & 0xFFFF
        lo, hi = int(doc_bounds[doc]), int(doc_bounds[doc + 1])
        count, free = 0, lo
        for start in (np.flatnonzero(code[lo:max(hi - length + 1, lo)] == _U64(pair >> 16)) + lo).tolist():
            if start >= free:  # counted in units (a run may hold half of a pair of surrogates)
                count, free = count + 1, start + length
        counts[i] = count


_BLOCK = 2048  # documents of the grams of one block row (a gram with half as many or more: a block of its own)


def _widths(biggest: np.ndarray, widths: tuple[int, ...]) -> list[int]:
    """For each value, the narrowest of ``widths`` (bytes) that holds it (the reader tells the width of a blob from
    its length)."""
    chosen = np.full(len(biggest), widths[-1], np.int64)
    for width in reversed(widths[:-1]):
        chosen[biggest < 1 << (8 * width)] = width
    return chosen.tolist()


class _Packed:
    """An array's slices in the width each needs: the array converted once per width used."""

    def __init__(self, values: np.ndarray, widths: list[int]) -> None:
        self._as = {width: values.astype(f"<u{width}") for width in set(widths)}

    def bytes(self, width: int, lo: int, hi: int) -> bytes:
        return self._as[width][lo:hi].tobytes()


def _block_rows(length: int, level: Level) -> list[tuple[int, int, bytes, bytes, bytes, bytes, bytes, bytes | None]]:
    """The rows of a Level in ``search_blocks``: ``(length, first gram, grams, offsets, firsts, docs, counts,
    positions)`` — consecutive grams with about :data:`_BLOCK` documents together, a big gram alone. ``docs`` holds
    each document's seq as the difference from the one before in its gram (0 for the first, whose seq is in
    ``firsts``), 1, 2 or 4 bytes each (counts too; positions 2 or 4: the narrowest that holds a block's values);
    a block whose seqs do not ascend within a gram (a document indexed again after later ones) has empty
    ``firsts`` and plain seqs. Each column is converted once per width it uses, then sliced block by block."""
    if not len(level.grams):
        return []
    starts = np.concatenate(([0], np.cumsum(level.sizes)))
    big = level.sizes >= _BLOCK // 2
    window = starts[:-1] // _BLOCK
    new = np.concatenate(([True], (window[1:] != window[:-1]) | big[1:] | big[:-1]))
    bounds = np.append(np.flatnonzero(new), len(level.grams))
    entry_bounds = starts[bounds]
    seqs = level.seqs.astype(np.int64)
    deltas = np.diff(seqs, prepend=0)
    deltas[starts[:-1]] = 0
    unordered = (np.minimum.reduceat(deltas, entry_bounds[:-1]) < 0).tolist()
    delta_widths = _widths(np.maximum.reduceat(deltas, entry_bounds[:-1]), (1, 2, 4))
    count_widths = _widths(np.maximum.reduceat(level.counts, entry_bounds[:-1]), (1, 2, 4))
    ordered_widths = [w for w, plain in zip(delta_widths, unordered, strict=True) if not plain]
    docs, counts = _Packed(deltas, ordered_widths), _Packed(level.counts, count_widths)
    plain_seqs = level.seqs.astype("<u4")
    firsts = level.seqs[starts[:-1]].astype("<u4")
    grams = level.grams.astype("<i8")
    offsets = starts.astype("<u4")  # a block's offsets: these minus its first entry's
    positions: _Packed | None = None
    position_bounds: list[int] = []
    position_widths: list[int] = []
    if level.positions is not None:
        pos_starts = np.concatenate(([0], np.cumsum(level.counts, dtype=np.int64)))
        position_bounds = pos_starts[entry_bounds].tolist()
        position_widths = _widths(np.maximum.reduceat(level.positions, position_bounds[:-1]), (2, 4))
        positions = _Packed(level.positions, position_widths)
    rows = []
    gram_bounds, entries = bounds.tolist(), entry_bounds.tolist()
    first_grams = level.grams[bounds[:-1]].tolist()
    for i, (g0, g1) in enumerate(zip(gram_bounds[:-1], gram_bounds[1:], strict=True)):
        e0, e1 = entries[i], entries[i + 1]
        if unordered[i]:
            block_firsts, block_docs = b"", plain_seqs[e0:e1].tobytes()
        else:
            block_firsts, block_docs = firsts[g0:g1].tobytes(), docs.bytes(delta_widths[i], e0, e1)
        block_positions = positions.bytes(position_widths[i], position_bounds[i], position_bounds[i + 1]) \
            if positions is not None else None
        rows.append((length, first_grams[i], grams[g0:g1].tobytes(), (offsets[g0:g1 + 1] - e0).tobytes(),
                     block_firsts, block_docs, counts.bytes(count_widths[i], e0, e1), block_positions))
    return rows


def decode_seqs(offsets: np.ndarray, firsts: bytes, docs: bytes, g0: int, g1: int) -> np.ndarray:
    """The seqs of the grams g0 to g1 of a block (``offsets``: where each gram's documents start)."""
    e0, e1 = int(offsets[g0]), int(offsets[g1])
    entries = int(offsets[-1])
    width = len(docs) // entries
    values = np.frombuffer(docs, dtype=f"<u{width}", count=e1 - e0, offset=width * e0)
    if not firsts:
        return values.astype(np.uint32)
    totals = np.cumsum(values, dtype=np.int64)
    sizes = offsets[g0 + 1:g1 + 1].astype(np.int64) - offsets[g0:g1].astype(np.int64)
    group_start = offsets[g0:g1].astype(np.int64) - e0
    base = np.frombuffer(firsts, dtype="<u4", count=g1 - g0, offset=4 * g0).astype(np.int64) - totals[group_start]
    return (totals + np.repeat(base, sizes)).astype(np.uint32)


def decode_block(grams: bytes, offsets: bytes, firsts: bytes, docs: bytes, counts: bytes,
                 positions: bytes | None) -> Level:
    """A block row as a Level."""
    group_offsets = np.frombuffer(offsets, dtype="<u4")
    seqs = decode_seqs(group_offsets, firsts, docs, 0, len(group_offsets) - 1)
    width = len(counts) // len(seqs) if len(seqs) else 1
    count_values = np.frombuffer(counts, dtype=f"<u{width}").astype(np.uint32)
    position_values = None
    if positions is not None:
        total = int(count_values.sum())
        position_values = np.frombuffer(positions, dtype=f"<u{len(positions) // total if total else 2}")
    return Level(np.frombuffer(grams, dtype=np.int64), np.diff(group_offsets.astype(np.int64)),
                 seqs, count_values, position_values)


class Block(NamedTuple):
    """A ``search_blocks`` row's encoded columns."""

    grams: bytes
    offsets: bytes
    firsts: bytes
    docs: bytes
    counts: bytes
    positions: bytes | None


def _decode_blocks(blocks: list[Block]) -> Level:
    """Blocks of one length, in gram order, decoded as one Level (the blocks end to end: each column converted
    once for all of them)."""
    offsets = [np.frombuffer(block.offsets, dtype="<u4") for block in blocks]
    entries = [int(o[-1]) for o in offsets]
    grams = np.frombuffer(b"".join(block.grams for block in blocks), dtype=np.int64)
    ends = np.concatenate(offsets).astype(np.int64) if blocks else np.zeros(1, np.int64)
    sizes = np.delete(np.diff(ends), np.cumsum([len(o) for o in offsets])[:-1] - 1)  # not from block to block
    values = np.concatenate([_column(block.docs, n) for block, n in zip(blocks, entries, strict=True)]) \
        .astype(np.int64) if blocks else np.zeros(0, np.int64)
    counts = np.concatenate([_column(block.counts, n) for block, n in zip(blocks, entries, strict=True)]) \
        .astype(np.uint32) if blocks else np.zeros(0, np.uint32)
    plain = [not block.firsts for block in blocks]
    firsts = np.frombuffer(b"".join(block.firsts or bytes(4 * (len(o) - 1))
                                    for block, o in zip(blocks, offsets, strict=True)), dtype="<u4").astype(np.int64)
    totals = np.cumsum(values)
    group_starts = np.concatenate(([0], np.cumsum(sizes)[:-1])) if len(sizes) else np.zeros(0, np.int64)
    seqs = totals + np.repeat(firsts - totals[group_starts], sizes) if len(values) else values
    if any(plain):  # blocks whose seqs are stored plain (they do not ascend within a gram)
        mask = np.repeat(np.asarray(plain), entries)
        seqs[mask] = values[mask]
    positions = None
    if blocks and blocks[0].positions is not None:
        block_counts = np.add.reduceat(counts.astype(np.int64), np.concatenate(([0], np.cumsum(entries)[:-1])))
        positions = np.concatenate([_column(block.positions or b"", int(total), 2) for block, total
                                    in zip(blocks, block_counts.tolist(), strict=True)]).astype(np.uint32)
    return Level(grams, sizes, seqs.astype(np.uint32), counts, positions)


def _column(blob: bytes, items: int, default: int = 1) -> np.ndarray:
    """A block's packed column of ``items`` values (its width: the blob's length over the number of items)."""
    return np.frombuffer(blob, dtype=f"<u{len(blob) // items if items else default}")


def _concatenated(levels: list[Level]) -> Level:
    """Levels end to end (grams may repeat: :func:`_merged` groups them)."""
    positions = [lv.positions for lv in levels if lv.positions is not None]
    return Level(np.concatenate([lv.grams for lv in levels]), np.concatenate([lv.sizes for lv in levels]),
                 np.concatenate([lv.seqs for lv in levels]), np.concatenate([lv.counts for lv in levels]),
                 np.concatenate(positions) if positions else None)


def _without(level: Level, dead: np.ndarray) -> Level:
    """A Level without the documents ``dead`` (and grams left with none)."""
    keep = ~np.isin(level.seqs, dead)
    if keep.all():
        return level
    group_starts = np.concatenate(([0], np.cumsum(level.sizes)[:-1]))
    sizes = np.add.reduceat(keep.astype(np.int64), group_starts) if len(keep) else level.sizes
    positions = level.positions[np.repeat(keep, level.counts)] if level.positions is not None else None
    return Level(level.grams[sizes > 0], sizes[sizes > 0], level.seqs[keep], level.counts[keep], positions)


def _merged(parts: list[Level]) -> Level:
    """Levels of several segments (oldest first) as one: groups of the same gram joined, in segment order."""
    whole = _concatenated(parts)
    if not len(whole.grams):
        return whole
    order = np.argsort(whole.grams, kind="stable")
    starts = np.concatenate(([0], np.cumsum(whole.sizes)[:-1]))
    sizes = whole.sizes[order]
    take = _ranges(starts[order], sizes)
    positions = None
    if whole.positions is not None:
        count_starts = np.concatenate(([0], np.cumsum(whole.counts, dtype=np.int64)[:-1]))
        positions = whole.positions[_ranges(count_starts[take], whole.counts[take].astype(np.int64))]
    grams = whole.grams[order]
    first = np.flatnonzero(np.concatenate(([True], grams[1:] != grams[:-1])))
    return Level(grams[first], np.add.reduceat(sizes, first), whole.seqs[take], whole.counts[take], positions)


def _ranges(starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """The indexes of the ranges [start, start + size), end to end."""
    total = int(sizes.sum())
    return np.repeat(starts - np.cumsum(sizes) + sizes, sizes) + np.arange(total, dtype=np.int64)


_INSERT = ("INSERT INTO search_blocks (segment, length, first_gram, grams, offsets, firsts, docs, counts, "
           "positions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")


def index_documents(db: Database, documents: list[tuple[int, str]]) -> None:
    """Index documents ``(seq, search key)`` as one new segment, inside the caller's transaction (a document
    already indexed is struck out of its old segment first), then merge segments where a size class is full."""
    if not documents:
        return
    strike_out(db, [seq for seq, _key in documents])
    documents = sorted(documents)
    for first in range(0, len(documents), _MAX_SEGMENT_DOCS):
        chunk = documents[first:first + _MAX_SEGMENT_DOCS]
        segment = _new_segment(db, len(chunk))
        for length, level in segment_levels([key for _seq, key in chunk], [seq for seq, _key in chunk]):
            db.conn.executemany(_INSERT, [(segment, *row) for row in _block_rows(length, level)])
        db.conn.executemany(f"INSERT INTO {DOCS} (seq, segment) VALUES (?, ?)", [(seq, segment) for seq, _k in chunk])
    merge_full_classes(db)


def _new_segment(db: Database, docs: int) -> int:
    cursor = db.conn.execute(f"INSERT INTO {SEGMENTS} (docs) VALUES (?)", [docs])
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def strike_out(db: Database, seqs: list[int]) -> None:
    """Remove documents from the index (inside the caller's transaction): each is struck out of its segment."""
    found = db.conn.execute(f"SELECT seq, segment FROM {DOCS} WHERE seq IN ({', '.join('?' * len(seqs))})",
                            seqs).fetchall() if seqs else []
    if not found:
        return
    db.conn.executemany(f"INSERT OR IGNORE INTO {DEAD} (segment, seq) VALUES (?, ?)",
                        [(segment, seq) for seq, segment in found])
    db.conn.executemany(f"DELETE FROM {DOCS} WHERE seq = ?", [(seq,) for seq, _segment in found])
    for segment in {segment for _seq, segment in found}:  # a segment with no document left is dropped
        if db.conn.execute(f"SELECT 1 FROM {DOCS} WHERE segment = ? LIMIT 1", [segment]).fetchone() is None:
            _drop_segments(db, [segment])


def _drop_segments(db: Database, segments: list[int]) -> None:
    marks = ", ".join("?" * len(segments))
    for table, column in ((POSTINGS, "segment"), (DEAD, "segment"), (SEGMENTS, "id")):
        db.conn.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", segments)


def clear(db: Database) -> None:
    """Empty the index."""
    for table in (POSTINGS, DEAD, DOCS, SEGMENTS):
        db.conn.execute(f"DELETE FROM {table}")


def _size_class(docs: int) -> tuple[int, int] | None:
    """(class, how many segments of it are merged): small segments (single documents, small imports) 8 at a time
    up to an import batch's size, then :data:`WIDE_FACTOR` at a time (each document rewritten about once); None
    for a segment of half :data:`MAX_MERGED` or more (never merged with others)."""
    if docs >= MAX_MERGED // 2:
        return None
    if docs < _BATCH:
        return int(math.log(max(docs, 1), MERGE_FACTOR)), MERGE_FACTOR
    return 100, WIDE_FACTOR


def merge_full_classes(db: Database) -> None:
    """Merge the segments of a size class once it holds as many as it merges (the smallest of them that fit in
    :data:`MAX_MERGED` documents: a merge holds one length of grams of the segments in memory), and rewrite a
    segment a quarter of whose documents are struck out; repeated while a merge fills the next class."""
    while True:
        by_class: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for segment, docs in db.conn.execute(f"SELECT id, docs FROM {SEGMENTS} ORDER BY id"):
            size_class = _size_class(docs)
            if size_class is not None:
                by_class.setdefault(size_class, []).append((docs, segment))
        chosen: list[int] = []
        for (_class, factor), members in by_class.items():
            if len(members) >= factor:
                fits = [segment for _docs, segment in _smallest_within(sorted(members), MAX_MERGED)]
                if len(fits) >= 2:
                    chosen = fits
                    break
        if not chosen:
            chosen = [segment for (segment,) in db.conn.execute(
                f"SELECT s.id FROM {SEGMENTS} s JOIN (SELECT segment, count(*) AS n FROM {DEAD} GROUP BY segment) d "
                "ON d.segment = s.id WHERE 4 * d.n >= s.docs LIMIT 1")]
        if not chosen:
            return
        merge_segments(db, chosen)


def _smallest_within(members: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """The first (docs, segment) of ``members`` (ascending) whose documents add up to at most ``limit``."""
    taken, total = [], 0
    for docs, segment in members:
        if total + docs > limit:
            break
        taken.append((docs, segment))
        total += docs
    return taken


_ROUND_BLOCKS = 64  # blocks of the merged segments read per step of a merge (what a merge holds in memory)


def _merge_length(db: Database, segments: list[int], length: int, dead: dict[int, np.ndarray], merged: int) -> None:
    """Merge the grams of one length of ``segments`` into the segment ``merged``, a range of grams at a time: each
    step reads the blocks that begin in its range (about :data:`_ROUND_BLOCKS` of them in all); the grams of a
    segment's last block beyond the range wait for the next step (a segment's blocks divide its grams in order)."""
    marks = ", ".join("?" * len(segments))
    firsts = sorted({first for (first,) in db.conn.execute(
        f"SELECT first_gram FROM {POSTINGS} WHERE segment IN ({marks}) AND length = ?", [*segments, length])})
    bounds: list[int | None] = [*firsts[_ROUND_BLOCKS::_ROUND_BLOCKS], None]
    carried: dict[int, Level] = {}
    low: int | None = None
    for high in bounds:
        parts = []
        for segment in segments:
            sql = (f"SELECT grams, offsets, firsts, docs, counts, positions FROM {POSTINGS} "
                   "WHERE segment = ? AND length = ?")
            params: list[int] = [segment, length]
            if low is not None:
                sql += " AND first_gram >= ?"
                params.append(low)
            if high is not None:
                sql += " AND first_gram < ?"
                params.append(high)
            blocks = [Block(*columns) for columns in db.conn.execute(sql + " ORDER BY first_gram", params)]
            levels = ([carried.pop(segment)] if segment in carried else []) + \
                ([_decode_blocks(blocks)] if blocks else [])
            if not levels:
                continue
            level = _concatenated(levels) if len(levels) > 1 else levels[0]
            if high is not None:
                level, rest = _split(level, high)
                if len(rest.grams):
                    carried[segment] = rest
            if segment in dead:
                level = _without(level, dead[segment])
            if len(level.grams):
                parts.append(level)
        if parts:
            db.conn.executemany(_INSERT, [(merged, *row) for row in _block_rows(length, _merged(parts))])
        low = high


def _split(level: Level, high: int) -> tuple[Level, Level]:
    """A Level's grams below ``high`` and the others."""
    k = int(np.searchsorted(level.grams, high))
    e = int(level.sizes[:k].sum())
    p = int(level.counts[:e].sum(dtype=np.int64))
    positions = level.positions
    return (Level(level.grams[:k], level.sizes[:k], level.seqs[:e], level.counts[:e],
                  positions[:p] if positions is not None else None),
            Level(level.grams[k:], level.sizes[k:], level.seqs[e:], level.counts[e:],
                  positions[p:] if positions is not None else None))


def merge_segments(db: Database, segments: list[int]) -> int:
    """Merge segments into one new segment (without their struck-out documents) and return its id."""
    segments = sorted(segments)
    marks = ", ".join("?" * len(segments))
    struck: dict[int, list[int]] = {}
    for segment, seq in db.conn.execute(f"SELECT segment, seq FROM {DEAD} WHERE segment IN ({marks})", segments):
        struck.setdefault(segment, []).append(seq)
    live = scalar(db, f"SELECT count(*) FROM {DOCS} WHERE segment IN ({marks})", segments)
    merged = _new_segment(db, live)
    dead = {segment: np.asarray(seqs, np.uint32) for segment, seqs in struck.items()}
    for length in (1, 2, 3, 4):
        _merge_length(db, segments, length, dead, merged)
    db.conn.execute(f"DELETE FROM {POSTINGS} WHERE segment IN ({marks})", segments)
    db.conn.execute(f"UPDATE {DOCS} SET segment = ? WHERE segment IN ({marks})", [merged, *segments])
    db.conn.execute(f"DELETE FROM {DEAD} WHERE segment IN ({marks})", segments)
    db.conn.execute(f"DELETE FROM {SEGMENTS} WHERE id IN ({marks})", segments)
    return merged
