"""Corpus table with 10,000 reports: loading, scrolling, filtering, sorting and switching reports in the main window.

Scrolling is measured as the time to scroll the table one page and repaint it, from the top to the bottom
(the lazily loaded model reads more rows on the way), next to the same QTableView over a plain in-memory model
of as many rows with fixed texts (the floor, same run). Switching reports is Alt+Down through the table: the
time until the report view shows the next report. Medians and maxima are printed.

    .venv/bin/python bench/bench_corpus_table.py [--documents 10000]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build_database(path: Path, count: int) -> None:
    """``count`` documents made from the seeds (each with its own content hash, agency and year)."""
    from desktop.core.ingest import read_report
    from desktop.core.segmentation.metadata import Field
    from desktop.core.segmentation.segment import segment_report
    from desktop.core.storage import open_database
    from desktop.core.storage.documents import insert_document

    db = open_database(path)
    sources = [read_report(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    segments = [segment_report(s.text) for s in sources]
    places = ["长春", "吉林", "梨树", "延吉", "通化", "白山", "松原", "白城", "四平", "辽源", "珲春", "敦化"]
    for i in range(count):
        source, seg = sources[i % len(sources)], segments[i % len(sources)]
        agency = f"{places[i % len(places)]}市第{i // len(places) % 97}局"
        metadata = dataclasses.replace(seg.metadata, agency=Field(agency, "bench"), year=Field(2019 + i % 7, "bench"))
        insert_document(db, dataclasses.replace(source, sha256=f"{i:064x}", name=f"{i:05d}_{source.name}"),
                        dataclasses.replace(seg, metadata=metadata))
    db.conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSettings, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    from desktop.gui.main_window import MainWindow

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

    def scroll_times(view: QTableView) -> list[float]:
        bar = view.verticalScrollBar()
        bar.setValue(0)
        app.processEvents()
        times = []
        while True:
            start = time.perf_counter()
            before = bar.value()
            bar.setValue(before + bar.pageStep())
            app.processEvents()  # fetchMore happens here when the end of the loaded rows comes into view
            view.viewport().repaint()
            times.append((time.perf_counter() - start) * 1000)
            if bar.value() == before and not view.model().canFetchMore(QModelIndex()):
                break
        return times

    def stats(values: list[float]) -> str:
        return f"median {statistics.median(values):5.2f} ms, max {max(values):6.2f} ms ({len(values)} steps)"

    with tempfile.TemporaryDirectory(prefix="reviewdesk-bench-table-") as tmp:
        db_path = Path(tmp) / "big.sqlite3"
        started = time.perf_counter()
        build_database(db_path, args.documents)
        print(f"built a database of {args.documents} documents in {time.perf_counter() - started:.1f} s")

        window = MainWindow(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        window.resize(1500, 900)
        window.show()
        app.processEvents()
        started = time.perf_counter()
        window.open_database(db_path)
        app.processEvents()
        opened = (time.perf_counter() - started) * 1000
        model, panel = window.corpus_model, window.corpus_panel
        print(f"open database and show the table: {opened:.1f} ms ({model.loaded} of {model.total} rows read)")

        plain = QTableView()
        plain.setModel(Plain(args.documents, model.columnCount()))
        plain.verticalHeader().setDefaultSectionSize(panel.table.verticalHeader().defaultSectionSize())
        plain.resize(panel.table.size())
        plain.show()
        app.processEvents()
        floor = scroll_times(plain)
        ours = scroll_times(panel.table)
        print(f"scroll one page, floor (plain model): {stats(floor)}")
        print(f"scroll one page, corpus table:        {stats(ours)}  (rows read: {model.loaded})")

        model.reload()
        app.processEvents()
        started = time.perf_counter()
        panel.set_year(2022)
        app.processEvents()
        print(f"filter by year (reads all rows first): {(time.perf_counter() - started) * 1000:.1f} ms, "
              f"{panel.proxy.rowCount()} rows shown")
        started = time.perf_counter()
        panel.agency_edit.setText("吉林")
        app.processEvents()
        print(f"filter by agency text: {(time.perf_counter() - started) * 1000:.1f} ms, {panel.proxy.rowCount()} rows")
        panel.clear_filters()
        app.processEvents()
        started = time.perf_counter()
        panel.table.sortByColumn(model.column_index("year"), Qt.SortOrder.DescendingOrder)
        app.processEvents()
        print(f"sort by year: {(time.perf_counter() - started) * 1000:.1f} ms")

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
            switches.append((time.perf_counter() - started) * 1000)
        print(f"switch to the next report (Alt+Down, report view repainted): {stats(switches)}")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
