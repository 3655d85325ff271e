"""Property tests: segmentation never crashes and its spans stay inside the text and never overlap."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.segmentation.segment import segment_report
from desktop.core.text import normalize_text

PIECES = [
    "一、", "二、", "三、", "四、", "（一）", "（二）", "(一)", "(三)", "1.", "2、", "3．", "(1)", "（2）", "①", "一是", "二是",
    "第一部分", "存在的不足和原因", "主要举措和成效", "下一步工作打算", "第一责任人", "明年工作安排", "主要负责人",
    "。", "；", "：", "，", "\n", "\n\n", " ", "\u3000", "特此报告。", "2025年3月2日", "二〇二四年二月一日",
    "来源：某局", "发布时间：2025-03-01", "[纠错]", "【打印】", "初审：张三", "当前位置：首页", "关于2024年度法治政府建设情况的报告",
    "吉政发〔2025〕3号", "全年办理案件1.2万件", "有待进一步加强", "2024年，", "xx", "1.5", "(", "）",
]

# found by hypothesis: a nested part whose heading ends in clutter ran past its trimmed holder
KNOWN = ["（一）主要举措和成效[纠错]\n存在的不足和原因"]

report_like = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=80).map("".join)


def check_invariants(text: str) -> None:
    seg = segment_report(text)
    n = len(text)
    parts = seg.parts()
    for s in seg.sections:
        assert 0 <= s.start <= s.end <= n
        assert s.kind in ("preamble", "achievements", "shortcomings", "leader_duty", "next_plan", "other")
        assert s.placement in ("section", "subsection", "inline")
    for a, b in zip(parts, parts[1:], strict=False):
        assert a.end <= b.start, (a, b)
    for s in seg.sections:
        if s.placement != "section":
            assert any(p.start <= s.start and s.end <= p.end for p in parts), s
    for c in seg.clutter:
        assert 0 <= c.start < c.end <= n and text[c.start:c.end] == c.text
    for a, b in zip(seg.clutter, seg.clutter[1:], strict=False):
        assert a.end <= b.start
    for h in seg.outline:
        assert 0 <= h.start <= h.heading_end <= n and h.start <= h.end <= n
        assert text[h.start:h.heading_end] == h.text
    assert set(seg.missing) <= {"achievements", "shortcomings", "leader_duty", "next_plan"}
    seg.to_json()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_like)
def test_report_like_text_never_breaks_invariants(raw):
    check_invariants(normalize_text(raw))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_breaks_invariants(raw):
    check_invariants(normalize_text(raw))


@settings(max_examples=100, deadline=None)
@given(report_like)
def test_raw_unnormalized_text_also_holds(raw):
    check_invariants(raw)


def test_known_cases_keep_the_invariants():
    for text in KNOWN:
        check_invariants(text)
