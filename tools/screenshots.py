"""Screenshots of the real app on the demo corpus: ``python -m tools.screenshots OUTDIR [--language zh_CN]``.

Run under a display (``make screenshots`` uses Xvfb, 1600 x 1000). The app starts on a fresh temporary database, imports
seeds/ the way a first start does, and writes ``main_window.png`` (corpus table, search hits and a report),
``report_view.png`` (one report: header, missing-part banner, outline, tinted parts) and ``compare_view.png``
(the 吉林省 reports of 2022 and 2025 side by side). User settings are not touched (a temporary QSettings file).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.gui import i18n
from desktop.gui.app import application, create_main_window
from desktop.gui.reviewer_name import SETTINGS_KEY
from desktop.gui.window import fonts
from desktop.gui.window.main_window import MainWindow

JILIN_2022 = "003_"  # seeds/003_*: 吉林省政务服务和数字化建设管理局, 2022
JILIN_2025 = "000_"  # seeds/000_*: the same agency, 2025
QUERY = "执法"


def settle(ms: int = 300) -> None:
    """Let the event loop run for a while (layouts, paints, queued signals)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(condition: object, timeout_ms: int = 30_000) -> None:
    waited = 0
    while not condition():
        if waited > timeout_ms:
            raise TimeoutError("the app did not get ready in time")
        settle(50)
        waited += 50


def demo_settings(folder: Path, language: str | None, reviewer: str | None = None) -> QSettings:
    """A fresh settings file in ``folder`` (never the user's own): the reviewer's name and the interface language."""
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    if reviewer:
        settings.setValue(SETTINGS_KEY, reviewer)
    if language:
        settings.setValue(i18n.SETTINGS_KEY, language)
    return settings


def document_id(window: MainWindow, name_prefix: str) -> str:
    model = window.corpus_model
    model.fetch_all()
    for doc in model.summaries():
        if doc.name.startswith(name_prefix):
            return doc.id
    raise LookupError(f"no seed report named {name_prefix}* in the corpus")


def save(widget: QWidget, path: Path) -> Path:
    """Grab a widget into a PNG; shrunk with pngquant (a palette of up to 256 colours) when it is installed."""
    settle(200)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    pngquant = shutil.which("pngquant")
    if pngquant:
        subprocess.run([pngquant, "--quality", "80-95", "--speed", "1", "--skip-if-larger", "--force", "--ext",
                        ".png", str(path)], check=False)
    print(path)
    return path


def take(outdir: Path, language: str | None = None) -> list[Path]:
    """Start the app in a temporary place, take the three screenshots, close it; the paths written."""
    outdir.mkdir(parents=True, exist_ok=True)
    app = application()
    if not fonts.has_cjk_font():
        print("warning: no Chinese font is installed; the screenshots will show boxes "
              f"({fonts.install_hint()})", file=sys.stderr)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="reviewdesk-shots-") as tmp:
        settings = demo_settings(Path(tmp), language)
        window = create_main_window(Path(tmp) / "demo.sqlite3", settings, check_fonts=False)
        window.resize(1600, 960)
        wait_for(lambda: window.corpus_model.total >= 5)
        settle()

        # Main window: the corpus, a full-text search and the hit opened in the report view.
        window.search_panel.search(QUERY)
        wait_for(lambda: window.search_panel.model.rowCount() > 0)
        window.search_panel.view.selectRow(0)
        hit = window.search_panel.model.hit(0)
        window.open_document(hit.document_id, QUERY, hit.start)
        written.append(save(window, outdir / "main_window.png"))

        # One report: the 2025 吉林省 report lacks the leader-duty part.
        window.open_document(document_id(window, JILIN_2025))
        window.splitter.setSizes([0, window.width()])
        written.append(save(window.report_view, outdir / "report_view.png"))

        # Side by side: the same agency's reports of 2022 and 2025.
        window.compare_documents(document_id(window, JILIN_2022), document_id(window, JILIN_2025))
        written.append(save(window, outdir / "compare_view.png"))
        window.close()
        app.processEvents()
    return written


def take_layout(outdir: Path, width: int, height: int, tag: str, language: str | None = None) -> list[Path]:
    """The window at one size (``tag`` names it: "1600x1000", "1366x768", "2x"): reading a report, side by side
    with the changed wording, annotating (a tagged passage and its coding stripe), reading mode (the centred column)
    and scoring (the score form half filled); ``layout-<tag>-<view>.png``."""
    outdir.mkdir(parents=True, exist_ok=True)
    app = application()
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="reviewdesk-shots-") as tmp:
        settings = demo_settings(Path(tmp), language, "张三")
        window = create_main_window(Path(tmp) / "demo.sqlite3", settings, check_fonts=False)
        window.resize(width, height)
        wait_for(lambda: window.corpus_model.total >= 5)
        settle()
        jilin = document_id(window, JILIN_2025)
        window.open_document(jilin)
        written.append(save(window, outdir / f"layout-{tag}-report.png"))

        window.compare_documents(document_id(window, JILIN_2022), jilin)
        window.compare_view.wording_box.setChecked(True)
        window.compare_view.go_to_change(0)
        written.append(save(window, outdir / f"layout-{tag}-side-by-side.png"))
        window.compare_view.wording_box.setChecked(False)

        window.open_document(jilin)
        annotations = window.extensions.get("annotations")
        view = window.report_view
        record = view.current_document()
        start = view.part_start("shortcomings") or 0
        end = record.text.find("。", start + 20) + 1 or start + 40
        if annotations is not None and annotations.store.ready:
            from desktop.gui.reviewer_name import ensure_reviewer

            ensure_reviewer(window, settings, annotations.store)
            tags = annotations.store.tags()
            annotations.store.create(record.id, start, end, [tags[0].id, tags[1].id], "不足写得笼统", None)
            annotations.store.create(record.id, start + 8, end + 30, [tags[2].id], "", None)
        view.select_span(start, end)
        settle()  # the docks and marks laid out first: then the passage near the top (selecting scrolls to its end)
        view.scroll_to_offset(start)
        written.append(save(window, outdir / f"layout-{tag}-annotating.png"))
        window.toggle_reading_mode()  # reading mode: the text alone, in a centred column
        written.append(save(window, outdir / f"layout-{tag}-reading.png"))
        window.toggle_reading_mode()

        scoring = window.extensions.get("scoring")
        if scoring is not None:
            scoring.ensure_reviewer()
            panel = scoring.panel
            for box, value in zip(list(panel.boxes.values())[:4], (3, 2, 2, 4), strict=False):
                box.level_buttons.get(float(min(value, box.criterion.max_points)), next(iter(
                    box.level_buttons.values()))).click()
            next(iter(panel.boxes.values())).expand_button.setChecked(True)
            panel.raise_()
        written.append(save(window, outdir / f"layout-{tag}-scoring.png"))
        window.close()
        app.processEvents()
    return written


def run_shots(prog: str, description: str, take: Callable[[Path, str | None], list[Path]],
              argv: list[str] | None = None) -> int:
    """The command line of a screenshot script: ``prog OUTDIR [--language zh_CN|en]``, then ``take(outdir, lang)``."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--language", choices=[i18n.CHINESE, i18n.ENGLISH], help="interface language")
    args = parser.parse_args(argv)
    take(args.outdir, args.language)
    QApplication.instance().quit()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--language", choices=[i18n.CHINESE, i18n.ENGLISH], help="interface language (default: "
                        "the system's)")
    parser.add_argument("--layout", metavar="WxH[:TAG]", action="append", default=[],
                        help="instead of the three overview shots, the reading/side-by-side/annotating/scoring shots "
                             "at this window size (repeatable; e.g. 1366x768, or 1600x1000:2x under QT_SCALE_FACTOR=2)")
    args = parser.parse_args(argv)
    if args.layout:
        for spec in args.layout:
            size, _, tag = spec.partition(":")
            width, height = (int(v) for v in size.lower().split("x"))
            take_layout(args.outdir, width, height, tag or size, args.language)
    else:
        take(args.outdir, args.language)
    QApplication.instance().quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
