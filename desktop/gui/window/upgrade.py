"""Open a database for the window, upgrading an older file off the GUI thread with progress and cancel.

Opening a file written by an earlier ReviewDesk backs it up and applies the pending migrations; some rebuild an
index over every report (minutes for a province's file). :func:`open_executor` runs that on a pool thread while a
window-modal progress dialog keeps the window drawn and offers Cancel, which rolls the upgrade back (the file stays
at its old schema, as the message says). A new or current file opens at once, as before.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.core.errors import Cancelled
from desktop.core.progress import Progress
from desktop.core.storage.database import pending_upgrade
from desktop.core.storage.executor import DatabaseExecutor
from desktop.gui.plain import PlainLabel
from desktop.gui.workers import run_task


def _open(path: Path, *, progress: Progress) -> DatabaseExecutor:
    return DatabaseExecutor(path, progress=progress)


def _step_text(what: str, done: int, total: int) -> str:
    if what == "backup":
        return QCoreApplication.translate("Upgrade", "Backing up the database before the upgrade…")
    return (QCoreApplication.translate("Upgrade", "Upgrading the database: step %1 of %2 (%3)…")
            .replace("%1", str(done)).replace("%2", str(total - 1)).replace("%3", what))


def open_executor(parent: QWidget, path: Path) -> DatabaseExecutor:
    """The write executor of ``path``; an older file is upgraded first with a progress dialog.

    Raises what opening raises (``DatabaseProblem`` …) and :class:`Cancelled` when the reviewer cancelled the
    upgrade (the file is unchanged).
    """
    pending = pending_upgrade(path)
    if not pending:
        return DatabaseExecutor(path)
    dialog = QProgressDialog(parent)
    dialog.setObjectName("upgradeProgress")
    dialog.setLabel(PlainLabel(dialog))  # the label shows the file's name: data, never markup
    dialog.setWindowTitle(QCoreApplication.translate("Upgrade", "Upgrading database"))
    dialog.setLabelText(QCoreApplication.translate("Upgrade", "%1 was written by an earlier ReviewDesk and is "
                                                   "being upgraded (a backup is made first).")
                        .replace("%1", path.name))
    dialog.setCancelButtonText(QCoreApplication.translate("Upgrade", "Cancel"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(0)
    dialog.setRange(0, len(pending) + 1)
    dialog.setValue(0)
    outcome: dict[str, object] = {}
    task = run_task(_open, path, name="upgrade database")
    loop = QEventLoop()

    def show_step(done: int, total: int, what: str) -> None:
        if not dialog.wasCanceled():  # "cancelling" stays up until the rollback ends
            dialog.setRange(0, total)
            dialog.setValue(done)
            dialog.setLabelText(_step_text(what, done, total))

    task.progress.connect(show_step)
    task.done.connect(lambda executor: outcome.__setitem__("executor", executor))
    task.failed.connect(lambda exc: outcome.__setitem__("error", exc))
    task.cancelled.connect(lambda: outcome.__setitem__("error", Cancelled(path.name)))
    task.finished.connect(loop.quit)
    dialog.canceled.connect(task.cancel)
    dialog.canceled.connect(lambda: dialog.setLabelText(
        QCoreApplication.translate("Upgrade", "Cancelling: the upgrade is being rolled back…")))
    dialog.show()
    # a nested loop (as QDialog.exec has): the window stays drawn while the modal dialog keeps it from being used
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    error, executor = outcome.get("error"), outcome.get("executor")
    if isinstance(error, BaseException):
        raise error
    assert isinstance(executor, DatabaseExecutor)
    return executor
