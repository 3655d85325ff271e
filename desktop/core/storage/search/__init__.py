"""Full-text search over the corpus, best first, for queries of any length (one Chinese character included).

Everything is matched on a document's *search key*: its frozen text folded (full width, ASCII case), without
white space and invisible format characters. The index (core/storage/search/index.py, migration 0020) holds, for
every run of 1 to 4 units of every key, the documents that hold it with their counts (runs of 4 with their
positions too); core/storage/search/rank.py ranks a query from it alone: the total and the best documents with
their exact counts, without reading a text. Only the texts of the results shown are read, for their hits in
context.

The order is the same as counting every document: most hits first, ties in import order (``seq``); hit counts
are exact. (bench/bench_search.py measures it against scanning the texts in memory.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from desktop.core.storage.search import index as search_index
from desktop.core.storage.search import rank as search_rank
from desktop.core.storage.search.index import IndexedText
from desktop.core.text import INVISIBLE_CHARS, VARIANTS_OF, fold_width

__all__ = ["IndexedText", "SearchResult", "Hit", "search", "search_key", "indexed_text", "index_document",
           "index_documents", "remove_from_index", "clear_index", "find_hits", "hit_pattern"]

_WS = re.compile(rf"[\s{INVISIBLE_CHARS}]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_UNINDEXABLE = re.compile("[\ud800-\udfff\x00-\x1f\x7f]")  # lone surrogates, control characters
MAX_LIMIT = 1_000_000_000


def search_key(text: str) -> str:
    """The form of text that is indexed and queried: folded width and case, no white space, no invisible
    format characters (zero-width, direction marks); a lone surrogate (undecodable input) or a control character
    (never in a frozen text) is U+FFFD."""
    return _UNINDEXABLE.sub("\ufffd", _WS.sub("", fold_width(text)))


def index_tokens(text: str) -> str:
    """The form a text had in the index of migrations 0001-0008 (one token per character); kept for 0008."""
    return " ".join(_WS.sub("", _SURROGATE.sub("", fold_width(text))))


def indexed_text(text: str) -> IndexedText:
    """What the index needs of a text, made beforehand (picklable: an import makes it in its worker processes)."""
    return IndexedText(search_key(text))


def index_document(db: Database, seq: int, text: str, prepared: IndexedText | None = None) -> None:
    """Add one document's text to the search index under its ``seq`` (``prepared``: its indexed form, made
    from this same text beforehand); inside the caller's transaction."""
    index_documents(db, [(seq, text, prepared)])


def index_documents(db: Database, documents: list[tuple[int, str, IndexedText | None]]) -> None:
    """Index a batch of documents ``(seq, text, indexed form or None)`` inside the caller's transaction: one new
    segment of the index (core/storage/search/index.py), written with one ``executemany``. A document already
    indexed under its seq is replaced."""
    search_index.index_documents(
        db, [(seq, (prepared or indexed_text(text)).key) for seq, text, prepared in documents])


def remove_from_index(db: Database, seq: int, text: str | None = None) -> None:
    """Remove a document from the index (``text`` is not needed: kept for the callers of the former index)."""
    search_index.strike_out(db, [seq])


def clear_index(db: Database) -> None:
    """Empty the index (then index the documents that are kept again)."""
    search_index.clear(db)


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


def search(db: Database, query: str, limit: int = 100, hits_per_document: int = 3) -> tuple[int, list[SearchResult]]:
    """Documents containing ``query``: (number of matching documents, the ``limit`` best results), most hits first,
    ties in import order; each with its exact hit count and its first ``hits_per_document`` hits in context."""
    key = search_key(query)
    limit = max(0, min(int(limit), MAX_LIMIT))
    pattern = _cached_pattern(key) if key else None
    if not key or not limit or pattern is None:
        return 0, []
    own = not db.conn.in_transaction  # one snapshot: a merge committed meanwhile must not hide its segments
    if own:
        db.conn.execute("BEGIN")
    try:
        total, ranked = search_rank.best(db, key, limit)
        return total, _results(db, ranked, pattern, hits_per_document)
    finally:
        if own:
            db.conn.execute("COMMIT")


_ROW = "seq, id, name, title, agency, year, text"


def _result(row: dict[str, Any], count: int, pattern: re.Pattern[str], hits_per_document: int) -> SearchResult:
    """A result from a row of :data:`_ROW` read by name."""
    return SearchResult(row["id"], row["name"], row["title"], row["agency"], row["year"], count,
                        _first_hits(row["text"], pattern, hits_per_document))


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
