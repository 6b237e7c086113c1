"""Forecast history charts, drawn by ramme/reports/charts.py so they match the reports."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils.safestring import SafeString, mark_safe

from ramme.reports import charts
from ramme.reports.model import Chart, ChartKind, Series

MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
THOUSAND = Decimal(1000)


def history_svg(
    title: str, points: list[tuple[date, Decimal, Decimal, Decimal]], budget: Decimal
) -> SafeString:
    """Forecast per month end with its P10-P90 band and the corrected budget (1.000 kr.)."""

    def k(value: Decimal) -> Decimal:
        return (value / THOUSAND).quantize(Decimal(1))

    chart = Chart(
        title=title,
        kind=ChartKind.LINE_BAND,
        categories=tuple(f"{MONTHS[d.month - 1]}." for d, *_ in points),
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
    return chart_svg(chart)


def chart_svg(chart: Chart) -> SafeString:
    """Any chart of the reports' model as inline SVG for a page."""
    return mark_safe(charts.svg(chart))
