"""Who may change what in a merge, and whether the source file is whole.

A reviewer's package (``package_reviewer_id`` in its settings) may bring only that reviewer's own work: scores,
reviews, annotations and corrections whose ``reviewer_id`` is the package's reviewer. Any other row it carries —
another reviewer's, an anonymous one, an assignment, the lead's adjudications and finals — must be exactly as in
this database (the package was cut from it) or the merge is refused with those rows named. A database that is not a
package carries no such identity: it is merged whole only when the lead says it comes from someone they trust
(``trust``: a co-lead's database, a colleague's own database).

Before anything is read, the file itself is checked: a ``-wal`` beside it means the reviewer's latest work may
still be in that file (the app was open when the ``.sqlite3`` was copied), so the merge is refused with what to do.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from desktop.core.errors import ReviewDeskError
from desktop.core.exchange.package import (
    PACKAGE_CREATED_KEY,
    PACKAGE_REVIEWER_KEY,
    package_reviewer_id,
    reviewer_work,
)

# Tables whose rows are one reviewer's work (reviewer_id), with the columns that identify a row across files.
REVIEWER_TABLES: dict[str, tuple[str, ...]] = {
    "annotations": ("id",),
    "corrections": ("id",),
    "reviews": ("document_id", "reviewer_id", "rubric_id"),
    "scores": ("document_id", "reviewer_id", "rubric_id", "criterion_id"),
    "agency_identity": ("id",),      # schema 0014: the reviewer's agency merges and splits
    "promise_matches": ("id",),      # schema 0014: the reviewer's verdicts on last year's plan items
    "review_versions": ("id",),      # schema 0010: what the reviewer submitted each time
}
# The panel layer: the lead's alone (assignments, decisions, finals); never from a package.
PANEL_TABLES: dict[str, tuple[str, ...]] = {
    "assignments": ("document_id", "reviewer_id"),
    "adjudications": ("document_id", "rubric_id"),
    "adjudication_scores": ("document_id", "rubric_id", "criterion_id"),
}
MAX_NAMED = 20


class SourceRefused(ReviewDeskError):
    """The source file cannot be merged as it is (a -wal beside it, no work, rows it may not change)."""


@dataclass(frozen=True)
class Authority:
    """What the source may change: one reviewer's work (a package) or everything (a trusted database)."""

    reviewer_id: str | None     # the package's reviewer; None: a trusted database, every row merges
    reviewer_name: str
    created_at: str | None      # when the package was made: edits on both sides after it are conflicts

    @property
    def is_package(self) -> bool:
        return self.reviewer_id is not None

    def may_merge(self, table: str, row: dict) -> bool:
        """Whether a row of ``table`` from the source may change this database."""
        if not self.is_package:
            return True
        if table in REVIEWER_TABLES:
            return row.get("reviewer_id") == self.reviewer_id
        return table not in PANEL_TABLES


def check_source_file(source: Path) -> None:
    """Refuse a database file with a non-empty ``-wal`` beside it (its latest work is in that file)."""
    wal = source.with_name(source.name + "-wal")
    try:
        size = wal.stat().st_size
    except OSError:
        return
    if size > 0:
        raise SourceRefused(
            f"{source}: a file {wal.name} ({size:,} bytes) lies beside it: the reviewer's latest work may be in "
            "that file, not in the one given (the database was copied while ReviewDesk had it open). Nothing was "
            "merged. Ask the reviewer to send the package with File › 交回评阅包 (or `reviewdesk package --return "
            "--out FILE`), which writes one complete file; or close ReviewDesk where the file is open and copy it "
            "again")


def source_authority(db: Database, source: Path, trust: bool) -> Authority:
    """The authority of the attached source ``src``; refuses an untrusted database that is not a package."""
    reviewer_id = package_reviewer_id(db, "src")
    try:
        settings = {r["key"]: r["value"] for r in db.query("SELECT key, value FROM src.settings WHERE key IN (?, ?)",
                                                           [PACKAGE_REVIEWER_KEY, PACKAGE_CREATED_KEY])}
    except sqlite3.OperationalError:
        settings = {}
    if PACKAGE_REVIEWER_KEY in settings:
        if reviewer_id is None:
            raise SourceRefused(f"{source} is a package for {settings[PACKAGE_REVIEWER_KEY]!r} but holds no "
                                "reviewer of that name: it was edited by hand; ask for the package again")
        here = next(db.query("SELECT name FROM main.reviewers WHERE id = ?", [reviewer_id]), None)
        if here is None:
            raise SourceRefused(f"{source} is a package for {settings[PACKAGE_REVIEWER_KEY]!r} (reviewer id "
                                f"{reviewer_id}), who is not a reviewer of this database; merge it into the "
                                "database it was made from")
        return Authority(reviewer_id, here["name"], settings.get(PACKAGE_CREATED_KEY))
    if not trust:
        raise SourceRefused(
            f"{source} is not a reviewer package (made with `reviewdesk package`), so nothing in it says whose work "
            "it holds; merging it may change any reviewer's scores and the lead's decisions. Nothing was merged. "
            "Merge it only if it comes from someone you trust (a co-lead, a colleague's own database): "
            "`reviewdesk merge --trust FILE`")
    return Authority(None, "", None)


def _differs(db: Database, table: str, key: tuple[str, ...], row: dict) -> bool:
    """Whether a source row is absent from this database or differs from it in anything but time stamps."""
    where = " AND ".join(f'"{c}" IS ?' for c in key)
    mine = next(db.query(f'SELECT * FROM main."{table}" WHERE {where}', [row[c] for c in key]), None)
    if mine is None:
        return True
    return any(mine.get(c) != v for c, v in row.items()
               if c in mine and c != "id" and not c.endswith("_at") and c != "seq")


def overreach(db: Database, auth: Authority) -> list[str]:
    """The rows of a package that are not its reviewer's work and would change this database, named."""
    if not auth.is_package:
        return []
    problems: list[str] = []
    names = {r["id"]: r["name"] for r in db.query("SELECT id, name FROM main.reviewers")}
    names.update({r["id"]: r["name"] for r in db.query("SELECT id, name FROM src.reviewers")})
    titles = {r["id"]: r["label"] for r in db.query(
        "SELECT id, coalesce(nullif(title, ''), name) AS label FROM src.documents")}
    for table, key in {**REVIEWER_TABLES, **PANEL_TABLES}.items():
        if not db.execute("SELECT 1 FROM src.sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone():
            continue
        for row in db.query(f'SELECT * FROM src."{table}"'):
            if auth.may_merge(table, row):
                continue
            if table == "assignments" and row.get("reviewer_id") == auth.reviewer_id and auth.created_at \
                    and (row.get("assigned_at") or "") <= auth.created_at:
                continue  # the reviewer's own assignment as the package was made (the lead may have changed it)
            if not _differs(db, table, key, row):
                continue
            who = names.get(row.get("reviewer_id") or "", "no reviewer") if "reviewer_id" in row else "the lead"
            what = f"{table} {row.get('id')}: {who}"
            if row.get("document_id"):
                what += f", report {titles.get(row['document_id'], row['document_id'])}"
            if row.get("criterion_id"):
                what += f", criterion {row['criterion_id']}"
            problems.append(what)
    return problems


def refuse_overreach(source: Path, auth: Authority, problems: list[str]) -> None:
    if not problems:
        return
    shown = "\n".join(f"  - {p}" for p in problems[:MAX_NAMED])
    more = f"\n  … and {len(problems) - MAX_NAMED} more" if len(problems) > MAX_NAMED else ""
    raise SourceRefused(
        f"{source} is {auth.reviewer_name}'s package but changes {len(problems)} row(s) that are not "
        f"{auth.reviewer_name}'s own work (a package may bring only its reviewer's scores, reviews, annotations "
        f"and corrections; assignments, the lead's decisions and other reviewers' rows stay as they are here). "
        f"Nothing was merged. Ask {auth.reviewer_name} for the package as ReviewDesk wrote it:\n{shown}{more}")


def check_has_work(db: Database, source: Path, auth: Authority) -> None:
    """Refuse a package that holds none of its reviewer's work (often: copied without its -wal)."""
    if not auth.is_package or auth.reviewer_id is None:
        return
    if any(reviewer_work(db, auth.reviewer_id, "src").values()):
        return
    raise SourceRefused(
        f"{source} is {auth.reviewer_name}'s package but holds none of {auth.reviewer_name}'s work (no score, "
        "review, annotation or correction). Nothing was merged. If the reviewer worked in it, the work is still "
        "on their computer (in the file's -wal, left behind when a database is copied while ReviewDesk has it "
        "open): ask for the package again, sent with File › 交回评阅包 (or `reviewdesk package --return`)")
