"""Corpus table at scale: opening, scrolling, filter keystrokes, sorting, opening a report and switching reports.

Each figure is printed next to its floor measured in the same run, and the ratio:
- opening the database and showing the table / a main window opened on an empty database;
- scrolling one page / the same QTableView over a plain in-memory model of as many rows;
- a keystroke in the agency filter (the time until the table shows the new rows, repainted; wall and CPU; the first
  keystroke of the run and the one that clears the filter apart; a narrow and a broad filter) / the same filter as
  one bare SQL query on the same connection (``agency LIKE``, the rows' ids fetched);
- opening the last report right after the database opened (the table must not make it wait) / opening the first
  report, whose row is on the page already read;
- sorting by review status for a reviewer with reviews begun on 1 report in 50 (a few submitted): in SQL
  (``listing.review_listing_keys``) / the Python sort over every filtered id the table used before (wall and CPU);
- the corpus grouped by agency: switching it on (the first read of what the groups are made of) and filter
  keystrokes while it is shown, beside the same bare SQL floor.
The corpus is built once and reused (bench/corpus_cache.py, cached under the temporary folder).

    .venv/bin/python bench/bench_corpus_table.py [--documents 20000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus_cache import table_database  # noqa: E402


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _load() -> str:
    return "load " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def _bench_reviews(db_path: Path) -> tuple[str, str]:
    """A bench reviewer's reviews in the cached corpus (made once): begun on 1 report in 50, 1 in 5 of those
    submitted. Returns (reviewer id, rubric id)."""
    from desktop.core.review.reviewers import get_or_create_reviewer
    from desktop.core.scoring.rubric import active_rubric
    from desktop.core.storage import open_database

    db = open_database(db_path)
    try:
        reviewer = get_or_create_reviewer(db, "基准评审")
        rubric = active_rubric(db)
        ids = [r["id"] for r in db.query("SELECT id FROM documents WHERE replaced_by IS NULL ORDER BY seq")]
        with db.atomic():
            db.conn.executemany(
                "INSERT OR IGNORE INTO reviews (id, document_id, reviewer_id, rubric_id, status, updated_at) "
                "VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00')",
                [(f"bench-{i}", doc_id, reviewer.id, rubric.id, "done" if i % 250 == 0 else "in_progress")
                 for i, doc_id in enumerate(ids) if i % 50 == 0])
        return reviewer.id, rubric.id
    finally:
        db.conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20_000)
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    db_path = table_database(args.documents)
    reviewer_id, rubric_id = _bench_reviews(db_path)

    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSettings, Qt
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView

    from desktop.gui.window.main_window import MainWindow

    app = QApplication(sys.argv[:1])

    class Plain(QAbstractTableModel):
        """The floor: as many rows, fixed texts, no loading."""

        def __init__(self, rows: int, columns: int) -> None:
            super().__init__()
            self.rows, self.columns = rows, columns

        def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else self.rows

        def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else self.columns

        def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            return "吉林省政务服务和数字化建设管理局" if index.column() == 0 else "2025"

    def scroll_times(view: QTableView, steps: int = 60) -> list[float]:
        bar = view.verticalScrollBar()
        bar.setValue(0)
        app.processEvents()
        times = []
        stride = max(bar.pageStep(), (bar.maximum() - bar.minimum()) // steps)
        while True:
            start = time.perf_counter()
            before = bar.value()
            bar.setValue(before + stride)
            app.processEvents()
            view.viewport().repaint()
            times.append(_ms(start))
            if bar.value() == before:
                break
        return times

    def stats(values: list[float]) -> str:
        return f"median {statistics.median(values):6.1f} ms, max {max(values):6.1f} ms ({len(values)} steps)"

    def ratio(ours: float, floor: float) -> str:
        return f"x{ours / floor:.1f}" if floor > 0 else "n/a"

    print(f"corpus table, {args.documents} documents ({_load()})")
    with tempfile.TemporaryDirectory(prefix="reviewdesk-bench-table-") as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        bare = MainWindow(settings)
        bare.resize(1500, 900)
        bare.show()
        app.processEvents()
        started = time.perf_counter()
        bare.open_database(Path(tmp) / "empty.sqlite3")
        app.processEvents()
        bare_ms = _ms(started)
        bare.close()

        window = MainWindow(settings)
        window.resize(1500, 900)
        window.show()
        app.processEvents()
        started, started_cpu = time.perf_counter(), time.process_time()
        window.open_database(db_path)
        app.processEvents()
        window.repaint()
        opened, opened_cpu = _ms(started), (time.process_time() - started_cpu) * 1000
        model, panel = window.corpus_model, window.corpus_panel
        print(f"open the database, table shown:   {opened:7.1f} ms (CPU {opened_cpu:6.1f})  floor (empty database) "
              f"{bare_ms:6.1f} ms  {ratio(opened, bare_ms)}  ({model.rowCount()} rows, {model.loaded} summaries read)")

        reader = window.reader
        assert reader is not None
        first_id, last_id = model.document_id(0), model.document_id(model.rowCount() - 1)
        started = time.perf_counter()
        window.open_document(first_id)
        app.processEvents()
        first_ms = _ms(started)
        started = time.perf_counter()
        window.open_document(last_id)
        app.processEvents()
        open_ms = _ms(started)
        print(f"open the last report at once:     {open_ms:7.1f} ms  floor (the first report, its row read) "
              f"{first_ms:6.1f} ms  {ratio(open_ms, first_ms)}  (row found: {panel.current_document_id() == last_id})")

        plain = QTableView()
        plain.setModel(Plain(model.rowCount(), model.columnCount()))
        plain.verticalHeader().setDefaultSectionSize(panel.table.verticalHeader().defaultSectionSize())
        plain.resize(panel.table.size())
        plain.show()
        app.processEvents()
        floor = scroll_times(plain)
        ours = scroll_times(panel.table)
        print(f"scroll (top to bottom, 60 jumps): {stats(ours)}  floor (plain model) {stats(floor)}  "
              f"{ratio(statistics.median(ours), statistics.median(floor))}")
        plain.close()

        def sql_floor(text: str) -> tuple[float, float]:
            """The same filter as one bare SQL query on the same connection (wall, CPU ms)."""
            started, started_cpu = time.perf_counter(), time.process_time()
            reader.execute("SELECT id FROM documents WHERE replaced_by IS NULL AND agency LIKE ?",
                           [f"%{text}%"]).fetchall()
            return _ms(started), (time.process_time() - started_cpu) * 1000

        def keystroke(text: str, view: QAbstractItemView) -> tuple[float, float]:
            """Type into the agency filter until the view shows the new rows, repainted (wall, CPU ms)."""
            started, started_cpu = time.perf_counter(), time.process_time()
            panel.agency_edit.setText(text)
            app.processEvents()
            view.viewport().repaint()
            return _ms(started), (time.process_time() - started_cpu) * 1000

        def typed(label: str, view: QAbstractItemView, texts: list[str]) -> None:
            """Keystrokes (the first of the run, the others, the last clears) beside the bare SQL floor."""
            ours = [keystroke(text, view) for text in texts]
            floors = [sql_floor(text) for text in texts]
            (first_wall, first_cpu), (clear_wall, clear_cpu) = ours[0], ours[-1]
            rest = ours[1:-1]
            wall, cpu = statistics.median(w for w, _ in rest), statistics.median(c for _, c in rest)
            floor_wall, floor_cpu = statistics.median(w for w, _ in floors), statistics.median(c for _, c in floors)
            print(f"{label} keystroke: median {wall:6.1f} ms (CPU {cpu:6.1f}), max {max(w for w, _ in rest):6.1f}; "
                  f"floor (same filter, bare SQL) {floor_wall:6.1f} ms (CPU {floor_cpu:6.1f})  "
                  f"x{wall / floor_wall:.1f} wall, x{cpu / floor_cpu:.1f} CPU")
            print(f"  first keystroke {first_wall:6.1f} ms (CPU {first_cpu:6.1f}); clearing the filter "
                  f"{clear_wall:6.1f} ms (CPU {clear_cpu:6.1f}); per keystroke (ms): "
                  f"{' '.join(f'{w:.0f}' for w, _ in ours)} ({_load()})")

        panel.agency_edit.setFocus()  # where the reviewer types (Ctrl+F or a click)
        typed("agency filter", panel.table,
              ["吉", "吉林", "吉林市", "吉林市教", "吉林市教育局", "吉林市教", "吉林市", "吉林", "吉", ""])
        typed("  a broad filter (市: 8 rows in 9)", panel.table, ["市", "市司", "市", "市人", ""])
        started = time.perf_counter()
        panel.set_year(2022)
        app.processEvents()
        panel.table.viewport().repaint()
        print(f"filter by year:                   {_ms(started):7.1f} ms  ({panel.proxy.rowCount()} rows shown)")
        started = time.perf_counter()
        panel.set_missing_kind("shortcomings")
        app.processEvents()
        print(f"and by a missing part:            {_ms(started):7.1f} ms  ({panel.proxy.rowCount()} rows shown)")
        started = time.perf_counter()
        panel.clear_filters()
        app.processEvents()
        panel.table.viewport().repaint()
        print(f"clear the filters:                {_ms(started):7.1f} ms  ({panel.proxy.rowCount()} rows shown)")
        for key, order in (("year", Qt.SortOrder.DescendingOrder), ("missing", Qt.SortOrder.AscendingOrder),
                           ("review", Qt.SortOrder.AscendingOrder), ("agency", Qt.SortOrder.AscendingOrder)):
            started = time.perf_counter()
            panel.table.sortByColumn(model.column_index(key), order)
            app.processEvents()
            panel.table.viewport().repaint()
            print(f"sort by {key:<26} {_ms(started):7.1f} ms")

        from desktop.core.scoring.scores import DONE, IN_PROGRESS, NOT_STARTED, OverviewRow

        marked = {r["document_id"]: r["status"] for r in reader.query(
            "SELECT document_id, status FROM reviews WHERE reviewer_id = ? AND rubric_id = ?", [reviewer_id, rubric_id])}
        ids = reader.execute("SELECT id FROM documents WHERE replaced_by IS NULL").fetchall()
        rows = {i: OverviewRow(i, marked.get(i, NOT_STARTED), None, 0, 1, False) for (i,) in ids}
        column = model.column_index("review")
        timings = {}
        for how, context in (("Python", ()), ("SQL", (reviewer_id, rubric_id))):
            model.set_reviews(rows, *context)
            panel.proxy.sort(0)
            app.processEvents()
            wall, cpu = [], []
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder) * 2:
                started, started_cpu = time.perf_counter(), time.process_time()
                panel.proxy.sort(column, order)
                app.processEvents()
                panel.table.viewport().repaint()
                wall.append(_ms(started))
                cpu.append((time.process_time() - started_cpu) * 1000)
            timings[how] = (statistics.median(wall), statistics.median(cpu))
        begun = sum(1 for s in marked.values() if s in (IN_PROGRESS, DONE))
        (sql_wall, sql_cpu), (py_wall, py_cpu) = timings["SQL"], timings["Python"]
        print(f"sort by review ({begun} begun):    {sql_wall:7.1f} ms (CPU {sql_cpu:6.1f})  before (Python over the "
              f"ids) {py_wall:6.1f} ms (CPU {py_cpu:6.1f})  x{sql_wall / py_wall:.2f}  (median of 4 clicks)")

        # the corpus grouped by agency (View › Corpus by Agency): switching it on, then filter keystrokes
        panel.clear_filters()
        app.processEvents()
        started, started_cpu = time.perf_counter(), time.process_time()
        panel.group_action.trigger()
        app.processEvents()
        panel.grouped.viewport().repaint()
        grouped_on, grouped_cpu = _ms(started), (time.process_time() - started_cpu) * 1000
        print(f"corpus by agency, switched on:    {grouped_on:7.1f} ms (CPU {grouped_cpu:6.1f})  "
              f"({panel.grouped_model.groups_count()} groups, {panel.grouped_model.reports()} reports; first read)")
        typed("  grouped, agency filter", panel.grouped,
              ["吉", "吉林", "吉林市", "吉林市教", "吉林市教育局", "吉林市教", "吉林市", "吉林", "吉", ""])
        typed("  grouped, a broad filter (市)", panel.grouped, ["市", "市司", "市", "市人", ""])
        panel.group_action.trigger()
        app.processEvents()

        switches = []
        panel.table.selectRow(0)
        app.processEvents()
        for _ in range(30):
            before = window.current_document_id()
            started = time.perf_counter()
            window.next_action.trigger()
            while window.current_document_id() == before:
                app.processEvents()
            window.repaint()
            switches.append(_ms(started))
        print(f"switch to the next report (Alt+Down, report view repainted): {stats(switches)}")
        print(f"({_load()} at the end)")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
