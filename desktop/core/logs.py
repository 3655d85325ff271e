"""The log file: what import, merge, export and the migrations did, and every crash, for the user to send in.

A desktop app started from the menu has no visible stderr, so ReviewDesk writes ``reviewdesk.log`` under the user
log directory (platformdirs: ``~/.local/state/ReviewDesk/log`` on Linux), rotated at 1 MB with three old files
kept. ``REVIEWDESK_LOG_DIR`` chooses another folder (the tests use it). Modules log through
``logging.getLogger(__name__)``; everything under the ``desktop`` logger goes to the file. Nothing here ever
stops the app: a log folder that cannot be written just means no log file.
"""

from __future__ import annotations

import logging
import os
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

APP_NAME = "ReviewDesk"
FILE_NAME = "reviewdesk.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s] %(message)s"

_lock = threading.Lock()
_handler: RotatingFileHandler | None = None


def log_dir() -> Path:
    """The folder of the log file (``REVIEWDESK_LOG_DIR``, else the user log directory)."""
    chosen = os.environ.get("REVIEWDESK_LOG_DIR")
    if chosen:
        return Path(chosen)
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    """Where the log is (or would be) written."""
    return log_dir() / FILE_NAME


def setup_file_logging(level: int = logging.INFO) -> Path | None:
    """Send the ``desktop`` loggers to the log file (once per process and file); its path, or None when the
    folder cannot be written."""
    global _handler
    path = log_file()
    with _lock:
        logger = logging.getLogger("desktop")
        if _handler is not None:
            if Path(_handler.baseFilename) == path.absolute():
                return path
            logger.removeHandler(_handler)
            _handler.close()
            _handler = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8",
                                          errors="backslashreplace")  # file names in GBK bytes
        except OSError:  # read-only home, full disk: run without a log file
            return None
        handler.setFormatter(logging.Formatter(FORMAT))
        logger.addHandler(handler)
        if logger.level == logging.NOTSET or logger.level > level:
            logger.setLevel(level)
        _handler = handler
        return path


def stop_file_logging() -> None:
    """Detach and close the log file handler (tests; a process that changes REVIEWDESK_LOG_DIR)."""
    global _handler
    with _lock:
        if _handler is not None:
            logging.getLogger("desktop").removeHandler(_handler)
            _handler.close()
            _handler = None
