"""Aids for the shortcomings part: formulaic phrases, specificity, causes, plan links, repeats — on the seeds
and on synthetic reports whose answers are known by construction."""

from __future__ import annotations

import pytest

from desktop.core.agencies.previous import previous_report
from desktop.core.errors import ReviewDeskError
from desktop.core.ingest.importer import import_paths
from desktop.core.review.aids import (
    PARTLY,
    SPECIFIC,
    VAGUE,
    assess_specificity,
    find_causes,
    find_formulaic,
    read_phrases,
    shortcomings_aids,
    split_items,
)
from desktop.core.segmentation.segment import segment_report
from desktop.core.storage.documents import get_document, list_documents


@pytest.fixture(scope="module")
def seeds():
    from desktop.core.storage import open_database

    db = open_database(":memory:")
    import_paths(db, [__import__("tests.conftest").conftest.SEEDS])
    docs = {d.name[:3]: get_document(db, d.id) for d in list_documents(db)}
    prev = {k: previous_report(db, d.id) for k, d in docs.items()}
    yield docs, {k: get_document(db, p.id) if p else None for k, p in prev.items()}
    db.conn.close()


BRIEF_PHRASES = ["有待进一步加强", "还不够深入", "仍有提升空间", "不够透彻", "有待提高", "还需加强", "力度不够",
                 "不够到位", "存在短板", "相对滞后", "意识不强", "有所欠缺"]


def test_phrase_list_is_real_and_catches_the_common_stock_phrases():
    patterns = read_phrases()
    assert len(patterns) >= 40
    for phrase in BRIEF_PHRASES:
        hits = find_formulaic("前文，" + phrase + "。")
        assert [h.text for h in hits] == [phrase], phrase
    for plain in ["全年办理行政复议案件12件", "存在的问题和不足", "二、存在的不足和原因", "制定《政府信息公开办法》"]:
        assert find_formulaic(plain) == [], plain


def test_bad_phrase_file_names_the_line(tmp_path):
    path = tmp_path / "phrases.txt"
    path.write_text("# comment\n有待加强\n有待(加强\n", encoding="utf-8")
    with pytest.raises(ReviewDeskError, match="line 3"):
        read_phrases(path)


def test_seed_000_items_specificity_and_plan_links(seeds):
    docs, prev = seeds
    doc = docs["000"]
    aids = shortcomings_aids(doc, prev["000"])
    assert [a.item.heading[:2] for a in aids.items] == ["一是", "二是", "三是"]
    assert [a.specificity.level for a in aids.items] == [VAGUE, VAGUE, PARTLY]
    assert [d.text for d in aids.items[2].specificity.documents] == ["《吉林省优化营商环境条例》"]
    marked = {h.text for h in aids.formulaic}
    assert {"仍有提升空间", "相对滞后", "有待进一步加强"} <= marked
    for hit in aids.formulaic:
        assert doc.text[hit.start:hit.end] == hit.text and aids.section.start <= hit.start < aids.section.end
    assert not aids.causes_analysed and not aids.heading_mentions_causes
    # each shortcoming is answered by the plan item of the same number, and by nothing else
    assert [[link.index for link in a.plan_links] for a in aids.items] == [[0], [1], [2]]
    assert aids.unanswered == []
    assert aids.items[2].plan_links[0].shared[0] == "宣传方式"
    # the earlier report of the same agency (003, 2022) has no shortcomings part to compare with
    assert prev["000"] is not None and prev["000"].summary.year == 2022
    assert aids.previous_items == [] and all(a.repeats == () for a in aids.items)


def test_seed_001_outline_items_and_named_things(seeds):
    docs, _prev = seeds
    aids = shortcomings_aids(docs["001"])
    assert [a.item.heading for a in aids.items] == ["(一)法治宣传教育质效有待提升", "(二)数字法治建设深度不够"]
    assert [n.text for n in aids.items[1].specificity.names] == ["“免申即享”", "“智能审批”"]
    assert [[link.index for link in a.plan_links] for a in aids.items] == [[0], [2]]
    assert aids.previous_items is None


def test_seed_002_promises_causes_gives_none_and_the_plan_answers_nothing(seeds):
    docs, _prev = seeds
    aids = shortcomings_aids(docs["002"])
    assert len(aids.items) == 3 and all(a.specificity.level == VAGUE for a in aids.items)
    assert aids.heading_mentions_causes and not aids.causes_analysed
    assert len(aids.plan_items) == 5
    assert [a.item.index for a in aids.unanswered] == [0, 1, 2]


def test_reports_without_a_shortcomings_part(seeds):
    docs, _prev = seeds
    for key in ("003", "004"):
        aids = shortcomings_aids(docs[key])
        assert aids.section is None and aids.items == []


PREVIOUS = """某县司法局关于2023年度法治政府建设情况的报告
一、主要举措和成效
全年审核规范性文件10件。
二、存在的不足和原因
一是法治宣传教育的针对性和实效性有待增强，宣传方式较为单一，对新媒体运用不够充分。二是执法监督机制仍需完善。
三、2024年工作安排
（一）创新普法宣传方式。
特此报告。
某县司法局
2024年2月20日
"""

CURRENT = """某县司法局关于2024年度法治政府建设情况的报告
一、主要举措和成效
全年审核规范性文件12件，办理行政复议案件8件。
二、存在的不足和原因
一是法治宣传教育的针对性和实效性仍有待增强，宣传方式较为单一，对新媒体的运用还不够充分。二是行政执法人员持证率为86%，有4名执法人员未按期参加年度培训，主要原因是培训计划与执法任务冲突。三是《某县行政规范性文件管理办法》制定于2015年，与上位法衔接不够。
三、2025年工作安排
（一）加强执法人员培训。把年度培训安排在执法任务较少的第一季度，确保持证执法人员全部按期参加培训。
（二）启动规范性文件清理。对照上位法修订《某县行政规范性文件管理办法》，年内完成清理。
特此报告。
某县司法局
2025年2月20日
"""


def test_synthetic_report_with_known_answers():
    current, previous = segment_report(CURRENT), segment_report(PREVIOUS)
    aids = shortcomings_aids(current, previous)
    assert [a.item.heading[:2] for a in aids.items] == ["一是", "二是", "三是"]
    levels = [a.specificity.level for a in aids.items]
    assert levels == [VAGUE, SPECIFIC, PARTLY]
    figures = [f.text for f in aids.items[1].specificity.figures]
    assert figures == ["86%", "4名"]
    assert [f.text for f in aids.items[2].specificity.figures] == []     # 2015年 is a year, not a figure
    assert [c.text for c in aids.items[1].causes] == ["原因是"]
    assert aids.causes_analysed
    # the first shortcoming is last year's, reworded slightly; the others are new
    assert [bool(a.repeats) for a in aids.items] == [True, False, False]
    assert aids.items[0].repeats[0].index == 0 and aids.items[0].repeats[0].similarity >= 0.5
    # the plan answers the second and third, not the first (publicity is not in next year's plan)
    assert [[link.index for link in a.plan_links] for a in aids.items] == [[], [0], [1]]
    assert [a.item.index for a in aids.unanswered] == [0]


def test_sentence_items_when_the_part_has_no_numbered_items():
    text = ("一、主要举措和成效\n全年办理复议案件8件。\n二、存在的问题\n虽然取得了一定成效，但仍存在一些不足。"
            "法治宣传的覆盖面不广，农村地区知晓率低。由于编制紧张，法制审核人员只有2名。\n三、下一步工作安排\n"
            "加强普法宣传。\n")
    seg = segment_report(text)
    section = next(s for s in seg.sections if s.kind == "shortcomings")
    items = split_items(text, section, seg.outline)
    assert [i.text for i in items] == ["法治宣传的覆盖面不广，农村地区知晓率低。", "由于编制紧张，法制审核人员只有2名。"]
    aids = shortcomings_aids(seg)
    assert [bool(a.causes) for a in aids.items] == [False, True]


def test_specificity_and_causes_on_single_phrases():
    spec = assess_specificity("全年开展培训3次，覆盖率100%，印发《执法手册》，在“吉事办”上线，提升空间仍有待挖掘", 0, 60)
    assert [f.text for f in spec.figures] == ["3次", "100%"]
    assert spec.level == SPECIFIC and spec.evidence == 4
    text = "究其原因，一是经费不足；二是受疫情影响，现场活动减少。"
    assert [c.text for c in find_causes(text, 0, len(text))] == ["究其原因", "受疫情影响"]
