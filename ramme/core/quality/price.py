"""``price_deviation`` and ``missing_price``: what was posted against price × days.

A measure's postings of a closed calendar year are compared with its cost from the price
periods in that year (``ramme.core.pricing``, regulated each 1 January). Supplementary-period
postings carry 31 December, so a year's postings are its costs; the first year of the
ledger is skipped (the invoices of the December before it are not in the ledger).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

from ramme.core.money import format_kr, from_ore, to_money
from ramme.core.periods import DateRange, format_date
from ramme.core.pricing import measure_cost, price_range
from ramme.core.quality.context import Context
from ramme.core.quality.model import Finding
from ramme.core.records import Measure, PriceUnit

DEVIATION, MISSING = "price_deviation", "missing_price"


def _years(ctx: Context, m: Measure) -> range:
    """Closed years of the ledger (after its first) in which ``m`` was active."""
    if ctx.first_day is None:
        return range(0)
    first = ctx.first_day.year + 1
    last = ctx.as_of.year - 1
    if ctx.as_of < date(last, 12, 31) + timedelta(days=ctx.after_lag(m)):
        last -= 1  # the year's late invoices are not all in yet
    end = m.end_date.year if m.end_date is not None else last
    return range(max(first, m.start_date.year), min(last, end) + 1)


def exceeds(diff: Decimal, expected: Decimal, ctx: Context) -> bool:
    """Beyond both tolerances: the share of price × days and the amount in kroner."""
    t = ctx.thresholds
    return abs(diff) > t.price_share * abs(expected) and abs(diff) > t.price_kr


def price_deviation(ctx: Context) -> Iterator[Finding]:
    index = ctx.dataset.price_index
    for m in ctx.dataset.measures:
        if not ctx.paid_per_measure(m):
            continue
        for year in _years(ctx, m):
            expected = measure_cost(m, DateRange.year(year), index)
            posted = from_ore(ctx.posted_in(m, year))
            diff = posted - expected
            if not exceeds(diff, expected, ctx):
                continue
            yield Finding(
                DEVIATION,
                f"{DEVIATION}:{m.measure_id}:{year}",
                date(year, 12, 31),
                m.child_key,
                m.measure_id,
                to_money(diff),
                f"{year}: bogført {format_kr(posted)}, pris × dage {format_kr(expected)}",
            )


def _priced_on(m: Measure, day: date) -> bool:
    """A running price covers ``day``, or a one-off price was set by then."""
    return any(
        day in price_range(p, m) if p.unit is not PriceUnit.ONCE else p.valid_from <= day
        for p in m.prices
    )


def missing_price(ctx: Context) -> Iterator[Finding]:
    """Active on the as-of date with no price (base or supplement) in force."""
    for m in ctx.dataset.measures:
        if not m.is_active_on(ctx.as_of) or _priced_on(m, ctx.as_of):
            continue
        ended = [p.valid_to for p in m.prices if p.valid_to is not None and p.valid_to < ctx.as_of]
        since = max(ended) + timedelta(days=1) if ended else m.start_date
        what = f"siden {format_date(since)}" if ended else "ingen takst registreret"
        yield Finding(
            MISSING,
            f"{MISSING}:{m.measure_id}",
            since,
            m.child_key,
            m.measure_id,
            None,
            f"aktiv indsats uden gældende takst ({what})",
        )
