"""File › Merge Conflicts…: both versions listed, the lead chooses, the choice is stored and announced."""

from __future__ import annotations

import shutil
import sqlite3

from desktop.core.exchange.merge import merge_database
from desktop.core.exchange.package import make_package
from desktop.core.ingest.importer import import_paths
from desktop.core.panel.assignments import assign
from desktop.core.review.annotations import create_annotation, list_annotations
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.storage import open_database
from desktop.core.storage.documents import list_documents


def _lead_with_a_conflict(tmp_path, seeds_dir) -> tuple[str, str]:
    lead = open_database(tmp_path / "lead.sqlite3")
    import_paths(lead, sorted(seeds_dir.glob("000_*.txt")))
    doc = list_documents(lead)[0].id
    zhang = get_or_create_reviewer(lead, "张三")
    assign(lead, [doc], [zhang.id], by="组长")
    first = make_package(lead, "张三", tmp_path / "a.sqlite3").path
    second = tmp_path / "b.sqlite3"
    shutil.copy(first, second)
    for path, text, stamp in ((first, "<b>甲稿</b>", "2000-01-01T00:00:01+00:00"),
                              (second, "乙稿", "2000-01-01T00:00:02+00:00")):
        pkg = open_database(path)
        create_annotation(pkg, doc, 0, 8, reviewer_id=zhang.id, comment=text, annotation_id="same")
        pkg.conn.close()
        conn = sqlite3.connect(path)
        conn.execute("UPDATE annotations SET updated_at = ?", [stamp])
        conn.execute("UPDATE settings SET value = '2000-01-01T00:00:00+00:00' WHERE key = 'package_created_at'")
        conn.commit()
        conn.close()
    merge_database(lead, first)
    report = merge_database(lead, second)
    assert any(line.startswith("conflict\tannotations") for line in report.lines())
    lead.conn.close()
    return str(tmp_path / "lead.sqlite3"), doc


def test_the_lead_sees_both_versions_and_puts_the_other_back(qtbot, tmp_path, seeds_dir, open_window, shown):
    path, doc = _lead_with_a_conflict(tmp_path, seeds_dir)
    window = open_window(path, features=("exchange",), reviewer="组长", shown=False)
    parts = window.extensions["exchange"]
    action = parts["conflicts"].action
    assert action.isVisible() and action in window.file_menu.actions()
    dialog = parts["conflicts"].show_dialog()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c).text() for c in range(5)]
    assert cells[1] == "张三" and cells[2] == "Annotation"
    assert cells[3] == "Comment: 乙稿" and cells[4] == "Comment: <b>甲稿</b>"  # as typed, never markup
    with qtbot.waitSignal(window.changes.changed, timeout=5000):
        dialog.other_button.click()
    assert dialog.table.rowCount() == 0
    qtbot.waitUntil(lambda: not action.isVisible(), timeout=5000)
    assert list_annotations(window.reader, doc)[0].comment == "<b>甲稿</b>"
    row = window.reader.execute("SELECT resolved_by, resolution FROM merge_conflicts").fetchone()
    assert tuple(row) == ("组长", "other")
    window.close()


def test_every_kind_of_conflict_is_worded_as_the_app_names_things(qtbot, tmp_path, seeds_dir, open_window):
    """In Chinese: the kind of row, the criterion by its title, tags by their names, points as numbers, fields by
    their names; nothing stored in English (table, column, criterion id, tag id) shows."""
    from desktop.core.review.codebook import list_tags
    from desktop.core.scoring.rubric import load_default_rubric
    from desktop.core.storage import open_database
    from desktop.gui import i18n
    from tests.gui.exchange.conflicts_data import lead_with_conflicts

    (tmp_path / "lead").mkdir()
    path, _doc = lead_with_conflicts(tmp_path / "lead", seeds_dir)
    db = open_database(path)
    tags = {t.id: t.name for t in list_tags(db)}
    db.conn.close()
    window = open_window(path, features=("exchange",), shown=False)
    parts = window.extensions["exchange"]
    assert i18n.set_language(i18n.CHINESE)
    try:
        dialog = parts["conflicts"].show_dialog()
        qtbot.addWidget(dialog)
        rows = {dialog.table.item(r, 2).text(): [dialog.table.item(r, c).text() for c in (3, 4)]
                for r in range(dialog.table.rowCount())}
    finally:
        i18n.set_language(i18n.ENGLISH)
    first = load_default_rubric().criteria[0]
    names = list(tags.values())
    assert rows[f"评分 · {first.title}"] == ["分值：2", "分值：1"]
    assert rows["评阅"] == ["总体评语：亮点突出", "总体评语：总体较好"]
    assert rows["批注"] == [f"批注意见：举措具体，有量化指标\n标签：{names[1]}", f"批注意见：表述笼统，缺少数据\n标签：{names[0]}"]
    window.close()
