"""Qt models over annotations and the codebook: thin, documented adapters over core data.

:class:`AnnotationModel` is a table of one report's annotations (rows are core ``Annotation`` objects in
text order, orphans last); :class:`AnnotationFilter` filters it by tag, section kind and reviewer.
:class:`TagModel` lists the codebook with each tag's colour and how many annotations carry it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPixmap

from desktop.core.review.annotations import Annotation
from desktop.core.review.codebook import Tag
from desktop.gui import i18n
from desktop.gui.missing_chips import part_word
from desktop.gui.plain import plain_tip
from desktop.gui.proxies import change_filter

ID_ROLE = Qt.ItemDataRole.UserRole + 1          # annotation or tag id
SPAN_ROLE = Qt.ItemDataRole.UserRole + 2        # (start, end) of an annotation
TAGS_ROLE = Qt.ItemDataRole.UserRole + 3        # tuple of tag ids
SECTION_ROLE = Qt.ItemDataRole.UserRole + 4     # section kind or None
REVIEWER_ROLE = Qt.ItemDataRole.UserRole + 5    # reviewer id or None
ORPHAN_ROLE = Qt.ItemDataRole.UserRole + 6      # True for an orphan
COLOR_ROLE = Qt.ItemDataRole.UserRole + 7       # QColor of a tag / of an annotation's first tag

ORPHAN_BACKGROUND = QColor("#fdecea")
ORPHAN_TEXT = QColor("#8e1b1b")
UNTAGGED = QColor("#9e9e9e")

Index = QModelIndex | QPersistentModelIndex


def swatch(color: QColor, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(color)
    return QIcon(pixmap)


def _kind_label(kind: str | None) -> str:
    if not kind:
        return ""
    try:
        from desktop.gui.palette import kind_label
    except ImportError:  # the views' palette is not there: show the kind's key
        return kind
    return kind_label(kind)


class AnnotationModel(QAbstractTableModel):
    """One report's annotations: quote, tags, comment, section, reviewer, status (one row per annotation)."""

    QUOTE, TAGS, COMMENT, SECTION, REVIEWER, STATUS = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Annotation] = []
        self._tags: dict[str, Tag] = {}

    def set_data(self, annotations: list[Annotation], tags: list[Tag]) -> None:
        """Replace the rows (a report's annotations) and the codebook used to name their tags."""
        self.beginResetModel()
        self._rows = list(annotations)
        self._tags = {t.id: t for t in tags}
        self.endResetModel()

    def annotation(self, row: int) -> Annotation:
        return self._rows[row]

    def row_of(self, annotation_id: str) -> int:
        return next((i for i, a in enumerate(self._rows) if a.id == annotation_id), -1)

    def tag_color(self, annotation: Annotation) -> QColor:
        """The colour of an annotation's first tag (codebook order), grey when it has none."""
        for tag_id in annotation.tag_ids:
            if tag_id in self._tags:
                return QColor(self._tags[tag_id].color)
        return QColor(UNTAGGED)

    def tag_names(self, annotation: Annotation) -> str:
        return "、".join(self._tags[t].name for t in annotation.tag_ids if t in self._tags)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < 6:
            return None
        return [QCoreApplication.translate("Annotations", "Passage"), QCoreApplication.translate("Annotations", "Tags"), QCoreApplication.translate("Annotations", "Comment"), QCoreApplication.translate("Annotations", "Part"), QCoreApplication.translate("Annotations", "Reviewer"), QCoreApplication.translate("Annotations", "Status")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.QUOTE:
                return " ".join(a.quote.split())
            if col == self.TAGS:
                return self.tag_names(a)
            if col == self.COMMENT:
                return " ".join(a.comment.split())
            if col == self.SECTION:  # a narrow column: the part's one word (不足), its full name in the tooltip
                return part_word(a.section_kind) if a.section_kind else ""
            if col == self.REVIEWER:
                return a.reviewer_name
            if col == self.STATUS:
                if a.orphan:
                    return QCoreApplication.translate("Annotations", "Orphan: not found in the new text")
                return QCoreApplication.translate("Annotations", "Re-attached (approximate)") if a.anchored_by == "fuzzy" else ""
            return None
        if role == Qt.ItemDataRole.ToolTipRole and col == self.SECTION and a.section_kind:
            return plain_tip(_kind_label(a.section_kind))
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = a.quote
            if a.comment:
                tip += "\n\n" + a.comment
            if a.orphan:
                tip += "\n\n" + QCoreApplication.translate("Annotations", "This passage was not found after the report was re-imported. Select where it "
                                    "belongs and use Place, or delete the annotation.")
            return plain_tip(tip)
        if role == Qt.ItemDataRole.DecorationRole and col == self.TAGS and a.tag_ids:
            return swatch(self.tag_color(a))
        if role == Qt.ItemDataRole.BackgroundRole and a.orphan:
            return QBrush(ORPHAN_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and a.orphan:
            return QBrush(ORPHAN_TEXT)
        if role == Qt.ItemDataRole.FontRole and a.orphan:
            font = QFont()
            font.setItalic(True)
            return font
        return {ID_ROLE: a.id, SPAN_ROLE: (a.start, a.end), TAGS_ROLE: a.tag_ids, SECTION_ROLE: a.section_kind,
                REVIEWER_ROLE: a.reviewer_id, ORPHAN_ROLE: a.orphan, COLOR_ROLE: self.tag_color(a)}.get(role)


class AnnotationFilter(QSortFilterProxyModel):
    """Shows the annotations with a tag, in a kind of part, by a reviewer (None: any)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tag_id: str | None = None
        self.section_kind: str | None = None
        self.reviewer_id: str | None = None

    def set_filters(self, tag_id: str | None, section_kind: str | None, reviewer_id: str | None) -> None:
        def apply() -> None:
            self.tag_id, self.section_kind, self.reviewer_id = tag_id, section_kind, reviewer_id

        change_filter(self, apply)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self.tag_id is not None and self.tag_id not in (index.data(TAGS_ROLE) or ()):
            return False
        if self.section_kind is not None and index.data(SECTION_ROLE) != self.section_kind:
            return False
        return self.reviewer_id is None or index.data(REVIEWER_ROLE) == self.reviewer_id


class TagModel(QAbstractListModel):
    """The codebook: one row per tag, shown as “name (English name) — n annotations” with its colour."""

    def __init__(self, parent: QObject | None = None, *, numbered: bool = False, counts: bool = True,
                 checkable: bool = False) -> None:
        super().__init__(parent)
        self._tags: list[Tag] = []
        self._usage: dict[str, int] = {}
        self._checked: set[str] = set()
        self.numbered = numbered
        self.counts = counts
        self.checkable = checkable

    def set_tags(self, tags: list[Tag], usage: dict[str, int] | None = None) -> None:
        self.beginResetModel()
        self._tags = list(tags)
        self._usage = dict(usage or {})
        self._checked &= {t.id for t in tags}
        self.endResetModel()

    def tag(self, row: int) -> Tag:
        return self._tags[row]

    def checked_ids(self) -> tuple[str, ...]:
        """The checked tags, in codebook order (checkable models only)."""
        return tuple(t.id for t in self._tags if t.id in self._checked)

    def set_checked_ids(self, tag_ids: tuple[str, ...] | list[str]) -> None:
        self._checked = set(tag_ids)
        if self._tags:
            self.dataChanged.emit(self.index(0), self.index(len(self._tags) - 1), [Qt.ItemDataRole.CheckStateRole])

    def toggle(self, row: int) -> None:
        """Check or uncheck the tag in a row (what number keys do in the annotation editor)."""
        if 0 <= row < len(self._tags):
            tag_id = self._tags[row].id
            self._checked ^= {tag_id}
            self.dataChanged.emit(self.index(row), self.index(row), [Qt.ItemDataRole.CheckStateRole])

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if self.checkable and index.isValid():
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self.checkable and index.isValid() and role == Qt.ItemDataRole.CheckStateRole):
            return False
        tag_id = self._tags[index.row()].id
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if checked:
            self._checked.add(tag_id)
        else:
            self._checked.discard(tag_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def tags(self) -> list[Tag]:
        return list(self._tags)

    def row_of(self, tag_id: str) -> int:
        return next((i for i, t in enumerate(self._tags) if t.id == tag_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._tags)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._tags):
            return None
        tag = self._tags[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            english = i18n.current_language() == i18n.ENGLISH  # the English gloss only in the English interface
            text = tag.name + (f" ({tag.name_en})" if english and tag.name_en else "")
            if self.numbered and index.row() < 9:
                text = f"{index.row() + 1}  {text}"
            if self.counts:
                text += "  — " + QCoreApplication.translate("Annotations", "%n annotation(s)", "",
                                                            self._usage.get(tag.id, 0))
            return text
        if role == Qt.ItemDataRole.DecorationRole:
            return swatch(QColor(tag.color), 14)
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable:
            return Qt.CheckState.Checked if tag.id in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            english = i18n.current_language() == i18n.ENGLISH
            return plain_tip("\n".join(x for x in (tag.description, tag.description_en if english else "") if x)) or None
        return {ID_ROLE: tag.id, COLOR_ROLE: QColor(tag.color)}.get(role)
