"""Per-report result letters (反馈意见书): grade, total, the panel's opinion and the problems found, for each agency.

A letter is written for every report in scope that has a final total (the others are listed as skipped, never
sent with a made-up result): its 等次, total and rank, the panel's 评审意见 (the lead's final comment), the
structure and publication findings, and the passages the reviewers tagged as problems (exact quotes with part and
paragraph) and as good practice. One docx per report in a folder, or one docx with a page break between letters.
File names are made from the agency and year through :func:`desktop.core.export.safe_filename`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from sqlite_utils import Database

from desktop.core.export import ExportError, _atomic_write, _check_target, safe_filename
from desktop.core.export.target import check_not_database
from desktop.core.progress import Progress
from desktop.core.segmentation.classify import KIND_LABELS
from desktop.core.summary.chapters import quote_of
from desktop.core.summary.facts import Facts, ReportFacts, gather
from desktop.core.summary.numbers import fmt_date, fmt_score
from desktop.core.summary.to_docx import _add, _setup

LETTER_TITLE = "法治政府建设年度报告评审反馈意见书"


@dataclass(frozen=True)
class Letter:
    """One letter as text: what it says, in order."""

    document_id: str
    agency: str
    year: int | None
    title: str
    addressee: str
    result: str
    opinion: str
    findings: tuple[str, ...]
    problems: tuple[str, ...]
    good: tuple[str, ...]
    closing: str
    date: str


@dataclass
class LettersResult:
    paths: list[Path] = field(default_factory=list)
    letters: int = 0
    skipped: list[str] = field(default_factory=list)  # reports without a final result (agency and year)


def _report_name(r: ReportFacts) -> str:
    d = r.document
    return d.title or f"{d.agency or ''}{f'{d.year}年度' if d.year else ''}法治政府建设年度报告"


def letter_for(facts: Facts, r: ReportFacts) -> Letter:
    """The letter of one report (it must have a final total)."""
    res = r.result
    scored = sum(1 for x in facts.reports if x.result.total is not None)
    rank = f"，在本次评估的{scored}份报告中排第{res.rank}名" if res.rank is not None else ""
    result = (f"你单位报送的《{_report_name(r)}》经评审组评审，总分{fmt_score(res.total)}分（满分"
              f"{fmt_score(facts.rubric.weights_total)}分），等次为“{res.grade or '未评定'}”{rank}。")
    findings = []
    if r.missing:
        findings.append("报告缺少" + "、".join(f"“{KIND_LABELS[k][0]}”" for k in r.missing) + "部分。")
    folded = [k for k, v in r.placements.items() if v in ("subsection", "inline")]
    if folded:
        findings.append("、".join(f"“{KIND_LABELS[k][0]}”" for k in folded) + "未单独成章。")
    if r.on_time is False and r.deadline is not None:
        findings.append(f"报告公开日期为{fmt_date(r.document.published_at)}，晚于{fmt_date(r.deadline.isoformat())}"
                        "的公开时限。")
    elif r.on_time is None:
        findings.append("未能核实报告的公开日期。")
    names = {t.name: t for t in facts.tags}
    problems, good = [], []
    for a in facts.annotations:
        if a.document_id != r.document.id:
            continue
        q = quote_of(facts, a)
        tags = [t for t in a.tags if t in names]
        line = f"【{q.position}】“{q.text}”"
        is_good = facts.good_tag_id is not None and any(names[t].id == facts.good_tag_id for t in tags)
        problem_tags = [t for t in tags if names[t].id != facts.good_tag_id]
        if problem_tags:
            problems.append(line + f"（{'、'.join(problem_tags)}{'：' + a.comment if a.comment else ''}）")
        elif is_good:
            good.append(line + (f"（{a.comment}）" if a.comment else ""))
    return Letter(r.document.id, r.agency, r.document.year, LETTER_TITLE, f"{r.agency}：", result,
                  res.comment.strip() or "（评审组未填写评审意见）", tuple(findings), tuple(problems), tuple(good),
                  "请对照以上意见，在今后的年度报告中加以改进。", fmt_date(facts.generated))


def _write_letter(doc, letter: Letter) -> None:
    _add(doc, "RD Summary Title", letter.title)
    _add(doc, "RD Summary Body", letter.addressee).paragraph_format.first_line_indent = 0
    _add(doc, "RD Summary Body", letter.result)
    doc.add_paragraph("一、评审意见", style="Heading 1")
    _add(doc, "RD Summary Body", letter.opinion)
    doc.add_paragraph("二、存在的主要问题", style="Heading 1")
    items = [*letter.findings, *letter.problems]
    if not items:
        _add(doc, "RD Summary Body", "评审中未发现需要特别指出的问题。")
    for i, text in enumerate(items, 1):
        _add(doc, "RD Summary Body", f"{i}. {text}")
    if letter.good:
        doc.add_paragraph("三、值得肯定的做法", style="Heading 1")
        for i, text in enumerate(letter.good, 1):
            _add(doc, "RD Summary Body", f"{i}. {text}")
    _add(doc, "RD Summary Body", letter.closing)
    for text in ("评审组", letter.date):
        _add(doc, "RD Summary Body", text).alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _document(letters: list[Letter]):
    doc = Document()
    _setup(doc)
    for i, letter in enumerate(letters):
        if i:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _write_letter(doc, letter)
    return doc


def _save(letters: list[Letter], path: Path) -> int:
    _document(letters).save(str(path))
    return len(letters)


def write_letters(db: Database, out: str | Path, *, year: int | None = None, one_file: bool = False,
                  rubric_id: str | None = None, progress: Progress | None = None) -> LettersResult:
    """Write the letters of every report in scope with a final result: one docx each into the folder ``out``,
    or with ``one_file`` all into the docx ``out`` (a page break between letters)."""
    progress = progress or Progress()
    out = Path(out)
    check_not_database(db, out)
    _check_target(out, per_report=not one_file)
    facts = gather(db, year, rubric_id, progress)
    result = LettersResult()
    letters = []
    for r in facts.reports:
        if r.result.total is None:
            result.skipped.append(f"{r.agency}{f' {r.document.year}' if r.document.year else ''}")
            continue
        letters.append(letter_for(facts, r))
    if not letters:
        raise ExportError("no report in scope has a final result yet (a complete review at least); nothing was "
                          "written")
    if one_file:
        _atomic_write(out, partial(_save, letters))
        result.paths.append(out)
    else:
        for i, letter in enumerate(letters, 1):
            progress.check()
            progress.update(i - 1, len(letters), letter.agency)
            year_text = str(letter.year or "")
            target = out / (safe_filename(f"{i:03d}_{letter.agency}_{year_text}_反馈意见书") + ".docx")
            check_not_database(db, target)
            _atomic_write(target, partial(_save, [letter]))
            result.paths.append(target)
    result.letters = len(letters)
    return result
