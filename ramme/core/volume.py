"""Volume: full-year cases (helårssager), units on a date and price per unit.

These are the figures of the annual accounts' Tables 3 and 4 and the volume side of the
price × volume analysis.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import TypeVar

from ramme.core.periods import DateRange
from ramme.core.pricing import DAYS_PER_YEAR, measure_cost
from ramme.core.records import Measure

K = TypeVar("K", bound=Hashable)
_DAY = timedelta(days=1)


def active_days(measure: Measure, period: DateRange) -> int:
    """Days of ``period`` the measure is active (end date inclusive).

    ``DateRange.inclusive(start, end).intersect(period).days`` in date arithmetic alone:
    the figures call it for every measure and year (1.4 million times in the background
    task at Copenhagen size), and building the two ranges was most of its time."""
    start = max(measure.start_date, period.start)
    stop = period.stop if measure.end_date is None else min(measure.end_date + _DAY, period.stop)
    return max(0, (stop - start).days)


def full_year_cases(measures: Iterable[Measure], period: DateRange) -> Decimal:
    """Sum of active days / 365: the volume unit behind price × volume."""
    return Decimal(sum(active_days(m, period) for m in measures)) / DAYS_PER_YEAR


def known_on(measures: Iterable[Measure], as_of: date) -> list[Measure]:
    """The measures as known on ``as_of`` (kendt pr. opgørelsesdatoen): none started later,
    and an end date after ``as_of`` not known yet, so the measure is still open."""
    return [
        m if m.end_date is None or m.end_date <= as_of else replace(m, end_date=None)
        for m in measures
        if m.start_date <= as_of
    ]


def units_on(measures: Iterable[Measure], day: date) -> int:
    """Number of measures active on ``day`` (e.g. units per 31 December)."""
    return sum(1 for m in measures if m.is_active_on(day))


def grouped(measures: Iterable[Measure], key: Callable[[Measure], K]) -> dict[K, list[Measure]]:
    """Measures grouped by ``key`` (e.g. ladder step or activity line)."""
    groups: dict[K, list[Measure]] = defaultdict(list)
    for measure in measures:
        groups[key(measure)].append(measure)
    return dict(groups)


def price_per_full_year_case(
    measures: Iterable[Measure], period: DateRange, index: Mapping[int, Decimal]
) -> Decimal | None:
    """Average cost per full-year case in ``period`` (None when there is no volume)."""
    chosen = list(measures)
    volume = full_year_cases(chosen, period)
    if volume == 0:
        return None
    cost = sum((measure_cost(m, period, index) for m in chosen), Decimal(0))
    return cost / volume
