"""The same agency's earlier report, by agency identity (never by the exact name printed on the report).

"The same agency" is the agency group of desktop.core.agencies.groups: ``XX县人民政府`` and ``XX县政府``, full and
short forms of one body, and the reviewer's merges and splits. :func:`previous_report` is what side by side
(Compare With Previous Year), the annotate aids and the promise tracker call "last year's report": the group's
latest report of an earlier year. The corpus' identity is built once per change of it
(desktop.core.agencies.cache), so opening report after report does not group the corpus each time.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from desktop.core.agencies.cache import cached, one_snapshot
from desktop.core.agencies.groups import group_keys
from desktop.core.storage.documents import DocumentSummary, get_summary


@dataclass(frozen=True)
class CorpusIdentity:
    """Each current report's group key, and each group's reports as (year, id), in the agency views' order (by
    year, publication date, file name; reports without a year last)."""

    group_of: dict[str, str]
    members: dict[str, tuple[tuple[int | None, str], ...]]

    def earlier(self, document_id: str, year: int | None) -> list[str]:
        """The ids of the report's group's reports of a year before ``year``, oldest first."""
        key = self.group_of.get(document_id)
        if key is None or year is None:
            return []
        return [doc_id for y, doc_id in self.members[key] if y is not None and y < year]


def _build(db: Database) -> CorpusIdentity:
    rows = [(r["id"], r["agency"], r["year"]) for r in db.query(
        "SELECT id, agency, year FROM documents INDEXED BY documents_summary WHERE replaced_by IS NULL "
        "ORDER BY year IS NULL, year, coalesce(published_at, ''), name, seq")]
    keys, _ = group_keys(db, [(doc_id, agency) for doc_id, agency, _ in rows])
    members: dict[str, list[tuple[int | None, str]]] = {}
    for doc_id, _agency, year in rows:
        members.setdefault(keys[doc_id], []).append((year, doc_id))
    return CorpusIdentity(keys, {k: tuple(v) for k, v in members.items()})


def corpus_identity(db: Database) -> CorpusIdentity:
    """The corpus' agency identity (read-only; kept while nothing it depends on changes)."""
    return cached(db, "previous.identity", _build)


def previous_report(db: Database, document_id: str) -> DocumentSummary | None:
    """The same agency group's latest report of an earlier year, if the corpus holds one (read-only)."""
    with one_snapshot(db):
        current = get_summary(db, document_id)
        if current is None or current.year is None:
            return None
        earlier = corpus_identity(db).earlier(document_id, current.year)
        return get_summary(db, earlier[-1]) if earlier else None


def same_agency(db: Database, document_id: str, other_id: str) -> bool:
    """Whether two current reports belong to one agency group."""
    group_of = corpus_identity(db).group_of
    return document_id in group_of and group_of.get(document_id) == group_of.get(other_id)
