"""The review sheet as an Excel workbook, formatted for printing.

Sheets: 汇总 (Summary: one row per report and reviewer), 评审汇总 (the panel: one row per report), 批注
(Annotations), 必备部分 (Sections: report × required part, with placement, dates and 按时公开), 分数分布 (a
histogram of totals with a bar chart), 图表 (the panel dashboard's charts) and 说明 (the rubric and how to read
the sheet). Every table has a frozen, bold header repeated on each printed page, Chinese headers, set column
widths, number and date formats, A4 landscape fitted to the page width at a legible size (body text 10 pt,
columns narrow enough that the fit keeps it at 8 pt or more), and page numbers in the footer; rows as tall as
their wrapped text.

On 汇总 the rows above the header hold each criterion's maximum and weight, and each total is a formula over the
row's score cells and those two rows, so a corrected score updates its total; a review with criteria left
unscored shows 未完成（已评 n/8）instead of a partial sum, and is not ranked. The score cells carry Excel data
validation (each criterion's allowed values). On 评审汇总 最终得分 is a formula too (see
desktop.core.export.sheets.panel_table.final_cell). Those totals are the only formulas.

Written with XlsxWriter in constant_memory mode (rows streamed to disk in order) through
:class:`~desktop.core.export.formats.xlsx_rows.RowStream`; openpyxl is used only to read workbooks.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from desktop.core.export.data import ExportData
from desktop.core.export.formats.xlsx_rows import CellFormat, FormulaSheet, RowStream
from desktop.core.export.sheets.panel_table import final_cell, final_columns, panel_columns, panel_row
from desktop.core.export.sheets.tables import (
    NOT_APPLICABLE,
    Column,
    Formula,
    Value,
    annotation_columns,
    annotation_rows,
    criterion_columns,
    score_distribution,
    section_columns,
    section_rows,
    summary_columns,
    summary_row,
    total_value,
)
from desktop.core.processes import ChildJob
from desktop.core.progress import Progress
from desktop.core.scoring.rules import rule_label

if TYPE_CHECKING:  # matplotlib's side: loaded when the charts are drawn
    from desktop.core.export.sheets.charts import Dashboard

FONT_NAME = "等线"  # Excel's default Chinese UI font; WPS and LibreOffice substitute their own
A4, A3 = 9, 8  # Excel paper sizes; the summary is wide, and offices print wide tables on A3
_CELL = {"font_name": FONT_NAME, "font_size": 10, "border": 1, "border_color": "#A6A6A6"}
_HEADER = CellFormat({**_CELL, "bold": True, "align": "center", "valign": "vcenter", "text_wrap": True,
                      "pattern": 1, "bg_color": "#DDE4EE"})
_PLACEMENT_FILLS = {"缺": "#F4C7C3", "小节": "#FCE8B2", "条目/一句": "#FCE8B2"}
# Excel's limits for a data validation's texts (XlsxWriter drops a validation that exceeds one)
_TITLE_LIMIT, _MESSAGE_LIMIT = 32, 255
log = logging.getLogger(__name__)


def _formats(columns: list[Column]) -> list[CellFormat]:
    out = []
    for c in columns:
        props: dict[str, Any] = {**_CELL, "valign": "top", "text_wrap": c.wrap}
        if c.number_format:
            props["num_format"] = c.number_format
        out.append(CellFormat(props))
    return out


def _header_footer_text(text: str) -> str:
    """Text for a page header or footer: a literal ``&`` is written ``&&`` (``&`` starts a code there)."""
    return text.replace("&", "&&")


def _cell_name(row: int, col: int) -> str:
    """A1-style name of a 0-based (row, column)."""
    letters, n = "", col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"


def _sheet(wb: Workbook, name: str, columns: list[Column], title: str, freeze: tuple[int, int] = (1, 0),
           fills: dict[str, str] | None = None, autofilter: bool = True, paper: int = A4,
           above: list[list[Value]] | None = None) -> RowStream:
    """A sheet set up for printing, with its header row written (after the ``above`` rows).

    ``freeze`` is the (row, column) of the first cell that scrolls (1, 0: the first row stays in view)."""
    ws: Worksheet = wb.add_worksheet(name, worksheet_class=FormulaSheet)
    for i, col in enumerate(columns):
        ws.set_column(i, i, col.width)
    header_row = len(above or ())  # 0-based
    ws.freeze_panes(*freeze)
    ws.repeat_rows(0, header_row)
    ws.set_landscape()
    ws.set_paper(paper)
    ws.fit_to_pages(1, 0)
    # header and footer sit in their own margin, clear of the table (LibreOffice clips them otherwise)
    ws.set_margins(left=0.3, right=0.3, top=0.75, bottom=0.75)
    ws.center_horizontally()
    ws.set_header("&C" + _header_footer_text(title), {"margin": 0.3})
    ws.set_footer("&C第 &P 页，共 &N 页", {"margin": 0.3})
    if autofilter:
        ws.autofilter(header_row, 0, header_row, len(columns) - 1)
    stream = RowStream(wb, ws, _formats(columns), fills, header=_HEADER, widths=[c.width for c in columns])
    for values in above or ():
        stream.append(values, header=True)
    stream.append([c.header for c in columns], header=True)
    return stream


def _table(wb: Workbook, name: str, title: str, columns: list[Column], rows: Iterable[list[Value]],
           progress: Progress, total: int, freeze: tuple[int, int] = (1, 0), fills: dict[str, str] | None = None,
           paper: int = A4) -> int:
    stream = _sheet(wb, name, columns, title, freeze, fills, paper=paper)
    count = 0
    for count, values in enumerate(rows, 1):
        stream.append(values)
        if count % 1000 == 0:
            progress.check()
            progress.update(count, total, name)
    return count


SUMMARY_HEADER_ROW = 3  # 汇总: row 1 the criteria's maximums, row 2 their weights, row 3 the header


def total_formula(first: str, last: str, row: int, criteria: int) -> str:
    """The 总分 formula of a 汇总 row: blank, 未完成（已评 n/8）, or Σ score ÷ maximum × weight (rows 1 and 2).

    A criterion marked 不适用 counts as settled and is left out, the other weights scaled up to the full total (as
    desktop.core.scoring.rubric.Rubric.weighted_total does). SUMPRODUCT with two arrays takes text as 0.
    """
    cells, maxima, weights = f"{first}{row}:{last}{row}", f"{first}$1:{last}$1", f"{first}$2:{last}$2"
    settled = f'(COUNT({cells})+COUNTIF({cells},"{NOT_APPLICABLE}"))'
    applicable = f'(SUM({weights})-SUMIF({cells},"{NOT_APPLICABLE}",{weights}))'
    return (f'IF({settled}=0,"",IF({settled}<{criteria},"未完成（已评 "&{settled}&"/{criteria}）",'
            f"IF({applicable}=0,0,ROUND(SUMPRODUCT({cells},{weights}/{maxima})*SUM({weights})/{applicable},2))))")


def _column_letter(index: int) -> str:
    return _cell_name(0, index)[:-1]


def _summary(wb: Workbook, data: ExportData, progress: Progress, total: int) -> int:
    columns = summary_columns(data, printable=True)
    lo, hi = criterion_columns(data, printable=True)
    first, last = _column_letter(lo), _column_letter(hi)
    title = f"法治政府建设年度报告评阅汇总表（排名：各评阅人在{data.scope or '本表所列报告'}中）"
    stream = _sheet(wb, "汇总", columns, title, freeze=(SUMMARY_HEADER_ROW, 2),
                    above=_parameter_rows(data, len(columns), lo, hi + 1))
    n = len(data.rubric.criteria)
    for count, row in enumerate(data.rows, 1):
        at = SUMMARY_HEADER_ROW + count
        cached = total_value(row)
        stream.append(summary_row(data, count, row, printable=True,
                                  total=Formula(total_formula(first, last, at, n), "" if cached is None else cached)))
        if count % 1000 == 0:
            progress.check()
            progress.update(count, total, "汇总")
    _score_validation(stream.ws, data, lo, SUMMARY_HEADER_ROW, SUMMARY_HEADER_ROW + max(len(data.rows), 1) - 1)
    return len(data.rows)


def _score_validation(ws: Worksheet, data: ExportData, first_col: int, first_row: int, last_row: int) -> None:
    """Excel data validation on the score cells (0-based rows and columns): a drop-down of each criterion's allowed
    values, so that Excel and WPS stop a bad cell at entry (where a criterion allows 不适用, a warning only:
    ``不适用：理由`` is typed)."""
    for i, c in enumerate(data.rubric.criteria):
        steps = int(round(c.max_points / c.step))
        values = [f"{k * c.step:g}" for k in range(steps + 1)]
        listed = ",".join(values)
        rule = f"0–{c.max_points:g}，步长 {c.step:g}"
        options: dict[str, Any]
        if len(listed) <= 250:  # Excel's limit for a list typed into the rule
            options = {"validate": "list", "source": values}
        else:
            options = {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": c.max_points}
        options.update(
            ignore_blank=True, error_type="warning" if c.allow_na else "stop",
            error_title="分值不在允许范围",
            error_message=(f"{c.title}：请填 {rule} 的分值" + ("；不适用时填“不适用：理由”" if c.allow_na else ""))
            [:_MESSAGE_LIMIT],
            input_title=c.title[:_TITLE_LIMIT],
            input_message=(f"分值 {rule}" + ("；或“不适用：理由”" if c.allow_na else ""))[:_MESSAGE_LIMIT],
            show_error=True, show_input=True)
        ws.data_validation(first_row, first_col + i, last_row, first_col + i, options)


def _parameter_rows(data: ExportData, width: int, first: int, total_col: int) -> list[list[Value]]:
    """The two rows above a header: each criterion's maximum and weight, over the criteria's columns."""
    r = data.rubric
    maxima: list[Value] = [None] * width
    weights: list[Value] = [None] * width
    maxima[1], weights[1] = "各项满分", "各项权重（总分 = Σ 得分 ÷ 满分 × 权重）"
    for i, c in enumerate(r.criteria):
        maxima[first + i], weights[first + i] = c.max_points, c.weight
    weights[total_col] = r.weights_total
    return [maxima, weights]


def _panel(wb: Workbook, data: ExportData, progress: Progress) -> None:
    """评审汇总: one row per report, the reviewers side by side, mean, final scores, rank and grade."""
    panel = data.panel
    if panel is None:
        return
    columns = panel_columns(data, panel)
    lo, hi = final_columns(data, panel)
    above = _parameter_rows(data, len(columns), lo, hi + 1)
    above[0][hi + 1] = f"计算方式：{rule_label(panel.rule)}"  # the panel's final-score rule, above 最终得分
    title = f"法治政府建设年度报告评审汇总表（最终得分：{rule_label(panel.rule)}；排名：{data.scope or '本表所列报告'}）"
    stream = _sheet(wb, "评审汇总", columns, title, freeze=(SUMMARY_HEADER_ROW, 2), above=above)
    # where each reviewer's scores are on 汇总 (a decided final recomputes the reviewers' totals from them)
    summary_rows = {(row.document.id, row.reviewer_id): SUMMARY_HEADER_ROW + i
                    for i, row in enumerate(data.rows, 1) if row.reviewer_id is not None}
    for count, report in enumerate(panel.reports, 1):
        at = SUMMARY_HEADER_ROW + count
        stream.append(panel_row(data, panel, count, report, final=final_cell(data, panel, at, report, summary_rows)))
        if count % 1000 == 0:
            progress.check()


CHART_DPI = 90
CHARTS_IN_CHILD_FROM = 200  # sheet rows from which the charts are drawn in a child process, beside the tables


class EarlyCharts:
    """The dashboard's charts drawn in a child process started before the export reads its data: the child loads
    matplotlib and the font while this process reads the database, draws as soon as it is sent the dashboard
    (:meth:`send`), and its pictures are taken when the 图表 sheet is reached (:meth:`result`). Drawing them
    takes the child ~2 s of CPU on the other core; started after the data was read it was the last to finish."""

    def __init__(self) -> None:
        import multiprocessing

        from desktop.core.export.sheets.charts import CHART_NAMES, render_sent

        receive, self._send = multiprocessing.get_context("spawn").Pipe(duplex=False)
        try:
            self.job: ChildJob[list[bytes]] = ChildJob(render_sent, (receive, CHART_DPI, CHART_NAMES))
        except BaseException:
            self._send.close()
            raise
        finally:
            receive.close()  # the child holds its own end

    def send(self, dashboard: Dashboard) -> None:
        """Give the child the numbers to draw (once)."""
        with self._send:
            self._send.send(dashboard)

    def close(self) -> None:
        """End the child (it stops waiting if nothing was sent; it is stopped if it is still drawing)."""
        self._send.close()
        self.job.close()


def start_charts_early(reports: int) -> EarlyCharts | None:
    """The charts' child for an export of every reviewer's reviews of ``reports`` reports, started now when the
    export is large enough that the child's start-up is worth it; None: the charts are drawn later (see
    :func:`write_xlsx`)."""
    if 2 * reports < CHARTS_IN_CHILD_FROM:  # rows: about two reviewers a report
        return None
    try:
        return EarlyCharts()
    except OSError as exc:  # no process could be started (limits): drawn here instead
        log.warning("charts drawn in this process: %s", exc)
        return None


def _start_charts(data: ExportData, early: EarlyCharts | None) -> ChildJob[list[bytes]] | None:
    """The dashboard's charts started in a child process (matplotlib's ~2 s of CPU on the other core while this
    one writes the tables), for an export large enough that the child's start-up is worth it; None to draw them
    here when the sheet is reached. ``early``: a child already started (see :func:`start_charts_early`)."""
    if data.dashboard is None:
        if early is not None:
            early.close()
        return None
    if early is not None:
        try:
            early.send(data.dashboard)
            return early.job
        except OSError as exc:  # the child is gone: drawn here instead
            log.warning("charts drawn in this process: %s", exc)
            early.close()
            return None
    if len(data.rows) < CHARTS_IN_CHILD_FROM:
        return None
    from desktop.core.export.sheets.charts import CHART_NAMES, render_all

    try:
        return ChildJob(render_all, (data.dashboard, CHART_DPI, CHART_NAMES))
    except OSError as exc:  # no process could be started (limits): drawn here instead
        log.warning("charts drawn in this process: %s", exc)
        return None


def _charts(wb: Workbook, data: ExportData, job: ChildJob[list[bytes]] | None) -> None:
    """图表: the panel dashboard's charts as pictures, one under the other (exports of every reviewer only)."""
    if data.dashboard is None:
        return
    from desktop.core.export.sheets.charts import CHART_NAMES, CHART_TITLES, render_all

    pngs: list[bytes] | None = None
    if job is not None:
        try:
            pngs = job.result()
        except Exception as exc:  # the child failed (killed, out of memory): the same charts drawn here
            log.warning("charts drawn in this process after the child process failed: %s", exc)
    if pngs is None:
        pngs = render_all(data.dashboard, CHART_DPI, CHART_NAMES)
    columns = [Column("图表", "Chart", 60)]
    stream = _sheet(wb, "图表", columns, "评审图表", autofilter=False)
    note = f"图表：{'、'.join(CHART_TITLES[n] for n in CHART_NAMES)}（各图另可在评审组看板中导出为 PNG）"
    stream.append([note])
    row = 2  # 0-based: under the header and the note
    for name, png in zip(CHART_NAMES, pngs, strict=True):
        stream.ws.insert_image(row, 0, f"{name}.png", {"image_data": io.BytesIO(png), "object_position": 3})
        row += int(_png_height(png) / 20) + 2  # rows are 20 px high by default


def _png_height(png: bytes) -> int:
    """The height in pixels of a PNG image (from its IHDR chunk, the first after the signature)."""
    return int.from_bytes(png[20:24], "big")


def _distribution(wb: Workbook, data: ExportData) -> None:
    labels, reviewers, counts = score_distribution(data)
    columns = [Column("总分区间", "Total range", 14)] + [Column(r or "—", r, 12, "0") for r in reviewers]
    stream = _sheet(wb, "分数分布", columns, "总分分布", autofilter=False)
    for label, row in zip(labels, counts, strict=True):
        stream.append([label, *row])
    chart = wb.add_chart({"type": "column"})
    last = len(labels)  # 0-based row of the last bin (the header is row 0)
    for i in range(len(reviewers)):
        chart.add_series({"name": ["分数分布", 0, 1 + i], "categories": ["分数分布", 1, 0, last, 0],
                          "values": ["分数分布", 1, 1 + i, last, 1 + i]})
    chart.set_title({"name": "总分分布"})
    chart.set_y_axis({"name": "报告数", "major_gridlines": {"visible": False}})
    chart.set_x_axis({"name": f"总分（满分{data.rubric.weights_total:g}）"})
    chart.set_size({"width": 830, "height": 415})  # 22 × 11 cm at 96 dpi
    stream.ws.insert_chart(1, len(columns) + 1, chart)


def _about(wb: Workbook, data: ExportData) -> None:
    columns = [Column("项目", "Item", 22, wrap=True), Column("内容", "Content", 90, wrap=True),
               Column("满分", "Max", 8, "0.0"), Column("权重", "Weight", 8, "0.0")]
    stream = _sheet(wb, "说明", columns, "说明", autofilter=False)
    r = data.rubric
    facts = [("评阅标准", f"{r.name}（版本 {r.version}）"), ("标准内容校验值 (sha256)", r.sha256),
             ("导出时间", data.generated_at.strftime("%Y-%m-%d %H:%M")),
             ("评阅人", data.reviewer_filter or "全部"),
             ("总分计算", f"各项得分 ÷ 该项满分 × 权重，合计满分 {r.weights_total:g} 分。"),
             ("采纳系统建议的项目", "评阅人原样采纳系统建议分（由检出的必备部分、发布日期、标题落款等计算）的评阅项目。")]
    for item, text in facts:
        stream.append([item, text, None, None])
    for c in r.criteria:
        levels = "；".join(f"{lv.points:g}分 {lv.label}：{lv.descriptor}" for lv in c.levels)
        stream.append([c.title, f"{c.description}\n{levels}", c.max_points, c.weight])


def write_xlsx(data: ExportData, path: Path, progress: Progress, charts_child: EarlyCharts | None = None) -> int:
    """Write the workbook; return the number of summary rows. ``charts_child``: the charts' child process, started
    before the data was read (:func:`start_charts_early`); the caller closes it too (this does when it is done)."""
    wb = Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                              "strings_to_urls": False, "tmpdir": str(path.parent)})
    charts = _start_charts(data, charts_child)
    try:
        total = len(data.rows) + len(data.annotations) + len(data.documents)
        n = _summary(wb, data, progress, total)
        _panel(wb, data, progress)
        _table(wb, "批注", "评阅批注", annotation_columns(), annotation_rows(data), progress, total, freeze=(1, 2))
        _table(wb, "必备部分", "必备部分检出情况", section_columns(), section_rows(data), progress, total,
               freeze=(1, 1), fills=_PLACEMENT_FILLS)
        _distribution(wb, data)
        _charts(wb, data, charts)
        _about(wb, data)
        progress.update(total, total, "saving")
        wb.set_properties({"title": "法治政府建设年度报告评阅表", "author": "ReviewDesk",
                           "created": dt.datetime.now(dt.UTC).replace(tzinfo=None)})
    finally:
        if charts is not None:
            charts.close()  # stopped if a cancel or an error came first
        wb.close()  # also on a cancel: removes its temporary files (the caller deletes the unfinished file)
    return n
