"""Fixtures of the exchange tests: the lead's database with the seeds imported."""

from __future__ import annotations

import pytest

from desktop.core.ingest.importer import import_paths
from desktop.core.scoring.rubric import active_rubric
from desktop.core.storage import open_database
from desktop.core.storage.documents import list_documents


@pytest.fixture
def lead(tmp_path, seeds_dir):
    db = open_database(tmp_path / "lead.sqlite3")
    import_paths(db, [seeds_dir])
    rubric = active_rubric(db)
    docs = {d.name[:3]: d for d in list_documents(db)}
    yield db, rubric, docs
    db.conn.close()
