"""The Summary tab in the real main window: rewrite a paragraph, change a score, regenerate → the rewrite is kept,
the generated figures follow the scores and the paragraph is flagged; undo; sources on hover; export."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.core.changes import Changes
from desktop.core.summary import edits
from desktop.gui import dialogs
from desktop.gui.summary.view import EDITED, FLAG
from tools.summary_panel import change_a_score

pytestmark = [
    pytest.mark.settings({"reviewer/name": "组长"}),
    pytest.mark.window(database="demo_panel", features=("summary",)),
]


def _open_tab(window, qtbot):
    tab = window.extensions["summary"].tab
    with qtbot.waitSignal(tab.drafted, timeout=20000):
        window.tabs.setCurrentWidget(tab)
    return tab


def _raise_a_score(window) -> None:
    doc = window.executor.call(change_a_score)
    window.changes.announce(Changes.of("scores", "reviews", document_ids=[doc]))


def test_rewrite_kept_numbers_updated_paragraph_flagged(window, qtbot):
    tab = _open_tab(window, qtbot)
    assert tab.select("scores.distribution")
    before = tab.current_paragraph()
    assert before is not None and before.edited is None
    mean_before = before.figures()["mean"]
    tab.editor.setPlainText("各报告总分情况较好，详见附件。")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.current_paragraph() is not None and tab.current_paragraph().edited is not None)
    stored = edits.get_edit(window.reader, "", "scores.distribution")
    assert stored is not None and stored.text == "各报告总分情况较好，详见附件。" and stored.edited_by == "组长"
    assert tab.tree.currentItem().text(0).startswith(EDITED)

    _raise_a_score(window)
    qtbot.waitUntil(lambda: tab.banner.isVisible())
    with qtbot.waitSignal(tab.drafted):
        qtbot.mouseClick(tab.regenerate_button, Qt.MouseButton.LeftButton)
    after = tab.draft.paragraph("scores.distribution")
    assert after.text == "各报告总分情况较好，详见附件。"        # the rewrite is kept
    assert after.figures()["mean"] != mean_before                  # the number is updated
    assert after.flagged and "mean" in {c.key for c in after.changed}
    assert tab.tree.currentItem().text(0).startswith(FLAG)
    assert "算术平均" in tab.changes_label.text() and tab.generated.toPlainText() == after.generated
    assert not tab.banner.isVisible()

    # undo the rewrite through the window's undo stack: the generated text is back
    with qtbot.waitSignal(tab.drafted):
        window.undo_stack.undo()
    assert tab.draft.paragraph("scores.distribution").edited is None
    assert edits.get_edit(window.reader, "", "scores.distribution") is None
    with qtbot.waitSignal(tab.drafted):
        window.undo_stack.redo()
    assert tab.draft.paragraph("scores.distribution").text == "各报告总分情况较好，详见附件。"


def test_each_sentence_shows_its_sources_on_hover(window, qtbot):
    tab = _open_tab(window, qtbot)
    text = tab.document.toPlainText()
    p = tab.draft.paragraph("publication.counts")
    sentence = p.sentences[0]
    at = text.index(sentence.text) + 3
    cursor = tab.document.textCursor()
    cursor.setPosition(at)
    rect = tab.document.cursorRect(cursor)
    tip = tab.tooltip_at(rect.center())
    assert all(source in tip for source in sentence.sources)
    assert "按时公开" in tip


def test_a_refused_rewrite_says_why_and_changes_nothing(window, qtbot, shown):
    tab = _open_tab(window, qtbot)
    assert tab.select("overview.scope")
    tab.editor.setPlainText("   ")
    depth = window.undo_stack.count()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert shown and shown[-1][0] == "warning" and "empty" in shown[-1][1][2]
    assert window.undo_stack.count() == depth and edits.get_edit(window.reader, "", "overview.scope") is None


def test_export_and_letters_from_the_tab(window, qtbot, tmp_path, monkeypatch):
    tab = _open_tab(window, qtbot)
    out = tmp_path / "评估报告.docx"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: str(out))
    task = tab.export("docx")
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    assert out.stat().st_size > 0
    folder = tmp_path / "letters"
    monkeypatch.setattr(dialogs, "choose_folder", lambda *a, **k: str(folder))
    task = tab.letters()
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    with_result = [r for r in tab.draft.chapters[7].blocks[0].rows if r[5] != "—"]  # 附件1: total column
    assert 0 < len(with_result) < 5  # one demo report is still in review: no letter for it
    assert len(list(folder.glob("*_反馈意见书.docx"))) == len(with_result)


def test_pick_typical_quotes_from_the_tagged_passages(qtbot, open_window, tmp_path, shown, monkeypatch):
    """On the generated panel: the reviewer ticks two passages of a problem; the draft quotes those, undo goes back."""
    from tools.summary_panel import build_panel60

    panel = build_panel60(tmp_path / "p60")
    w = open_window(panel.path, features=("summary",))
    tab = _open_tab(w, qtbot)
    key = next(p.key for p in tab.draft.paragraphs() if p.key.startswith("problems.") and p.key != "problems.summary")
    assert tab.select(key) and tab.pick_button.isEnabled()
    quotes = tab.draft.quotes_after(key)
    wanted = [quotes.candidates[-1].annotation_id, quotes.candidates[-2].annotation_id]
    seen: list = []

    def choose(parent, title, text, items, checked=()):
        seen.append(items)
        return [len(items) - 2, len(items) - 1]

    monkeypatch.setattr(dialogs, "choose_items", choose)
    with qtbot.waitSignal(tab.drafted):
        qtbot.mouseClick(tab.pick_button, Qt.MouseButton.LeftButton)
    after = tab.draft.quotes_after(key)
    assert after.picked and {q.annotation_id for q in after.quotes} == set(wanted)
    assert seen[0][-1].startswith("“" + quotes.candidates[-1].text)
    with qtbot.waitSignal(tab.drafted):
        w.undo_stack.undo()
    assert not tab.draft.quotes_after(key).picked
    w.close()
