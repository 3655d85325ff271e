"""Anchor examples in the score form: with a criterion focused, F9 shows what this panel's submitted reviews
scored at each level of that criterion, with the passages they rested on, so reviewers calibrate without a meeting.

The focused criterion is found from the focus: a widget inside the score form's criterion row (object names
``scorePanel`` and ``criterion_<id>``, set by desktop.gui.scoring.score_form); nothing of the score form is
imported. The examples come from desktop.core.agencies.calibration; every text is shown as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop.core.agencies.calibration import LevelExamples, anchor_examples
from desktop.core.scoring.numbers import fmt
from desktop.core.scoring.rubric import active_rubric_readonly
from desktop.gui import dialogs
from desktop.gui.plain import plain_label, plain_tip
from desktop.gui.review_window import ReviewWindow

FORM, ROW = "scorePanel", "criterion_"


def focused_criterion(widget: QWidget | None) -> str:
    """The id of the score-form criterion a widget belongs to ('' when it is not in a criterion row)."""
    criterion = ""
    while widget is not None:
        name = widget.objectName()
        if not criterion and name.startswith(ROW):
            criterion = name[len(ROW):]
        if name == FORM:
            return criterion
        widget = widget.parentWidget()
    return ""


class AnchorDialog(QDialog):
    """The examples of one criterion, level by level (highest first)."""

    def __init__(self, title: str, levels: list[LevelExamples], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("anchorExamples")
        self.setWindowTitle(QCoreApplication.translate("Agencies", "Anchor examples: %1").replace("%1", title))
        self.caption = plain_label(self, QCoreApplication.translate("Agencies", "What this panel's submitted reviews scored at each level (Esc closes)."))
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([QCoreApplication.translate("Agencies", "Level / report"), QCoreApplication.translate("Agencies", "Score"), QCoreApplication.translate("Agencies", "Reviewer"), QCoreApplication.translate("Agencies", "Passages and note")])
        self.tree.setWordWrap(True)
        for lv in levels:
            label = (f"{fmt(lv.level.points)} · {lv.level.label}" if lv.level is not None else QCoreApplication.translate("Agencies", "below every level"))
            top = QTreeWidgetItem([label, "", "", QCoreApplication.translate("Agencies", "%1 example(s)").replace("%1", str(len(lv.examples)))
                                   if lv.examples else QCoreApplication.translate("Agencies", "no submitted review scored this level yet")])
            if lv.level is not None:
                top.setToolTip(0, plain_tip(lv.level.descriptor))
            for e in lv.examples:
                where = " ".join(x for x in (e.agency or "", str(e.year) if e.year is not None else "") if x)
                text = " / ".join(e.passages) if e.passages else ""
                if e.note:
                    text = (text + "  " if text else "") + QCoreApplication.translate("Agencies", "Note: %1").replace("%1", e.note)
                child = QTreeWidgetItem([where or e.document_name, fmt(e.value), e.reviewer, text or "—"])
                child.setToolTip(3, plain_tip(text))
                child.setData(0, Qt.ItemDataRole.UserRole, e.document_id)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        for column, width in enumerate((330, 60, 90)):
            self.tree.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.tree)
        self.resize(900, 560)


class Calibration(QObject):
    """Follows the focus in the score form and opens the anchor examples of the focused criterion on F9."""

    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.window = window
        self.criterion_id = ""
        self.dialog: AnchorDialog | None = None
        self.action = QAction(self)
        self.action.setShortcut(QKeySequence("F9"))
        self.action.triggered.connect(self.show_examples)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(QCoreApplication.translate("Agencies", "Anchor Examples of the Focused Criterion"))

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        found = focused_criterion(new)
        if found or (new is not None and new.window() is self.window):
            self.criterion_id = found  # focus elsewhere in the window: no criterion is focused any more

    def show_examples(self) -> AnchorDialog | None:
        w = self.window
        if w.reader is None:
            return None
        self.criterion_id = focused_criterion(QApplication.focusWidget()) or self.criterion_id  # focus may be
        # elsewhere now (a menu): the criterion focused last in the form still counts
        if not self.criterion_id:
            dialogs.info(w, QCoreApplication.translate("Agencies", "Anchor examples"),
                         QCoreApplication.translate("Agencies", "Focus a criterion in the score form (click its score box or Tab to it), then press F9."))
            return None
        rubric = active_rubric_readonly(w.reader)
        criterion = next((c for c in rubric.criteria if c.id == self.criterion_id), None)
        if criterion is None:
            return None
        levels = anchor_examples(w.reader, rubric.id, criterion, exclude_document=w.working_document_id() or None)
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = AnchorDialog(criterion.title, levels, w)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog
