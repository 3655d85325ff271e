"""The corpus table model and its filter proxy, over a database holding the five seed reports."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QSize, Qt

from desktop.core.segmentation.classify import KIND_LABELS
from desktop.core.storage.documents import list_documents
from desktop.gui.corpus.corpus_filter import CorpusFilterProxy
from desktop.gui.corpus.corpus_model import ANY_MISSING, DOCUMENT_ID_ROLE, CorpusModel


def _column_texts(model, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_model_passes_qtmodeltester(qtmodeltester, seeded_memory_db):
    model = CorpusModel(page_size=2)
    model.set_database(seeded_memory_db)
    qtmodeltester.check(model)


def test_proxy_passes_qtmodeltester_with_filters(qtmodeltester, seeded_memory_db):
    model = CorpusModel()
    model.set_database(seeded_memory_db)
    proxy = CorpusFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_missing_kind("shortcomings")
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_rows_show_agency_year_date_on_time_and_missing_parts(qapp, seeded_memory_db):
    model = CorpusModel()
    model.set_database(seeded_memory_db)
    assert model.rowCount() == model.total == 5
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Agency", "Year", "Date", "On time", "Missing", "Verify", "Review", "Score", "Its years"]
    assert model.headerData(5, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "待核对"
    assert model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Published on time"
    rows = {model.summary(r).name: [model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())}
    from desktop.core.review.verify import document_doubts

    doubts = {model.summary(r).name: len(document_doubts(seeded_memory_db, model.summary(r).id))
              for r in range(model.rowCount())}
    assert rows["003_768f1515f39e9dba.txt"] == ["吉林省政务服务和数字化建设管理局", "2022", "2023-01-30", "Unknown",
                                               "no flaws", str(doubts["003_768f1515f39e9dba.txt"]), "", "",
                                               "【2022】 · 2025"]
    # each report's agency with its years in a row (one agency across 2022 and 2025; the others one year each)
    assert rows["000_0a101bd46eacac2a.txt"][8] == "2022 · 【2025】"
    assert all(row[8] == f"【{row[1]}】" for name, row in rows.items() if name[:3] not in ("000", "003"))
    years_column = model.column_index("agency_years")
    jilin = next(r for r in range(5) if model.summary(r).name.startswith("003_"))
    assert model.index(jilin, years_column).data(Qt.ItemDataRole.ToolTipRole).startswith("2 report(s) of this agency")
    # the 待核对 column counts exactly the verify queue's entries of each report ('' for none)
    assert {name: row[5] for name, row in rows.items()} == {n: str(c) if c else "" for n, c in doubts.items()}
    assert rows["001_a35be3758fcb709b.txt"][1:5] == ["2025", "2025-12-05", "Yes", ""]
    assert rows["000_0a101bd46eacac2a.txt"][4] == "no duty"  # a chip in the interface language
    # Missing parts are drawn in a warning colour and explained in the tooltip.
    row = next(r for r in range(5) if model.summary(r).name.startswith("000_"))
    assert model.index(row, 4).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "Leaders' duty" in model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, 0).data(DOCUMENT_ID_ROLE) == model.summary(row).id


def test_a_hidden_columns_values_are_not_read_and_are_read_when_it_shows(qapp, seeded_memory_db):
    model = CorpusModel(page_size=2)
    reads: list[tuple[str, ...]] = []
    column = model.column_index("agency_years")
    real = model.columns[column].load
    assert real is not None

    def counting(db, ids):
        reads.append(tuple(ids))
        return real(db, ids)

    from dataclasses import replace

    model.columns[column] = replace(model.columns[column], load=counting)
    model.set_column_shown("agency_years", False)
    model.set_database(seeded_memory_db)
    changed = []
    model.dataChanged.connect(lambda first, last, *_: changed.append((first.column(), last.column())))
    assert model.index(0, 0).data() and model.index(0, column).data() == ""  # hidden: nothing read, nothing shown
    assert reads == []
    model.set_column_shown("agency_years", True)
    assert changed == [(column, column)]  # the view draws the column again ...
    assert model.index(0, column).data().startswith(("【", "2"))  # ... and its page's values are read then
    assert len(reads) == 1 and len(reads[0]) == 2
    model.set_column_shown("agency_years", True)  # already shown: nothing read again
    model.index(1, column).data()
    assert len(reads) == 1


def test_every_row_exists_at_once_and_summaries_are_read_page_by_page(qapp, seeded_memory_db):
    model = CorpusModel(page_size=2)
    model.set_database(seeded_memory_db)
    assert (model.rowCount(), model.total, model.loaded) == (5, 5, 0)
    assert not model.canFetchMore(QModelIndex())
    model.index(4, 0).data()
    assert model.loaded == 1  # the last page: one row
    model.index(0, 1).data()
    assert model.loaded == 3
    assert [model.summary(r).id for r in range(5)] == [d.id for d in list_documents(seeded_memory_db)]
    assert [d.id for d in model.summaries()] == [d.id for d in list_documents(seeded_memory_db)]


def test_pages_read_long_ago_are_dropped_and_read_again(qapp, seeded_memory_db):
    model = CorpusModel(page_size=1)
    model.MAX_PAGES = 2
    model.set_database(seeded_memory_db)
    texts = [model.index(r, 0).data() for r in range(5)]
    assert model.loaded == 2
    assert [model.index(r, 0).data() for r in range(5)] == texts


def test_row_of_needs_no_page(qapp, seeded_memory_db):
    model = CorpusModel(page_size=1)
    model.set_database(seeded_memory_db)
    last = list_documents(seeded_memory_db)[-1]
    assert model.row_of(last.id) == 4 and model.loaded == 0
    assert model.row_of("no-such-id") == -1
    assert model.in_corpus(last.id) and not model.in_corpus("no-such-id")


def test_filters_find_rows_that_were_never_shown(qapp, seeded_memory_db):
    model = CorpusModel(page_size=1)
    model.set_database(seeded_memory_db)
    proxy = CorpusFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_year(2025)
    assert sorted(_column_texts(proxy, 1)) == ["2025"] * 3
    assert model.total == 5  # the corpus, filtered or not
    hidden = next(d.id for d in list_documents(seeded_memory_db) if d.year != 2025)
    assert model.row_of(hidden) == -1 and model.in_corpus(hidden)


def test_filter_by_year_agency_text_and_missing_part(qapp, seeded_memory_db):
    model = CorpusModel()
    model.set_database(seeded_memory_db)
    proxy = CorpusFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_year(2022)
    assert _column_texts(proxy, 0) == ["吉林省政务服务和数字化建设管理局"]
    proxy.set_year(None)
    proxy.set_agency_text("吉林省")
    assert sorted(_column_texts(proxy, 1)) == ["2022", "2025"]
    proxy.set_agency_text("")
    proxy.set_missing_kind("shortcomings")
    assert sorted(_column_texts(proxy, 4)) == ["no flaws"] * 2
    proxy.set_missing_kind(ANY_MISSING)
    assert proxy.rowCount() == 3
    proxy.set_agency_text("数据局")
    assert _column_texts(proxy, 0) == ["江苏省数据局"]  # completed from 《江苏省数据条例》 in its text
    proxy.clear_filters()
    assert proxy.rowCount() == 5
    with pytest.raises(ValueError):
        proxy.set_missing_kind("nonsense")


def test_sort_by_year_descending_and_back_to_core_order(qapp, seeded_memory_db):
    model = CorpusModel()
    model.set_database(seeded_memory_db)
    proxy = CorpusFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    years = _column_texts(proxy, 1)
    assert years == sorted(years, reverse=True) and years[-1] == "2022"
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert [proxy.document_id(r) for r in range(5)] == [d.id for d in list_documents(seeded_memory_db)]


def test_an_empty_or_absent_database_gives_an_empty_table(qtmodeltester, memory_db):
    model = CorpusModel()
    model.set_database(None)
    assert model.rowCount() == 0
    model.set_database(memory_db)
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)


def test_review_columns_show_the_reviewers_status_and_total(qtmodeltester, seeded_memory_db):
    from desktop.core.review.reviewers import get_or_create_reviewer
    from desktop.core.scoring.rubric import active_rubric
    from desktop.core.scoring.scores import DONE, review_overview, set_review_status, set_score

    reviewer = get_or_create_reviewer(seeded_memory_db, "王芳")
    rubric = active_rubric(seeded_memory_db)
    docs = list_documents(seeded_memory_db)
    for criterion in rubric.criteria:
        set_score(seeded_memory_db, docs[0].id, reviewer.id, rubric, criterion.id, criterion.max_points)
    set_review_status(seeded_memory_db, docs[0].id, reviewer.id, rubric, DONE)

    model = CorpusModel()
    model.set_database(seeded_memory_db)
    status, total = model.column_index("review"), model.column_index("total")
    assert model.index(0, status).data() == "" and "No reviewer yet" in model.index(0, status).data(
        Qt.ItemDataRole.ToolTipRole)
    model.set_reviews(review_overview(seeded_memory_db, reviewer.id).rows)
    qtmodeltester.check(model)
    expected_total = rubric.weighted_total({c.id: c.max_points for c in rubric.criteria})
    assert model.index(0, status).data() == "Submitted"
    assert model.index(0, total).data() == f"{expected_total:g}"
    assert [model.index(r, status).data() for r in range(1, 5)] == ["Not started"] * 4
    assert [model.index(r, total).data() for r in range(1, 5)] == [""] * 4
    proxy = CorpusFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(total, Qt.SortOrder.AscendingOrder)
    assert proxy.document_id(0) == docs[0].id  # scored reports first, unscored last


def test_sorting_moves_persistent_indexes_and_survives_a_reload(qtmodeltester, seeded_memory_db):
    from PySide6.QtCore import QPersistentModelIndex

    model = CorpusModel(page_size=2)
    model.set_database(seeded_memory_db)
    kept = QPersistentModelIndex(model.index(0, 0))
    kept_id = model.summary(0).id
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.summary(kept.row()).id == kept_id
    assert [model.summary(r).year for r in range(5)] == [2025, 2025, 2025, 2024, 2022]
    model.reload()
    assert [model.summary(r).year for r in range(5)] == [2025, 2025, 2025, 2024, 2022]
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [d.id for d in model.summaries()] == [d.id for d in list_documents(seeded_memory_db)]
    model.reload()
    assert model.loaded == 0  # rows are read when shown
    model.sort(2, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)  # (the tester fetches rows itself: last)


def test_the_to_verify_filter_keeps_the_reports_with_doubts_and_confirming_them_all_drops_a_report(
        qapp, seeded_memory_db):
    from desktop.core.review.verify import confirm, document_doubts
    from desktop.gui.corpus.corpus_filter import CorpusFilterProxy

    model = CorpusModel()
    model.set_database(seeded_memory_db)
    proxy = CorpusFilterProxy()
    proxy.setSourceModel(model)
    with_doubts = {model.summary(r).id for r in range(model.rowCount())
                   if document_doubts(seeded_memory_db, model.summary(r).id)}
    assert with_doubts and len(with_doubts) < 5  # some seeds are sure of everything
    proxy.set_to_verify(True)
    assert {proxy.document_id(r) for r in range(proxy.rowCount())} == with_doubts
    first = sorted(with_doubts)[0]
    for doubt in document_doubts(seeded_memory_db, first):
        confirm(seeded_memory_db, doubt, reviewer_id=None)
    proxy.set_to_verify(False)
    proxy.set_to_verify(True)
    assert {proxy.document_id(r) for r in range(proxy.rowCount())} == with_doubts - {first}


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("screen", [1280, 1366])
def test_agencies_of_one_place_stay_distinguishable_in_a_narrow_column(qtbot, tmp_path, seeded_db_path, no_dialogs,
                                                                        screen, language):
    """Two agencies with the same place (and the same first words) show different text at 1280 and 1366 px, in
    both languages, each with its place and the part of its body that tells it apart; the full name stays in the
    tooltip and the status bar."""
    from PySide6.QtCore import QSettings

    from desktop.core.corrections.records import correct_field
    from desktop.core.storage import open_database
    from desktop.core.storage.documents import list_documents
    from desktop.gui import i18n
    from desktop.gui.window.main_window import default_window_size
    from tests.gui.corpus.agency_rows import shown_agency
    from tests.gui.windows import make_window

    names = ["梨树县政务服务和数字化建设管理局", "梨树县政务服务中心", "梨树县人力资源和社会保障局"]
    db = open_database(seeded_db_path)
    try:
        for doc, name in zip(list_documents(db), names, strict=False):
            correct_field(db, doc.id, "agency", name, reviewer_id=None)
    finally:
        db.conn.close()
    assert i18n.set_language(language)
    try:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        w = make_window(qtbot, settings, seeded_db_path, default_window_size(QSize(screen, 768 - 40)))
        table = w.corpus_panel.table
        column = w.corpus_model.column_index("agency")
        shown = {}
        for row in range(w.corpus_panel.proxy.rowCount()):
            name, text, room = shown_agency(table, row, column)
            assert table.fontMetrics().horizontalAdvance(text) <= room, (name, text)  # drawn as given, not cut again
            if name in names:
                shown[name] = text
        assert set(shown) == set(names)
        assert table.columnWidth(column) < table.fontMetrics().horizontalAdvance(names[0])  # narrow: elided indeed
        assert len(set(shown.values())) == len(names), shown
        assert all(text.startswith("梨树县") for text in shown.values()), shown
        # the body's distinguishing part: more than its kind (局) — its start or the word before the kind
        assert all(len(text.replace("…", "")) >= len("梨树县") + 3 for text in shown.values()), shown
        # The current row in full in the status bar: the agency as named, the missing parts spelt out.
        row = next(r for r in range(w.corpus_panel.proxy.rowCount())
                   if w.corpus_panel.proxy.index(r, column).data() == names[0])
        w.corpus_panel.table.selectRow(row)
        message = w.statusBar().currentMessage()
        assert names[0] in message
        missing = w.corpus_model.summary(w.corpus_panel.proxy.mapToSource(
            w.corpus_panel.proxy.index(row, 0)).row()).missing
        assert all(KIND_LABELS[k][0] in message for k in missing)
    finally:
        i18n.set_language(i18n.ENGLISH)


def test_the_review_sort_runs_in_sql_and_keeps_the_tables_order(qapp, seeded_memory_db, monkeypatch):
    """Issue 22: with the reviewer and rubric known, sorting by review status is a core query (the Python sort
    over every filtered id is not called); the order is the one the Python sort gave, both ways, filtered too."""
    from desktop.core.review.reviewers import get_or_create_reviewer
    from desktop.core.scoring.rubric import active_rubric
    from desktop.core.scoring.scores import DONE, review_overview, set_review_status, set_score
    from desktop.gui.corpus import corpus_model

    reviewer = get_or_create_reviewer(seeded_memory_db, "王芳")
    rubric = active_rubric(seeded_memory_db)
    docs = list_documents(seeded_memory_db)
    criterion = rubric.criteria[0]
    set_score(seeded_memory_db, docs[3].id, reviewer.id, rubric, criterion.id, criterion.max_points)  # begun
    for c in rubric.criteria:
        set_score(seeded_memory_db, docs[1].id, reviewer.id, rubric, c.id, c.max_points)
    set_review_status(seeded_memory_db, docs[1].id, reviewer.id, rubric, DONE)
    overview = review_overview(seeded_memory_db, reviewer.id)

    def ids(model):
        return [model.summary(r).id for r in range(model.rowCount())]

    in_python, in_sql = CorpusModel(), CorpusModel()
    for model in (in_python, in_sql):
        model.set_database(seeded_memory_db)
    in_python.set_reviews(overview.rows)  # the reviewer unknown: the Python sort
    in_sql.set_reviews(overview.rows, overview.reviewer_id, overview.rubric_id)
    column = in_sql.column_index("review")
    for flt in (None, "吉林"):
        for model in (in_python, in_sql):
            proxy = CorpusFilterProxy()
            proxy.setSourceModel(model)
            proxy.set_agency_text(flt or "")
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            in_python.sort(column, order)
            monkeypatch.setattr(corpus_model, "listing_pairs", None)  # the Python path would fail here
            in_sql.sort(column, order)
            monkeypatch.undo()
            assert ids(in_sql) == ids(in_python)
            assert len(ids(in_sql)) == (5 if flt is None else 2)
            begun = [docs[3].id, docs[1].id] if flt is None else [d for d in (docs[3].id, docs[1].id)
                                                                   if d in ids(in_sql)]
            shown = [i for i in ids(in_sql) if i in begun]
            assert shown == (begun if order == Qt.SortOrder.AscendingOrder else begun[::-1])
