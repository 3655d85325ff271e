"""Part alignment, gap placement and synchronized-scrolling anchors."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.compare.alignment import align_parts, body_end, find_gaps, map_offset, part_refs, sync_anchors
from desktop.core.segmentation.segment import Section, segment_report
from desktop.core.text import normalize_text


def sec(kind, start, end, placement="section", heading="h"):
    return Section(kind, heading, 1 if placement == "section" else 2, placement, start, end)


def seeded(seeds_dir, prefix):
    path = next(seeds_dir.glob(prefix + "_*.txt"))
    return segment_report(normalize_text(path.read_text(encoding="utf-8")))


def test_jilin_2022_and_2025_align_by_kind(seeds_dir):
    old, new = seeded(seeds_dir, "003"), seeded(seeds_dir, "000")
    parts = {p.kind: p for p in align_parts(old.sections, new.sections)}
    assert list(parts) == ["preamble", "achievements", "shortcomings", "leader_duty", "next_plan"]
    assert parts["achievements"].paired and parts["next_plan"].paired
    # 2022 has no shortcomings part; 2025 states its leaders' duty nowhere
    assert parts["shortcomings"].left is None and parts["shortcomings"].right.placement == "section"
    assert parts["leader_duty"].left.placement == "subsection" and parts["leader_duty"].right is None


def test_gaps_sit_before_the_next_part_both_reports_have(seeds_dir):
    old, new = seeded(seeds_dir, "003"), seeded(seeds_dir, "000")
    gaps = find_gaps(old.sections, new.sections, body_end(old.sections, len(old.text)),
                     body_end(new.sections, len(new.text)))
    assert [(g.side, g.kind) for g in gaps] == [("left", "shortcomings"), ("right", "leader_duty")]
    old_plan = part_refs(old.sections)["next_plan"].start
    new_plan = part_refs(new.sections)["next_plan"].start
    assert gaps[0].position == old_plan
    assert old.text[old_plan:].startswith("二、2023年度推进法治政府建设的主要安排")
    assert gaps[1].position == new_plan


def test_gap_at_the_end_when_nothing_follows():
    left = [sec("achievements", 0, 50), sec("next_plan", 50, 90)]
    right = [sec("achievements", 0, 40)]
    gaps = find_gaps(left, right, 90, 40)
    assert gaps == [type(gaps[0])("right", "next_plan", 40)]


def test_kinds_with_several_sections_span_all_of_them():
    sections = [sec("achievements", 10, 20), sec("achievements", 20, 40), sec("next_plan", 40, 60),
                sec("leader_duty", 25, 30, "inline")]
    refs = part_refs(sections)
    assert (refs["achievements"].start, refs["achievements"].end) == (10, 40)
    assert refs["leader_duty"].placement == "inline"


def test_anchors_follow_parts_and_skip_crossing_orders():
    left = [sec("leader_duty", 0, 100), sec("achievements", 100, 500), sec("next_plan", 500, 600)]
    right = [sec("achievements", 0, 300), sec("leader_duty", 300, 350), sec("next_plan", 350, 400)]
    anchors = sync_anchors(align_parts(left, right), 600, 400)
    assert anchors[0] == (0, 0) and anchors[-1] == (600, 400)
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in zip(anchors, anchors[1:], strict=False))
    # leaders' duty comes first on the left and later on the right: only one order can be kept
    assert len(anchors) == 3 and anchors[1][0] == 500 and anchors[1][1] in (300, 350)
    assert anchors[1][1] < map_offset(anchors, 550) < 400


def test_anchors_pair_starts_and_ends_of_parts_in_the_same_order():
    left = [sec("preamble", 0, 40), sec("achievements", 40, 500), sec("next_plan", 520, 600)]
    right = [sec("preamble", 0, 10), sec("achievements", 10, 300), sec("next_plan", 350, 400)]
    anchors = sync_anchors(align_parts(left, right), 620, 410)
    assert anchors == [(0, 0), (40, 10), (500, 300), (520, 350), (600, 400), (620, 410)]
    assert map_offset(anchors, 270) == 155
    assert map_offset(anchors, 155, reverse=True) == 270


@given(st.lists(st.tuples(st.integers(0, 1000), st.integers(0, 1000)), max_size=12), st.integers(0, 1000))
def test_map_offset_is_monotonic_and_hits_anchors(points, probe):
    parts = []
    kinds = ["achievements", "shortcomings", "leader_duty", "next_plan", "other"]
    for kind, (a, b) in zip(kinds, points, strict=False):
        parts.append((sec(kind, min(a, b), max(a, b)), sec(kind, min(a, b) // 2, max(a, b) // 2 + 1)))
    aligned = align_parts([p[0] for p in parts], [p[1] for p in parts])
    anchors = sync_anchors(aligned, 1000, 1000)
    for left_offset, right_offset in anchors:
        assert map_offset(anchors, left_offset) == right_offset
        assert map_offset(anchors, right_offset, reverse=True) == left_offset
    assert map_offset(anchors, probe) <= map_offset(anchors, min(1000, probe + 7))
