"""The panel dashboard (评审看板): the five charts of desktop.core.export.sheets.charts, each savable as a PNG.

The charts are drawn by the core (matplotlib, bundled CJK font), the same images the xlsx 图表 sheet holds; the
dialog shows them in tabs and saves the shown chart, or all of them into a folder. It re-reads when the window's
change bus announces a change of scores, reviews or reports (after a short pause, so a burst redraws once).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes
from desktop.core.export.sheets.charts import CHART_NAMES, CHART_TITLES, Dashboard, render
from desktop.core.export.sheets.dashboard import build_dashboard
from desktop.gui import dialogs
from desktop.gui.panel.store import AdjudicationStore
from desktop.gui.plain import PlainLabel


class DashboardDialog(QDialog):
    """The dashboard's charts in tabs, with Save PNG… and Save All…."""

    def __init__(self, store: AdjudicationStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("panelDashboard")
        self.resize(980, 720)
        self.dashboard: Dashboard | None = None
        self.images: dict[str, bytes] = {}
        self.labels: dict[str, QLabel] = {}
        self.tabs = QTabWidget(self)
        for name in CHART_NAMES:
            label = PlainLabel(self)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setObjectName(f"chart_{name}")
            scroll = QScrollArea(self)
            scroll.setWidget(label)
            scroll.setWidgetResizable(True)
            self.tabs.addTab(scroll, CHART_TITLES[name])
            self.labels[name] = label
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save_current)
        self.save_all_button = QPushButton(self)
        self.save_all_button.clicked.connect(self.save_all)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.save_all_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(800)
        self._timer.timeout.connect(self.refresh)
        store.changes.changed.connect(self._on_changes)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Panel", "Panel Dashboard"))
        self.save_button.setText(QCoreApplication.translate("Panel", "Save Chart as PNG…"))
        self.save_all_button.setText(QCoreApplication.translate("Panel", "Save All Charts…"))
        self.refresh_button.setText(QCoreApplication.translate("Panel", "Refresh"))

    def _on_changes(self, changes: Changes) -> None:
        if self.isVisible() and changes.any("scores", "reviews", "documents", "metadata", "corrections", "rubric", "parts"):
            self._timer.start()

    def refresh(self) -> None:
        """Re-read the numbers and redraw every chart."""
        if self.store.reader is None:
            return
        self.dashboard = build_dashboard(self.store.reader)
        dpi = max(72, int(96 * self.devicePixelRatioF()))
        for name in CHART_NAMES:
            png = render(self.dashboard, name, dpi=dpi)
            self.images[name] = png
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            self.labels[name].setPixmap(pixmap)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._timer.stop()
        super().closeEvent(event)

    def current_chart(self) -> str:
        return CHART_NAMES[self.tabs.currentIndex()]

    def save_current(self) -> Path | None:
        """Save the shown chart as a PNG (asks where); return the path written."""
        name = self.current_chart()
        target = dialogs.save_file(self, QCoreApplication.translate("Panel", "Save Chart as PNG"), QCoreApplication.translate("Panel", "PNG image (*.png)"), f"{name}.png")
        if not target:
            return None
        path = Path(target) if target.lower().endswith(".png") else Path(f"{target}.png")
        assert self.dashboard is not None
        path.write_bytes(render(self.dashboard, name, dpi=150))
        return path

    def save_all(self) -> list[Path]:
        """Save every chart as ``<name>.png`` in a folder (asks which); return the paths written."""
        folder = dialogs.choose_folder(self, QCoreApplication.translate("Panel", "Save All Charts"))
        if not folder or self.dashboard is None:
            return []
        paths = []
        for name in CHART_NAMES:
            path = Path(folder) / f"{name}.png"
            path.write_bytes(render(self.dashboard, name, dpi=150))
            paths.append(path)
        return paths
