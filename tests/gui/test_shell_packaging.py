"""Packaging files: the desktop entry, AppStream data and icon agree with each other and with the app."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtGui import QIcon

from desktop.cli import build_parser
from desktop.gui.app import APP_ID
from desktop.gui.window.main_window import ICON_PATH

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_uses_the_reverse_dns_id_and_a_real_command():
    entry = _entry()
    assert APP_ID == "org.reviewdesk.ReviewDesk"
    assert entry["Type"] == "Application"
    assert entry["Icon"] == APP_ID
    assert entry["Name[zh_CN]"] == "报告评阅台"
    program, subcommand = entry["Exec"].split()
    assert program == "reviewdesk"
    assert build_parser().parse_args([subcommand]).command == "gui"


def test_metainfo_launches_the_desktop_entry():
    root = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"


def test_the_icon_is_an_svg_named_after_the_id_that_qt_can_draw(qapp):
    assert ICON_PATH == ROOT / "resources" / "icons" / f"{APP_ID}.svg"
    icon = QIcon(str(ICON_PATH))
    assert not icon.isNull()
    image = icon.pixmap(64, 64).toImage()
    assert image.width() == 64 and image.pixelColor(32, 32).alpha() > 0
