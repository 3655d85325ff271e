"""Segmentation on the variety real reports show, beyond the seeds (numbering, layout, wording, order)."""

from __future__ import annotations

import re

import pytest

from desktop.core.ingest import read_report
from desktop.core.segmentation.segment import segment_report
from tests.conftest import SEEDS


def kinds(text: str) -> list[str]:
    return [s.kind for s in segment_report(text).parts() if s.kind != "preamble"]


def test_single_line_report_keeps_its_parts():
    text = read_report(SEEDS / "001_a35be3758fcb709b.txt").text
    flat = re.sub(r"\s*\n\s*", "", text)
    seg = segment_report(flat)
    assert [s.kind for s in seg.parts() if s.kind != "preamble"] == [
        "achievements", "shortcomings", "leader_duty", "next_plan"]
    assert seg.missing == []


def test_single_line_report_with_fullwidth_numbering():
    text = read_report(SEEDS / "000_0a101bd46eacac2a.txt").text
    flat = text.replace("\n", "")
    seg = segment_report(flat)
    assert [s.kind for s in seg.parts() if s.kind != "preamble"] == ["achievements", "shortcomings", "next_plan"]
    assert seg.missing == ["leader_duty"]


def test_half_and_full_width_forms_give_the_same_parts():
    text = read_report(SEEDS / "002_b264e5a26ee73ea4.txt").text
    full = text.replace("(", "（").replace(")", "）").replace(",", "，").replace(":", "：")
    assert kinds(full) == kinds(text) == ["achievements", "shortcomings", "leader_duty", "next_plan"]


REPORT_ARABIC = """XX市生态环境局2023年法治政府建设年度报告
1. 2023年度推进法治政府建设的主要举措和成效
（1）健全依法决策机制。全年召开局务会议24次，审议重大事项31项。
（2）严格规范执法。全年办理行政处罚案件156件，罚没款320万元。
2. 存在的问题及原因
部分执法人员业务能力不足，原因是培训经费和时间保障不够。
3. 主要负责人履行推进法治建设第一责任人职责情况
局长带头述法，主持专题会议4次。
4. 2024年工作计划
（1）开展执法人员轮训，全年培训不少于200人次。
"""


def test_arabic_top_level_numbering():
    seg = segment_report(REPORT_ARABIC)
    assert [s.kind for s in seg.parts() if s.kind != "preamble"] == [
        "achievements", "shortcomings", "leader_duty", "next_plan"]
    assert seg.metadata.year.value == 2023


REPORT_PLAIN = """关于2024年度法治政府建设工作情况的报告
2024年，我县坚持以习近平新时代中国特色社会主义思想为指导，全面推进法治政府建设，现将有关情况报告如下。
主要工作举措及成效
全年制定行政规范性文件5件，全部经过合法性审查。办理行政复议案件42件，纠错率12%。
存在的不足
个别部门对行政规范性文件备案审查重视不够，报备不及时。
下一步工作安排
加强规范性文件备案审查，实现应备尽备。
"""


def test_unnumbered_part_headings():
    seg = segment_report(REPORT_PLAIN)
    assert [s.kind for s in seg.parts() if s.kind != "preamble"] == ["achievements", "shortcomings", "next_plan"]
    assert seg.missing == ["leader_duty"]


REPORT_LEADER_FIRST = """一、党政主要负责人履行推进法治建设第一责任人职责情况
县长主持召开县政府常务会议专题研究法治政府建设工作3次。
二、法治政府建设主要做法及成效
（一）深化“放管服”改革。政务服务事项网上可办率达98%。
三、存在的短板和原因分析
法治督察力度偏弱，原因在于专职人员只有2名。
四、下一步打算
配齐配强法治督察力量。
"""


def test_unusual_order_leader_duty_first():
    assert kinds(REPORT_LEADER_FIRST) == ["leader_duty", "achievements", "shortcomings", "next_plan"]


REPORT_TOPICAL = """XX区人民政府关于2022年法治政府建设情况的报告
区委：
一、坚持党的领导，全面加强法治政府建设统筹
区政府常务会议学法12次，制定年度工作要点。
二、深化重点领域改革，持续优化法治化营商环境
新增市场主体3200户，办理“一件事一次办”事项8万件。
三、严格规范公正文明执法，着力解决群众急难愁盼问题
开展执法检查210次，全年行政诉讼败诉率降至3%。
四、存在的问题
一是部分单位依法行政意识有待进一步增强；二是基层执法力量仍然薄弱。
五、2023年工作思路
一是加强执法队伍建设；二是深化法治宣传。
"""


def test_topical_headings_are_achievements():
    assert kinds(REPORT_TOPICAL) == ["achievements", "achievements", "achievements", "shortcomings", "next_plan"]


def test_leader_duty_inline_sentence():
    text = """一、主要工作情况
（一）加强组织领导。局党组书记切实履行推进法治建设第一责任人职责，主持研究法治工作4次。局长办公会议审议规范性文件3件。
（二）规范执法行为。全年办理案件300件。
二、存在的不足
执法信息化水平不高。
三、明年工作安排
推进执法信息化。
"""
    seg = segment_report(text)
    nested = [s for s in seg.sections if s.kind == "leader_duty"]
    assert len(nested) == 1 and nested[0].placement in ("subsection", "inline")
    assert "第一责任人" in text[nested[0].start:nested[0].end]
    assert seg.missing == []


def test_leader_duty_as_yishi_item():
    text = """一、2023年法治政府建设情况
全年工作稳步推进：一是完善制度，出台文件6件；二是主要负责同志带头履行法治建设第一责任人职责，专题研究法治工作5次；三是加强培训。
二、存在的问题和不足
培训覆盖面不广。
三、2024年工作打算
扩大培训覆盖面。
"""
    seg = segment_report(text)
    nested = [s for s in seg.sections if s.kind == "leader_duty"][0]
    assert nested.placement == "inline"
    assert text[nested.start:nested.end].startswith("二是主要负责同志")


def test_combined_shortcomings_and_plan_heading():
    text = """一、工作开展情况
全年办理行政复议案件30件。
二、存在的问题及下一步工作打算
（一）存在的问题。法治宣传形式单一。
（二）下一步打算。创新宣传方式，开展“八五”普法中期评估。
"""
    seg = segment_report(text)
    assert [s.kind for s in seg.parts() if s.kind != "preamble"] == ["achievements", "shortcomings"]
    nested = [s for s in seg.sections if s.kind == "next_plan"]
    assert nested and nested[0].placement == "subsection"
    assert seg.missing == ["leader_duty"]


def test_no_headings_at_all_reports_missing_parts_honestly():
    text = "2023年，我局认真贯彻落实法治政府建设各项部署，全年办理案件100件，开展培训5次。\n"
    seg = segment_report(text)
    assert len(seg.parts()) == 1
    assert "shortcomings" in seg.missing and "next_plan" in seg.missing


def test_numbers_in_sentences_are_not_headings():
    text = """一、主要成效
全年受理1.2万件，完成率达99.5%。其中（一）类事项200项。第（二）项工作按期完成。
二、存在不足
执法力量1.5人/万人，低于标准。
"""
    seg = segment_report(text)
    headings = [h.text for h in seg.outline if h.style != "cn_shi"]
    assert headings == ["一、主要成效", "二、存在不足"]


def test_dates_in_all_forms():
    text = """XX局关于2023年度法治政府建设情况的报告
一、主要举措和成效
完成各项任务。
特此报告。
XX局
二〇二四年二月二十六日
"""
    seg = segment_report(text)
    assert seg.metadata.doc_date.value == "2024-02-26"
    assert seg.metadata.agency.value == "XX局"
    closing = seg.closing_start
    assert closing is not None and text[closing:].startswith("特此报告")
    assert all(s.end <= closing for s in seg.sections)


def test_web_clutter_lines_are_found_and_used():
    text = """首页 > 政务公开 > 法治政府建设
今天是：2026年11月23日 星期一
索引号：11220000-2024-00012  发文机关：某市司法局
发布时间：2024-03-28 10:21  来源：某市司法局  浏览次数：356
某市司法局关于2023年度法治政府建设情况的报告
一、主要举措和成效
全年办理行政复议案件88件。
二、存在的不足和原因
案件办理质量有待提高，主要原因是人员不足。
三、2024年工作安排
充实复议力量。
【打印】【关闭】
扫一扫在手机打开当前页面
初审：张三 复审：李四 终审：王五
"""
    seg = segment_report(text)
    kinds_found = {c.kind for c in seg.clutter}
    assert {"breadcrumb", "site_clock", "metadata_table", "source_line", "tools", "signoff"} <= kinds_found
    assert seg.metadata.published_at.value == "2024-03-28"
    assert seg.metadata.on_time.value is True
    assert seg.metadata.title.value == "某市司法局关于2023年度法治政府建设情况的报告"
    last = seg.parts()[-1]
    assert text[last.start:last.end].rstrip().endswith("充实复议力量。")


def test_late_publication_is_flagged():
    text = """来源：某县人民政府 发布时间：2024-06-10
某县关于2023年度法治政府建设情况的报告
一、主要工作
做了工作。
"""
    seg = segment_report(text)
    assert seg.metadata.on_time.value is False


@pytest.mark.parametrize("heading,kind", [
    ("一、2023年度法治政府建设总体情况", "achievements"),
    ("一、推进法治政府建设的主要做法及成效", "achievements"),
    ("二、存在的短板弱项", "shortcomings"),
    ("二、工作中存在的困难和问题", "shortcomings"),
    ("二、党政主要负责人履行推进法治建设第一责任人职责情况", "leader_duty"),
    ("二、主要负责人履行法治建设职责情况", "leader_duty"),
    ("二、下一年度推进法治政府建设的主要安排", "next_plan"),
    ("二、2024年工作思路", "next_plan"),
    ("二、今后工作打算", "next_plan"),
    ("二、下步工作举措", "next_plan"),
    ("二、下阶段工作安排", "next_plan"),
    ("二、问题与不足", "shortcomings"),
    ("二、落实第一责任人职责情况", "leader_duty"),
    ("二、其他需要报告的情况", "other"),
])
def test_heading_wording_families(heading, kind):
    text = f"一、主要工作情况\n做了很多工作，办理案件20件。\n{heading}\n相关内容在此展开说明。\n"
    if heading.startswith("一、"):
        text = f"{heading}\n做了很多工作，办理案件20件。\n二、其他需要报告的情况\n无。\n"
        assert kinds(text)[0] == kind
    else:
        assert kinds(text)[-1] == kind


def test_traditional_character_pages_segment_like_simplified():
    text = read_report(SEEDS / "001_a35be3758fcb709b.txt").text
    from desktop.core.segmentation.variants import _TABLE

    reverse = {v: chr(k) for k, v in _TABLE.items()}
    traditional = "".join(reverse.get(ch, ch) for ch in text)
    assert traditional != text
    seg_t = segment_report(traditional)
    seg_s = segment_report(text)
    assert [(s.kind, s.start, s.end) for s in seg_t.sections] == [(s.kind, s.start, s.end) for s in seg_s.sections]
    assert all(traditional[h.start:h.heading_end] == h.text for h in seg_t.outline)
    assert seg_t.metadata.published_at.value == "2026-02-05"


def test_footer_and_aggregator_lines_are_clutter():
    text = "原标题：某局2023年法治政府建设情况报告\n一、主要工作情况\n办理案件12件。\n版权所有：某市人民政府 网站标识码：2201000001\n吉ICP备05002191号\n"
    kinds_found = {c.kind for c in segment_report(text).clutter}
    assert {"aggregator", "footer"} <= kinds_found


def test_top_level_marker_reused_at_second_level():
    text = """一、主要工作情况
一、加强组织领导。全年召开专题会议4次。
二、规范行政执法。办理案件120件。
二、存在的问题
执法装备不足。
三、下一步打算
更新执法装备。
"""
    seg = segment_report(text)
    assert "shortcomings" not in seg.missing and "next_plan" not in seg.missing
    assert [s.kind for s in seg.parts()][-2:] == ["shortcomings", "next_plan"]


def test_heading_with_next_year_counts_as_plan():
    text = """某局关于2023年度法治政府建设情况的报告
一、主要工作
全年办理行政复议案件30件。
二、存在问题
培训不足。
三、2024年重点工作
加强培训。
"""
    assert kinds(text) == ["achievements", "shortcomings", "next_plan"]


def test_leader_duty_sentence_in_preamble_is_found_inline():
    text = """2023年，局党组书记、局长切实履行推进法治建设第一责任人职责，带头学法用法。现将有关情况报告如下。
一、主要举措和成效
办理案件30件。
二、存在的不足
培训不足。
三、下一步工作打算
加强培训。
"""
    seg = segment_report(text)
    nested = [s for s in seg.sections if s.kind == "leader_duty"]
    assert nested and nested[0].placement == "inline" and seg.missing == []


def test_part_style_numbering_and_colons():
    text = """第一部分 2023年法治政府建设主要成效：
全年办理案件100件。
第二部分 存在的不足和原因：
人员不足。
第三部分 2024年工作打算：
补充人员。
"""
    assert kinds(text) == ["achievements", "shortcomings", "next_plan"]


def test_paren_numbering_as_top_level():
    text = """（一）主要工作情况
全年办理案件100件。
（二）存在的问题
人员不足。
（三）党政主要负责人履职情况
主要负责人带头述法。
（四）下一步工作计划
补充人员。
"""
    assert kinds(text) == ["achievements", "shortcomings", "leader_duty", "next_plan"]


def test_topical_parts_after_leader_duty_are_still_achievements():
    text = """一、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人带头学法。
二、坚持依法科学民主决策，重大行政决策程序全面落实
审议重大决策事项12项。
三、存在的问题
执法力量不足。
四、下一步工作打算
加强执法力量。
"""
    assert kinds(text) == ["leader_duty", "achievements", "shortcomings", "next_plan"]


def test_date_in_brackets_under_the_title():
    text = """XX市人民政府关于2023年度法治政府建设情况的报告
（2024年3月20日）
市委：
一、主要举措和成效
做了工作。
"""
    assert segment_report(text).metadata.doc_date.value == "2024-03-20"


def test_metadata_table_with_values_on_their_own_lines():
    text = """索引号：
11220000/2024-00012
发布机构：
某市司法局
发文日期：
2024年03月15日
发布时间：2024-03-28
某市司法局2023年度法治政府建设工作报告
一、主要工作
做了工作，办理案件30件，开展培训12次，审查文件8件。
二、存在问题
执法人员不足。
三、下步打算
加强培训。
"""
    seg = segment_report(text)
    assert [s.kind for s in seg.parts() if s.kind != "preamble"] == ["achievements", "shortcomings", "next_plan"]
    assert seg.metadata.title.value == "某市司法局2023年度法治政府建设工作报告"
    assert "repeated_title" not in {c.kind for c in seg.clutter}
    assert seg.metadata.published_at.value == "2024-03-28"
    assert seg.parts()[-1].end > text.index("加强培训")


def test_run_in_list_in_the_preamble_is_not_a_part():
    text = """某县2023年法治政府建设情况报告
今年以来，我县重点做了以下工作：1.完善制度；2.规范执法。现将情况报告如下。
一、工作开展情况
（一）完善制度。出台文件5件。
二、存在的困难和问题
不足。
三、明年工作计划
安排。
"""
    assert kinds(text) == ["achievements", "shortcomings", "next_plan"]


def test_unnumbered_headings_from_the_first_line():
    text = """主要工作情况
全年制定行政规范性文件5件，全部经过合法性审查。
存在的问题
报备不及时。
党政主要负责人履职情况
主要负责人带头学法。
明年工作打算
加强备案审查。
"""
    assert kinds(text) == ["achievements", "shortcomings", "leader_duty", "next_plan"]


def test_solved_problems_do_not_count_as_a_shortcomings_part():
    text = """一、主要工作情况
着力解决群众存在的急难愁盼问题，全年化解矛盾纠纷300件。
二、下一步工作打算
持续推进。
"""
    assert "shortcomings" in segment_report(text).missing
    admitted = text.replace("全年化解矛盾纠纷300件。", "全年化解矛盾纠纷300件。但还存在一些不足，基层力量薄弱。")
    seg = segment_report(admitted)
    assert "shortcomings" not in seg.missing
    assert [s.placement for s in seg.sections if s.kind == "shortcomings"] == ["inline"]


def test_past_year_sentence_with_jiang_is_not_a_plan():
    text = """某局关于2023年度法治政府建设情况的报告
一、主要工作情况
2023年，我局将法治建设纳入年度重点工作，全年办理案件30件。
二、存在的不足
培训不足。
"""
    assert "next_plan" in segment_report(text).missing
    planned = text.replace("培训不足。", "培训不足。\n2024年，我局将加强培训，实现全覆盖。")
    seg = segment_report(planned)
    assert [s.placement for s in seg.sections if s.kind == "next_plan"] == ["inline"]
