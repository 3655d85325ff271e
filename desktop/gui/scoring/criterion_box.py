"""One criterion's row of the score form (:class:`CriterionBox`) and the small widgets it is made of.

The row (HotCRP-like): the title, one button per level 0…max (its descriptor on hover), a score box limited to the
criterion's range and step (:class:`ScoreSpin`: "—" when not scored; a digit typed there chooses that level, a value
out of range is answered on the spot, Space opens the details), the chosen level's descriptor and, for objective
criteria, the suggestion with an Accept button. Its details (› or Space) hold every level descriptor (click one to
choose it), the suggestion's basis, a note and the annotations linked as evidence (click one to jump to it; × unlinks
it); N/A marks it not applicable where the rubric allows. The row only shows and signals: the form
(:mod:`desktop.gui.scoring.score_form`) stores every change.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFontMetrics, QKeyEvent, QResizeEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QBoxLayout,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.review.annotations import Annotation
from desktop.core.scoring.numbers import fmt
from desktop.core.scoring.rubric import Criterion
from desktop.core.scoring.scores import (
    ScoreEntry,
)
from desktop.core.scoring.suggestions import Suggestion
from desktop.gui import i18n
from desktop.gui.plain import PlainLabel, plain_tip


def _num(value: float | None) -> str:
    return fmt(value, blank="—")


def short(text: str, limit: int = 18) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class ElidedLabel(PlainLabel):
    """A one-line label that elides its text to the width it gets (the full text is its tooltip)."""

    def __init__(self, parent: QWidget | None = None, mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(parent)
        self._full = ""
        self._mode = mode
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)

    def set_full_text(self, text: str, tooltip: str | None = None) -> None:
        self._full = text
        self.setToolTip(plain_tip(tooltip if tooltip is not None else text))
        self._elide()

    def full_text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(min(super().sizeHint().width(), 200), super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self._full, self._mode, max(self.width(), 20)))


class ScoreSpin(QDoubleSpinBox):
    """The score of a focused criterion: a digit key chooses that level at once; a value out of range is answered
    (``out_of_range``) instead of being swallowed; Space opens or closes the criterion's details."""

    out_of_range = Signal(str)   # what was typed
    toggle_details = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            self.toggle_details.emit()
            return
        if text.isdigit() and len(text) == 1 and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            line = self.lineEdit()
            whole = line.hasSelectedText() and line.selectedText() == line.text()
            typed = line.text()[:line.cursorPosition()] + text + line.text()[line.cursorPosition():]
            try:
                fits = 0 <= float(typed) <= self.maximum()
            except ValueError:
                fits = False
            if whole or self.value() < 0 or not fits:  # a fresh choice, not the next digit of a number
                value = float(text)
                if value > self.maximum():
                    self.out_of_range.emit(text if whole or self.value() < 0 else typed)
                    line.selectAll()
                    return
                self.setValue(value)
                line.setText(f"{value:g}")
                line.end(False)  # typing on ("3" "." "5") makes 3.5
                return
        super().keyPressEvent(event)

    def validate(self, text: str, pos: int) -> Any:  # PySide6 returns a (state, text, pos) tuple here
        state = super().validate(text, pos)
        if state[0] == QValidator.State.Invalid:
            typed = text.strip().replace(",", ".")
            try:
                number = float(typed)
            except ValueError:
                number = None
            if number is not None and not self.minimum() <= number <= self.maximum():
                self.out_of_range.emit(typed)
        return state

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        QTimer.singleShot(0, self.lineEdit().selectAll)  # digits typed next choose a level


class CriterionBox(QFrame):
    """One criterion as one row (HotCRP-like): title, level buttons 0…max, the score box; below it the chosen
    level's descriptor and a suggestion to accept; the details (all descriptors, note, evidence) open with › or
    Space. It only emits what the reviewer did, the panel does the rest."""

    value_edited = Signal(str, object)      # criterion id, float or None
    accept_clicked = Signal(str)            # criterion id
    note_edited = Signal(str, str)          # criterion id, text
    evidence_menu_requested = Signal(str, object)  # criterion id, the QMenu to fill
    link_activated = Signal(str, str)       # criterion id, "go:ID" / "rm:ID"
    refused = Signal(str)                   # why a typed value was not taken
    na_requested = Signal(str, bool)        # criterion id, mark (True) or unmark not applicable

    def __init__(self, criterion: Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        c = criterion
        self.setObjectName(f"criterion_{c.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.expand_button = QToolButton(self)
        self.expand_button.setObjectName(f"details_{c.id}")
        self.expand_button.setAutoRaise(True)
        self.expand_button.setCheckable(True)
        self.expand_button.setArrowType(Qt.ArrowType.RightArrow)
        self.expand_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space in the score box does the same
        self.expand_button.toggled.connect(self.set_expanded)
        self.title_label = ElidedLabel(self)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.level_buttons: dict[float, QToolButton] = {}
        buttons = QHBoxLayout()
        buttons.setSpacing(1)
        for level in sorted(c.levels, key=lambda lv: lv.points):
            button = QToolButton(self)
            button.setObjectName(f"level_{c.id}_{level.points:g}")
            button.setText(f"{level.points:g}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard uses the digits in the score box
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("00") + 6)
            button.setStyleSheet("QToolButton { padding: 1px 0px; }"
                                 "QToolButton:checked { background: #2f74c0; color: white; font-weight: bold; }")
            button.clicked.connect(lambda _checked=False, v=level.points: self._choose(v))
            buttons.addWidget(button)
            self.level_buttons[level.points] = button
        self.spin = ScoreSpin(self)
        self.spin.setObjectName(f"score_{c.id}")
        self.spin.setDecimals(0 if float(c.step).is_integer() else 1)
        self.spin.setSingleStep(c.step)
        self.spin.setRange(-c.step, c.max_points)  # the minimum shows "—": not scored
        self.spin.setSpecialValueText("—")
        self.spin.setKeyboardTracking(False)  # a typed value counts when confirmed, not at every digit
        self.spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.spin.setFixedWidth(self.spin.fontMetrics().horizontalAdvance("0.5") + 14)
        self.spin.setValue(-c.step)
        self.spin.valueChanged.connect(self._on_spin)
        self.spin.out_of_range.connect(self._on_out_of_range)
        self.spin.toggle_details.connect(self.expand_button.toggle)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.setAutoRaise(True)
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Delete/Backspace in the score box clears
        self.clear_button.clicked.connect(lambda: self.value_edited.emit(c.id, None))
        self.na_button = QToolButton(self)  # only where the rubric allows "not applicable" (allow_na)
        self.na_button.setObjectName(f"na_{c.id}")
        self.na_button.setCheckable(True)
        self.na_button.setAutoRaise(True)
        self.na_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.na_button.clicked.connect(lambda checked: self.na_requested.emit(c.id, checked))
        self.na_button.setVisible(c.allow_na)
        self.current_level = ElidedLabel(self)  # the chosen level's descriptor, one line
        self.current_level.setObjectName(f"currentLevel_{c.id}")
        self.current_level.setStyleSheet("color: #555")
        self.warning = PlainLabel(self)  # a refused typed value, answered on the spot
        self.warning.setObjectName(f"warning_{c.id}")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a61b1b")
        self.warning.hide()
        self.max_label = PlainLabel(self)
        self.max_label.setStyleSheet("color: #555")
        self.subtitle = PlainLabel(self)  # the English title and the description
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet("color: #555")
        self.levels = PlainLabel(self)
        self.levels.setWordWrap(True)
        self.levels.setTextFormat(Qt.TextFormat.RichText)
        self.levels.linkActivated.connect(self._on_level_link)
        self.suggestion = PlainLabel(self)
        self.suggestion.setWordWrap(True)
        self.accept_button = QToolButton(self)
        self.accept_button.setObjectName(f"accept_{c.id}")
        self.accept_button.clicked.connect(lambda: self.accept_clicked.emit(c.id))
        self.note = QLineEdit(self)
        self.note.setObjectName(f"note_{c.id}")
        self.note.textEdited.connect(lambda text: self.note_edited.emit(c.id, text))
        self.evidence = PlainLabel(self)
        self.evidence.setWordWrap(True)
        self.evidence.setTextFormat(Qt.TextFormat.RichText)
        self.evidence.linkActivated.connect(lambda link: self.link_activated.emit(c.id, link))
        self.add_evidence = QToolButton(self)
        self.add_evidence.setObjectName(f"evidence_{c.id}")
        self.add_evidence.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.evidence_menu = QMenu(self.add_evidence)
        self.add_evidence.setMenu(self.evidence_menu)
        self.evidence_menu.aboutToShow.connect(lambda: self.evidence_menu_requested.emit(c.id, self.evidence_menu))

        # The title and the controls share one row while the title fits beside them; in a narrow dock the title
        # gets a line of its own above them (whole, not "举措具体、…"): see _fit_head.
        title_row = QHBoxLayout()
        title_row.setSpacing(1)
        title_row.addWidget(self.expand_button)
        title_row.addWidget(self.title_label, 1)
        self.controls = QHBoxLayout()
        self.controls.setSpacing(1)
        self.controls.addLayout(buttons)
        self.controls.addSpacing(4)
        self.controls.addWidget(self.spin)
        self.controls.addWidget(self.clear_button)
        self.controls.addWidget(self.na_button)
        top = self.head = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.setSpacing(1)
        top.addLayout(title_row, 1)
        top.addLayout(self.controls)
        second = QHBoxLayout()
        second.setContentsMargins(16, 0, 0, 0)
        second.addWidget(self.current_level, 1)
        second.addWidget(self.accept_button)
        self.details = QWidget(self)
        self.details.setObjectName(f"detailsBox_{c.id}")
        evidence_row = QHBoxLayout()
        evidence_row.addWidget(self.evidence, 1)
        evidence_row.addWidget(self.add_evidence, 0, Qt.AlignmentFlag.AlignTop)
        details = QVBoxLayout(self.details)
        details.setContentsMargins(16, 0, 0, 2)
        details.setSpacing(3)
        details.addWidget(self.subtitle)
        details.addWidget(self.max_label)
        details.addWidget(self.levels)
        details.addWidget(self.suggestion)
        details.addWidget(self.note)
        details.addLayout(evidence_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(1)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.warning)
        layout.addWidget(self.details)
        self.details.hide()
        self.setFocusProxy(self.spin)
        self.suggestion.setVisible(c.suggest is not None)
        self.accept_button.setVisible(False)
        self._suggestion: Suggestion | None = None
        self._entry: ScoreEntry | None = None
        self._warning_timer = QTimer(self)
        self._warning_timer.setSingleShot(True)
        self._warning_timer.setInterval(6000)
        self._warning_timer.timeout.connect(self.warning.hide)
        self.retranslate()

    def title_on_its_own_line(self) -> bool:
        return self.head.direction() == QBoxLayout.Direction.TopToBottom

    def _fit_head(self) -> None:
        """Title beside the controls when it fits whole there, else on its own line above them."""
        title = QFontMetrics(self.title_label.font()).horizontalAdvance(self.title_label.full_text())
        margins = self.contentsMargins().left() + self.contentsMargins().right() + 8
        room = self.width() - margins - self.expand_button.sizeHint().width() - self.controls.sizeHint().width()
        wanted = (QBoxLayout.Direction.LeftToRight if title <= room else QBoxLayout.Direction.TopToBottom)
        if self.head.direction() != wanted:
            below = wanted == QBoxLayout.Direction.TopToBottom
            self.head.setDirection(wanted)
            self.controls.setContentsMargins(16 if below else 0, 0, 0, 0)
            # below the title the controls keep together on the left instead of spreading over the row
            self.head.setAlignment(self.controls, Qt.AlignmentFlag.AlignLeft if below else Qt.AlignmentFlag(0))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_head()

    def retranslate(self) -> None:
        c = self.criterion
        english = i18n.current_language() == i18n.ENGLISH  # the rubric's English texts only in the English interface
        if english:
            self.title_label.set_full_text(c.title, f"{c.title} — {c.title_en}\n\n{c.description}\n\n"
                                                    f"{c.description_en}".strip())
        else:
            self.title_label.set_full_text(c.title, f"{c.title}\n\n{c.description}".strip())
        self._fit_head()
        self.subtitle.setText(f"{c.title_en}. {c.description_en}" if english and c.title_en else c.description)
        self.max_label.setText(QCoreApplication.translate("Scoring", "of %1 · weight %2").replace("%1", f"{c.max_points:g}")
                               .replace("%2", f"{c.weight:g}"))
        for level in c.levels:
            button = self.level_buttons.get(level.points)
            if button is not None:
                button.setToolTip(plain_tip(f"{level.points:g} {level.label} — {level.descriptor}"
                                  + (f"\n{level.label_en}: {level.descriptor_en}" if english and level.descriptor_en else "")))
        self.spin.setToolTip(plain_tip(QCoreApplication.translate("Scoring", "Score %1 (0–%2): type a digit to choose a level, Space for the details")
                                       .replace("%1", c.title).replace("%2", f"{c.max_points:g}")))
        self.expand_button.setToolTip(QCoreApplication.translate("Scoring", "Show the level descriptors, the note and the evidence (Space)"))
        self.clear_button.setToolTip(QCoreApplication.translate("Scoring", "Clear this score"))
        self.na_button.setText(QCoreApplication.translate("Scoring", "N/A"))
        self.na_button.setToolTip(QCoreApplication.translate("Scoring", "Mark this criterion not applicable to the report (with a reason)"))
        self.accept_button.setText(QCoreApplication.translate("Scoring", "Accept"))
        self.note.setPlaceholderText(QCoreApplication.translate("Scoring", "Note on this score…"))
        self.add_evidence.setText(QCoreApplication.translate("Scoring", "+ Evidence"))
        self.add_evidence.setToolTip(QCoreApplication.translate("Scoring", "Link an annotation of this report as evidence for the score"))
        if self._entry is not None or self._suggestion is not None:
            self._show_current(self._entry.value if self._entry else None)

    def set_expanded(self, expanded: bool) -> None:
        """Show or hide the details (all level descriptors, suggestion basis, note, evidence)."""
        self.details.setVisible(expanded)
        self.expand_button.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        if self.expand_button.isChecked() != expanded:
            with QSignalBlocker(self.expand_button):
                self.expand_button.setChecked(expanded)

    def expanded(self) -> bool:
        return not self.details.isHidden()

    def _choose(self, points: float) -> None:
        self.warning.hide()
        self.value_edited.emit(self.criterion.id, points)

    def _on_level_link(self, link: str) -> None:
        if link.startswith("lv:"):
            self._choose(float(link[3:]))

    def _on_out_of_range(self, typed: str) -> None:
        c = self.criterion
        text = QCoreApplication.translate("Scoring", "%1 is not a score of “%2”: choose 0–%3 (steps of %4). Nothing was changed.") \
            .replace("%1", typed).replace("%2", c.title).replace("%3", f"{c.max_points:g}").replace("%4", f"{c.step:g}")
        self.warning.setText(text)
        self.warning.show()
        self._warning_timer.start()
        self.refused.emit(text)

    def _on_spin(self, value: float) -> None:
        c = self.criterion
        self.warning.hide()
        if value < 0:
            self.value_edited.emit(c.id, None)
            return
        snapped = round(round(value / c.step) * c.step, 6)  # typed 3.3 on a 0.5 step counts as 3.5
        self.value_edited.emit(c.id, min(snapped, c.max_points))

    def show_state(self, entry: ScoreEntry | None, suggestion: Suggestion | None,
                   annotations: dict[str, Annotation]) -> None:
        """Show a stored score (None: nothing stored) without emitting anything."""
        c = self.criterion
        self._entry = entry
        value = entry.value if entry else None
        with QSignalBlocker(self.spin):
            self.spin.setValue(-c.step if value is None else value)
        if self.spin.hasFocus():
            self.spin.lineEdit().selectAll()
        self.clear_button.setEnabled(value is not None)
        with QSignalBlocker(self.na_button):
            self.na_button.setChecked(bool(entry and entry.not_applicable))
        current = c.level_for(value)
        for points, button in self.level_buttons.items():
            button.setChecked(value is not None and points == value)
        lines = []
        for level in c.levels:
            text = (f"<a href='lv:{level.points:g}' style='text-decoration:none'><b>{level.points:g}</b> "
                    f"{escape(level.label)}</a> — {escape(level.descriptor)}")
            if current is not None and level.points == current.points:
                text = f"<span style='background:#fff1b8'>▶ {text}</span>"
            lines.append(text)
        self.levels.setText("<br>".join(lines))
        note = entry.note if entry else ""
        if self.note.text() != note:  # keep the cursor while the reviewer types
            with QSignalBlocker(self.note):
                self.note.setText(note)
        self._suggestion = suggestion
        self._show_suggestion(entry, suggestion)
        self._show_current(value)
        links = []
        for annotation_id in entry.evidence if entry else ():
            a = annotations.get(annotation_id)
            quote = escape(short(a.quote)) if a else annotation_id[:8]
            links.append(f"<a href='go:{annotation_id}'>“{quote}”</a> <a href='rm:{annotation_id}'>×</a>")
        self.evidence.setText(" · ".join(links) if links
                              else "<i>" + escape(QCoreApplication.translate("Scoring", "No evidence linked")) + "</i>")

    def _show_current(self, value: float | None) -> None:
        c = self.criterion
        level = c.level_for(value)
        if value is None and self._entry is not None and self._entry.not_applicable:
            text = QCoreApplication.translate("Scoring", "Not applicable: %1").replace("%1", self._entry.na_reason)
        elif value is None:
            text = QCoreApplication.translate("Scoring", "Not scored yet")
        elif level is None:
            text = f"{value:g}"
        else:
            text = f"{value:g} · {level.label} — {level.descriptor}"
        entry = self._entry
        extra = []
        if entry is not None and entry.note:
            extra.append(QCoreApplication.translate("Scoring", "note"))
        if entry is not None and entry.evidence:
            extra.append(QCoreApplication.translate("Scoring", "%1 evidence").replace("%1", str(len(entry.evidence))))
        if extra:
            text += "  [" + ", ".join(extra) + "]"
        self.current_level.set_full_text(text)
    def _show_suggestion(self, entry: ScoreEntry | None, suggestion: Suggestion | None) -> None:
        if self.criterion.suggest is None:
            return
        value = entry.value if entry else None
        if suggestion is None:
            self.suggestion.setText("")
            self.accept_button.setVisible(False)
            return
        if suggestion.value is None:
            text = QCoreApplication.translate("Scoring", "No suggestion: %1").replace("%1", suggestion.basis)
        elif entry is not None and entry.suggestion_accepted and value == suggestion.value:
            text = QCoreApplication.translate("Scoring", "✓ Suggestion accepted: %1 — %2").replace("%1", _num(suggestion.value)) \
                .replace("%2", suggestion.basis)
        elif value is not None and value != suggestion.value:
            text = QCoreApplication.translate("Scoring", "Suggested %1, your score %2 — %3").replace("%1", _num(suggestion.value)) \
                .replace("%2", _num(value)).replace("%3", suggestion.basis)
        else:
            text = QCoreApplication.translate("Scoring", "Suggested %1 — %2").replace("%1", _num(suggestion.value)).replace("%2", suggestion.basis)
        self.suggestion.setText(text)
        accepted = entry is not None and entry.suggestion_accepted and value == suggestion.value
        self.accept_button.setVisible(suggestion.value is not None and not accepted)

    @property
    def current_suggestion(self) -> Suggestion | None:
        return self._suggestion

    def set_read_only(self, read_only: bool) -> None:
        """A submitted review: nothing to change (the details and evidence links still open)."""
        for w in (self.spin, self.clear_button, self.na_button, self.accept_button, self.note, self.add_evidence,
                  *self.level_buttons.values()):
            w.setEnabled(not read_only)
        self.evidence.setEnabled(True)
