"""The global exception handler: an error nobody caught is logged and shown, never lost on a stderr nobody sees.

:func:`install` replaces ``sys.excepthook`` (PySide6 hands exceptions raised in slots and event handlers to it)
and ``threading.excepthook`` (plain Python threads). Each exception is written with its traceback to the log file
(desktop/core/logs.py) and shown through :func:`desktop.gui.dialogs.crash`: what happened, that the work is saved,
where the log is, and the details with a Copy button. Exceptions from other threads are carried to the GUI thread
by a queued signal. A second error while the dialog is open is only logged (no pile of dialogs).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from desktop import __version__
from desktop.core import logs
from desktop.gui import dialogs

log = logging.getLogger("desktop.crash")


def describe(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The details to copy: version, platform, log file and the traceback."""
    import platform

    lines = [f"ReviewDesk {__version__}, Python {platform.python_version()}, {platform.platform()}",
             f"Log file: {logs.log_file()}", "",
             "".join(traceback.format_exception(exc_type, exc, tb)).rstrip()]
    return "\n".join(lines)


class CrashReporter(QObject):
    """Logs uncaught exceptions and shows them on the GUI thread; see the module docstring."""

    _report = Signal(str, str)  # summary, details: emitted from any thread, handled on the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.showing = False
        self.window: QWidget | None = None
        self.previous_hook = sys.excepthook
        self.previous_thread_hook = threading.excepthook
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        """``sys.excepthook``: log, then show (queued, so a hook called inside a paint or a slot returns at once)."""
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous_hook(exc_type, exc, tb)
            return
        details = describe(exc_type, exc, tb)
        log.error("uncaught exception\n%s", details)
        self._report.emit(f"{exc_type.__name__}: {exc}", details)

    def handle_thread(self, args: threading.ExceptHookArgs) -> None:
        """``threading.excepthook``: the same for exceptions that end a plain Python thread."""
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        if self.showing:
            return  # already telling the user; the second error is in the log
        self.showing = True
        try:
            # the error itself (Python's words, in English) heads the details, for whoever reads the report: the
            # sentence around it is in the interface language
            text = QCoreApplication.translate(
                "crash", "ReviewDesk met an unexpected error (the first line of the details below names it).\n\n"
                "Your reviews are safe: every edit was saved when you made it. If something looks wrong, restart "
                "ReviewDesk. To report the problem, copy the details below (they were also written to %1)."
            ).replace("%1", str(logs.log_file()))
            parent = self.window if self.window is not None else QApplication.activeWindow()
            dialogs.crash(parent, QCoreApplication.translate("crash", "Unexpected error"), text,
                          f"{summary}\n\n{details}")
        finally:
            self.showing = False


_reporter: CrashReporter | None = None


def install(window: QWidget | None = None) -> CrashReporter:
    """Install the handler (once per process) and start the log file; ``window`` parents the dialog."""
    global _reporter
    logs.setup_file_logging()
    if _reporter is None:
        _reporter = CrashReporter(QApplication.instance())
        sys.excepthook = _reporter.handle
        threading.excepthook = _reporter.handle_thread
    if window is not None:
        _reporter.window = window
    return _reporter


def uninstall() -> None:
    """Put the previous hooks back (tests)."""
    global _reporter
    if _reporter is not None:
        sys.excepthook = _reporter.previous_hook
        threading.excepthook = _reporter.previous_thread_hook
        _reporter.deleteLater()
        _reporter = None
