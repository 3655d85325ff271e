"""The five seed reports' truth: parts, kinds, placement, missing parts, metadata and clutter."""

from __future__ import annotations

import pytest

from desktop.core.ingest import read_report
from desktop.core.segmentation.segment import segment_report
from tests.conftest import SEEDS

TRUTH = {
    "000_0a101bd46eacac2a.txt": {
        "parts": [("preamble", ""), ("achievements", "一、推进法治政府建设情况"), ("shortcomings", "二、存在的不足"),
                  ("next_plan", "三、下一步工作打算")],
        "nested": [],
        "missing": ["leader_duty"],
        "meta": {"title": "吉林省政务服务和数字化建设管理局关于2025年度法治政府建设情况的报告",
                 "agency": "吉林省政务服务和数字化建设管理局", "year": 2025, "doc_number": "吉政数文〔2026〕11号",
                 "doc_date": "2026-03-02", "published_at": None, "on_time": None},
        "clutter": set(),
    },
    "001_a35be3758fcb709b.txt": {
        "parts": [("preamble", ""), ("achievements", "一、2025年法治政府建设基本情况"),
                  ("shortcomings", "二、存在的问题和不足"),
                  ("leader_duty", "三、党政主要负责人履行推进法治建设第一责任人职责情况"),
                  ("next_plan", "四、2026年度主要工作安排")],
        "nested": [],
        "missing": [],
        "meta": {"title": "梨树县政务服务和数字化建设管理局关于2025年度法治政府建设情况的报告",
                 "agency": "梨树县政务服务和数字化建设管理局", "year": 2025, "doc_number": None,
                 "doc_date": "2025-12-05", "published_at": "2026-02-05", "on_time": True, "source": "梨树县司法局"},
        "clutter": {"portal", "source_line", "repeated_title", "tools"},
    },
    "002_b264e5a26ee73ea4.txt": {
        "parts": [("preamble", ""), ("achievements", "一、2024年推进法治政府建设的主要举措和成效"),
                  ("shortcomings", "二、2024年推进法治政府建设存在的不足和原因"),
                  ("leader_duty", "三、2024年党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况"),
                  ("next_plan", "四、2025年推进法治政府建设的主要安排")],
        "nested": [],
        "missing": [],
        "meta": {"title": None, "agency": "长春市政务服务化数字化建设管理局", "year": 2024, "doc_number": None, "doc_date": None, "published_at": None,
                 "on_time": None},
        "clutter": {"signoff"},
    },
    "003_768f1515f39e9dba.txt": {
        "parts": [("preamble", ""), ("achievements", "一、2022年度推进法治政府建设的主要举措和成效"),
                  ("next_plan", "二、2023年度推进法治政府建设的主要安排")],
        "nested": [("leader_duty", "subsection")],
        "missing": ["shortcomings"],
        "meta": {"title": "吉林省政务服务和数字化建设管理局关于2022年度法治政府建设情况的报告",
                 "agency": "吉林省政务服务和数字化建设管理局", "year": 2022, "doc_number": "吉政数综合〔2023〕2号",
                 "doc_date": "2023-01-30", "published_at": None, "on_time": None},
        "clutter": set(),
    },
    "004_17b2aa831f4a821a.txt": {
        "parts": [("achievements", "一、主要工作情况"), ("next_plan", "二、明年工作安排")],
        "nested": [("leader_duty", "subsection")],
        "missing": ["shortcomings"],
        "meta": {"title": None, "agency": "江苏省数据局", "year": 2025, "doc_number": None, "doc_date": None,
                 "published_at": None},
        "clutter": set(),
    },
}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_seed_truth(name):
    truth = TRUTH[name]
    text = read_report(SEEDS / name).text
    seg = segment_report(text)
    assert [(s.kind, s.heading) for s in seg.parts()] == truth["parts"]
    assert [(s.kind, s.placement) for s in seg.sections if s.placement != "section"] == truth["nested"]
    assert seg.missing == truth["missing"]
    values = seg.metadata.values()
    for key, expected in truth["meta"].items():
        assert values[key] == expected, key
    assert {c.kind for c in seg.clutter} == truth["clutter"]
    for s in seg.sections:
        assert text[s.start:s.start + len(s.heading)] == s.heading


def test_seed_nested_leader_duty_points_at_the_right_passage():
    seg = segment_report(read_report(SEEDS / "003_768f1515f39e9dba.txt").text)
    nested = [s for s in seg.sections if s.kind == "leader_duty"][0]
    assert "第一责任人" in seg.text[nested.start:nested.end]
    assert nested.heading.startswith("(一)")
    seg4 = segment_report(read_report(SEEDS / "004_17b2aa831f4a821a.txt").text)
    nested4 = [s for s in seg4.sections if s.kind == "leader_duty"][0]
    assert nested4.heading.startswith("2. 加强法治建设组织领导")
    part = [s for s in seg4.parts() if s.start <= nested4.start < s.end][0]
    assert part.kind == "achievements" and nested4.end <= part.end


def test_seed_clutter_is_outside_the_parts():
    seg = segment_report(read_report(SEEDS / "002_b264e5a26ee73ea4.txt").text)
    signoff = [c for c in seg.clutter if c.kind == "signoff"][0]
    assert all(s.end <= signoff.start for s in seg.parts())
    assert signoff.text.startswith("初审")
