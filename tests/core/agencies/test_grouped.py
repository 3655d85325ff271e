"""The corpus grouped by agency (issue 20): one row per agency group with its years in a row, under the corpus
filters; checked against the agency grouping itself (desktop.core.agencies.groups.grouping, report by report),
through the reviewer's merges and splits, reports without an agency and several reports of one year."""

from __future__ import annotations

from desktop.core.agencies.grouped import grouped_listing
from desktop.core.agencies.groups import grouping, merge_groups, split_reports
from desktop.core.ingest.importer import import_paths
from desktop.core.storage.documents import list_documents
from desktop.core.storage.listing import ListingFilter, fold_filter_text, listing_ids
from tests.core.agencies.reports import add_report


def _expected(db, flt: ListingFilter) -> dict[str, tuple[str, dict[int | None, list[str]]]]:
    """The reference: every report that passes the filter, in its group (grouping), by year; the group's name."""
    passing = set(listing_ids(db, flt, "seq"))
    seq = {d.id: str(d.seq) for d in list_documents(db)}
    g = grouping(db)
    out: dict[str, tuple[str, dict[int | None, list[str]]]] = {}
    for key, group in g.groups.items():
        years: dict[int | None, list[str]] = {}
        for r in group.reports:
            if r.id in passing:
                years.setdefault(r.year, []).append(seq[r.id])
        if years:
            out[key] = (group.name or (group.reports[0].title or group.reports[0].name), years)
    return out


def _shown(db, flt: ListingFilter) -> dict[str, tuple[str, dict[int | None, list[str]]]]:
    return {row.key: (row.name, {y: [str(s) for s in seqs] for y, seqs in row.years}) for row in grouped_listing(db, flt)}


def _same(db, flt: ListingFilter = ListingFilter()) -> None:  # noqa: B008 - frozen
    expected = {k: (n, {y: sorted(v, key=int) for y, v in years.items()}) for k, (n, years) in _expected(db, flt).items()}
    assert _shown(db, flt) == expected


def test_the_seeds_jilin_2022_and_2025_are_one_row_with_both_years(memory_db, seeds_dir):
    import_paths(memory_db, [seeds_dir])
    rows = grouped_listing(memory_db)
    assert len(rows) == 4  # five reports, four agencies
    jilin = next(r for r in rows if r.name == "吉林省政务服务和数字化建设管理局")
    assert [y for y, _ in jilin.years] == [2022, 2025] and jilin.in_a_row() == "2022 · 2025"
    assert [r.name[:2] for r in rows] == ["长春", "吉林", "江苏", "梨树"]  # pinyin order: chang ji jiang li
    _same(memory_db)
    _same(memory_db, ListingFilter(year=2025))
    _same(memory_db, ListingFilter(agency_text=fold_filter_text("吉林")))
    assert [r.name for r in grouped_listing(memory_db, ListingFilter(year=2022))] == ["吉林省政务服务和数字化建设管理局"]


def test_merges_splits_no_agency_and_two_reports_a_year(memory_db, tmp_path):
    a = add_report(memory_db, tmp_path, "天津市静海区人民政府", 2020)
    add_report(memory_db, tmp_path, "静海区政府", 2023)  # a short form of the same body
    c = add_report(memory_db, tmp_path, "岳阳市司法局", 2021)
    add_report(memory_db, tmp_path, "岳阳市司法局", 2021)  # two reports one year
    e = add_report(memory_db, tmp_path, "丰台区司法局", 2022)
    memory_db.execute("UPDATE documents SET agency = NULL, agency_key = NULL WHERE id = ?", [e])  # no agency
    _same(memory_db)
    rows = grouped_listing(memory_db)
    yueyang = next(r for r in rows if r.name == "岳阳市司法局")
    assert yueyang.in_a_row() == "2021×2"
    assert not rows[-1].has_agency  # no agency: last, under its title
    jinghai = next(r for r in rows if 2020 in dict(r.years))
    assert [y for y, _ in jinghai.years] == [2020, 2023]

    split_reports(memory_db, [c], "岳阳市司法局（旧）")  # the reviewer splits one report off
    _same(memory_db)
    assert any(r.name == "岳阳市司法局（旧）" and r.reports == 1 for r in grouped_listing(memory_db))
    g = grouping(memory_db)
    merge_groups(memory_db, g.by_document[c], g.by_document[a])  # ... and merges it into another group
    _same(memory_db)
    _same(memory_db, ListingFilter(year=2021))
