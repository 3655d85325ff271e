"""Screenshots of the confidence marks and the verify queue: ``python -m tools.verify_screenshots OUTDIR``.

Run under a display (Xvfb, 1600 x 1000): the app starts on a temporary database with seeds/ and two reports
written for the shots (an agency named only in the opening sentence, a topical first heading, a leader duty
stated without 第一责任人, a plan that is nowhere), and writes

- ``verify-1-report.png``: the doubtful report: 请核对 marks beside the agency in the header, on the outline
  entries and legend chips of the uncertain parts, on the missing-part banner (with a link to the best candidate);
- ``verify-2-queue.png``: the verify queue (核对队列) over the corpus, ``已核对 1 / m`` after one key, the source
  passage of the current doubt highlighted in the text;
- ``verify-3-side-by-side.png``: side by side, the marks in the compact headers (details open);
- ``verify-4-confirmed.png``: the report after its doubts were confirmed: ✓ instead of 请核对;
- ``verify-5-corpus.png``: the corpus table with its 待核对 column.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.core.ingest.importer import import_paths
from desktop.core.storage import open_database
from desktop.gui.app import application, create_main_window
from tools.screenshots import demo_settings, document_id, run_shots, save, settle, wait_for

BODY = ("全年办理行政复议案件30件，审查规范性文件12件，开展执法检查40次，组织执法人员培训6期，群众满意度明显提升。\n")
DOUBTFUL = ("2023年度法治政府建设情况报告\n2023年，青山县司法局坚持以习近平法治思想为指导，扎实推进依法行政。\n"
            "一、坚持党的领导，筑牢法治根基\n" + BODY + "局主要负责人亲自部署、带头讲法，全年专题研究法治工作4次。\n"
            "二、深化执法改革，提升治理效能\n" + BODY * 2 + "三、存在的问题\n执法力量不足，培训针对性不强。\n")
OTHER = ("2024年度法治政府建设工作报告\n2024年，南湖县交通运输局坚持依法行政。\n一、主要举措和成效\n" + BODY * 2
         + "二、存在的不足\n执法队伍年龄老化。\n下一步，我局将加强执法队伍建设。\n")


def take(outdir: Path, language: str | None = None) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    application()
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="reviewdesk-shots-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        (folder / "青山县司法局2023.txt").write_text(DOUBTFUL, encoding="utf-8")
        (folder / "南湖县交通运输局2024.txt").write_text(OTHER, encoding="utf-8")
        path = Path(tmp) / "demo.sqlite3"
        db = open_database(path)
        import_paths(db, [Path(__file__).resolve().parent.parent / "seeds", folder])
        db.conn.close()
        settings = demo_settings(Path(tmp), language, "王明")
        window = create_main_window(path, settings, check_fonts=False, seed=False)
        window.move(0, 0)
        window.resize(1600, 960)
        wait_for(lambda: window.corpus_model.total >= 7)
        settle()
        if window.reading_mode():  # a small (virtual) screen starts in reading mode: show the corpus and docks
            window.toggle_reading_mode()
            settle()
        written.append(save(window, outdir / "verify-5-corpus.png"))
        doc_id = document_id(window, "青山县司法局2023")
        window.open_document(doc_id)
        settle()
        written.append(save(window, outdir / "verify-1-report.png"))
        ctrl = window.extensions["verify"]
        dialog = ctrl.open_queue()
        dialog.move(300, 120)
        wait_for(lambda: not dialog.loading and bool(dialog.doubts))
        settle()
        QTest.keyClick(dialog, Qt.Key.Key_A)
        settle()
        written.append(save(dialog, outdir / "verify-2-queue.png"))
        dialog.close()
        window.compare_documents(doc_id, document_id(window, "南湖县交通运输局2024"))
        settle()
        for pane in (window.compare_view.left, window.compare_view.right):
            pane.header.details_button.setChecked(True)
        settle()
        written.append(save(window, outdir / "verify-3-side-by-side.png"))
        from desktop.core.review.verify import list_doubts

        for doubt in [d for d in list_doubts(window.reader) if d.document_id == doc_id]:
            ctrl.store.confirm(doubt)
        window.open_document(doc_id)
        settle()
        written.append(save(window, outdir / "verify-4-confirmed.png"))
        window.close()
    return written


if __name__ == "__main__":
    sys.exit(run_shots("python -m tools.verify_screenshots", __doc__.splitlines()[0], take))
