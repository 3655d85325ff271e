"""Colours and labels of the report views: one hue per kind of part, plus marks, banners and clutter.

Tints are pale so that black text stays readable on them; the strong shade of the same hue marks the
part's stripe in the margin and its legend chip. Search hits, reuse marks, annotation marks and the
navigation flash are multiplied over the tints (like a highlighter pen), so they are opaque pale colours
that stay distinguishable from every tint.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor


@dataclass(frozen=True)
class KindColors:
    tint: QColor  # background of the part's text
    strong: QColor  # margin stripe, legend chip, outline marker


KIND_COLORS: dict[str, KindColors] = {
    "preamble": KindColors(QColor("#f1f1ef"), QColor("#8d8d86")),
    "achievements": KindColors(QColor("#e6f0fb"), QColor("#2f74c0")),
    "shortcomings": KindColors(QColor("#fdeede"), QColor("#d9730d")),
    "leader_duty": KindColors(QColor("#f1e9fa"), QColor("#8146b4")),
    "next_plan": KindColors(QColor("#e5f5e8"), QColor("#2e8b47")),
    "other": KindColors(QColor("#e1f4f3"), QColor("#13877e")),
}

SEARCH_HIT = QColor("#ffd84d")
REUSE_FILL = QColor("#f7c6da")
REUSE_LINE = QColor("#c2185b")
CLUTTER_TEXT = QColor("#8a8a8a")
CLUTTER_BACKGROUND = QColor("#ececec")
MISSING_BACKGROUND = QColor("#fdecea")
MISSING_BORDER = QColor("#c62828")
MISSING_TEXT = QColor("#8e1b1b")
NOTICE_BACKGROUND = QColor("#fff6dc")
NOTICE_BORDER = QColor("#d4a017")
GAP_BACKGROUND = QColor("#fbe3e1")
GAP_TEXT = QColor("#9b1c1c")
FLASH = QColor("#fff0b3")

# The English names of desktop.core.segmentation.classify.KIND_LABELS (a test checks they match), marked for lupdate (context "Kinds"); the zh_CN
# catalog gives the Chinese names of the regulation (KIND_LABELS' Chinese column).
_KIND_SOURCES = {
    "preamble": QT_TRANSLATE_NOOP("Kinds", "Preamble"),
    "achievements": QT_TRANSLATE_NOOP("Kinds", "Measures and results"),
    "shortcomings": QT_TRANSLATE_NOOP("Kinds", "Shortcomings and causes"),
    "leader_duty": QT_TRANSLATE_NOOP("Kinds", "Leaders' duty"),
    "next_plan": QT_TRANSLATE_NOOP("Kinds", "Next year's plan"),
    "other": QT_TRANSLATE_NOOP("Kinds", "Other"),
}


def kind_label(kind: str) -> str:
    """The user-visible name of a kind of part, translated."""
    source = _KIND_SOURCES.get(kind)
    return QCoreApplication.translate("Kinds", str(source)) if source else kind


def kind_colors(kind: str) -> KindColors:
    return KIND_COLORS.get(kind, KIND_COLORS["other"])


def css(color: QColor) -> str:
    """A colour as a style-sheet value (with alpha when not opaque)."""
    if color.alpha() == 255:
        return color.name()
    return f"rgba({color.red()}, {color.green()}, {color.blue()}, {color.alpha()})"



# -- contrast (WCAG 2.x) -------------------------------------------------------------------------------
MIN_TAG_CONTRAST = 3.0  # WCAG's minimum for graphical objects: a tag's line or bar against the tint it lies on


def relative_luminance(color: QColor) -> float:
    """WCAG relative luminance of an sRGB colour (0 black … 1 white)."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 … 21)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def backgrounds() -> list[QColor]:
    """Every background a tag mark or coding bar can lie on: the part tints and the plain page."""
    return [c.tint for c in KIND_COLORS.values()] + [QColor("#ffffff")]


def legible_tag_color(color: QColor | str) -> QColor:
    """The tag's colour, darkened (same hue) until it keeps a 3:1 contrast against every part tint: an orange tag
    stays visible on the orange shortcomings tint whatever colour the codebook holds."""
    out = QColor(color)
    for _ in range(40):
        if min(contrast_ratio(out, bg) for bg in backgrounds()) >= MIN_TAG_CONTRAST:
            return out
        out = out.darker(108)
    return out
