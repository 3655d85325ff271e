"""The summary's 与上年对比 pairs a report with its agency's report of the year before through agency identity:
short and full names of one body, the reviewer's merges and splits (labels written here, not computed)."""

from __future__ import annotations

from desktop.core.agencies.groups import grouping, merge_groups, split_reports, undo_identity
from desktop.core.summary.facts import gather
from tests.core.agencies.reports import add_report


def _pairs(db) -> dict[str, str | None]:
    """Each report id -> the id of the report the summary compares it with (None: no previous year)."""
    return {r.document.id: (r.previous.document.id if r.previous else None) for r in gather(db).reports}


def test_previous_year_follows_agency_identity(memory_db, tmp_path):
    full_2022 = add_report(memory_db, tmp_path, "梨树县人民政府", 2022)
    short_2023 = add_report(memory_db, tmp_path, "梨树县政府", 2023)           # the same body, short form
    edu_2022 = add_report(memory_db, tmp_path, "通化市教育局", 2022)
    renamed_2023 = add_report(memory_db, tmp_path, "通化市教育委员会", 2023)   # same body renamed: a reviewer's merge
    other_2024 = add_report(memory_db, tmp_path, "梨树县政府", 2024)
    gap_2021 = add_report(memory_db, tmp_path, "白山市司法局", 2021)
    gap_2023 = add_report(memory_db, tmp_path, "白山市司法局", 2023)           # no 2022 report: nothing to compare
    pairs = _pairs(memory_db)
    assert pairs[short_2023] == full_2022 and pairs[other_2024] == short_2023
    assert pairs[renamed_2023] is None and pairs[edu_2022] is None
    assert pairs[gap_2023] is None and pairs[gap_2021] is None and pairs[full_2022] is None

    g = grouping(memory_db)
    merge = merge_groups(memory_db, g.by_document[renamed_2023], g.by_document[edu_2022])
    assert _pairs(memory_db)[renamed_2023] == edu_2022
    undo_identity(memory_db, merge)
    assert _pairs(memory_db)[renamed_2023] is None

    # the reviewer says the 2024 report is another body's that happens to print the same name
    split_reports(memory_db, [other_2024], "梨树县政府办公室")
    pairs = _pairs(memory_db)
    assert pairs[other_2024] is None and pairs[short_2023] == full_2022
