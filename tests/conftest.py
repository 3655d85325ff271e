"""Shared fixtures. Qt runs offscreen in every test; core tests never need a display.

Fonts: before Qt is imported, fontconfig is pointed at a configuration that lists only the bundled font
(resources/fonts/, WenQuanYi Micro Hei: Latin and Chinese). Layout, text widths and scroll ranges are then the same
on every machine, with or without Chinese or any other fonts installed.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FONTS = ROOT / "resources" / "fonts"


def _bundled_font_only() -> Path:
    """Write a fontconfig file that knows only the bundled font; its path (the cache is kept per user)."""
    folder = Path(tempfile.gettempdir()) / f"reviewdesk-test-fontconfig-{os.getuid() if hasattr(os, 'getuid') else 0}"
    folder.mkdir(parents=True, exist_ok=True)
    conf = folder / f"fonts-{hashlib.sha256(str(FONTS).encode()).hexdigest()[:12]}.conf"  # one per checkout
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{FONTS}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n"
    )
    if not conf.exists() or conf.read_text(encoding="utf-8") != text:
        tmp = conf.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(conf)  # atomic: parallel test runs never read half a file
    return conf


def _offscreen_screen() -> str:
    """The offscreen platform with one 1920x1200 screen (its default is 800x800, smaller than any office
    monitor: a window restored there would be cut to it). Tests of other screens start their own process."""
    conf = Path(tempfile.gettempdir()) / f"reviewdesk-test-screen-{os.getuid() if hasattr(os, 'getuid') else 0}.json"
    text = '{"screens": [{"name": "test", "x": 0, "y": 0, "width": 1920, "height": 1200, "logicalDpi": 96}]}'
    if not conf.exists() or conf.read_text(encoding="utf-8") != text:
        tmp = conf.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(conf)
    return f"offscreen:configfile={conf}"


# The bootstrap (.ci/run) sets plain "offscreen": it gets the same 1920x1200 screen as a bare pytest run; another
# platform chosen on purpose (xcb under xvfb) is left alone.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = _offscreen_screen()
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
os.environ["FONTCONFIG_FILE"] = str(_bundled_font_only())
# The log file (desktop/core/logs.py) of everything the tests run goes to a temporary folder, not the user's.
os.environ["REVIEWDESK_LOG_DIR"] = tempfile.mkdtemp(prefix="reviewdesk-test-logs-")


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def memory_db():
    """A fresh, migrated in-memory database, closed after the test."""
    from desktop.core.storage import open_database

    db = open_database(":memory:")
    yield db
    db.conn.close()


@pytest.fixture
def seeded_memory_db(memory_db):
    """memory_db with the five seed reports imported. A module's own setup on top of it (reviewers, scores) is a
    fixture with a name of its own saying what it holds: tests/test_suite_shape.py fails on a name defined twice."""
    from desktop.core.ingest.importer import import_paths

    import_paths(memory_db, [SEEDS])
    return memory_db


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "reviewdesk.sqlite3"


@pytest.fixture
def seeded_db_path(db_path) -> Path:
    """A database file holding the five seed reports."""
    from desktop.core.ingest.importer import import_paths
    from desktop.core.storage import open_database

    db = open_database(db_path)
    import_paths(db, [SEEDS])
    db.conn.close()
    return db_path


@pytest.fixture
def unprivileged_tmp():
    """A temporary folder an unprivileged user can reach (pytest's own tmp root is private to its owner)."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="reviewdesk-test-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o777 if path.is_dir() else 0o666)
    shutil.rmtree(folder, ignore_errors=True)
