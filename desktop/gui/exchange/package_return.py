"""File › 交回评阅包 (Return Package…) and the idle WAL checkpoint.

A reviewer's package must reach the lead whole. While the app is open, SQLite keeps recent writes in the
``-wal`` file beside the database; a copy of the ``.sqlite3`` alone would miss them. So the window empties the
``-wal`` a few seconds after the last change (:class:`IdleCheckpoint`) and on close (the executor does), and
Return Package… writes one consistent file through SQLite's backup API (``core/exchange/package.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction

from desktop.core.exchange.package import PackageError, ReturnResult, package_info, return_package
from desktop.gui import dialogs, i18n

if TYPE_CHECKING:
    from desktop.gui.review_window import ReviewWindow

IDLE_MS = 5_000


class IdleCheckpoint(QObject):
    """Checkpoints the window's database when no change was announced for ``IDLE_MS``."""

    def __init__(self, window: ReviewWindow, idle_ms: int = IDLE_MS) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_ms)
        self.timer.timeout.connect(self.checkpoint)
        self.last: bool | None = None   # the last checkpoint's outcome (tests read it)
        window.changes.changed.connect(lambda _changes: self.timer.start())

    def checkpoint(self) -> None:
        executor = self.window.executor
        if executor is None:
            return
        self.last = executor.checkpoint()
        if not self.last:
            self.timer.start()  # a reader was busy: try again after the next quiet spell


class PackageReturn(QObject):
    """File › 交回评阅包…: this package, with the work done in it, as one file to send to the lead."""

    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(self)
        self.action.setObjectName("returnPackage")
        self.action.triggered.connect(lambda: self.return_package())
        self.retranslate()
        window.add_import_action(self.action)
        window.database_changed.connect(self.update_action)
        i18n.follow_language(window, self, self.retranslate)
        self.update_action()

    def retranslate(self) -> None:
        self.action.setText(self.tr("Return Package…"))
        self.action.setToolTip(self.tr("Write this reviewer package, with every score and note in it, as one file "
                                       "to send to the panel lead"))

    def update_action(self) -> None:
        """Shown only while a reviewer package is open."""
        reader = self.window.reader
        self.action.setVisible(reader is not None and package_info(reader) is not None)

    def return_package(self, path: str | None = None) -> ReturnResult | None:
        executor, reader, db_path = self.window.executor, self.window.reader, self.window.db_path
        if executor is None or reader is None or db_path is None:
            return None
        info = package_info(reader)
        if info is None:
            dialogs.warning(self.window, self.tr("Return Package"),
                            self.tr("The open database is not a reviewer package."))
            return None
        if path is None:
            start = str(db_path.with_name(f"{db_path.stem}-交回.sqlite3"))
            path = dialogs.save_file(self.window, self.tr("Return Package"), dialogs.database_filter(), start)
            if not path:
                return None
        try:
            result: ReturnResult = executor.call(return_package, path)
        except (PackageError, OSError) as exc:
            dialogs.error(self.window, self.tr("Return Package"),
                          self.tr("The package was not written: %1").replace("%1", str(exc)))
            return None
        dialogs.info(self.window, self.tr("Return Package"),
                     self.tr("Written to %1: %2 review(s) started or submitted, %3 score(s), %4 annotation(s). "
                             "Send this file to the panel lead.")
                     .replace("%1", str(result.path)).replace("%2", str(result.reviews))
                     .replace("%3", str(result.scores)).replace("%4", str(result.annotations)))
        return result


def install_exchange(window: ReviewWindow) -> dict[str, QObject]:
    """Return Package… and Merge Conflicts… in the File menu, and the idle checkpoint."""
    from desktop.gui.exchange.conflicts_dialog import ConflictsAction

    return {"idle_checkpoint": IdleCheckpoint(window), "package_return": PackageReturn(window),
            "conflicts": ConflictsAction(window)}
