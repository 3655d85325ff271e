"""The demo corpus: the reports in seeds/, imported on the first start of an empty database."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from desktop.core.ingest.importer import ImportReport, import_paths
from desktop.core.progress import Progress
from desktop.core.resources import seeds_dir
from desktop.core.storage.documents import count_documents
from desktop.core.storage.settings import get_setting, set_setting

SEEDS_DIR = seeds_dir()
_SEEDED_KEY = "demo_corpus_seeded"


def ensure_demo_corpus(db: Database, seeds_dir: Path = SEEDS_DIR, progress: Progress | None = None) -> ImportReport | None:
    """Import seeds/ once into a database that has never held documents; None when nothing was done."""
    if get_setting(db, _SEEDED_KEY) or count_documents(db) > 0 or not seeds_dir.is_dir():
        return None
    report = import_paths(db, [seeds_dir], progress)
    set_setting(db, _SEEDED_KEY, "1")
    return report
