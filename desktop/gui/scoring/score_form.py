"""The score form: a dock beside the report for scoring it against the rubric, one compact row per criterion.

Each criterion is a :class:`~desktop.gui.scoring.criterion_box.CriterionBox` (levels, score box, suggestion,
details). Pinned above the criteria: the weighted total and how many criteria are scored, and the review's state
with Submit (which lists the criteria still missing) or, once submitted and read-only, Reopen; below them: the
overall comment. Every change goes through the :class:`~desktop.gui.scoring.store.ScoreStore` (saved at once,
undoable) and the form re-reads what it shows.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes
from desktop.core.errors import ReviewDeskError
from desktop.core.review.annotations import Annotation, list_annotations
from desktop.core.scoring.numbers import fmt
from desktop.core.scoring.scores import (
    DONE,
    NOT_STARTED,
    STATUS_LABELS,
    IncompleteReview,
    ReviewState,
    missing_criteria,
    weighted_total,
)
from desktop.core.scoring.suggestions import Suggestion, suggest_scores
from desktop.core.segmentation.classify import KIND_LABELS
from desktop.core.storage.documents import get_document
from desktop.gui import dialogs, i18n
from desktop.gui.plain import PlainLabel, menu_text
from desktop.gui.scoring.criterion_box import CriterionBox, ElidedLabel, short
from desktop.gui.scoring.store import ScoreStore
from desktop.gui.version_words import local_time


class ScorePanel(QDockWidget):
    """Scores the report shown in the report view; see the module docstring."""

    jump_requested = Signal(int, int)  # document offsets of an evidence passage
    message = Signal(str)              # a short status message (e.g. why a change was refused)
    message_withdrawn = Signal(str)    # that message no longer holds (submitted after all, another report)

    def __init__(self, store: ScoreStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scorePanel")
        self.store = store
        self.document_id = ""
        self._record: object | None = None  # the report as last shown (its suggestions are computed for it)
        self.suggestions: dict[str, Suggestion] = {}
        self.annotations: dict[str, Annotation] = {}
        self.boxes: dict[str, CriterionBox] = {}
        # Called before a first change; returns False when no reviewer could be set (the integration asks a name).
        self.ensure_reviewer: Callable[[], bool] = lambda: self.store.reviewer_id is not None

        outer = QWidget(self)
        outer.setObjectName("scoreForm")
        body = QWidget(outer)
        self.body = body
        # Pinned above the criteria: which report, the total and how many criteria are scored, the status.
        self.report_label = ElidedLabel(outer)
        self.total_label = PlainLabel(outer)
        self.total_label.setObjectName("scoreTotal")
        font = self.total_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        self.total_label.setFont(font)
        self.total_label.setWordWrap(True)
        self.completion = QProgressBar(outer)
        self.completion.setObjectName("scoreCompletion")
        self.completion.setMaximumHeight(self.fontMetrics().height())
        self.completion.setTextVisible(False)
        # The review's state (未开始 / 进行中 / 已提交), Submit (lists what is missing) and Reopen.
        self.state_label = PlainLabel(outer)
        self.state_label.setObjectName("reviewState")
        self.state_label.setWordWrap(True)  # "Submitted by …, time" wraps: it never widens the dock (311 -> 513 px)
        self.submit_button = QPushButton(outer)
        self.submit_button.setObjectName("submitReview")
        self.submit_button.clicked.connect(self.submit)
        self.reopen_button = QPushButton(outer)
        self.reopen_button.setObjectName("reopenReview")
        self.reopen_button.clicked.connect(self.reopen)
        # Ctrl+Enter submits from anywhere in the form (the Scoring menu lists it); Reopen has a window-wide key.
        self.submit_action = QAction(self)
        self.submit_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.submit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.submit_action.triggered.connect(lambda _c=False: self.submit())
        self.addAction(self.submit_action)
        self.reopen_action = QAction(self)
        self.reopen_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.reopen_action.triggered.connect(lambda _c=False: self.reopen())
        self.status_caption = PlainLabel(outer)
        self.message_label = PlainLabel(outer)
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #a61b1b")
        self.versions_label = PlainLabel(outer)  # after a reopen: the versions submitted so far, kept
        self.versions_label.setObjectName("submittedVersions")
        self.versions_label.setWordWrap(True)
        self.versions_label.setStyleSheet("color: #555")
        self.comment = QPlainTextEdit(body)
        self.comment.setObjectName("overallComment")
        self.comment.setTabChangesFocus(True)  # a tab typed here would be saved in the comment
        self.comment.setMaximumHeight(110)
        self.comment.textChanged.connect(self._on_comment)
        self.comment_caption = PlainLabel(body)
        self.comment_caption.setBuddy(self.comment)
        self.criteria_layout = QVBoxLayout()
        self.criteria_layout.setSpacing(3)

        status_row = QHBoxLayout()
        status_row.addWidget(self.status_caption)
        status_row.addWidget(self.state_label, 1)
        status_row.addWidget(self.submit_button)
        status_row.addWidget(self.reopen_button)
        head = QVBoxLayout()
        head.setContentsMargins(6, 4, 6, 4)
        head.setSpacing(2)
        head.addWidget(self.report_label)
        head.addWidget(self.total_label)
        head.addWidget(self.completion)
        head.addLayout(status_row)
        head.addWidget(self.message_label)
        head.addWidget(self.versions_label)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 0, 2, 4)
        layout.addLayout(self.criteria_layout)
        layout.addWidget(self.comment_caption)
        layout.addWidget(self.comment)
        layout.addStretch(1)
        self.scroll_area = QScrollArea(outer)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(body)
        outer_layout = QVBoxLayout(outer)
        outer_layout.setContentsMargins(0, 0, 0, 0)
        outer_layout.setSpacing(0)
        outer_layout.addLayout(head)
        outer_layout.addWidget(self.scroll_area, 1)
        self.setWidget(outer)
        self._loading = False
        store.changes.changed.connect(self._on_changes)
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
            box = CriterionBox(c, self.body)
            box.value_edited.connect(self._on_value)
            box.accept_clicked.connect(self._on_accept)
            box.note_edited.connect(self._on_note)
            box.evidence_menu_requested.connect(self._fill_evidence_menu)
            box.link_activated.connect(self._on_link)
            box.refused.connect(self.message)
            box.na_requested.connect(self._on_na)
            self.criteria_layout.addWidget(box)
            self.boxes[c.id] = box
        # Tab goes criterion to criterion (each row's score box), then to the overall comment.
        chain = [box.spin for box in self.boxes.values()] + [self.comment]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.widget().setFocusProxy(chain[0])
        self.show_document(self.document_id)

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Scoring", "Score"))
        self.status_caption.setText(QCoreApplication.translate("Scoring", "Review status"))
        self.submit_button.setText(QCoreApplication.translate("Scoring", "Submit"))
        self.submit_button.setToolTip(QCoreApplication.translate("Scoring", "Submit the review: every criterion scored (or not applicable); "
                                          "it is read-only afterwards"))
        self.reopen_button.setText(QCoreApplication.translate("Scoring", "Reopen"))
        self.reopen_button.setToolTip(QCoreApplication.translate("Scoring", "Reopen the submitted review to change it (recorded)"))
        self.submit_action.setText(QCoreApplication.translate("Scoring", "&Submit Review"))
        self.reopen_action.setText(QCoreApplication.translate("Scoring", "&Reopen Review"))
        self.comment_caption.setText(QCoreApplication.translate("Scoring", "Overall comment (总体评价)"))
        self.comment.setPlaceholderText(QCoreApplication.translate("Scoring", "What the review sheet says about the report as a whole…"))
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
        if (document_id or "") != self.document_id:
            self.versions_label.clear()
        self.document_id = document_id or ""
        self.suggestions = {}
        record = None
        if self.store.ready and self.document_id:
            record = get_document(self.store.db, self.document_id)
        self._record = record
        if record is None:
            self.document_id = ""
        else:
            self.suggestions = suggest_scores(self.store.active, record)
        name = "" if record is None else (record.summary.title or record.summary.name)
        self.report_label.set_full_text(name or QCoreApplication.translate("Scoring", "Open a report to score it."))
        self._clear_message()
        self.refresh()

    def refresh(self) -> None:
        """Re-read and show the stored scores, total, status and comment of the current document."""
        enabled = bool(self.document_id) and self.store.ready
        for w in (self.comment, *self.boxes.values()):
            w.setEnabled(enabled)
        scores = self.store.scores(self.document_id) if enabled else {}
        review = self.store.review(self.document_id) if enabled else None
        submitted = review is not None and review.submitted
        self.annotations = ({a.id: a for a in list_annotations(self.store.db, self.document_id)}
                            if enabled else {})
        for cid, box in self.boxes.items():
            box.show_state(scores.get(cid), self.suggestions.get(cid), self.annotations)
            box.set_read_only(submitted)
        rubric = self.store.rubric
        if rubric is not None and enabled:
            scored = len(rubric.criteria) - len(missing_criteria(rubric, scores))  # not applicable counts
            total = weighted_total(rubric, scores)
            self.total_label.setText(QCoreApplication.translate("Scoring", "Total %1 / %2  (%3 of %4 criteria scored)")
                                     .replace("%1", fmt(total))
                                     .replace("%2", f"{rubric.weights_total:g}").replace("%3", str(scored))
                                     .replace("%4", str(len(rubric.criteria))))
            self.completion.setRange(0, len(rubric.criteria))
            self.completion.setValue(scored)
            self.completion.setToolTip(QCoreApplication.translate("Scoring", "%1 of %2 criteria scored").replace("%1", str(scored))
                                       .replace("%2", str(len(rubric.criteria))))
        else:
            self.total_label.setText("")
            self.completion.setValue(0)
        self._show_state(review, enabled)
        self.comment.setReadOnly(submitted)
        comment = review.overall_comment if review else ""
        if self.comment.toPlainText() != comment:
            self._loading = True
            try:
                self.comment.setPlainText(comment)
            finally:
                self._loading = False

    def _show_state(self, review: ReviewState | None, enabled: bool) -> None:
        status = review.status if review else NOT_STARTED
        text = i18n.in_language(*STATUS_LABELS[status])  # 未开始 / 进行中 / 已提交 in the Chinese interface
        if review is not None and review.submitted and review.done_at:
            text += "  " + QCoreApplication.translate("Scoring", "by %1, %2").replace("%1", review.submitted_by or "—").replace(
                "%2", local_time(review.done_at))
        elif review is not None and review.reopened_at:
            text += "  " + QCoreApplication.translate("Scoring", "reopened by %1, %2").replace("%1", review.reopened_by or "—").replace(
                "%2", local_time(review.reopened_at))
        self.state_label.setText(text)
        submitted = status == DONE
        # the button going away hides first: with both shown for a moment the status row asks 313 px, and the dock
        # is widened to that for good (reopening grew it by 2 px)
        shown, gone = (self.reopen_button, self.submit_button) if submitted else (self.submit_button, self.reopen_button)
        gone.setVisible(False)
        shown.setVisible(True)
        self.submit_button.setEnabled(enabled)
        self.reopen_button.setEnabled(enabled)
        self.submit_action.setEnabled(enabled and not submitted)
        self.reopen_action.setEnabled(enabled and submitted)

    def total_text(self) -> str:
        return self.total_label.text()

    def submit(self) -> bool:
        """Submit the shown review; when criteria are missing, say which (a dialog and the message line)."""
        if not self.document_id or not self.ensure_reviewer():
            return False
        try:
            self.store.submit(self.document_id)
        except IncompleteReview as exc:
            lines = "\n".join(f"• {c.title}" for c in exc.missing)
            text = QCoreApplication.translate("Scoring", "%1 of %2 criteria are neither scored nor marked not applicable:").replace(
                "%1", str(len(exc.missing))).replace("%2", str(exc.total))
            self._show_message(text + " " + "、".join(c.title for c in exc.missing))
            dialogs.warning(self, QCoreApplication.translate("Scoring", "Cannot submit yet"), f"{text}\n{lines}")
            self.focus_criterion(exc.missing[0].id)  # where the reviewer has to go next
            return False
        except ReviewDeskError as exc:
            self._show_message(str(exc))
            return False
        self._clear_message()
        return True

    def reopen(self) -> bool:
        """Reopen the shown submitted review for changes; the versions submitted so far are listed (kept)."""
        done = self._run(lambda: self.store.reopen(self.document_id))
        if done and self.store.reviewer_id and self.store.active is not None:
            from desktop.core.scoring.versions import list_versions
            from desktop.gui.version_words import version_lines

            rubric = self.store.active
            lines = version_lines(list_versions(self.store.db, self.document_id, self.store.reviewer_id, rubric.id),
                                  {c.id: i18n.in_language(c.title, c.title_en) for c in rubric.criteria})
            self.versions_label.setText(QCoreApplication.translate("Scoring", "Reopened; every submitted version is kept:") + "\n" + "\n".join(lines))
        return done

    def focus_criterion(self, criterion_id: str) -> None:
        """Show the form and put the keyboard in one criterion's score box, scrolled into view."""
        box = self.boxes.get(criterion_id)
        if box is None:
            return
        self.show()
        self.raise_()
        self.scroll_area.ensureWidgetVisible(box)
        box.spin.setFocus(Qt.FocusReason.OtherFocusReason)

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
        self._clear_message()
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

    def _on_na(self, criterion_id: str, mark: bool) -> None:
        if not mark:
            self._run(lambda: self.store.set_not_applicable(self.document_id, criterion_id, None))
            return
        title = self.store.rubric.criterion(criterion_id).title if self.store.rubric else criterion_id
        reason = dialogs.get_text(self, QCoreApplication.translate("Scoring", "Not applicable"),
                                  QCoreApplication.translate("Scoring", "Why does “%1” not apply to this report?").replace("%1", title))
        if reason is None or not reason.strip():
            self.refresh()  # cancelled: the button shows the stored state again
            return
        self._run(lambda: self.store.set_not_applicable(self.document_id, criterion_id, reason.strip()))

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
            menu.addAction(QCoreApplication.translate("Scoring", "No annotations to link: annotate a passage first")).setEnabled(False)
            return
        for a in sorted(candidates, key=lambda a: a.start):
            part = KIND_LABELS.get(a.section_kind or "", ("",))[0]
            label = f"[{part}] “{short(a.quote, 24)}”" + (f" — {short(a.comment, 16)}" if a.comment else "")
            menu.addAction(menu_text(label), functools.partial(self.link, criterion_id, a.id))

    def link(self, criterion_id: str, annotation_id: str) -> bool:
        """Link an annotation as evidence for a criterion (what the + Evidence menu does)."""
        return self._run(lambda: self.store.link(self.document_id, criterion_id, annotation_id))

    def _on_changes(self, changes: Changes) -> None:
        """Re-read the shown report's scores when a write concerns them (its evidence too: annotations)."""
        if changes.concerns(self.document_id, "documents", "parts", "metadata", "corrections") and \
                get_document(self.store.db, self.document_id) != self._record:
            self.show_document(self.document_id)  # suggestions depend on the text and its parts
        elif changes.concerns(self.document_id, "scores", "reviews", "annotations"):
            self.refresh()

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message.emit(text)

    def _clear_message(self) -> None:
        text = self.message_label.text()
        self.message_label.clear()
        if text:
            self.message_withdrawn.emit(text)
