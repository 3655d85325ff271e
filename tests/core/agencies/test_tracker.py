"""The stored promise tracker: last year's report of the same agency, the reviewer's verdicts, undo, unplaced ones."""

from __future__ import annotations

import pytest

from desktop.core.agencies.promises import DONE, NOT_MENTIONED, SHORTCOMING
from desktop.core.agencies.tracker import (
    PromiseError,
    correct_promise,
    promise_states,
    set_deleted,
    track_promises,
)
from desktop.core.review.reviewers import get_or_create_reviewer
from tests.core.agencies.reports import add_report

PLAN = ["开展行政执法人员专题培训，全年培训不少于200人次。", "建设“智慧司法”信息平台，推动执法数据互联互通。"]
DONE_TEXT = "组织行政执法人员专题培训6期，累计培训230人次，实现执法人员全覆盖。"


def _pair(db, folder):
    old = add_report(db, folder, "梨树县司法局", 2023, plan=PLAN)
    add_report(db, folder, "梨树县教育局", 2023, plan=PLAN)  # another body's plan: never this one's "last year"
    new = add_report(db, folder, "梨树县司法局", 2024, achievements=[DONE_TEXT])
    return old, new


def test_last_years_report_of_the_same_agency_is_tracked(memory_db, tmp_path):
    old, new = _pair(memory_db, tmp_path)
    tracked = track_promises(memory_db, new)
    assert tracked.previous is not None and tracked.previous.id == old
    assert [p.match.status for p in tracked.promises] == [DONE, NOT_MENTIONED]
    assert "230人次" in tracked.promises[0].match.passage.text
    first = track_promises(memory_db, old)
    assert first.previous is None and first.promises == []


def test_a_verdict_is_stored_with_who_applies_and_undoes(memory_db, tmp_path):
    old, new = _pair(memory_db, tmp_path)
    reviewer = get_or_create_reviewer(memory_db, "李评审").id
    item = track_promises(memory_db, new).promises[1].match.item.text
    text = memory_db.execute("SELECT text FROM documents WHERE id = ?", [new]).fetchone()[0]
    start = text.index("主要负责人")
    row, replaced = correct_promise(memory_db, new, old, item, SHORTCOMING, start, start + 10, reviewer_id=reviewer)
    assert replaced == []
    shown = track_promises(memory_db, new).promises[1]
    assert shown.corrected and shown.match.status == SHORTCOMING and shown.automatic.status == NOT_MENTIONED
    assert shown.correction.reviewer_name == "李评审" and shown.match.passage.text == text[start:start + 10]
    second, replaced = correct_promise(memory_db, new, old, item, NOT_MENTIONED, reviewer_id=reviewer)
    assert replaced == [row]
    assert track_promises(memory_db, new).promises[1].match.status == NOT_MENTIONED
    # undo the second verdict: the first comes back
    set_deleted(memory_db, [second], True)
    set_deleted(memory_db, [row], False)
    assert track_promises(memory_db, new).promises[1].match.status == SHORTCOMING
    assert [s[0] for s in promise_states(memory_db, [row, second])] == sorted([row, second])


def test_refused_verdicts_store_nothing(memory_db, tmp_path):
    old, new = _pair(memory_db, tmp_path)
    item = track_promises(memory_db, new).promises[0].match.item.text
    with pytest.raises(PromiseError, match="unknown verdict"):
        correct_promise(memory_db, new, old, item, "maybe")
    with pytest.raises(PromiseError, match="needs the passage"):
        correct_promise(memory_db, new, old, item, DONE)
    with pytest.raises(PromiseError, match="needs the passage"):
        correct_promise(memory_db, new, old, item, DONE, 5, 10**6)
    with pytest.raises(PromiseError, match="not in the earlier report"):
        correct_promise(memory_db, new, old, "从未承诺的事项", NOT_MENTIONED)
    with pytest.raises(PromiseError, match="no report"):
        correct_promise(memory_db, "nope", old, item, NOT_MENTIONED)
    assert memory_db.execute("SELECT count(*) FROM promise_matches").fetchone()[0] == 0
    with pytest.raises(PromiseError, match="no current report"):
        track_promises(memory_db, "nope")


def test_a_verdict_whose_item_changed_is_listed_not_dropped(memory_db, tmp_path):
    old, new = _pair(memory_db, tmp_path)
    item = track_promises(memory_db, new).promises[0].match.item.text
    correct_promise(memory_db, new, old, item, NOT_MENTIONED)
    # the earlier report's plan reads differently now (a re-import of a corrected file, say)
    memory_db.execute("UPDATE promise_matches SET item_quote = '（一）旧的写法。' WHERE document_id = ?", [new])
    tracked = track_promises(memory_db, new)
    assert [c.item_quote for c in tracked.unplaced] == ["（一）旧的写法。"]
    assert not any(p.corrected for p in tracked.promises)
