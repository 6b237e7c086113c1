"""The numeric kernel: what each price period costs in each month (numpy floats).

It follows ramme.core.pricing exactly (daily rate × active days × regulation from the price
period's start year, ``once`` prices on ``valid_from``); tests compare the two.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ramme.demo import days as d
from ramme.demo.days import FloatArray, IntArray
from ramme.demo.model import UNITS, Measures, Prices
from ramme.demo.prices import levels

_PER_DAY = {"day": 1.0, "week": 1 / 7, "month": 12 / 365, "year": 1 / 365}


@dataclass
class CostEntries:
    """Cost of price period ``row`` in month ``month`` (months since 1970-01)."""

    row: IntArray
    month: IntArray
    amount: FloatArray


def daily_rates(prices: Prices) -> FloatArray:
    factor = np.array([_PER_DAY.get(u, 0.0) for u in UNITS])[prices.unit]
    hourly = prices.unit == UNITS.index("hour")
    return np.where(hourly, prices.amount * prices.hours / 7, prices.amount * factor)


def monthly_costs(
    prices: Prices, measures: Measures, first_month: int, last_month: int, last_day: int
) -> CostEntries:
    """Every non-zero (price period, month) cost from ``first_month`` to ``last_month``."""
    start = np.maximum(prices.valid_from, measures.start[prices.measure])
    stop = np.minimum(np.minimum(prices.valid_to, measures.end[prices.measure]), last_day)
    rate = daily_rates(prices)
    base_year = d.years_of(prices.valid_from)
    once = prices.unit == UNITS.index("once")
    rows, months, amounts = [], [], []
    live = np.flatnonzero(~once & (stop >= start))
    for month in range(first_month, last_month + 1):
        first = int(d.month_first_day(np.array([month]))[0])
        last = int(d.month_last_day(np.array([month]))[0])
        sel = live[(start[live] <= last) & (stop[live] >= first)]
        overlap = np.minimum(stop[sel], last) - np.maximum(start[sel], first) + 1
        year = month // 12 + 1970
        regulation = levels(base_year[sel], np.full(len(sel), year))
        rows.append(sel)
        months.append(np.full(len(sel), month, np.int64))
        amounts.append(rate[sel] * overlap * regulation)
    one_off = np.flatnonzero(once)
    when = prices.valid_from[one_off]
    inside = (when >= measures.start[prices.measure[one_off]]) & (
        when <= np.minimum(measures.end[prices.measure[one_off]], last_day)
    )
    month_of = d.month_number(when)
    inside &= (month_of >= first_month) & (month_of <= last_month)
    rows.append(one_off[inside])
    months.append(month_of[inside])
    amounts.append(prices.amount[one_off[inside]])
    return CostEntries(np.concatenate(rows), np.concatenate(months), np.concatenate(amounts))


def cost_by_measure_month(
    entries: CostEntries, prices: Prices, n_measures: int, first_month: int, n_months: int
) -> FloatArray:
    """Dense (measure × month) cost matrix; only for small subsets (scenario effects)."""
    out = np.zeros((n_measures, n_months))
    np.add.at(out, (prices.measure[entries.row], entries.month - first_month), entries.amount)
    return out
