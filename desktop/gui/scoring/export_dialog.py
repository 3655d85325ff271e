"""The export dialog: format, target, reviewer; the export runs on a worker with a progress bar and Cancel.

The work is :func:`run_export`, a plain function run by :func:`desktop.gui.workers.run_task`: it opens its own
read-only connection on the worker thread and calls :func:`desktop.core.export.export`. File choosers go through
:mod:`desktop.gui.dialogs` (patchable in tests).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
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
from desktop.gui.plain import PlainLabel

DIR_KEY = "export/dir"


SCOPES = ("current", "selected", "submitted", "all")


def run_export(db_path: str | Path, fmt: str, out: str | Path, reviewer: str | None, per_report: bool,
               rubric_id: str | None = None, document_ids: list[str] | None = None, submitted_only: bool = False,
               *, progress: Progress) -> ExportResult:
    """Export on the calling (worker) thread through its own read-only connection."""
    reader = open_reader(db_path)
    try:
        return export(reader, fmt, out, reviewer=reviewer, rubric_id=rubric_id, per_report=per_report,
                      progress=progress, document_ids=document_ids, submitted_only=submitted_only)
    finally:
        reader.conn.close()


class ExportDialog(QDialog):
    """Choose what to export and where; the export runs off the GUI thread."""

    exported = Signal(object)  # the ExportResult

    def __init__(self, db_path: Path, reader: Database, settings: QSettings, fmt: str = "xlsx",
                 reviewer_name: str = "", rubric_id: str | None = None, parent: QWidget | None = None, *,
                 current_id: str = "", selected_ids: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Scoring", "Export review sheet"))
        self.db_path, self.settings, self.rubric_id = db_path, settings, rubric_id
        self.current_id, self.selected_ids = current_id, list(selected_ids or [])
        self.task: workers.Task | None = None
        self.result: ExportResult | None = None  # type: ignore[assignment]  # QDialog.result() is not used here
        # What to export: this report, the reports selected in the table, the submitted reviews, or everything.
        self.scope = QComboBox(self)
        self.scope.setObjectName("exportScope")
        labels = {"current": QCoreApplication.translate("Scoring", "This report"),
                  "selected": QCoreApplication.translate("Scoring", "Selected reports (%1)").replace("%1", str(len(self.selected_ids))),
                  "submitted": QCoreApplication.translate("Scoring", "Submitted reviews only"), "all": QCoreApplication.translate("Scoring", "All reports")}
        for scope in SCOPES:
            self.scope.addItem(labels[scope], scope)
        model = self.scope.model()
        if isinstance(model, QStandardItemModel):  # a QComboBox's own model: entries can be disabled
            model.item(0).setEnabled(bool(current_id))
            model.item(1).setEnabled(len(self.selected_ids) > 0)
        self.scope.setCurrentIndex(SCOPES.index("current") if current_id else SCOPES.index("all"))
        self.open_button = QPushButton(QCoreApplication.translate("Scoring", "Open"), self)
        self.open_button.setObjectName("openExport")
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(self.open_result)
        self.folder_button = QPushButton(QCoreApplication.translate("Scoring", "Show Folder"), self)
        self.folder_button.setVisible(False)
        self.folder_button.clicked.connect(self.open_folder)
        self.format = QComboBox(self)
        for f in FORMATS:
            self.format.addItem(FORMAT_LABELS[f], f)
        self.path = QLineEdit(self)
        self.browse = QPushButton(QCoreApplication.translate("Scoring", "Choose…"), self)
        self.browse.clicked.connect(self.choose_target)
        self.reviewer = QComboBox(self)
        self.reviewer.addItem(QCoreApplication.translate("Scoring", "All reviewers"), "")
        for r in list_reviewers(reader):
            self.reviewer.addItem(r.name, r.name)
        if reviewer_name:
            self.reviewer.setCurrentIndex(max(0, self.reviewer.findData(reviewer_name)))
        self.per_report = QCheckBox(QCoreApplication.translate("Scoring", "One file per report (into a folder)"), self)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.status = PlainLabel(self)
        self.status.setWordWrap(True)
        self.export_button = QPushButton(QCoreApplication.translate("Scoring", "Export"), self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton(QCoreApplication.translate("Scoring", "Close"), self)
        self.cancel_button.clicked.connect(self._cancel_or_close)

        target = QHBoxLayout()
        target.addWidget(self.path, 1)
        target.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Scoring", "Format"), self.format)
        form.addRow(QCoreApplication.translate("Scoring", "Save to"), target)
        form.addRow(QCoreApplication.translate("Scoring", "Reports"), self.scope)
        form.addRow(QCoreApplication.translate("Scoring", "Reviewer"), self.reviewer)
        form.addRow("", self.per_report)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.folder_button)
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
            chosen = dialogs.choose_folder(self, QCoreApplication.translate("Scoring", "Folder for the review sheets"), str(self._folder()))
        else:
            chosen = dialogs.save_file(self, QCoreApplication.translate("Scoring", "Export review sheet"), f"{FORMAT_LABELS[fmt]} (*.{fmt})",
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
            self.status.setText(QCoreApplication.translate("Scoring", "Choose where to save the export."))
            return None
        reviewer = self.reviewer.currentData() or None
        self.settings.setValue(DIR_KEY, str(Path(out) if self.per_report.isChecked() else Path(out).parent))
        scope = self.scope.currentData()
        ids = [self.current_id] if scope == "current" else (self.selected_ids if scope == "selected" else None)
        self.open_button.setVisible(False)
        self.folder_button.setVisible(False)
        self.task = workers.run_task(run_export, self.db_path, self.current_format(), out, reviewer,
                                     self.per_report.isChecked(), self.rubric_id, ids, scope == "submitted",
                                     name="export")
        self.task.progress.connect(self._on_progress)
        self.task.done.connect(self._on_done)
        self.task.failed.connect(self._on_failed)
        self.task.cancelled.connect(lambda: self.status.setText(QCoreApplication.translate("Scoring", "Export cancelled; nothing was written.")))
        self.task.finished.connect(self._on_finished)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(QCoreApplication.translate("Scoring", "Exporting…"))
        self.export_button.setEnabled(False)
        self.cancel_button.setText(QCoreApplication.translate("Scoring", "Cancel"))
        return self.task

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _on_done(self, result: ExportResult) -> None:
        where = str(result.paths[0]) if len(result.paths) == 1 else str(Path(self.path.text()))
        self.status.setText(QCoreApplication.translate("Scoring", "Exported %1 row(s) to %2").replace("%1", str(result.rows)).replace("%2", where))
        self.result = result
        self.open_button.setVisible(len(result.paths) == 1)  # offer to look at what was written
        self.folder_button.setVisible(bool(result.paths))
        self.exported.emit(result)

    def open_result(self) -> bool:
        """Open the exported file with the desktop's application for it."""
        if self.result is None or not self.result.paths:
            return False
        return dialogs.open_path(self.result.paths[0])

    def open_folder(self) -> bool:
        """Show the folder the export was written to."""
        if self.result is None or not self.result.paths:
            return False
        first = Path(self.result.paths[0])
        return dialogs.open_path(first if first.is_dir() else first.parent)

    def _on_failed(self, exc: object) -> None:
        self.status.setText(QCoreApplication.translate("Scoring", "Export failed: %1").replace("%1", str(exc)))
        # an expected failure (bad target, unknown reviewer) says what to do; only a bug needs its traceback
        details = "" if isinstance(exc, ReviewDeskError) or self.task is None else self.task.traceback
        dialogs.error(self, QCoreApplication.translate("Scoring", "Export failed"), str(exc), details)

    def _on_finished(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)
        self.cancel_button.setText(QCoreApplication.translate("Scoring", "Close"))

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
