"""Screenshots of the agency views: ``python -m tools.agencies_screenshots OUTDIR [--language zh_CN]``.

Run under a display (Xvfb, 1600 x 1000): the app starts on a temporary database holding the demo panel (the seed
reports scored by three reviewers, tools.demo_panel) and three short reports of other bodies that copy sentences
of the seeds, and these are written:

- ``agencies-timeline.png``: 吉林省政数局 across 2022 and 2025, totals and 等次, 2025's shortcomings against 2022's;
- ``agencies-promises.png``: the promise tracker of the 2025 report against the 2022 plan;
- ``agencies-shared.png``: the corpus view of text shared across agencies;
- ``agencies-report-marks.png``: a report with its shared sentences underlined (orange), and the evidence dock;
- ``agencies-promises-side-by-side.png``: 2022 and 2025 side by side with the promise tracker beside them
  (Agencies › Promise Tracker Beside Side by Side, Ctrl+Shift+J), an item's passage shown in both panes;
- ``agencies-corpus-years.png``: the corpus table with the column of each report's agency years in a row;
- ``agencies-anchor-examples.png``: F9 on a focused criterion of the score form.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.core.ingest.importer import import_paths
from desktop.core.storage import open_database
from desktop.gui.app import application, create_main_window
from tools.demo_panel import build_demo_panel
from tools.screenshots import demo_settings, document_id, run_shots, save, settle, wait_for

COPIED = ("一是法治理论学习的系统性和深度仍有提升空间，个别干部职工对习近平法治思想的理解和运用还不够透彻。",
          "认真执行“第一议题”制度，研究重要问题和重点工作，对标对表习近平总书记系列重要讲话和重要指示批示精神。")


def _others(folder: Path) -> None:
    folder.mkdir()
    for i, (agency, year, day) in enumerate([("通化市政务服务和数字化建设管理局", 2025, "2026-02-20"),
                                             ("白山市司法局", 2025, "2026-03-05"), ("延吉市教育局", 2024, "2025-03-18")]):
        (folder / f"other{i}.txt").write_text(
            f"{agency}关于{year}年度法治政府建设情况的报告\n发布时间：{day}\n一、主要举措和成效\n{COPIED[1]}\n"
            f"全年审核规范性文件{12 + i}件，办理行政复议案件{3 + i}件。\n二、存在的不足和原因\n{COPIED[0]}\n"
            f"三、{year + 1}年工作安排\n（一）加强执法培训，实现培训全覆盖。\n特此报告。\n{agency}\n{year + 1}年2月{10 + i}日\n",
            encoding="utf-8")


def take(outdir: Path, language: str | None = None) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    application()
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="reviewdesk-agencies-") as tmp:
        db_path = Path(tmp) / "agencies.sqlite3"
        build_demo_panel(db_path)
        _others(Path(tmp) / "others")
        db = open_database(db_path)
        import_paths(db, [Path(tmp) / "others"])
        db.conn.close()
        settings = demo_settings(Path(tmp), language, "张三")
        window = create_main_window(db_path, settings, check_fonts=False, seed=False)
        window.resize(1600, 960)
        wait_for(lambda: window.corpus_model.total >= 8)
        agencies = window.extensions["agencies"]
        jilin_2025 = document_id(window, "000")
        window.open_document(jilin_2025)
        timeline = agencies.show_timeline(jilin_2025)
        timeline.resize(1400, 860)
        settle(500)
        written.append(save(timeline, outdir / "agencies-timeline.png"))
        timeline.tabs.setCurrentIndex(1)
        settle(300)
        written.append(save(timeline, outdir / "agencies-promises.png"))
        timeline.close()
        shared = agencies.show_shared()
        shared.resize(1300, 800)
        wait_for(lambda: shared.found is not None)
        settle(300)
        written.append(save(shared, outdir / "agencies-shared.png"))
        shared.close()
        agencies.evidence.show()
        baishan = document_id(window, "other1")
        window.open_document(baishan)
        wait_for(lambda: agencies.marks.result is not None and agencies.evidence.hints)
        settle(500)
        written.append(save(window, outdir / "agencies-report-marks.png"))
        agencies.evidence.hide()
        window.open_document(jilin_2025)
        agencies.toggle_promises()  # Ctrl+Shift+J: side by side with the 2022 report, the tracker beside
        dock = agencies.promise_dock
        wait_for(lambda: dock.tracker.report is not None and dock.tracker.model.rowCount() > 0)
        done = next((i for i, p in enumerate(dock.tracker.report.promises) if p.match.passage is not None), 0)
        dock.tracker.table.setCurrentIndex(dock.tracker.model.index(done, 0))
        settle(500)  # the panes laid out beside the dock first (a relayout scrolls them, synchronized)
        dock.tracker._activated(dock.tracker.model.index(done, 0))  # Enter on the row
        settle(500)
        written.append(save(window, outdir / "agencies-promises-side-by-side.png"))
        dock.hide()
        window.tabs.setCurrentIndex(0)
        years = window.corpus_model.column_index("agency_years")
        if years >= 0:
            window.corpus_panel.column_actions["agency_years"].setChecked(True)
            for key in ("missing", "to_verify", "review"):  # room for the agency and its years in the shot
                window.corpus_panel.column_actions[key].setChecked(False)
            window.corpus_panel.table.resizeColumnToContents(years)
            window.corpus_panel.table.scrollTo(window.corpus_model.index(0, years))
            settle(500)
            written.append(save(window, outdir / "agencies-corpus-years.png"))
        panel = window.extensions["scoring"].panel
        window.open_document(document_id(window, "001"))
        panel.show()
        window.activateWindow()
        panel.boxes["shortcomings"].spin.setFocus()
        settle(200)
        # offscreen the window may never become active (no focus): the criterion as focusing it would set it
        agencies.calibration.criterion_id = "shortcomings"
        dialog = agencies.calibration.show_examples()
        settle(400)
        written.append(save(dialog, outdir / "agencies-anchor-examples.png"))
        dialog.close()
        window.close()
        QApplication.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    return run_shots("python -m tools.agencies_screenshots", (__doc__ or "").splitlines()[0], take, argv)


if __name__ == "__main__":
    sys.exit(main())
