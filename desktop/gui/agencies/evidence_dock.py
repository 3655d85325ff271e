"""Evidence across years beside the score form: for 下一年度安排 what became of last year's plan, for 不照搬往年 the
shortcomings repeated from earlier years and the sentences found in other agencies' reports — hints with their
passages (Enter shows one in the report), never a score (desktop.core.agencies.evidence).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QLabel, QListView, QVBoxLayout, QWidget

from desktop.core.agencies.evidence import NEXT_PLAN, ORIGINALITY, CriterionHint
from desktop.core.changes import Changes
from desktop.gui import i18n
from desktop.gui.agencies.shared_work import report_hints
from desktop.gui.plain import plain_label, plain_tip
from desktop.gui.review_window import ReviewWindow
from desktop.gui.workers import LatestTask

SPAN = Qt.ItemDataRole.UserRole + 1


class EvidenceDock(QDockWidget):
    """Shows the hints of the report being worked on; follows the window's working report and its changes."""

    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("agencyEvidence")
        self.hints: dict[str, CriterionHint] = {}
        self.document_id = ""
        body = QWidget(self)
        self.caption = plain_label(body)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        self.texts: dict[str, QLabel] = {}
        self.lists: dict[str, QListView] = {}
        self.models: dict[str, QStandardItemModel] = {}
        for cid in (NEXT_PLAN, ORIGINALITY):
            label = plain_label(body)
            label.setWordWrap(True)
            model = QStandardItemModel(self)
            passages = QListView(body)
            passages.setModel(model)
            passages.setWordWrap(True)
            passages.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            passages.setObjectName(f"evidence_{cid}")
            passages.activated.connect(self._activated)
            layout.addWidget(label)
            layout.addWidget(passages, 1)
            self.texts[cid], self.lists[cid], self.models[cid] = label, passages, model
        self.setWidget(body)
        self.latest = LatestTask("agency-evidence", self)
        self.latest.done.connect(self._show)
        window.working_document_changed.connect(self.refresh)
        window.changes.changed.connect(self._on_changes)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Agencies", "Evidence Across Years"))
        self.caption.setText(QCoreApplication.translate("Agencies", "Hints for 下一年度安排 and 不照搬往年 with their passages (Enter shows one). They "
                                 "rest on text comparison: weigh them, they are not scores."))
        self._fill()

    def refresh(self, document_id: str = "") -> None:
        w = self.window_
        self.document_id = document_id or w.working_document_id()
        if not self.document_id or w.executor is None:
            self.hints = {}
            self._fill()
            return
        self.latest.start(report_hints, w.executor.path, self.document_id)

    def _on_changes(self, changes: Changes) -> None:
        if changes.documents or changes.metadata or changes.reviews or changes.parts or changes.outside:
            self.refresh(self.document_id)

    def _show(self, result: tuple[str, dict[str, CriterionHint]]) -> None:
        document_id, hints = result
        if document_id != self.document_id:
            return
        self.hints = hints
        self._fill()

    def _fill(self) -> None:
        titles = {NEXT_PLAN: QCoreApplication.translate("Agencies", "下一年度安排 (last year's plan)"), ORIGINALITY: QCoreApplication.translate("Agencies", "不照搬往年 (carried-over text)")}
        for cid in (NEXT_PLAN, ORIGINALITY):
            hint = self.hints.get(cid)
            label, model = self.texts[cid], self.models[cid]
            text = hint.text if hint else QCoreApplication.translate("Agencies", "no report chosen")
            label.setText(f"{titles[cid]}: {text}")
            # the hint's English wording glosses it in the English interface only
            label.setToolTip(plain_tip(hint.text_en) if hint and i18n.current_language() == i18n.ENGLISH else "")
            model.clear()
            for p in hint.passages if hint else ():
                item = QStandardItem(f"{p.why} — {p.text}")
                item.setData((p.start, p.end), SPAN)
                item.setToolTip(plain_tip(p.text))
                model.appendRow(item)

    def _activated(self, index: QModelIndex) -> None:
        span = index.data(SPAN)
        if span:
            self.window_.show_passage(int(span[0]), int(span[1]))
