"""Shared fixtures. Qt runs offscreen in every test; core tests never need a display."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def memory_db():
    """A fresh, migrated in-memory database, closed after the test."""
    from desktop.core.storage import open_database

    db = open_database(":memory:")
    yield db
    db.conn.close()


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "reviewdesk.sqlite3"


@pytest.fixture
def seeded_db_path(db_path) -> Path:
    """A database file holding the five seed reports."""
    from desktop.core.ingest.importer import import_paths
    from desktop.core.storage import open_database

    db = open_database(db_path)
    import_paths(db, [SEEDS])
    db.conn.close()
    return db_path


@pytest.fixture
def unprivileged_tmp():
    """A temporary folder an unprivileged user can reach (pytest's own tmp root is private to its owner)."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="reviewdesk-test-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o777 if path.is_dir() else 0o666)
    shutil.rmtree(folder, ignore_errors=True)
