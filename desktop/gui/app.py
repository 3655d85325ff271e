"""Start the ReviewDesk desktop application.

``run_app(db_path)`` (used by ``reviewdesk`` / ``python -m desktop``) creates the QApplication, installs the
interface language, shows the main window on ``db_path`` (else the last database used, else the default one),
checks for a Chinese font and, on the first start of an empty database, imports the demo reports on a worker.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.gui import i18n
from desktop.gui.window import crash, fonts
from desktop.gui.window.main_window import LAST_KEY, MainWindow

APP_ID = "org.reviewdesk.ReviewDesk"
log = logging.getLogger(__name__)


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once with the names QSettings and the desktop use."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("ReviewDesk")
    app.setOrganizationName("ReviewDesk")
    app.setOrganizationDomain("reviewdesk.org")
    app.setApplicationDisplayName("ReviewDesk 报告评阅台")
    app.setDesktopFileName(APP_ID)
    if not fonts.has_cjk_font():
        # Before any widget exists: a label laid out before the bundled font is registered keeps drawing boxes.
        fonts.load_bundled_font()
    return app


def start_database(settings: QSettings, db_path: Path | None) -> Path:
    """The database to open: the one asked for, else the last one used (if it still exists), else the default."""
    if db_path is not None:
        return Path(db_path)
    last = settings.value(LAST_KEY)
    if last and Path(str(last)).exists():
        return Path(str(last))
    from desktop.core.storage import default_db_path

    return default_db_path()


def install_extensions(window: MainWindow) -> None:
    """Add the parts of the app built on the main window's extension points (docks, menus, export)."""
    from desktop.gui.annotate.integration import install_annotations
    from desktop.gui.corrections.controller import install_corrections
    from desktop.gui.panel.integration import install_panel
    from desktop.gui.scoring.integration import install_scoring
    from desktop.gui.summary.integration import install_summary

    # The features never call each other: each listens to the window's change bus (window.changes).
    window.extensions["annotations"] = install_annotations(window)
    window.extensions["scoring"] = install_scoring(window)
    window.extensions["corrections"] = install_corrections(window)
    window.extensions["panel"] = install_panel(window)
    window.extensions["summary"] = install_summary(window)
    from desktop.gui.exchange.package_return import install_exchange

    window.extensions["exchange"] = install_exchange(window)
    from desktop.gui.verify.integration import install_verify

    window.extensions["verify"] = install_verify(window)
    from desktop.gui.agencies.integration import install_agencies

    window.extensions["agencies"] = install_agencies(window)  # agencies over the years, shared text, anchors
    from desktop.gui.corpus.resegment import ResegmentController

    window.extensions["resegment"] = ResegmentController(window)  # outdated parts re-segmented on opening
    from desktop.gui.corpus.reimport import install_reimport

    window.extensions["reimport"] = install_reimport(window)  # a changed version of a report's file, beside import


def create_main_window(db_path: Path | None = None, settings: QSettings | None = None, *,
                       check_fonts: bool = True, seed: bool = True) -> MainWindow:
    """Build, show and load the main window (the QApplication must exist)."""
    settings = settings if settings is not None else QSettings()
    i18n.apply_saved_language(settings)
    window = MainWindow(settings)
    install_extensions(window)
    window.restore_layout()  # once every dock is there: restoring earlier would lose the docks' places
    window.show()
    if window.open_database(start_database(settings, db_path)) and seed:
        window.seed_demo_corpus()
    if check_fonts:
        # After the window is on screen, so the warning has a parent to sit on.
        QTimer.singleShot(0, lambda: fonts.check_fonts(window))
    return window


def run_app(db_path: Path | None = None) -> int:
    """Run the application until the main window closes; return the exit code.

    Uncaught errors are logged to the log file and shown in a dialog (desktop/gui/window/crash.py) from the start.
    """
    app = application()
    reporter = crash.install()
    log.info("ReviewDesk %s starting (database %s)", __version__, db_path or "last used/default")
    window = create_main_window(db_path)
    reporter.window = window
    code = app.exec()
    log.info("ReviewDesk closed (exit code %s)", code)
    del window
    return code
