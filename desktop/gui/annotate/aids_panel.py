"""The shortcomings aids dock: hints about the current report's shortcomings part, never scores.

Shows, from ``desktop.core.review.aids.shortcomings_aids``: per shortcoming item how specific it is (figures, named
documents and names against stock phrases), whether causes are analysed, which items of next year's plan
answer it, and whether it repeats the agency's earlier report. Every item and link jumps to its passage.
The stock phrases can be marked in the report text (``marks_changed`` carries the marks to draw).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QUrl, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QDockWidget, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.review.aids import PARTLY, SPECIFIC, VAGUE, ShortcomingAid, ShortcomingsAids, shortcomings_aids
from desktop.core.storage.documents import DocumentRecord

FORMULAIC_MARK = QColor(150, 110, 255, 70)   # distinct from every part tint and from annotation marks
FORMULAIC_LINE = QColor("#6a4fd0")
LEVEL_COLORS = {SPECIFIC: "#2e7d32", PARTLY: "#b26a00", VAGUE: "#c62828"}
EXCERPT = 28


def level_label(level: str) -> str:
    return {SPECIFIC: QCoreApplication.translate("Aids", "specific"), PARTLY: QCoreApplication.translate("Aids", "partly specific"), VAGUE: QCoreApplication.translate("Aids", "vague")}.get(level, level)


def _excerpt(text: str, limit: int = EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _link(start: int, end: int, label: str) -> str:
    return f'<a href="jump:{start}:{end}">{html.escape(label)}</a>'


class AidsPanel(QDockWidget):
    """Hints for the shortcomings part of the report shown; see the module docstring."""

    jump_requested = Signal(int, int)
    marks_changed = Signal(list)  # [(start, end, QColor, key)] of stock phrases to mark, [] to clear

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcomingsAidsDock")
        self.aids: ShortcomingsAids | None = None
        self.record: DocumentRecord | None = None
        self.previous: DocumentRecord | None = None
        body = QWidget(self)
        self.mark_box = QCheckBox(body)
        self.mark_box.setChecked(True)
        self.mark_box.toggled.connect(lambda _on: self._emit_marks())
        self.browser = QTextBrowser(body)
        self.browser.setObjectName("aidsBrowser")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_link)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.mark_box)
        layout.addWidget(self.browser, 1)
        self.setWidget(body)
        self.retranslate()

    def set_report(self, record: DocumentRecord | None, previous: DocumentRecord | None = None) -> None:
        """Show the aids for a report (None clears); ``previous`` is the agency's earlier report, if any."""
        same = record is not None and self.aids is not None and (record, previous) == (self.record, self.previous)
        if not same:  # the same report again (a refresh after a change elsewhere): the aids shown still hold
            self.aids = shortcomings_aids(record, previous) if record is not None else None
            self.record, self.previous = record, previous
            self._render()
        self._emit_marks()

    def marks(self) -> list[tuple[int, int, QColor, str]]:
        if self.aids is None or not self.mark_box.isChecked():
            return []
        return [(s.start, s.end, FORMULAIC_MARK, f"formulaic:{s.start}") for s in self.aids.formulaic]

    def _emit_marks(self) -> None:
        self.marks_changed.emit(self.marks())

    def _on_link(self, url: QUrl) -> None:
        parts = url.toString().split(":")
        if len(parts) == 3 and parts[0] == "jump":
            self.jump_requested.emit(int(parts[1]), int(parts[2]))

    # --- rendering -------------------------------------------------------------------------------------

    def _render(self) -> None:
        self.browser.setHtml(self.render_html())

    def render_html(self) -> str:
        """The panel's content as HTML (also what tests read)."""
        aids = self.aids
        if aids is None:
            return "<p>" + html.escape(QCoreApplication.translate("Aids", "Open a report to see hints about its shortcomings part.")) + "</p>"
        if aids.section is None:
            return ("<p><b>" + html.escape(QCoreApplication.translate("Aids", "This report has no shortcomings part.")) + "</b></p><p>"
                    + html.escape(QCoreApplication.translate("Aids", "The rules ask every annual report for the shortcomings of the year and their "
                                      "causes.")) + "</p>")
        items, marked = len(aids.items), len(aids.formulaic)  # lupdate misses a call nested in translate's arguments
        out = ["<p><b>" + _link(aids.section.start, aids.section.end, QCoreApplication.translate("Aids", "Shortcomings part")) + "</b>: "
               + html.escape(QCoreApplication.translate("Aids", "%n item(s)", "", items)) + "</p>", "<ul>"]
        out.append("<li>" + self._causes_summary(aids) + "</li>")
        out.append("<li>" + self._plan_summary(aids) + "</li>")
        out.append("<li>" + self._previous_summary(aids) + "</li>")
        out.append("<li>" + html.escape(QCoreApplication.translate("Aids", "%n stock phrase(s) marked", "", marked)) + "</li></ul>")
        for aid in aids.items:
            out.append(self._item_html(aid, aids))
        out.append("<p style='color:#777'>" + html.escape(QCoreApplication.translate("Aids", "These are hints to check by reading, not scores."))
                   + "</p>")
        return "\n".join(out)

    def _causes_summary(self, aids: ShortcomingsAids) -> str:
        if aids.causes_analysed:
            n = sum(bool(a.causes) for a in aids.items)
            return html.escape(QCoreApplication.translate("Aids", "Causes: analysed for %1 of %2 items").replace("%1", str(n))
                               .replace("%2", str(len(aids.items))))
        text = QCoreApplication.translate("Aids", "Causes: none analysed")
        if aids.heading_mentions_causes:
            text += " — " + QCoreApplication.translate("Aids", "the heading promises causes (原因) but the text gives none")
        return f"<span style='color:{LEVEL_COLORS[VAGUE]}'>{html.escape(text)}</span>"

    def _plan_summary(self, aids: ShortcomingsAids) -> str:
        if aids.plan_section is None:
            return html.escape(QCoreApplication.translate("Aids", "Next year's plan: the report has no plan part to compare with"))
        missing = len(aids.unanswered)
        if not missing:
            return html.escape(QCoreApplication.translate("Aids", "Next year's plan: every shortcoming has a matching plan item"))
        text = QCoreApplication.translate("Aids", "Next year's plan: %n shortcoming(s) with no matching plan item", "", missing)
        return f"<span style='color:{LEVEL_COLORS[VAGUE]}'>{html.escape(text)}</span>"

    def _previous_summary(self, aids: ShortcomingsAids) -> str:
        if aids.previous_items is None or self.previous is None:
            return html.escape(QCoreApplication.translate("Aids", "Earlier report: none of the same agency in the corpus"))
        year = str(self.previous.summary.year or "")
        if not aids.previous_items:
            return html.escape(QCoreApplication.translate("Aids", "Earlier report (%1): it has no shortcomings part to compare with")
                               .replace("%1", year))
        repeated = sum(bool(a.repeats) for a in aids.items)
        text = QCoreApplication.translate("Aids", "Earlier report (%1): %n shortcoming(s) repeated", "", repeated).replace("%1", year)
        color = LEVEL_COLORS[VAGUE] if repeated else "inherit"
        return f"<span style='color:{color}'>{html.escape(text)}</span>"

    def _item_html(self, aid: ShortcomingAid, aids: ShortcomingsAids) -> str:
        item, spec = aid.item, aid.specificity
        title = item.heading or item.text
        color = LEVEL_COLORS.get(spec.level, "#555")
        lines = [f"<p style='margin-top:10px'><b>{_link(item.start, item.end, _excerpt(title, 36))}</b> "
                 f"<span style='color:white; background:{color}'>&nbsp;{html.escape(level_label(spec.level))}&nbsp;"
                 "</span></p><ul style='margin-top:0'>"]
        concrete = [s.text for s in spec.figures] + [s.text for s in spec.documents] + [s.text for s in spec.names]
        lines.append("<li>" + html.escape(QCoreApplication.translate("Aids", "Concrete details: %1").replace(
            "%1", "、".join(concrete) if concrete else QCoreApplication.translate("Aids", "none"))) + "</li>")
        if spec.formulaic:
            phrases, count = " · ".join(_link(s.start, s.end, s.text) for s in spec.formulaic), len(spec.formulaic)
            lines.append("<li>" + html.escape(QCoreApplication.translate("Aids", "Stock phrases (%n): ", "", count)) + phrases + "</li>")
        if aid.causes:
            cues = " · ".join(_link(c.start, c.end, c.text) for c in aid.causes)
            lines.append("<li>" + html.escape(QCoreApplication.translate("Aids", "Cause given: ")) + cues + "</li>")
        else:
            lines.append(f"<li style='color:{LEVEL_COLORS[VAGUE]}'>" + html.escape(QCoreApplication.translate("Aids", "No cause given")) + "</li>")
        if aids.plan_section is not None:
            if aid.plan_links:
                links = []
                for link in aid.plan_links:
                    plan = aids.plan_items[link.index]
                    label = _excerpt(plan.heading or plan.text, 22)
                    links.append(_link(plan.start, plan.end, label) + html.escape(
                        f" ({link.similarity:.2f}; " + QCoreApplication.translate("Aids", "shared: %1").replace("%1", " ".join(link.shared[:4]))
                        + ")"))
                lines.append("<li>" + html.escape(QCoreApplication.translate("Aids", "Answered in the plan by: ")) + "; ".join(links) + "</li>")
            else:
                lines.append(f"<li style='color:{LEVEL_COLORS[VAGUE]}'>"
                             + html.escape(QCoreApplication.translate("Aids", "Nothing in next year's plan answers this")) + "</li>")
        for rep in aid.repeats:
            old = (aids.previous_items or [])[rep.index]
            lines.append(f"<li style='color:{LEVEL_COLORS[VAGUE]}'>" + html.escape(
                QCoreApplication.translate("Aids", "Repeats the earlier report: “%1” (%2 overlap)").replace("%1", _excerpt(old.text, 30))
                .replace("%2", f"{rep.similarity:.0%}")) + "</li>")
        lines.append("</ul>")
        return "\n".join(lines)

    # --- texts -----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Aids", "Shortcomings Aids"))
        self.mark_box.setText(QCoreApplication.translate("Aids", "Mark stock phrases in the text"))
        self.mark_box.setToolTip(QCoreApplication.translate("Aids", "Phrases such as 有待进一步加强 or 仍有提升空间 that state a gap without "
                                     "saying what, where or why"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
