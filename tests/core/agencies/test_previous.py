"""'The same agency's earlier report' by agency identity (desktop.core.agencies.previous): across the name forms
one body prints over the years, the reviewer's merges and splits, and equal to what the whole grouping says."""

from __future__ import annotations

import random

import pytest

from desktop.core.agencies.groups import grouping, merge_groups, split_reports, undo_identity
from desktop.core.agencies.previous import previous_report, same_agency
from desktop.core.agencies.tracker import PromiseError, track_promises
from desktop.core.corrections.records import correct_field
from tests.core.agencies.reports import add_report

PLAN = "全面推行行政执法公示制度，年内实现执法信息公开全覆盖。"


def _prev(db, doc_id: str) -> str | None:
    found = previous_report(db, doc_id)
    return found.id if found is not None else None


def test_the_earlier_report_is_found_under_another_name_of_the_same_body(memory_db, tmp_path):
    y21 = add_report(memory_db, tmp_path, "XX县人民政府", 2021)
    y22 = add_report(memory_db, tmp_path, "XX县政府", 2022, plan=[PLAN])
    y23 = add_report(memory_db, tmp_path, "XX县", 2023)
    other = add_report(memory_db, tmp_path, "YY县人民政府", 2022)
    assert (_prev(memory_db, y21), _prev(memory_db, y22), _prev(memory_db, y23)) == (None, y21, y22)
    assert _prev(memory_db, other) is None
    assert same_agency(memory_db, y21, y23) and not same_agency(memory_db, y22, other)
    # the promise tracker's "last year" is the same report, and another body's report is refused
    assert track_promises(memory_db, y23).previous.id == y22
    with pytest.raises(PromiseError, match="not a report of the same agency"):
        track_promises(memory_db, y23, other)


def test_merges_and_splits_of_the_reviewer_decide(memory_db, tmp_path):
    old = add_report(memory_db, tmp_path, "梨树县司法局", 2022)
    new = add_report(memory_db, tmp_path, "梨树县司法行政局", 2023)  # renamed: nothing links the two names
    assert _prev(memory_db, new) is None
    g = grouping(memory_db)
    change = merge_groups(memory_db, g.by_document[new], g.by_document[old])
    assert _prev(memory_db, new) == old
    undo_identity(memory_db, change)
    assert _prev(memory_db, new) is None
    same = add_report(memory_db, tmp_path, "梨树县司法局", 2024)
    assert _prev(memory_db, same) == old
    split_reports(memory_db, [same], "梨树县司法局（新组建）")
    assert _prev(memory_db, same) is None


def test_no_year_or_no_agency_has_no_earlier_report(memory_db, tmp_path):
    a = add_report(memory_db, tmp_path, "梨树县司法局", 2022)
    b = add_report(memory_db, tmp_path, "梨树县司法局", 2023)
    assert _prev(memory_db, b) == a
    correct_field(memory_db, b, "year", "", reviewer_id=None)
    assert _prev(memory_db, b) is None
    correct_field(memory_db, b, "year", "2023", reviewer_id=None)
    correct_field(memory_db, b, "agency", "", reviewer_id=None)
    assert _prev(memory_db, b) is None
    assert _prev(memory_db, "no such report") is None


@pytest.mark.parametrize("seed", [1, 2])
def test_equal_to_what_the_whole_grouping_says(memory_db, tmp_path, seed):
    rng = random.Random(seed)
    forms = [("XX县人民政府", "XX县政府", "XX县"), ("梨树县司法局", "中共梨树县司法局党组"),
             ("吉林省政务服务和数字化建设管理局", "吉林省政数局"), ("通化市教育局",)]
    for _ in range(14):
        add_report(memory_db, tmp_path, rng.choice(rng.choice(forms)), rng.randint(2019, 2024))
    g = grouping(memory_db)
    for group in g.groups.values():
        for report in group.reports:
            earlier = [r for r in group.reports if r.year is not None and report.year is not None
                       and r.year < report.year]
            assert _prev(memory_db, report.id) == (earlier[-1].id if earlier else None)
