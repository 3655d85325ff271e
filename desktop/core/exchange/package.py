"""Reviewer packages: a ReviewDesk database holding just one reviewer's reports, to review offline.

:func:`make_package` copies the lead's database (``VACUUM INTO``, a consistent snapshot) and removes from the copy
every report not assigned to (or started by) the reviewer, every other reviewer's annotations, scores, reviews and
assignments, and the lead's adjudications. The rubrics, the codebook (tags), the settings (the active rubric) and
the project id stay, and the copy is marked as a package for that reviewer (settings ``package_reviewer``,
``package_created_at``, and the reviewer's id ``package_reviewer_id``: merge accepts from a package only that
reviewer's rows). The copy is written under a temporary name and takes the package's name only once trimmed: a
killed ``package`` never leaves the lead's whole database under the name the reviewer is sent.

The reviewer opens the file in the app (``reviewdesk gui --db FILE``) and sends it back with
:func:`return_package` (File › 交回评阅包, ``reviewdesk package --return``): a consistent single-file copy made
through SQLite's backup API, so work still in the ``-wal`` file beside the database travels too. The lead merges
it with ``reviewdesk merge``, which refuses a package whose project id is not the lead database's.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from desktop.core.clock import now_iso
from desktop.core.errors import ReviewDeskError
from desktop.core.review.reviewers import find_reviewer, list_reviewers
from desktop.core.storage.database import column, database_file
from desktop.core.storage.search import clear_index, index_documents
from desktop.core.storage.settings import get_setting, project_id, set_setting

PACKAGE_REVIEWER_KEY = "package_reviewer"
PACKAGE_CREATED_KEY = "package_created_at"
PACKAGE_REVIEWER_ID_KEY = "package_reviewer_id"
# JSON list of {"id", "at"}: every return written from this package file (the copy carries the list so far)
PACKAGE_RETURNS_KEY = "package_returns"
# Tables whose rows belong to one reviewer: a package keeps only its reviewer's.
_REVIEWER_TABLES = ("annotations", "scores", "reviews", "assignments", "review_versions")
# The lead's decisions and merge records: never in a package.
_LEAD_TABLES = ("adjudications", "adjudication_scores", "merge_conflicts")


class PackageError(ReviewDeskError):
    """A package that cannot be made (unknown reviewer, nothing assigned, file exists)."""


@dataclass(frozen=True)
class PackageResult:
    """What went into a package."""

    path: Path
    reviewer: str
    reports: int
    project_id: str


def package_reports(db: Database, reviewer_id: str) -> list[str]:
    """The current reports a package for the reviewer holds: assigned to them or already started by them."""
    return column(
        db, "SELECT d.id FROM documents d WHERE d.replaced_by IS NULL AND (d.id IN (SELECT document_id FROM "
        "assignments WHERE reviewer_id = ?) OR d.id IN (SELECT document_id FROM reviews WHERE reviewer_id = ? AND "
        "status != 'not_started')) ORDER BY d.seq", [reviewer_id, reviewer_id])


def package_info(db: Database) -> tuple[str, str] | None:
    """(reviewer name, project id) when this database is a package, else None."""
    reviewer = get_setting(db, PACKAGE_REVIEWER_KEY)
    return (reviewer, project_id(db)) if reviewer else None


def _tables_with(db: Database, wanted: str) -> list[str]:
    out = []
    for name in column(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
                           "'CREATE VIRTUAL%' AND name NOT LIKE 'search_index%' AND name NOT LIKE 'sqlite_%' "
                           "AND name NOT LIKE '\\_%' ESCAPE '\\'"):
        if wanted in {r["name"] for r in db.query(f'PRAGMA table_info("{name}")')}:
            out.append(name)
    return out


def make_package(db: Database, reviewer_name: str, out: str | Path) -> PackageResult:
    """Write a package for the reviewer named ``reviewer_name`` to the new file ``out``; see the module docstring."""
    out = Path(out)
    reviewer = find_reviewer(db, reviewer_name)
    if reviewer is None:
        known = ", ".join(r.name for r in list_reviewers(db)) or "none yet"
        raise PackageError(f"no reviewer named {reviewer_name!r} in this database (reviewers: {known}); assign "
                           "reports to the reviewer first (reviewdesk assign)")
    keep = package_reports(db, reviewer.id)
    if not keep:
        raise PackageError(f"no reports are assigned to {reviewer.name}; assign reports first (reviewdesk assign)")
    if out.exists():
        raise PackageError(f"{out} already exists; choose a new file name (a package never overwrites a file)")
    if not out.parent.is_dir():
        raise PackageError(f"{out.parent} is not a folder; choose a file in an existing folder")
    project = project_id(db)
    work = _partial_name(out)
    db.execute("VACUUM INTO CAST(? AS TEXT)", [os.fsencode(work)])  # bytes as text: a name that is not UTF-8
    conn = sqlite3.connect(os.fsencode(work), isolation_level=None)  # bytes: a file name that is not UTF-8
    try:
        pkg = Database(conn)
        pkg.execute("PRAGMA foreign_keys = ON")
        _trim(pkg, reviewer.id, keep)
        set_setting(pkg, PACKAGE_REVIEWER_KEY, reviewer.name)
        set_setting(pkg, PACKAGE_REVIEWER_ID_KEY, reviewer.id)
        set_setting(pkg, PACKAGE_CREATED_KEY, now_iso())
        pkg.execute("VACUUM")
        pkg.execute("PRAGMA journal_mode = DELETE")  # one self-contained file to hand over
        conn.close()
        _publish(work, out)
    except BaseException:
        conn.close()
        work.unlink(missing_ok=True)
        raise
    return PackageResult(out, reviewer.name, len(keep), project)


def _partial_name(out: Path) -> Path:
    """A hidden temporary name beside ``out`` for a copy that is not finished (never ``out`` itself)."""
    return out.with_name(f".{out.name}.partial-{uuid.uuid4().hex[:8]}")


def _publish(work: Path, out: Path) -> None:
    """Give the finished copy ``work`` its name ``out`` without ever replacing a file that appeared meanwhile."""
    try:
        os.link(work, out)  # fails when out exists: never overwrites
    except FileExistsError:
        raise PackageError(f"{out} already exists; choose a new file name (a package never overwrites a file)") \
            from None
    except OSError:  # a file system without hard links (FAT on a USB stick)
        if out.exists():
            raise PackageError(f"{out} already exists; choose a new file name") from None
        os.replace(work, out)
        return
    work.unlink()


@dataclass(frozen=True)
class ReturnResult:
    """What a returned package holds of its reviewer's work."""

    path: Path
    reviewer: str
    reviews: int          # the reviewer's reviews started or submitted
    scores: int
    annotations: int


def reviewer_work(db: Database, reviewer_id: str, schema: str = "main") -> dict[str, int]:
    """How many rows of the reviewer's own work the database (``schema``: main or an attached one) holds."""
    counts = {}
    for table, extra in (("reviews", " AND status != 'not_started'"), ("scores", ""), ("annotations", ""),
                         ("corrections", "")):
        try:
            counts[table] = next(db.query(f"SELECT count(*) AS n FROM {schema}.{table} WHERE reviewer_id = ?{extra}",
                                          [reviewer_id]))["n"]
        except sqlite3.OperationalError:  # a source from before that table
            counts[table] = 0
    return counts


def package_reviewer_id(db: Database, schema: str = "main") -> str | None:
    """The id of the reviewer a package is for (None: not a package). Packages made before the id was recorded
    name only the reviewer: the package's own reviewers row of that name gives the id."""
    try:
        rows = {r["key"]: r["value"] for r in db.query(f"SELECT key, value FROM {schema}.settings WHERE key IN (?, ?)",
                                                       [PACKAGE_REVIEWER_KEY, PACKAGE_REVIEWER_ID_KEY])}
    except sqlite3.OperationalError:
        return None
    if PACKAGE_REVIEWER_KEY not in rows:
        return None
    if rows.get(PACKAGE_REVIEWER_ID_KEY):
        return str(rows[PACKAGE_REVIEWER_ID_KEY])
    row = next(db.query(f"SELECT id FROM {schema}.reviewers WHERE name = ?", [rows[PACKAGE_REVIEWER_KEY]]), None)
    return row["id"] if row else None


def package_returns(db: Database, schema: str = "main") -> list[dict[str, str]]:
    """The returns written from this package file so far (oldest first); [] when none or unreadable."""
    try:
        row = next(db.query(f"SELECT value FROM {schema}.settings WHERE key = ?", [PACKAGE_RETURNS_KEY]), None)
        value = json.loads(row["value"]) if row else []
    except (sqlite3.Error, ValueError, TypeError):
        return []
    if not isinstance(value, list):
        return []
    return [r for r in value if isinstance(r, dict) and isinstance(r.get("id"), str) and isinstance(r.get("at"), str)]


def return_package(db: Database, out: str | Path) -> ReturnResult:
    """Write this package (with the reviewer's work) to the new file ``out`` as one consistent file.

    SQLite's backup API copies what every committed transaction left, including pages still in the ``-wal``
    file, which a plain file copy of the ``.sqlite3`` leaves behind. The copy is written under a temporary name,
    switched to a rollback journal (no ``-wal`` of its own), checked, and renamed to ``out``. Each return is
    recorded in the package file itself (``package_returns``) before the copy, so the lead's merge knows which
    earlier returns this one continues.
    """
    out = Path(out)
    info = package_info(db)
    reviewer_id = package_reviewer_id(db)
    if info is None or reviewer_id is None:
        raise PackageError("this database is not a reviewer package; only a package made with `reviewdesk "
                           "package` is returned to the lead (the lead merges a colleague's own database with "
                           "`reviewdesk merge --trust`)")
    if out.exists():
        raise PackageError(f"{out} already exists; choose a new file name (a package never overwrites a file)")
    if not out.parent.is_dir():
        raise PackageError(f"{out.parent} is not a folder; choose a file in an existing folder")
    main_file = database_file(db)  # bytes-safe: a database named in GBK bytes
    if main_file and Path(main_file).resolve() == out.resolve():
        raise PackageError(f"{out} is this database itself; choose a new file name")
    work = _partial_name(out)
    returns = package_returns(db)
    returns.append({"id": str(uuid.uuid4()), "at": now_iso()})
    set_setting(db, PACKAGE_RETURNS_KEY, json.dumps(returns))
    try:
        dst = sqlite3.connect(os.fsencode(work), isolation_level=None)  # bytes: a file name that is not UTF-8
        try:
            db.conn.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            (problem,) = dst.execute("PRAGMA quick_check").fetchone()  # one column: the check's verdict
        finally:
            dst.close()
        if problem != "ok":
            raise PackageError(f"the copy failed its check ({problem}); nothing was written to {out}")
        _publish(work, out)
    except BaseException:
        work.unlink(missing_ok=True)
        raise
    work_counts = reviewer_work(db, reviewer_id)
    return ReturnResult(out, info[0], work_counts["reviews"], work_counts["scores"], work_counts["annotations"])


def _trim(pkg: Database, reviewer_id: str, keep: list[str]) -> None:
    """Remove from the copy what the reviewer's package does not hold, in one transaction."""
    with pkg.atomic():
        pkg.execute("CREATE TEMP TABLE keep_docs (id TEXT PRIMARY KEY)")
        pkg.conn.executemany("INSERT INTO keep_docs (id) VALUES (?)", [(d,) for d in keep])
        present = set(column(pkg, "SELECT name FROM sqlite_master WHERE type = 'table'"))
        for table in _LEAD_TABLES:
            if table in present:
                pkg.execute(f"DELETE FROM {table}")
        for table in _REVIEWER_TABLES:
            pkg.execute(f"DELETE FROM {table} WHERE reviewer_id IS NOT NULL AND reviewer_id != ?", [reviewer_id])
        pkg.execute("UPDATE documents SET replaced_by = NULL WHERE replaced_by IS NOT NULL")
        for table in _tables_with(pkg, "document_id"):
            pkg.execute(f"DELETE FROM {table} WHERE document_id NOT IN (SELECT id FROM keep_docs)")
        pkg.execute("DELETE FROM documents WHERE id NOT IN (SELECT id FROM keep_docs)")
        used = {reviewer_id}
        for table in _tables_with(pkg, "reviewer_id"):
            used |= set(column(pkg, f"SELECT DISTINCT reviewer_id FROM {table} WHERE reviewer_id IS NOT NULL"))
        marks = ",".join("?" * len(used))
        pkg.execute(f"DELETE FROM reviewers WHERE id NOT IN ({marks})", list(used))
        # the kept reports indexed again as one segment (cheaper than striking out every dropped one)
        clear_index(pkg)
        index_documents(pkg, [(row["seq"], row["text"], None) for row in pkg.query("SELECT seq, text FROM documents")])
        pkg.execute("DROP TABLE temp.keep_docs")


def check_package_project(db: Database, schema: str = "src", source: str = "") -> None:
    """Refuse (ReviewDeskError) to merge a package made from another project's database.

    ``schema`` is the attached database to look at. Plain reviewer databases (not packages) are not checked,
    so merging colleagues' own databases keeps working as before.
    """
    try:
        rows = dict(db.execute(f"SELECT key, value FROM {schema}.settings WHERE key IN (?, ?)",
                               [PACKAGE_REVIEWER_KEY, "project_id"]).fetchall())
    except sqlite3.OperationalError:
        return
    if PACKAGE_REVIEWER_KEY not in rows:
        return
    here = project_id(db)
    there = rows.get("project_id")
    if there != here:
        raise ReviewDeskError(f"{source or 'the file'} is a package for {rows[PACKAGE_REVIEWER_KEY]} from another "
                              f"project ({there or 'no project id'}; this database is project {here}); merge it "
                              "into the database it was made from")
