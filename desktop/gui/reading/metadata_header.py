"""MetadataHeader: a report's title, metadata line, and banners about its required parts.

Shows agency, year, document number, document date, publication date and whether the report was made public
on time (with where each value was found, as a tooltip); a red banner for each required part the report
lacks; an amber banner, with a link, for each required part that is only a subsection or an inline item
of another part. Clicking a link emits ``link_activated`` with the document offset to scroll to.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from desktop.core.review.verify import field_marks, source_sentence
from desktop.core.segmentation.classify import REQUIRED_KINDS
from desktop.core.storage.documents import DocumentRecord
from desktop.gui import i18n, palette
from desktop.gui.missing_chips import MissingChipsLabel
from desktop.gui.plain import PlainLabel, plain_label, plain_tip

_LINK_PREFIX = "offset:"
CHECK_COLOR = "#b35c00"  # the 请核对 mark: amber, apart from the violet of a correction


def check_mark_html(tip: str) -> str:
    """The visible 请核对 mark of a doubtful value (rich text; ``tip`` is escaped into its hover text)."""
    label = QCoreApplication.translate("MetadataHeader", "请核对")
    # the tip quotes report text (a source sentence, a refused value): a tooltip must show it, never render it
    return (f'<span title="{html.escape(plain_tip(tip), quote=True)}" style="color:{CHECK_COLOR}; font-weight:600">'
            f"&nbsp;【{html.escape(label)}】</span>")


def _value_or_dash(value: object) -> str:
    return "—" if value in (None, "") else str(value)


class _Banner(QFrame):
    """A coloured banner line of rich text with optional links."""

    def __init__(self, text: str, background: str, border: str, color: str, parent: QWidget | None = None, *,
                 kind: str = "", offset: int = -1) -> None:
        super().__init__(parent)
        self.kind = kind
        self.offset = offset  # document offset the banner's link shows, -1 when it has none
        self.setObjectName("banner")
        self.setStyleSheet(f"QFrame#banner {{ background: {background}; border: 1px solid {border}; "
                           f"border-left: 4px solid {border}; border-radius: 3px; }}"
                           f"QLabel {{ color: {color}; background: transparent; border: none; }}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        self.label = PlainLabel(text, self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setOpenExternalLinks(False)
        layout.addWidget(self.label)


class MetadataHeader(QWidget):
    """Title, metadata and required-part banners of one report."""

    link_activated = Signal(int)  # document offset of a subsection/inline part to show

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self._compact = compact
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self._layout.setSpacing(4)
        self.title = plain_label(self)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * (1.1 if compact else 1.3))
        self.title.setFont(font)
        self.meta = PlainLabel(self)
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.RichText)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.on_time = plain_label(self)  # a badge next to the title: published on time, late, or unknown
        self.on_time.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Side by side (compact) the header is one line: the title, the badge and a button that opens the metadata
        # and the part banners; the panes keep their height for the text.
        self.details_button = QToolButton(self)
        self.details_button.setObjectName("headerDetails")
        self.details_button.setCheckable(True)
        self.details_button.setAutoRaise(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.toggled.connect(self._apply_collapsed)
        self.details_button.setVisible(compact)
        # Side by side the missing-part banners are folded away: their chips stay in the line (缺 履职), fitted
        self.missing_chips = MissingChipsLabel(self)
        self.missing_chips.setObjectName("headerMissingChips")
        self.missing_chips.hide()
        title_row = QHBoxLayout()
        title_row.setSpacing(10)
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.missing_chips, 0, Qt.AlignmentFlag.AlignTop)
        title_row.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        title_row.addWidget(self.on_time, 0, Qt.AlignmentFlag.AlignTop)
        self._layout.addLayout(title_row)
        self._layout.addWidget(self.meta)
        self._layout.addStretch(1)  # extra height (side by side, headers are made equal) goes below
        self.banners: list[_Banner] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        if compact:
            self.title.setWordWrap(False)
            self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self._layout.setContentsMargins(6, 2, 6, 2)
            self._apply_collapsed()

    def collapsed(self) -> bool:
        """True when only the one-line summary shows (side by side, details closed)."""
        return self._compact and not self.details_button.isChecked()

    def _apply_collapsed(self, *_args: object) -> None:
        collapsed = self.collapsed()
        self.meta.setVisible(not collapsed)
        self.missing_chips.setVisible(collapsed and bool(self.missing_chips.kinds()))
        for banner in self.banners:
            banner.setVisible(not collapsed)
        self.details_button.setArrowType(Qt.ArrowType.DownArrow if not collapsed else Qt.ArrowType.RightArrow)
        count = len(self.banners)
        # Side by side each pane is narrow: the button says only how many notices there are.
        self.details_button.setText(self.tr("Details (%1)").replace("%1", str(count)) if count else
                                    self.tr("Details"))
        self.details_button.setToolTip(self.tr("Show the metadata and the required-part notices of this report"))

    def set_record(self, record: DocumentRecord | None) -> None:
        """Show one report's metadata and part banners (None clears the header)."""
        for banner in self.banners:
            self._layout.removeWidget(banner)
            banner.hide()  # gone at once, not when the deletion comes round
            banner.deleteLater()
        self.banners = []
        self.missing_chips.set_kinds(record.summary.missing if record is not None and self._compact else ())
        if record is None:
            self.title.clear()
            self.meta.clear()
            self.on_time.clear()
            return
        s = record.summary
        self.title.setText(s.title or s.name)
        found_in = i18n.core_text(record.metadata_sources.get("title", ""))
        self.title.setToolTip(plain_tip(self.tr("Found in: %1").replace("%1", found_in)))
        self.meta.setText(self._meta_html(record))
        self._set_on_time(s.on_time, i18n.core_text(record.metadata_sources.get("on_time", "")))
        self._add_document_notes(record)
        for kind in REQUIRED_KINDS:
            if kind in s.missing:
                self._add_missing(kind, record)
        for section in record.sections:
            if section.kind in REQUIRED_KINDS and section.placement in ("subsection", "inline"):
                self._add_nested(record, section.kind, section.placement, section.heading, section.start,
                                 i18n.core_text(section.reason) if section.confidence == "low" else "")
        if self._compact:
            self.title.setToolTip(plain_tip(f"{s.title or s.name}\n{s.agency or ''} {s.year or ''}".strip()))
            self._apply_collapsed()

    def _meta_html(self, record: DocumentRecord) -> str:
        s = record.summary
        sources = record.metadata_sources
        fields = [
            (self.tr("Agency"), s.agency, "agency"),
            (self.tr("Year"), s.year, "year"),
            (self.tr("Document number"), s.doc_number, "doc_number"),
            (self.tr("Date"), s.doc_date, "doc_date"),
            (self.tr("Published"), s.published_at, "published_at"),
        ]
        marks = field_marks(record)
        parts = []
        for label, value, key in fields:
            where = sources.get(key) or self.tr("not found in the text")
            if where.startswith("corrected by "):  # the reviewer's correction (the source names who made it)
                title = html.escape(self.tr("Corrected by %1").replace("%1", where[len("corrected by "):]), quote=True)
            else:
                title = html.escape(self.tr("Found in: %1").replace("%1", i18n.core_text(where)), quote=True)
            value_html = html.escape(_value_or_dash(value)).replace(" ", "&nbsp;")
            if str(sources.get(key, "")).startswith("corrected"):  # a reviewer's correction: marked, violet
                value_html = f'<span style="color:#7a3db8">{value_html}&nbsp;※</span>'
            elif str(sources.get(key, "")).startswith("confirmed"):  # checked by a reviewer: never marked again
                value_html = f'<span style="color:#1e6b33">{value_html}&nbsp;✓</span>'
            check = ""
            if key in marks:
                reason, sentence = marks[key]
                tip = self.tr("Please check: %1").replace("%1", i18n.core_text(reason))
                if sentence:
                    tip += "\n" + self.tr("Source: %1").replace("%1", sentence)
                check = check_mark_html(tip)
            parts.append(f'<span title="{title}"><span style="color:#666">{html.escape(label)}</span>&nbsp;'
                         f"<b>{value_html}</b>{check}</span>")
        return "&nbsp;&nbsp;· ".join(parts)

    def _set_on_time(self, on_time: bool | None, why: str) -> None:
        if on_time is True:
            text, short, bg, fg = self.tr("Published on time"), self.tr("On time"), "#e3f4e6", "#1e6b33"
        elif on_time is False:
            text, short, bg, fg = self.tr("Published late"), self.tr("Late"), "#fdecea", "#8e1b1b"
        else:
            text, short, bg, fg = self.tr("Timeliness unknown"), self.tr("Timeliness?"), "#efefef", "#555555"
        # Side by side (compact) the badge is a word; the sentence is in the tooltip.
        self.on_time.setText(short if self._compact else text)
        why = why or self.tr("No publication date was found in the text")
        self.on_time.setToolTip(plain_tip(f"{text}: {why}" if self._compact else why))
        self.on_time.setStyleSheet(f"QLabel {{ background: {bg}; color: {fg}; font-weight: 600; "
                                   f"border: 1px solid {fg}; border-radius: 3px; padding: 1px 6px; }}")

    def doc_type_label(self, doc_type: str) -> str:
        """The reader's name for what a document looks like (segmentation's ``doc_type``)."""
        return {
            "government_information_disclosure": self.tr("a government information disclosure report "
                                                         "(政府信息公开工作年度报告)"),
            "legal_publicity_summary": self.tr("a legal publicity summary (普法工作总结)"),
            "enforcement_statistics": self.tr("an administrative enforcement statistics report (执法统计)"),
            "personal_law_report": self.tr("one leader's personal law report (述法报告)"),
        }.get(doc_type, doc_type)

    def _add_document_notes(self, record: DocumentRecord) -> None:
        """A banner when the document is not an annual report, and one when its text seems cut off."""
        doc_type = getattr(record, "doc_type", "annual_report")
        if doc_type != "annual_report":
            text = self.tr("This document looks like %1, not an annual report on building rule-of-law "
                           "government: its parts and missing-part banners may not apply.")
            banner = _Banner(html.escape(text).replace("%1", f"<b>{html.escape(self.doc_type_label(doc_type))}</b>"),
                             palette.css(palette.NOTICE_BACKGROUND), palette.css(palette.NOTICE_BORDER), "#5c4400",
                             self, kind="doc_type")
            self._add_banner(banner)
        if getattr(record, "truncated", False) and record.summary.missing:
            text = self.tr("The text seems cut off before its end: parts listed as missing may lie beyond it.")
            self._add_banner(_Banner(html.escape(text), palette.css(palette.NOTICE_BACKGROUND),
                                     palette.css(palette.NOTICE_BORDER), "#5c4400", self, kind="truncated"))

    def _add_missing(self, kind: str, record: DocumentRecord) -> None:
        lead = self.tr("Missing required part:")
        text = f"<b>{html.escape(lead)}</b> {html.escape(palette.kind_label(kind))}"
        tip = self.tr("The regulation requires every annual report to contain this part.")
        confirmed_by = record.missing_confirmed.get(kind)
        candidate = record.missing_candidates.get(kind) or {}
        offset = -1
        if confirmed_by is not None:  # a reviewer checked that it is really absent: never marked again
            confirmed = html.escape(self.tr("confirmed by %1").replace("%1", confirmed_by or "?"))
            text += f' <span style="color:#1e6b33">✓&nbsp;{confirmed}</span>'
        else:
            check_tip = self.tr("Please check: no heading, item or sentence states this part.")
            if candidate:
                sentence = source_sentence(record.text, candidate.get("start"), candidate.get("end"))
                check_tip += "\n" + self.tr("Look here first: %1").replace("%1", sentence)
                offset = int(candidate["start"])
                show = html.escape(self.tr("show"))
                text += check_mark_html(check_tip) + f' <a href="{_LINK_PREFIX}{offset}">{show}</a>'
            else:
                text += check_mark_html(check_tip)
        banner = _Banner(text, palette.css(palette.MISSING_BACKGROUND), palette.css(palette.MISSING_BORDER),
                         palette.css(palette.MISSING_TEXT), self, kind=kind, offset=offset)
        banner.setToolTip(tip)
        if offset >= 0:
            banner.label.linkActivated.connect(self._on_link)
        self._add_banner(banner)

    def _add_nested(self, record: DocumentRecord, kind: str, placement: str, heading: str, offset: int,
                    doubt: str = "") -> None:
        parent = next((p for p in record.sections
                       if p.placement == "section" and p.start <= offset < p.end), None)
        where = (parent.heading or palette.kind_label(parent.kind)) if parent else ""
        if placement == "subsection":
            lead = self.tr("%1 is not a part of its own, only a subsection of %2:")
        else:
            lead = self.tr("%1 is not a part of its own, only an item inside %2:")
        lead = lead.replace("%1", f"<b>{html.escape(palette.kind_label(kind))}</b>").replace(
            "%2", f"“{html.escape(where.strip())}”")
        shown = heading.strip() or self.tr("show")
        link = f'<a href="{_LINK_PREFIX}{offset}">{html.escape(shown)}</a>'
        if doubt:
            link += check_mark_html(self.tr("Please check: %1").replace("%1", doubt))
        banner = _Banner(f"{lead} {link}", palette.css(palette.NOTICE_BACKGROUND),
                         palette.css(palette.NOTICE_BORDER), "#5c4400", self, kind=kind, offset=offset)
        banner.label.linkActivated.connect(self._on_link)
        self._add_banner(banner)

    def _add_banner(self, banner: _Banner) -> None:
        self.banners.append(banner)
        self._layout.insertWidget(self._layout.count() - 1, banner)

    def _on_link(self, href: str) -> None:
        if href.startswith(_LINK_PREFIX):
            self.link_activated.emit(int(href[len(_LINK_PREFIX):]))
