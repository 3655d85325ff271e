"""Re-import from the GUI: a changed version of the open report's file replaces its text, on a worker.

The core half is :mod:`desktop.core.ingest.reimport` (the new text stored, annotations and part corrections
re-anchored onto it, what cannot be placed kept as orphans). This is the window's half, beside the import
controller: File › Re-import Changed Version… asks for the file, reads it and re-anchors on a worker (a long pdf
takes seconds; the window stays responsive and the action is disabled until the task ends), announces what
changed on the window's change bus and says what happened to the annotations and corrections.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction

from desktop.core.changes import Changes
from desktop.core.errors import IngestError, ReviewDeskError
from desktop.core.ingest.reimport import ReimportReport, reimport_document
from desktop.core.progress import Progress
from desktop.core.storage.executor import DatabaseExecutor
from desktop.gui import dialogs, i18n, workers
from desktop.gui.review_window import ReviewWindow

log = logging.getLogger(__name__)
# The texts keep the catalog context "Annotations" they were translated under (the action began there).


def reimport_from_file(executor: DatabaseExecutor, document_id: str, path: str | Path, *,
                       progress: Progress) -> ReimportReport:
    """Read ``path`` and re-import it into the document (one transaction on the writer thread): runs on a worker.

    Returns the core's ReimportReport; raises IngestError (unreadable file) or ReviewDeskError (refused).
    """
    from desktop.core.ingest import read_report

    source = read_report(path)
    progress.check()
    return executor.call(reimport_document, document_id, source)


class ReimportController(QObject):
    """The Re-import Changed Version… action of a review window and the one task it runs at a time."""

    message = Signal(str)  # a short status message for the reviewer
    reimported = Signal(object)  # a ReimportReport, after a re-import stored and the views were refreshed

    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: workers.Task | None = None
        self.action = QAction(window)
        self.action.triggered.connect(self.reimport_current)
        i18n.follow_language(window, self, self.retranslate)
        self.retranslate()

    def reimport_current(self) -> None:
        """Replace the working report's text by a changed version of its file and re-attach its annotations."""
        view = self.window.working_view()
        record = view.current_document() if view is not None else None
        executor = self.window.executor
        if record is None or executor is None:
            self.message.emit(QCoreApplication.translate("Annotations", "Open the report to re-import first."))
            return
        if self.task is not None:
            return  # one at a time: the action is disabled meanwhile; a shortcut may still arrive
        path = dialogs.open_file(self.window, QCoreApplication.translate("Annotations", "Re-import changed version"), dialogs.report_filter())
        if not path:
            return
        log.info("re-import of %s from %s", record.id, path)
        task = workers.run_task(reimport_from_file, executor, record.id, path, name="re-import")
        self.task = task
        self.action.setEnabled(False)
        self.message.emit(QCoreApplication.translate("Annotations", "Re-importing %1…").replace("%1", path))
        task.done.connect(lambda report: self._done(record.id, report))
        task.failed.connect(lambda exc: self._failed(exc, task.traceback))
        task.finished.connect(self._finished)

    def _finished(self) -> None:
        self.task = None
        self.action.setEnabled(True)

    def _failed(self, exc: object, details: str) -> None:
        if isinstance(exc, IngestError | ReviewDeskError):
            log.warning("re-import refused: %s", exc)
            dialogs.warning(self.window, QCoreApplication.translate("Annotations", "Re-import failed"), str(exc))
        else:
            log.error("re-import failed\n%s", details)
            dialogs.error(self.window, QCoreApplication.translate("Annotations", "Re-import failed"),
                          QCoreApplication.translate("Annotations", "The report was not changed. The details below say what went wrong."), details)

    def _done(self, document_id: str, report: ReimportReport) -> None:
        if report.changed:
            self.window.undo_stack.clear()  # offsets of earlier steps refer to the old text
            # the window shows the new text (and the corpus its new metadata); the docks re-read their rows
            self.window.changes.announce(Changes.of("documents", "parts", "metadata", "annotations", "corrections",
                                                    document_ids=[document_id]))
        text = (QCoreApplication.translate("Annotations", "The text is unchanged; nothing was done.") if not report.changed else
                QCoreApplication.translate("Annotations", "%1 annotation(s) re-attached, %2 orphan(s) to place or delete.")
                .replace("%1", str(sum(n for m, n in report.methods.items() if m != "orphan")))
                .replace("%2", str(len(report.orphans))))
        if report.correction_orphans:  # kept, listed in the corrections bar under the report's header
            text += " " + QCoreApplication.translate("Annotations", "%1 correction(s) of parts could not be placed in the new text; they are listed "
                              "under the report's header.").replace("%1", str(len(report.correction_orphans)))
        self.reimported.emit(report)
        dialogs.info(self.window, QCoreApplication.translate("Annotations", "Re-import changed version"), text)

    def retranslate(self) -> None:
        self.action.setText(QCoreApplication.translate("Annotations", "Re-import Changed &Version…"))
        self.action.setToolTip(QCoreApplication.translate("Annotations", "Replace this report's text by a corrected file; annotations are "
                                   "re-attached, those not found are listed as orphans"))


def install_reimport(main_window: ReviewWindow) -> ReimportController:
    """Add Re-import Changed Version… to the File menu, after the import entries."""
    ctrl = ReimportController(main_window)
    main_window.add_import_action(ctrl.action)
    ctrl.message.connect(lambda text: main_window.statusBar().showMessage(text, 6000))
    return ctrl
