"""Banners in the report view for a look-alike document (doc_type) and for a text cut off before its end."""

from __future__ import annotations

import dataclasses

from desktop.core.ingest.importer import import_paths
from desktop.core.storage.documents import get_document, list_documents
from desktop.gui.reading.metadata_header import MetadataHeader
from tests.conftest import SEEDS


def _record(memory_db, name: str):
    import_paths(memory_db, [SEEDS / name])
    return get_document(memory_db, list_documents(memory_db)[0].id)


def test_look_alike_document_gets_a_banner(qtbot, memory_db):
    record = _record(memory_db, "001_a35be3758fcb709b.txt")
    header = MetadataHeader()
    qtbot.addWidget(header)
    header.set_record(record)
    assert [b.kind for b in header.banners if b.kind in ("doc_type", "truncated")] == []
    header.set_record(dataclasses.replace(record, doc_type="government_information_disclosure"))
    banner = next(b for b in header.banners if b.kind == "doc_type")
    assert "政府信息公开工作年度报告" in banner.label.text()


def test_cut_off_text_with_missing_parts_says_they_may_lie_beyond_it(qtbot, memory_db):
    record = _record(memory_db, "000_0a101bd46eacac2a.txt")  # lacks the leader-duty part
    header = MetadataHeader()
    qtbot.addWidget(header)
    header.set_record(dataclasses.replace(record, truncated=True))
    kinds = [b.kind for b in header.banners]
    assert "truncated" in kinds and "leader_duty" in kinds
