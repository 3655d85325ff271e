"""The "shared with other agencies" marks in the report view, with the list of those agencies on hover.

When a report is shown, its sentences that reports of other agencies also hold are found on a worker
(desktop.core.agencies.shared) and underlined in the report view (layer ``shared_text``); resting the pointer on
one lists the agencies, years and publication dates of the reports holding it, the earliest first (plain text).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QToolTip

from desktop.core.agencies.shared import DEFAULT_MIN_CHARS, DocumentShared, SharedPassage
from desktop.core.changes import Changes
from desktop.gui.agencies.shared_work import document_shared
from desktop.gui.plain import plain_tip
from desktop.gui.review_window import ReviewWindow
from desktop.gui.workers import LatestTask

LAYER = "shared_text"
MARK_COLOR = QColor("#fbe3c8")  # a pale fill keeps the text readable; the line says "shared"
LINE_COLOR = QColor("#d9822b")


def passage_tip(passage: SharedPassage) -> str:
    """The hover text of one shared passage: every agency holding it, the earliest first."""
    lines = [QCoreApplication.translate("Agencies", "Shared with other agencies (%1 agencies, %2 reports):").replace("%1", str(passage.agencies))
             .replace("%2", str(passage.reports))]
    for i, o in enumerate(passage.occurrences):
        when = " ".join(x for x in (str(o.year) if o.year is not None else "", o.published_at or "") if x) or "—"
        agency = o.agency or QCoreApplication.translate("Agencies", "(no agency found)")
        lines.append(f"{'★ ' if i == 0 else '· '}{agency}  {when}")
    return "\n".join(lines)


class SharedMarks(QObject):
    """Marks the shown report's shared sentences; ``result`` holds the last result (None while none)."""

    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view = window.report_view
        self.result: DocumentShared | None = None
        self.latest = LatestTask("shared-marks", self)
        self.latest.done.connect(self._apply)
        self.view.document_shown.connect(self.refresh)
        self.view.text.viewport().installEventFilter(self)
        window.changes.changed.connect(self._on_changes)

    def refresh(self, document_id: str = "") -> None:
        document_id = document_id or self.window.current_document_id()
        self.result = None
        w = self.window
        if not document_id or w.executor is None:
            self.latest.cancel()
            return
        self.latest.start(document_shared, w.executor, w.executor.path, document_id, DEFAULT_MIN_CHARS)

    def _apply(self, result: DocumentShared) -> None:
        record = self.view.current_document()
        if record is None or record.id != result.document_id:
            return  # another report is shown by now
        self.result = result
        self.view.set_extra_marks(LAYER, [(s, e, MARK_COLOR, "shared") for s, e in result.spans()],
                                  line_color=LINE_COLOR)

    def _on_changes(self, changes: Changes) -> None:
        if changes.documents or changes.metadata or changes.outside:
            self.refresh()

    def tip_at(self, offset: int) -> str:
        """The hover text at a document offset of the shown report ('' when nothing shared is there)."""
        if self.result is None:
            return ""
        return "\n\n".join(passage_tip(p) for p in self.result.at(offset))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self.result is not None:
            pane = self.view.text
            offset = pane.textmap.to_document(pane.cursorForPosition(event.pos()).position())
            tip = self.tip_at(offset)
            if tip:
                QToolTip.showText(event.globalPos(), plain_tip(tip), pane.viewport())
                return True
        return super().eventFilter(watched, event)
