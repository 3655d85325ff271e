"""The dashboard's charts: numbers from the panel rules, PNG images in the bundled CJK font, the xlsx 图表 sheet."""

from __future__ import annotations

import struct

import pytest
from openpyxl import load_workbook

from desktop.core.export import export
from desktop.core.export.sheets.charts import CHART_NAMES, ComplianceRow, Dashboard, render, write_pngs
from desktop.core.export.sheets.dashboard import build_dashboard
from desktop.core.panel.summary import panel_summary
from tests.core.scoring.scoring_data import scored_corpus_fixture, scored_db_fixture  # noqa: F401


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_dashboard_numbers_follow_the_panel(scored_db):
    d = build_dashboard(scored_db)
    summary = panel_summary(scored_db)
    finals = sorted(r.final_total for r in summary.reports if r.final_total is not None)
    assert sorted(d.totals) == finals == [65.83]  # 001: 李四's review is unfinished, so it has no final yet
    assert [p.reviewer for p in d.progress] == sorted(p.reviewer for p in d.progress)
    zhang = next(p for p in d.progress if p.reviewer == "张三")
    assert zhang.submitted == 2 and zhang.in_progress == 1
    measures = next(c for c in d.criteria if c.title == "举措具体、成效量化")
    assert (measures.low, measures.high, measures.mean) == (4, 5, 4.5)  # 张三's two complete reviews
    assert d.agreement[-1].title == "总分" and d.agreement[-1].alpha is None and d.agreement[-1].reason
    assert len(d.compliance) == len(summary.reports)
    row = d.compliance[0]
    assert len(row.parts) == 4 and all(p in (None, "section", "subsection", "inline") for p in row.parts)


@pytest.mark.parametrize("name", CHART_NAMES)
def test_each_chart_is_a_png(scored_db, name):
    width, height = png_size(render(build_dashboard(scored_db), name, dpi=50))
    assert width == 400 and height >= 125


def test_charts_of_an_empty_panel_still_draw(tmp_path):
    d = Dashboard(100, ("a", "b", "c", "d"))
    paths = write_pngs(d, tmp_path / "empty")
    assert [p.name for p in paths] == [f"{n}.png" for n in CHART_NAMES]
    big = Dashboard(100, ("a", "b", "c", "d"), compliance=[ComplianceRow(f"机关{i}", (None,) * 4, None)
                                                          for i in range(200)])
    assert png_size(render(big, "compliance", dpi=50))[1] > 300


def test_chart_text_is_set_in_the_bundled_font(scored_db, monkeypatch):
    from matplotlib import font_manager

    from desktop.core.export.sheets import charts

    used = []
    real = font_manager.FontManager.findfont

    def spy(self, prop, *args, **kwargs):
        path = real(self, prop, *args, **kwargs)
        used.append(path)
        return path

    monkeypatch.setattr(font_manager.FontManager, "findfont", spy)
    render(build_dashboard(scored_db), "criteria", dpi=40)
    assert charts.bundled_font_path() is not None
    assert any(str(p).endswith("wqy-microhei.ttc") for p in used)
    assert all("wqy" in str(p) or "DejaVu" in str(p) for p in used)  # never a font of the machine


def test_xlsx_holds_the_charts(scored_db, tmp_path):
    out = tmp_path / "charts.xlsx"
    export(scored_db, "xlsx", out)
    ws = load_workbook(out)["图表"]
    assert len(ws._images) == len(CHART_NAMES)
