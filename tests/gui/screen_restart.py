"""One start of the app's main window on a screen given by the environment (run by test_small_screens in its own
process, since a screen's size and scale are fixed when Qt starts).

    python -m tests.gui.screen_restart SETTINGS DB save WIDTH HEIGHT X Y   # place the window, save, quit
    python -m tests.gui.screen_restart SETTINGS DB show                    # restore, show; print JSON, quit

The screen comes from QT_QPA_PLATFORM=offscreen:configfile=… and QT_SCALE_FACTOR.
"""

from __future__ import annotations

import json
import sys

import tests.conftest  # noqa: F401  (the bundled font only)


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.gui.app import install_extensions
    from desktop.gui.window.main_window import MainWindow

    settings_path, db_path, command, *rest = argv
    app = QApplication([])
    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    window = MainWindow(settings)
    install_extensions(window)
    window.restore_layout()
    if command == "save":
        width, height, x, y = (int(v) for v in rest)
        window.show()
        window.open_database(db_path)
        window.resize(width, height)
        window.move(x, y)
        app.processEvents()
        window.save_layout()
        window.close()
        return 0
    window.show()
    window.open_database(db_path)
    for _ in range(5):
        app.processEvents()
    frame, area = window.frameGeometry(), window.screen().availableGeometry()
    print(json.dumps({"frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                      "area": [area.x(), area.y(), area.width(), area.height()],
                      "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
                      "ratio": window.devicePixelRatioF(),
                      "reading": window.reading_mode()}))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
