"""A small server-rendered SVG line chart: the monthly series against baseline and goal."""

from __future__ import annotations

from decimal import Decimal

from ramme.core.money import format_number
from ramme.core.periods import MONTH_ABBR_DA
from ramme.core.plans.indicators import IndicatorStatus

WIDTH, HEIGHT, PAD = 640, 240, 40
BASIS_INK, GOAL_INK = "#595959", "#2a7a2a"  # 7.0:1 and 5.3:1 on white (text needs 4.5:1)
LABEL_GAP = 13  # px between the «basis» and «mål» labels, so they never overlap


def _scale(low: float, high: float) -> tuple[float, float]:
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


def summary(status: IndicatorStatus, decimals: int = 0) -> str:
    """The chart in one sentence: the latest value against basis and goal."""
    latest = status.latest
    if latest is None or latest.value is None:
        return "Ingen målinger endnu."
    parts = [f"Seneste måling {latest.month.label()}: {format_number(latest.value, decimals)}"]
    if status.baseline is not None:
        parts.append(f"basis {format_number(status.baseline, decimals)}")
    if status.goal is not None:
        parts.append(f"mål {format_number(status.goal, decimals)}")
    achieved = status.achieved
    reached = "" if achieved is None else " Målet er nået." if achieved else " Målet er ikke nået."
    measured = sum(1 for p in status.points if p.value is not None)
    return f"{', '.join(parts)}.{reached} {measured} måneder med målinger; se tabellen."


def indicator_svg(status: IndicatorStatus, decimals: int = 0, described_by: str = "") -> str:
    """Series (line with dots), baseline (grey dashed) and goal (green dashed)."""
    values = [float(p.value) for p in status.points if p.value is not None]
    refs = [float(v) for v in (status.baseline, status.goal) if v is not None]
    if not values:
        return '<p class="muted">Ingen data endnu.</p>'
    low, high = _scale(min(values + refs), max(values + refs))
    n = max(1, len(status.points) - 1)

    def x(i: int) -> float:
        return PAD + i * (WIDTH - 2 * PAD) / n

    def y(v: float) -> float:
        return HEIGHT - PAD - (v - low) / (high - low) * (HEIGHT - 2 * PAD)

    described = f' aria-describedby="{described_by}"' if described_by else ""
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="Udvikling pr. måned"{described} xmlns="http://www.w3.org/2000/svg">'
    ]
    refs_y = [None if r is None else y(float(r)) for r in (status.baseline, status.goal)]
    labels_y = _label_heights(*refs_y)
    for ref_y, label_y, css, label in zip(
        refs_y, labels_y, (BASIS_INK, GOAL_INK), ("basis", "mål"), strict=True
    ):
        if ref_y is not None and label_y is not None:
            parts.append(
                f'<line x1="{PAD}" x2="{WIDTH - PAD}" y1="{ref_y:.1f}" y2="{ref_y:.1f}" '
                f'stroke="{css}" stroke-dasharray="6 4"/><text x="{WIDTH - PAD + 2}" '
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
            f'<text x="{x(i):.1f}" y="{HEIGHT - PAD + 16}" font-size="10" '
            f'text-anchor="middle">{MONTH_ABBR_DA[p.month.month - 1]}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
