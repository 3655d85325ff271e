"""Each report's agency with its years in a row, page by page: the same groups as the agency views (short and full
names, the reviewer's merges and splits), whichever page a report is on; labels written here."""

from __future__ import annotations

from desktop.core.agencies.groups import grouping, merge_groups, split_reports, undo_identity
from desktop.core.agencies.years import agency_years
from tests.core.agencies.reports import add_report, assert_years_on_every_page


def _years(db, doc_id: str) -> list[int | None]:
    """The years shown for one report when its page holds only it (the hardest case: nothing else to go by)."""
    return [y for y, _ in agency_years(db, [doc_id])[doc_id].years]


def test_years_in_a_row_follow_agency_identity_on_any_page(memory_db, tmp_path):
    full = add_report(memory_db, tmp_path, "天津市静海区人民政府", 2020)
    short = add_report(memory_db, tmp_path, "静海区政府", 2023)
    again = add_report(memory_db, tmp_path, "静海区人民政府", 2024)
    edu = add_report(memory_db, tmp_path, "清远市教育局", 2020)
    edu_next = add_report(memory_db, tmp_path, "清远市教育局", 2021)
    add_report(memory_db, tmp_path, "乐昌市教育局", 2024)
    bare = add_report(memory_db, tmp_path, "教育局", 2024)              # 清远's or 乐昌's? never guessed
    nameless = add_report(memory_db, tmp_path, "白山市司法局", 2022)
    memory_db.execute("UPDATE documents SET agency = NULL WHERE id = ?", [nameless])
    for doc in (full, short, again):
        assert _years(memory_db, doc) == [2020, 2023, 2024]
    assert _years(memory_db, edu) == _years(memory_db, edu_next) == [2020, 2021]
    assert _years(memory_db, bare) == [2024] and _years(memory_db, nameless) == [2022]
    page = agency_years(memory_db, [short, bare, "not-a-report"])
    assert set(page) == {short, bare} and page[short].year == 2023 and page[short].reports == 3
    assert page[short].in_a_row() == "2020 · 【2023】 · 2024" and page[bare].in_a_row() == "【2024】"
    twice = add_report(memory_db, tmp_path, "静海区政府", 2024)
    no_year = add_report(memory_db, tmp_path, "静海区政府", 2021)
    memory_db.execute("UPDATE documents SET year = NULL WHERE id = ?", [no_year])
    assert agency_years(memory_db, [twice])[twice].in_a_row() == "2020 · 2023 · 【2024×2】 · ?"
    assert agency_years(memory_db, [no_year])[no_year].in_a_row() == "2020 · 2023 · 2024×2 · 【?】"
    memory_db.execute("DELETE FROM documents WHERE id IN (?, ?)", [twice, no_year])

    g = grouping(memory_db)
    merge = merge_groups(memory_db, g.by_document[bare], g.by_document[edu])
    assert _years(memory_db, edu) == [2020, 2021, 2024] and _years(memory_db, bare) == [2020, 2021, 2024]
    undo_identity(memory_db, merge)
    assert _years(memory_db, bare) == [2024]
    split_reports(memory_db, [again], "静海区某局")                     # the reviewer: another body
    assert _years(memory_db, full) == [2020, 2023] and _years(memory_db, again) == [2024]


def test_every_page_agrees_with_the_agency_views(memory_db, tmp_path):
    names = ["梨树县人民政府", "梨树县政府", "吉林省司法厅", "省司法厅", "通化市教育局", "通化市卫健委",
             "通化市卫生健康委员会", "中共通化市教育局党组"]
    ids = [add_report(memory_db, tmp_path, name, 2019 + i % 5) for i, name in enumerate(names * 2)]
    assert_years_on_every_page(memory_db, ids, grouping(memory_db), sizes=(1, 3, len(ids)))
