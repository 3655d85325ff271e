"""The settings dialog (per-user preferences kept in QSettings): the interface language and the report text size."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from desktop.gui import dialogs, i18n
from desktop.gui.plain import PlainLabel
from desktop.gui.reading.text_pane import DEFAULT_POINT_SIZE
from desktop.gui.window.text_size import SIZES, TEXT_SIZE_KEY, saved_text_size


class SettingsDialog(QDialog):
    """Edits the user's preferences; :meth:`apply` saves them and takes effect at once."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.language_label = PlainLabel(self)
        self.language_combo = QComboBox(self)
        self.note = PlainLabel(self)
        self.note.setWordWrap(True)
        self.size_label = PlainLabel(self)
        self.size_combo = QComboBox(self)
        self.size_combo.setObjectName("textSize")
        self.size_label.setBuddy(self.size_combo)
        form = QFormLayout()
        form.addRow(self.language_label, self.language_combo)
        form.addRow(self.size_label, self.size_combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.set_language_choice(i18n.saved_choice(settings))
        self.set_text_size(saved_text_size(settings))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_label.setText(self.tr("Interface language:"))
        current = self.language_choice()
        self.language_combo.clear()
        for choice in i18n.CHOICES:
            self.language_combo.addItem(i18n.choice_label(choice), choice)
        self.set_language_choice(current or i18n.AUTO)
        self.note.setText(self.tr("Automatic shows Chinese on a Chinese-language system and English otherwise."))
        self.size_label.setText(self.tr("Report text size:"))
        size = self.text_size()
        self.size_combo.clear()
        for points in SIZES:
            label = self.tr("%1 pt").replace("%1", f"{points:g}")
            if points == DEFAULT_POINT_SIZE:
                label = self.tr("%1 (default)").replace("%1", label)
            self.size_combo.addItem(label, points)
        self.size_combo.setToolTip(self.tr("Also in the View menu: Ctrl+= larger, Ctrl+- smaller, Ctrl+0 default"))
        self.set_text_size(size)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def language_choice(self) -> str:
        return self.language_combo.currentData() or ""

    def set_language_choice(self, choice: str) -> None:
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(choice)))

    def text_size(self) -> float:
        data = self.size_combo.currentData()
        return float(data) if data is not None else DEFAULT_POINT_SIZE

    def set_text_size(self, points: float) -> None:
        """Choose the offered size nearest to ``points``."""
        nearest = min(range(len(SIZES)), key=lambda i: abs(SIZES[i] - points))
        self.size_combo.setCurrentIndex(nearest)

    def apply(self) -> None:
        """Save the choices and switch the interface language now (the window applies the text size)."""
        self._settings.setValue(TEXT_SIZE_KEY, self.text_size())
        choice = self.language_choice() or i18n.AUTO
        self._settings.setValue(i18n.SETTINGS_KEY, choice)
        self._settings.sync()
        language = i18n.resolve(choice)
        if not i18n.set_language(language):
            dialogs.warning(self.parentWidget(), self.tr("Chinese interface not available"),
                            self.tr("The Chinese translation (%1) is missing and could not be compiled. Run the "
                                    "setup again (python3 -m desktop.bootstrap setup); the interface stays in "
                                    "English until then.").replace("%1", str(i18n.catalog_path(language))))

    def accept(self) -> None:
        self.apply()
        super().accept()
