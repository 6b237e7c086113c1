"""A small server-rendered SVG line chart: the monthly series against baseline and goal."""

from __future__ import annotations

from decimal import Decimal

from ramme.core.money import format_number
from ramme.core.periods import MONTH_ABBR_DA
from ramme.core.plans.indicators import IndicatorStatus

WIDTH, HEIGHT, PAD = 640, 240, 40


def _scale(low: float, high: float) -> tuple[float, float]:
    if high == low:
        return low - 1, high + 1
    margin = (high - low) * 0.1
    return low - margin, high + margin


def indicator_svg(status: IndicatorStatus, decimals: int = 0) -> str:
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

    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="Udvikling pr. måned" xmlns="http://www.w3.org/2000/svg">'
    ]
    for ref, css, label in ((status.baseline, "#888", "basis"), (status.goal, "#2a7a2a", "mål")):
        if ref is not None:
            yy = y(float(ref))
            parts.append(
                f'<line x1="{PAD}" x2="{WIDTH - PAD}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="{css}" '
                f'stroke-dasharray="6 4"/><text x="{WIDTH - PAD + 2}" y="{yy + 4:.1f}" '
                f'font-size="11" fill="{css}">{label}</text>'
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
