"""A review's versions worded in the interface language (the score form after a reopen, the panel view's
resubmissions): no English left in Chinese, points as the app formats them, local times."""

from __future__ import annotations

import re

from desktop.core.scoring.versions import ReviewVersion
from desktop.gui import i18n
from desktop.gui.version_words import local_time, resubmission_line, version_lines

FIRST = ReviewVersion(1, "2026-12-07T07:52:56+00:00", "张三", "第一稿",
                      {"measures": {"value": 4.0}, "timeliness": {"value": 2.0, "note": ""}})
SECOND = ReviewVersion(2, "2026-12-07T08:10:00+00:00", "张三", "第二稿",
                       {"measures": {"value": 3.5}, "timeliness": {"value": None, "not_applicable": True,
                                                                    "na_reason": "未公开日期"}})
TITLES = {"measures": "举措具体、可量化", "timeliness": "按时公开"}


def test_versions_in_chinese(qapp):
    assert i18n.set_language(i18n.CHINESE)
    try:
        lines = version_lines([FIRST, SECOND], TITLES)
        line = resubmission_line("张三", [FIRST, SECOND], TITLES)
    finally:
        i18n.set_language(i18n.ENGLISH)
    assert lines[0] == f"第 1 版：张三 于 {local_time(FIRST.submitted_at)} 提交"
    assert "    举措具体、可量化：4 → 3.5" in lines and "    总体评价有修改" in lines
    assert "    按时公开 标为不适用" in lines
    assert line.startswith(f"张三：共提交 2 次，最近一次 {local_time(SECOND.submitted_at)}：")
    assert [w for text in [*lines, line] for w in re.findall(r"[A-Za-z]{2,}", text)] == []  # no English word
    assert "T07:52" not in lines[0]  # a local time, not the stored stamp


def test_versions_in_english_and_a_resubmission_that_changed_nothing(qapp):
    same = ReviewVersion(2, "2026-12-07T08:10:00+00:00", "", "第一稿", FIRST.scores)
    assert resubmission_line("王五", [FIRST, same], TITLES).endswith(": no value changed")
    assert version_lines([FIRST], TITLES) == [f"version 1: submitted {local_time(FIRST.submitted_at)} by 张三"]
