"""Import files and folders into a database: one outcome line per file, one transaction per file."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from desktop.core.errors import IngestError
from desktop.core.ingest import SUPPORTED_SUFFIXES, read_report
from desktop.core.progress import Progress
from desktop.core.segment import segment_report
from desktop.core.storage.documents import find_by_sha256, insert_document

IMPORTED, DUPLICATE, FAILED, SKIPPED = "imported", "duplicate", "failed", "skipped"


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one file."""

    path: str
    status: str
    message: str = ""
    document_id: str | None = None

    def line(self) -> str:
        """The contract line printed by ``reviewdesk import``: ``STATUS<TAB>PATH[<TAB>MESSAGE]``."""
        parts = [self.status, self.path]
        if self.message:
            parts.append(self.message)
        return "\t".join(parts)


@dataclass
class ImportReport:
    outcomes: list[ImportOutcome] = field(default_factory=list)
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def summary(self) -> str:
        text = (f"{self.count(IMPORTED)} imported, {self.count(DUPLICATE)} duplicate, "
                f"{self.count(FAILED)} failed, {self.count(SKIPPED)} skipped")
        return text + (" (cancelled)" if self.cancelled else "")


def expand_paths(paths: list[str | Path]) -> list[tuple[Path, bool]]:
    """Files to import, in a stable order; the flag says whether the file came from a folder walk."""
    out: list[tuple[Path, bool]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        out.append((Path(root) / name, True))
        else:
            out.append((p, False))
    return out


def import_one(db: Database, path: Path) -> ImportOutcome:
    """Import a single file; never raises for a bad file."""
    shown = str(path)
    try:
        source = read_report(path)
        existing = find_by_sha256(db, source.sha256)
        if existing:
            return ImportOutcome(shown, DUPLICATE, "same content already in the database", existing)
        seg = segment_report(source.text)
        doc_id = insert_document(db, source, seg)
    except IngestError as exc:
        message = exc.problem + (f" — {exc.hint}" if exc.hint else "")
        return ImportOutcome(shown, FAILED, message)
    except Exception as exc:  # one bad file never stops a folder import
        return ImportOutcome(shown, FAILED, f"unexpected error ({type(exc).__name__}: {exc}); please report it")
    missing = ", ".join(seg.missing)
    return ImportOutcome(shown, IMPORTED, f"missing: {missing}" if missing else "", doc_id)


def import_paths(db: Database, paths: list[str | Path], progress: Progress | None = None) -> ImportReport:
    """Import files and folders; unsupported files met in a folder walk are skipped with a line each."""
    progress = progress or Progress()
    files = expand_paths(paths)
    report = ImportReport()
    total = len(files)
    for done, (path, from_walk) in enumerate(files):
        progress.update(done, total, str(path))
        if progress.cancelled:
            report.cancelled = True
            break
        if from_walk and path.suffix.lower() not in SUPPORTED_SUFFIXES:
            report.outcomes.append(ImportOutcome(str(path), SKIPPED,
                                                 f"not a report file type ({path.suffix or 'no suffix'})"))
            continue
        report.outcomes.append(import_one(db, path))
    else:
        progress.update(total, total, "")
    return report
