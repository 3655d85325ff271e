"""Report names that tell reports apart (the verify queue): agency and year, then title, file name and import
number only where the names are still alike; every name unique whatever the reports."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.review.report_names import ReportName, distinct_names
from desktop.core.storage.documents import DocumentSummary


def report(seq: int, agency: str | None, year: int | None, title: str | None, name: str) -> DocumentSummary:
    return DocumentSummary(id=f"d{seq}", seq=seq, name=name, title=title, agency=agency, year=year, doc_number=None,
                           doc_date=None, published_at=None, on_time=None, missing=(), format="txt",
                           encoding="utf-8")


TITLE = "2024年度法治政府建设工作报告"


def test_agency_and_year_are_enough_when_they_differ():
    names = distinct_names([report(1, "梨树县数据局", 2024, TITLE, "a.txt"),
                            report(2, "梨树县数据局", 2025, TITLE, "b.txt"),
                            report(3, "吉林省政务服务和数字化建设管理局", 2024, TITLE, "c.txt")])
    assert names["d1"] == ReportName("梨树县数据局", 2024)
    assert names["d3"] == ReportName("吉林省政务服务和数字化建设管理局", 2024)


def test_two_reports_without_an_agency_and_with_the_same_title_differ_by_file_name():
    names = distinct_names([report(1, None, 2024, TITLE, "南湖县.docx"), report(2, "", 2024, TITLE, "北山区.pdf"),
                            report(3, None, 2024, "另一份报告", "c.txt")])
    assert names["d1"] == ReportName(None, 2024, TITLE, "南湖县.docx")
    assert names["d2"] == ReportName(None, 2024, TITLE, "北山区.pdf")
    assert names["d3"] == ReportName(None, 2024, "另一份报告")  # no agency: its title says which report it is


def test_the_same_file_name_from_two_folders_falls_back_to_the_import_number():
    names = distinct_names([report(7, None, None, TITLE, "报告.docx"), report(9, None, None, TITLE, "报告.docx")])
    assert names["d7"] == ReportName(None, None, TITLE, "报告.docx", 7)
    assert names["d9"] == ReportName(None, None, TITLE, "报告.docx", 9)


def test_a_report_without_agency_or_title_is_named_by_its_file():
    assert distinct_names([report(1, None, 2024, "  ", "x.txt")])["d1"] == ReportName(None, 2024, None, "x.txt")


def test_whitespace_does_not_make_two_names_differ():
    names = distinct_names([report(1, "梨树县 数据局", 2024, TITLE, "a.txt"),
                            report(2, "梨树县  数据局 ", 2024, TITLE + " ", "b.txt")])
    assert names["d1"].file == "a.txt" and names["d2"].file == "b.txt"


texts = st.sampled_from([None, "", "梨树县数据局", "南湖县司法局", TITLE, " 梨树县数据局"])


@given(st.lists(st.tuples(texts, st.sampled_from([None, 2024, 2025]), texts,
                          st.sampled_from(["a.txt", "b.txt", "报告.docx"])), max_size=12))
def test_every_name_is_unique(rows):
    reports = [report(i, agency, year, title, name) for i, (agency, year, title, name) in enumerate(rows)]
    names = distinct_names(reports)
    assert len(set(names.values())) == len(reports)
    for s in reports:  # and a name never leaves out what it has: agency and year always, title without an agency
        n = names[s.id]
        assert n.year == s.year and (n.agency or "") == " ".join((s.agency or "").split())
        if not (s.agency or "").strip():
            assert n.title is not None or n.file is not None
