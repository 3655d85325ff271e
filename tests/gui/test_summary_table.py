"""The import summary table shows each reason whole (wrapped), with the .doc advice."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QTableView

from desktop.gui import dialogs


def test_a_long_reason_is_wrapped_not_cut(qtbot, monkeypatch):
    seen: list[QDialog] = []
    monkeypatch.setattr(QDialog, "exec", lambda self: seen.append(self) or 0)
    reason = ("old.doc is an old Word .doc (or other OLE) file, which is not supported — open it in Word or WPS "
              "and save it as .docx")
    dialogs.show_table(None, "Import finished", "1 failed.", ["Result", "File", "Reason"],
                       [("failed", "/a/very/long/path/to/the/folder/of/reports/old.doc", reason)])
    dialog = seen[0]
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.findChild(QTableView)
    assert view.wordWrap()
    line = view.fontMetrics().height()
    assert view.rowHeight(0) > 1.5 * line  # the reason takes the lines it needs
    assert "save it as .docx" in view.model().index(0, 2).data()
