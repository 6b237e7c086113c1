"""The cost of a measure from its price periods (takster), with yearly price regulation.

A price is in the price level of the year its period starts; from each later 1 January it
is regulated by that year's rate (price_index.csv). ``once`` prices fall on ``valid_from``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from decimal import Decimal

from ramme.core.periods import DateRange
from ramme.core.records import Measure, PriceKind, PricePeriod, PriceUnit

DAYS_PER_YEAR = Decimal(365)
_DAILY_FACTOR = {
    PriceUnit.DAY: Decimal(1),
    PriceUnit.WEEK: Decimal(1) / Decimal(7),
    PriceUnit.MONTH: Decimal(12) / DAYS_PER_YEAR,
    PriceUnit.YEAR: Decimal(1) / DAYS_PER_YEAR,
}


def daily_rate(price: PricePeriod) -> Decimal:
    """The price per day in the period's own price level (0 for one-off prices)."""
    if price.unit is PriceUnit.ONCE:
        return Decimal(0)
    if price.unit is PriceUnit.HOUR:
        return price.amount * (price.hours_per_week or Decimal(0)) / Decimal(7)
    return price.amount * _DAILY_FACTOR[price.unit]


def regulation_factor(base_year: int, year: int, index: Mapping[int, Decimal]) -> Decimal:
    """Product of (1 + rate) for every 1 January after ``base_year`` up to ``year``."""
    factor = Decimal(1)
    for y in range(base_year + 1, year + 1):
        factor *= 1 + index.get(y, Decimal(0)) / 100
    return factor


def price_range(price: PricePeriod, measure: Measure) -> DateRange:
    """The days a price applies: its own period cut to the measure's life."""
    last = price.valid_to
    if measure.end_date is not None and (last is None or measure.end_date < last):
        last = measure.end_date
    start = max(price.valid_from, measure.start_date)
    stop = last + timedelta(days=1) if last is not None else date.max - timedelta(days=1)
    return DateRange(start, max(start, stop))


def price_cost(
    price: PricePeriod, measure: Measure, period: DateRange, index: Mapping[int, Decimal]
) -> Decimal:
    """What one price period of a measure costs within ``period``."""
    if price.unit is PriceUnit.ONCE:
        inside = price.valid_from in period and measure.is_active_on(price.valid_from)
        return price.amount if inside else Decimal(0)
    span = price_range(price, measure).intersect(period)
    if span.days == 0:
        return Decimal(0)
    rate = daily_rate(price)
    total = Decimal(0)
    for year in range(span.start.year, (span.stop - timedelta(days=1)).year + 1):
        days = span.intersect(DateRange.year(year)).days
        total += rate * days * regulation_factor(price.valid_from.year, year, index)
    return total


def measure_cost(
    measure: Measure,
    period: DateRange,
    index: Mapping[int, Decimal],
    kinds: Iterable[PriceKind] = (PriceKind.BASE, PriceKind.SUPPLEMENT),
) -> Decimal:
    """What a measure costs within ``period`` from its price periods."""
    wanted = set(kinds)
    return sum(
        (price_cost(p, measure, period, index) for p in measure.prices if p.kind in wanted),
        Decimal(0),
    )


def yearly_price(measure: Measure, day: date, index: Mapping[int, Decimal]) -> Decimal:
    """The measure's full price per year on ``day`` (base + supplements in force)."""
    total = Decimal(0)
    for price in measure.prices:
        if price.unit is PriceUnit.ONCE:
            continue
        if day in price_range(price, measure):
            factor = regulation_factor(price.valid_from.year, day.year, index)
            total += daily_rate(price) * DAYS_PER_YEAR * factor
    return total
