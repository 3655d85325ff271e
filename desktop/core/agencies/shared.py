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

from collections import defaultdict
from dataclasses import dataclass, field

from sqlite_utils import Database

from desktop.core.agencies.groups import group_keys
from desktop.core.agencies.passages import MIN_INDEXED
from desktop.core.errors import ReviewDeskError

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
        return (self.published_at is None, self.published_at or "", self.year is None, self.year or 0,
                self.document_id)


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


class _Corpus:
    """Current reports by seq: their id, agency, year and publication date, agency group key, and rank in
    earliest-first order (read from the covering index documents_identity, never from the texts)."""

    def __init__(self, db: Database) -> None:
        rows = list(db.query("SELECT seq, id, agency, year, published_at FROM documents WHERE replaced_by IS NULL"))
        keys, _ = group_keys(db, [(r["id"], r["agency"]) for r in rows])
        self.rows: dict[int, tuple[str, str | None, int | None, str | None]] = {
            r["seq"]: (r["id"], r["agency"], r["year"], r["published_at"]) for r in rows}
        self.group: dict[int, str] = {r["seq"]: keys[r["id"]] for r in rows}
        order = sorted(rows, key=lambda r: (r["published_at"] is None, r["published_at"] or "", r["year"] is None,
                                            r["year"] or 0, r["id"]))
        self.rank: dict[int, int] = {r["seq"]: i for i, r in enumerate(order)}

    def occurrence(self, seq: int, start: int, end: int) -> Occurrence:
        doc_id, agency, year, published_at = self.rows[seq]
        return Occurrence(doc_id, agency, self.group[seq], year, published_at, start, end)

    def per_agency(self, found: list[tuple[int, int, int]]) -> tuple[tuple[Occurrence, ...], int]:
        """Each agency's earliest occurrence among ``found`` (seq, start, end), earliest first; and how many
        reports these are."""
        best: dict[str, tuple[int, int, int, int]] = {}
        reports = set()
        rank, group = self.rank, self.group
        for seq, start, end in found:
            r = rank.get(seq)
            if r is None:
                continue
            reports.add(seq)
            g = group[seq]
            current = best.get(g)
            if current is None or r < current[0]:
                best[g] = (r, seq, start, end)
        chosen = sorted(best.values())
        return tuple(self.occurrence(seq, start, end) for _, seq, start, end in chosen), len(reports)


def unindexed_count(db: Database) -> int:
    """How many current reports the shared-text index does not cover in their present text."""
    row = next(db.query(
        "SELECT count(*) AS n FROM documents d LEFT JOIN passage_indexed p ON p.document_seq = d.seq "
        "WHERE d.replaced_by IS NULL AND (p.text_sha256 IS NULL OR p.text_sha256 != coalesce(d.text_sha256, d.sha256))"))
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


def shared_with_others(db: Database, document_id: str, min_chars: int = DEFAULT_MIN_CHARS) -> DocumentShared:
    """The sentences of one report that reports of other agency groups also hold (read-only)."""
    _check(min_chars)
    row = next(db.query("SELECT seq FROM documents WHERE id = ? AND replaced_by IS NULL", [document_id]), None)
    if row is None:
        raise SharedTextError(f"no current report with id {document_id}; list them with `reviewdesk list`")
    seq = row["seq"]
    out = DocumentShared(document_id, unindexed=unindexed_count(db))
    own = [(r["hash"], r["start"], r["end"]) for r in db.query(
        'SELECT hash, start, "end" FROM passage_hashes WHERE document_seq = ? AND length >= ?', [seq, min_chars])]
    if not own:
        return out
    others: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    hashes = sorted({h for h, _, _ in own})
    for i in range(0, len(hashes), 500):
        chunk = hashes[i:i + 500]
        for h, other, start, end in db.execute(
                f'SELECT hash, document_seq, start, "end" FROM passage_hashes WHERE hash IN '
                f'({",".join("?" * len(chunk))}) AND document_seq != ?', [*chunk, seq]).fetchall():
            others[h].append((other, start, end))
    if not others:
        return out
    corpus = _Corpus(db)
    mine = corpus.group.get(seq)
    if mine is None:
        return out
    out.group_key = mine
    text = next(db.query("SELECT text FROM documents WHERE seq = ?", [seq]))["text"]
    for h, start, end in sorted(own, key=lambda span: (span[1], span[2])):
        found = others.get(h, [])
        if not any(corpus.group.get(s, mine) != mine for s, _, _ in found):
            continue
        occurrences, reports = corpus.per_agency([(seq, start, end), *found])
        passage = text[start:end]
        out.passages.append((start, end, SharedPassage(passage, len(passage), occurrences, reports)))
    return out


def shared_corpus(db: Database, min_chars: int = DEFAULT_MIN_CHARS) -> CorpusShared:
    """Every sentence held by reports of two or more agency groups (read-only), most agencies first."""
    _check(min_chars)
    rows = db.execute(
        "WITH multi AS (SELECT hash FROM passage_hashes WHERE length >= ? GROUP BY hash HAVING count(*) > 1) "
        'SELECT p.hash, p.document_seq, p.start, p."end" FROM passage_hashes p JOIN multi USING (hash)',
        [min_chars]).fetchall()
    corpus = _Corpus(db)
    by_hash: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for h, seq, start, end in rows:
        if seq in corpus.rows:
            by_hash[h].append((seq, start, end))
    kept = {h: occ for h, occ in by_hash.items() if len({corpus.group[s] for s, _, _ in occ}) >= 2}
    texts = _texts(db, {h: occ[0] for h, occ in kept.items()})
    out = CorpusShared(unindexed=unindexed_count(db))
    for h, occ in kept.items():
        occurrences, reports = corpus.per_agency(occ)
        text = texts.get(h, "")
        out.passages.append(SharedPassage(text, len(text), occurrences, reports))
    out.passages.sort(key=lambda p: (-p.agencies, p.earliest.sort_key(), p.text))
    return out
