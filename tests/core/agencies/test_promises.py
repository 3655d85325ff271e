"""The promise tracker: last year's plan items found in this year's report (labels written here, by reading)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.agencies.parts import Report
from desktop.core.agencies.promises import DONE, NOT_MENTIONED, SHORTCOMING, match_promises, plan_items
from desktop.core.ingest import read_report
from desktop.core.segmentation.segment import segment_report
from tests.conftest import SEEDS

OPENINGS = Path(__file__).resolve().parents[2] / "data" / "real_openings"


def _load(path: Path) -> Report:
    text = read_report(path).text
    seg = segment_report(text)
    return Report(text, list(seg.sections), list(seg.outline))


def _seed(number: str) -> Report:
    return _load(next(SEEDS.glob(f"{number}_*.txt")))


def _text(agency: str, year: int, achievements: list[str], shortcomings: list[str], plan: list[str]) -> Report:
    from tests.core.agencies.reports import report_text

    text = report_text(agency, year, achievements, shortcomings, plan)
    seg = segment_report(text)
    return Report(text, list(seg.sections), list(seg.outline))


# 吉林省政数局: its 2022 plan (seed 003) read against its 2025 report (seed 000)
JILIN = [
    ("打造以省政府门户网站为“网上政府”总门户", DONE, "推进“一网通办”提质增效"),
    ("做好营商环境建设统筹协调工作", DONE, "营商环境优化提升行动"),
    ("持续壮大“吉林祥云”大数据平台", NOT_MENTIONED, ""),
    ("持续推动政府权责清单制度落实", NOT_MENTIONED, ""),
    ("推动“吉林省政务公开监管平台”在全省正式上线应用", NOT_MENTIONED, ""),
    ("开发政策推送统一录入系统", NOT_MENTIONED, ""),
    ("制定《吉林省营商环境考核评价实施方案(试行)》5.0版", NOT_MENTIONED, ""),
]


def test_the_plan_is_split_down_to_its_points():
    items = plan_items(_seed("003"))
    assert len(items) == 18  # four (一)… items of four or five 一是… points each
    assert all(i.text.startswith(("一是", "二是", "三是", "四是", "五是")) for i in items)
    assert items[0].heading.startswith("(一)加强数字政府建设")


@pytest.mark.parametrize(("piece", "status", "where"), JILIN)
def test_jilin_2022_plan_in_its_2025_report(piece, status, where):
    matches = match_promises(_seed("003"), _seed("000"))
    match = next(m for m in matches if piece in m.item.text)
    assert match.status == status, match.similarity
    if status == DONE:
        assert match.passage is not None and where in match.passage.text
    else:
        assert match.passage is None


def test_a_plan_read_against_other_bodies_openings_claims_nothing():
    for opening in ("02_jinghai_qu_2023.txt", "30_qingyuan_shizhengfu_2024.txt", "12_qingyuan_jiaoyuju_2024.txt"):
        current = _load(OPENINGS / opening)
        for plan in ("003", "002"):
            assert {m.status for m in match_promises(_seed(plan), current)} == {NOT_MENTIONED}, (plan, opening)


def test_generated_pairs_done_shortcoming_and_silent():
    promised = ["开展行政执法人员专题培训，全年培训不少于200人次。", "修订《重大行政决策程序规定》，规范决策流程。",
                "建设“智慧司法”信息平台，推动执法数据互联互通。", "推进公共法律服务站点标准化建设，覆盖全部乡镇。"]
    previous = _text("梨树县司法局", 2023, ["完善制度体系。"], ["培训不足。"], promised)
    current = _text("梨树县司法局", 2024,
                    ["组织行政执法人员专题培训6期，累计培训230人次，实现执法人员全覆盖。",
                     "修订完善《重大行政决策程序规定》，决策流程更加规范。",
                     "开展普法宣传活动18场。"],
                    ["“智慧司法”信息平台建设进度滞后，执法数据互联互通尚未实现，主要原因是资金不足。"],
                    ["继续加强队伍建设。"])
    found = match_promises(previous, current)
    assert len(found) == 4
    matches = {piece: next(m for m in found if piece in m.item.text)
               for piece in ("开展行政执法", "修订《重大行", "建设“智慧司", "推进公共法律")}
    assert matches["开展行政执法"].status == DONE and "230人次" in matches["开展行政执法"].passage.text
    assert matches["修订《重大行"].status == DONE and "重大行政决策程序规定" in matches["修订《重大行"].shared_terms
    assert matches["建设“智慧司"].status == SHORTCOMING and "滞后" in matches["建设“智慧司"].passage.text
    assert matches["推进公共法律"].status == NOT_MENTIONED


def test_no_plan_no_items():
    report = _text("梨树县司法局", 2023, ["完善制度体系。"], ["培训不足。"], ["加强培训。"])
    without_plan = Report(report.text, [s for s in report.sections if s.kind != "next_plan"], report.outline)
    assert plan_items(without_plan) == [] and match_promises(without_plan, report) == []


def test_a_shortcoming_in_other_words_is_the_plan_item_it_names_most():
    """A shortcoming rarely repeats the plan's words: below the plain threshold, it is taken as the shortcoming of
    the one plan item it is most like (labels by reading), never of the others it also resembles."""
    from desktop.core.agencies import promises

    plan = ["深化“综窗”改革，推行无差别受理、同标准办理，前台综合受理、后台分类审批、统一窗口出件，提升窗口服务水平。",
            "加强政务服务中心标准化建设，完善服务设施，优化办事环境。",
            "推进电子证照归集共享，拓展电子证照应用场景。"]
    previous = _text("白山市政务服务和数字化建设管理局", 2023, ["完善制度体系。"], ["培训不足。"], plan)
    current = _text("白山市政务服务和数字化建设管理局", 2024, ["归集电子证照210类，电子证照在12个领域推广应用。"],
                    ["窗口工作人员综合业务能力参差不齐，“一窗受理”后的后台流转还不够顺畅，个别事项仍需群众多头跑。"],
                    ["继续深化改革。"])
    found = {m.item.text.lstrip("（一二三四五六七八九十）")[:6]: m for m in match_promises(previous, current)}
    window = found["深化“综窗”"]
    assert window.status == SHORTCOMING and "后台流转" in window.passage.text
    assert promises.SHORTCOMING_NAMED_THRESHOLD <= window.similarity < promises.SHORTCOMING_THRESHOLD
    assert found["加强政务服务"].status == NOT_MENTIONED  # resembles it too (窗口, 服务), less: not claimed
    assert found["推进电子证照"].status == DONE


def test_a_weak_likeness_is_not_a_shortcoming_however_alone():
    plan = ["推进法律援助便民服务，扩大法律援助覆盖面，开通法律援助绿色通道。", "加强人民调解组织建设。"]
    previous = _text("长春市朝阳区司法局", 2022, ["完善制度体系。"], ["培训不足。"], plan)
    current = _text("长春市朝阳区司法局", 2023, ["新建人民调解委员会5个。"], ["执法装备不足，信息化水平不高。"],
                    ["继续加强队伍建设。"])
    found = {m.item.text.lstrip("（一二三四五六七八九十）")[:6]: m for m in match_promises(previous, current)}
    assert found["推进法律援助"].status == NOT_MENTIONED
