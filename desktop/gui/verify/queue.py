"""VerifyQueueDialog: the verify queue (核对队列), walked from the keyboard alone, like a spell checker.

Every doubt of the corpus (desktop.core.review.verify: a low-confidence field, an uncertain part, a missing
flag) is listed; the current one shows its report, what is in doubt and why, and the report's text with the
source passage (or the best candidate for a missing part) highlighted. Keys: A or Enter confirms (stored with
who and when, undoable), E fixes (a field: type the right value; a part or a missing flag: the report opens at
the passage in the window, where the correction menus are), S or Space skips, ↑/↓ move, Esc closes. The
progress line counts the doubts settled in this walk: ``已核对 n / m``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QStandardItem, QStandardItemModel, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import ReviewDeskError
from desktop.core.review.report_names import ReportName, distinct_names
from desktop.core.review.verify import Doubt, doubts_of, list_doubts
from desktop.core.storage.documents import get_summaries
from desktop.core.storage.executor import DatabaseExecutor
from desktop.gui import dialogs, i18n, palette, workers
from desktop.gui.plain import PlainLabel, menu_text
from desktop.gui.reviewer_name import ensure_reviewer
from desktop.gui.verify.store import VerifyStore

PASSAGE_COLOR = "#ffd98a"
_FIELD_LABELS = {"title": QT_TRANSLATE_NOOP("VerifyQueue", "Title"), "agency": QT_TRANSLATE_NOOP("VerifyQueue", "Agency"),
                 "year": QT_TRANSLATE_NOOP("VerifyQueue", "Year"),
                 "doc_number": QT_TRANSLATE_NOOP("VerifyQueue", "Document number"),
                 "doc_date": QT_TRANSLATE_NOOP("VerifyQueue", "Document date"),
                 "published_at": QT_TRANSLATE_NOOP("VerifyQueue", "Publication date")}


def _doubts_on(executor: DatabaseExecutor, document_ids: list[str] | None = None,
               progress: object = None) -> list[Doubt]:
    """Every doubt of the corpus, or of these reports only (their agency first), read on the writer thread (run
    from a pool thread: the GUI does not wait)."""
    if document_ids is None:
        return executor.call(list_doubts)
    return executor.call(doubts_of, document_ids, "field:agency")


def doubt_label(doubt: Doubt) -> str:
    """What is in doubt, in the reader's words: a field's name, a part's kind, or a missing part."""
    if doubt.field:
        return QCoreApplication.translate("VerifyQueue", str(_FIELD_LABELS.get(doubt.field, doubt.field)))
    kind = palette.kind_label(doubt.kind or "")
    if doubt.target.startswith("missing:"):
        return QCoreApplication.translate("VerifyQueue", "Missing: %1").replace("%1", kind)
    return QCoreApplication.translate("VerifyQueue", "Part: %1").replace("%1", kind)


def report_name(name: ReportName) -> str:
    """A report's name in the queue, in the interface language: agency (or that it has none) · year, then the
    title, file name and import number where they are needed to tell it from the others."""
    parts = [name.agency or QCoreApplication.translate("VerifyQueue", "(no agency)"),
             QCoreApplication.translate("VerifyQueue", "year %1").replace("%1", str(name.year))
             if name.year is not None else QCoreApplication.translate("VerifyQueue", "(no year)")]
    if name.title is not None:
        parts.append(name.title)
    if name.file is not None:
        parts.append(QCoreApplication.translate("VerifyQueue", "file %1").replace("%1", name.file))
    if name.seq is not None:
        parts.append(QCoreApplication.translate("VerifyQueue", "import no. %1").replace("%1", str(name.seq)))
    return QCoreApplication.translate("VerifyQueue", ", ").join(parts)


class VerifyQueueDialog(QDialog):
    """The verify queue over the whole corpus; see the module docstring."""

    fix_requested = Signal(str, int, int)  # document id, passage start and end (-1 when none): open it to fix

    def __init__(self, store: VerifyStore, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.settings = store, settings
        self.setWindowTitle(QCoreApplication.translate("VerifyQueue", "核对队列 — Verify queue"))
        self.resize(900, 640)
        self.doubts: list[Doubt] = []
        self.document_ids: list[str] | None = None  # the reports the queue is limited to; None: the whole corpus
        self.loading = False
        self.settled: set[int] = set()
        self.current = -1
        self._texts: dict[str, str] = {}
        self._names: dict[str, str] = {}
        layout = QVBoxLayout(self)
        self.progress = PlainLabel(self)
        font = self.progress.font()
        font.setBold(True)
        self.progress.setFont(font)
        layout.addWidget(self.progress)
        self.scope = PlainLabel(self)  # says when the queue holds only some reports (e.g. those just imported)
        self.scope.setWordWrap(True)
        self.scope.hide()
        layout.addWidget(self.scope)
        self.items = QStandardItemModel(self)
        self.list = QListView(self)
        self.list.setModel(self.items)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys belong to the queue, not to the list
        self.list.setMaximumHeight(150)
        self.list.selectionModel().currentRowChanged.connect(lambda current, _prev: self._on_row(current.row()))
        layout.addWidget(self.list)
        self.what = PlainLabel(self)
        self.what.setWordWrap(True)
        self.what.setFont(font)
        layout.addWidget(self.what)
        self.reason = PlainLabel(self)
        self.reason.setWordWrap(True)
        layout.addWidget(self.reason)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.text, 1)
        self.message = PlainLabel(self)
        self.message.setStyleSheet("color: #8e1b1b")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.accept_button = self._button(QCoreApplication.translate("VerifyQueue", "Confirm (A / Enter)"), self.accept_current)
        self.fix_button = self._button(QCoreApplication.translate("VerifyQueue", "Fix (E)"), self.fix_current)
        self.skip_button = self._button(QCoreApplication.translate("VerifyQueue", "Skip (S / Space)"), self.skip_current)
        for b in (self.accept_button, self.fix_button, self.skip_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(PlainLabel(QCoreApplication.translate("VerifyQueue", "↑/↓ move · Esc closes"), self))
        layout.addLayout(row)

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(menu_text(text), self)
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    # --- the queue -----------------------------------------------------------------------------------------

    def load(self, document_ids: list[str] | None = None) -> int:
        """Read every doubt of the corpus, or of these reports only (on this thread), and show the first; returns
        how many there are."""
        self._set_scope(document_ids)
        doubts = self.store.doubts() if document_ids is None else self.store.doubts_of(document_ids)
        return self.show_doubts(doubts)

    def _set_scope(self, document_ids: list[str] | None) -> None:
        self.document_ids = None if document_ids is None else list(document_ids)
        if document_ids is None:
            self.scope.hide()
            return
        self.scope.setText(QCoreApplication.translate("VerifyQueue", "Only the doubts of %1 reports just imported "
                                                      "without an agency, their agency first (the Verify menu "
                                                      "shows the whole corpus).").replace("%1", str(len(document_ids))))
        self.scope.show()

    def load_in_background(self, document_ids: list[str] | None = None) -> None:
        """Read the doubts (of the corpus, or of these reports only) on the database's writer thread (a large
        corpus takes a moment), then show them."""
        executor = self.store.executor
        if executor is None:
            self.load(document_ids)
            return
        self._set_scope(document_ids)
        self.loading = True
        self.doubts, self.current = [], -1
        self.items.clear()
        self.what.setText(QCoreApplication.translate("VerifyQueue", "Reading the corpus…"))
        self.reason.clear()
        self.text.clear()
        self.text.setProperty("document", None)
        task = workers.run_task(_doubts_on, executor, document_ids, name="verify queue")
        task.done.connect(self.show_doubts)
        task.failed.connect(lambda exc: self.message.setText(str(exc)))
        task.finished.connect(lambda: setattr(self, "loading", False))

    def show_doubts(self, doubts: list[Doubt]) -> int:
        """Show a list of doubts from its first entry; returns how many there are."""
        self.loading = False
        self.doubts = list(doubts)
        self.settled = set()
        self._texts = {}
        self._names = self._report_names({d.document_id for d in self.doubts})
        self.items.clear()
        for doubt in self.doubts:
            item = QStandardItem(self._item_text(doubt, False))
            item.setEditable(False)
            self.items.appendRow(item)
        self.current = -1
        self._go(0)
        self._show_progress()
        return len(self.doubts)

    def _report_names(self, document_ids: set[str]) -> dict[str, str]:
        """The queue's reports named apart from each other (two reports without an agency and with the same
        title differ by file name, then import number)."""
        reader = self.store.reader
        summaries = get_summaries(reader, sorted(document_ids)) if reader is not None else {}
        return {doc_id: report_name(name) for doc_id, name in distinct_names(summaries.values()).items()}

    def _name(self, document_id: str) -> str:
        return self._names.get(document_id, document_id)  # a report deleted meanwhile: its id, never nothing

    def _item_text(self, doubt: Doubt, settled: bool) -> str:
        value = "—" if doubt.value in (None, "") else str(doubt.value)
        return f"{'✓ ' if settled else '   '}{self._name(doubt.document_id)} · {doubt_label(doubt)} · {value[:40]}"

    def _show_progress(self) -> None:
        self.progress.setText(QCoreApplication.translate("VerifyQueue", "已核对 %1 / %2").replace("%1", str(len(self.settled)))
                              .replace("%2", str(len(self.doubts))))

    def _go(self, row: int) -> None:
        if not self.doubts:
            self.current = -1
            self.what.setText(QCoreApplication.translate("VerifyQueue", "Nothing to verify: every value is sure, corrected or confirmed."))
            self.reason.clear()
            self.text.clear()
            return
        row = max(0, min(row, len(self.doubts) - 1))
        self.list.setCurrentIndex(self.items.index(row, 0, QModelIndex()))

    def _on_row(self, row: int) -> None:
        if not 0 <= row < len(self.doubts):
            return
        self.current = row
        self.message.clear()
        doubt = self.doubts[row]
        value = "—" if doubt.value in (None, "") else str(doubt.value)
        self.what.setText(f"{self._name(doubt.document_id)}\n{doubt_label(doubt)}: {value}")
        self.reason.setText(QCoreApplication.translate("VerifyQueue", "Please check: %1").replace("%1", i18n.core_text(doubt.reason)))
        self._show_text(doubt)

    def _show_text(self, doubt: Doubt) -> None:
        from desktop.core.storage.documents import get_document

        if doubt.document_id not in self._texts:
            record = get_document(self.store.reader, doubt.document_id) if self.store.reader is not None else None
            self._texts[doubt.document_id] = record.text if record else ""
        text = self._texts[doubt.document_id]
        if self.text.property("document") != doubt.document_id:
            self.text.setPlainText(text)
            self.text.setProperty("document", doubt.document_id)
        selections = []
        if doubt.start is not None and doubt.end is not None and 0 <= doubt.start < doubt.end <= len(text):
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(doubt.start)
            cursor.setPosition(doubt.end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(PASSAGE_COLOR))
            selection = QTextEdit.ExtraSelection()
            selection.cursor, selection.format = cursor, fmt
            selections.append(selection)
            caret = QTextCursor(self.text.document())
            caret.setPosition(doubt.start)
            self.text.setTextCursor(caret)
            self.text.centerCursor()
        else:
            self.text.moveCursor(QTextCursor.MoveOperation.Start)
            self.message.setText(QCoreApplication.translate("VerifyQueue", "No passage to show: nothing in the text states it."))
        self.text.setExtraSelections(selections)

    def highlighted(self) -> tuple[int, int] | None:
        """The highlighted passage of the current doubt (document offsets), or None."""
        sel = self.text.extraSelections()
        if not sel:
            return None
        cursor = sel[0].cursor
        return cursor.selectionStart(), cursor.selectionEnd()

    def _settle(self) -> None:
        self.settled.add(self.current)
        item = self.items.item(self.current)
        if item is not None:
            item.setText(self._item_text(self.doubts[self.current], True))
        self._show_progress()
        self._next_open()

    def _next_open(self) -> None:
        """Go to the next doubt not settled yet (wrapping round), or stay when every one is settled."""
        n = len(self.doubts)
        for step in range(1, n + 1):
            row = (self.current + step) % n
            if row not in self.settled:
                self._go(row)
                return
        self.what.setText(QCoreApplication.translate("VerifyQueue", "Every doubt of this walk is settled."))

    # --- the three keys ------------------------------------------------------------------------------------

    def _reviewer_ready(self) -> bool:
        return ensure_reviewer(self, self.settings, self.store) is not None

    def accept_current(self) -> None:
        """Confirm the current doubt (stored with who and when)."""
        if not 0 <= self.current < len(self.doubts) or self.current in self.settled or not self._reviewer_ready():
            return
        try:
            self.store.confirm(self.doubts[self.current])
        except ReviewDeskError as exc:
            self.message.setText(str(exc))
            return
        self._settle()

    def fix_current(self) -> None:
        """Fix the current doubt: type a field's value, or open the report at the passage to correct a part."""
        if not 0 <= self.current < len(self.doubts) or self.current in self.settled:
            return
        doubt = self.doubts[self.current]
        if doubt.field:
            current = "" if doubt.value is None else str(doubt.value)
            value = dialogs.get_text(self, QCoreApplication.translate("VerifyQueue", "Fix %1").replace("%1", doubt_label(doubt)), doubt_label(doubt),
                                     current)
            if value is None or not self._reviewer_ready():
                return
            try:
                self.store.correct_field(doubt.document_id, doubt.field, value)
            except ReviewDeskError as exc:
                self.message.setText(str(exc))
                return
            if doubt.field in ("agency", "year", "title"):  # the names are made of these: name the reports anew
                self._names = self._report_names({d.document_id for d in self.doubts})
                for row, other in enumerate(self.doubts):
                    item = self.items.item(row)
                    if item is not None and row != self.current:
                        item.setText(self._item_text(other, row in self.settled))
            self._settle()
            return
        self.fix_requested.emit(doubt.document_id, -1 if doubt.start is None else doubt.start,
                                -1 if doubt.end is None else doubt.end)

    def skip_current(self) -> None:
        """Leave the current doubt for later and go to the next one."""
        if self.doubts:
            self._next_open()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        if key in (Qt.Key.Key_A, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept_current()
        elif key == Qt.Key.Key_E:
            self.fix_current()
        elif key in (Qt.Key.Key_S, Qt.Key.Key_Space):
            self.skip_current()
        elif key == Qt.Key.Key_Down and self.doubts:
            self._go(self.current + 1)
        elif key == Qt.Key.Key_Up and self.doubts:
            self._go(self.current - 1)
        else:
            super().keyPressEvent(event)
