"""Import a reviewer's scores from a filled-in review sheet (csv or xlsx, the 汇总 layout as exported).

For experts who score in Excel or WPS instead of the app. The sheet's first row is the header; the columns read:

- the header is the first of the top rows holding ``报告`` (rows above it, such as the xlsx's maximums and weights,
  are skipped);
- ``报告`` (required), with ``机关`` and ``年度`` when present, identify the report: the 报告 text is matched
  against each current report's title, file name and "机关 + 年度 + 法治政府建设年度报告" label, narrowed by 机关 and
  年度; when 报告 matches nothing, a unique 机关 + 年度 pair is enough;
- one column per criterion headed ``title（max分）`` (half-width brackets accepted), every criterion of the
  rubric: a number on the criterion's step within 0–max, empty (not scored), or ``不适用：reason`` where the rubric
  allows not applicable (a bare ``不适用``, as exported, keeps a mark already stored with its reason);
- ``总体评价`` (optional): the overall comment, kept as typed; ``评阅人`` (optional): rows of another reviewer are
  skipped (names compared without spaces and full-width forms: ``王 五`` is 王五).

Read like a careful clerk (``sheet_reader.py``): a merged range is read in the 机关, 年度 and 评阅人 columns (its
first cell's value) and refused with its cells named where a score is expected; a score Excel turned into a date,
a formula saved without its value and an error value are each named with what to do.

All or nothing: every problem is collected with its row and cell (``row 5, cell K5 (举措具体、成效量化（5分）)``)
and :class:`ScoreImportError` lists them all; nothing is stored then. Otherwise one transaction stores every row:
the values given replace the reviewer's earlier ones (empty cells leave them as they were), the comment replaces
the earlier one when given, and a review with every criterion settled is submitted (else in progress, and listed
with the criteria still open). A review already submitted may only be imported again unchanged: reopen it first.
The reviewer is created if new. A sheet of which no row is imported (every row another reviewer's, or empty) is
refused as a whole, saying why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlite_utils import Database

from desktop.core.errors import ReviewDeskError
from desktop.core.exchange.sheet_reader import (
    DateCell,
    ErrorCell,
    FormulaCell,
    MergedCell,
    SheetError,
    col_letter,
    read_csv,
    read_xlsx,
)
from desktop.core.review.reviewers import find_reviewer_loosely, get_or_create_reviewer, name_key
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.rubric import Criterion, Rubric, active_rubric
from desktop.core.storage.documents import DocumentSummary, list_documents
from desktop.core.text import fold_width

_HEADER = re.compile(r"^(?P<title>.+?)\s*[（(]\s*(?P<max>\d+(?:\.\d+)?)\s*分\s*[)）]$")
_NA = re.compile(r"^(?:不适用|n/?a)\s*(?:[:：]\s*(?P<reason>.*))?$", re.IGNORECASE | re.DOTALL)
# the columns where a merged range is read (its first cell's value for every cell): what identifies a row
_MERGE_READ = ("机关", "年度", "评阅人")
REPORT_SUFFIX = "法治政府建设年度报告"


class ScoreImportError(ReviewDeskError):
    """The sheet cannot be imported; ``problems`` names every problem with its row and cell."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:200])
        more = f"\n  … and {len(problems) - 200} more" if len(problems) > 200 else ""
        super().__init__(f"{source}: nothing imported, {len(problems)} problem(s); correct the sheet and import "
                         f"it again:\n{shown}{more}")


@dataclass
class ScoreImportResult:
    """What an import stored."""

    reviewer: str
    reports: int = 0
    scores: int = 0
    submitted: int = 0
    in_progress: int = 0
    skipped_other_reviewers: int = 0
    skipped_empty: int = 0
    document_ids: list[str] = field(default_factory=list)
    # rows stored but not complete: (row number, report, titles of the criteria still open)
    incomplete: list[tuple[int, str, list[str]]] = field(default_factory=list)


@dataclass(frozen=True)
class _Row:
    number: int                       # 1-based row number in the sheet
    cells: list[object]


_col_letter = col_letter


def read_sheet(path: str | Path) -> tuple[int, list[str], list[_Row]]:
    """The header's row number, the header and the data rows of a csv (UTF-8, with or without BOM, or GB18030) or
    xlsx (sheet 汇总, else the first)."""
    p = Path(path)
    if not p.is_file():
        raise ScoreImportError(str(p), ["the file does not exist"])
    suffix = p.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt"):
        raise ScoreImportError(str(p), [f"{p.suffix or 'a file without extension'} is not a sheet ReviewDesk reads; "
                                        "save it as .xlsx or .csv"])
    try:
        rows = read_xlsx(p) if suffix in (".xlsx", ".xlsm") else read_csv(p)
    except SheetError as exc:
        raise ScoreImportError(str(p), [str(exc)]) from None
    except OSError as exc:
        raise ScoreImportError(str(p), [f"cannot be read ({exc.strerror or exc})"]) from None
    if not rows:
        raise ScoreImportError(str(p), ["the sheet is empty" if suffix != ".csv" else "the file is empty"])
    return _split(rows)


def _split(rows: list[list[object]]) -> tuple[int, list[str], list[_Row]]:
    """The header row (the first of the top rows with a 报告 cell; rows above it, such as the xlsx's maximums and
    weights, are not data) and the data rows below it, numbered as in the sheet."""
    at = 0
    for i, row in enumerate(rows[:10]):
        if any(fold_width(_text(v)) == "报告" for v in row):
            at = i
            break
    header = [_text(h) for h in rows[at]]
    return at + 1, header, [_Row(i, r) for i, r in enumerate(rows[at + 1:], at + 2)]


def _text(value: object) -> str:
    if isinstance(value, MergedCell):
        return _text(value.value)
    if isinstance(value, DateCell):
        return value.shown
    if isinstance(value, FormulaCell | ErrorCell):
        return ""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def report_labels(d: DocumentSummary) -> set[str]:
    """The texts a sheet's 报告 cell may hold for this report."""
    labels = {d.name, d.name.rsplit(".", 1)[0]}
    if d.title:
        labels.add(d.title)
    # the names the review sheet gives a report without a title (desktop.core.export.sheets.tables.report_label)
    year = f"{d.year}年度" if d.year else ""
    if d.agency:
        labels.add(f"{d.agency}{year}{REPORT_SUFFIX}")
    elif year:
        labels.add(f"{year}{REPORT_SUFFIX}（机关未识别）")
    else:
        labels.add(f"{REPORT_SUFFIX}（标题未识别，第{d.seq}份）")
    return {fold_width(x).strip() for x in labels if x}


class _Matcher:
    def __init__(self, documents: list[DocumentSummary]) -> None:
        self.documents = documents
        self.labels = {d.id: report_labels(d) for d in documents}

    def find(self, report: str, agency: str, year: str) -> tuple[DocumentSummary | None, str | None]:
        key = fold_width(report).strip()
        found = [d for d in self.documents if key and key in self.labels[d.id]]
        narrowed = [d for d in found if (not agency or (d.agency or "") == agency)
                    and (not year or str(d.year or "") == year)]
        if len(narrowed) == 1:
            return narrowed[0], None
        if len(found) > 1 or len(narrowed) > 1:
            return None, f"{report!r} matches {len(narrowed) or len(found)} reports; give 机关 and 年度 to tell them apart"
        if not found and agency and year:
            pair = [d for d in self.documents if (d.agency or "") == agency and str(d.year or "") == year]
            if len(pair) == 1:
                return pair[0], None
        what = report or f"{agency} {year}".strip()
        return None, f"unknown report {what!r}: no report in this database has that title or name" + (
            f" with 机关 {agency} and 年度 {year}" if found else "")


def _value(raw: object, c: Criterion) -> tuple[str, float | str | None]:
    """('empty'|'value'|'na'|'error', value or reason or message)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return "empty", None
    if isinstance(raw, MergedCell):
        return "error", (f"cells {raw.span} are merged; a score needs a cell of its own on each row: unmerge them "
                         "and type each score")
    if isinstance(raw, DateCell):
        return "error", (f"the cell holds a date ({raw.shown}), not a score: Excel or WPS turned what was typed "
                         "into a date (3.5 becomes 3月5日); format the column as 数值 or 文本 and type the score again")
    if isinstance(raw, FormulaCell):
        return "error", (f"the cell holds a formula (={raw.formula}) saved without its value (the program that "
                         "saved it did not calculate); open the file in Excel or WPS and save it, or type the score")
    if isinstance(raw, ErrorCell):
        return "error", f"the cell shows the error {raw.code}; type the score instead"
    if isinstance(raw, bool):
        return "error", f"{'TRUE' if raw else 'FALSE'} is not a number"
    if isinstance(raw, int | float):
        number = float(raw)
    else:
        typed = str(raw).strip()
        folded = fold_width(typed)  # the same length: the reason is cut from the text as typed
        na = _NA.match(folded)
        if na:
            reason = typed[na.start("reason"):].strip() if na.group("reason") is not None else ""
            if not c.allow_na:
                return "error", f"{c.title} cannot be not applicable (the rubric requires a score)"
            return "na", reason  # a bare 不适用 must match a stored mark (checked when storing)
        try:
            number = float(folded.removesuffix("分"))
        except ValueError:
            return "error", f"{typed!r} is not a number"
    if number != number or number in (float("inf"), float("-inf")):
        return "error", f"{raw!r} is not a number"
    if not c.is_valid_value(number):
        return "error", f"{number:g} is out of range: use 0–{c.max_points:g} in steps of {c.step:g}"
    return "value", number


@dataclass
class _Planned:
    document: DocumentSummary
    row: int
    values: dict[str, float] = field(default_factory=dict)
    na: dict[str, str] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)  # criterion id -> "row N, cell XN (header)"
    comment: str | None = None


def _columns(at: int, header: list[str], rubric: Rubric, problems: list[str]) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, h in enumerate(header):
        folded = fold_width(h).strip()
        if folded in ("报告", "机关", "年度", "总体评价", "评阅人") and folded not in index:
            index[folded] = i
            continue
        m = _HEADER.match(folded)
        if not m:
            continue
        title = m.group("title").strip()
        for c in rubric.criteria:
            if fold_width(c.title) == title:
                if abs(float(m.group("max")) - c.max_points) > 1e-9:
                    problems.append(f"row {at}, cell {_col_letter(i)}{at} ({h}): the rubric's maximum for {c.title} is "
                                    f"{c.max_points:g}, not {m.group('max')}; export a new sheet")
                index[c.id] = i
    if "报告" not in index:
        problems.append(f"row {at}: no 报告 column; use the 汇总 sheet as exported (序号, 报告, 机关, 年度, …)")
    for c in rubric.criteria:
        if c.id not in index:
            problems.append(f"row {at}: no column for {c.title}（{c.max_points:g}分）")
    return index


def plan_import(db: Database, path: str | Path, reviewer_name: str,
                rubric: Rubric) -> tuple[list[_Planned], int, int]:
    """Read and check the sheet; return the rows to store, rows of other reviewers and empty rows skipped."""
    at, header, rows = read_sheet(path)
    problems: list[str] = []
    cols = _columns(at, header, rubric, problems)
    if problems:
        raise ScoreImportError(str(path), problems)
    matcher = _Matcher(list_documents(db))
    planned: list[_Planned] = []
    seen: dict[str, int] = {}
    other = empty = 0
    others: set[str] = set()

    def cell(row: _Row, key: str) -> object:
        i = cols.get(key)
        return row.cells[i] if i is not None and i < len(row.cells) else None

    def merged_key(row: _Row, key: str) -> None:
        """A merged range where a row's own value is expected (报告, 总体评价): named, not guessed."""
        value = cell(row, key)
        if isinstance(value, MergedCell):
            problems.append(f"row {row.number}, cell {_col_letter(cols[key])}{row.number}: cells {value.span} are "
                            f"merged; each row needs its own {key}: unmerge them")

    me = name_key(reviewer_name)
    for row in rows:
        if all(_text(v) == "" for v in row.cells):
            continue
        who = _text(cell(row, "评阅人"))
        if who and name_key(who) != me:
            other += 1
            others.add(who)
            continue
        merged_key(row, "报告")
        if "总体评价" in cols:
            merged_key(row, "总体评价")
        entry: _Planned | None = None
        doc, why = matcher.find(_text(cell(row, "报告")), _text(cell(row, "机关")), _text(cell(row, "年度")))
        where = f"row {row.number}, cell {_col_letter(cols['报告'])}{row.number}"
        if doc is None:
            problems.append(f"{where}: {why}")
        elif doc.id in seen:
            problems.append(f"{where}: the report is also on row {seen[doc.id]}; keep one row per report")
        else:
            seen[doc.id] = row.number
            entry = _Planned(doc, row.number)
        for c in rubric.criteria:
            kind, value = _value(cell(row, c.id), c)
            where_c = f"row {row.number}, cell {_col_letter(cols[c.id])}{row.number} ({header[cols[c.id]]})"
            if entry is not None:
                entry.cells[c.id] = where_c
            if kind == "error":
                problems.append(f"{where_c}: {value}")
            elif entry is not None and kind == "value":
                entry.values[c.id] = float(value)  # type: ignore[arg-type]
            elif entry is not None and kind == "na":
                entry.na[c.id] = str(value)
        comment = cell(row, "总体评价")
        if entry is not None:
            entry.comment = _text(comment) or None
            if entry.values or entry.na or entry.comment:
                planned.append(entry)
            else:
                empty += 1
    known = find_reviewer_loosely(db, reviewer_name)
    for p in planned:
        stored = scoring.get_scores(db, p.document.id, known.id, rubric.id) if known else {}
        for cid, reason in list(p.na.items()):
            if reason:
                continue
            if cid in stored and stored[cid].not_applicable and stored[cid].na_reason:
                p.na[cid] = stored[cid].na_reason  # as exported: the mark already stored, with its reason
            else:
                problems.append(f"{p.cells[cid]}: not applicable needs a reason: write 不适用：reason")
    if problems:
        raise ScoreImportError(str(path), sorted(problems, key=_row_order))
    if not planned:
        reasons: list[str] = []
        if other:
            reasons.append(f"{other} row(s) name another reviewer ({', '.join(sorted(others)[:5])}), not "
                       f"{reviewer_name}")
        if empty:
            reasons.append(f"{empty} row(s) have no score and no comment")
        raise ScoreImportError(str(path), ["no row of the sheet was imported: " + ("; ".join(reasons) or
                                           "the sheet has no data rows below its header") +
                                           "; check --reviewer and the 评阅人 column"])
    return planned, other, empty


def _row_order(problem: str) -> tuple[int, str]:
    match = re.match(r"row (\d+)", problem)
    return (int(match.group(1)) if match else 0, problem)


def import_scores(db: Database, path: str | Path, reviewer_name: str,
                  rubric: Rubric | None = None) -> ScoreImportResult:
    """Import the sheet at ``path`` as ``reviewer_name``'s scores (all or nothing; see the module docstring)."""
    name = reviewer_name.strip()
    if not name:
        raise ScoreImportError(str(path), ["give the reviewer's name (--reviewer NAME)"])
    rubric = rubric or active_rubric(db)
    known = find_reviewer_loosely(db, name)
    name = known.name if known else name
    planned, other, empty = plan_import(db, path, name, rubric)
    result = ScoreImportResult(name, skipped_other_reviewers=other, skipped_empty=empty)
    with db.atomic():
        reviewer = known or get_or_create_reviewer(db, name)
        problems = []
        for p in planned:
            review = scoring.get_review(db, p.document.id, reviewer.id, rubric.id)
            if review.submitted and _changes(db, p, reviewer.id, rubric):
                problems.append(f"row {p.row}: {name}'s review of {p.document.title or p.document.name} is "
                                "submitted; reopen it before importing other scores")
        if problems:
            raise ScoreImportError(str(path), problems)
        for p in planned:
            if scoring.get_review(db, p.document.id, reviewer.id, rubric.id).submitted:
                result.reports += 1
                result.submitted += 1
                result.document_ids.append(p.document.id)
                continue
            _store(db, p, reviewer.id, rubric, result)
    return result


def _changes(db: Database, p: _Planned, reviewer_id: str, rubric: Rubric) -> bool:
    stored = scoring.get_scores(db, p.document.id, reviewer_id, rubric.id)
    for cid, value in p.values.items():
        if cid not in stored or stored[cid].value != value:
            return True
    for cid, reason in p.na.items():
        if cid not in stored or not stored[cid].not_applicable or stored[cid].na_reason != reason:
            return True
    review = scoring.get_review(db, p.document.id, reviewer_id, rubric.id)
    return p.comment is not None and p.comment != review.overall_comment


def _store(db: Database, p: _Planned, reviewer_id: str, rubric: Rubric, result: ScoreImportResult) -> None:
    doc = p.document.id
    stored = scoring.get_scores(db, doc, reviewer_id, rubric.id)
    for cid, value in p.values.items():
        entry = stored.get(cid) or scoring.ScoreEntry(cid)
        accepted = entry.suggestion_accepted and entry.value == value
        scoring.put_score(db, doc, reviewer_id, rubric, replace(entry, value=value, suggestion_accepted=accepted,
                                                                not_applicable=False, na_reason=""))
        result.scores += 1
    for cid, reason in p.na.items():
        entry = stored.get(cid) or scoring.ScoreEntry(cid)
        scoring.put_score(db, doc, reviewer_id, rubric, replace(entry, value=None, suggestion_accepted=False,
                                                                not_applicable=True, na_reason=reason))
        result.scores += 1
    if p.comment is not None:
        scoring.set_overall_comment(db, doc, reviewer_id, rubric, p.comment)
    result.reports += 1
    result.document_ids.append(doc)
    missing = scoring.missing_criteria(rubric, scoring.get_scores(db, doc, reviewer_id, rubric.id))
    if not missing:
        scoring.submit_review(db, doc, reviewer_id, rubric)
        result.submitted += 1
    else:
        result.in_progress += 1
        result.incomplete.append((p.row, p.document.title or p.document.name, [c.title for c in missing]))
