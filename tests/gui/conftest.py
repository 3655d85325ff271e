"""Fixtures shared by the GUI tests."""

from __future__ import annotations

import pytest

from tests.conftest import SEEDS

RECORDED_DIALOGS = ("info", "warning", "error", "show_table", "show_report_list")


@pytest.fixture(autouse=True)
def no_widgets_left_behind(qapp):
    """Close and delete every window a test leaves open (not only those given to qtbot.addWidget).

    A window left alive keeps receiving application-wide events in later tests (a language change re-reads its
    closed database, a palette change repaints it), so the outcome would depend on the order of the tests.
    """
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def no_dialogs(monkeypatch) -> list[tuple[str, tuple]]:
    """Record every message dialog (desktop.gui.dialogs) instead of showing it, as (kind, args)."""
    from desktop.gui import dialogs

    shown: list[tuple[str, tuple]] = []
    for name in RECORDED_DIALOGS:
        monkeypatch.setattr(dialogs, name, lambda *args, _n=name: shown.append((_n, args)))
    return shown


@pytest.fixture
def shown(no_dialogs) -> list[tuple[str, tuple]]:
    """The same recording under the name the import and scoring tests use."""
    return no_dialogs


@pytest.fixture(scope="module")
def records():
    """The five seed reports as stored (prefix "000".."004" -> DocumentRecord)."""
    from desktop.core.ingest.importer import import_paths
    from desktop.core.storage import open_database
    from desktop.core.storage.documents import get_document, list_documents

    db = open_database(":memory:")
    import_paths(db, [SEEDS])
    out = {d.name[:3]: get_document(db, d.id) for d in list_documents(db)}
    db.conn.close()
    return out


# The main window of the GUI tests, in one place (issue 21): a test module says what it needs with markers, e.g.
#   pytestmark = [pytest.mark.settings({"reviewer/name": "张三"}),
#                 pytest.mark.window(database="scored_corpus", features=("scoring",))]
# and asks for `window` (and `settings`, the same QSettings the window reads). A module's own setup of that
# window (a report opened, two reports side by side) is an autouse fixture of its own with a name of its own.

# The features a GUI test can install alone, each by the function the app calls (desktop.gui.app.install_extensions).
FEATURES = {
    "agencies": "desktop.gui.agencies.integration:install_agencies",
    "corrections": "desktop.gui.corrections.controller:install_corrections",
    "exchange": "desktop.gui.exchange.package_return:install_exchange",
    "panel": "desktop.gui.panel.integration:install_panel",
    "reimport": "desktop.gui.corpus.reimport:install_reimport",
    "resegment": "desktop.gui.corpus.resegment:ResegmentController",
    "scoring": "desktop.gui.scoring.integration:install_scoring",
    "summary": "desktop.gui.summary.integration:install_summary",
    "verify": "desktop.gui.verify.integration:install_verify",
}


def _install(w, name: str):
    """Install one feature on a bare window as the app does; returns its controller."""
    import importlib

    if name not in FEATURES:
        raise ValueError(f"no GUI test feature {name!r}; one of {sorted(FEATURES)}")
    module, _, function = FEATURES[name].partition(":")
    return getattr(importlib.import_module(module), function)(w)


@pytest.fixture
def settings(request, tmp_path):
    """This test's app settings in a fresh ini file (tmp_path/settings.ini, never the user's own): what a new user
    has, plus the values of the nearest ``@pytest.mark.settings({key: value})`` (the test's, else the module's)."""
    from PySide6.QtCore import QSettings

    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    marker = request.node.get_closest_marker("settings")
    for key, value in (marker.args[0] if marker else {}).items():
        s.setValue(key, value)
    yield s
    s.sync()


@pytest.fixture
def open_window(qtbot, tmp_path, no_dialogs):
    """Open a MainWindow: ``open_window(path, settings=None, features=(), shown=True, size=None, active=False,
    reviewer=None)``.

    ``path``: the database to open (None: none). ``settings``: the QSettings to read (None: a fresh ini file of
    its own, with ``reviewer`` as the reviewer's name). ``features``: "app" builds the window as the app does
    (every feature, the saved layout, at ``size`` (default 1600x1000), the first report open); else the names
    (FEATURES) of the features installed alone, their controllers in ``w.extensions``. ``shown``: shown and
    exposed; ``active``: also the active window. Every window opened is closed at the end of the test.
    """
    from PySide6.QtCore import QSettings, QSize

    from desktop.gui.window.main_window import MainWindow
    from tests.gui.windows import make_window

    opened = []

    def open_(path, settings=None, *, features=(), shown=True, size=None, active=False, reviewer=None):
        if settings is None:
            settings = QSettings(str(tmp_path / f"window-{len(opened)}.ini"), QSettings.Format.IniFormat)
        if reviewer is not None:
            settings.setValue("reviewer/name", reviewer)
        if features == "app":
            size = QSize(*size) if isinstance(size, tuple) else size or QSize(1600, 1000)
            w = make_window(qtbot, settings, path, size)
        else:
            w = MainWindow(settings)
            qtbot.addWidget(w)
            for name in features:
                w.extensions[name] = _install(w, name)
            if path is not None:
                assert w.open_database(path)
            if shown:
                w.show()
                qtbot.waitExposed(w)
        opened.append(w)
        if active:
            w.activateWindow()
            qtbot.waitUntil(w.isActiveWindow)
        return w

    yield open_
    for w in opened:
        w.close()


@pytest.fixture
def window(request, open_window, settings):
    """The main window the module's ``@pytest.mark.window(...)`` describes, reading ``settings``: ``database`` is
    the name of the fixture that makes its database (a path, or an object with ``.path``; default
    "seeded_db_path"; None: no database); the other arguments are open_window's."""
    marker = request.node.get_closest_marker("window")
    options = dict(marker.kwargs) if marker else {}
    database = options.pop("database", "seeded_db_path")
    value = request.getfixturevalue(database) if database else None
    return open_window(getattr(value, "path", value), settings, **options)


@pytest.fixture
def scored_corpus(tmp_path):
    """The scored corpus of tests/core/scoring/scoring_data.py (reviewers 张三 and 李四) in this test's folder."""
    from tests.core.scoring.scoring_data import build_scored_corpus

    return build_scored_corpus(tmp_path / "scored.sqlite3")


@pytest.fixture
def demo_panel(tmp_path):
    """The demo panel (tools/demo_panel.py: a finished review by several reviewers) in this test's folder."""
    from tools.demo_panel import build_demo_panel

    path = tmp_path / "panel.sqlite3"
    build_demo_panel(path)
    return path


@pytest.fixture
def seed_ids(seeded_db_path) -> dict[str, str]:
    """The seed reports' ids by their file's three-digit prefix ("000".."004")."""
    from desktop.core.storage import open_database

    db = open_database(seeded_db_path)
    try:
        return {r["name"][:3]: r["id"] for r in db.query("SELECT id, name FROM documents")}
    finally:
        db.conn.close()
