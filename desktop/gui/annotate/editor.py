"""The annotation editor: tags, comment and rubric criterion for a selected passage, keyboard first.

It opens on the tag list: number keys 1–9 tick the tags shown with those numbers, Tab moves to the comment,
Ctrl+Enter saves and Esc cancels. :func:`ask_annotation` shows it modally and returns the reviewer's answer;
tests replace that function (or drive :class:`AnnotationEditor` directly with qtbot).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.review.annotations import Content
from desktop.core.review.codebook import Tag
from desktop.gui.annotate.models import TagModel
from desktop.gui.plain import PlainLabel

QUOTE_LIMIT = 240


def digit_row(event: QKeyEvent) -> int | None:
    """The tag row a key picks: 1–9 (main keys or keypad, no Ctrl/Alt) give rows 0–8."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
        return None
    if Qt.Key.Key_1.value <= event.key() <= Qt.Key.Key_9.value:
        return event.key() - Qt.Key.Key_1.value
    return None


def is_save_key(event: QKeyEvent) -> bool:
    """Ctrl+Enter (either Enter key)."""
    return (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))


class AnnotationEditor(QDialog):
    """Edit one annotation's tags, comment and criterion; :meth:`content` gives the result."""

    def __init__(self, quote: str, tags: list[Tag], initial: Content | None = None,
                 criteria: Sequence[tuple[str, str]] = (), parent: QWidget | None = None, *,
                 editing: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("annotationEditor")
        self.setWindowTitle(QCoreApplication.translate("Annotations", "Edit annotation") if editing else QCoreApplication.translate("Annotations", "Annotate passage"))
        shown = " ".join(quote.split())
        if len(shown) > QUOTE_LIMIT:
            shown = shown[:QUOTE_LIMIT - 1] + "…"
        self.quote = PlainLabel(f"“{shown}”", self)
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote.setStyleSheet("QLabel { background: palette(alternate-base); padding: 6px; }")

        self.tag_model = TagModel(self, numbered=True, counts=False, checkable=True)
        self.tag_model.set_tags(tags)
        self.tag_list = QListView(self)
        self.tag_list.setObjectName("tagList")
        self.tag_list.setModel(self.tag_model)
        self.tag_list.setMinimumHeight(min(10, max(len(tags), 3)) * 22)
        self.tag_list.installEventFilter(self)
        self.tag_list.activated.connect(lambda index: self.tag_model.toggle(index.row()))

        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("comment")
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(QCoreApplication.translate("Annotations", "Why this passage matters (optional)"))
        self.comment.setFixedHeight(80)

        self.criterion = QComboBox(self)
        self.criterion.setObjectName("criterion")
        self.criterion.addItem(QCoreApplication.translate("Annotations", "— none —"), None)
        for cid, label in criteria:
            self.criterion.addItem(label, cid)

        hint = PlainLabel(QCoreApplication.translate("Annotations", "Keys 1–9 tick tags · Tab: comment · Ctrl+Enter: save · Esc: cancel"), self)
        hint.setStyleSheet("color: palette(mid);")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # Ctrl+Enter saves from any field (key events are watched: a text field would take Enter itself).
        for widget in (self.tag_list, self.comment, self.criterion):
            widget.installEventFilter(self)

        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Annotations", "Tags"), self.tag_list)
        form.addRow(QCoreApplication.translate("Annotations", "Comment"), self.comment)
        criterion_label = PlainLabel(QCoreApplication.translate("Annotations", "Evidence for"), self)
        form.addRow(criterion_label, self.criterion)
        criterion_label.setVisible(bool(criteria))
        self.criterion.setVisible(bool(criteria))
        self.refusal = PlainLabel(self)  # why Save did nothing: an annotation needs a tag or a comment
        self.refusal.setObjectName("emptyRefusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #a61b1b")
        self.refusal.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addLayout(form)
        layout.addWidget(self.refusal)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.resize(520, 0)

        if initial is not None:
            self.tag_model.set_checked_ids(initial.tag_ids)
            self.comment.setPlainText(initial.comment)
            found = self.criterion.findData(initial.criterion_id)
            if initial.criterion_id is not None and found < 0:  # a criterion of another rubric: keep it
                self.criterion.addItem(initial.criterion_id, initial.criterion_id)
                found = self.criterion.count() - 1
            self.criterion.setCurrentIndex(max(found, 0))
        self.tag_list.setFocus()
        if self.tag_model.rowCount():
            self.tag_list.setCurrentIndex(self.tag_model.index(0))

    def accept(self) -> None:
        """Save, unless the annotation would say nothing (no tag, no comment): then say so and stay open."""
        content = self.content()
        if not content.tag_ids and not content.comment:
            self.refusal.setText(QCoreApplication.translate("Annotations", "Tick at least one tag (keys 1–9) or write a comment: an annotation with "
                                     "neither says nothing and is not saved."))
            self.refusal.show()
            self.tag_list.setFocus()
            return
        super().accept()

    def content(self) -> Content:
        """The tags, comment and criterion as the editor shows them now."""
        return Content(self.tag_model.checked_ids(), self.comment.toPlainText().strip(), self.criterion.currentData())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if is_save_key(event):
                self.accept()
                return True
            # Digits tick tags in the tag list (a list view would otherwise use them for keyboard search).
            row = digit_row(event) if watched is self.tag_list else None
            if row is not None:
                self.tag_model.toggle(row)
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_save_key(event):
            self.accept()
            return
        row = digit_row(event)
        if row is not None and not self.comment.hasFocus():
            self.tag_model.toggle(row)
            return
        super().keyPressEvent(event)


def ask_annotation(parent: QWidget | None, quote: str, tags: list[Tag], initial: Content | None = None,
                   criteria: Sequence[tuple[str, str]] = (), *, editing: bool = False) -> Content | None:
    """Show the editor modally; the reviewer's tags/comment/criterion, or None when cancelled."""
    editor = AnnotationEditor(quote, tags, initial, criteria, parent, editing=editing)
    try:
        return editor.content() if editor.exec() == QDialog.DialogCode.Accepted else None
    finally:
        editor.deleteLater()
