"""Import report files and folders from the GUI: off the GUI thread, with progress, cancel and a summary.

:func:`import_with_executor` is the work (plain Python, no Qt): files are read and segmented on the calling
worker thread (or in worker processes for large batches) and stored through the single writer thread
(DatabaseExecutor), one transaction per file, so the GUI thread only ever handles progress signals.
:class:`ImportController` starts it from the File menu or a drop, shows a progress bar with a cancel button
in the status bar, and ends with a summary listing every file: the report it became or repeats (agency, year),
or why it failed or was skipped; new reports without an agency can be opened in the verify queue at once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, QSettings, Signal
from PySide6.QtWidgets import QProgressBar, QStatusBar, QToolButton, QWidget

from desktop.core.changes import Changes
from desktop.core.ingest.importer import (
    DUPLICATE,
    FAILED,
    IMPORTED,
    SKIPPED,
    ImportOutcome,
    ImportReport,
    ImportSummary,
    summarize_import,
)
from desktop.core.progress import Progress
from desktop.core.storage.documents import DocumentSummary
from desktop.core.storage.executor import DatabaseExecutor
from desktop.gui import dialogs, palette, workers
from desktop.gui.changes import ChangeBus
from desktop.gui.plain import PlainLabel

LAST_DIR_KEY = "import/last_dir"
# Files stored per write transaction by a GUI import: the window's own writes (an annotation, a score) wait on the
# writer thread while a batch is stored, so batches stay small enough (~0.1 s) not to be felt.
GUI_BATCH_FILES = 64


def _translate_reason(template: str) -> str:
    """A core import reason template in the interface language (catalog context "Ingest")."""
    return QCoreApplication.translate("Ingest", template)


def gui_workers(file_count: int) -> int:
    """Reading processes for an import started from the GUI: as the core would, but leaving one CPU core free
    for the GUI thread (on two cores, preparing in the worker thread is both smoother and faster)."""
    from desktop.core.ingest.importer import default_workers

    return max(1, min(default_workers(file_count), (os.cpu_count() or 1) - 1))


def import_with_executor(executor: DatabaseExecutor, paths: Iterable[str | Path], *, progress: Progress,
                         workers: int | None = None) -> ImportReport:
    """Import files and folders, storing them through ``executor`` a batch (up to :data:`GUI_BATCH_FILES`) per
    transaction.

    Reading and segmenting happen here, or in ``workers`` processes (default: :func:`gui_workers`), never on
    the writer thread. Cancelling stops before the next batch and keeps (and reports) what was stored.
    """
    from desktop.core.ingest.importer import expand_paths, finish_import, run_import, store_batch

    paths = list(paths)
    if workers is None:
        workers = gui_workers(len(expand_paths(paths)))
    try:
        return run_import(paths, lambda batch: executor.call(store_batch, batch), progress, workers,
                          batch_files=GUI_BATCH_FILES)
    finally:
        executor.call(finish_import)


def import_and_summarize(executor: DatabaseExecutor, paths: Iterable[str | Path], *, progress: Progress,
                         workers: int | None = None) -> ImportSummary:
    """:func:`import_with_executor`, then the reports its outcomes name read through ``executor`` (for the
    summary dialog: which report each file became or repeats, which new reports have no agency)."""
    report = import_with_executor(executor, paths, progress=progress, workers=workers)
    return executor.call(summarize_import, report)


# The order the summary lists files in: what needs the reviewer first.
_SUMMARY_ORDER = {FAILED: 0, SKIPPED: 1, DUPLICATE: 2, IMPORTED: 3}


def report_label(summary: DocumentSummary) -> str:
    """A stored report as the summary names it: agency and year, saying so when either is unknown."""
    agency = summary.agency or QCoreApplication.translate("ImportController", "(no agency)")
    year = (QCoreApplication.translate("ImportController", "year %1").replace("%1", str(summary.year))
            if summary.year is not None else QCoreApplication.translate("ImportController", "(no year)"))
    return QCoreApplication.translate("ImportController", "%1, %2").replace("%1", agency).replace("%2", year)


def outcome_line(outcome: ImportOutcome, stored: DocumentSummary | None) -> str:
    """One file of the summary: its result, its path, and which report it became or repeats, or why not."""
    if outcome.status == IMPORTED and stored is not None:
        detail = QCoreApplication.translate("ImportController", "as %1").replace("%1", report_label(stored))
        if stored.missing:  # the required parts it lacks, by their names in the interface language
            parts = QCoreApplication.translate("ImportController", ", ").join(palette.kind_label(k)
                                                                               for k in stored.missing)
            detail += " — " + QCoreApplication.translate("ImportController", "missing: %1").replace("%1", parts)
    elif outcome.status == DUPLICATE and stored is not None:
        detail = (QCoreApplication.translate("ImportController", "same content as %1 (%2)")
                  .replace("%1", report_label(stored)).replace("%2", stored.name))
    else:
        detail = outcome.text(_translate_reason)
    line = f"{status_label(outcome.status)}  {outcome.path}"
    return f"{line}  →  {detail}" if detail else line


def paths_from_mime(mime: QMimeData) -> list[str]:
    """Local files and folders carried by a drag (other URLs are ignored)."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def status_label(status: str) -> str:
    labels = {
        IMPORTED: QCoreApplication.translate("ImportController", "imported"),
        DUPLICATE: QCoreApplication.translate("ImportController", "duplicate"),
        FAILED: QCoreApplication.translate("ImportController", "failed"),
        SKIPPED: QCoreApplication.translate("ImportController", "skipped"),
    }
    return labels.get(status, status)


class ImportController(QObject):
    """Runs imports one after another for a window, with progress and cancel in its status bar."""

    started = Signal()
    finished = Signal(object)        # the ImportReport

    def __init__(self, window: QWidget, status_bar: QStatusBar, settings: QSettings,
                 changes: ChangeBus | None = None) -> None:
        """``changes``: the window's change bus, told about the documents each import adds."""
        super().__init__(window)
        self._window = window
        self._changes = changes
        self._settings = settings
        self.executor: DatabaseExecutor | None = None
        self.workers: int | None = None  # processes that read and segment; None: gui_workers() decides
        self.task: workers.Task | None = None
        # opens the verify queue on these reports (set by the verify feature); None: the summary only says how many
        self.open_verify: Callable[[list[str]], object] | None = None
        self._queue: list[list[str]] = []
        self.label = PlainLabel(status_bar)
        self.progress_bar = QProgressBar(status_bar)
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setTextVisible(True)
        self.cancel_button = QToolButton(status_bar)
        self.cancel_button.clicked.connect(self.cancel)
        for widget in (self.label, self.progress_bar, self.cancel_button):
            status_bar.addPermanentWidget(widget)
            widget.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel import"))
        self.cancel_button.setToolTip(self.tr("Stop after the current file; what was imported is kept"))

    def set_executor(self, executor: DatabaseExecutor | None) -> None:
        """Store into this database from the next import on."""
        self.executor = executor

    @property
    def busy(self) -> bool:
        return self.task is not None

    # -- starting --------------------------------------------------------------------------------------
    def choose_files(self) -> None:
        """Ask for report files, then import them."""
        paths = dialogs.open_files(self._window, self.tr("Import reports"), dialogs.report_filter(),
                                   self._last_dir())
        if paths:
            self._remember_dir(Path(paths[0]).parent)
            self.import_paths(paths)

    def choose_folder(self) -> None:
        """Ask for a folder, then import every report in it (and its subfolders)."""
        folder = dialogs.choose_folder(self._window, self.tr("Import a folder of reports"), self._last_dir())
        if folder:
            self._remember_dir(Path(folder))
            self.import_paths([folder])

    def import_mime(self, mime: QMimeData) -> bool:
        """Import the local files and folders of a drop; False when it carries none."""
        paths = paths_from_mime(mime)
        if paths:
            self.import_paths(paths)
        return bool(paths)

    def import_paths(self, paths: list[str]) -> None:
        """Import files and folders now, or after the import that is running."""
        if not paths:
            return
        if self.executor is None:
            dialogs.warning(self._window, self.tr("No database"),
                            self.tr("Open or create a database first (File menu), then import."))
            return
        if self.busy:
            self._queue.append(list(paths))
            self.label.setText(self.tr("Importing… (%1 more queued)").replace("%1", str(len(self._queue))))
            return
        self._start(list(paths))

    def _start(self, paths: list[str]) -> None:
        self.label.setText(self.tr("Importing…"))
        self.progress_bar.setRange(0, 0)
        for widget in (self.label, self.progress_bar, self.cancel_button):
            widget.show()
        self.cancel_button.setEnabled(True)
        task = workers.run_task(import_and_summarize, self.executor, paths, name="import", workers=self.workers)
        task.progress.connect(self._on_progress)
        task.done.connect(self._on_done)
        task.failed.connect(self._on_failed)
        self.task = task
        self.started.emit()

    def cancel(self) -> None:
        """Stop the running import after its current file and drop queued ones."""
        self._queue.clear()
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Cancelling…"))

    # -- progress and results --------------------------------------------------------------------------
    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.progress_bar.setFormat(f"{done} / {total}")
        if message and self.cancel_button.isEnabled():
            self.label.setText(self.tr("Importing %1").replace("%1", Path(message).name))

    def _on_done(self, summary: ImportSummary) -> None:
        self._end()
        report = summary.report
        added = report.count(IMPORTED)
        if added:
            self._announce()
        self.finished.emit(report)
        self.show_summary(summary)
        self._next()

    def _on_failed(self, exc: object) -> None:
        self._end()
        dialogs.error(self._window, self.tr("Import stopped"),
                      self.tr("The import stopped because of an unexpected error: %1\n\nFiles imported before "
                              "the error are kept. Please report this problem.").replace("%1", str(exc)),
                      self.task.traceback if self.task else "")
        self._announce()  # files imported before the error are kept
        self._next()

    def _announce(self) -> None:
        if self._changes is not None:
            self._changes.announce(Changes.of("documents"))

    def _end(self) -> None:
        self.task = None
        for widget in (self.label, self.progress_bar, self.cancel_button):
            widget.hide()

    def _next(self) -> None:
        if self._queue and not self.busy:
            self._start(self._queue.pop(0))

    def summary_text(self, report: ImportReport) -> str:
        text = (self.tr("%1 imported, %2 duplicate, %3 failed, %4 skipped.")
                .replace("%1", str(report.count(IMPORTED))).replace("%2", str(report.count(DUPLICATE)))
                .replace("%3", str(report.count(FAILED))).replace("%4", str(report.count(SKIPPED))))
        if report.cancelled:
            text += " " + self.tr("The import was cancelled; the files after that point were not read.")
        if report.count(FAILED):
            text += " " + self.tr("Failed files were not changed; fix them as the reason says and import them "
                                  "again.")
        return text

    def show_summary(self, summary: ImportSummary) -> None:
        """The summary dialog: counts, then every file with its result (problems first), and when some new
        reports have no agency, a button that opens the verify queue on them."""
        report = summary.report
        ordered = sorted(report.outcomes, key=lambda o: _SUMMARY_ORDER.get(o.status, 0))
        lines = [outcome_line(o, summary.of(o)) for o in ordered]
        title = self.tr("Import cancelled") if report.cancelled else self.tr("Import finished")
        text, action = self.summary_text(report), ""
        missing = len(summary.without_agency)
        if missing:
            no_agency = self.tr("%1 reports have no agency").replace("%1", str(missing))
            if self.open_verify is not None:
                action = self.tr("%1 → verify").replace("%1", no_agency)
            else:
                text += " " + no_agency + "."
        if dialogs.show_report_list(self._window, title, text, lines, action) and action and self.open_verify:
            self.open_verify(list(summary.without_agency))

    # -- the folder remembered for the next file dialog ------------------------------------------------
    def _last_dir(self) -> str:
        return str(self._settings.value(LAST_DIR_KEY, "") or "")

    def _remember_dir(self, folder: Path) -> None:
        self._settings.setValue(LAST_DIR_KEY, str(folder))
