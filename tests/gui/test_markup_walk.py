"""Report text and colleagues' text are never Qt markup (issue 16): a report whose title, headings, agency, tags,
comments, notes and reviewer names are all ``<img src=…>`` markup is walked through every view of the window, and

- the image file named in the markup is never opened (watched with inotify: any open or read is seen),
- no label, tooltip, item or message box that Qt would render as rich text holds the markup unescaped,
- the markup is shown literally where the text is shown (the title label reads ``<img src=…>`` as typed).
"""

from __future__ import annotations

import ctypes
import html
import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTextEdit,
    QWidget,
)

from desktop.core.corrections.records import correct_field
from desktop.core.ingest.importer import import_paths
from desktop.core.review.annotations import create_annotation
from desktop.core.review.codebook import create_tag
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.rubric import active_rubric
from desktop.core.storage import open_database
from desktop.core.storage.documents import list_documents
from desktop.gui import dialogs
from tests.conftest import SEEDS
from tests.gui.windows import make_window

IN_ACCESS, IN_OPEN = 0x1, 0x20


class FileWatch:
    """Tells whether anything opened or read a file since the watch began (Linux inotify)."""

    def __init__(self, path: Path) -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        self.fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self.fd < 0 or libc.inotify_add_watch(self.fd, str(path).encode(), IN_OPEN | IN_ACCESS) < 0:
            pytest.skip("inotify is not available here")

    def touched(self) -> bool:
        try:
            return bool(os.read(self.fd, 4096))
        except BlockingIOError:
            return False

    def close(self) -> None:
        os.close(self.fd)


@pytest.fixture
def probe(tmp_path):
    """An image file the markup points to, watched; yields (markup maker, watch)."""
    image = tmp_path / "probe.png"
    picture = QImage(4, 4, QImage.Format.Format_RGB32)
    picture.fill(0)
    assert picture.save(str(image))
    watch = FileWatch(image)

    def markup(word: str) -> str:
        return f'<img src="{image}"><b>{word}</b>'

    yield markup, watch
    watch.close()


def rich(text: str, fmt: Qt.TextFormat) -> bool:
    """Would Qt render this text as markup in a widget with this text format?"""
    return fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))


def markup_shown_as_markup(widgets: list[QWidget]) -> list[str]:
    """Every place among ``widgets`` (and their item views) where ``<img`` would be taken as markup."""
    bad: list[str] = []

    def check(where: str, text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> None:
        if text and "<img" in text and rich(text, fmt):
            bad.append(f"{where}: {text[:80]}")

    for top in widgets:
        for w in [top, *top.findChildren(QWidget)]:
            name = f"{type(w).__name__}:{w.objectName()}"
            check(name + " tooltip", w.toolTip())
            if isinstance(w, QLabel):
                check(name, w.text(), w.textFormat())
            if isinstance(w, QTextEdit) and "<img" in w.toHtml() and "&lt;img" not in w.toHtml():
                bad.append(f"{name}: {w.toPlainText()[:80]}")
            if isinstance(w, QAbstractItemView) and w.model() is not None:
                model = w.model()
                for row in range(min(model.rowCount(), 200)):
                    for col in range(model.columnCount()):
                        check(f"{name} tooltip ({row},{col})",
                              str(model.index(row, col).data(Qt.ItemDataRole.ToolTipRole) or ""))
                for col in range(model.columnCount()):
                    check(f"{name} header tooltip {col}",
                          str(model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) or ""))
    return bad


def shown_texts(widgets: list[QWidget]) -> str:
    """Everything readable in the widgets and their item views, joined (labels' plain text, items, titles)."""
    out: list[str] = []
    for top in widgets:
        out.append(top.windowTitle())
        for w in [top, *top.findChildren(QWidget)]:
            if isinstance(w, QLabel) and rich(w.text(), w.textFormat()):
                out.append(html.unescape(re.sub(r"<[^>]*>", "", w.text())).replace("\xa0", " "))
            elif isinstance(w, QLabel):
                out.append(w.text())
            if isinstance(w, QLineEdit):
                out.append(w.text())
            if isinstance(w, QTextEdit):
                out.append(w.toPlainText())
            if isinstance(w, QAbstractItemView) and w.model() is not None:
                out += item_texts(w.model(), QModelIndex())
    return "\n".join(out)


def item_texts(model: QAbstractItemModel, parent: QModelIndex, depth: int = 0) -> list[str]:
    """The display texts of a model's items (a tree to three levels), at most 200 rows a level."""
    out: list[str] = []
    for row in range(min(model.rowCount(parent), 200)):
        for col in range(model.columnCount(parent)):
            index = model.index(row, col, parent)
            out.append(str(index.data() or ""))
            if depth < 3 and col == 0:
                out += item_texts(model, index, depth + 1)
    return out


@pytest.fixture
def hostile_db(tmp_path, probe):
    """The seed reports plus one whose title and headings are markup; markup in every field a person can fill."""
    markup, _watch = probe
    folder = tmp_path / "reports"
    folder.mkdir()
    text = (SEEDS / "001_a35be3758fcb709b.txt").read_text(encoding="utf-8")
    text = text.replace("梨树县政务服务和数字化建设管理局关于2025年度法治政府建设情况的报告",
                        markup("标题") + "梨树县政数局关于2025年度法治政府建设情况的报告", 1)
    text = text.replace("(一)强化组织保障,健全法治工作体系", "(一)" + markup("标题二") + "强化组织保障", 1)
    (folder / "hostile.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "hostile.sqlite3"
    db = open_database(path)
    try:
        import_paths(db, [str(SEEDS), str(folder)])
        docs = list_documents(db)
        hostile = next(d for d in docs if d.name == "hostile.txt")
        me = get_or_create_reviewer(db, markup("评阅人"))
        other = get_or_create_reviewer(db, markup("同事"))
        correct_field(db, hostile.id, "title", markup("标题") + "梨树县政数局关于2025年度法治政府建设情况的报告",
                      reviewer_id=other.id)  # as a colleague's correction arrives in a merge
        correct_field(db, hostile.id, "agency", markup("机关"), reviewer_id=other.id)
        correct_field(db, hostile.id, "doc_number", markup("文号"), reviewer_id=other.id)
        tag = create_tag(db, markup("标签"), "#aa3344", description=markup("说明"))
        start = text.index("构建")
        create_annotation(db, hostile.id, start, start + 20, reviewer_id=me.id, tag_ids=[tag.id],
                          comment=markup("批注"))
        create_annotation(db, hostile.id, start + 30, start + 50, reviewer_id=other.id, tag_ids=[tag.id],
                          comment=markup("同事批注"))
        rubric = active_rubric(db)
        for who in (me, other):
            for c in rubric.criteria:
                scoring.set_score(db, hostile.id, who.id, rubric, c.id, c.max_points)
            scoring.set_note(db, hostile.id, who.id, rubric, rubric.criteria[0].id, markup("备注"))
            scoring.set_overall_comment(db, hostile.id, who.id, rubric, markup("总评"))
        other_doc = next(d for d in docs if d.id != hostile.id)
        for c in rubric.criteria:
            scoring.set_score(db, other_doc.id, other.id, rubric, c.id, c.max_points)
    finally:
        db.conn.close()
    return path, hostile.id, other_doc.id


def test_markup_in_every_field_is_shown_literally_and_never_loaded(qtbot, tmp_path, probe, hostile_db, no_dialogs):
    markup, watch = probe
    path, hostile_id, other_id = hostile_db
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("reviewer/name", markup("评阅人"))
    w = make_window(qtbot, settings, path, QSize(1600, 1000))
    assert w.open_document(hostile_id)
    qtbot.waitUntil(lambda: w.current_document_id() == hostile_id)
    views: list[QWidget] = [w]

    def look() -> None:
        """Lay out and paint everything that is open now (painting is when Qt would load an image)."""
        QApplication.processEvents()
        for view in views:
            view.grab()
            for label in view.findChildren(QLabel):
                label.sizeHint()

    look()
    header = w.report_view.header
    assert header.title.text() == markup("标题") + "梨树县政数局关于2025年度法治政府建设情况的报告"
    # the report view: header, meta line, outline, annotations list, score form (with the details open)
    scoring_panel = w.extensions["scoring"].panel
    for box in scoring_panel.boxes.values():
        box.set_expanded(True)
    annotations = w.extensions["annotations"]
    annotations.segments.show()
    annotations.refresh_segments()
    w.extensions["corrections"].toggle_editor(w.report_view, True)  # the metadata editor
    look()
    # the search hits for a word of the hostile report
    w.search_panel.search("强化组织保障")
    w.search_panel.search_now()
    qtbot.waitUntil(lambda: w.search_panel.model.rowCount() > 0, timeout=10000)
    # side by side with a seed report
    assert w.compare_documents(other_id, hostile_id)
    look()
    w.tabs.setCurrentIndex(0)
    # the panel view (reviewers' names and comments) and the dashboard
    panel = w.extensions["panel"]
    # the verify queue (核对队列): its doubts name the hostile report's title and values
    queue = w.extensions["verify"].open_queue()
    qtbot.waitUntil(lambda: not queue.loading and bool(queue.doubts))  # read on the writer thread
    for dialog in (panel.show_view(), panel.show_dashboard(), queue):
        if dialog is not None:
            qtbot.addWidget(dialog)
            views.append(dialog)
    look()
    # the evaluation summary tab (agency names, tag names and descriptions, quotes, sources on hover)
    summary = w.extensions["summary"].tab
    w.tabs.setCurrentWidget(summary)
    qtbot.waitUntil(lambda: summary.draft is not None)
    assert markup("标签") in summary.document.toPlainText()
    look()
    everything = shown_texts(views)
    for word in ("标题", "标题二", "机关", "文号", "标签", "批注", "同事批注", "评阅人", "同事", "备注"):
        assert markup(word) in everything, word
    assert markup_shown_as_markup(views) == []
    assert not watch.touched(), "the GUI opened the file an <img> in a report's text points to"


def test_message_boxes_and_questions_show_names_literally(qtbot, probe, monkeypatch):
    markup, watch = probe
    seen: list[tuple[str, Qt.TextFormat]] = []

    def answer() -> None:
        for top in QApplication.topLevelWidgets():
            if isinstance(top, QMessageBox) and top.isVisible():
                seen.append((top.text(), top.textFormat()))
                top.grab()
                top.reject() if top.escapeButton() else top.done(0)
            elif isinstance(top, QInputDialog) and top.isVisible():
                label = top.findChild(QLabel)
                seen.append((label.text(), label.textFormat()))
                top.grab()
                top.reject()

    for call in (lambda: dialogs.info(None, "t", markup("信息")),
                 lambda: dialogs.warning(None, "t", markup("警告")),
                 lambda: dialogs.confirm(None, "t", markup("确认")),
                 lambda: dialogs.get_text(None, "t", markup("文字")),
                 lambda: dialogs.get_item(None, "t", markup("选择"), ["a", "b"])):
        QTimer.singleShot(0, answer)
        call()
    assert [text for text, _ in seen] == [markup(w) for w in ("信息", "警告", "确认", "文字", "选择")]
    assert all(fmt == Qt.TextFormat.PlainText for _, fmt in seen)
    assert not watch.touched()
