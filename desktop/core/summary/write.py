"""Write the summary (docx, pdf, md): the entry point of ``reviewdesk summary`` and the Summary tab's export.

The target is checked like every export's (never the database, its companions or backups, nor any SQLite file;
not a folder; the folder must exist) and written to a temporary file renamed when complete
(desktop.core.export), so a failed export leaves nothing half-written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from desktop.core.errors import ReviewDeskError
from desktop.core.export import ExportError, _atomic_write, _check_target
from desktop.core.export.target import check_not_database
from desktop.core.progress import Progress
from desktop.core.summary.draft import build_draft
from desktop.core.summary.model import Chart, Draft

FORMATS = ("docx", "pdf", "md")
FORMAT_LABELS = {"docx": "Word 评估报告 (.docx)", "pdf": "PDF 评估报告 (.pdf)", "md": "Markdown 评估报告 (.md)"}


@dataclass
class SummaryResult:
    format: str
    path: Path
    chapters: int
    flagged: list[str] = field(default_factory=list)  # rewritten paragraphs whose figures changed since


def render_charts(draft: Draft) -> dict[str, bytes]:
    """Each chart block of the draft as PNG (matplotlib, bundled CJK font)."""
    from desktop.core.export.sheets.charts import render

    out = {}
    for chapter in draft.chapters:
        for block in chapter.blocks:
            if isinstance(block, Chart):
                out[block.key] = render(block.data, block.name)  # type: ignore[arg-type]
    return out


def _writer(fmt: str) -> Callable[[Draft, Path, dict[str, bytes]], int]:
    if fmt == "docx":
        from desktop.core.summary.to_docx import write_docx
        return write_docx
    if fmt == "pdf":
        from desktop.core.summary.to_pdf import write_pdf
        return write_pdf
    from desktop.core.summary.to_md import write_md
    return write_md


def write_draft(db: Database, draft: Draft, fmt: str, out: str | Path,
                progress: Progress | None = None) -> SummaryResult:
    """Write an already built draft in ``fmt`` to ``out``."""
    progress = progress or Progress()
    if fmt not in FORMATS:
        raise ExportError(f"unknown summary format {fmt!r}; use one of {', '.join(FORMATS)}")
    out = Path(out)
    check_not_database(db, out)
    _check_target(out, per_report=False)
    progress.update(1, 3, "drawing charts")
    charts = render_charts(draft) if fmt != "md" else {}
    progress.check()
    progress.update(2, 3, fmt)
    writer = _writer(fmt)
    count = _atomic_write(out, lambda p: writer(draft, p, charts))
    progress.update(3, 3, "")
    return SummaryResult(fmt, out, count, [p.key for p in draft.flagged])


def write_summary(db: Database, fmt: str, out: str | Path, *, year: int | None = None,
                  rubric_id: str | None = None, progress: Progress | None = None) -> SummaryResult:
    """Draft the summary from the database (with the reviewer's rewrites) and write it in ``fmt`` to ``out``."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown summary format {fmt!r}; use one of {', '.join(FORMATS)}")
    return write_draft(db, build_draft(db, year, rubric_id, progress), fmt, out, progress)


__all__ = ["FORMATS", "FORMAT_LABELS", "ReviewDeskError", "SummaryResult", "write_draft", "write_summary"]
