"""The panel dashboard's charts, drawn without Qt (matplotlib, Agg backend) as PNG images.

Five charts, each from plain numbers in a :class:`Dashboard` (built from the database by
:mod:`desktop.core.export.sheets.dashboard`), so they are drawn the same way for the app's dashboard, the xlsx 图表 sheet
and ``reviewdesk charts``:

- ``progress``: per reviewer, assigned reports not started / in progress / submitted (stacked bars);
- ``distribution``: a histogram of the reports' final scores (reports whose every review is complete; the others
  have no final yet), with the grade bands' lower bounds marked;
- ``criteria``: per criterion, the mean score as a share of its maximum, with the spread (lowest to highest
  complete review) as an error bar;
- ``agreement``: Krippendorff's alpha (interval) per criterion and on the total, with the customary 0.667 and 0.8
  lines; a criterion where alpha cannot be computed says why;
- ``compliance``: the compliance matrix, report × required part (单独成章 / 小节 / 条目 / 缺) and 按时公开.

Chinese text is set in the bundled WenQuanYi Micro Hei (desktop.core.export.fonts), never a font of the machine.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.export.fonts import bundled_font_path
from desktop.core.scoring.numbers import fmt

CHART_TITLES = {"progress": "评阅进度", "distribution": "总分分布", "criteria": "各评阅项目平均得分率及分歧",
                "agreement": "评分一致性（Krippendorff α）", "compliance": "必备部分与按时公开情况"}
CHART_NAMES = tuple(CHART_TITLES)
COMPLIANCE_LIMIT = 60  # rows drawn in the compliance matrix; the rest are counted in a note
_PLACEMENT_CODES = {"section": 3, "subsection": 2, "inline": 1, None: 0}
_PLACEMENT_TEXT = {"section": "成章", "subsection": "小节", "inline": "条目", None: "缺"}
_COLORS = {"submitted": "#3a7d44", "in_progress": "#e9b44c", "not_started": "#c8ccd2", "bar": "#4a6fa5",
           "spread": "#1f3a5f", "bad": "#c0504d"}
_lock = threading.Lock()  # matplotlib's font manager and rc settings are process-wide


@dataclass(frozen=True)
class ProgressBar:
    reviewer: str
    assigned: int
    not_started: int
    in_progress: int
    submitted: int


@dataclass(frozen=True)
class CriterionStat:
    """A criterion over the reports: mean of the complete reviews' scores, and their lowest and highest."""

    title: str
    max_points: float
    mean: float | None
    low: float | None
    high: float | None
    disagreements: int = 0  # reports where the reviewers disagree on it


@dataclass(frozen=True)
class AgreementBar:
    title: str
    alpha: float | None
    n_reports: int
    reason: str | None = None


@dataclass(frozen=True)
class ComplianceRow:
    report: str                     # agency and year (short)
    parts: tuple[str | None, ...]   # placement of each required part (None: missing)
    on_time: bool | None


@dataclass
class Dashboard:
    """The numbers the dashboard's charts show."""

    weights_total: float
    part_titles: tuple[str, ...]
    progress: list[ProgressBar] = field(default_factory=list)
    totals: list[float] = field(default_factory=list)
    grade_bounds: list[tuple[str, float]] = field(default_factory=list)  # (label, lowest total), high to low
    criteria: list[CriterionStat] = field(default_factory=list)
    agreement: list[AgreementBar] = field(default_factory=list)
    compliance: list[ComplianceRow] = field(default_factory=list)


def _font_name() -> str | None:
    """Register the bundled CJK font with matplotlib (once) and return its family name."""
    from matplotlib import font_manager

    path = bundled_font_path()
    if path is None:
        return None
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def _empty(ax, text: str) -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, fontsize=12, color="#666666")
    ax.set_axis_off()


def draw_progress(fig, d: Dashboard) -> None:
    ax = fig.subplots()
    if not d.progress:
        _empty(ax, "尚未分配评阅任务")
        return
    names = [p.reviewer for p in d.progress]
    y = list(range(len(names)))
    left = [0] * len(names)
    for key, label in (("submitted", "已提交"), ("in_progress", "进行中"), ("not_started", "未开始")):
        values = [getattr(p, key) for p in d.progress]
        ax.barh(y, values, left=left, color=_COLORS[key], label=label, height=0.6)
        for i, v in enumerate(values):
            if v:
                ax.text(left[i] + v / 2, i, str(v), ha="center", va="center", fontsize=9)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_xlabel("分配的报告数")
    ax.legend(loc="lower right", fontsize=9, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)


def draw_distribution(fig, d: Dashboard) -> None:
    ax = fig.subplots()
    if not d.totals:
        _empty(ax, "尚无完成评阅的报告")
        return
    top = d.weights_total
    bins = [top * i / 10 for i in range(11)]
    ax.hist(d.totals, bins=bins, color=_COLORS["bar"], edgecolor="white")
    for label, low in d.grade_bounds:
        if 0 < low < top:
            ax.axvline(low, color=_COLORS["bad"], linestyle="--", linewidth=1)
            ax.text(low, ax.get_ylim()[1] * 0.97, f" {label}≥{fmt(low)}", color=_COLORS["bad"], fontsize=8,
                    va="top")
    ax.set_xlim(0, top)
    ax.set_xlabel(f"总分（满分{fmt(top)}）")
    ax.set_ylabel("报告数")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)


def draw_criteria(fig, d: Dashboard) -> None:
    ax = fig.subplots()
    stats = [c for c in d.criteria if c.mean is not None]
    if not stats:
        _empty(ax, "尚无完成评阅的报告")
        return
    x = list(range(len(stats)))
    means = [c.mean / c.max_points * 100 for c in stats]  # type: ignore[operator]
    lows = [m - (c.low or 0) / c.max_points * 100 for m, c in zip(means, stats, strict=True)]
    highs = [(c.high or 0) / c.max_points * 100 - m for m, c in zip(means, stats, strict=True)]
    ax.bar(x, means, color=_COLORS["bar"], width=0.6)
    ax.errorbar(x, means, yerr=[lows, highs], fmt="none", ecolor=_COLORS["spread"], capsize=4, linewidth=1)
    for i, c in enumerate(stats):
        note = f"{fmt(means[i], 0)}%" + (f"\n分歧{c.disagreements}" if c.disagreements else "")
        ax.text(i, 2, note, ha="center", va="bottom", fontsize=8, color="white")
    ax.set_xticks(x, [c.title for c in stats], rotation=30, ha="right", fontsize=8)
    ax.set_ylim(0, 105)
    ax.set_ylabel("平均得分率（%），误差线：最低至最高")
    ax.spines[["top", "right"]].set_visible(False)


def draw_agreement(fig, d: Dashboard) -> None:
    ax = fig.subplots()
    if not d.agreement:
        _empty(ax, "尚无可计算一致性的数据")
        return
    x = list(range(len(d.agreement)))
    values = [a.alpha if a.alpha is not None else 0 for a in d.agreement]
    colors = [_COLORS["bar"] if (a.alpha or 0) >= 0.667 else _COLORS["bad"] for a in d.agreement]
    ax.bar(x, values, color=colors, width=0.6)
    for i, a in enumerate(d.agreement):
        text = fmt(a.alpha, blank="无法计算")
        ax.text(i, max(values[i], 0) + 0.02, text, ha="center", va="bottom", fontsize=8)
    for level in (0.667, 0.8):
        ax.axhline(level, color="#888888", linestyle=":", linewidth=1)
        ax.text(len(x) - 0.5, level, f" {fmt(level)}", va="center", fontsize=8, color="#666666")
    ax.axhline(0, color="#444444", linewidth=0.8)
    ax.set_xticks(x, [a.title for a in d.agreement], rotation=30, ha="right", fontsize=8)
    low = min([0.0, *values])
    ax.set_ylim(min(-0.1, low - 0.1), 1.1)
    ax.set_ylabel("α（区间尺度）")
    ax.spines[["top", "right"]].set_visible(False)


def draw_compliance(fig, d: Dashboard) -> None:
    from matplotlib.colors import ListedColormap

    ax = fig.subplots()
    rows = d.compliance[:COMPLIANCE_LIMIT]
    if not rows:
        _empty(ax, "没有报告")
        return
    columns = [*d.part_titles, "按时公开"]
    grid = []
    for r in rows:
        cells = [_PLACEMENT_CODES.get(p, 0) for p in r.parts]
        cells.append(3 if r.on_time else (0 if r.on_time is False else 1))
        grid.append(cells)
    cmap = ListedColormap(["#f4c7c3", "#fce8b2", "#fff2cc", "#c6e0b4"])
    ax.imshow(grid, cmap=cmap, vmin=0, vmax=3, aspect="auto")
    # the cells' words sit inside the axes: left out of the layout, which measures every text it takes in (most
    # of this chart's time with 420 of them), the figure is laid out as with them
    for i, r in enumerate(rows):
        for j, p in enumerate(r.parts):
            ax.text(j, i, _PLACEMENT_TEXT.get(p, "缺"), ha="center", va="center", fontsize=7, in_layout=False)
        on_time = "是" if r.on_time else ("否" if r.on_time is False else "未知")
        ax.text(len(r.parts), i, on_time, ha="center", va="center", fontsize=7, in_layout=False)
    ax.set_xticks(range(len(columns)), columns, fontsize=8)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(rows)), [r.report for r in rows], fontsize=7)
    ax.set_xticks([x - 0.5 for x in range(1, len(columns))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(rows))], minor=True)
    ax.grid(which="minor", color="white", linewidth=1)
    ax.tick_params(which="minor", length=0)
    if len(d.compliance) > len(rows):
        fig.text(0.01, 0.005, f"另有 {len(d.compliance) - len(rows)} 份报告未画出（见 Excel“必备部分”工作表）",
                 fontsize=8, color="#666666")


_DRAW: dict[str, Callable] = {"progress": draw_progress, "distribution": draw_distribution,
                              "criteria": draw_criteria, "agreement": draw_agreement, "compliance": draw_compliance}


def _size(name: str, d: Dashboard) -> tuple[float, float]:
    if name == "progress":
        return 8.0, max(2.5, 1.2 + 0.5 * len(d.progress))
    if name == "compliance":
        return 8.0, max(3.0, 1.5 + 0.22 * min(len(d.compliance), COMPLIANCE_LIMIT))
    return 8.0, 4.5


def render(d: Dashboard, name: str, dpi: int = 110) -> bytes:
    """One chart as PNG bytes."""
    if name not in _DRAW:
        raise ValueError(f"unknown chart {name!r}; use one of {', '.join(CHART_NAMES)}")
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    with _lock:
        family = _font_name()
        rc: dict[str, Any] = {"font.family": [family, "DejaVu Sans"] if family else ["DejaVu Sans"], "axes.unicode_minus": False,
              "font.size": 9}
        with matplotlib.rc_context(rc):  # type: ignore[arg-type]  # (stubs want literal keys)
            fig = Figure(figsize=_size(name, d), dpi=dpi, layout="constrained")
            _DRAW[name](fig, d)
            fig.suptitle(CHART_TITLES[name], fontsize=12)
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def render_all(d: Dashboard, dpi: int, names: tuple[str, ...] = CHART_NAMES) -> list[bytes]:
    """Each chart of ``names`` as PNG bytes, in that order (module-level: a child process can run it)."""
    return [render(d, name, dpi=dpi) for name in names]


def render_sent(receive: Any, dpi: int, names: tuple[str, ...] = CHART_NAMES) -> list[bytes]:
    """In a child process started before the export has read its data: load matplotlib and the font first (a
    second of the child's time while the parent reads the database), then draw the charts of the
    :class:`Dashboard` the parent sends through ``receive`` (a multiprocessing Connection). Raises EOFError if
    the parent closes it without sending one."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure  # noqa: F401  (loaded now: the import is most of a first chart's time)

    with _lock:
        _font_name()
    with receive:
        dashboard = receive.recv()
    return render_all(dashboard, dpi, names)


def write_pngs(d: Dashboard, folder: str | Path, names: tuple[str, ...] = CHART_NAMES) -> list[Path]:
    """Write each chart as ``folder/<name>.png``; return the paths."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = out / f"{name}.png"
        path.write_bytes(render(d, name))
        paths.append(path)
    return paths
