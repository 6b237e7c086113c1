"""Every chart (diagram): a :class:`~ramme.reports.model.Chart` drawn with matplotlib, SVG
for HTML/PDF and PNG for Word/Excel; and the key indicator's chart on its follow-up page
(pejlemærke), drawn as inline SVG.

One drawing function per chart kind; every format gets the same figure, only the file type
differs. Values are converted to float here, inside the drawing kernel only.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

from ramme.core.money import format_number
from ramme.core.periods import MONTH_ABBR_DA
from ramme.core.plans.indicators import IndicatorStatus
from ramme.reports.lean_svg import lean
from ramme.reports.model import Chart, ChartKind, Series

PALETTE = ("#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#a5a5a5")
FONT = "DejaVu Sans"
WIDTH_IN, HEIGHT_IN = 7.0, 3.6
MAX_HEIGHT_IN = 8.0  # a long list of activity lines still fits an A4 page with its caption
PNG_DPI = 200


@lru_cache(maxsize=1)
def _pyplot() -> Any:
    """matplotlib's pyplot, set up once on the first chart: importing it takes half a
    second, which every command and worker would pay at start-up though few draw."""
    import matplotlib

    matplotlib.use("Agg")  # no display: we only write files
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "font.family": FONT,
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.color": "#dddddd",
            "grid.linewidth": 0.6,
            "svg.fonttype": "none",  # text stays text in the SVG (searchable, crisp)
            "svg.hashsalt": "ramme",  # stable ids: the same chart gives the same SVG
        }
    )
    return plt


def _floats(series: Series) -> list[float]:
    return [float("nan") if v is None else float(v) for v in series.values]


def _tick(x: float, _pos: object = None) -> str:
    value = float(x)
    return format_number(value, 0 if value.is_integer() or abs(value) >= 10 else 1)


def _danish_axis(axis: object) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_locator(MaxNLocator(nbins=6))  # type: ignore[attr-defined]
    axis.set_major_formatter(FuncFormatter(_tick))  # type: ignore[attr-defined]


def _bars(ax: Axes, chart: Chart) -> None:
    n = max(len(chart.series), 1)
    width = 0.8 / n
    positions = range(len(chart.categories))
    for i, series in enumerate(chart.series):
        offset = [p - 0.4 + width * (i + 0.5) for p in positions]
        ax.bar(offset, _floats(series), width, label=series.name, color=PALETTE[i % len(PALETTE)])
    ax.set_xticks(
        list(positions),
        chart.categories,
        rotation=0 if len(chart.categories) < 7 else 45,
        ha="center" if len(chart.categories) < 7 else "right",
    )
    _danish_axis(ax.yaxis)


def _hbars(ax: Axes, chart: Chart) -> None:
    n = max(len(chart.series), 1)
    height = 0.8 / n
    positions = list(range(len(chart.categories)))[::-1]
    for i, series in enumerate(chart.series):
        offset = [p + 0.4 - height * (i + 0.5) for p in positions]
        values = _floats(series)
        bars = ax.barh(offset, values, height, label=series.name, color=PALETTE[i % len(PALETTE)])
        ax.bar_label(
            bars, labels=[_tick(v) if v == v else "" for v in values], padding=3, fontsize=7
        )
    # labels never overlap: a line per category of at most its share of the height, and
    # room beyond the longest bar (both ways) for the value labels
    rows = len(chart.categories) * n
    size = min(9.0, 72 * (MAX_HEIGHT_IN - 0.8) / max(rows, 1) * 0.75)
    ax.set_yticks(positions, chart.categories, fontsize=size)
    for label in ax.texts:
        label.set_fontsize(min(7.0, size))
    ax.margins(x=0.18)
    ax.grid(axis="y", visible=False)
    _danish_axis(ax.xaxis)


def _stacked(ax: Axes, chart: Chart) -> None:
    bottom = [0.0] * len(chart.categories)
    for i, series in enumerate(chart.series):
        values = [0.0 if v != v else v for v in _floats(series)]
        ax.bar(
            chart.categories,
            values,
            0.6,
            bottom=bottom,
            label=series.name,
            color=PALETTE[i % len(PALETTE)],
        )
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    _danish_axis(ax.yaxis)


def _line_band(ax: Axes, chart: Chart) -> None:
    x = list(range(len(chart.categories)))
    if chart.band is not None:
        low, high = chart.band
        ax.fill_between(
            x,
            _floats(low),
            _floats(high),
            color=PALETTE[0],
            alpha=0.15,
            label=f"{low.name} – {high.name}",
        )
    _plot_lines(ax, x, chart)
    ax.set_xticks(x, chart.categories)
    _danish_axis(ax.yaxis)


def _plot_lines(ax: Axes, x: list[int], chart: Chart) -> None:
    """Each series as a line with small markers, in the palette's order."""
    for i, series in enumerate(chart.series):
        ax.plot(
            x,
            _floats(series),
            marker="o",
            markersize=3,
            label=series.name,
            color=PALETTE[i % len(PALETTE)],
        )


def _line_target(ax: Axes, chart: Chart) -> None:
    x = list(range(len(chart.categories)))
    _plot_lines(ax, x, chart)
    if chart.baseline is not None:
        ax.axhline(
            float(chart.baseline), color="#7f7f7f", linestyle="--", linewidth=1, label="Baseline"
        )
    if chart.target is not None:
        ax.axhline(float(chart.target), color="#c00000", linestyle=":", linewidth=1.5, label="Mål")
    ax.set_xticks(x, chart.categories)
    _danish_axis(ax.yaxis)


DRAW: dict[ChartKind, Callable[[Axes, Chart], None]] = {
    ChartKind.BAR: _bars,
    ChartKind.HBAR: _hbars,
    ChartKind.STACKED_BAR: _stacked,
    ChartKind.LINE_BAND: _line_band,
    ChartKind.LINE_TARGET: _line_target,
}


def figure(chart: Chart) -> Figure:
    """The matplotlib figure of ``chart`` (caller closes it)."""
    height = HEIGHT_IN
    if chart.kind is ChartKind.HBAR:
        rows = len(chart.categories) * max(1, len(chart.series))
        height = min(MAX_HEIGHT_IN, max(2.0, 0.3 * rows + 0.8))
    fig: Figure = _pyplot().figure(figsize=(WIDTH_IN, height))
    ax = fig.add_subplot()
    DRAW[chart.kind](ax, chart)
    if chart.unit:
        (ax.set_xlabel if chart.kind is ChartKind.HBAR else ax.set_ylabel)(chart.unit)
    if len(chart.series) > 1 or chart.band is not None or chart.kind is ChartKind.LINE_TARGET:
        ax.legend(frameon=False, fontsize=8, loc="best")
    fig.tight_layout()
    return fig


@lru_cache(maxsize=64)
def _render(chart: Chart, fmt: str) -> bytes:
    fig = figure(chart)
    buffer = io.BytesIO()
    try:
        fig.savefig(
            buffer, format=fmt, dpi=PNG_DPI, metadata={"Date": None} if fmt == "svg" else None
        )
    finally:
        _pyplot().close(fig)
    return buffer.getvalue()


def svg(chart: Chart) -> str:
    """The chart as an SVG document (for HTML and PDF), in the fewer nodes of
    :func:`~ramme.reports.lean_svg.lean`: WeasyPrint draws each node of it."""
    text = _render(chart, "svg").decode("utf-8")
    return lean(text[text.index("<svg") :])  # without the XML prolog, so it can be inlined


def png(chart: Chart) -> bytes:
    """The chart as a PNG image (for Word and Excel), the same drawing as :func:`svg`."""
    return _render(chart, "png")


# The key indicator's chart on its page: drawn by hand as inline SVG, not with matplotlib,
# because each point carries its own colour (goal met or not) and a tooltip with its value,
# and the page draws it on every request. Its text alternative is
# ``chart_text.indicator_summary``.
SVG_WIDTH, SVG_HEIGHT, PAD = 640, 240, 40
BASIS_INK, GOAL_INK = "#595959", "#2a7a2a"  # 7.0:1 and 5.3:1 on white (text needs 4.5:1)
LABEL_GAP = 13  # px between the «basis» and «mål» labels, so they never overlap


def _indicator_scale(low: float, high: float) -> tuple[float, float]:
    if high == low:
        return low - 1, high + 1
    margin = (high - low) * 0.1
    return low - margin, high + margin


def _label_heights(base: float | None, goal: float | None) -> tuple[float | None, float | None]:
    """The labels' heights beside their lines, pushed apart when the lines lie close."""
    if base is None or goal is None or abs(base - goal) >= LABEL_GAP:
        return base, goal
    middle, half = (base + goal) / 2, LABEL_GAP / 2
    return (middle + half, middle - half) if base >= goal else (middle - half, middle + half)


def indicator_svg(status: IndicatorStatus, decimals: int = 0, described_by: str = "") -> str:
    """Series (line with dots), baseline (grey dashed) and goal (green dashed)."""
    values = [float(p.value) for p in status.points if p.value is not None]
    refs = [float(v) for v in (status.baseline, status.goal) if v is not None]
    if not values:
        return '<p class="muted">Ingen data endnu.</p>'
    low, high = _indicator_scale(min(values + refs), max(values + refs))
    n = max(1, len(status.points) - 1)

    def x(i: int) -> float:
        return PAD + i * (SVG_WIDTH - 2 * PAD) / n

    def y(v: float) -> float:
        return SVG_HEIGHT - PAD - (v - low) / (high - low) * (SVG_HEIGHT - 2 * PAD)

    described = f' aria-describedby="{described_by}"' if described_by else ""
    parts = [
        f'<svg class="chart" viewBox="0 0 {SVG_WIDTH} {SVG_HEIGHT}" role="img" '
        f'aria-label="Udvikling pr. måned"{described} xmlns="http://www.w3.org/2000/svg">'
    ]
    refs_y = [None if r is None else y(float(r)) for r in (status.baseline, status.goal)]
    labels_y = _label_heights(*refs_y)
    for ref_y, label_y, css, label in zip(
        refs_y, labels_y, (BASIS_INK, GOAL_INK), ("basis", "mål"), strict=True
    ):
        if ref_y is not None and label_y is not None:
            parts.append(
                f'<line x1="{PAD}" x2="{SVG_WIDTH - PAD}" y1="{ref_y:.1f}" y2="{ref_y:.1f}" '
                f'stroke="{css}" stroke-dasharray="6 4"/><text x="{SVG_WIDTH - PAD + 2}" '
                f'y="{label_y + 4:.1f}" font-size="11" fill="{css}">{label}</text>'
            )
    points = [(x(i), y(float(p.value))) for i, p in enumerate(status.points) if p.value is not None]
    path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
    parts.append(f'<polyline fill="none" stroke="#1f4e79" stroke-width="2" points="{path}"/>')
    for i, p in enumerate(status.points):
        if p.value is not None:
            fill = "#2a7a2a" if p.achieved else "#b03030"
            title = f"{p.month.label()}: {format_number(Decimal(p.value), decimals)}"
            parts.append(
                f'<circle cx="{x(i):.1f}" cy="{y(float(p.value)):.1f}" r="4" fill="{fill}">'
                f"<title>{title}</title></circle>"
            )
        parts.append(
            f'<text x="{x(i):.1f}" y="{SVG_HEIGHT - PAD + 16}" font-size="10" '
            f'text-anchor="middle">{MONTH_ABBR_DA[p.month.month - 1]}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
