"""Anchoring: annotations re-attached after edits before, inside and after them; duplicates; orphans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.compare.anchoring import (
    EXACT,
    FUZZY,
    OFFSETS,
    ORPHAN,
    UNCHANGED,
    _best_end,
    locate,
    locate_all,
    make_anchor,
)
from desktop.core.errors import ReviewDeskError
from desktop.core.ingest import read_report
from desktop.core.ingest.importer import import_paths
from desktop.core.ingest.reimport import reimport_document
from desktop.core.review.annotations import (
    create_annotation,
    delete_annotation,
    get_annotation,
    list_annotations,
    list_orphans,
    restore_annotation,
)
from desktop.core.storage.documents import get_document, list_documents
from desktop.core.storage.search import search

SEED = "000_0a101bd46eacac2a.txt"


@pytest.fixture
def text(seeds_dir) -> str:
    return read_report(seeds_dir / SEED).text


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


QUOTE = "二是数据领域法治化建设有所不足"


def test_unchanged_text_keeps_the_span(text):
    anchor = make_anchor(text, *_span(text, QUOTE))
    assert locate(anchor, text) == locate(anchor, text) and locate(anchor, text).method == UNCHANGED
    assert (anchor.prefix, anchor.suffix) == (text[anchor.start - 32:anchor.start], text[anchor.end:anchor.end + 32])


def test_edit_before_moves_the_span(text):
    anchor = make_anchor(text, *_span(text, QUOTE))
    cut = text.index("一、推进法治政府建设情况")
    changed = text[:cut] + "（补充说明：本报告已于2026年1月修订。）\n" + text[cut:]
    place = locate(anchor, changed)
    assert place.method == EXACT and changed[place.start:place.end] == QUOTE
    assert place.start == anchor.start + len("（补充说明：本报告已于2026年1月修订。）\n")
    shorter = text[:100] + text[400:]
    place = locate(anchor, shorter)
    assert place.method == EXACT and place.start == anchor.start - 300


def test_edit_after_keeps_the_offsets(text):
    anchor = make_anchor(text, *_span(text, QUOTE))
    far = text + "\n附件：相关数据统计表。\n"
    assert locate(anchor, far).method == UNCHANGED
    near = text[:anchor.end] + "（见附件）" + text[anchor.end:]
    place = locate(anchor, near)
    assert (place.method, place.start, place.end) == (OFFSETS, anchor.start, anchor.end)


def test_edit_inside_is_found_fuzzily_with_the_new_extent(text):
    quote = "三是法治宣传的力度仍有待进一步加强，我局完成了《吉林省优化营商环境条例》的修订工作"
    anchor = make_anchor(text, *_span(text, quote))
    edited = quote.replace("仍有待进一步加强", "还需加强").replace("修订工作", "修订和配套文件清理工作")
    changed = "前言。\n" + text.replace(quote, edited)
    place = locate(anchor, changed)
    assert place.method == FUZZY
    assert changed[place.start:place.end] == edited
    assert 0.6 <= place.score < 1


def test_edit_at_both_edges_of_the_passage(text):
    anchor = make_anchor(text, *_span(text, QUOTE))
    edited = "其二是数据领域法治化建设尚有所不足"          # a character before, one inside
    changed = text.replace(QUOTE, edited)
    place = locate(anchor, changed)
    assert place.method == FUZZY
    found = changed[place.start:place.end]
    assert found in edited and len(found) >= len(QUOTE)


def test_duplicates_choose_by_context_then_by_distance():
    base = "一、成效。依法行政能力有待进一步提高，培训12次。二、不足。依法行政能力有待进一步提高，原因是学习不够。三、安排。"
    quote = "依法行政能力有待进一步提高"
    second = base.index(quote, base.index(quote) + 1)
    anchor = make_anchor(base, second, second + len(quote))
    shifted = "某单位报告\n" * 3 + base            # shifted so the old offset points nowhere near either copy
    place = locate(anchor, shifted)
    assert place.method == EXACT and place.start == shifted.index(quote, shifted.index(quote) + 1)
    # Same context on both copies: the one nearest the old position wins.
    twins = "甲乙丙。" + quote + "。丁戊。" * 3 + quote + "。丁戊。"
    first, last = twins.index(quote), twins.rindex(quote)
    anchor = make_anchor(twins, last, last + len(quote), context=2)
    moved = "X" + twins
    assert locate(anchor, moved).start == last + 1
    anchor = make_anchor(twins, first, first + len(quote), context=2)
    assert locate(anchor, moved).start == first + 1


def test_deleted_or_rewritten_passage_becomes_an_orphan(text):
    quote = text[text.index("三是法治宣传"):text.index("三、下一步工作打算")].rstrip("\n")
    anchor = make_anchor(text, *_span(text, quote))
    assert locate(anchor, text.replace(quote, "")).method == ORPHAN
    rewritten = text.replace(quote, "三是普法工作的覆盖面还要扩大，重点面向企业和新就业形态劳动者。")
    assert locate(anchor, rewritten).method == ORPHAN
    short = make_anchor(text, *_span(text, "相对滞后"))
    assert locate(short, text.replace("相对滞后", "明显落后")).method == ORPHAN


def test_short_quote_needs_its_context(text):
    start, end = _span(text, "有所不足")
    anchor = make_anchor(text, start, end)
    place = locate(anchor, text[:start] + "有些不足" + text[end:])
    assert place.method == FUZZY and (place.start, place.end) == (start, end)


@settings(max_examples=60, deadline=None)
@given(before=st.text(alphabet="法治政府建设年度报告一二三，。\n", max_size=40),
       after=st.text(alphabet="法治政府建设年度报告一二三，。\n", max_size=40),
       at=st.integers(min_value=0, max_value=2800))
def test_insertions_outside_the_passage_never_lose_it(before, after, at):
    text = read_report(__import__("tests.conftest").conftest.SEEDS / SEED).text
    start, end = _span(text, QUOTE)
    anchor = make_anchor(text, start, end)
    cut_before = min(at, start)
    cut_after = max(end, min(len(text), end + at))
    changed = text[:cut_before] + before + text[cut_before:cut_after] + after + text[cut_after:]
    place = locate(anchor, changed)
    assert place.placed and changed[place.start:place.end] == QUOTE


@settings(max_examples=200, deadline=None)
@given(pattern=st.text(alphabet="abc", min_size=1, max_size=9), window=st.text(alphabet="abcd", max_size=14))
def test_bit_parallel_distance_equals_the_plain_dynamic_programme(pattern, window):
    def plain(p, t):
        col = list(range(len(p) + 1))
        out = []
        for ch in t:
            new = [0]
            for i, pc in enumerate(p, 1):
                new.append(min(col[i] + 1, new[i - 1] + 1, col[i - 1] + (pc != ch)))
            col = new
            out.append(col[-1])
        return out

    assert _best_end(pattern, window) == plain(pattern, window)


def test_locate_all_shares_work_and_matches_locate(text):
    anchors = [make_anchor(text, s, s + 20) for s in range(0, len(text) - 20, 150)]
    changed = text[:500] + "新增内容。" + text[520:1500] + text[1600:]
    assert locate_all(anchors, changed) == [locate(a, changed) for a in anchors]


def _reimport_source(tmp_path, text, name="changed.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_report(path)


def test_reimport_updates_in_place_and_reattaches(memory_db, seeds_dir, tmp_path):
    import_paths(memory_db, [seeds_dir / SEED])
    doc = get_document(memory_db, list_documents(memory_db)[0].id)
    text = doc.text
    quotes = {"before": "推进法治政府建设情况", "inside": "三是法治宣传的力度仍有待进一步加强", "after": "下一步工作打算",
              "gone": "二是数据领域法治化建设有所不足，在数据要素市场化配置、公共数据资源登记等数据领域，部分工作仍处于探索阶段"}
    made = {k: create_annotation(memory_db, doc.id, *_span(text, q), reviewer_id=None) for k, q in quotes.items()}
    delete_annotation(memory_db, made["after"].id)            # deleted ones are re-anchored too (undo may restore)
    new_text = ("（2026年3月修订稿）\n" + text).replace("仍有待进一步加强", "还需加强").replace(quotes["gone"], "")
    report = reimport_document(memory_db, doc.id, _reimport_source(tmp_path, new_text))
    assert report.changed and report.orphans == (made["gone"].id,)
    assert report.methods == {EXACT: 2, FUZZY: 1, ORPHAN: 1}
    assert "1 orphan" in report.summary()
    updated = get_document(memory_db, doc.id)
    assert updated.text.startswith("（2026年3月修订稿）")
    assert any(s.kind == "shortcomings" for s in updated.sections)
    for a in list_annotations(memory_db, doc.id):
        if not a.orphan:
            assert updated.text[a.start:a.end] == a.quote
    inside = get_annotation(memory_db, made["inside"].id)
    assert inside.quote == "三是法治宣传的力度还需加强" and inside.anchored_by == FUZZY
    assert restore_annotation(memory_db, made["after"].id).quote == "下一步工作打算"
    assert [o.id for o in list_orphans(memory_db, doc.id)] == [made["gone"].id]
    orphan = get_annotation(memory_db, made["gone"].id)
    assert orphan.quote == quotes["gone"]                     # kept as it was, for the reviewer
    old = memory_db.execute("SELECT text FROM document_versions WHERE document_id = ?", [doc.id]).fetchall()
    assert [r[0] for r in old] == [text]
    assert search(memory_db, "修订稿")[0] == 1 and search(memory_db, "仍有待进一步加强")[0] == 0
    again = reimport_document(memory_db, doc.id, _reimport_source(tmp_path, new_text, "same.txt"))
    assert not again.changed


def test_reimport_refuses_another_documents_text(memory_db, seeds_dir, tmp_path):
    import_paths(memory_db, [seeds_dir / SEED, seeds_dir / "001_a35be3758fcb709b.txt"])
    first, second = list_documents(memory_db)
    with pytest.raises(ReviewDeskError, match="already in the database"):
        reimport_document(memory_db, first.id, read_report(seeds_dir / second.name))
    with pytest.raises(ReviewDeskError, match="no document"):
        reimport_document(memory_db, "missing", read_report(seeds_dir / SEED))


def test_an_edited_passage_beats_an_unedited_copy_in_another_context():
    quote = "依法行政能力有待进一步提高"
    text = ("二、存在的不足。一是" + quote + "，行政执法人员培训覆盖面不够。\n"
            "三、党政主要负责人履行职责情况。主要负责人在专题会上指出：" + quote + "，要求各科室抓好落实。\n")
    start = text.index(quote)
    anchor = make_anchor(text, start, start + len(quote))
    edited = quote.replace("有待", "仍有待")
    changed = text.replace("一是" + quote, "一是" + edited)
    place = locate(anchor, changed)
    assert place.method == FUZZY and changed[place.start:place.end] == edited
