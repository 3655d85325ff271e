"""Reports grouped by agency across years; the reviewer's merges and splits, stored with who and when, undoable."""

from __future__ import annotations

import pytest

from desktop.core.agencies.groups import (
    IdentityError,
    find_groups,
    grouping,
    identity_states,
    merge_groups,
    redo_identity,
    split_reports,
    undo_identity,
)
from desktop.core.ingest.importer import import_paths
from desktop.core.review.reviewers import get_or_create_reviewer
from tests.core.agencies.reports import add_report


def _ids_by_seed(db):
    rows = db.execute("SELECT id, name FROM documents").fetchall()
    return {name[:3]: doc_id for doc_id, name in rows}


def test_the_seeds_jilin_2022_and_2025_are_one_agency(memory_db, seeds_dir):
    import_paths(memory_db, [seeds_dir])
    ids = _ids_by_seed(memory_db)
    g = grouping(memory_db)
    jilin = g.group_of(ids["003"])
    assert jilin is g.group_of(ids["000"]) or jilin == g.group_of(ids["000"])
    assert jilin is not None and jilin.years == [2022, 2025]
    others = {g.by_document[ids[s]] for s in ("001", "002", "004")}
    assert len(others) == 3 and jilin.key not in others  # 梨树县, 长春市 and 江苏省 bodies stay apart


def test_forms_of_one_name_group_and_short_names_join_the_one_fuller(memory_db, tmp_path):
    a = add_report(memory_db, tmp_path, "天津市静海区人民政府", 2020)
    b = add_report(memory_db, tmp_path, "静海区政府", 2023)
    c = add_report(memory_db, tmp_path, "静海区人民政府", 2024)
    d = add_report(memory_db, tmp_path, "清远市教育局", 2020)
    e = add_report(memory_db, tmp_path, "乐昌市教育局", 2024)
    f = add_report(memory_db, tmp_path, "教育局", 2024)
    g = grouping(memory_db)
    assert g.by_document[a] == g.by_document[b] == g.by_document[c]
    assert g.group_of(a).years == [2020, 2023, 2024]
    assert len({g.by_document[d], g.by_document[e], g.by_document[f]}) == 3  # ambiguous: never guessed


def test_reports_without_an_agency_are_never_grouped(memory_db, tmp_path):
    ids = [add_report(memory_db, tmp_path, "梨树县司法局", 2020 + i) for i in range(2)]
    for doc_id in ids:
        memory_db.execute("UPDATE documents SET agency = NULL WHERE id = ?", [doc_id])
    g = grouping(memory_db)
    assert g.by_document[ids[0]] != g.by_document[ids[1]]
    assert g.group_of(ids[0]).name == ""


def test_groups_are_listed_in_pinyin_order_with_those_without_an_agency_last(memory_db, tmp_path):
    """The timeline's agency list and `reviewdesk timeline` follow the corpus table's order (pinyin, as WPS and
    Excel sort Chinese names), not code points (丰 吉 和 天 岳 would be U+4E30 < U+5409 < U+548C < U+5929 < U+5CB3)."""
    names = ["岳阳市司法局", "天津市静海区人民政府", "和龙市人民政府", "吉林省政务服务和数字化建设管理局",
             "丰宁满族自治县人民政府", "长春市司法局", "重庆市司法局", "安徽省司法厅"]
    for i, name in enumerate(names):
        add_report(memory_db, tmp_path, name, 2020 + i)
    nameless = add_report(memory_db, tmp_path, "阿城区司法局", 2024)
    memory_db.execute("UPDATE documents SET agency = NULL WHERE id = ?", [nameless])
    ordered = [group.name for group in grouping(memory_db).ordered()]
    assert ordered == ["安徽省司法厅", "长春市司法局", "重庆市司法局", "丰宁满族自治县人民政府", "和龙市人民政府",
                       "吉林省政务服务和数字化建设管理局", "天津市静海区人民政府", "岳阳市司法局", ""]


def test_merge_and_split_are_stored_with_who_and_undone(memory_db, tmp_path):
    a = add_report(memory_db, tmp_path, "吉林省政务服务和数字化建设管理局", 2022)
    b = add_report(memory_db, tmp_path, "吉林省数据局", 2025)  # renamed body: only the reviewer can tell
    reviewer = get_or_create_reviewer(memory_db, "王评审").id
    g = grouping(memory_db)
    source, target = g.by_document[b], g.by_document[a]
    assert source != target
    change = merge_groups(memory_db, source, target, reviewer)
    g = grouping(memory_db)
    assert g.by_document[a] == g.by_document[b] and g.group_of(a).decided_by_reviewer
    rows = identity_states(memory_db, change.made)
    assert rows and all(r.reviewer_id == reviewer and r.created_at for r in rows)
    # a report of the merged name imported later follows the merge
    later = add_report(memory_db, tmp_path, "吉林省数据局", 2026)
    assert grouping(memory_db).by_document[later] == target
    undo_identity(memory_db, change)
    g = grouping(memory_db)
    assert g.by_document[a] != g.by_document[b] and g.by_document[later] == g.by_document[b]
    redo_identity(memory_db, change)
    assert grouping(memory_db).by_document[b] == target

    split = split_reports(memory_db, [b, later], "吉林省数据局（新设）", reviewer)
    g = grouping(memory_db)
    assert g.by_document[b] == g.by_document[later] != g.by_document[a]
    assert g.group_of(b).name == "吉林省数据局（新设）"
    undo_identity(memory_db, split)
    assert grouping(memory_db).by_document[b] == target


def test_refused_merges_and_splits_say_what_to_do(memory_db, tmp_path):
    a = add_report(memory_db, tmp_path, "梨树县司法局", 2022)
    key = grouping(memory_db).by_document[a]
    with pytest.raises(IdentityError, match="itself"):
        merge_groups(memory_db, key, key)
    with pytest.raises(IdentityError, match="no agency group"):
        merge_groups(memory_db, key, "不存在的机关")
    with pytest.raises(IdentityError, match="needs a name"):
        split_reports(memory_db, [a], "  ")
    with pytest.raises(IdentityError, match="no current report"):
        split_reports(memory_db, ["nope"], "某机关")
    assert memory_db.execute("SELECT count(*) FROM agency_identity").fetchone()[0] == 0


def test_find_groups_by_any_form_or_report_id(memory_db, tmp_path):
    a = add_report(memory_db, tmp_path, "天津市静海区人民政府", 2020)
    add_report(memory_db, tmp_path, "天津市静海区司法局", 2020)
    for query in ("天津市静海区政府", "静海区人民政府", "静海区", a):
        group, _ = find_groups(memory_db, query)
        assert group is not None and a in {r.id for r in group.reports}, query
    group, near = find_groups(memory_db, "静海")
    assert group is None and len(near) == 2
