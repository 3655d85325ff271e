"""The misses of real web pages and the calibration of confidence, on variant texts written for these tests.

Each class has several variants of its own (other places, separators, wordings), never the text of a real file:
garbage agency shapes are never the value; site chrome running into a flattened page's title is clutter; leader
duty written as a plain sentence (also in traditional script) is found with low confidence, a citation of its
regulation is not; the body's 我局/市政府 gives way to the title's name; a closing 下一步 sentence is the plan;
topical headings only. Every low value carries a reason.
"""

from __future__ import annotations

import pytest

from desktop.core.segmentation.agency import garbage
from desktop.core.segmentation.segment import segment_report

BODY = "全年办理行政复议案件30件，审查规范性文件12件，开展执法检查40次。"
LONG = BODY * 30  # flattened pages are long: a run-in 一、 after a sentence opens the outline only there


def _parts(text: str, kind: str):
    return [s for s in segment_report(text).sections if s.kind == kind]


# -- garbage agency shapes are never the value ------------------------------------------------------------------

GARBAGE_TEXTS = [
    # a doubled word (人民人民), from the title or from completing a short form
    ("青山县人民人民政府关于2023年度法治政府建设情况的报告\n一、主要工作\n" + BODY, "人民人民"),
    ("河西区人民人民政府2022年法治政府建设年度报告\n一、主要举措和成效\n" + BODY, "人民人民"),
    ("县人民政府2023年法治政府建设情况报告\n2023年，县人民政府坚持依法行政。青山县人民政府常务会议研究4次。\n"
     "一、主要工作\n" + BODY, "人民人民"),
    # a sentence fragment taken as the name
    ("现将县人民政府2023年度法治政府建设情况报告如下：\n一、主要工作\n" + BODY, "现将"),
    ("根据市司法局2023年法治政府建设年度报告要求\n一、主要工作\n" + BODY, "根据"),
    ("按照市委依法治市办2024年法治政府建设年度报告\n一、主要工作\n" + BODY, "按照"),
    # a phrase glued to the name
    ("推进法治市市场监管局2023年法治政府建设情况报告\n一、主要工作\n" + BODY, "法治"),
    ("依法行政工作东岭县交通运输局2024年法治政府建设工作报告\n一、主要工作\n" + BODY, "依法"),
    # a generic name without its place
    ("经济开发区2023年法治政府建设情况报告\n一、主要工作\n" + BODY, "经济开发区"),
    ("经济技术开发区管委会关于2023年度法治政府建设情况的报告\n一、主要工作\n" + BODY, "开发区"),
    ("高新技术产业开发区2024年法治政府建设年度报告\n一、主要工作\n" + BODY, "开发区"),
]


@pytest.mark.parametrize("text,shape", GARBAGE_TEXTS)
def test_a_garbage_shape_is_never_the_agency_and_the_reviewer_is_told_why(text, shape):
    seg = segment_report(text)
    value = seg.metadata.agency.value
    assert value is None or (garbage(str(value)) is None and (shape not in str(value) or str(value).startswith(
        ("青山", "东岭", "河西")))), value
    if value is None:
        assert seg.metadata_confidence["agency"] == "low" and seg.metadata_reasons["agency"]


def test_a_garbage_candidate_gives_way_to_a_plausible_later_source():
    text = ("推进法治市市场监管局2023年法治政府建设情况报告\n一、主要工作\n" + BODY + "\n特此报告。\n东岭市市场监督管理局\n"
            "2024年3月1日\n")
    seg = segment_report(text)
    assert seg.metadata.agency.value == "东岭市市场监督管理局"
    assert seg.metadata.agency.source == "signature" and seg.metadata_confidence["agency"] == "high"


@pytest.mark.parametrize("value", ["北京市市场监督管理局", "中共青山市委全面依法治市委员会办公室", "苏州工业园区管委会",
                                   "齐齐哈尔市人民政府", "国家税务总局", "鲤城区人民政府金龙街道办事处", "河口区"])
def test_real_names_are_not_garbage(value):
    assert garbage(value) is None


# -- flattened pages: chrome runs into the title ----------------------------------------------------------------

CHROME_PAGES = [
    ("当前位置：首页 政务公开 法治政府建设 青山县司法局2023年法治政府建设年度报告 时间：2024-03-31 10:09 微信 微博 QQ空间 ",
     "青山县司法局2023年法治政府建设年度报告", "青山县司法局", "2024-03-31"),
    ("您所在的位置：首页 > 信息公开 > 法治政府建设年度报告 > 正文 东岭市人民政府关于2022年度法治政府建设情况的报告 "
     "发布时间：2023-03-30 来源：市司法局 浏览次数：120 分享到： 微信 微博 ",
     "东岭市人民政府关于2022年度法治政府建设情况的报告", "东岭市人民政府", "2023-03-30"),
    ("首页 >> 政务公开 >> 通知公告 桃花镇2024年法治政府建设工作报告 日期：2025-02-10 09:30:00 【字体：大 中 小】 【打印】 ",
     "桃花镇2024年法治政府建设工作报告", "桃花镇", "2025-02-10"),
    ("您现在的位置：首页 › 部门信息 › 党政主要负责人履行推进法治建设第一责任人职责 西岭县教育局关于2023年度法治政府建设"
     "情况的报告 发布日期：2024/03/25 朋友圈 新浪微博 QQ空间 ",
     "西岭县教育局关于2023年度法治政府建设情况的报告", "西岭县教育局", "2024-03-25"),
    ("您的位置：首页》政务公开》法治政府 北川县水利局2023年法治政府建设年度报告 发布日期：2024年3月20日 分享到：微信 微博 ",
     "北川县水利局2023年法治政府建设年度报告", "北川县水利局", "2024-03-20"),
]


@pytest.mark.parametrize("chrome,title,agency,published", CHROME_PAGES)
def test_site_chrome_running_into_the_title_is_clutter_and_the_title_and_agency_follow(chrome, title, agency,
                                                                                       published):
    text = (chrome + "2023年，我们坚持依法行政，现将有关情况报告如下。一、主要工作 " + LONG
            + "二、存在的问题 培训不足，有待加强。三、下一步工作打算 加强执法力量。")
    seg = segment_report(text)
    meta = seg.metadata.values()
    assert meta["title"] == title and meta["agency"] == agency and meta["published_at"] == published
    crumb = next(c for c in seg.clutter if c.kind == "breadcrumb")
    assert crumb.start == 0 and title not in crumb.text
    assert any(c.kind in ("source_line", "tools") and ("微" in c.text or "QQ" in c.text or "打印" in c.text)
               for c in seg.clutter)
    title_at = text.index(title)
    for c in seg.clutter:  # clutter never eats the title or the report
        assert c.end <= title_at or c.start >= title_at + len(title)
    for s in seg.sections:  # no part starts inside the chrome, and the breadcrumb is never leader duty
        assert s.start >= crumb.end
    assert "leader_duty" in seg.missing
    assert [s.kind for s in seg.parts() if s.kind != "preamble"] == ["achievements", "shortcomings", "next_plan"]


# -- leader duty as a plain sentence or item ----------------------------------------------------------------------

DUTY_SENTENCES = [
    "局主要负责人亲自部署、带头讲法，全年专题研究法治工作4次。",
    "做到一把手亲自抓、分管领导具体抓，层层压实责任。",
    "压实主要领导法治建设责任，完善述法考核机制。",
    "党组书记带头学法用法，主持召开党组会议研究法治建设3次。",
    "局主要負責人親自部署、帶頭講法。",   # traditional script
    "壓實主要領導法治建設責任，完善考核機制。",
]


@pytest.mark.parametrize("sentence", DUTY_SENTENCES)
def test_leader_duty_written_as_a_plain_sentence_is_found_with_low_confidence(sentence):
    text = ("青山县司法局2023年法治政府建设年度报告\n一、主要举措和成效\n（一）深化改革\n" + BODY + "\n（二）强化保障\n"
            + sentence + BODY + "\n二、存在的问题\n培训不足。\n三、下一步工作打算\n加强执法力量。\n")
    seg = segment_report(text)
    duty = [s for s in seg.sections if s.kind == "leader_duty"]
    assert duty and sentence[:6] in text[duty[0].start:duty[0].end]
    assert duty[0].confidence == "low" and duty[0].reason
    assert seg.missing == []


@pytest.mark.parametrize("heading,confidence", [
    ("（二）压实法治建设第一责任", "high"), ("（二）一把手带头抓法治", "high"), ("（二）抓住“关键少数”", "low"),
])
def test_a_subsection_heading_naming_the_leaders_in_other_words_holds_the_duty(heading, confidence):
    text = ("青山县司法局2023年法治政府建设年度报告\n一、主要举措和成效\n（一）深化改革\n" + BODY + "\n" + heading
            + "\n局党组书记带头学法，全年专题研究4次。" + BODY + "\n二、存在的问题\n培训不足。\n三、下一步工作打算\n加强。\n")
    duty = _parts(text, "leader_duty")
    assert duty and duty[0].placement == "subsection" and duty[0].heading == heading
    assert duty[0].confidence == confidence


@pytest.mark.parametrize("sentence", [
    "根据《党政主要负责人履行推进法治建设第一责任人职责规定》，制定年度工作计划。",
    "按照《党政主要负责人履行推进法治建设第一责任人职责规定》要求，印发工作要点。",
    "依据《关于落实党政主要负责人法治建设第一责任人职责的实施办法》，完善制度。",
])
def test_a_sentence_that_only_cites_the_duty_regulation_is_not_the_part(sentence):
    text = ("青山县司法局2023年法治政府建设年度报告\n一、主要举措和成效\n" + sentence + BODY
            + "\n二、存在的问题\n培训不足。\n三、下一步工作打算\n加强执法力量。\n")
    assert segment_report(text).missing == ["leader_duty"]


def test_the_duty_stated_with_its_keyword_stays_high():
    text = ("青山县司法局2023年法治政府建设年度报告\n一、主要举措和成效\n" + BODY + "局主要负责人切实履行推进法治建设第一责任人"
            "职责，带头学法4次。\n二、存在的问题\n培训不足。\n")
    duty = _parts(text, "leader_duty")
    assert duty and duty[0].confidence == "high" and duty[0].reason == ""


# -- the agency named only as 我局 / 市政府 in the body --------------------------------------------------------------

@pytest.mark.parametrize("title,body,agency", [
    ("关于青山县司法局2023年度法治政府建设情况的报告", "2023年，我局坚持依法行政。", "青山县司法局"),
    ("东岭市人民政府关于2023年法治政府建设情况的报告", "2023年，市政府坚持依法行政。", "东岭市人民政府"),
    ("2023年度河西县市场监督管理局法治政府建设情况报告", "2023年，我局坚持依法行政。", "河西县市场监督管理局"),
    ("南湖县人民政府2024年法治政府建设年度报告", "2024年，县人民政府坚持依法行政。", "南湖县人民政府"),
])
def test_the_title_names_the_agency_when_the_body_only_says_wo_ju_or_shi_zhengfu(title, body, agency):
    seg = segment_report(title + "\n" + body + "\n一、主要工作\n" + BODY)
    assert seg.metadata.agency.value == agency and seg.metadata_confidence["agency"] == "high"


@pytest.mark.parametrize("header,body,agency", [
    ("青山县司法局", "2023年，我局坚持依法行政。", "青山县司法局"),
    ("桃花镇", "2023年，我镇坚持依法行政。", "桃花镇"),
    ("东岭市发展和改革委员会", "2023年，我委坚持依法行政。", "东岭市发展和改革委员会"),
    ("青山县人民政府", "2023年，我局坚持依法行政。", None),  # the site's banner, not the 局 that writes
])
def test_the_page_header_names_the_body_the_text_calls_wo_ju_with_low_confidence(header, body, agency):
    seg = segment_report(header + "\n2023年度法治政府建设工作报告\n" + body + "\n一、主要工作\n" + BODY)
    assert seg.metadata.agency.value == agency
    assert seg.metadata_confidence["agency"] == "low" and seg.metadata_reasons["agency"]


def test_a_short_form_completed_from_other_mentions_is_low_with_its_reason():
    text = ("2023年法治政府建设情况报告\n2023年，市政府坚持依法行政，东岭市各部门协同推进。东岭市人民政府常务会议研究法治"
            "工作4次。\n一、主要工作\n" + BODY)
    seg = segment_report(text)
    assert seg.metadata.agency.value == "东岭市人民政府"
    assert seg.metadata_confidence["agency"] == "low" and "inferred" in seg.metadata_reasons["agency"]


# -- a plan given as one closing sentence ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "下一步，我局将继续深化执法改革，推动法治政府建设再上新台阶。",
    "新的一年，我们将持续加强执法队伍建设。",
    "下阶段，将重点抓好行政复议规范化建设。",
    "2024年，我局将加强执法培训。",
])
def test_a_closing_plan_sentence_is_the_plan_with_low_confidence(sentence):
    text = ("青山县司法局2023年法治政府建设年度报告\n一、主要举措和成效\n" + BODY + "\n二、存在的问题\n培训不足，有待加强。"
            + sentence + "\n")
    plan = _parts(text, "next_plan")
    assert plan and plan[0].placement == "inline" and plan[0].confidence == "low" and plan[0].reason
    assert "next_plan" not in segment_report(text).missing


def test_a_past_year_sentence_with_jiang_is_not_a_plan():
    text = ("青山县司法局2023年法治政府建设年度报告\n一、主要举措和成效\n" + BODY + "\n二、存在的问题\n培训不足。"
            "2023年，我局将执法培训纳入考核。\n")
    assert "next_plan" in segment_report(text).missing


# -- topical headings only -----------------------------------------------------------------------------------------

def test_topical_headings_without_a_generic_achievements_heading_are_achievements_with_low_confidence():
    text = ("南湖县应急管理局2023年法治政府建设情况报告\n一、坚持党的领导，筑牢法治根基\n" + BODY + "\n二、深化执法改革，"
            "提升治理效能\n" + BODY + "\n三、存在的问题\n执法力量不足。\n四、下一步工作打算\n加强执法力量。\n")
    seg = segment_report(text)
    first = seg.parts()[1]
    assert first.kind == "achievements" and first.confidence == "low" and "topical" in first.reason
    assert "achievements" not in seg.missing


@pytest.mark.parametrize("title,agency", [
    ("青山县司法局2023年度法治政府建设情况", "青山县司法局"),
    ("东岭市交通运输局2024年法治政府建设工作情况", "东岭市交通运输局"),
    ("桃花镇2022年度依法行政工作情况", "桃花镇"),
])
def test_a_page_title_without_bao_gao_is_the_title_not_portal_chrome(title, agency):
    seg = segment_report(title + "\n2023年，我局坚持依法行政。\n一、主要工作\n" + BODY + "\n二、存在的不足\n培训不足。\n")
    assert seg.metadata.title.value == title and seg.metadata_confidence["title"] == "low"
    assert seg.metadata.agency.value == agency
    assert not any(c.text == title for c in seg.clutter)


def test_a_heading_like_line_in_the_body_is_not_taken_for_a_title():
    text = ("青山县司法局关于2023年度法治政府建设情况的报告\n一、2023年法治政府建设情况\n" + BODY
            + "\n二、存在的不足\n培训不足。\n")
    seg = segment_report(text)
    assert seg.metadata.title.value == "青山县司法局关于2023年度法治政府建设情况的报告"
    assert [s.kind for s in seg.parts() if s.kind != "preamble"] == ["achievements", "shortcomings"]
