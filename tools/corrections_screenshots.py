"""Screenshots of the correction flow: ``python -m tools.corrections_screenshots OUTDIR [--language zh_CN]``.

Run under a display (Xvfb, 1600 x 1000): the app starts on a temporary database with seeds/, opens the 2025
吉林省 report (its leader-duty part is reported missing) and writes

- ``corrections-1-mark.png``: a passage selected, the text's context menu open at “Mark as required part ▸”;
- ``corrections-2-marked.png``: the report after marking it: no red banner, an amber one pointing to the
  passage, the “✎ corrected by 王明” bar;
- ``corrections-3-metadata.png``: the metadata editor under the header, the publication date filled in by the
  reviewer (automatic value and source beside it, reset button), the timeliness badge recomputed;
- ``corrections-4-compare.png``: side by side, the corrected report in the right pane with its mark.

The reviewer's name is 王明 (a temporary QSettings file; the user's settings are not touched).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QMenu

from desktop.gui.app import application, create_main_window
from tools.screenshots import JILIN_2022, JILIN_2025, demo_settings, document_id, run_shots, save, settle, wait_for

PASSAGE = "局党组理论学习中心组将习近平法治思想"


def _grab_screen(path: Path) -> Path:
    """The whole screen (open menus are windows of their own, not part of the main window's grab)."""
    settle(300)
    screen = QApplication.primaryScreen()
    if not screen.grabWindow(0).save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)
    return path


def take(outdir: Path, language: str | None = None) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    app = application()
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="reviewdesk-shots-") as tmp:
        settings = demo_settings(Path(tmp), language, "王明")
        window = create_main_window(Path(tmp) / "demo.sqlite3", settings, check_fonts=False)
        window.move(0, 0)
        window.resize(1600, 960)
        wait_for(lambda: window.corpus_model.total >= 5)
        settle()
        ctrl = window.extensions["corrections"]
        view = window.report_view
        doc_id = document_id(window, JILIN_2025)
        window.open_document(doc_id)
        settle()

        text = view.current_document().text
        start = text.index(PASSAGE)
        end = text.index("。", text.index("掌握法律", start)) + 1
        view.scroll_to_offset(start)
        settle()
        view.text.select_document_span(start, end)
        settle()
        menu = ctrl.text_menu(view, start, window)
        rect = view.text.cursorRect()
        at = view.text.viewport().mapToGlobal(QPoint(rect.x() + 40, rect.y() + 10))
        menu.popup(at)
        settle()
        sub = menu.findChild(QMenu, "mark_menu")
        menu.setActiveAction(sub.menuAction())
        sub.popup(at + QPoint(menu.width() - 4, 0))
        settle()
        sub.setActiveAction(next(a for a in sub.actions() if a.objectName() == "mark_leader_duty"))
        written.append(_grab_screen(outdir / "corrections-1-mark.png"))
        sub.hide()
        menu.hide()

        ctrl.mark_part(view, "leader_duty", start, end)
        view.text.select_document_span(start, start)
        settle()
        written.append(save(window, outdir / "corrections-2-marked.png"))

        ctrl.toggle_editor(view, True)
        settle()
        ctrl.correct_field(view, "published_at", "2026-03-10")
        settle()
        written.append(save(window, outdir / "corrections-3-metadata.png"))
        ctrl.toggle_editor(view, False)

        window.compare_documents(document_id(window, JILIN_2022), doc_id)
        settle()
        written.append(save(window, outdir / "corrections-4-compare.png"))
        window.close()
        app.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    return run_shots("python -m tools.corrections_screenshots", (__doc__ or "").splitlines()[0], take, argv)


if __name__ == "__main__":
    sys.exit(main())
