"""gui/i18n.follow_language: a feature's controller re-sets its texts on every language change of its window, and
stops when the controller is gone (the window outlives it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget

from desktop.gui.i18n import follow_language


def _language_change(widget: QWidget) -> None:
    QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))


def test_the_controller_retranslates_on_each_language_change_while_it_lives(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    owner = QObject(window)
    calls: list[str] = []
    follow_language(window, owner, lambda: calls.append("retranslated"))
    _language_change(window)
    _language_change(window)
    QCoreApplication.sendEvent(window, QEvent(QEvent.Type.FontChange))  # other events are not its business
    assert calls == ["retranslated", "retranslated"]
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    _language_change(window)  # the watch went with its owner: nothing is called on a controller that is gone
    assert calls == ["retranslated", "retranslated"]


def test_the_window_still_gets_the_event(qtbot):
    seen: list[QEvent.Type] = []

    class Window(QWidget):
        def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
            seen.append(event.type())
            super().changeEvent(event)

    window = Window()
    qtbot.addWidget(window)
    follow_language(window, QObject(window), lambda: None)
    _language_change(window)
    assert QEvent.Type.LanguageChange in seen
