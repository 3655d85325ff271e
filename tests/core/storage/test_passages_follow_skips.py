"""The shared-text index follows what a report's segmentation skips (page clutter, part headings): a stored
report re-segmented with another segmentation, or with a part corrected, has exactly the index rows a fresh
computation from its stored text and stored parts gives; reports whose skips did not change are not rewritten."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.core.agencies.passages import refresh_index
from desktop.core.agencies.shared import shared_with_others
from desktop.core.corrections.records import delete_corrections, start_part
from desktop.core.segmentation.cleaning import Clutter
from desktop.core.segmentation.segment import segment_report
from desktop.core.storage import passages
from desktop.core.storage.documents import store_segmentation, store_segmentations, text_hash
from desktop.core.storage.passages import passage_sentences, stored_skips
from desktop.core.storage.resegment import Resegmented, store_resegmented
from tests.core.agencies.reports import add_report

SHARED = "组织行政执法人员专题培训六期，累计培训二百三十人次，实现执法人员全覆盖。"


def _rows(db, doc_id: str) -> set[tuple]:
    return set(db.execute('SELECT p.hash, p.start, p."end", p.length FROM passage_hashes p JOIN documents d '
                          "ON d.seq = p.document_seq WHERE d.id = ?", [doc_id]).fetchall())


def _fresh(db, doc_id: str) -> set[tuple]:
    """The rows a computation from nothing gives: the report's index rows dropped and caught up again."""
    seq = db.execute("SELECT seq FROM documents WHERE id = ?", [doc_id]).fetchone()[0]
    with db.atomic():
        passages.remove_passages(db, [seq])
    assert refresh_index(db) == 1
    return _rows(db, doc_id)


def _text(db, doc_id: str) -> str:
    return db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()[0]


def _other_segmentation(text: str, sentence: str):
    """The report's segmentation as another segmenter version would have it: ``sentence`` taken as page clutter,
    and the first part's heading read one character longer."""
    seg = segment_report(text)
    start = text.index(sentence)
    clutter = [*seg.clutter, Clutter("header", start, start + len(sentence), sentence)]
    sections = list(seg.sections)
    first = next(i for i, s in enumerate(sections) if s.heading)
    sections[first] = dataclasses.replace(sections[first], heading=text[sections[first].start:
                                                                         sections[first].start
                                                                         + len(sections[first].heading) + 1])
    return dataclasses.replace(seg, clutter=clutter, sections=sections)


@pytest.mark.parametrize("path", ["single", "batch", "runner"])
def test_a_report_resegmented_differently_has_the_rows_of_a_fresh_computation(memory_db, tmp_path, path):
    a = add_report(memory_db, tmp_path, "梨树县司法局", 2022, [SHARED, "建成智慧司法信息平台，执法数据实现互联互通。"])
    b = add_report(memory_db, tmp_path, "通化市教育局", 2023, [SHARED])
    assert any(SHARED in p.text for _, _, p in shared_with_others(memory_db, b).passages)
    before = _rows(memory_db, a)
    seg = _other_segmentation(_text(memory_db, a), SHARED)
    with memory_db.atomic():
        if path == "single":
            store_segmentation(memory_db, a, seg)
        elif path == "batch":
            store_segmentations(memory_db, [(a, seg)])
    if path == "runner":  # what re-segmentation stores (desktop.core.storage.resegment)
        assert store_resegmented(memory_db, [Resegmented(a, text_hash(_text(memory_db, a)), seg)]) == 1
    after = _rows(memory_db, a)
    assert after != before  # the sentence now taken as clutter is gone from the index ...
    expected = {(s.hash, s.start, s.end, s.length) for s in
                passage_sentences(_text(memory_db, a), stored_skips(memory_db, a))}
    assert after == expected == _fresh(memory_db, a)  # ... exactly as a fresh computation has it
    assert not any(SHARED in p.text for _, _, p in shared_with_others(memory_db, b).passages)
    # re-segmented back: the sentence is indexed (and shared) again
    with memory_db.atomic():
        store_segmentations(memory_db, [(a, segment_report(_text(memory_db, a)))])
    assert _rows(memory_db, a) == before
    assert any(SHARED in p.text for _, _, p in shared_with_others(memory_db, b).passages)


def test_reports_whose_skips_did_not_change_are_not_rewritten(memory_db, tmp_path, monkeypatch):
    ids = [add_report(memory_db, tmp_path, agency, 2022, [SHARED]) for agency in ("梨树县司法局", "通化市教育局")]
    written: list[int] = []
    real = passages.store_passages
    monkeypatch.setattr(passages, "store_passages", lambda db, rows: (written.extend(r[0] for r in rows),
                                                                      real(db, rows)))
    with memory_db.atomic():
        store_segmentations(memory_db, [(doc_id, segment_report(_text(memory_db, doc_id))) for doc_id in ids])
    assert written == []
    changed = _other_segmentation(_text(memory_db, ids[1]), SHARED)
    with memory_db.atomic():
        store_segmentations(memory_db, [(ids[0], segment_report(_text(memory_db, ids[0]))), (ids[1], changed)])
    assert written == [memory_db.execute("SELECT seq FROM documents WHERE id = ?", [ids[1]]).fetchone()[0]]


def test_a_corrected_part_moves_what_the_index_skips_and_undo_moves_it_back(memory_db, tmp_path):
    line = "主要负责人带头学法，主持召开专题会议研究法治政府建设工作。"  # a body line of every generated report
    a = add_report(memory_db, tmp_path, "梨树县司法局", 2022, [SHARED])
    b = add_report(memory_db, tmp_path, "通化市教育局", 2023, [SHARED])
    before = _rows(memory_db, a)
    assert any(line in p.text for _, _, p in shared_with_others(memory_db, b).passages)
    correction = start_part(memory_db, a, _text(memory_db, a).index(line), "other", reviewer_id=None)
    after = _rows(memory_db, a)
    assert after != before and after == _fresh(memory_db, a)  # the line is a part heading now: skipped
    assert not any(line in p.text for _, _, p in shared_with_others(memory_db, b).passages)
    delete_corrections(memory_db, [correction.id])
    assert _rows(memory_db, a) == before == _fresh(memory_db, a)
