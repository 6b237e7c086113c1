"""A chart in words and numbers (tekstalternativ): a short Danish summary and its values as a
table, from the same :class:`~ramme.reports.model.Chart` the drawing is made from, so a
screen reader user gets the figures a sighted reader sees (WCAG 1.1.1).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ramme.core.money import format_number
from ramme.core.plans.indicators import IndicatorStatus
from ramme.reports.model import Chart, ChartKind, Series

Value = Decimal | int


@dataclass(frozen=True, slots=True)
class ChartValues:
    """The chart's numbers, formatted: one row per category, one column per series."""

    headers: tuple[str, ...]  # the category column first
    rows: tuple[tuple[str, ...], ...]


def _decimals(chart: Chart) -> int:
    """One decimal when the chart's numbers are small and not whole (mio. kr., shares)."""
    values: list[Value] = [v for s in _all_series(chart) for v in s.values if v is not None]
    small = all(abs(Decimal(v)) < 100 for v in values)
    whole = all(Decimal(v) == Decimal(v).to_integral_value() for v in values)
    return 1 if values and small and not whole else 0


def _all_series(chart: Chart) -> tuple[Series, ...]:
    band: tuple[Series, ...] = chart.band or ()
    return (*chart.series, *band)


def _fmt(value: Value, decimals: int) -> str:
    return format_number(value, decimals)


def values(chart: Chart) -> ChartValues:
    """The table of the chart's values (blank where the chart has a gap)."""
    series = _all_series(chart)
    decimals = _decimals(chart)
    rows = tuple(
        (category, *("" if s.values[i] is None else _fmt(s.values[i], decimals) for s in series))  # type: ignore[arg-type]
        for i, category in enumerate(chart.categories)
    )
    return ChartValues(("", *(s.name for s in series)), rows)


def _points(chart: Chart, series: Series) -> list[tuple[str, Value]]:
    return [(c, v) for c, v in zip(chart.categories, series.values, strict=True) if v is not None]


def _describe(chart: Chart, series: Series, decimals: int) -> str:
    points = _points(chart, series)
    if not points:
        return f"{series.name}: ingen tal"
    high = max(points, key=lambda p: p[1])
    low = min(points, key=lambda p: p[1])
    if high[1] == low[1]:
        return f"{series.name}: {_fmt(high[1], decimals)} hele vejen"
    if chart.kind is ChartKind.HBAR:  # categories are lines, not a time axis
        return (
            f"{series.name}: størst {high[0]} med {_fmt(high[1], decimals)}, "
            f"mindst {low[0]} med {_fmt(low[1], decimals)}"
        )
    (first_c, first), (last_c, last) = points[0], points[-1]
    return (
        f"{series.name}: fra {_fmt(first, decimals)} ({first_c}) til {_fmt(last, decimals)} "
        f"({last_c}), højest {_fmt(high[1], decimals)} ({high[0]})"
    )


def summary(chart: Chart) -> str:
    """A few sentences with what the chart shows: each series' first, last and highest value,
    the band at the last category, the target and the unit."""
    decimals = _decimals(chart)
    parts = [_describe(chart, s, decimals) for s in chart.series]
    if chart.band is not None and chart.categories:
        low, high = chart.band
        last = len(chart.categories) - 1
        if low.values[last] is not None and high.values[last] is not None:
            parts.append(
                f"{low.name}–{high.name} ({chart.categories[last]}): "
                f"{_fmt(low.values[last], decimals)}–{_fmt(high.values[last], decimals)}"  # type: ignore[arg-type]
            )
    for name, ref in (("basis", chart.baseline), ("mål", chart.target)):
        if ref is not None:
            parts.append(f"{name}: {_fmt(ref, decimals)}")
    unit = f" Tal i {chart.unit.removesuffix('.')}." if chart.unit else ""  # «kr.» ends in one
    return ". ".join(p[0].upper() + p[1:] for p in parts) + "." + unit


def indicator_summary(status: IndicatorStatus, decimals: int = 0) -> str:
    """The key indicator's chart (``charts.indicator_svg``) in one sentence: the latest
    value against basis and goal."""
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
