"""Screenshots of the corpus in pinyin order and grouped by agency: ``python -m tools.corpus_screenshots OUTDIR``.

Run under a display (Xvfb). The app starts at 1366 x 768 on a temporary database with seeds/ and short reports of
a few more agencies over several years (written here), and writes

- ``corpus-pinyin-1366x768.png``: the corpus table sorted by agency: 丰台 和平 吉林 … 岳阳 in pinyin order;
- ``corpus-grouped-1366x768.png``: View › Corpus by Agency (Ctrl+Shift+G): one row per agency with its years in a
  row, one agency opened to its reports (one per year) and its 2022 report open.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from desktop.core.ingest.importer import import_paths
from desktop.core.storage import open_database
from desktop.gui.app import application, create_main_window
from tools.screenshots import JILIN_2022, demo_settings, document_id, run_shots, save, settle, wait_for

AGENCIES = {"丰台区司法局": (2021, 2022, 2023), "和平区人民政府": (2022, 2024), "天津市司法局": (2023, 2024),
            "岳阳市司法局": (2022,), "长沙县人民政府": (2021, 2023, 2024), "重庆市人民政府": (2024,)}


def _report(agency: str, year: int) -> str:
    return (f"{agency}关于{year}年度法治政府建设情况的报告\n{year}年，{agency}坚持以习近平法治思想为指导，现将有关情况报告如下。\n"
            f"一、主要举措和成效\n（一）完善制度体系。全年审核规范性文件{year % 100}件，办理行政复议案件8件。\n"
            "二、存在的不足和原因\n一是法治宣传的针对性有待加强；二是执法人员培训覆盖不够。\n"
            "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法，主持召开专题会议3次。\n"
            f"四、{year + 1}年工作安排\n（一）加强执法培训，实现培训全覆盖。\n特此报告。\n{agency}\n{year + 1}年2月20日\n")


def take(outdir: Path, language: str | None = None) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    application()
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="reviewdesk-shots-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for n, (agency, years) in enumerate(AGENCIES.items()):
            for year in years:
                (folder / f"{n}-{year}.txt").write_text(_report(agency, year), encoding="utf-8")
        path = Path(tmp) / "demo.sqlite3"
        db = open_database(path)
        import_paths(db, [Path(__file__).resolve().parent.parent / "seeds", folder])
        total = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        db.conn.close()
        settings = demo_settings(Path(tmp), language, "王明")
        window = create_main_window(path, settings, check_fonts=False, seed=False)
        window.move(0, 0)
        window.resize(1366, 768)
        wait_for(lambda: window.corpus_model.total >= total)
        settle()
        jilin = document_id(window, JILIN_2022)
        window.open_document(jilin)
        panel = window.corpus_panel
        panel.table.sortByColumn(window.corpus_model.column_index("agency"), panel.table.horizontalHeader()
                                 .sortIndicatorOrder().AscendingOrder)
        written.append(save(window, outdir / "corpus-pinyin-1366x768.png"))
        panel.group_action.trigger()
        settle()
        panel.grouped.select_document(jilin)
        panel.grouped.setFocus()
        written.append(save(window, outdir / "corpus-grouped-1366x768.png"))
        panel.group_action.trigger()  # the choice is remembered: leave the table for the next start
        window.close()
    return written


if __name__ == "__main__":
    sys.exit(run_shots("python -m tools.corpus_screenshots", __doc__.splitlines()[0], take))
