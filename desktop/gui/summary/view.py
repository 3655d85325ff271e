"""The Summary tab: the draft as a document, its paragraphs in a tree, an editor for the chosen paragraph.

The draft is read from the database when the tab is shown and when the reviewer presses 重新生成 (after report data
changed, a banner says the draft is out of date; the tab's own rewrites redraw it at once). Every sentence of the
document view carries the sources it was built from as its tooltip (plain text); a rewritten paragraph carries the
sources of the generated text it replaced. A rewritten paragraph whose figures changed since is marked in the
tree and in the document, and the editor lists what changed. Export (docx, pdf, md) and the result letters run
on a worker with their own database connection.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QToolButton,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes
from desktop.core.errors import ReviewDeskError
from desktop.core.storage.documents import report_years
from desktop.core.storage.executor import open_reader
from desktop.core.summary.facts import deadline_setting
from desktop.core.summary.model import Draft, Paragraph, QuoteList, Table
from desktop.gui import dialogs, workers
from desktop.gui.plain import PlainLabel, plain_tip
from desktop.gui.summary.store import SummaryStore, is_summary_change

FLAG = "［数字有变］"
EDITED = "［已改写］"
_FLAG_COLOR = QColor("#fff2cc")
_EDITED_COLOR = QColor("#e8f0fb")


def run_write(db_path: str, draft: Draft, fmt: str, out: str, progress) -> str:
    """Write a built draft (on a worker, with its own read connection)."""
    from desktop.core.summary.write import write_draft

    reader = open_reader(db_path)
    try:
        return str(write_draft(reader, draft, fmt, out, progress).path)
    finally:
        reader.conn.close()


def run_letters(db_path: str, out: str, year: int | None, progress) -> str:
    from desktop.core.summary.letters import write_letters

    reader = open_reader(db_path)
    try:
        result = write_letters(reader, out, year=year, progress=progress)
    finally:
        reader.conn.close()
    skipped = f"; {len(result.skipped)} without a final result" if result.skipped else ""
    return f"{result.letters} letter(s) in {out}{skipped}"


class SummaryTab(QWidget):
    """The 评估报告 tab."""

    drafted = Signal()  # a draft was read and shown

    def __init__(self, store: SummaryStore, db_path: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryTab")
        self.store = store
        self.db_path = db_path
        self.draft: Draft | None = None
        self.stale = True
        self.task: workers.Task | None = None
        self._block_key: list[tuple[int, int, str]] = []  # (start, end, paragraph key) in the document view

        self.year = QComboBox(self)
        self.year.setObjectName("summaryYear")
        self.year.activated.connect(lambda _i: self.regenerate())
        self.deadline = QLineEdit(self)
        self.deadline.setObjectName("summaryDeadline")
        self.deadline.setMaximumWidth(70)
        self.deadline.editingFinished.connect(self._deadline_edited)
        self.deadline_label = PlainLabel("", self)
        self.regenerate_button = QPushButton(self)
        self.regenerate_button.setObjectName("summaryRegenerate")
        self.regenerate_button.clicked.connect(self.regenerate)
        self.export_button = QToolButton(self)
        self.export_button.setObjectName("summaryExport")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.export_actions = {fmt: menu.addAction("") for fmt in ("docx", "pdf", "md")}
        for fmt, action in self.export_actions.items():
            action.triggered.connect(lambda _c=False, f=fmt: self.export(f))
        self.export_button.setMenu(menu)
        self.letters_button = QPushButton(self)
        self.letters_button.clicked.connect(self.letters)
        self.banner = PlainLabel("", self)
        self.banner.setObjectName("summaryBanner")
        self.banner.setStyleSheet("background: #fff2cc; padding: 4px;")
        self.banner.setWordWrap(True)
        self.banner.hide()

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("summaryTree")
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(self._on_item)
        self.document = QTextEdit(self)
        self.document.setObjectName("summaryDocument")
        self.document.setReadOnly(True)
        self.document.setAcceptRichText(False)
        self.document.viewport().installEventFilter(self)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("summaryEditor")
        self.generated = QPlainTextEdit(self)
        self.generated.setObjectName("summaryGenerated")
        self.generated.setReadOnly(True)
        self.generated.setMaximumHeight(110)
        self.changes_label = PlainLabel("", self)
        self.changes_label.setObjectName("summaryChanges")
        self.changes_label.setWordWrap(True)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("summarySave")
        self.save_button.clicked.connect(self.save_rewrite)
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("summaryRestore")
        self.restore_button.clicked.connect(self.restore_generated)
        self.pick_button = QPushButton(self)
        self.pick_button.setObjectName("summaryPick")
        self.pick_button.clicked.connect(self.pick_quotes)
        self.editor_title = PlainLabel("", self)
        self.generated_title = PlainLabel("", self)

        top = QHBoxLayout()
        self.year_label = PlainLabel("", self)
        bar: list[QWidget] = [self.year_label, self.year, self.deadline_label, self.deadline, self.regenerate_button]
        for w in bar:
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.export_button)
        top.addWidget(self.letters_button)
        side = QWidget(self)
        edit_box = QVBoxLayout(side)
        edit_box.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.pick_button)
        buttons.addStretch(1)
        edit_box.addWidget(self.editor_title)
        edit_box.addWidget(self.editor)
        edit_box.addLayout(buttons)
        below: list[QWidget] = [self.changes_label, self.generated_title, self.generated]
        for w in below:
            edit_box.addWidget(w)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.tree)
        split.addWidget(self.document)
        split.addWidget(side)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(split, 1)
        store.changes.changed.connect(self._on_changes)
        self.retranslate()
        self._update_buttons()

    # --- texts ---------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.year_label.setText(QCoreApplication.translate("Summary", "Reports:"))
        self.deadline_label.setText(QCoreApplication.translate("Summary", "Deadline:"))
        self.deadline.setToolTip(QCoreApplication.translate("Summary", "The publication deadline: month and day (MM-DD) of the year after the report "
                                     "year, e.g. 04-01 or 03-01"))
        self.regenerate_button.setText(QCoreApplication.translate("Summary", "Regenerate"))
        self.export_button.setText(QCoreApplication.translate("Summary", "Export"))
        self.export_actions["docx"].setText(QCoreApplication.translate("Summary", "Word (.docx)…"))
        self.export_actions["pdf"].setText(QCoreApplication.translate("Summary", "PDF (.pdf)…"))
        self.export_actions["md"].setText(QCoreApplication.translate("Summary", "Markdown (.md)…"))
        self.letters_button.setText(QCoreApplication.translate("Summary", "Result letters…"))
        self.save_button.setText(QCoreApplication.translate("Summary", "Save rewrite"))
        self.restore_button.setText(QCoreApplication.translate("Summary", "Back to generated text"))
        self.pick_button.setText(QCoreApplication.translate("Summary", "Pick typical quotes…"))
        self.editor_title.setText(QCoreApplication.translate("Summary", "Paragraph (rewrite it here):"))
        self.generated_title.setText(QCoreApplication.translate("Summary", "Generated text (from today's figures):"))
        if self.year.count():
            self.year.setItemText(0, QCoreApplication.translate("Summary", "All years"))

    # --- reading -------------------------------------------------------------------------------------------

    @property
    def year_value(self) -> int | None:
        data = self.year.currentData()
        return data if isinstance(data, int) else None

    def _fill_years(self) -> None:
        reader = self.store.reader
        current = self.year_value
        self.year.clear()
        self.year.addItem(QCoreApplication.translate("Summary", "All years"), None)
        if reader is None:
            return
        years = report_years(reader)
        for y in years:
            self.year.addItem(f"{y}年度", y)
        if current in years:
            self.year.setCurrentIndex(years.index(current) + 1)

    def regenerate(self) -> None:
        """Read the draft again from the database and show it (rewrites kept; changed figures flagged)."""
        if not self.store.ready:
            self.draft = None
            self._show()
            return
        if self.year.count() == 0:
            self._fill_years()
        try:
            self.deadline.setText(deadline_setting(self.store.reader))  # type: ignore[arg-type]
            self.draft = self.store.draft(self.year_value)
        except ReviewDeskError as exc:
            self.draft = None
            self.banner.setText(str(exc))
            self.banner.show()
            self._show()
            return
        self.stale = False
        self.banner.hide()
        self._show()
        self.drafted.emit()

    def _on_changes(self, changes: Changes) -> None:
        if is_summary_change(changes) or (changes.outside and self.isVisible()):
            self.regenerate()
            return
        if changes.any("documents"):
            self.year.clear()
        self.stale = True
        if self.draft is not None:
            self.banner.setText(QCoreApplication.translate("Summary", "The reports, scores or annotations changed since this draft was made: press "
                                    "Regenerate to update its figures (rewritten paragraphs are kept and marked "
                                    "where a figure changed)."))
            self.banner.show()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.stale or self.draft is None:
            self.regenerate()

    # --- showing -------------------------------------------------------------------------------------------

    def _show(self) -> None:
        key = self.current_key()
        self.tree.clear()
        self.document.clear()
        self._block_key = []
        draft = self.draft
        if draft is None:
            self._update_buttons()
            return
        cursor = self.document.textCursor()
        plain = QTextCharFormat()
        title = QTextCharFormat()
        title.setFontPointSize(15)
        title.setFontWeight(700)
        cursor.insertText(draft.title + "\n", title)
        cursor.insertText(draft.subtitle + "\n" + draft.date + "\n", plain)
        select = None
        for chapter in draft.chapters:
            cursor.insertText("\n" + chapter.heading + "\n", title)
            top = QTreeWidgetItem(self.tree, [chapter.heading])
            for block in chapter.blocks:
                if isinstance(block, Paragraph):
                    item = QTreeWidgetItem(top, [self._item_text(block)])
                    item.setData(0, Qt.ItemDataRole.UserRole, block.key)
                    if block.flagged:
                        item.setToolTip(0, plain_tip(self._changes_text(block)))
                    if block.key == key:
                        select = item
                    start = cursor.position()
                    self._insert_paragraph(cursor, block)
                    self._block_key.append((start, cursor.position(), block.key))
                elif isinstance(block, QuoteList):
                    for i, q in enumerate(block.quotes, 1):
                        fmt = QTextCharFormat()
                        fmt.setToolTip(plain_tip(q.source))
                        cursor.insertText(f"    {i}. “{q.text}”（{q.where}）\n", fmt)
                elif isinstance(block, Table):
                    cursor.insertText(f"【{block.caption}】" + "  ".join(block.headers) + "\n", plain)
                    for row in block.rows:
                        cursor.insertText("    " + "  ".join(row) + "\n", plain)
                else:
                    cursor.insertText(f"【{block.caption}】（图表在导出的 Word/PDF 中）\n", plain)
            top.setExpanded(True)
        self.document.moveCursor(QTextCursor.MoveOperation.Start)
        if select is not None:
            self.tree.setCurrentItem(select)
        else:
            self._on_item(self.tree.currentItem(), None)
        self._update_buttons()

    def _item_text(self, p: Paragraph) -> str:
        short = p.text.replace("\n", " ")
        short = short[:28] + ("…" if len(short) > 28 else "")
        mark = FLAG if p.flagged else (EDITED if p.edited is not None else "")
        return mark + short

    def _insert_paragraph(self, cursor: QTextCursor, p: Paragraph) -> None:
        if p.edited is not None:
            fmt = QTextCharFormat()
            fmt.setBackground(_FLAG_COLOR if p.flagged else _EDITED_COLOR)
            sources = [s for sentence in p.sentences for s in sentence.sources]
            tip = QCoreApplication.translate("Summary", "Rewritten by the reviewer.") + ("\n" + self._changes_text(p) if p.flagged else "")
            if sources:
                tip += "\n" + QCoreApplication.translate("Summary", "The generated text rested on:") + "\n" + "\n".join(sources)
            fmt.setToolTip(plain_tip(tip))
            cursor.insertText("    " + p.text + "\n", fmt)
            return
        cursor.insertText("    ")
        for sentence in p.sentences:
            fmt = QTextCharFormat()
            if sentence.sources:
                fmt.setToolTip(plain_tip("\n".join(sentence.sources)))
            cursor.insertText(sentence.text, fmt)
        cursor.insertText("\n", QTextCharFormat())

    @staticmethod
    def _changes_text(p: Paragraph) -> str:
        lines = [QCoreApplication.translate("Summary", "Figures changed since the rewrite:")]
        lines += [f"{c.label or c.key}：{c.before} → {c.after}" for c in p.changed]
        return "\n".join(lines)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.document.viewport() and event.type() == QEvent.Type.ToolTip:
            tip = self.tooltip_at(event.pos())  # type: ignore[attr-defined]
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.document)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    def tooltip_at(self, pos) -> str:
        """The sources of the text under a point of the document view."""
        cursor = self.document.cursorForPosition(pos)
        cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor)
        return cursor.charFormat().toolTip()

    # --- editing -------------------------------------------------------------------------------------------

    def current_key(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def current_paragraph(self) -> Paragraph | None:
        key = self.current_key()
        if self.draft is None or not key:
            return None
        try:
            return self.draft.paragraph(key)
        except KeyError:
            return None

    def select(self, key: str) -> bool:
        """Select a paragraph by its key (for the reviewer's keyboard and for tests)."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None and child.data(0, Qt.ItemDataRole.UserRole) == key:
                    self.tree.setCurrentItem(child)
                    return True
        return False

    def _on_item(self, item, _previous) -> None:
        p = self.current_paragraph()
        self.editor.setPlainText(p.text if p else "")
        self.generated.setPlainText(p.generated if p else "")
        self.changes_label.setText(self._changes_text(p) if p is not None and p.flagged else "")
        self.changes_label.setStyleSheet("background: #fff2cc;" if p is not None and p.flagged else "")
        if p is not None:
            for start, _end, key in self._block_key:
                if key == p.key:
                    cursor = self.document.textCursor()
                    cursor.setPosition(start)
                    self.document.setTextCursor(cursor)
                    self.document.ensureCursorVisible()
        self._update_buttons()

    def _update_buttons(self) -> None:
        p = self.current_paragraph()
        ready = self.store.ready and self.draft is not None
        self.save_button.setEnabled(ready and p is not None)
        self.restore_button.setEnabled(ready and p is not None and p.edited is not None)
        quotes = self.draft.quotes_after(p.key) if self.draft is not None and p is not None else None
        self.pick_button.setEnabled(ready and quotes is not None and bool(quotes.candidates))
        for button in (self.export_button, self.letters_button):
            button.setEnabled(ready and self.task is None)

    def save_rewrite(self) -> None:
        p = self.current_paragraph()
        if p is None or self.draft is None:
            return
        try:
            self.store.rewrite(self.draft.scope, p.key, self.editor.toPlainText(), p.figures())
        except ReviewDeskError as exc:
            dialogs.warning(self, QCoreApplication.translate("Summary", "Rewrite not saved"), str(exc))

    def restore_generated(self) -> None:
        p = self.current_paragraph()
        if p is not None and self.draft is not None:
            self.store.restore(self.draft.scope, p.key)

    def pick_quotes(self) -> None:
        """Tick up to three of the tagged passages as the typical quotes of the chosen problem (or highlights)."""
        p = self.current_paragraph()
        quotes = self.draft.quotes_after(p.key) if self.draft is not None and p is not None else None
        if quotes is None or self.draft is None:
            return
        shown = [q.annotation_id for q in quotes.quotes] if quotes.picked else []
        items = [f"“{q.text}”（{q.where}）" for q in quotes.candidates]
        checked = [i for i, q in enumerate(quotes.candidates) if q.annotation_id in shown]
        title = p.generated.split("：", 1)[0] if p is not None else ""
        chosen = dialogs.choose_items(self, QCoreApplication.translate("Summary", "Typical quotes of “%1”").replace("%1", title),
                                      QCoreApplication.translate("Summary", "Tick up to three passages to quote (none: the first ones in corpus "
                                          "order)."), items, checked)
        if chosen is None:
            return
        try:
            self.store.pick(self.draft.scope, quotes.tag_id, [quotes.candidates[i].annotation_id for i in chosen])
        except ReviewDeskError as exc:
            dialogs.warning(self, QCoreApplication.translate("Summary", "Quotes not picked"), str(exc))

    def _deadline_edited(self) -> None:
        value = self.deadline.text().strip()
        if not self.store.ready or not value:
            return
        try:
            if value != deadline_setting(self.store.reader):  # type: ignore[arg-type]
                self.store.set_deadline(value)
                self.regenerate()
        except ReviewDeskError as exc:
            dialogs.warning(self, QCoreApplication.translate("Summary", "Deadline not set"), str(exc))

    # --- export --------------------------------------------------------------------------------------------

    def export(self, fmt: str) -> workers.Task | None:
        if self.draft is None or self.db_path is None or self.task is not None:
            return None
        if self.stale:
            self.regenerate()
        filters = {"docx": "Word (*.docx)", "pdf": "PDF (*.pdf)", "md": "Markdown (*.md)"}[fmt]
        out = dialogs.save_file(self, QCoreApplication.translate("Summary", "Export the summary"), filters, f"评估报告.{fmt}")
        if not out:
            return None
        if not out.lower().endswith(f".{fmt}"):
            out += f".{fmt}"
        return self._run(workers.run_task(run_write, str(self.db_path), self.draft, fmt, out, name="summary"))

    def letters(self) -> workers.Task | None:
        if self.db_path is None or self.task is not None:
            return None
        out = dialogs.choose_folder(self, QCoreApplication.translate("Summary", "Folder for the result letters"))
        if not out:
            return None
        return self._run(workers.run_task(run_letters, str(self.db_path), out, self.year_value, name="letters"))

    def _run(self, task: workers.Task) -> workers.Task:
        self.task = task
        task.done.connect(lambda text: dialogs.info(self, QCoreApplication.translate("Summary", "Written"), str(text)))
        task.failed.connect(self._failed)
        task.finished.connect(self._finished)
        self._update_buttons()
        return task

    def _failed(self, exc: object, details: str = "") -> None:
        dialogs.warning(self, QCoreApplication.translate("Summary", "Not written"), str(exc))

    def _finished(self) -> None:
        self.task = None
        self._update_buttons()

