"""The settings dialog (per-user preferences kept in QSettings): the interface language."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from desktop.gui import dialogs, i18n
from desktop.gui.plain import PlainLabel


class SettingsDialog(QDialog):
    """Edits the user's preferences; :meth:`apply` saves them and takes effect at once."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.language_label = PlainLabel(self)
        self.language_combo = QComboBox(self)
        self.note = PlainLabel(self)
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.language_label, self.language_combo)
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

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_label.setText(self.tr("Interface language:"))
        current = self.language_choice()
        self.language_combo.clear()
        for choice in i18n.CHOICES:
            self.language_combo.addItem(i18n.choice_label(choice), choice)
        self.set_language_choice(current or i18n.AUTO)
        self.note.setText(self.tr("Automatic shows Chinese on a Chinese-language system and English otherwise."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def language_choice(self) -> str:
        return self.language_combo.currentData() or ""

    def set_language_choice(self, choice: str) -> None:
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(choice)))

    def apply(self) -> None:
        """Save the choices and switch the interface language now."""
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
