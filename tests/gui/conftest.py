"""Fixtures shared by the GUI tests."""

from __future__ import annotations

import pytest

from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def records():
    """The five seed reports as stored (prefix "000".."004" -> DocumentRecord)."""
    from desktop.core.importer import import_paths
    from desktop.core.storage import open_database
    from desktop.core.storage.documents import get_document, list_documents

    db = open_database(":memory:")
    import_paths(db, [SEEDS])
    out = {d.name[:3]: get_document(db, d.id) for d in list_documents(db)}
    db.conn.close()
    return out
