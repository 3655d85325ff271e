"""Text that reports of different agencies share: sentences found word for word (punctuation, spacing and width
aside) in reports of two or more agency groups, from the sentence index (desktop.core.agencies.passages).

:func:`shared_with_others` lists, for one report, each of its sentences that another agency's report also holds,
with those reports (agency, year, publication date); :func:`shared_corpus` lists every such sentence of the corpus,
grouped by sentence, each occurrence with its agency, year and publication date, the earliest first. Reports of
one agency group sharing text with each other (last year's report) are not counted here: that is the timeline's
business. Read-only: call :func:`~desktop.core.agencies.passages.refresh_index` first (on the writer) so the index
covers the corpus; the results say how many reports it did not cover (``unindexed``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlite_utils import Database

from desktop.core.agencies.groups import grouping
from desktop.core.agencies.passages import MIN_INDEXED, index_state
from desktop.core.errors import ReviewDeskError
from desktop.core.storage.documents import DocumentSummary, list_documents

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
    """One sentence found in reports of at least two agency groups; ``occurrences`` earliest first."""

    text: str
    length: int
    occurrences: tuple[Occurrence, ...]

    @property
    def agencies(self) -> int:
        return len({o.group_key for o in self.occurrences})

    @property
    def earliest(self) -> Occurrence:
        return self.occurrences[0]


@dataclass
class DocumentShared:
    """The sentences of one report that other agencies' reports share, in text order."""

    document_id: str
    passages: list[tuple[int, int, SharedPassage]] = field(default_factory=list)  # (start, end) in this report
    unindexed: int = 0

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
    """Current reports by seq, with their agency group."""

    def __init__(self, db: Database) -> None:
        docs = list_documents(db)
        g = grouping(db, docs)
        self.by_seq: dict[int, DocumentSummary] = {d.seq: d for d in docs}
        self.group: dict[int, str] = {d.seq: g.by_document[d.id] for d in docs}

    def occurrence(self, seq: int, start: int, end: int) -> Occurrence:
        d = self.by_seq[seq]
        return Occurrence(d.id, d.agency, self.group[seq], d.year, d.published_at, start, end)


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
        out.update({r[0]: r[1] for r in db.execute(sql, params).fetchall()})
    return out


def shared_with_others(db: Database, document_id: str, min_chars: int = DEFAULT_MIN_CHARS) -> DocumentShared:
    """The sentences of one report that reports of other agency groups also hold (read-only)."""
    _check(min_chars)
    row = db.execute("SELECT seq FROM documents WHERE id = ? AND replaced_by IS NULL", [document_id]).fetchone()
    if row is None:
        raise SharedTextError(f"no current report with id {document_id}; list them with `reviewdesk list`")
    seq = row[0]
    state = index_state(db)
    out = DocumentShared(document_id, unindexed=len(state.to_index))
    own = db.execute('SELECT hash, start, "end" FROM passage_hashes WHERE document_seq = ? AND length >= ?',
                     [seq, min_chars]).fetchall()
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
    this = corpus.by_seq.get(seq)
    for h, start, end in sorted(own, key=lambda r: r[1]):
        found = [corpus.occurrence(s, a, b) for s, a, b in others.get(h, ()) if s in corpus.by_seq]
        found = [o for o in found if o.group_key != mine]
        if not found or this is None:
            continue
        me = corpus.occurrence(seq, start, end)
        text = db.execute("SELECT substr(text, ?, ?) FROM documents WHERE seq = ?", [start + 1, end - start, seq]).fetchone()[0]
        occurrences = tuple(sorted([me, *found], key=Occurrence.sort_key))
        length = len(text)
        out.passages.append((start, end, SharedPassage(text, length, occurrences)))
    return out


def shared_corpus(db: Database, min_chars: int = DEFAULT_MIN_CHARS) -> CorpusShared:
    """Every sentence held by reports of two or more agency groups (read-only), most agencies first."""
    _check(min_chars)
    state = index_state(db)
    rows = db.execute(
        "WITH multi AS (SELECT hash FROM passage_hashes WHERE length >= ? GROUP BY hash HAVING count(*) > 1) "
        'SELECT p.hash, p.document_seq, p.start, p."end" FROM passage_hashes p JOIN multi USING (hash)',
        [min_chars]).fetchall()
    corpus = _Corpus(db)
    by_hash: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for h, seq, start, end in rows:
        if seq in corpus.by_seq:
            by_hash[h].append((seq, start, end))
    kept = {h: occ for h, occ in by_hash.items() if len({corpus.group[s] for s, _, _ in occ}) >= 2}
    texts = _texts(db, {h: occ[0] for h, occ in kept.items()})
    out = CorpusShared(unindexed=len(state.to_index))
    for h, occ in kept.items():
        occurrences = tuple(sorted((corpus.occurrence(*o) for o in occ), key=Occurrence.sort_key))
        text = texts.get(h, "")
        out.passages.append(SharedPassage(text, len(text), occurrences))
    out.passages.sort(key=lambda p: (-p.agencies, p.earliest.sort_key(), p.text))
    return out
