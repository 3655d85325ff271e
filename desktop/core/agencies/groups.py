"""Reports grouped by agency across years, and the reviewer's merges and splits of those groups.

A report's group comes from its effective agency name (``documents.agency``: what segmentation found, with the
reviewer's corrections applied): its :func:`~desktop.core.agencies.identity.agency_key`, completed with its
higher places when exactly one fuller key in the corpus fits. The reviewer's decisions (table
``agency_identity``) come first: a ``document`` row puts one report in a group (a split), an ``alias`` row sends
a whole key or group to another group (a merge). They are stored like corrections: who and when, deleted softly
so that undo, redo and merge find the same row. Reports with no agency name are never grouped with anything.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlite_utils import Database

from desktop.core.agencies.identity import agency_key, cached_key, place_completions
from desktop.core.clock import now_iso
from desktop.core.collation import pinyin_sort_key
from desktop.core.errors import ReviewDeskError
from desktop.core.storage.documents import DocumentSummary, list_documents

ALIAS, DOCUMENT = "alias", "document"
NAMED = "#"  # a group key the reviewer named (a split): '#' + the name
NO_AGENCY = "?"  # prefix of the one-report group of a report whose agency was not found
_MAX_HOPS = 32


class IdentityError(ReviewDeskError):
    """A merge or split that cannot be made (unknown group or report, a group merged into itself, no name)."""


@dataclass(frozen=True)
class AgencyGroup:
    """One agency across years: its key, the name shown, its reports (oldest year first)."""

    key: str
    name: str
    reports: tuple[DocumentSummary, ...]
    decided_by_reviewer: bool = False

    @property
    def years(self) -> list[int]:
        return sorted({r.year for r in self.reports if r.year is not None})

    @property
    def names(self) -> list[str]:
        """Every name its reports print, most frequent first."""
        counts = Counter(r.agency for r in self.reports if r.agency)
        return [n for n, _ in counts.most_common()]


@dataclass
class Grouping:
    """Every current report's group; ``by_document`` maps a report id to its group key."""

    groups: dict[str, AgencyGroup] = field(default_factory=dict)
    by_document: dict[str, str] = field(default_factory=dict)

    def group_of(self, document_id: str) -> AgencyGroup | None:
        key = self.by_document.get(document_id)
        return self.groups.get(key) if key is not None else None

    def ordered(self) -> list[AgencyGroup]:
        """Groups by name in pinyin order (as the corpus table, WPS and Excel sort), those without an agency last."""
        return sorted(self.groups.values(),
                      key=lambda g: (g.key.startswith(NO_AGENCY), pinyin_sort_key(g.name), g.name, g.key))


@dataclass(frozen=True)
class IdentityRow:
    """One stored merge or split decision."""

    id: str
    kind: str
    subject: str
    group_key: str
    reviewer_id: str | None
    created_at: str
    updated_at: str
    deleted_at: str | None


@dataclass(frozen=True)
class IdentityChange:
    """What one merge or split wrote: the rows it made and the live rows it replaced (deleted)."""

    made: tuple[str, ...]
    superseded: tuple[str, ...]
    document_ids: tuple[str, ...]


def _live_rows(db: Database) -> list[IdentityRow]:
    return [IdentityRow(**r) for r in db.query(
        "SELECT id, kind, subject, group_key, reviewer_id, created_at, updated_at, deleted_at "
        "FROM agency_identity WHERE deleted_at IS NULL ORDER BY updated_at, id")]


def group_name(key: str, reports: list[DocumentSummary] | tuple[DocumentSummary, ...]) -> str:
    """The name a group is shown under: the reviewer's name for it, else the fullest name of its latest year."""
    if key.startswith(NAMED):
        return key[len(NAMED):]
    named = [r for r in reports if r.agency]
    if not named:
        return ""
    latest = max(r.year or 0 for r in named)
    return max((r.agency or "" for r in named if (r.year or 0) == latest), key=lambda n: (len(n), n))


def _resolve(key: str, aliases: dict[str, str], completions: dict[str, str]) -> str:
    seen = {key}
    for _ in range(_MAX_HOPS):
        nxt = aliases.get(key) or completions.get(key)
        if nxt is None or nxt in seen:
            break
        seen.add(nxt)
        key = nxt
    return key


def group_keys(db: Database, reports: list[tuple[str, str | None]],
               corpus_names: Iterable[str | None] | None = None) -> tuple[dict[str, str], set[str]]:
    """The group key of each (report id, agency name), and the keys the reviewer's decisions made (read-only).
    ``corpus_names``: every agency name of the corpus, when ``reports`` are only some of its reports (a short name
    is completed with its higher places only when exactly one fuller name of the whole corpus fits)."""
    aliases: dict[str, str] = {}
    placed: dict[str, str] = {}
    for row in _live_rows(db):  # oldest first: a later decision about the same subject wins
        (aliases if row.kind == ALIAS else placed)[row.subject] = row.group_key
    raw = {agency: cached_key(agency) for agency in {a for _, a in reports}}
    every = {cached_key(a) for a in corpus_names} if corpus_names is not None else set(raw.values())
    completions = place_completions({k for k in every | set(raw.values()) if k})
    by_start: dict[str, tuple[str, bool]] = {}  # a corpus repeats its names: each resolved once

    def resolved(start: str) -> tuple[str, bool]:
        if start not in by_start:
            key = _resolve(start, aliases, completions)
            by_start[start] = (key, key != _resolve(start, {}, completions))
        return by_start[start]

    keys: dict[str, str] = {}
    decided: set[str] = set()
    for doc_id, agency in reports:
        start = placed.get(doc_id) or raw[agency] or f"{NO_AGENCY}{doc_id}"
        key, by_reviewer = resolved(start)
        if by_reviewer or doc_id in placed:
            decided.add(key)
        keys[doc_id] = key
    return keys, decided


def grouping(db: Database, documents: list[DocumentSummary] | None = None) -> Grouping:
    """Every current report's agency group (read-only; safe on a reader connection)."""
    docs = documents if documents is not None else list_documents(db)
    by_document, decided = group_keys(db, [(d.id, d.agency) for d in docs])
    members: dict[str, list[DocumentSummary]] = {}
    for d in docs:
        members.setdefault(by_document[d.id], []).append(d)
    groups = {}
    for key, reports in members.items():
        reports.sort(key=lambda r: (r.year is None, r.year or 0, r.published_at or "", r.name))
        groups[key] = AgencyGroup(key, group_name(key, reports), tuple(reports), key in decided)
    return Grouping(groups, by_document)


def find_groups(db: Database, query: str) -> tuple[AgencyGroup | None, list[AgencyGroup]]:
    """The group a command-line AGENCY argument means (a name in any of its forms, a group key, or a report id),
    and, when none matches exactly, the groups whose names contain it (for the message)."""
    g = grouping(db)
    query = query.strip()
    if query in g.by_document:
        return g.group_of(query), []
    if query in g.groups:
        return g.groups[query], []
    key = agency_key(query)
    for candidate in (key, place_completions({key, *g.groups}).get(key, "")):
        if candidate:
            for group in g.groups.values():
                if group.key == candidate or any(agency_key(n) == candidate for n in group.names):
                    return group, []
    near = [grp for grp in g.ordered() if query and (query in grp.name or any(query in n for n in grp.names)
                                                      or (key and key in grp.key))]
    return None, near


# --- the reviewer's decisions -----------------------------------------------------------------------------------


def _insert(db: Database, kind: str, subject: str, group_key: str, reviewer_id: str | None, now: str) -> tuple[str, list[str]]:
    superseded = [r["id"] for r in db.query("SELECT id FROM agency_identity WHERE kind = ? AND subject = ? AND "
                                            "deleted_at IS NULL", [kind, subject])]
    if superseded:
        db.execute(f"UPDATE agency_identity SET deleted_at = ?, updated_at = ? WHERE id IN "
                   f"({','.join('?' * len(superseded))})", [now, now, *superseded])
    row_id = str(uuid.uuid4())
    db.execute("INSERT INTO agency_identity (id, kind, subject, group_key, reviewer_id, created_at, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)", [row_id, kind, subject, group_key, reviewer_id, now, now])
    return row_id, superseded


def merge_groups(db: Database, source_key: str, target_key: str, reviewer_id: str | None = None) -> IdentityChange:
    """Put every report of group ``source_key`` into group ``target_key`` (one transaction)."""
    with db.atomic():
        g = grouping(db)
        for key in (source_key, target_key):
            if key not in g.groups:
                raise IdentityError(f"no agency group {key!r}; list the groups with `reviewdesk timeline`")
        if source_key == target_key:
            raise IdentityError("a group cannot be merged into itself; choose another group")
        now = now_iso()
        made, superseded = [], []
        # every key its reports start from goes to the target, so reports imported later follow too
        starts = set()
        placed = {r.subject: r.group_key for r in _live_rows(db) if r.kind == DOCUMENT}
        for d in g.groups[source_key].reports:
            starts.add(placed.get(d.id) or agency_key(d.agency) or f"{NO_AGENCY}{d.id}")
        starts.add(source_key)
        for subject in sorted(starts - {target_key}):
            row_id, old = _insert(db, ALIAS, subject, target_key, reviewer_id, now)
            made.append(row_id)
            superseded.extend(old)
        ids = tuple(d.id for d in g.groups[source_key].reports + g.groups[target_key].reports)
    return IdentityChange(tuple(made), tuple(superseded), ids)


def split_reports(db: Database, document_ids: list[str], name: str, reviewer_id: str | None = None) -> IdentityChange:
    """Put the given reports into a group of their own named ``name`` (one transaction)."""
    name = name.strip()
    if not name:
        raise IdentityError("a group split off needs a name; type the agency's name for it")
    with db.atomic():
        g = grouping(db)
        unknown = [i for i in document_ids if i not in g.by_document]
        if unknown or not document_ids:
            raise IdentityError(f"no current report with id {', '.join(unknown) or '(none given)'}")
        key = NAMED + name
        now = now_iso()
        made, superseded = [], []
        for doc_id in document_ids:
            row_id, old = _insert(db, DOCUMENT, doc_id, key, reviewer_id, now)
            made.append(row_id)
            superseded.extend(old)
        before = {g.by_document[i] for i in document_ids}
        ids = tuple(d.id for k in before for d in g.groups[k].reports)
    return IdentityChange(tuple(made), tuple(superseded), ids)


def identity_states(db: Database, ids: list[str] | tuple[str, ...]) -> list[IdentityRow]:
    """The stored rows with these ids (deleted or not), for undo's unchanged-check."""
    if not ids:
        return []
    return [IdentityRow(**r) for r in db.query(
        f"SELECT id, kind, subject, group_key, reviewer_id, created_at, updated_at, deleted_at "
        f"FROM agency_identity WHERE id IN ({','.join('?' * len(ids))}) ORDER BY id", list(ids))]


def delete_identity_rows(db: Database, ids: list[str] | tuple[str, ...]) -> None:
    if ids:
        now = now_iso()
        db.execute(f"UPDATE agency_identity SET deleted_at = ?, updated_at = ? WHERE id IN "
                   f"({','.join('?' * len(ids))})", [now, now, *ids])


def restore_identity_rows(db: Database, ids: list[str] | tuple[str, ...]) -> None:
    if ids:
        db.execute(f"UPDATE agency_identity SET deleted_at = NULL, updated_at = ? WHERE id IN "
                   f"({','.join('?' * len(ids))})", [now_iso(), *ids])


def undo_identity(db: Database, change: IdentityChange) -> None:
    """Take a merge or split back: its rows deleted, the rows it replaced live again (one transaction)."""
    with db.atomic():
        delete_identity_rows(db, change.made)
        restore_identity_rows(db, change.superseded)


def redo_identity(db: Database, change: IdentityChange) -> None:
    with db.atomic():
        restore_identity_rows(db, change.made)
        delete_identity_rows(db, change.superseded)
