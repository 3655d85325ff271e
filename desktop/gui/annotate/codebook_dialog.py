"""The codebook editor: add, rename, recolour, merge and delete tags, each change undoable.

Before a merge or a deletion the dialog says exactly what will happen to the annotations carrying the tag
(how many, and how many would be left with no tag) and asks for confirmation. Questions go through
``dialogs`` (get_text, get_item, confirm) and :func:`choose_color` here, so tests can answer them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.changes import Changes
from desktop.core.errors import ReviewDeskError
from desktop.core.review.codebook import Tag, removal_preview
from desktop.gui import dialogs, i18n
from desktop.gui.annotate.models import TagModel
from desktop.gui.annotate.store import AnnotationStore
from desktop.gui.plain import PlainLabel

NEW_TAG_COLORS = ("#e6194b", "#339a40", "#4363d8", "#c26727", "#911eb4", "#2d90a6", "#de2ed5", "#9a6324")


def choose_color(parent: QWidget | None, title: str, initial: str) -> str | None:
    """A colour picked by the reviewer as #rrggbb, or None when cancelled."""
    color = QColorDialog.getColor(QColor(initial), parent, title)
    return color.name() if color.isValid() else None


class CodebookDialog(QDialog):
    """Lists the tags with their colours and use counts; buttons change them through the store (undoable)."""

    def __init__(self, store: AnnotationStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codebookDialog")
        self.store = store
        self.model = TagModel(self, counts=True)
        self.list = QListView(self)
        self.list.setObjectName("codebookList")
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.list.doubleClicked.connect(lambda _i: self.rename())
        self.info = PlainLabel(self)
        self.info.setWordWrap(True)
        self.add_button = QPushButton(self)
        self.rename_button = QPushButton(self)
        self.color_button = QPushButton(self)
        self.merge_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.color_button.clicked.connect(self.recolour)
        self.merge_button.clicked.connect(self.merge)
        self.delete_button.clicked.connect(self.delete)
        side = QVBoxLayout()
        for b in (self.add_button, self.rename_button, self.color_button, self.merge_button, self.delete_button):
            side.addWidget(b)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.info)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        store.changes.changed.connect(self._on_changes)
        self.retranslate()
        self.reload()

    # --- content ---------------------------------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        if changes.any("tags", "annotations"):  # names, colours, usage counts
            self.reload()

    def reload(self) -> None:
        current = self.current_tag()
        self.model.set_tags(self.store.tags(), self.store.tag_usage())
        if current is not None:
            self.select(current.id)
        self._update_buttons()

    def select(self, tag_id: str) -> None:
        row = self.model.row_of(tag_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))

    def current_tag(self) -> Tag | None:
        index = self.list.currentIndex()
        return self.model.tag(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        has = self.current_tag() is not None
        for b in (self.rename_button, self.color_button, self.delete_button):
            b.setEnabled(has)
        self.merge_button.setEnabled(has and self.model.rowCount() > 1)
        tag = self.current_tag()
        self.info.setText((tag.description or i18n.in_language("", tag.description_en)) if tag else "")

    def _failed(self, exc: Exception) -> None:
        dialogs.warning(self, QCoreApplication.translate("Codebook", "Codebook"), str(exc))

    # --- actions ---------------------------------------------------------------------------------------

    def add(self) -> Tag | None:
        name = dialogs.get_text(self, QCoreApplication.translate("Codebook", "New tag"), QCoreApplication.translate("Codebook", "Name of the new tag (Chinese):"))
        if not name or not name.strip():
            return None
        name_en = dialogs.get_text(self, QCoreApplication.translate("Codebook", "New tag"), QCoreApplication.translate("Codebook", "English name (optional):")) or ""
        color = NEW_TAG_COLORS[self.model.rowCount() % len(NEW_TAG_COLORS)]
        try:
            tag = self.store.add_tag(name, color, name_en=name_en)
        except ReviewDeskError as exc:
            self._failed(exc)
            return None
        self.select(tag.id)
        return tag

    def rename(self) -> Tag | None:
        tag = self.current_tag()
        if tag is None:
            return None
        name = dialogs.get_text(self, QCoreApplication.translate("Codebook", "Rename tag"), QCoreApplication.translate("Codebook", "New name (Chinese):"), tag.name)
        if not name or not name.strip():
            return None
        name_en = dialogs.get_text(self, QCoreApplication.translate("Codebook", "Rename tag"), QCoreApplication.translate("Codebook", "English name:"), tag.name_en)
        changes = {"name": name} if name_en is None else {"name": name, "name_en": name_en}
        try:
            return self.store.update_tag(tag.id, **changes)
        except ReviewDeskError as exc:
            self._failed(exc)
            return None

    def recolour(self) -> Tag | None:
        tag = self.current_tag()
        if tag is None:
            return None
        color = choose_color(self, QCoreApplication.translate("Codebook", "Colour of “%1”").replace("%1", tag.name), tag.color)
        if not color or color.lower() == tag.color:
            return None
        return self.store.update_tag(tag.id, color=color)

    def merge(self) -> bool:
        source = self.current_tag()
        if source is None:
            return False
        others = [t for t in self.model.tags() if t.id != source.id]
        names = [t.name for t in others]
        choice = dialogs.get_item(self, QCoreApplication.translate("Codebook", "Merge tags"),
                                  QCoreApplication.translate("Codebook", "Merge “%1” into:").replace("%1", source.name), names)
        if choice is None:
            return False
        target = others[names.index(choice)]
        carried = self.store.tag_usage().get(source.id, 0)
        text = (QCoreApplication.translate("Codebook", "%n annotation(s) tagged “%1” will be tagged “%2” instead.", "", carried)
                .replace("%1", source.name).replace("%2", target.name) + " "
                + QCoreApplication.translate("Codebook", "The tag “%1” will be removed from the codebook. Annotations and their comments are kept; you "
                      "can undo this with Ctrl+Z.").replace("%1", source.name))
        if not dialogs.confirm(self, QCoreApplication.translate("Codebook", "Merge tags"), text):
            return False
        self.store.merge_tags(source.id, target.id)
        self.select(target.id)
        return True

    def delete(self) -> bool:
        tag = self.current_tag()
        if tag is None or self.store.reader is None:
            return False
        preview = removal_preview(self.store.reader, tag.id)
        carried, bare = len(preview.annotation_ids), len(preview.left_untagged)
        text = QCoreApplication.translate("Codebook", "Delete the tag “%1”?").replace("%1", tag.name) + "\n\n"
        if carried:
            text += QCoreApplication.translate("Codebook", "It is on %n annotation(s); it will be taken off them.", "", carried) + " "
            if bare:
                text += QCoreApplication.translate("Codebook", "%n of them will be left with no tag (they stay, with their comments).", "", bare) + " "
        else:
            text += QCoreApplication.translate("Codebook", "No annotation carries it.") + " "
        text += QCoreApplication.translate("Codebook", "You can undo this with Ctrl+Z.")
        if not dialogs.confirm(self, QCoreApplication.translate("Codebook", "Delete tag"), text):
            return False
        self.store.delete_tag(tag.id)
        return True

    # --- texts -----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Codebook", "Codebook"))
        self.add_button.setText(QCoreApplication.translate("Codebook", "&Add…"))
        self.rename_button.setText(QCoreApplication.translate("Codebook", "&Rename…"))
        self.color_button.setText(QCoreApplication.translate("Codebook", "&Colour…"))
        self.merge_button.setText(QCoreApplication.translate("Codebook", "&Merge into…"))
        self.delete_button.setText(QCoreApplication.translate("Codebook", "&Delete…"))
        self.list.setToolTip(QCoreApplication.translate("Codebook", "The tags, in the order of the number keys in the annotation editor"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def show_codebook(store: AnnotationStore, parent: QWidget | None = None) -> None:
    """Open the codebook editor (modal)."""
    dialog = CodebookDialog(store, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.exec()
