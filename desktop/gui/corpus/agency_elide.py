"""Agency names that stay distinguishable in a narrow column: the place is kept, the body elided in its middle.

``吉林省政务服务和数字化建设管理局`` in 9 characters' room is ``吉林省政务…管理局`` rather than ``吉林…理局``, and two
agencies of one place (``梨树县政务服务和数字化建设管理局``, ``梨树县人力资源和社会保障局``) keep their different
bodies. :class:`AgencyDelegate` draws the corpus table's agency column that way; the full name is in the tooltip.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

# One administrative level: a short name and its level word (省, 自治区, 市, 州, 盟, 县, 旗, 区, 镇, 乡, 街道).
_LEVEL = r"[^省市县区旗盟州镇乡街，,、（(]{1,8}?(?:省|自治区|特别行政区|自治州|地区|市|州|盟|自治县|县|自治旗|旗|区|镇|乡|街道)"
_PLACE = re.compile(rf"^(?:{_LEVEL}){{1,4}}")
ELLIPSIS = "…"


def split_agency(name: str) -> tuple[str, str]:
    """(place, body): ``吉林省长春市司法局`` -> (``吉林省长春市``, ``司法局``); no place: ("", name)."""
    match = _PLACE.match(name)
    if match is None or match.end() >= len(name):  # a bare place name (梨树县) is all place: nothing to keep apart
        return "", name
    return match.group(0), name[match.end():]


def elide_agency(name: str, metrics: QFontMetrics, width: int) -> str:
    """The agency as shown in ``width`` pixels: whole if it fits, else the place kept and the body elided in the
    middle (its start and its kind of body: 局, 委员会…), else the place and the body's end (梨树县…数据局); a
    place of several levels gives up its upper ones first (长春市朝阳区 -> 朝阳区)."""
    if metrics.horizontalAdvance(name) <= width:
        return name
    place, body = split_agency(name)
    levels = re.findall(_LEVEL, place)
    for shown in dict.fromkeys([place, levels[-1] if levels else ""]):
        if not shown:
            continue
        room = width - metrics.horizontalAdvance(shown)
        if room >= metrics.horizontalAdvance(body[:1] + ELLIPSIS + body[-2:]):
            return shown + metrics.elidedText(body, Qt.TextElideMode.ElideMiddle, room)
        if room >= metrics.horizontalAdvance(ELLIPSIS + body[-2:]):
            return shown + metrics.elidedText(body, Qt.TextElideMode.ElideLeft, room)
    return metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, width)


class AgencyDelegate(QStyledItemDelegate):
    """Draws agency names with :func:`elide_agency` (the view's own eliding would cut the place or the body)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt's name)
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else None
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1 if style else 4
        text = option.text
        option.text = elide_agency(text, option.fontMetrics, option.rect.width() - 2 * margin)
