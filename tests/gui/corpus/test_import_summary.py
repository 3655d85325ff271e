"""The import summary lists every file with its result (which report it became or repeats, or why not) and, when
new reports have no agency, opens the verify queue on exactly those reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QPushButton

from desktop.core.ingest.importer import ImportReport, summarize_import
from desktop.core.storage.documents import list_documents
from desktop.gui import dialogs

# A report whose text names no agency anywhere (no title prefix, no signature, no opening subject).
NO_AGENCY = ("关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n今年我们深入推进依法行政，完善制度建设，规范行政"
             "执法行为，提升执法人员素质。\n二、存在的不足\n制度执行仍有差距。\n三、下一步工作安排\n继续加强法治建设。\n"
             "特此报告。\n2025年2月1日\n")


@pytest.fixture
def incoming(tmp_path, seeds_dir) -> Path:
    """A good report, the same report again, an empty and a binary file, a hidden file, a report without agency
    (its file name holds markup: it must show as typed)."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    shutil.copy(seeds_dir / "001_a35be3758fcb709b.txt", folder / "good.txt")
    shutil.copy(seeds_dir / "001_a35be3758fcb709b.txt", folder / "again.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x00 not text")
    (folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (folder / "<b>nameless<i>.txt").write_text(NO_AGENCY, encoding="utf-8")
    return folder


def _import(qtbot, window, folder, monkeypatch, answer: bool) -> list[tuple]:
    shown: list[tuple] = []

    def show_report_list(*args):
        shown.append(args)
        return answer

    monkeypatch.setattr(dialogs, "show_report_list", show_report_list)
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a, **k: str(folder))
    with qtbot.waitSignal(window.import_controller.finished, timeout=30000):
        window.import_folder_action.trigger()
    qtbot.waitUntil(lambda: len(shown) == 1)
    return shown


def test_the_summary_lists_each_file_and_verify_opens_the_queue_on_the_agency_less_report(
        qtbot, open_window, db_path, incoming, monkeypatch):
    window = open_window(db_path, features=("verify",), shown=False)
    [(parent, title, text, lines, action)] = _import(qtbot, window, incoming, monkeypatch, answer=True)
    assert parent is window and title == "Import finished"
    assert text.startswith("2 imported, 1 duplicate, 2 failed, 1 skipped.")
    by_file = {Path(line.split("  ")[1]).name: line for line in lines}
    assert len(lines) == 6 and set(by_file) == {p.name for p in incoming.iterdir()}
    good_as = "梨树县政务服务和数字化建设管理局, year 2025"
    # the first of the two copies (folder order) is imported; the other names the report it repeats
    first, second = sorted(["good.txt", "again.txt"])
    assert by_file[first].startswith("imported  ") and f"→  as {good_as}" in by_file[first]
    assert by_file[second].startswith("duplicate  ") and f"same content as {good_as} ({first})" in by_file[second]
    assert by_file["empty.txt"].startswith("failed  ") and "empty" in by_file["empty.txt"]
    assert by_file["binary.txt"].startswith("failed  ") and "binary" in by_file["binary.txt"]
    assert by_file[".hidden.txt"].startswith("skipped  ") and "hidden" in by_file[".hidden.txt"]
    nameless = by_file["<b>nameless<i>.txt"]
    assert nameless.startswith("imported  ") and "as (no agency), year 2024" in nameless
    assert action == "1 reports have no agency → verify"
    # The button opened the verify queue on that report alone, its agency first.
    dialog = window.extensions["verify"].dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.loading and bool(dialog.doubts), timeout=20000)
    nameless_id = next(d.id for d in list_documents(window.reader) if d.name == "<b>nameless<i>.txt")
    assert dialog.document_ids == [nameless_id]
    assert {d.document_id for d in dialog.doubts} == {nameless_id}
    assert dialog.doubts[dialog.current].target == "field:agency"
    assert dialog.scope.isVisible() and "1 reports" in dialog.scope.text()
    # The Verify menu still walks the whole corpus (the scope line goes away).
    window.extensions["verify"].action.trigger()
    qtbot.waitUntil(lambda: not dialog.loading and dialog.document_ids is None, timeout=20000)
    assert not dialog.scope.isVisible()


def test_without_the_verify_feature_the_summary_still_says_how_many_have_no_agency(
        qtbot, open_window, db_path, incoming, monkeypatch):
    window = open_window(db_path, shown=False)
    [(_parent, _title, text, _lines, action)] = _import(qtbot, window, incoming, monkeypatch, answer=True)
    assert action == "" and text.endswith("1 reports have no agency.")


def test_the_dialog_shows_lines_as_plain_text_and_its_button_answers(qtbot):
    lines = ["imported  <b>x</b>.txt  →  as <i>A</i>, 2024", "failed  y.txt  →  the file is empty"]
    dialog = dialogs.report_list_dialog(None, "Import finished", "1 imported, <b>1</b> failed.", lines,
                                        "1 reports have no agency → verify")
    qtbot.addWidget(dialog)
    box = dialog.findChild(QPlainTextEdit, "lines")
    assert box.toPlainText() == "\n".join(lines) and box.isReadOnly()
    assert dialog.findChild(QLabel, "counts").text() == "1 imported, <b>1</b> failed."
    button = dialog.findChild(QPushButton, "action")
    assert button.text() == "1 reports have no agency → verify"
    dialog.open()
    button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    plain = dialogs.report_list_dialog(None, "t", "c", lines)
    qtbot.addWidget(plain)
    assert plain.findChild(QPushButton, "action") is None


def test_summarize_import_names_what_each_outcome_points_to(tmp_path, incoming):
    from desktop.core.ingest.importer import import_paths
    from desktop.core.review.verify import doubts_of
    from desktop.core.storage import open_database

    db = open_database(tmp_path / "s.sqlite3")
    report = import_paths(db, [incoming])
    summary = summarize_import(db, report)
    named = {Path(o.path).name: summary.of(o) for o in report.outcomes}
    assert named["empty.txt"] is None and named[".hidden.txt"] is None
    assert named["good.txt"] == named["again.txt"] and named["good.txt"].agency
    assert [summary.reports[i].name for i in summary.without_agency] == ["<b>nameless<i>.txt"]
    # a second import of the same folder adds nothing, so no report is "new without agency"
    assert summarize_import(db, import_paths(db, [incoming])).without_agency == []
    assert summarize_import(db, ImportReport()).reports == {}
    # the queue's filter: only those reports, agency first; unknown ids are left out, not an error
    doubts = doubts_of(db, ["no-such-id", *summary.without_agency], first="field:agency")
    assert doubts and doubts[0].target == "field:agency"
    assert {d.document_id for d in doubts} == set(summary.without_agency)
