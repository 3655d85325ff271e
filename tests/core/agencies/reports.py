"""Build stored reports for the agency tests: a short real-looking report per (agency, year), its agency name set
exactly as given (as a reviewer's correction when segmentation read it otherwise); and the check that the years in a
row agree with the agency grouping."""

from __future__ import annotations

from pathlib import Path

from desktop.core.agencies.years import agency_years
from desktop.core.corrections.records import correct_field
from desktop.core.ingest.importer import import_paths
from desktop.core.storage.documents import get_summary


def report_text(agency: str, year: int, achievements: list[str], shortcomings: list[str], plan: list[str]) -> str:
    cn = "一二三四五六七八九十"
    lines = [f"{agency}关于{year}年度法治政府建设情况的报告", f"{year}年，{agency}坚持以习近平法治思想为指导，现将有关情况报告如下。",
             f"一、{year}年推进法治政府建设的主要举措和成效"]
    lines += [f"（{cn[i]}）{a}" for i, a in enumerate(achievements)]
    lines.append("二、存在的不足和原因")
    lines += [f"（{cn[i]}）{s}" for i, s in enumerate(shortcomings)]
    lines.append("三、党政主要负责人履行推进法治建设第一责任人职责情况")
    lines.append("主要负责人带头学法，主持召开专题会议研究法治政府建设工作。")
    lines.append(f"四、{year + 1}年推进法治政府建设的主要安排")
    lines += [f"（{cn[i]}）{p}" for i, p in enumerate(plan)]
    lines += ["特此报告。", agency, f"{year + 1}年2月{10 + year % 10}日"]
    return "\n".join(lines) + "\n"


def add_report(db, folder: Path, agency: str, year: int, achievements: list[str] | None = None,
               shortcomings: list[str] | None = None, plan: list[str] | None = None, *, text: str | None = None) -> str:
    """Import one report and make its effective agency exactly ``agency``; return its id."""
    folder.mkdir(parents=True, exist_ok=True)
    n = len(list(folder.iterdir()))
    path = folder / f"r{n:04d}.txt"
    path.write_text(text or report_text(agency, year, achievements or [f"{agency}完善制度体系，审核规范性文件{n}件。"],
                                        shortcomings or [f"执法人员培训覆盖不够，第{n}项问题需要解决。"],
                                        plan or [f"加强执法培训第{n}项。"]), encoding="utf-8")
    outcome = import_paths(db, [path]).outcomes[0]
    assert outcome.document_id, outcome
    summary = get_summary(db, outcome.document_id)
    assert summary is not None
    if summary.agency != agency:
        correct_field(db, outcome.document_id, "agency", agency, reviewer_id=None)
    if summary.year != year:
        correct_field(db, outcome.document_id, "year", str(year), reviewer_id=None)
    return outcome.document_id


def assert_years_on_every_page(db, ids: list[str], groups, sizes: tuple[int, ...]) -> None:
    """The years in a row read a page at a time (pages of each size in ``sizes``) name each report's group of
    ``groups`` (a :func:`desktop.core.agencies.groups.grouping`) and, per year, exactly that group's reports."""
    for size in sizes:
        for first in range(0, len(ids), size):
            page = ids[first:first + size]
            got = agency_years(db, page)
            for doc in page:
                group = groups.group_of(doc)
                assert group is not None and got[doc].group_key == group.key
                want: dict[int | None, list[str]] = {}
                for r in group.reports:
                    want.setdefault(r.year, []).append(r.id)
                assert dict(got[doc].years) == {y: tuple(sorted(d)) for y, d in want.items()}
