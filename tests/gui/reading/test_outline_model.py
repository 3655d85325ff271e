"""OutlineModel: the heading tree of a report, checked with qtmodeltester on every seed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.core.segmentation.outline import Heading
from desktop.core.segmentation.segment import Section, segment_report
from desktop.core.text import normalize_text
from desktop.gui import palette
from desktop.gui.reading.outline_model import KIND_ROLE, LEVEL_ROLE, OFFSET_ROLE, OutlineModel, kind_lookup

SEEDS = ["000", "001", "002", "003", "004"]


def segmented(seeds_dir, prefix):
    path = next(seeds_dir.glob(prefix + "_*.txt"))
    return segment_report(normalize_text(path.read_text(encoding="utf-8")))


def walk(model, parent=None):
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from walk(model, index)


@pytest.mark.parametrize("prefix", SEEDS)
def test_every_seed_outline_passes_qtmodeltester(qtmodeltester, seeds_dir, prefix):
    seg = segmented(seeds_dir, prefix)
    model = OutlineModel()
    model.set_outline(seg.outline, seg.sections)
    qtmodeltester.check(model)
    # every heading appears once, in text order, under a parent of lower level
    indexes = list(walk(model))
    assert [i.data(OFFSET_ROLE) for i in indexes] == [h.start for h in seg.outline]
    for index in indexes:
        parent = index.parent()
        if parent.isValid():
            assert parent.data(LEVEL_ROLE) < index.data(LEVEL_ROLE)


def test_jilin_2022_tree_and_kinds(qapp, seeds_dir):
    seg = segmented(seeds_dir, "003")
    model = OutlineModel()
    model.set_outline(seg.outline, seg.sections)
    top = [model.index(r, 0) for r in range(model.rowCount())]
    assert [i.data() for i in top] == ["一、2022年度推进法治政府建设的主要举措和成效", "二、2023年度推进法治政府建设的主要安排"]
    assert model.rowCount(top[0]) == 5 and model.rowCount(top[1]) == 4
    first = model.index(0, 0, top[0])
    assert first.data().startswith("(一)深入学习贯彻党的二十大精神")
    # this subsection is where the report states its leaders' duty: it carries that colour
    assert first.data(KIND_ROLE) == "leader_duty"
    assert first.data(Qt.ItemDataRole.DecorationRole) == palette.kind_colors("leader_duty").strong
    assert model.index(1, 0, top[0]).data(KIND_ROLE) == "achievements"
    assert top[1].data(KIND_ROLE) == "next_plan"
    assert model.rowCount(first) == 3  # 一是 / 二是 / 三是 items
    assert model.index(0, 0, first).data(Qt.ItemDataRole.FontRole).italic()
    assert top[0].data(Qt.ItemDataRole.FontRole).bold()
    assert model.heading(first).start == 310


def test_index_for_offset_finds_the_heading_above(qapp, seeds_dir):
    seg = segmented(seeds_dir, "000")
    model = OutlineModel()
    model.set_outline(seg.outline, seg.sections)
    shortcomings = next(h for h in seg.outline if h.text == "二、存在的不足")
    assert model.index_for_offset(shortcomings.start + 5).data(OFFSET_ROLE) == shortcomings.start
    assert not model.index_for_offset(0).isValid()


def test_empty_outline_and_level_jumps(qtmodeltester):
    model = OutlineModel()
    model.set_outline([])
    assert model.rowCount() == 0
    qtmodeltester.check(model)
    headings = [Heading("cn_dun", 1, 0, 3, level=1, end=50, text="一、甲"),
                Heading("ar_dot", 1, 10, 13, level=3, end=20, text="1.乙"),
                Heading("cn_paren", 1, 20, 24, level=2, end=50, text="(一)丙"),
                Heading("cn_dun", 2, 50, 53, level=1, end=60, text="二、丁")]
    model.set_outline(headings, [Section("achievements", "一、甲", 1, "section", 0, 50)])
    qtmodeltester.check(model)
    first = model.index(0, 0)
    assert model.rowCount() == 2 and model.rowCount(first) == 2
    assert model.index(1, 0).data(KIND_ROLE) is None


def test_kind_lookup_prefers_nested_parts():
    sections = [Section("achievements", "一、", 1, "section", 0, 100),
                Section("leader_duty", "(一)", 2, "subsection", 10, 40),
                Section("next_plan", "二、", 1, "section", 100, 150)]
    kind_at = kind_lookup(sections)
    assert [kind_at(p) for p in (0, 10, 39, 40, 100, 149, 150)] == [
        "achievements", "leader_duty", "leader_duty", "achievements", "next_plan", "next_plan", None]
