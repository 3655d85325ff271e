"""An agency's timeline: its reports by year with totals, and each year's shortcomings against earlier years'."""

from __future__ import annotations

import pytest

from desktop.core.agencies.groups import grouping
from desktop.core.agencies.timeline import NEW, REPEATED, REWORDED, agency_timeline, compare_shortcomings
from desktop.core.review.aids import Item
from tests.core.agencies.reports import add_report

# (earlier, later, verdict): labelled by reading them
PAIRS = [
    ("2023年法治宣传的力度仍有待进一步加强，宣传方式和渠道相对单一，对新媒体的运用不够充分，覆盖面和渗透力有待提升。",
     "2024年法治宣传的力度仍有待进一步加强，宣传方式和渠道相对单一，对新媒体的运用不够充分，覆盖面和渗透力有待提升。", REPEATED),
    ("法治宣传的力度仍有待进一步加强，宣传方式和渠道相对单一，对新媒体的运用不够充分，覆盖面和渗透力有待提升。",
     "法治宣传的力度还需进一步加强，宣传方式和渠道较为单一，对新媒体的运用不够充分，覆盖面和渗透力有待提升。", REPEATED),
    ("法治宣传的力度仍有待进一步加强，宣传方式和渠道相对单一，对新媒体的运用不够充分，覆盖面和渗透力有待提升。",
     "法治宣传方式比较单一，新媒体运用仍不充分，宣传覆盖面和渗透力还需要进一步提升。", REWORDED),
    ("行政执法人员业务能力参差不齐，部分执法人员对新修订法律法规掌握不够，执法规范化水平有待提高。",
     "部分执法人员对新修订的法律法规学习掌握不到位，业务能力参差不齐，规范执法的水平还需提高。", REWORDED),
    ("数据领域法治化建设有所不足，公共数据资源登记等工作仍处于探索阶段，法治化建设相对滞后。",
     "数据领域的制度建设仍然滞后，公共数据资源登记、授权运营等工作还在探索中，法治保障不足。", REWORDED),
    ("法治宣传的力度仍有待进一步加强，宣传方式和渠道相对单一，对新媒体的运用不够充分，覆盖面和渗透力有待提升。",
     "行政复议案件办理质量有待提高，个别案件存在超期审理现象，复议决定书说理不够充分。", NEW),
    ("行政执法人员业务能力参差不齐，部分执法人员对新修订法律法规掌握不够，执法规范化水平有待提高。",
     "法治理论学习的系统性和深度仍有提升空间，个别干部对习近平法治思想的理解还不够透彻。", NEW),
    ("数据领域法治化建设有所不足，公共数据资源登记等工作仍处于探索阶段，法治化建设相对滞后。",
     "法治宣传的力度仍有待进一步加强，宣传方式和渠道相对单一，覆盖面有待提升。", NEW),
]


@pytest.mark.parametrize(("old", "new", "verdict"), PAIRS)
def test_labelled_pairs(old, new, verdict):
    from desktop.core.storage.documents import DocumentSummary

    earlier = DocumentSummary("e", 1, "e.txt", None, "机关", 2023, None, None, None, None, (), "txt", "utf-8")
    [history] = compare_shortcomings([Item(0, 0, len(new), "", new)], [(earlier, [Item(0, 0, len(old), "", old)])])
    assert history.verdict == verdict, (history.overlap, history.changed)
    assert history.earlier_text == old and history.earlier_year == 2023


def test_without_earlier_reports_every_shortcoming_is_new():
    items = [Item(0, 0, 10, "", "执法人员培训覆盖不够，经费不足。")]
    [history] = compare_shortcomings(items, [])
    assert history.verdict == NEW and history.earlier_document_id is None and history.changed is None


def test_agency_timeline_orders_years_and_compares_with_every_earlier_year(memory_db, tmp_path):
    a, b, c = (p[0] for p in PAIRS[2:5])
    first = add_report(memory_db, tmp_path, "梨树县司法局", 2021, shortcomings=[a, b])
    second = add_report(memory_db, tmp_path, "梨树县人民政府司法局", 2022, shortcomings=[c])
    third = add_report(memory_db, tmp_path, "梨树县司法局", 2023, shortcomings=[PAIRS[2][1], a, PAIRS[6][1]])
    group = grouping(memory_db).group_of(third)
    assert group is not None
    timeline = agency_timeline(memory_db, group)
    assert [e.report.id for e in timeline.entries if e.report.id in (first, third)] == [first, third]
    last = next(e for e in timeline.entries if e.report.id == third)
    assert [h.verdict for h in last.shortcomings] == [REWORDED, REPEATED, NEW]
    assert last.shortcomings[1].earlier_document_id == first
    assert all(h.verdict == NEW for h in timeline.entries[0].shortcomings)
    assert second  # a different body's name (人民政府司法局) may or may not be the same group; not asserted here
    assert timeline.trend() == [] and timeline.trend_direction() is None  # nothing scored yet
    assert all(e.score.total is None and e.score.total_text() == "—" for e in timeline.entries)
