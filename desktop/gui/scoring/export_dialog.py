"""The export dialog: format, target, reviewer; the export runs on a worker with a progress bar and Cancel.

The work is :func:`run_export`, a plain function run by :func:`desktop.gui.workers.run_task`: it opens its own
read-only connection on the worker thread and calls :func:`desktop.core.export.export`. File choosers go through
:mod:`desktop.gui.dialogs` (patchable in tests).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from desktop.core.errors import ReviewDeskError
from desktop.core.export import FORMAT_LABELS, FORMATS, PER_REPORT_FORMATS, ExportResult, export
from desktop.core.progress import Progress
from desktop.core.review.reviewers import list_reviewers
from desktop.core.storage.executor import open_reader
from desktop.gui import dialogs, workers

DIR_KEY = "export/dir"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Scoring", text)


def run_export(db_path: str | Path, fmt: str, out: str | Path, reviewer: str | None, per_report: bool,
               rubric_id: str | None = None, *, progress: Progress) -> ExportResult:
    """Export on the calling (worker) thread through its own read-only connection."""
    reader = open_reader(db_path)
    try:
        return export(reader, fmt, out, reviewer=reviewer, rubric_id=rubric_id, per_report=per_report,
                      progress=progress)
    finally:
        reader.conn.close()


class ExportDialog(QDialog):
    """Choose what to export and where; the export runs off the GUI thread."""

    exported = Signal(object)  # the ExportResult

    def __init__(self, db_path: Path, reader: Database, settings: QSettings, fmt: str = "xlsx",
                 reviewer_name: str = "", rubric_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Export review sheet"))
        self.db_path, self.settings, self.rubric_id = db_path, settings, rubric_id
        self.task: workers.Task | None = None
        self.format = QComboBox(self)
        for f in FORMATS:
            self.format.addItem(FORMAT_LABELS[f], f)
        self.path = QLineEdit(self)
        self.browse = QPushButton(_tr("Choose…"), self)
        self.browse.clicked.connect(self.choose_target)
        self.reviewer = QComboBox(self)
        self.reviewer.addItem(_tr("All reviewers"), "")
        for r in list_reviewers(reader):
            self.reviewer.addItem(r.name, r.name)
        if reviewer_name:
            self.reviewer.setCurrentIndex(max(0, self.reviewer.findData(reviewer_name)))
        self.per_report = QCheckBox(_tr("One file per report (into a folder)"), self)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.export_button = QPushButton(_tr("Export"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton(_tr("Close"), self)
        self.cancel_button.clicked.connect(self._cancel_or_close)

        target = QHBoxLayout()
        target.addWidget(self.path, 1)
        target.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(_tr("Format"), self.format)
        form.addRow(_tr("Save to"), target)
        form.addRow(_tr("Reviewer"), self.reviewer)
        form.addRow("", self.per_report)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.format.currentIndexChanged.connect(self._on_format)
        self.per_report.toggled.connect(lambda _on: self._suggest_path())
        self.format.setCurrentIndex(FORMATS.index(fmt) if fmt in FORMATS else 0)
        self._on_format()
        self.resize(620, 260)

    # --- choosing ------------------------------------------------------------------------------------

    def current_format(self) -> str:
        return self.format.currentData()

    def _folder(self) -> Path:
        saved = self.settings.value(DIR_KEY)
        return Path(str(saved)) if saved and Path(str(saved)).is_dir() else Path.home()

    def _suggest_path(self) -> None:
        fmt = self.current_format()
        stamp = dt.date.today().isoformat()
        name = f"评阅表_{stamp}" if self.per_report.isChecked() else f"评阅表_{stamp}.{fmt}"
        self.path.setText(str(self._folder() / name))

    def _on_format(self) -> None:
        allowed = self.current_format() in PER_REPORT_FORMATS
        self.per_report.setEnabled(allowed)
        if not allowed:
            self.per_report.setChecked(False)
        self._suggest_path()

    def choose_target(self) -> None:
        fmt = self.current_format()
        if self.per_report.isChecked():
            chosen = dialogs.choose_folder(self, _tr("Folder for the review sheets"), str(self._folder()))
        else:
            chosen = dialogs.save_file(self, _tr("Export review sheet"), f"{FORMAT_LABELS[fmt]} (*.{fmt})",
                                       self.path.text())
            if chosen and not chosen.lower().endswith(f".{fmt}"):
                chosen += f".{fmt}"
        if chosen:
            self.path.setText(chosen)

    # --- running -------------------------------------------------------------------------------------

    def start_export(self) -> workers.Task | None:
        """Start the export on a worker; the task (None when the target is missing or one is running)."""
        if self.task is not None:
            return None
        out = self.path.text().strip()
        if not out:
            self.status.setText(_tr("Choose where to save the export."))
            return None
        reviewer = self.reviewer.currentData() or None
        self.settings.setValue(DIR_KEY, str(Path(out) if self.per_report.isChecked() else Path(out).parent))
        self.task = workers.run_task(run_export, self.db_path, self.current_format(), out, reviewer,
                                     self.per_report.isChecked(), self.rubric_id, name="export")
        self.task.progress.connect(self._on_progress)
        self.task.done.connect(self._on_done)
        self.task.failed.connect(self._on_failed)
        self.task.cancelled.connect(lambda: self.status.setText(_tr("Export cancelled; nothing was written.")))
        self.task.finished.connect(self._on_finished)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(_tr("Exporting…"))
        self.export_button.setEnabled(False)
        self.cancel_button.setText(_tr("Cancel"))
        return self.task

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _on_done(self, result: ExportResult) -> None:
        where = str(result.paths[0]) if len(result.paths) == 1 else str(Path(self.path.text()))
        self.status.setText(_tr("Exported %1 row(s) to %2").replace("%1", str(result.rows)).replace("%2", where))
        self.exported.emit(result)

    def _on_failed(self, exc: object) -> None:
        self.status.setText(_tr("Export failed: %1").replace("%1", str(exc)))
        # an expected failure (bad target, unknown reviewer) says what to do; only a bug needs its traceback
        details = "" if isinstance(exc, ReviewDeskError) or self.task is None else self.task.traceback
        dialogs.error(self, _tr("Export failed"), str(exc), details)

    def _on_finished(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)
        self.cancel_button.setText(_tr("Close"))

    def _cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
        else:
            self.reject()

    def reject(self) -> None:
        if self.task is not None:  # closing while exporting cancels the export first
            self.task.cancel()
            return
        super().reject()
