"""Walk the folders given to an import: every file in a stable order, and every one that cannot be reached.

Nothing is left out silently: a subfolder that cannot be listed (permissions, a path longer than the system
allows) is an entry with its reason, and so is a link. Links inside an imported folder are followed only when
they point to a file inside that folder (the same report under a second name, then a duplicate); a link to a file
or folder elsewhere (a private key, the user's home) is listed as skipped, never read.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Unreachable:
    """Why a walked path is not read: status (failed or skipped), English template, its fields."""

    status: str
    reason: str
    hint: str = ""
    params: dict[str, str] = field(default_factory=dict)


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _listing_error(exc: OSError) -> Unreachable:
    if exc.errno == errno.ENAMETOOLONG:
        return Unreachable("failed", "its path is longer than the system allows ({length} characters); the reports "
                           "in it were not imported", "move the folder to a place with a shorter path",
                           {"length": str(len(os.fsencode(exc.filename or "")))})
    return Unreachable("failed", "this folder cannot be read ({reason}); the reports in it were not imported",
                       "check the folder's permissions", {"reason": exc.strerror or str(exc)})


def walk_folder(top: Path) -> list[tuple[Path, bool | Unreachable]]:
    """Files under ``top``, each with True, or with why it is not read (hidden, a link, an unreadable folder), in a
    stable order."""
    out: list[tuple[Path, bool | Unreachable]] = []
    root = os.path.realpath(top)

    def failed_listing(exc: OSError) -> None:
        out.append((Path(exc.filename or top), _listing_error(exc)))

    hidden = Unreachable("skipped", "hidden (its name starts with a dot); not imported",
                         "rename it without the dot if it holds reports")
    for folder, dirs, files in os.walk(top, onerror=failed_listing):
        kept = []
        out.extend((Path(folder) / name, hidden) for name in sorted(d for d in dirs if d.startswith(".")))
        for name in sorted(d for d in dirs if not d.startswith(".")):
            path = Path(folder) / name
            try:
                linked = path.is_symlink()
            except OSError as exc:  # a path too long to look at: os.walk could not list it either
                out.append((path, _listing_error(exc)))
                continue
            if linked:
                out.append((path, Unreachable("skipped", "a link to a folder; links are not followed",
                                              "import the folder itself if it holds reports")))
            else:
                kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            path = Path(folder) / name
            if name.startswith("."):
                out.append((path, hidden))
                continue
            try:
                linked = path.is_symlink()
            except OSError as exc:
                out.append((path, _listing_error(exc)))
                continue
            if linked:
                target = os.path.realpath(path)
                if not os.path.exists(target):
                    out.append((path, Unreachable("skipped", "a link to a file that does not exist")))
                    continue
                if not _inside(target, root):
                    out.append((path, Unreachable("skipped", "a link to a file outside the imported folder; not "
                                                  "followed", "import that file itself if it is a report")))
                    continue
            out.append((path, True))
    return out
