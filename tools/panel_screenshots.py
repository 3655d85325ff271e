"""Screenshots of the panel view and dashboard: ``python -m tools.panel_screenshots OUTDIR [--language zh_CN]``.

Run under a display (Xvfb, 1600 x 1000): the app starts on a temporary database holding the demo panel
(tools.demo_panel: the seed reports scored by 张三, 李四 and 王五), the lead (组长) decides one final score and
writes the panel comment, and these are written:

- ``panel-view.png``: the panel view, reports sorted by disagreement, the most disagreeing report's criteria
  side by side with mean, median, spread, flags and the decided final score;
- ``panel-dashboard.png`` and ``panel-dashboard-agreement.png``: the dashboard on the per-criterion chart and on
  the agreement chart.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.gui.app import application, create_main_window
from tools.demo_panel import build_demo_panel
from tools.screenshots import demo_settings, run_shots, save, settle, wait_for


def take(outdir: Path, language: str | None = None) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    application()
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="reviewdesk-panel-") as tmp:
        db_path = Path(tmp) / "panel.sqlite3"
        build_demo_panel(db_path)
        settings = demo_settings(Path(tmp), language, "组长")
        window = create_main_window(db_path, settings, check_fonts=False, seed=False)
        window.resize(1600, 960)
        wait_for(lambda: window.corpus_model.total >= 5)
        controller = window.extensions["panel"]
        view = controller.show_view()
        view.resize(1400, 860)
        settle()
        report = view.criteria.report
        flagged = next((c for c in report.criteria if c.disagreement), report.criteria[0])
        view.decide(flagged.criterion.id, flagged.criterion.max_points - flagged.criterion.step)
        wait_for(lambda: view.criteria.report.criterion(flagged.criterion.id).adjudicated)
        view.comment.setPlainText(f"评阅人对“{flagged.criterion.title}”分歧较大，由组长裁定；其余各项按平均分。")
        view.save_comment()
        settle(500)
        written.append(save(view, outdir / "panel-view.png"))
        dashboard = controller.show_dashboard()
        dashboard.resize(1000, 760)
        dashboard.tabs.setCurrentIndex(2)
        settle(500)
        written.append(save(dashboard, outdir / "panel-dashboard.png"))
        dashboard.tabs.setCurrentIndex(3)
        settle(300)
        written.append(save(dashboard, outdir / "panel-dashboard-agreement.png"))
        view.close()
        dashboard.close()
        window.close()
        QApplication.processEvents()
    return written


def main(argv: list[str] | None = None) -> int:
    return run_shots("python -m tools.panel_screenshots", (__doc__ or "").splitlines()[0], take, argv)


if __name__ == "__main__":
    sys.exit(main())
