"""Full-text search over the corpus, best first, for queries of any length (one Chinese character included).

Everything is matched on a document's *search key*: its frozen text folded (full width, ASCII case), without
white space and invisible format characters. Two contentless FTS5 indexes hold the keys (migration 0015):

- ``search_grams`` (``detail=none``): for every distinct character, pair and triple of adjacent characters of a
  key, one token ``<gram>\\x01<count>`` — the gram and how often it occurs in that document (without overlap, as
  hits are counted). A query of 1 to 3 characters is answered from the vocabulary alone: the tokens
  ``<query>\\x01*`` give the number of documents for each count (their sum is the total), and the best documents
  are those of the highest counts, read with ``ORDER BY rowid`` — no text is read to rank.
- ``search_trigrams`` (``tokenize=trigram``): every 3-character window with its position. A longer query counts
  its documents with one phrase query; it is ranked best first by going down the counts of its rarest triple
  (every occurrence of the query holds one: the triple's count bounds the query's), reading and counting the
  texts of those documents only until no document left can beat the ones found.

The order is the same as counting every document: most hits first, ties in import order (``seq``); hit counts
are exact. (bench/bench_search.py measures it against scanning the texts in memory.)
"""

from __future__ import annotations

import heapq
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from operator import add
from typing import Any

from sqlite_utils import Database

from desktop.core.storage.database import column, scalar
from desktop.core.text import INVISIBLE_CHARS, VARIANTS_OF, fold_width

_WS = re.compile(rf"[\s{INVISIBLE_CHARS}]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_UNINDEXABLE = re.compile("[\ud800-\udfff\x00-\x1f\x7f]")  # lone surrogates, control characters
MAX_LIMIT = 1_000_000_000
GRAMS = "search_grams"
QUADS = "search_quads"
TRIGRAMS = "search_trigrams"
_SEP = "\x01"  # between a gram and its count in a token: a control character no key holds
# The gram index's tokenizer: every ASCII character but the separator between tokens (space) is part of a token,
# and characters beyond ASCII are kept as they are (unicode61 would fold their case together).
_TOKEN_CHARS = "".join(ch for ch in map(chr, range(33, 127)) if not ch.isalnum()) + _SEP
GRAMS_TOKENIZER = "ascii tokenchars '" + _TOKEN_CHARS.replace("'", "''") + "'"


def search_key(text: str) -> str:
    """The form of text that is indexed and queried: folded width and case, no white space, no invisible
    format characters (zero-width, direction marks); a lone surrogate (undecodable input) or a control character
    (never in a frozen text) is U+FFFD."""
    return _UNINDEXABLE.sub("\ufffd", _WS.sub("", fold_width(text)))


def index_tokens(text: str) -> str:
    """The form a text had in the index of migrations 0001-0008 (one token per character); kept for 0008."""
    return " ".join(_WS.sub("", _SURROGATE.sub("", fold_width(text))))


def gram_tokens(key: str) -> str:
    """The ``search_grams`` tokens of a search key: ``<gram>\\x01<count>`` for each distinct character, pair and
    triple of adjacent characters, counted without overlap (as hits are: "aaa" holds "aa" once)."""
    pairs = list(map(add, key, key[1:]))
    counts = [Counter(key), Counter(pairs), Counter(map(add, pairs, key[2:]))]
    for grams in counts[1:]:
        for gram in [g for g in grams if g[0] == g[-1]]:  # only these can overlap themselves
            grams[gram] = key.count(gram)
    return " ".join([f"{gram}{_SEP}{n}" for grams in counts for gram, n in grams.items()])


def quad_tokens(key: str) -> str:
    """The ``search_quads`` tokens of a search key: ``<quad>\x01<count>`` for each distinct run of 4 adjacent
    characters, counted without overlap (as hits are)."""
    pairs = list(map(add, key, key[1:]))
    quads = Counter(map(add, pairs, pairs[2:]))
    for quad in [q for q in quads if q[0] == q[3] or (q[0] == q[2] and q[1] == q[3])]:  # only these can overlap
        quads[quad] = key.count(quad)                                                  # themselves
    return " ".join([f"{quad}{_SEP}{n}" for quad, n in quads.items()])


@dataclass(frozen=True)
class IndexedText:
    """What the indexes store of a text: its search key and gram tokens (made where the text is prepared — in an
    import's worker processes — and handed to :func:`index_document`); ``quads`` None: made when indexed."""

    key: str
    grams: str
    quads: str | None = None


def indexed_text(text: str) -> IndexedText:
    key = search_key(text)
    return IndexedText(key, gram_tokens(key), quad_tokens(key))


def index_document(db: Database, seq: int, text: str, prepared: IndexedText | None = None) -> None:
    """Add one document's text to the search indexes under its ``seq`` (``prepared``: its indexed form, made
    from this same text beforehand)."""
    item = prepared or indexed_text(text)
    db.execute(f"INSERT INTO {GRAMS}(rowid, g) VALUES (?, ?)", [seq, item.grams])
    if _has_quads(db):  # not while migration 0015 indexes an older database: 0019 adds every document to it
        quads = quad_tokens(item.key) if item.quads is None else item.quads
        db.execute(f"INSERT INTO {QUADS}(rowid, g) VALUES (?, ?)", [seq, quads])
    db.execute(f"INSERT INTO {TRIGRAMS}(rowid, k) VALUES (?, ?)", [seq, item.key])


def _has_quads(db: Database) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [QUADS]).fetchone() is not None


def index_documents(db: Database, documents: list[tuple[int, str, IndexedText | None]]) -> None:
    """:func:`index_document` for a batch, inside the caller's transaction: ``(seq, text, indexed form or None)``
    each. One ``executemany`` per index, no savepoint in between (FTS5 writes its pending terms to disk at every
    savepoint: an import stores a batch of files through this, once)."""
    items = [(seq, prepared or indexed_text(text)) for seq, text, prepared in documents]
    db.conn.executemany(f"INSERT INTO {GRAMS}(rowid, g) VALUES (?, ?)", [(seq, item.grams) for seq, item in items])
    if _has_quads(db):  # as index_document: not while migration 0015 indexes an older database
        db.conn.executemany(f"INSERT INTO {QUADS}(rowid, g) VALUES (?, ?)",
                            [(seq, quad_tokens(item.key) if item.quads is None else item.quads) for seq, item in items])
    db.conn.executemany(f"INSERT INTO {TRIGRAMS}(rowid, k) VALUES (?, ?)", [(seq, item.key) for seq, item in items])


def remove_from_index(db: Database, seq: int, text: str) -> None:
    """Remove a document from the indexes (a contentless FTS5 table needs the indexed text to delete it)."""
    key = search_key(text)
    db.execute(f"INSERT INTO {GRAMS}({GRAMS}, rowid, g) VALUES ('delete', ?, ?)", [seq, gram_tokens(key)])
    if _has_quads(db):
        db.execute(f"INSERT INTO {QUADS}({QUADS}, rowid, g) VALUES ('delete', ?, ?)", [seq, quad_tokens(key)])
    db.execute(f"INSERT INTO {TRIGRAMS}({TRIGRAMS}, rowid, k) VALUES ('delete', ?, ?)", [seq, key])


def clear_index(db: Database) -> None:
    """Empty the indexes (then index the documents that are kept again)."""
    for table in (GRAMS, QUADS, TRIGRAMS) if _has_quads(db) else (GRAMS, TRIGRAMS):
        db.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")


@dataclass
class Hit:
    start: int
    end: int
    context: str


@dataclass
class SearchResult:
    """One matching document with its hit count and the first hits with context."""

    document_id: str
    name: str
    title: str | None
    agency: str | None
    year: int | None
    hit_count: int
    hits: list[Hit] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"document_id": self.document_id, "name": self.name, "title": self.title, "agency": self.agency,
                "year": self.year, "hit_count": self.hit_count,
                "hits": [{"start": h.start, "end": h.end, "context": h.context} for h in self.hits]}


_GAP = rf"[\s{INVISIBLE_CHARS}]*"


def _char_class(folded: str) -> str:
    variants = sorted(VARIANTS_OF.get(folded, frozenset()) | {folded})
    if folded == "\ufffd":  # the key's stand-in for a lone surrogate or a control character
        return "[\ufffd\ud800-\udfff\x00-\x08\x0e-\x1b\x7f]"
    if len(variants) == 1:
        return re.escape(folded)
    return "[" + "".join(re.escape(v) for v in variants) + "]"


def hit_pattern(query: str) -> re.Pattern[str] | None:
    """Pattern that finds the query in the frozen (unfolded) text: every full/half-width and case variant
    of each character, with white space allowed between characters."""
    key = search_key(query)
    if not key:
        return None
    return re.compile(_GAP.join(_char_class(ch) for ch in key))


def find_hits(text: str, query: str, limit: int | None = None, context: int = 20,
              pattern: re.Pattern[str] | None = None) -> tuple[int, list[Hit]]:
    """Count the query's occurrences in a frozen text and return the first ``limit`` with context."""
    pattern = pattern or hit_pattern(query)
    if pattern is None:
        return 0, []
    hits: list[Hit] = []
    count = 0
    for m in pattern.finditer(text):
        count += 1
        if limit is None or len(hits) < limit:
            a, b = m.start(), m.end()
            snippet = text[max(0, a - context):b + context].replace("\n", " ")
            hits.append(Hit(a, b, snippet))
    return count, hits


def _first_hits(text: str, pattern: re.Pattern[str], limit: int, context: int = 20) -> list[Hit]:
    hits: list[Hit] = []
    for m in pattern.finditer(text):
        if len(hits) == limit:
            break
        a, b = m.start(), m.end()
        hits.append(Hit(a, b, text[max(0, a - context):b + context].replace("\n", " ")))
    return hits


@lru_cache(maxsize=64)
def _cached_pattern(key: str) -> re.Pattern[str] | None:
    return hit_pattern(key)


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _table(gram: str) -> str:
    """The index that holds the counts of grams of this length (1 to 4 characters)."""
    return GRAMS if len(gram) <= 3 else QUADS


def _counts(db: Database, gram: str) -> list[tuple[int, int]]:
    """(count, number of documents) of a gram of 1 to 4 characters, highest count first, from its index's
    vocabulary."""
    prefix = gram + _SEP
    rows = db.execute(f"SELECT term, doc FROM {_table(gram)}_vocab WHERE term >= ? AND term < ?",
                      [prefix, gram + chr(ord(_SEP) + 1)]).fetchall()
    out = [(int(term[len(prefix):]), docs) for term, docs in rows if term[len(prefix):].isdigit()]
    return sorted(out, reverse=True)


def _with_count(db: Database, gram: str, count: int, limit: int | None = None) -> list[int]:
    """The seqs of the documents that hold ``gram`` exactly ``count`` times, in import order."""
    table = _table(gram)
    sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid"
    params: list[object] = [_quoted(f"{gram}{_SEP}{count}")]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return column(db, sql, params)


def search(db: Database, query: str, limit: int = 100, hits_per_document: int = 3) -> tuple[int, list[SearchResult]]:
    """Documents containing ``query``: (number of matching documents, the ``limit`` best results), most hits first,
    ties in import order; each with its exact hit count and its first ``hits_per_document`` hits in context."""
    key = search_key(query)
    limit = max(0, min(int(limit), MAX_LIMIT))
    pattern = _cached_pattern(key) if key else None
    if not key or not limit or pattern is None:
        return 0, []
    if len(key) <= 4:
        total, best = _best_short(db, key, limit)
        return total, _results(db, best, pattern, hits_per_document)
    return _best_verified(db, key, pattern, limit, hits_per_document)


def _best_short(db: Database, key: str, limit: int) -> tuple[int, list[tuple[int, int]]]:
    """Total and (count, seq) of the best documents of a key of 1 to 4 characters, from the gram indexes alone."""
    counts = _counts(db, key)
    total = sum(docs for _count, docs in counts)
    best: list[tuple[int, int]] = []
    for count, _docs in counts:
        if len(best) >= limit:
            break
        best += [(count, seq) for seq in _with_count(db, key, count, limit - len(best))]
    return total, best


_ROW = "seq, id, name, title, agency, year, text"


def _result(row: dict[str, Any], count: int, pattern: re.Pattern[str], hits_per_document: int) -> SearchResult:
    """A result from a row of :data:`_ROW` read by name."""
    return SearchResult(row["id"], row["name"], row["title"], row["agency"], row["year"], count,
                        _first_hits(row["text"], pattern, hits_per_document))


_MAX_QUADS = 8  # runs of 4 of a longer query used for its bound (any of them bound it: fewer is looser, not wrong)


def _at_least(gram: str, counts: list[tuple[int, int]], level: int) -> str:
    """FTS5 expression of the documents that hold ``gram`` at least ``level`` times (its count tokens from
    ``level`` up)."""
    return "(" + " OR ".join(_quoted(f"{gram}{_SEP}{count}") for count, _docs in counts if count >= level) + ")"


def _best_verified(db: Database, key: str, pattern: re.Pattern[str], limit: int,
                   hits_per_document: int) -> tuple[int, list[SearchResult]]:
    """Total and best results of a key of 5 or more characters. The total is the trigram index's phrase count. Each
    occurrence of the key holds every one of its runs of 4 characters, so a document's hits are at most its
    *bound*: the lowest count of those runs in it. The documents are taken level by level of that bound, highest
    first (``search_quads`` answers "every run at least ``level`` times" by itself), in import order within a
    level, and only their texts are read and counted; it stops when no document left can beat the ``limit``-th
    found."""
    quads = list(dict.fromkeys(key[i:i + 4] for i in range(len(key) - 3)))
    if len(quads) > _MAX_QUADS:  # a long query: runs spread over it bound it too, for a fraction of the queries
        quads = [quads[round(i * (len(quads) - 1) / (_MAX_QUADS - 1))] for i in range(_MAX_QUADS)]
    by_quad = {q: _counts(db, q) for q in quads}
    if any(not counts for counts in by_quad.values()):
        return 0, []
    total = scalar(db, f"SELECT count(*) FROM {TRIGRAMS} WHERE {TRIGRAMS} MATCH ?", [_quoted(key)])
    if total == 0:
        return 0, []
    best: list[tuple[int, int, list[Hit]]] = []  # heap of (count, -seq, first hits): the worst of the best on top
    seen: set[int] = set()
    for level in range(min(counts[0][0] for counts in by_quad.values()), 0, -1):
        if len(best) >= limit and best[0][0] > level:
            break  # every document not yet read holds the key at most ``level`` times: none beats the best found
        match = " AND ".join(_at_least(q, by_quad[q], level) for q in quads)
        cursor = db.conn.execute(f"SELECT rowid FROM {QUADS} WHERE {QUADS} MATCH ? ORDER BY rowid", [match])
        chunk: list[int] = []
        step = limit + 20
        for (seq,) in cursor:
            if seq in seen:
                continue
            if len(best) >= limit and best[0][:2] >= (level, -seq):
                break  # the rest of this level come later in import order: none beats the worst kept
            seen.add(seq)
            chunk.append(seq)
            if len(chunk) >= step:
                _count_texts(db, chunk, pattern, limit, hits_per_document, best)
                chunk, step = [], min(step * 2, 2000)
        cursor.close()
        if chunk:
            _count_texts(db, chunk, pattern, limit, hits_per_document, best)
    ranked = sorted(best, key=lambda item: (-item[0], -item[1]))
    return total, _described(db, [(count, -neg_seq, hits) for count, neg_seq, hits in ranked])


def _count_texts(db: Database, seqs: list[int], pattern: re.Pattern[str], limit: int, hits_per_document: int,
                 best: list[tuple[int, int, list[Hit]]]) -> None:
    """Count the key in the texts of ``seqs`` and keep the ``limit`` best in the heap ``best`` with their first
    hits (only the seq and text of each row are read: the rest is read for the winners only)."""
    cursor = db.conn.cursor()
    cursor.row_factory = sqlite3.Row
    for row in cursor.execute(f"SELECT seq, text FROM documents WHERE seq IN ({', '.join('?' * len(seqs))}) "
                              "AND replaced_by IS NULL", seqs):
        seq, text = row["seq"], row["text"]
        count = len(pattern.findall(text))
        if not count or (len(best) >= limit and (count, -seq) <= best[0][:2]):
            continue
        item = (count, -seq, _first_hits(text, pattern, hits_per_document))
        if len(best) < limit:
            heapq.heappush(best, item)
        else:
            heapq.heapreplace(best, item)


def _described(db: Database, ranked: list[tuple[int, int, list[Hit]]]) -> list[SearchResult]:
    """Results of (count, seq, first hits) in this order, with their documents' names (read from the summary
    index)."""
    out: list[SearchResult] = []
    for first in range(0, len(ranked), 500):
        chunk = ranked[first:first + 500]
        rows = {row["seq"]: row for row in db.query(
            f"SELECT seq, id, name, title, agency, year FROM documents WHERE seq IN "
            f"({', '.join('?' * len(chunk))}) AND replaced_by IS NULL", [seq for _c, seq, _h in chunk])}
        out += [SearchResult(rows[seq]["id"], rows[seq]["name"], rows[seq]["title"], rows[seq]["agency"],
                             rows[seq]["year"], count, hits)
                for count, seq, hits in chunk if seq in rows]
    return out


def _results(db: Database, best: list[tuple[int, int]], pattern: re.Pattern[str],
             hits_per_document: int) -> list[SearchResult]:
    if not best:
        return []
    order = {seq: i for i, (_count, seq) in enumerate(best)}
    out: list[SearchResult | None] = [None] * len(best)
    seqs = [seq for _count, seq in best]
    for first in range(0, len(seqs), 500):
        chunk = seqs[first:first + 500]
        rows = db.query(f"SELECT {_ROW} FROM documents WHERE seq IN ({', '.join('?' * len(chunk))}) "
                        "AND replaced_by IS NULL", chunk)
        for row in rows:
            i = order[row["seq"]]
            out[i] = _result(row, best[i][0], pattern, hits_per_document)
    return [r for r in out if r is not None]
