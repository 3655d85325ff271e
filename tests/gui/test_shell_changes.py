"""The change bus: writes here and in other windows/programs reach every view, and the cited stale-view bugs."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.changes import Changes
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.storage import open_database
from desktop.core.storage.executor import DatabaseExecutor
from desktop.gui.changes import ChangeBus


def test_the_bus_announces_writes_by_other_connections_and_not_its_own(qtbot, seeded_db_path):
    executor = DatabaseExecutor(seeded_db_path)
    bus = ChangeBus(interval_ms=20)
    heard: list[Changes] = []
    bus.changed.connect(heard.append)
    with qtbot.waitSignal(bus.checked, timeout=3000):
        bus.watch(executor)  # the first answer is the baseline
    executor.call(get_or_create_reviewer, "本窗口")  # this window's own write (its store announces it)
    for _ in range(3):
        with qtbot.waitSignal(bus.checked, timeout=3000):
            pass
    assert heard == []
    other = open_database(seeded_db_path)  # another program writes to the same file
    get_or_create_reviewer(other, "另一个程序")
    other.conn.close()
    qtbot.waitUntil(lambda: len(heard) == 1, timeout=3000)
    assert heard[0].outside and heard[0].kinds == Changes.everything().kinds
    bus.watch(None)
    assert not bus.watching
    executor.close()


def test_announcing_reaches_every_listener_once(qtbot):
    bus = ChangeBus()
    one, two = [], []
    bus.changed.connect(one.append)
    bus.changed.connect(two.append)
    change = Changes.of("annotations", document_ids=["d"])
    bus.announce(change)
    assert one == two == [change]


# Each window is built as the app builds it (every feature), with settings of its own (reviewer 张三): two windows
# on one database are two programs' worth of views.
APP = {"features": "app", "reviewer": "张三"}


def test_deleting_an_annotation_takes_its_evidence_link_off_the_score_panel(qtbot, tmp_path, open_window, scored_corpus, shown):
    w = open_window(scored_corpus.path, **APP)
    annotations, scoring = w.extensions["annotations"], w.extensions["scoring"]
    w.open_document(scored_corpus.docs["001"])
    short = scored_corpus.annotations["short"]
    box = scoring.panel.boxes["shortcomings"]
    assert f"go:{short}" in box.evidence.text()
    annotations.delete_annotation(short)
    assert f"go:{short}" not in box.evidence.text() and "No evidence linked" in box.evidence.text()
    w.undo_stack.undo()
    assert f"go:{short}" in box.evidence.text()
    assert shown == []
    w.close()


def test_a_score_made_in_another_window_shows_in_this_one(qtbot, tmp_path, open_window, scored_corpus, shown):
    first = open_window(scored_corpus.path, **APP)
    second = open_window(scored_corpus.path, **APP)
    doc = scored_corpus.docs["003"]
    for w in (first, second):
        w.open_document(doc)
    theirs = second.extensions["scoring"].panel
    model = second.corpus_model
    total = model.index(model.row_of(doc), model.column_index("total"))
    # not scored yet: "—"; the total of a review in progress is marked as such (a star, grey italic, the tooltip)
    assert theirs.boxes["measures"].spin.value() < 0 and total.data() == "10*"
    assert total.data(Qt.ItemDataRole.ToolTipRole).startswith("10 (in progress)")
    assert total.data(Qt.ItemDataRole.FontRole).italic()
    first.extensions["scoring"].panel.boxes["measures"].spin.setValue(4)
    qtbot.waitUntil(lambda: theirs.boxes["measures"].spin.value() == 4, timeout=5000)
    qtbot.waitUntil(lambda: model.index(model.row_of(doc), model.column_index("total")).data() != "10*",
                    timeout=5000)
    # and an annotation made there is listed here
    ann = first.extensions["annotations"]
    made = ann.store.create(doc, 30, 60, [ann.store.tags()[0].id], "从另一个窗口")
    panel = second.extensions["annotations"].panel
    qtbot.waitUntil(lambda: panel.model.row_of(made.id) >= 0, timeout=5000)
    assert shown == []
    first.close()
    second.close()


def test_a_correction_made_in_another_window_is_shown_here(qtbot, tmp_path, open_window, scored_corpus, shown):
    first = open_window(scored_corpus.path, **APP)
    second = open_window(scored_corpus.path, **APP)
    doc = scored_corpus.docs["002"]
    for w in (first, second):
        w.open_document(doc)
    first.extensions["corrections"].store.correct_field(doc, "agency", "另一个窗口改的机关")
    assert first.report_view.current_document().summary.agency == "另一个窗口改的机关"  # this window: at once
    qtbot.waitUntil(lambda: second.report_view.current_document().summary.agency == "另一个窗口改的机关",
                    timeout=5000)
    model = second.corpus_model
    assert model.index(model.row_of(doc), model.column_index("agency")).data() == "另一个窗口改的机关"
    assert shown == []
    first.close()
    second.close()


def test_a_reimport_is_shown_by_every_view_through_the_bus(qtbot, tmp_path, open_window, scored_corpus, shown, monkeypatch):
    from desktop.gui import dialogs

    w = open_window(scored_corpus.path, **APP)
    doc = scored_corpus.docs["001"]
    w.open_document(doc)
    old = w.report_view.current_document().text
    cut = old[200:260]
    changed = tmp_path / "changed.txt"
    changed.write_text(old.replace(cut, ""), encoding="utf-8")
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: str(changed))
    heard: list[Changes] = []
    w.changes.changed.connect(heard.append)
    w.extensions["reimport"].reimport_current()  # reads and re-anchors on a worker
    qtbot.waitUntil(lambda: bool(heard), timeout=10000)
    assert heard[0].concerns(doc, "documents", "parts", "annotations") and not heard[0].outside
    assert cut not in w.report_view.current_document().text  # the reading feature re-read the report
    assert w.undo_stack.count() == 0  # offsets of earlier steps referred to the old text
    assert shown and shown[-1][0] == "info"
    w.close()


def test_search_hits_follow_reports_imported_by_another_program(qtbot, tmp_path, open_window, scored_corpus, shown):
    from desktop.core.ingest.importer import import_paths
    from tests.core.builders import SAMPLE, write_txt

    w = open_window(scored_corpus.path, **APP)
    word = "琥珀色的审查灯塔"
    with qtbot.waitSignal(w.search_panel.search_finished, timeout=5000):
        w.search_panel.search(word)
    assert w.search_panel.model.rowCount() == 0
    other = open_database(scored_corpus.path)
    import_paths(other, [write_txt(tmp_path, "new.txt", SAMPLE.replace("（一）完善制度体系。", f"（一）{word}。"))])
    other.conn.close()
    qtbot.waitUntil(lambda: w.search_panel.model.rowCount() == 1, timeout=5000)
    assert w.corpus_model.total == 6 and shown == []
    w.close()
