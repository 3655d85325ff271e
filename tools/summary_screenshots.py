"""Screenshots of the Summary tab and of the written summary: ``python -m tools.summary_screenshots OUTDIR
[--language zh_CN]``.

Run under a display (Xvfb, 1600 x 1000): the app starts on the generated 60-report panel (tools.summary_panel); the
reviewer rewrites the score paragraph, a score changes and the draft is regenerated, so the rewrite is kept and
flagged. Written:

- ``summary-tab.png``: the tab with the flagged paragraph selected;
- ``summary-docx-N.png``: every page of the docx as LibreOffice renders it (soffice → pdf → pdftoppm, 60 dpi), with
  fontconfig limited to the bundled font as on a machine without Chinese fonts of its own;
- ``summary-pdf-N.png``: every page of the pdf export (pdftoppm, 60 dpi);
- ``summary-letter.png``: the first page of a result letter (反馈意见书).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.core.changes import Changes
from desktop.core.storage import open_database
from desktop.core.summary.letters import write_letters
from desktop.core.summary.write import write_summary
from desktop.gui.app import application, create_main_window
from tools.screenshots import demo_settings, run_shots, save, settle, wait_for
from tools.summary_panel import build_panel60, change_a_score

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"


def _bundled_fontconfig(folder: Path) -> Path:
    conf = folder / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
                    f"  <dir>{FONTS}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n",
                    encoding="utf-8")
    return conf


def _pages(pdf: Path, outdir: Path, stem: str) -> list[Path]:
    for old in outdir.glob(f"{stem}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(outdir / stem)], check=True, timeout=300)
    pages = sorted(outdir.glob(f"{stem}-*.png"))
    renamed = []
    for i, page in enumerate(pages, 1):  # pdftoppm pads the page number by the page count: make it plain
        target = outdir / f"{stem}-{i}.png"
        page.rename(target)
        renamed.append(target)
    return renamed


def _office_pdf(docx: Path, folder: Path) -> Path:
    env = dict(os.environ, FONTCONFIG_FILE=str(_bundled_fontconfig(folder)))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder / 'lo'}", "--convert-to", "pdf",
                    "--outdir", str(folder), str(docx)], check=True, timeout=300, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return folder / (docx.stem + ".pdf")


def _lower_a_score(window) -> None:
    window.changes.announce(Changes.of("scores", document_ids=[window.executor.call(change_a_score)]))


def take(outdir: Path, language: str | None = None) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    application()
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="reviewdesk-summary-") as tmp:
        folder = Path(tmp)
        panel = build_panel60(folder / "panel")
        settings = demo_settings(folder, language, "组长")
        window = create_main_window(panel.path, settings, check_fonts=False, seed=False)
        window.resize(1600, 960)
        wait_for(lambda: window.corpus_model.total >= 60)
        tab = window.extensions["summary"].tab
        window.tabs.setCurrentWidget(tab)
        wait_for(lambda: tab.draft is not None)
        tab.select("scores.distribution")
        tab.editor.setPlainText("本批报告总分集中在合格线附近，高分报告多为结构完整、数据具体的报告，详见附件1。")
        tab.save_rewrite()
        wait_for(lambda: tab.current_paragraph() is not None and tab.current_paragraph().edited is not None)
        _lower_a_score(window)
        settle(300)
        tab.regenerate()
        tab.select("scores.distribution")
        settle(500)
        written.append(save(window, outdir / "summary-tab.png"))
        window.close()
        QApplication.processEvents()

        db = open_database(panel.path)
        try:
            docx = write_summary(db, "docx", folder / "summary.docx").path
            pdf = write_summary(db, "pdf", folder / "summary-export.pdf").path
            letters = write_letters(db, folder / "letters")
        finally:
            db.conn.close()
        written += _pages(_office_pdf(docx, folder), outdir, "summary-docx")
        written += _pages(pdf, outdir, "summary-pdf")
        letter_pdf = _office_pdf(letters.paths[0], folder)
        first = _pages(letter_pdf, folder, "letter")[0]
        shutil.copy(first, outdir / "summary-letter.png")
        written.append(outdir / "summary-letter.png")
    return written


def main(argv: list[str] | None = None) -> int:
    return run_shots("python -m tools.summary_screenshots", (__doc__ or "").splitlines()[0], take, argv)


if __name__ == "__main__":
    sys.exit(main())
