"""Export the review sheet: xlsx, csv, docx, pdf or a full json dump (formats in docs/export-formats.md).

:func:`export` is a plain long-running core function (it takes a Progress, checks for cancellation and returns
an :class:`ExportResult`); the GUI runs it on a worker, the CLI calls it directly. A file is written to a
temporary name next to the target and renamed when complete, so a failed or cancelled export never leaves a
half-written file in place of a good one; it ends with the permissions the umask gives any new file.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import tempfile
import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from desktop.core.errors import ReviewDeskError
from desktop.core.export.target import bound_texts, check_not_database, check_regular_target, write_error
from desktop.core.progress import Progress

if TYPE_CHECKING:  # the data module pulls in the whole review model: imported when an export runs
    from desktop.core.export.data import ExportData
    from desktop.core.export.formats.to_xlsx import EarlyCharts

FORMATS = ("xlsx", "csv", "docx", "pdf", "json")
FORMAT_LABELS = {"xlsx": "Excel 评阅表 (.xlsx)", "csv": "CSV 汇总表 (.csv)", "docx": "Word 评阅表 (.docx)",
                 "pdf": "PDF 评阅表 (.pdf)", "json": "JSON 完整数据 (.json)"}
PER_REPORT_FORMATS = ("docx", "pdf")
log = logging.getLogger(__name__)


class ExportError(ReviewDeskError):
    """An export that cannot be written (bad path, unknown format, …): says what to do."""


@dataclass
class ExportResult:
    """What an export wrote."""

    format: str
    paths: list[Path] = field(default_factory=list)
    rows: int = 0


def _write_with(writer: Callable[[ExportData, Path, Progress], int], data: ExportData, path: Path) -> int:
    """One per-report file: ``writer`` over ``data`` (its progress is not shown: the loop reports per report)."""
    return writer(data, path, Progress())


_umask_lock = threading.Lock()


def current_umask() -> int:
    """The process's umask (read by setting and restoring it, under a lock: there is no getter)."""
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def _atomic_write(target: Path, write: Callable[[Path], int]) -> int:
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise write_error(target, exc) from exc
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        count = write(tmp_path)
        # mkstemp makes the file private (0600); an exported file gets the permissions any new file would
        os.chmod(tmp_path, 0o666 & ~current_umask())
        os.replace(tmp_path, target)
    except OSError as exc:
        tmp_path.unlink(missing_ok=True)
        raise write_error(target, exc) from exc
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    return count


def _check_target(out: Path, per_report: bool) -> None:
    if per_report:
        if out.exists() and not out.is_dir():
            raise ExportError(f"{out} is a file; one file per report needs a folder: choose a folder")
        out.mkdir(parents=True, exist_ok=True)
        return
    if out.is_dir():
        raise ExportError(f"{out} is a folder; give a file name to export to (e.g. {out / 'review.xlsx'})")
    if not out.parent.exists():
        raise ExportError(f"the folder {out.parent} does not exist; create it or choose another place")


def safe_filename(text: str, limit: int = 60) -> str:
    """Text usable as a file name on Windows, macOS and Linux."""
    clean = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", text).strip(" ._")
    return clean[:limit] or "report"


def _logged(fn: Callable[..., ExportResult]) -> Callable[..., ExportResult]:
    """Write each export (what, where, how many; or why not) to the log file."""

    @functools.wraps(fn)
    def logged(db: Database, fmt: str, out: str | Path, **options: Any) -> ExportResult:
        try:
            result = fn(db, fmt, out, **options)
        except ReviewDeskError as exc:
            log.warning("export %s to %s refused: %s", fmt, out, exc)
            raise
        except Exception:
            log.exception("export %s to %s failed", fmt, out)
            raise
        log.info("export %s: %d row(s) in %d file(s) at %s", fmt, result.rows, len(result.paths), out)
        return result

    return logged


def scoped(data: ExportData, document_ids: Collection[str] | None, submitted_only: bool) -> ExportData:
    """The export data limited to some reports and/or to submitted reviews (rows, documents, annotations).

    Ranks are among what the sheet holds (1..n, no gaps but ties), and ``data.scope`` says which set that is."""
    from dataclasses import replace

    from desktop.core.export.data import ranked_rows
    from desktop.core.panel.summary import ranked
    from desktop.core.scoring.scores import SUBMITTED

    wanted = set(document_ids) if document_ids is not None else None
    rows = [r for r in data.rows if (wanted is None or r.document.id in wanted)
            and (not submitted_only or (r.reviewer_id is not None and r.review.status == SUBMITTED))]
    kept = {r.document.id for r in rows}
    data.rows = ranked_rows(rows)
    data.documents = [d for d in data.documents if d.id in kept]
    data.placements = {k: v for k, v in data.placements.items() if k in kept}
    data.annotations = [a for a in data.annotations if a.document_id in kept]
    if data.panel is not None:  # the panel's sheets for the same reports, ranked among themselves
        data.panel = replace(data.panel, reports=ranked([r for r in data.panel.reports if r.document.id in kept]))
    parts = [f"{'所选' if wanted is not None else ''}{len(data.documents)}份报告"]
    if submitted_only:
        parts.append("仅已提交的评阅")
    data.scope = "，".join(parts)
    return data


@_logged
def export(db: Database, fmt: str, out: str | Path, *, reviewer: str | None = None, rubric_id: str | None = None,
           per_report: bool = False, progress: Progress | None = None,
           document_ids: Collection[str] | None = None, submitted_only: bool = False) -> ExportResult:
    """Export the review sheet in ``fmt`` to ``out`` (a folder when ``per_report``: one docx/pdf per sheet).

    Scope: ``document_ids`` keeps those reports only (this report, the selected ones); ``submitted_only`` keeps
    the submitted reviews only. The json dump always holds everything (it is the full data, not a sheet)."""
    progress = progress or Progress()
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if per_report and fmt not in PER_REPORT_FORMATS:
        raise ExportError(f"one file per report is available for {' and '.join(PER_REPORT_FORMATS)} only")
    out = Path(out)
    check_not_database(db, out)
    check_regular_target(out, folder=per_report)
    _check_target(out, per_report)
    result = ExportResult(fmt)
    if fmt == "json":
        from desktop.core.export.formats.to_json import write_json

        result.rows = _atomic_write(out, lambda p: write_json(db, p, progress, reviewer=reviewer))
        result.paths.append(out)
        return result

    charts = None
    if fmt == "xlsx" and reviewer is None and not per_report:  # the workbook of every reviewer has the charts
        from desktop.core.export.formats.to_xlsx import start_charts_early
        from desktop.core.storage.documents import count_documents

        reports = len(document_ids) if document_ids is not None else count_documents(db)
        charts = start_charts_early(reports)  # drawing starts while the data is read
    try:
        return _export_sheet(db, fmt, out, result, progress, reviewer, rubric_id, per_report, document_ids,
                             submitted_only, charts)
    finally:
        if charts is not None:
            charts.close()


def _export_sheet(db: Database, fmt: str, out: Path, result: ExportResult, progress: Progress, reviewer: str | None,
                  rubric_id: str | None, per_report: bool, document_ids: Collection[str] | None, submitted_only: bool,
                  charts: EarlyCharts | None) -> ExportResult:
    """The review sheet in ``fmt`` (see :func:`export`); ``charts``: the xlsx charts' child, if started."""
    from desktop.core.export.data import collect_export_data

    # every text cut to a bounded length: a 20 MB comment would take minutes and gigabytes to lay out (json keeps it)
    # the csv is the summary table alone: its rows without the annotations (the most of the data)
    data = bound_texts(collect_export_data(db, reviewer, rubric_id, progress, annotations=fmt != "csv"))
    whole = data.panel  # the panel of every report (the dashboard's agreement is over all of them)
    if document_ids is not None or submitted_only:
        data = scoped(data, document_ids, submitted_only)
    if fmt == "xlsx" and data.panel is not None and whole is not None:
        from desktop.core.export.sheets.dashboard import dashboard_from
        from desktop.core.panel.agreement import agreement_over
        from desktop.core.panel.assignments import reviewer_progress

        # agreement over the score model already read (panel_agreement would read and compute it all again)
        data.dashboard = dashboard_from(data.panel, reviewer_progress(db, data.rubric.id),
                                        agreement_over(whole.rubric, whole.reports), data.documents, data.placements)
    writer: Callable[[ExportData, Path, Progress], int]
    if fmt == "xlsx":
        from desktop.core.export.formats.to_xlsx import write_xlsx

        writer = partial(write_xlsx, charts_child=charts)
    elif fmt == "csv":
        from desktop.core.export.formats.to_csv import write_csv

        writer = write_csv
    elif fmt == "docx":
        from desktop.core.export.formats.to_docx import write_docx

        writer = write_docx
    else:
        from desktop.core.export.formats.to_pdf import write_pdf

        writer = write_pdf
    if not per_report:
        result.rows = _atomic_write(out, lambda p: writer(data, p, progress))
        result.paths.append(out)
        return result
    from desktop.core.export.data import ExportData

    total = len(data.rows)
    for i, row in enumerate(data.rows, 1):
        progress.check()
        progress.update(i - 1, total, row.document.name)
        d = row.document
        name = safe_filename(f"{i:04d}_{d.agency or d.title or d.name}_{d.year or ''}_{row.reviewer}")
        target = out / f"{name}.{fmt}"
        single = ExportData(data.rubric, data.generated_at, data.reviewer_filter, [d],
                            {d.id: data.placements.get(d.id, {})}, [row], list(row.annotations))
        _atomic_write(target, partial(_write_with, writer, single))
        result.paths.append(target)
        result.rows += 1
    progress.update(total, total, "")
    return result
