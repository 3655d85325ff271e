"""Text that reports of different agencies share: sentences found word for word (punctuation, spacing and width
aside) in reports of two or more agency groups, from the sentence index (desktop.core.agencies.passages).

:func:`shared_with_others` lists, for one report, each of its sentences that another agency's report also holds,
with the agencies whose reports hold it; :func:`shared_corpus` lists every such sentence of the corpus, grouped by
sentence. Each agency is named once per sentence, by its earliest report holding it (agency, year, publication
date), the earliest agency first, with the number of reports; an agency's own copies across years are the
timeline's business. Reports of
one agency group sharing text with each other (last year's report) are not counted here: that is the timeline's
business. Read-only: call :func:`~desktop.core.agencies.passages.refresh_index` first (on the writer) so the index
covers the corpus; the results say how many reports it did not cover (``unindexed``).
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter

from sqlite_utils import Database

from desktop.core.agencies.cache import cached, one_snapshot
from desktop.core.agencies.groups import DOCUMENT, group_keys
from desktop.core.agencies.identity import cached_key
from desktop.core.errors import ReviewDeskError
from desktop.core.storage.passages import MIN_INDEXED

DEFAULT_MIN_CHARS = 20


class SharedTextError(ReviewDeskError):
    """A shared-text query that cannot be answered (unknown report, a minimum below what the index keeps)."""


@dataclass(frozen=True)
class Occurrence:
    """Where a shared sentence stands in one report."""

    document_id: str
    agency: str | None
    group_key: str
    year: int | None
    published_at: str | None
    start: int
    end: int

    def sort_key(self) -> tuple:
        """Earliest first: by publication date, then year, reports with neither last."""
        return self.order(self.published_at, self.year, self.document_id)

    @staticmethod
    def order(published_at: str | None, year: int | None, document_id: str) -> tuple:
        """:meth:`sort_key` of a report's columns."""
        return (published_at is None, published_at or "", year is None, year or 0, document_id)


@dataclass(frozen=True)
class SharedPassage:
    """One sentence found in reports of at least two agency groups: ``occurrences`` holds each agency's earliest
    report holding it, the earliest first; ``reports`` counts every report holding it."""

    text: str
    length: int
    occurrences: tuple[Occurrence, ...]
    reports: int

    @property
    def agencies(self) -> int:
        return len(self.occurrences)

    @property
    def earliest(self) -> Occurrence:
        return self.occurrences[0]


@dataclass
class DocumentShared:
    """The sentences of one report that other agencies' reports share, in text order."""

    document_id: str
    passages: list[tuple[int, int, SharedPassage]] = field(default_factory=list)  # (start, end) in this report
    unindexed: int = 0
    group_key: str = ""  # this report's agency group

    def spans(self) -> list[tuple[int, int]]:
        """The shared spans of this report, merged where they touch (for marks in the text)."""
        out: list[tuple[int, int]] = []
        for start, end, _ in sorted(self.passages, key=lambda p: p[:2]):
            if out and start <= out[-1][1] + 1:
                out[-1] = (out[-1][0], max(out[-1][1], end))
            else:
                out.append((start, end))
        return out

    def at(self, offset: int) -> list[SharedPassage]:
        """The shared passages covering an offset of this report."""
        return [p for s, e, p in self.passages if s <= offset < e]


@dataclass
class CorpusShared:
    """Every shared sentence of the corpus, most agencies first."""

    passages: list[SharedPassage] = field(default_factory=list)
    unindexed: int = 0


def _check(min_chars: int) -> None:
    if min_chars < MIN_INDEXED:
        raise SharedTextError(f"--min-chars must be at least {MIN_INDEXED} (shorter sentences are not indexed: "
                              "they are stock phrases such as 现将有关情况报告如下)")


def _identity_rows(db: Database, column: str, values: Sequence[object]) -> list[tuple[int, str, str | None]]:
    """(seq, id, agency) of the current reports whose ``column`` is among ``values`` (from the covering index)."""
    if not values:
        return []
    return [(r["seq"], r["id"], r["agency"]) for r in db.query(
        f"SELECT seq, id, agency FROM documents INDEXED BY documents_identity WHERE replaced_by IS NULL AND {column} "
        "IN (SELECT value FROM json_each(?))", [json.dumps(list(values), ensure_ascii=False)])]


def _details(db: Database, wanted: set[int]) -> dict[int, tuple[str, str | None, int | None, str | None]]:
    """(id, agency, year, published_at) of these current reports by seq (from the covering index)."""
    seqs = sorted(wanted)
    out = {}
    for lo in range(0, len(seqs), 20_000):
        for r in db.query("SELECT seq, id, agency, year, published_at FROM documents INDEXED BY documents_identity "
                          "WHERE replaced_by IS NULL AND seq IN (SELECT value FROM json_each(?))",
                          [json.dumps(seqs[lo:lo + 20_000])]):
            out[r["seq"]] = (r["id"], r["agency"], r["year"], r["published_at"])
    return out


class _Corpus:
    """Current reports by seq: their agency group key, rank in earliest-first order, and each group's reports
    earliest first (read from the covering index documents_identity, ordered by SQLite as :meth:`Occurrence.order`
    orders, never from the texts). Kept across calls while the corpus' identity stands (:func:`_corpus`): never changed once built.

    Each distinct agency name is resolved once (a corpus repeats its names); only the reports whose group is not
    their name's — placed in a group by the reviewer, or with no usable name (a group of their own) — are
    resolved by id."""

    def __init__(self, db: Database) -> None:
        rows = db.conn.execute(
            "SELECT seq, agency FROM documents INDEXED BY documents_identity WHERE replaced_by IS NULL "
            "ORDER BY published_at IS NULL, published_at, year IS NULL, year, id").fetchall()
        names = {agency for _, agency in rows if cached_key(agency)}
        by_name, _ = group_keys(db, [(f"\0{n}", n) for n in names], names)
        placed = {r["subject"] for r in db.query("SELECT subject FROM agency_identity WHERE kind = ? AND "
                                                 "deleted_at IS NULL", [DOCUMENT])}
        unnamed = [seq for seq, agency in rows if not cached_key(agency)]
        special = _identity_rows(db, "seq", unnamed) + _identity_rows(db, "id", sorted(placed))
        keys, _ = group_keys(db, [(doc_id, agency) for _, doc_id, agency in special], names)
        own_group = {seq: keys[doc_id] for seq, doc_id, _ in special}
        self.group: dict[int, str] = {}
        self.rank: dict[int, int] = {}
        self.members: dict[str, list[int]] = {}  # group -> its reports' seqs, earliest first
        for i, (seq, agency) in enumerate(rows):
            key = own_group.get(seq) or by_name[f"\0{agency}"]
            self.group[seq] = key
            self.rank[seq] = i
            self.members.setdefault(key, []).append(seq)
        self.current = set(self.group)

    def occurrence(self, details: dict[int, tuple[str, str | None, int | None, str | None]], seq: int, start: int,
                   end: int) -> Occurrence:
        """The occurrence at (seq, start, end), ``details`` read by :func:`_details`."""
        doc_id, agency, year, published_at = details[seq]
        return Occurrence(doc_id, agency, self.group[seq], year, published_at, start, end)

    def per_agency(self, found: Sequence[tuple[int, int, int, int]], own: Sequence[tuple[int, int, int, int]] = (),
                   ) -> dict[int, tuple[list[tuple[int, int, int]], int]]:
        """For each hash among ``found`` (hash, seq, start, end; ordered by hash and seq, as the index holds them)
        with ``own`` (one report's first posting of each of its hashes, a report not in ``found``): each agency
        group's earliest (seq, start, end) among current reports, earliest first, and how many reports hold it.

        Per hash, the set of reports holding it is built in C; then each group present is walked from its
        earliest report until one holds the sentence — a few steps per agency instead of one per posting (a
        sentence common to thousands of reports has many postings, few agencies)."""
        group_of, members, current, rank = self.group, self.members, self.current, self.rank
        own_of = {h: (seq, start, end) for h, seq, start, end in own}
        out: dict[int, tuple[list[tuple[int, int, int]], int]] = {}
        for h, postings in groupby(found, key=itemgetter(0)):
            block = list(postings)
            seqs = [seq for _, seq, _, _ in block]
            holding = set(seqs) & current  # replaced reports left out
            mine = own_of.get(h)
            if mine is not None:
                holding.add(mine[0])
            chosen = []
            for g in set(map(group_of.__getitem__, holding)):
                first = next(seq for seq in members[g] if seq in holding)
                if mine is not None and first == mine[0]:
                    chosen.append((rank[first], mine))
                else:
                    _, _, start, end = block[bisect_left(seqs, first)]
                    chosen.append((rank[first], (first, start, end)))
            chosen.sort()
            out[h] = ([span for _, span in chosen], len(holding))
        return out


def _corpus(db: Database) -> _Corpus:
    """The corpus' identity, built once per change of it (desktop.core.agencies.cache)."""
    return cached(db, "shared.corpus", _Corpus)


def unindexed_count(db: Database) -> int:
    """How many current reports the shared-text index does not cover in their present text."""
    row = next(db.query(
        "SELECT count(*) AS n FROM documents d INDEXED BY documents_identity WHERE d.replaced_by IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM passage_indexed p WHERE p.document_seq = d.seq AND "
        "p.text_sha256 = coalesce(d.text_sha256, d.sha256))"))
    return int(row["n"])


def _texts(db: Database, wanted: dict[int, tuple[int, int, int]]) -> dict[int, str]:
    """The text of one occurrence per hash: {hash: text} from {hash: (seq, start, end)} (SQLite cuts them out)."""
    out = {}
    items = list(wanted.items())
    for i in range(0, len(items), 500):
        chunk = items[i:i + 500]
        sql = " UNION ALL ".join("SELECT ? AS h, substr(text, ?, ?) AS t FROM documents WHERE seq = ?" for _ in chunk)
        params: list = []
        for h, (seq, start, end) in chunk:
            params += [h, start + 1, end - start, seq]
        out.update({r["h"]: r["t"] for r in db.query(sql, params)})
    return out


def _postings(db: Database, hashes: list[int], exclude: int) -> list[tuple[int, int, int, int]]:
    """Every (hash, seq, start, end) of these sentence hashes outside report ``exclude``, ordered by hash and seq
    (the index's own order: one range of the primary key per hash, no sort)."""
    return db.conn.execute('SELECT hash, document_seq, start, "end" FROM passage_hashes WHERE hash IN '
                           "(SELECT value FROM json_each(?)) AND document_seq != ? ORDER BY hash, document_seq",
                           [json.dumps(hashes), exclude]).fetchall()


def shared_with_others(db: Database, document_id: str, min_chars: int = DEFAULT_MIN_CHARS) -> DocumentShared:
    """The sentences of one report that reports of other agency groups also hold (read-only)."""
    _check(min_chars)
    with one_snapshot(db):
        return _shared_with_others(db, document_id, min_chars)


def _shared_with_others(db: Database, document_id: str, min_chars: int) -> DocumentShared:
    row = next(db.query("SELECT seq FROM documents WHERE id = ? AND replaced_by IS NULL", [document_id]), None)
    if row is None:
        raise SharedTextError(f"no current report with id {document_id}; list them with `reviewdesk list`")
    seq = row["seq"]
    out = DocumentShared(document_id, unindexed=unindexed_count(db))
    own = [(r["hash"], r["start"], r["end"]) for r in db.query(
        'SELECT hash, start, "end" FROM passage_hashes WHERE document_seq = ? AND length >= ?', [seq, min_chars])]
    if not own:
        return out
    others = _postings(db, sorted({h for h, _, _ in own}), seq)
    if not others:
        return out
    corpus = _corpus(db)
    mine = corpus.group.get(seq)
    if mine is None:
        return out
    out.group_key = mine
    first_own: dict[int, tuple[int, int]] = {}
    for h, start, end in own:
        first_own.setdefault(h, (start, end))
    per_hash = corpus.per_agency(others, [(h, seq, a, b) for h, (a, b) in first_own.items()])
    text = next(db.query("SELECT text FROM documents WHERE seq = ?", [seq]))["text"]
    kept = {h: entry for h, entry in per_hash.items() if len(entry[0]) >= 2}  # else only its own agency holds it
    details = _details(db, {s for best, _ in kept.values() for s, _, _ in best})
    for h, start, end in sorted(own, key=lambda span: (span[1], span[2])):
        if h not in kept:
            continue
        best, reports = kept[h]
        occurrences = tuple(corpus.occurrence(details, s, start, end) if s == seq else
                            corpus.occurrence(details, s, a, b) for s, a, b in best)
        passage = text[start:end]
        out.passages.append((start, end, SharedPassage(passage, len(passage), occurrences, reports)))
    return out


def shared_corpus(db: Database, min_chars: int = DEFAULT_MIN_CHARS) -> CorpusShared:
    """Every sentence held by reports of two or more agency groups (read-only), most agencies first."""
    _check(min_chars)
    with one_snapshot(db):
        return _shared_corpus(db, min_chars)


def _shared_corpus(db: Database, min_chars: int) -> CorpusShared:
    rows = db.conn.execute(
        'SELECT hash, document_seq, start, "end" FROM passage_hashes WHERE hash IN '
        "(SELECT hash FROM passage_hashes WHERE length >= ? GROUP BY hash HAVING count(*) > 1) "
        "ORDER BY hash, document_seq", [min_chars]).fetchall()
    corpus = _corpus(db)
    kept = {h: entry for h, entry in corpus.per_agency(rows).items() if len(entry[0]) >= 2}
    texts = _texts(db, {h: best[0] for h, (best, _) in kept.items()})
    out = CorpusShared(unindexed=unindexed_count(db))
    details = _details(db, {s for best, _ in kept.values() for s, _, _ in best})
    for h, (best, reports) in kept.items():
        occurrences = tuple(corpus.occurrence(details, s, a, b) for s, a, b in best)
        text = texts.get(h, "")
        out.passages.append(SharedPassage(text, len(text), occurrences, reports))
    out.passages.sort(key=lambda p: (-p.agencies, p.earliest.sort_key(), p.text))
    return out
