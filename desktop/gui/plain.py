"""Report text and colleagues' text shown as plain text, never as Qt markup.

A QLabel, a tooltip or a message box guesses whether its text is rich text (``Qt::mightBeRichText``): a title
``<img src="/some/file">`` would make Qt read that file, ``<img src="/dev/zero">`` would exhaust memory. Every
label that can show a report's or a colleague's text is made with :func:`plain_label` (or passed to
:func:`make_plain`), every such tooltip goes through :func:`plain_tip`, and every piece of such text put into a
rich-text label through :func:`escape`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QWidget


class PlainLabel(QLabel):
    """A QLabel that shows its text literally (no markup, no images, no links): ``PlainLabel(text, parent)``.

    Every label of the GUI is one; the few that show markup of our own set ``Qt.RichText`` explicitly and escape
    every piece of data they put in it.
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[call-overload]
        self.setTextFormat(Qt.TextFormat.PlainText)


def plain_label(parent: QWidget | None = None, text: str = "") -> QLabel:
    """A label that shows ``text`` literally."""
    return PlainLabel(text, parent)


def make_plain(*labels: QLabel) -> None:
    """Switch labels made elsewhere (a form layout's, a dialog's) to plain text."""
    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_tip(text: str | None) -> str:
    """A tooltip showing ``text`` literally: text Qt would take for markup is escaped into a paragraph."""
    if not text:
        return ""
    if not GuiQt.mightBeRichText(text):
        return text
    return GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def escape(text: str | None) -> str:
    """Text for a rich-text label: every character shown as itself (quotes too, so it is safe in an attribute)."""
    return html.escape(text or "", quote=True)


def menu_text(text: str) -> str:
    """Text for a menu entry or a button: an ``&`` in it is shown, not taken as a shortcut mark."""
    return text.replace("&", "&&")
