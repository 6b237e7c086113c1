"""Counterfactual (what would have happened without the action) building blocks.

Each function answers one question from the data as it stood before the action's start:
the price in force continued, the inflow rate and the average price of a new measure, the
mean completed duration, the average price of a type. See docs/action-plans.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from ramme.core.plans.dates import add_months
from ramme.core.pricing import price_range, regulation_factor, yearly_price
from ramme.core.records import Measure, PriceKind, PricePeriod, PriceUnit, ProviderKind


def prices_continued(measure: Measure, day: date) -> tuple[PricePeriod, ...]:
    """The running prices in force on ``day``, made open-ended: "nothing changed"."""
    return tuple(
        replace(p, valid_to=None)
        for p in measure.prices
        if p.unit is not PriceUnit.ONCE and day in price_range(p, measure)
    )


def with_yearly_price(measure: Measure, amount: Decimal, from_day: date) -> Measure:
    """The measure priced at one open-ended yearly amount (price level of ``from_day``)."""
    price = PricePeriod(from_day, None, PriceKind.BASE, amount, PriceUnit.YEAR)
    return replace(measure, prices=(price,))


def regulated_yearly_price(
    measure: Measure, day: date, year: int, index: Mapping[int, Decimal]
) -> Decimal:
    """The measure's yearly price on ``day`` moved to the price level of ``year``."""
    return yearly_price(measure, day, index) * regulation_factor(day.year, year, index)


def average_yearly_price(
    measures: Iterable[Measure],
    day: date,
    year: int,
    index: Mapping[int, Decimal],
    kind: ProviderKind | None = None,
) -> Decimal | None:
    """Mean yearly price of the measures active on ``day`` (None when there are none)."""
    prices = [
        regulated_yearly_price(m, day, year, index)
        for m in measures
        if m.is_active_on(day) and (kind is None or m.provider_kind == kind)
    ]
    return sum(prices, Decimal(0)) / len(prices) if prices else None


@dataclass(frozen=True)
class Inflow:
    """The baseline inflow (tilgang): new measures a month and their average yearly price."""

    starts: int
    months: int
    yearly_price: Decimal
    mean_days: Decimal | None  # mean completed duration; None: no cap

    @property
    def per_month(self) -> Decimal:
        return Decimal(self.starts) / self.months if self.months else Decimal(0)


def baseline_inflow(
    measures: Iterable[Measure], start: date, months: int, year: int, index: Mapping[int, Decimal]
) -> Inflow:
    """Starts in the ``months`` before ``start``, priced on their first day at ``year``'s level."""
    window_start = add_months(start, -months)
    chosen = list(measures)
    new = [m for m in chosen if window_start <= m.start_date < start]
    prices = [regulated_yearly_price(m, m.start_date, year, index) for m in new]
    average = sum(prices, Decimal(0)) / len(prices) if prices else Decimal(0)
    return Inflow(len(new), months, average, mean_duration(chosen, window_start, start))


def mean_duration(measures: Iterable[Measure], first: date, stop: date) -> Decimal | None:
    """Mean length in days of the measures that ended in [first, stop) (completed spells)."""
    days = [
        (m.end_date - m.start_date).days + 1
        for m in measures
        if m.end_date is not None and first <= m.end_date < stop
    ]
    return Decimal(sum(days)) / len(days) if days else None


def day_before(day: date) -> date:
    return day - timedelta(days=1)
