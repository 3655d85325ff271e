"""The score panel: a dock beside the report for scoring it against the rubric.

Per criterion: a spin box limited to the criterion's range and step ("—" when not scored), the level descriptors
with the current level highlighted, the suggestion for objective criteria with an Accept button, a note, and the
annotations linked as evidence (click one to jump to it in the report; × unlinks it). Above: the weighted total,
updated as scores change, and the review status; below: the overall comment. Every change goes through the
:class:`~desktop.gui.scoring.commands.ScoreStore` (saved at once, undoable) and the panel re-reads what it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import ReviewDeskError
from desktop.core.review.annotations import Annotation, list_annotations
from desktop.core.scoring.rubric import Criterion
from desktop.core.scoring.scores import STATUS_LABELS, STATUSES, ScoreEntry
from desktop.core.scoring.suggestions import Suggestion, suggest_scores
from desktop.core.segmentation.classify import KIND_LABELS
from desktop.core.storage.documents import get_document
from desktop.gui.scoring.commands import ScoreStore


def _tr(text: str) -> str:
    return QCoreApplication.translate("Scoring", text)


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def _short(text: str, limit: int = 18) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class CriterionBox(QGroupBox):
    """The controls of one criterion; it only emits what the reviewer did, the panel does the rest."""

    value_edited = Signal(str, object)      # criterion id, float or None
    accept_clicked = Signal(str)            # criterion id
    note_edited = Signal(str, str)          # criterion id, text
    evidence_menu_requested = Signal(str, object)  # criterion id, the QMenu to fill
    link_activated = Signal(str, str)       # criterion id, "go:ID" / "rm:ID"

    def __init__(self, criterion: Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        c = criterion
        self.spin = QDoubleSpinBox(self)
        self.spin.setObjectName(f"score_{c.id}")
        self.spin.setDecimals(0 if float(c.step).is_integer() else 1)
        self.spin.setSingleStep(c.step)
        self.spin.setRange(-c.step, c.max_points)  # the minimum shows "—": not scored
        self.spin.setSpecialValueText("—")
        self.spin.setKeyboardTracking(False)  # a typed value counts when confirmed, not at every digit
        self.spin.setValue(-c.step)
        self.spin.valueChanged.connect(self._on_spin)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.clicked.connect(lambda: self.value_edited.emit(c.id, None))
        self.max_label = QLabel(self)
        self.subtitle = QLabel(self)  # the English title, wrapped (a long group-box title would widen the dock)
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet("color: #555")
        self.levels = QLabel(self)
        self.levels.setWordWrap(True)
        self.levels.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion = QLabel(self)
        self.suggestion.setWordWrap(True)
        self.accept_button = QPushButton(self)
        self.accept_button.setObjectName(f"accept_{c.id}")
        self.accept_button.clicked.connect(lambda: self.accept_clicked.emit(c.id))
        self.note = QLineEdit(self)
        self.note.setObjectName(f"note_{c.id}")
        self.note.textEdited.connect(lambda text: self.note_edited.emit(c.id, text))
        self.evidence = QLabel(self)
        self.evidence.setWordWrap(True)
        self.evidence.setTextFormat(Qt.TextFormat.RichText)
        self.evidence.linkActivated.connect(lambda link: self.link_activated.emit(c.id, link))
        self.add_evidence = QToolButton(self)
        self.add_evidence.setObjectName(f"evidence_{c.id}")
        self.add_evidence.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.evidence_menu = QMenu(self.add_evidence)
        self.add_evidence.setMenu(self.evidence_menu)
        self.evidence_menu.aboutToShow.connect(lambda: self.evidence_menu_requested.emit(c.id, self.evidence_menu))

        top = QHBoxLayout()
        top.addWidget(self.spin)
        top.addWidget(self.clear_button)
        top.addWidget(self.max_label, 1)
        suggestion_row = QHBoxLayout()
        suggestion_row.addWidget(self.suggestion, 1)
        suggestion_row.addWidget(self.accept_button, 0, Qt.AlignmentFlag.AlignTop)
        evidence_row = QHBoxLayout()
        evidence_row.addWidget(self.evidence, 1)
        evidence_row.addWidget(self.add_evidence, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addWidget(self.subtitle)
        layout.addLayout(top)
        layout.addWidget(self.levels)
        layout.addLayout(suggestion_row)
        layout.addWidget(self.note)
        layout.addLayout(evidence_row)
        self.suggestion.setVisible(c.suggest is not None)
        self.accept_button.setVisible(False)
        self._suggestion: Suggestion | None = None
        self.retranslate()

    def retranslate(self) -> None:
        c = self.criterion
        self.setTitle(c.title)
        self.subtitle.setText(c.title_en)
        self.setToolTip(f"{c.description}\n\n{c.description_en}".strip())
        self.max_label.setText(_tr("of %1 · weight %2").replace("%1", f"{c.max_points:g}")
                               .replace("%2", f"{c.weight:g}"))
        self.clear_button.setToolTip(_tr("Clear this score"))
        self.accept_button.setText(_tr("Accept"))
        self.note.setPlaceholderText(_tr("Note on this score…"))
        self.add_evidence.setText(_tr("+ Evidence"))
        self.add_evidence.setToolTip(_tr("Link an annotation of this report as evidence for the score"))

    def _on_spin(self, value: float) -> None:
        c = self.criterion
        if value < 0:
            self.value_edited.emit(c.id, None)
            return
        snapped = round(round(value / c.step) * c.step, 6)  # typed 3.3 on a 0.5 step counts as 3.5
        self.value_edited.emit(c.id, min(snapped, c.max_points))

    def show_state(self, entry: ScoreEntry | None, suggestion: Suggestion | None,
                   annotations: dict[str, Annotation]) -> None:
        """Show a stored score (None: nothing stored) without emitting anything."""
        c = self.criterion
        value = entry.value if entry else None
        with QSignalBlocker(self.spin):
            self.spin.setValue(-c.step if value is None else value)
        self.clear_button.setEnabled(value is not None)
        current = c.level_for(value)
        lines = []
        for level in c.levels:
            text = f"<b>{level.points:g}</b> {escape(level.label)} — {escape(level.descriptor)}"
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
        links = []
        for annotation_id in entry.evidence if entry else ():
            a = annotations.get(annotation_id)
            quote = escape(_short(a.quote)) if a else annotation_id[:8]
            links.append(f"<a href='go:{annotation_id}'>“{quote}”</a> <a href='rm:{annotation_id}'>×</a>")
        self.evidence.setText(" · ".join(links) if links else f"<i>{escape(_tr('No evidence linked'))}</i>")

    def _show_suggestion(self, entry: ScoreEntry | None, suggestion: Suggestion | None) -> None:
        if self.criterion.suggest is None:
            return
        value = entry.value if entry else None
        if suggestion is None:
            self.suggestion.setText("")
            self.accept_button.setVisible(False)
            return
        if suggestion.value is None:
            text = _tr("No suggestion: %1").replace("%1", suggestion.basis)
        elif entry is not None and entry.suggestion_accepted and value == suggestion.value:
            text = _tr("✓ Suggestion accepted: %1 — %2").replace("%1", _num(suggestion.value)) \
                .replace("%2", suggestion.basis)
        elif value is not None and value != suggestion.value:
            text = _tr("Suggested %1, your score %2 — %3").replace("%1", _num(suggestion.value)) \
                .replace("%2", _num(value)).replace("%3", suggestion.basis)
        else:
            text = _tr("Suggested %1 — %2").replace("%1", _num(suggestion.value)).replace("%2", suggestion.basis)
        self.suggestion.setText(text)
        accepted = entry is not None and entry.suggestion_accepted and value == suggestion.value
        self.accept_button.setVisible(suggestion.value is not None and not accepted)

    @property
    def current_suggestion(self) -> Suggestion | None:
        return self._suggestion


class ScorePanel(QDockWidget):
    """Scores the report shown in the report view; see the module docstring."""

    jump_requested = Signal(int, int)  # document offsets of an evidence passage
    message = Signal(str)              # a short status message (e.g. why a change was refused)

    def __init__(self, store: ScoreStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scorePanel")
        self.store = store
        self.document_id = ""
        self.suggestions: dict[str, Suggestion] = {}
        self.annotations: dict[str, Annotation] = {}
        self.boxes: dict[str, CriterionBox] = {}
        # Called before a first change; returns False when no reviewer could be set (the integration asks a name).
        self.ensure_reviewer: Callable[[], bool] = lambda: self.store.reviewer_id is not None

        body = QWidget(self)
        self.report_label = QLabel(body)
        self.report_label.setWordWrap(True)
        self.total_label = QLabel(body)
        self.total_label.setObjectName("scoreTotal")
        font = self.total_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.total_label.setFont(font)
        self.total_label.setWordWrap(True)
        self.status = QComboBox(body)
        self.status.setObjectName("reviewStatus")
        for status in STATUSES:
            self.status.addItem("", status)
        self.status.activated.connect(self._on_status)
        self.status_caption = QLabel(body)
        self.message_label = QLabel(body)
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #a61b1b")
        self.comment = QPlainTextEdit(body)
        self.comment.setObjectName("overallComment")
        self.comment.setMaximumHeight(110)
        self.comment.textChanged.connect(self._on_comment)
        self.comment_caption = QLabel(body)
        self.criteria_layout = QVBoxLayout()
        self.criteria_layout.setSpacing(6)

        head = QFormLayout()
        head.addRow(self.status_caption, self.status)
        layout = QVBoxLayout(body)
        layout.addWidget(self.report_label)
        layout.addWidget(self.total_label)
        layout.addLayout(head)
        layout.addWidget(self.message_label)
        layout.addLayout(self.criteria_layout)
        layout.addWidget(self.comment_caption)
        layout.addWidget(self.comment)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.setWidget(scroll)
        self._loading = False
        store.scores_changed.connect(self._on_scores_changed)
        store.rubric_changed.connect(self.rebuild)
        store.failed.connect(self._show_message)
        self.rebuild()
        self.retranslate()

    # --- building -------------------------------------------------------------------------------------

    def rebuild(self) -> None:
        """Recreate the criterion boxes for the store's rubric, then show the current document."""
        for box in self.boxes.values():
            box.setParent(None)
            box.deleteLater()
        self.boxes = {}
        rubric = self.store.rubric
        for c in rubric.criteria if rubric is not None else ():
            box = CriterionBox(c, self.widget().widget())
            box.value_edited.connect(self._on_value)
            box.accept_clicked.connect(self._on_accept)
            box.note_edited.connect(self._on_note)
            box.evidence_menu_requested.connect(self._fill_evidence_menu)
            box.link_activated.connect(self._on_link)
            self.criteria_layout.addWidget(box)
            self.boxes[c.id] = box
        self.show_document(self.document_id)

    def retranslate(self) -> None:
        self.setWindowTitle(_tr("Score"))
        self.status_caption.setText(_tr("Review status"))
        for i, status in enumerate(STATUSES):
            zh, en = STATUS_LABELS[status]
            self.status.setItemText(i, _tr(en))
        self.comment_caption.setText(_tr("Overall comment (总体评价)"))
        self.comment.setPlaceholderText(_tr("What the review sheet says about the report as a whole…"))
        for box in self.boxes.values():
            box.retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- showing --------------------------------------------------------------------------------------

    def show_document(self, document_id: str) -> None:
        """Score this document (''/unknown: nothing to score)."""
        self.document_id = document_id or ""
        self.suggestions = {}
        record = None
        if self.store.ready and self.document_id:
            record = get_document(self.store.reader, self.document_id)
        if record is None:
            self.document_id = ""
        else:
            self.suggestions = suggest_scores(self.store.rubric, record)
        name = "" if record is None else (record.summary.title or record.summary.name)
        self.report_label.setText(name or _tr("Open a report to score it."))
        self.message_label.clear()
        self.refresh()

    def refresh(self) -> None:
        """Re-read and show the stored scores, total, status and comment of the current document."""
        enabled = bool(self.document_id) and self.store.ready
        for w in (self.status, self.comment, *self.boxes.values()):
            w.setEnabled(enabled)
        scores = self.store.scores(self.document_id) if enabled else {}
        self.annotations = ({a.id: a for a in list_annotations(self.store.reader, self.document_id)}
                            if enabled else {})
        for cid, box in self.boxes.items():
            box.show_state(scores.get(cid), self.suggestions.get(cid), self.annotations)
        rubric = self.store.rubric
        if rubric is not None and enabled:
            values = {cid: e.value for cid, e in scores.items()}
            scored = sum(1 for c in rubric.criteria if values.get(c.id) is not None)
            self.total_label.setText(_tr("Total %1 / %2  (%3 of %4 criteria scored)")
                                     .replace("%1", f"{rubric.weighted_total(values):.2f}".rstrip("0").rstrip("."))
                                     .replace("%2", f"{rubric.weights_total:g}").replace("%3", str(scored))
                                     .replace("%4", str(len(rubric.criteria))))
        else:
            self.total_label.setText("")
        review = self.store.review(self.document_id) if enabled else None
        with QSignalBlocker(self.status):
            self.status.setCurrentIndex(STATUSES.index(review.status) if review else 0)
        comment = review.overall_comment if review else ""
        if self.comment.toPlainText() != comment:
            self._loading = True
            try:
                self.comment.setPlainText(comment)
            finally:
                self._loading = False

    def total_text(self) -> str:
        return self.total_label.text()

    # --- reviewer actions -----------------------------------------------------------------------------

    def _run(self, fn: Callable[[], object]) -> bool:
        """Make a change through the store; a refused change is explained and the panel shows the stored state."""
        if not self.document_id or not self.ensure_reviewer():
            self.refresh()
            return False
        try:
            fn()
        except ReviewDeskError as exc:
            self._show_message(str(exc))
            self.refresh()
            return False
        self.message_label.clear()
        return True

    def _on_value(self, criterion_id: str, value: float | None) -> None:
        self._run(lambda: self.store.set_value(self.document_id, criterion_id, value,
                                               self.suggestions.get(criterion_id)))

    def _on_accept(self, criterion_id: str) -> None:
        suggestion = self.suggestions.get(criterion_id)
        if suggestion is not None:
            self._run(lambda: self.store.accept(self.document_id, suggestion))

    def _on_note(self, criterion_id: str, text: str) -> None:
        self._run(lambda: self.store.set_note(self.document_id, criterion_id, text))

    def _on_status(self, index: int) -> None:
        self._run(lambda: self.store.set_status(self.document_id, STATUSES[index]))

    def _on_comment(self) -> None:
        if not self._loading:
            text = self.comment.toPlainText()
            self._run(lambda: self.store.set_comment(self.document_id, text))

    def _on_link(self, criterion_id: str, link: str) -> None:
        action, _, annotation_id = link.partition(":")
        if action == "go":
            a = self.annotations.get(annotation_id)
            if a is not None:
                self.jump_requested.emit(a.start, a.end)
        elif action == "rm":
            self._run(lambda: self.store.unlink(self.document_id, criterion_id, annotation_id))

    def _fill_evidence_menu(self, criterion_id: str, menu: QMenu) -> None:
        menu.clear()
        linked = set()
        entry = self.store.scores(self.document_id).get(criterion_id)
        if entry is not None:
            linked = set(entry.evidence)
        candidates = [a for a in self.annotations.values() if a.id not in linked and not a.orphan]
        if not candidates:
            menu.addAction(_tr("No annotations to link: annotate a passage first")).setEnabled(False)
            return
        for a in sorted(candidates, key=lambda a: a.start):
            part = KIND_LABELS.get(a.section_kind or "", ("",))[0]
            label = f"[{part}] “{_short(a.quote, 24)}”" + (f" — {_short(a.comment, 16)}" if a.comment else "")
            menu.addAction(label, lambda aid=a.id: self.link(criterion_id, aid))

    def link(self, criterion_id: str, annotation_id: str) -> bool:
        """Link an annotation as evidence for a criterion (what the + Evidence menu does)."""
        return self._run(lambda: self.store.link(self.document_id, criterion_id, annotation_id))

    def _on_scores_changed(self, document_id: str) -> None:
        if document_id == self.document_id:
            self.refresh()

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message.emit(text)
