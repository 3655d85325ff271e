"""Re-segment outdated documents when a database is opened: a worker with progress and cancel in the status bar.

Documents imported by an older segmenter version are re-segmented from their frozen text as an import is (texts
read and segmented a batch at a time, a batch stored per transaction), all of it in a child process with its own
connection, at a lower CPU priority: the threads of the GUI's process would hold the interpreter lock in turns with
the GUI thread (frames of 100-400 ms under load); the window's writes interleave between batches. While it runs the
change bus holds back its announcements of other connections' writes (every batch committed would make every view
re-read everything each second); when the run ends the change is announced once, so the corpus table and the open
report re-read their parts and metadata.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from desktop.core.changes import Changes
from desktop.core.progress import Progress
from desktop.core.storage.executor import DatabaseExecutor
from desktop.core.storage.resegment import count_outdated, resegment_in_child
from desktop.gui import workers
from desktop.gui.plain import PlainLabel

if TYPE_CHECKING:
    from desktop.gui.review_window import ReviewWindow


def resegment_database(path: Path, *, progress: Progress) -> int:
    """Re-segment every outdated document of the database at ``path`` in a child process (its own connection;
    the segmentation in its worker processes when more than two cores leave room for them), so that no thread of
    the GUI's process holds the interpreter lock the GUI thread needs; return how many were done."""
    return resegment_in_child(path, progress=progress, workers=max(1, (os.cpu_count() or 1) - 2))


class ResegmentController(QObject):
    """Starts the re-segmentation whenever the window opens a database; shows it in the status bar."""

    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: workers.Task | None = None
        self.widget: QWidget | None = None
        window.database_changed.connect(self.start)

    def start(self) -> workers.Task | None:
        """Cancel a run on the previous database and start one on the open database if it needs one."""
        self._stop()
        window = self.window
        if window.executor is None or window.reader is None or not count_outdated(window.reader):
            return None
        executor = window.executor
        task = workers.run_task(resegment_database, executor.path, name="re-segmentation")
        self.task = task
        window.changes.hold_outside()
        self.widget = QWidget(window)
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        label = PlainLabel(self.tr("Updating the parts of reports imported by an older version…"), self.widget)
        cancel = QPushButton(self.tr("Cancel"), self.widget)
        cancel.clicked.connect(task.cancel)
        layout.addWidget(label)
        layout.addWidget(cancel)
        window.statusBar().addWidget(self.widget)
        task.progress.connect(lambda done, total, _id: label.setText(
            self.tr("Updating the parts of reports imported by an older version: %1 of %2")
            .replace("%1", str(done)).replace("%2", str(total))))
        stored: list[int] = []
        task.done.connect(stored.append)
        task.finished.connect(lambda: self._finished(task, executor, sum(stored)))
        return task

    def _finished(self, task: workers.Task, executor: DatabaseExecutor, count: int) -> None:
        """Release the change bus (done, failed or cancelled): every view re-reads what it shows once — the corpus
        table, the open report, the aids — if this run stored anything or another program wrote meanwhile."""
        ours = count and self.window.executor is executor
        self.window.changes.release_outside(Changes.of("parts", "metadata") if ours else None)
        self._remove_widget(task)

    def _remove_widget(self, task: workers.Task) -> None:
        if task is not self.task:
            return
        if self.widget is not None:
            self.window.statusBar().removeWidget(self.widget)
            self.widget.deleteLater()
        self.widget, self.task = None, None

    def _stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
        if self.widget is not None:
            self.window.statusBar().removeWidget(self.widget)
            self.widget.deleteLater()
        self.widget, self.task = None, None
