"""Each class of miss seen on real reports, on variant texts written for these tests (not the real openings).

Leader duty as an item, a sentence or a subsection without a keyword; agencies from title, first sentence,
signature and labels, never from page chrome, completed by the text itself; years with a space, masked or in
traditional script; a topical first heading; text damage (watermarks inside phrases, spaces inside words, omission
notices, inserted pinyin); flattened and mixed structures; plans titled 整改措施; a closing shortcomings sentence;
publication versus document dates; breadcrumbs and agency lines around titles; look-alike documents; confidence.
"""

from __future__ import annotations

import pytest

from desktop.core.segmentation.segment import segment_report

BODY = "全年办理行政复议案件30件，审查规范性文件12件，开展执法检查40次。"


def kinds(text: str) -> list[str]:
    return [s.kind for s in segment_report(text).parts() if s.kind != "preamble"]


def nested(text: str, kind: str):
    return [s for s in segment_report(text).sections if s.kind == kind and s.placement != "section"]


# -- leader duty written as an item, a sentence, or a subsection whose body states it ---------------------------

def test_leader_duty_item_whose_heading_has_no_keyword_but_its_body_does():
    text = ("一、2023年法治政府建设情况\n（一）加强统筹。一是坚持高位推动。召开常务会议4次。二是压实法治建设责任。"
            "抓牢党政主要负责人履行推进法治建设第一责任人职责，完成述法全覆盖。三是完善机制。\n" + BODY + "\n")
    found = nested(text, "leader_duty")
    assert found and found[0].placement == "inline" and text[found[0].start:].startswith("二是压实")


def test_leader_duty_as_one_sentence_with_zeren_instead_of_zhize():
    text = ("一、主要工作\n2024年，我局扎实推进依法行政。局主要负责人切实履行法治第一责任人责任，带头学法4次。" + BODY
            + "\n二、存在的不足\n培训不足。\n")
    found = nested(text, "leader_duty")
    assert found and "第一责任人" in text[found[0].start:found[0].end]
    assert segment_report(text).missing == ["next_plan"]


def test_subsection_without_keyword_whose_body_is_about_the_duty_is_the_leader_duty_part():
    text = ("一、主要举措和成效\n（一）深化改革\n" + BODY + "\n（二）严格履职紧抓责任落实\n局党组高度重视法治建设。"
            "党组书记认真履行推进法治建设第一责任人职责，亲自部署重要工作。\n（三）规范执法\n" + BODY + "\n")
    found = nested(text, "leader_duty")
    assert found and found[0].placement == "subsection" and found[0].heading.startswith("（二）严格履职")


def test_the_subsection_naming_the_duty_wins_over_an_earlier_one_that_mentions_the_leader():
    text = ("一、2024年法治政府建设基本情况\n（一）强化政治引领\n1.健全领导机制。成立由党政主要负责人任组长的领导小组。\n"
            "2.落实第一责任人职责。把法治建设纳入年度考核。\n3.完善考核机制。" + BODY + "\n")
    found = nested(text, "leader_duty")
    assert found and found[0].heading.startswith("2.落实第一责任人职责")


# -- agency ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,agency", [
    ("首页 > 政务公开 > 法治政府\n桃花镇2024年法治政府建设年度报告\n来源:本网  发布日期:2025-01-07 15:15:56\n"
     "2024年，我镇坚持依法行政。\n一、主要工作\n" + BODY, "桃花镇"),
    ("2021年河口区法治政府建设情况报告\n文章来源:司法局 更新时间:2022/03/29 11:30:01\n2021年，河口区坚持依法行政。\n"
     "一、主要举措和成效\n" + BODY, "河口区"),
    ("2023年,水利部坚持以习近平法治思想为指导，推进法治政府建设。\n一、2023年推进法治政府建设情况\n" + BODY, "水利部"),
    ("一、主要工作\n" + BODY + "\n特此报告。\n青山县自然资源局\n2024年2月20日\n", "青山县自然资源局"),
    ("发文机关:\n红河县教育局 发文日期:2025-02-25\n现将有关情况报告如下:\n一、主要工作\n" + BODY, "红河县教育局"),
])
def test_agency_comes_from_the_text_not_from_page_chrome(text, agency):
    assert segment_report(text).metadata.agency.value == agency


def test_short_forms_are_completed_only_by_what_the_text_says():
    province = ("2025年,省数据局认真贯彻《浙江省数据条例》，推进依法行政。\n一、主要工作\n" + BODY)
    assert segment_report(province).metadata.agency.value == "浙江省数据局"
    district = ("湖滨市河西区人民政府 2019年12月3日星期二\n河西区2023年度法治政府建设情况报告\n"
                "2023年,河西区坚持依法行政。\n一、主要工作\n" + BODY)
    assert segment_report(district).metadata.agency.value == "湖滨市河西区人民政府"
    office = ("区政府办2025年法治政府建设情况报告\n2025年，区政府办全面落实《南原市北塘区2025年法治政府建设工作要点》。\n"
              "一、主要工作\n" + BODY)
    assert segment_report(office).metadata.agency.value == "南原市北塘区人民政府办公室"
    unknown = "2024年,省教育厅按照部署推进依法治教。\n一、主要工作\n" + BODY  # no province named: left short
    assert segment_report(unknown).metadata.agency.value == "省教育厅"


def test_a_verb_before_the_body_is_not_part_of_its_name():
    text = "按照省教育厅部署，深入推进依法治教，取得良好成效。\n一、主要工作\n" + BODY
    assert segment_report(text).metadata.agency.value is None


def test_agency_alone_on_the_first_line_of_the_title():
    text = ("无障碍 简体 繁体\n东岭市司法局\n关于2023年度法治政府建设情况的报告\n市委、市政府：\n一、主要工作\n" + BODY)
    meta = segment_report(text).metadata
    assert meta.agency.value == "东岭市司法局"
    assert meta.title.value == "东岭市司法局关于2023年度法治政府建设情况的报告"


# -- year -----------------------------------------------------------------------------------------------------

def test_year_with_a_space_masked_or_in_traditional_script_with_pinyin():
    assert segment_report("某局2020 年法治政府建设情况报告\n一、主要工作\n" + BODY).metadata.year.value == 2020
    masked = "某局20XX年法治政府建设情况报告\n发布时间:2024-03-01\n一、主要工作\n" + BODY
    meta = segment_report(masked).metadata
    assert meta.year.value == 2023 and "arithmetic" in meta.year.source
    traditional = "某市教育局2024年度法治政府建設(shè)情況報(bào)告\n一、主要做法及成效\n" + BODY
    assert segment_report(traditional).metadata.year.value == 2024
    reporting = "现将我局2023年法治政府建设工作情况报告如下。\n一、主要工作\n" + BODY
    assert segment_report(reporting).metadata.year.value == 2023


# -- a topical first heading ------------------------------------------------------------------------------------

def test_topical_first_heading_is_achievements_even_when_its_body_speaks_of_the_duty():
    text = ("一、坚持党的领导，坚决扛牢法治政府建设政治责任\n一是深学笃行习近平法治思想。二是扛牢法治建设第一责任人职责。"
            "主要负责同志带头述法。\n二、深化重点领域改革\n" + BODY + "\n")
    seg = segment_report(text)
    assert [s.kind for s in seg.parts()] == ["achievements", "achievements"]
    assert [s.placement for s in seg.sections if s.kind == "leader_duty"] == ["inline"]
    assert seg.parts()[0].confidence == "low"


# -- text damage ------------------------------------------------------------------------------------------------

def test_watermark_inside_a_phrase_is_clutter_and_does_not_hide_the_phrase():
    mark = "范文天地—海量资料免费下载www.fanwentd.com"
    text = (mark + "某省人民政府关于2023年度法治政府建设情况的报告2023年,省政府坚持依法行政。一、坚持党的领导" + BODY
            + "一是强化学习。二是扛牢法治建设第一" + mark + "责任人职责。主要负责同志带头述法。三是完善机制。" + BODY * 20)
    seg = segment_report(text)
    assert [c.text for c in seg.clutter if c.kind == "watermark"] == [mark, mark]
    assert seg.metadata.title.value == "某省人民政府关于2023年度法治政府建设情况的报告"
    assert seg.metadata.agency.value == "某省人民政府" and seg.metadata.year.value == 2023
    duty = [s for s in seg.sections if s.kind == "leader_duty"]
    assert duty and text[duty[0].start:duty[0].start + 2] == "二是" and mark in text[duty[0].start:duty[0].end]


def test_spaces_inside_words_and_omission_notices_do_not_hide_parts():
    text = ("（开头部分已省略650字）\n一、主要举措和成效\n" + BODY + "\n二、存在的问题\n法 治宣传形式单一，基层执法力量不 足，"
            "群众满意度有待提升。\n三、下一步工作打算\n加强执法力量。\n")
    seg = segment_report(text)
    assert kinds(text) == ["achievements", "shortcomings", "next_plan"]
    assert [c.kind for c in seg.clutter] == ["notice"]
    for s in seg.sections:
        assert text[s.start:s.start + len(s.heading)] == s.heading  # offsets are those of the frozen text


def test_a_space_before_a_numbered_heading_in_a_flattened_text_is_kept():
    text = "2023年，我县依法行政，现将情况报告如下 一、主要工作 " + BODY * 30 + "今年 二、存在的问题 培训不足，有待加强。"
    assert kinds(text) == ["achievements", "shortcomings"]


# -- structure ----------------------------------------------------------------------------------------------------

def test_short_report_flattened_to_one_line_keeps_its_parts():
    text = ("某县司法局关于2023年度法治政府建设情况的报告 2023年，我局坚持依法行政。一、主要举措和成效 " + BODY * 10
            + "二、存在的不足 基层力量薄弱。三、下一步工作打算 充实基层力量。")
    assert kinds(text) == ["achievements", "shortcomings", "next_plan"]


def test_unnumbered_heading_among_numbered_ones_is_kept():
    text = ("一、主要举措和成效\n" + BODY + "\n二、存在的问题和不足\n培训覆盖面不广，执法力量薄弱。\n"
            "下一步工作计划\n扩大培训覆盖面，充实执法力量。\n")
    seg = segment_report(text)
    assert kinds(text) == ["achievements", "shortcomings", "next_plan"]
    assert "next_plan" not in seg.missing


@pytest.mark.parametrize("heading", ["三、整改措施", "三、下一步工作计划"])
def test_plan_titled_zhenggai_or_next_step(heading):
    text = "一、主要工作情况\n" + BODY + "\n二、存在的问题\n执法力量不足。\n" + heading + "\n充实执法力量。\n"
    assert kinds(text)[-1] == "next_plan"


def test_shortcomings_as_one_closing_sentence():
    text = ("一、主要工作情况\n" + BODY + "但与上级要求和群众期盼相比，仍存在法治宣传针对性不强、基层执法人员专业能力"
            "有待提升等不足。\n")
    seg = segment_report(text)
    assert "shortcomings" not in seg.missing
    assert [s.placement for s in seg.sections if s.kind == "shortcomings"] == ["inline"]


# -- dates and title ------------------------------------------------------------------------------------------------

def test_publication_date_is_the_published_one_not_the_document_date():
    text = ("成文日期：2024-03-01  发布日期：2024-03-05\n某局2023年度法治政府建设情况报告\n一、主要工作\n" + BODY)
    meta = segment_report(text).metadata
    assert meta.published_at.value == "2024-03-05" and meta.doc_date.value == "2024-03-01"


def test_breadcrumb_line_is_not_the_title():
    text = "3首页 > 政务公开 > 法治政府建设年度报告\n石桥镇2024年法治政府建设年度报告\n一、主要工作\n" + BODY
    meta = segment_report(text).metadata
    assert meta.title.value == "石桥镇2024年法治政府建设年度报告"
    assert "breadcrumb" in {c.kind for c in segment_report(text).clutter}


# -- look-alike documents, cut-off texts, confidence ---------------------------------------------------------------

@pytest.mark.parametrize("title,doc_type", [
    ("某市人民政府2023年政府信息公开工作年度报告", "government_information_disclosure"),
    ("某县司法局2023年普法工作总结", "legal_publicity_summary"),
    ("某市2023年度行政执法数据统计分析报告", "enforcement_statistics"),
    ("某局局长2023年度述法报告", "personal_law_report"),
    ("某局关于2023年度法治政府建设情况的报告", "annual_report"),
])
def test_look_alike_documents_are_recognised(title, doc_type):
    seg = segment_report(title + "\n一、总体情况\n" + BODY + "\n")
    assert seg.doc_type == doc_type
    assert seg.to_json()["doc_type"] == doc_type


def test_disclosure_report_recognised_by_its_standard_headings_without_a_title():
    text = ("一、总体情况\n" + BODY + "\n二、主动公开政府信息情况\n公开文件20件。\n三、收到和处理政府信息公开申请情况\n"
            "收到申请5件。\n")
    assert segment_report(text).doc_type == "government_information_disclosure"


def test_a_text_cut_mid_sentence_is_truncated_and_a_complete_one_is_not():
    cut = "一、主要举措和成效\n" + BODY + "全年开展执法检查40次，发现问题"
    assert segment_report(cut).truncated is True
    whole = "一、主要举措和成效\n" + BODY + "\n特此报告。\n某局\n2024年2月1日\n"
    assert segment_report(whole).truncated is False
    assert segment_report(cut + "...").truncated is True


def test_confidence_of_parts_and_metadata():
    text = ("青山县司法局关于2023年度法治政府建设情况的报告\n一、2023年主要举措和成效\n" + BODY + "\n二、坚持依法决策\n" + BODY
            + "\n三、2024年工作安排\n加强培训。\n")
    seg = segment_report(text)
    assert [(s.kind, s.confidence) for s in seg.parts() if s.kind != "preamble"] == [
        ("achievements", "high"), ("achievements", "low"), ("next_plan", "high")]
    conf = seg.metadata_confidence
    assert conf["title"] == "high" and conf["agency"] == "high" and conf["year"] == "high"
    assert conf["published_at"] == "low"  # not found
    wrong_year = text.replace("一、2023年主要举措和成效", "一、2022年主要举措和成效")
    assert segment_report(wrong_year).metadata_confidence["year"] == "low"


def test_a_space_splitting_a_word_in_a_heading_or_title_is_bridged_but_not_one_between_heading_and_body():
    text = ("某县司法局关于2023年度法 治政府建设情况的报告\n一、主要举措和成效\n" + BODY + "\n二、存在的不 足和原因\n"
            "培训不足。\n三、下一步工作安排\n加强培训。\n")
    seg = segment_report(text)
    assert kinds(text) == ["achievements", "shortcomings", "next_plan"]
    assert seg.metadata.year.value == 2023 and seg.metadata.agency.value == "某县司法局"
    assert [s.heading for s in seg.parts()][2] == "二、存在的不 足和原因"  # cut from the frozen text
    from desktop.core.segmentation.damage import damage_view

    assert damage_view("一、主要工作 全年办理案件").text == "一、主要工作 全年办理案件"


def test_agency_from_a_year_clause_after_a_heading_in_a_flattened_page():
    text = "一、主要工作情况2025年,省数据局认真学习贯彻习近平法治思想，依据《浙江省数据条例》推进依法行政。" + BODY * 12
    assert segment_report(text).metadata.agency.value == "浙江省数据局"


@pytest.mark.parametrize("opening,confidence", [
    ("2024年,县教育局坚持依法治教。", "low"), ("2024年,省教育厅坚持依法治教。", "low"),
    # the opening sentence is a weak source even with the place (high needs a title, a signature, 发文机关)
    ("2024年,青山县教育局坚持依法治教。", "low"), ("2023年,水利部坚持依法行政。", "low"),
    ("青山县教育局2024年法治政府建设情况报告\n2024年,我局坚持依法治教。", "high"),
    ("水利部关于2023年法治政府建设情况的报告\n2023年,水利部坚持依法行政。", "high"),
])
def test_an_agency_without_its_place_or_from_a_weak_source_has_low_confidence(opening, confidence):
    seg = segment_report(opening + "\n一、主要工作\n" + BODY)
    assert seg.metadata.agency.value and seg.metadata_confidence["agency"] == confidence
    assert bool(seg.metadata_reasons.get("agency")) == (confidence == "low")
