"""The reviewer's view of corrections in a report view: a one-line bar and the metadata editor under the header.

:class:`CorrectionsBar` says who corrected what (“corrected by 王明: agency, leader duty”) and lists
corrections a re-import could not place; its button opens the editor. :class:`MetadataEditor` shows each
metadata field (title, agency, year, 文号, document date, publication date) with its effective value, the
automatic value and where it was found, a “corrected by” mark and a reset button. It only emits what the
reviewer did; the controller (desktop.gui.corrections.controller) makes the change.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from desktop.core.corrections.apply import CORRECTED, FIELDS
from desktop.core.corrections.records import CorrectedView
from desktop.gui import i18n, palette
from desktop.gui.corrections.store import field_label
from desktop.gui.plain import PlainLabel, plain_tip

MARK_COLOR = "#7a3db8"  # corrected values: a violet that none of the part tints uses


def corrected_by_text(name: str | None) -> str:
    """“corrected by 王明”, translated."""
    return QCoreApplication.translate("Corrections", "corrected by %1").replace("%1", name or "?")


def _shown(value: object) -> str:
    return "" if value is None else str(value)


class CorrectionsBar(QFrame):
    """One line under a report's header: who corrected what, unplaced corrections, and “Edit metadata…”."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self._compact = compact
        self.setObjectName("correctionsBar")
        self.setStyleSheet(f"QFrame#correctionsBar {{ border-top: 1px solid #e2d6f0; background: #faf7fd; }}"
                           f"QLabel#correctionsText {{ color: {MARK_COLOR}; }}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 1, 8, 1)
        self.text = PlainLabel(self)
        self.text.setObjectName("correctionsText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)  # a narrow pane wraps the line instead of widening the window
        self.edit_button = QToolButton(self)
        self.edit_button.setAutoRaise(True)
        self.edit_button.clicked.connect(self.edit_requested)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.edit_button)
        self._view: CorrectedView | None = None
        self._news = False
        self.retranslate()
        self.set_view(None)

    def retranslate(self) -> None:
        self.edit_button.setText(QCoreApplication.translate("Corrections", "※ Edit metadata…"))
        self.edit_button.setToolTip(QCoreApplication.translate("Corrections", "Correct the title, agency, year, document number or dates "
                                        "(right-click a part heading or a selection to correct parts)"))
        self.set_view(self._view)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_view(self, view: CorrectedView | None) -> None:
        self._view = view
        if view is None:
            self._news = False
            self.text.clear()
            self.setVisible(False)
            return
        eff = view.effective
        who: dict[str, list[str]] = {}
        for name, origin in eff.metadata_origin.items():
            if origin.origin == CORRECTED:
                who.setdefault(origin.corrected_by or "?", []).append(field_label(name))
        for section, origin in zip(eff.sections, eff.section_origins, strict=True):
            if origin.origin == CORRECTED:
                label = palette.kind_label(section.kind)
                names = who.setdefault(origin.corrected_by or "?", [])
                if label not in names:
                    names.append(label)
        pieces = [f"※ {html.escape(corrected_by_text(name))}: {html.escape('、'.join(what))}"
                  for name, what in who.items()]
        if view.unplaced:
            pieces.append('<span style="color:#8e1b1b">' + html.escape(
                QCoreApplication.translate("Corrections", "%1 correction(s) could not be placed in the changed text").replace("%1", str(len(view.unplaced))))
                + "</span>")
            self.text.setToolTip(plain_tip("\n".join(f"«{c.quote[:40]}» — {c.reviewer_name or '?'}"
                                                   for c in view.unplaced)))
        else:
            self.text.setToolTip("")
        detected = html.escape(QCoreApplication.translate("Corrections", "Parts and metadata as detected"))
        self.text.setText("&nbsp;&nbsp;·&nbsp;&nbsp;".join(pieces) if pieces else
                          f'<span style="color:#777">{detected}</span>')
        self._news = bool(pieces)
        # Side by side the header is kept to one line: the bar shows only when there is something to say.
        self.setVisible(bool(pieces) or not self._compact)

    def has_view(self) -> bool:
        return self._view is not None

    def has_news(self) -> bool:
        """True when the bar reports corrections or unplaced ones (not just “as detected”)."""
        return self._view is not None and self._news


class MetadataEditor(QFrame):
    """The metadata fields of one report, editable, each with its automatic value and a reset button."""

    field_edited = Signal(str, str, str)  # document id, field name, the value typed
    reset_requested = Signal(str)  # field name
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadataEditor")
        self.setStyleSheet("QFrame#metadataEditor { border: 1px solid #d5c6e8; border-radius: 3px; "
                           "background: #fcfaff; }")
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        self.labels: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        self.autos: dict[str, QLabel] = {}
        self.marks: dict[str, QLabel] = {}
        self.resets: dict[str, QToolButton] = {}
        self._values: dict[str, str] = {}
        for row, name in enumerate(FIELDS):
            label = PlainLabel(self)
            edit = QLineEdit(self)
            edit.setObjectName(f"edit_{name}")
            edit.setMinimumWidth(140 if name in ("title", "agency", "doc_number") else 90)
            edit.editingFinished.connect(lambda name=name: self._on_edited(name))
            auto = PlainLabel(self)
            auto.setStyleSheet("color: #666")
            auto.setWordWrap(True)  # a long automatic title wraps instead of squeezing the edit field
            auto.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            mark = PlainLabel(self)
            mark.setStyleSheet(f"color: {MARK_COLOR}; font-weight: 600")
            reset = QToolButton(self)
            reset.setObjectName(f"reset_{name}")
            reset.setAutoRaise(True)
            reset.clicked.connect(lambda _checked=False, name=name: self.reset_requested.emit(name))
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(mark, row, 2)
            grid.addWidget(reset, row, 3)
            grid.addWidget(auto, row, 4)
            self.labels[name], self.edits[name], self.autos[name] = label, edit, auto
            self.marks[name], self.resets[name] = mark, reset
        grid.setColumnStretch(1, 4)
        grid.setColumnStretch(4, 3)
        self.done = QPushButton(self)
        self.done.clicked.connect(self._close)
        grid.addWidget(self.done, len(FIELDS), 4, Qt.AlignmentFlag.AlignRight)
        self._view: CorrectedView | None = None
        self.retranslate()

    def retranslate(self) -> None:
        for name in FIELDS:
            self.labels[name].setText(field_label(name))
            self.resets[name].setText(QCoreApplication.translate("Corrections", "Reset to automatic"))
        self.edits["year"].setPlaceholderText("2024")
        for name in ("doc_date", "published_at"):
            self.edits[name].setPlaceholderText("2025-03-15")
        self.done.setText(QCoreApplication.translate("Corrections", "Done"))
        self.set_view(self._view)

    def set_view(self, view: CorrectedView | None) -> None:
        """Show a report's fields (None empties the editor). What was typed for the report shown before and not
        yet committed (no Enter, no Tab: the reader moved to the next report) is committed first, to that report."""
        if self._view is not None and (view is None or view.document_id != self._view.document_id):
            self.commit()
        self._view = view
        for name in FIELDS:
            edit = self.edits[name]
            if view is None:
                self._values[name] = ""
                edit.clear()
                continue
            origin = view.effective.metadata_origin[name]
            value = _shown(view.effective.metadata.get(name))
            self._values[name] = value
            if edit.text() != value:
                edit.setText(value)
                edit.setCursorPosition(0)  # a long title shows its beginning
            auto_value = _shown(view.auto.metadata.get(name)) or "—"
            source = i18n.core_text(view.auto.sources.get(name) or "") or \
                QCoreApplication.translate("Corrections", "not found in the text")
            self.autos[name].setText(QCoreApplication.translate("Corrections", "automatic: %1 (found in: %2)").replace("%1", auto_value)
                                     .replace("%2", source))
            corrected = origin.origin == CORRECTED
            self.marks[name].setText(f"※ {corrected_by_text(origin.corrected_by)}" if corrected else "")
            self.resets[name].setEnabled(corrected)
            font = edit.font()
            font.setBold(corrected)
            edit.setFont(font)

    def _on_edited(self, name: str) -> None:
        value = self.edits[name].text().strip()
        if self._view is not None and value != self._values.get(name, ""):
            self._values[name] = value  # editingFinished also fires on focus loss: send each change once
            self.field_edited.emit(self._view.document_id, name, value)

    def commit(self) -> None:
        """Send every field whose text differs from the stored value (leaving the report, closing, quitting)."""
        for name in FIELDS:
            self._on_edited(name)

    def first_field(self) -> QLineEdit:
        """The field the keyboard goes to when the editor opens (the title)."""
        return self.edits[FIELDS[0]]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape closes the editor, keeping what was typed in the field being edited (committed first)."""
        if event.key() == Qt.Key.Key_Escape:
            for name, edit in self.edits.items():
                if edit.hasFocus():
                    self._on_edited(name)
            self._close()
            event.accept()
            return
        super().keyPressEvent(event)

    def _close(self) -> None:
        self.setVisible(False)
        self.closed.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
