"""Forecast history charts, drawn by ramme/reports/charts.py so they match the reports, and
shown with the reports' caption, text summary and values table (ramme/reports/chart_text.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils.safestring import SafeString, mark_safe

from ramme.core.periods import MONTH_ABBR_DA
from ramme.reports.model import Chart, ChartKind, Series
from ramme.reports.renderers.html import chart_figure

THOUSAND = Decimal(1000)
HISTORY_TITLE = "Prognose pr. månedsudgang med P10–P90 og korrigeret budget (1.000 kr.)"


def history_chart(
    title: str, points: list[tuple[date, Decimal, Decimal, Decimal]], budget: Decimal
) -> Chart:
    """Forecast per month end with its P10-P90 band and the corrected budget (1.000 kr.)."""

    def k(value: Decimal) -> Decimal:
        return (value / THOUSAND).quantize(Decimal(1))

    return Chart(
        title=title,
        kind=ChartKind.LINE_BAND,
        categories=tuple(f"{MONTH_ABBR_DA[d.month - 1]}." for d, *_ in points),
        series=(
            Series("Prognose", tuple(k(fc) for _, fc, _, _ in points)),
            Series("Korrigeret budget", tuple(k(budget) for _ in points)),
        ),
        unit="1.000 kr.",
        band=(
            Series("P10", tuple(k(p10) for _, _, p10, _ in points)),
            Series("P90", tuple(k(p90) for _, _, _, p90 in points)),
        ),
    )


def figure(chart: Chart, key: str) -> SafeString:
    """Any chart of the reports' model as a page shows it (caption, summary, values)."""
    return mark_safe(chart_figure(chart, key))


def history_figure(
    title: str, points: list[tuple[date, Decimal, Decimal, Decimal]], budget: Decimal
) -> SafeString:
    """The history chart as the page shows it: caption, summary, drawing, values table."""
    return figure(history_chart(title, points, budget), "prognose")
