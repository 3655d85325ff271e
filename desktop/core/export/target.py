"""Where an export may be written, and how a failed write is reported; how long a cell may be.

An export never replaces the database it reads, its ``-wal``/``-shm``/``-journal`` companions, one of its
backups, or any other SQLite file (the target is compared by resolved path and by identity, so links are
caught too). A target that cannot be written (read-only folder, full disk) gives an :class:`ExportError`
naming the target and what to do, never a traceback; the temporary file is removed, so nothing half-written
is left. Long texts (a 20 MB comment) are cut to a bounded length in the sheets laid out page by page (pdf,
docx) and in spreadsheet cells; the json dump keeps the full text.
"""

from __future__ import annotations

import dataclasses
import errno
import os
from pathlib import Path
from typing import Any, TypeVar, cast

from sqlite_utils import Database

from desktop.core.errors import ReviewDeskError

T = TypeVar("T")

MAX_PARAGRAPH_CHARS = 5_000   # one paragraph or table cell of a pdf/docx sheet
MAX_CELL_CHARS = 32_000       # one spreadsheet cell (Excel holds at most 32,767 characters)
CUT_NOTE = "…（内容过长，已截断；全文见 JSON 导出）"


class ExportTargetError(ReviewDeskError):
    """The chosen target must not or cannot be written."""


def bounded(text: str, limit: int = MAX_PARAGRAPH_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters, saying so and where the full text is."""
    if len(text) <= limit:
        return text
    return text[:max(0, limit - len(CUT_NOTE))] + CUT_NOTE


def _database_file(db: Database) -> Path | None:
    from desktop.core.storage.database import database_file

    name = database_file(db)
    return Path(name) if name else None


def check_regular_target(out: Path, *, folder: bool = False) -> None:
    """Refuse a target that is not a regular file (or, with ``folder``, a folder) or a new name in an existing,
    writable folder: a device (/dev/null, /dev/stdout), a pipe, a socket or a symbolic link would be replaced by
    (or written through to) something else than the user meant."""
    import stat

    try:
        info = out.lstat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise ExportTargetError(f"{out} cannot be examined ({exc.strerror or exc}); choose another file name") from exc
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise ExportTargetError(f"{out} is a symbolic link; an export writes a file of its own, never through a "
                                    "link: choose the real file or a new name")
        if stat.S_ISDIR(info.st_mode):
            return  # a folder: the caller says whether one is wanted
        if not stat.S_ISREG(info.st_mode):
            raise ExportTargetError(f"{out} is a device, pipe or socket, not a file; choose a new file name in a "
                                    "folder")
    if folder:
        return  # a new folder is created with its parents
    parent = out.parent
    if not parent.is_dir():
        return  # the caller names the missing folder
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ExportTargetError(f"{out} could not be written (the folder {parent} is read-only); nothing was "
                                "written. Choose a folder you can write to")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def check_not_database(db: Database, out: Path) -> None:
    """Refuse a target that is the open database, its companion files, one of its backups or any SQLite file."""
    database = _database_file(db)
    if database is not None:
        protected = [database] + [database.with_name(database.name + s) for s in ("-wal", "-shm", "-journal")]
        for path in protected:
            if _same_file(out, path):
                what = "the open database" if path == database else f"the open database's {path.name[len(database.name):]} file"
                raise ExportTargetError(f"{out} is {what}; an export would destroy it: choose another file name")
        resolved = out.resolve()
        if resolved.parent == database.resolve().parent and resolved.name.startswith(database.name + ".backup-"):
            raise ExportTargetError(f"{out} is a backup of the database; choose another file name")
    if out.is_file() and _is_sqlite(out):
        raise ExportTargetError(f"{out} is an SQLite database, not an export; choose another file name")


def write_error(target: Path, exc: OSError) -> ExportTargetError:
    """The message for a target that could not be written."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        what = "The disk is full: free some space or export to another disk"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        what = "The folder is read-only: choose a folder you can write to"
    else:
        what = "Choose another place to export to"
    return ExportTargetError(f"{target} could not be written ({exc.strerror or exc}); nothing was written. {what}")


def bound_texts(value: T, limit: int = MAX_PARAGRAPH_CHARS) -> T:
    """A copy of export data with every text longer than ``limit`` cut (:func:`bounded`); rubrics are kept whole.

    Walks dataclasses, lists, tuples and dicts generically, so fields added to the sheet data later are bounded
    too. Objects that hold no long text are returned as they are (no copy). The walk visits every object of a
    large export (a million at 1,000 reports): each type's fields are looked up once, numbers and dates are
    passed at once, and a sequence of short texts (tags) is checked in one pass.
    """
    import datetime as dt
    from decimal import Decimal
    from fractions import Fraction

    from desktop.core.scoring.rubric import Rubric

    atoms = {int, float, bool, type(None), Rubric, Fraction, Decimal, dt.date, dt.datetime}
    fields_of: dict[type, tuple[str, ...] | None] = {}  # None: not a dataclass
    memo: dict[int, Any] = {}

    def walk(item: Any) -> Any:
        kind = type(item)
        if kind is str:
            return bounded(item, limit) if len(item) > limit else item
        if kind in atoms:
            return item
        key = id(item)
        if key in memo:
            return memo[key]
        result: Any = item
        if kind in fields_of:
            names = fields_of[kind]
        else:
            is_instance = dataclasses.is_dataclass(item) and not isinstance(item, type)
            names = fields_of[kind] = tuple(f.name for f in dataclasses.fields(item) if f.init) if is_instance else None
        if names is not None:
            changes = {}
            values = getattr(item, "__dict__", None)  # a dataclass without __slots__: read the fields directly
            for name in names:
                old = values[name] if values is not None else getattr(item, name)
                leaf = type(old)
                if (leaf is str and len(old) <= limit) or leaf in atoms:  # the most of them: no call
                    continue
                new = walk(old)
                if new is not old:
                    changes[name] = new
            result = dataclasses.replace(item, **changes) if changes else item
        elif isinstance(item, (list, tuple)):
            if all((type(x) is str and len(x) <= limit) or type(x) in atoms for x in item):
                memo[key] = item
                return item
            walked = [walk(x) for x in item]
            if any(a is not b for a, b in zip(walked, item, strict=True)):
                result = type(item)(walked) if not hasattr(item, "_fields") else type(item)(*walked)
        elif isinstance(item, dict):
            walked_d = {k: walk(v) for k, v in item.items()}
            if any(walked_d[k] is not v for k, v in item.items()):
                result = walked_d
        elif isinstance(item, (int, float)):  # an int or float subclass (an enum value, a bool)
            atoms.add(kind)
        memo[key] = result
        return result

    return cast(T, walk(value))
