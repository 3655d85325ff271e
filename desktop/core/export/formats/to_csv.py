"""The summary table as csv: UTF-8 with a byte-order mark, so Excel and WPS open the Chinese text correctly."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from desktop.core.export.data import ExportData
from desktop.core.export.safe import neutralize_csv
from desktop.core.export.sheets.tables import Formula, Value, summary_columns, summary_rows
from desktop.core.progress import Progress
from desktop.core.scoring.numbers import fmt


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return fmt(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Formula):  # the csv holds values, never formulas
        return _cell(value.value)
    return neutralize_csv(value)


def write_csv(data: ExportData, path: Path, progress: Progress) -> int:
    """Write one header row and one row per sheet row; return the number of data rows."""
    columns = summary_columns(data)
    total = len(data.rows)
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow([_cell(c.header) for c in columns])  # a criterion title from a merged rubric is data too
        for count, values in enumerate(summary_rows(data), 1):
            if count % 500 == 0:
                progress.check()
                progress.update(count, total, "csv")
            writer.writerow([_cell(v) for v in values])
    return count
