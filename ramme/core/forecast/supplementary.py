"""Invoices of the supplementary period still to come (supplementsperioden) on 31 December.

Invoices for December, and with late billing for the autumn too, are booked in January and
February and dated 31 December. An extract made on 31 December, or in January, does not hold
them yet, so the year will end above what is booked. The earlier complete years tell how much
was dated 31 December per krone dated before it on each line; the rest still to come is that
ratio times this year's postings before 31 December, less what is already dated 31 December,
never below nothing. Once the ledger holds postings dated after the period (from 1 March the
next year) it has closed and nothing is added: every posting of the year is then known.

Before 31 December the billing-lag ratio (lag.py) already counts these postings: they are
dated after the as-of day in the earlier years it learns from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from ramme.core.forecast.data import FloatArray, Prepared
from ramme.core.forecast.known import State
from ramme.core.forecast.lag import booked, history_years

CLOSED_FROM = (3, 1)  # (month, day) the next year: the supplementary period is over by then


@dataclass(frozen=True)
class SupplementaryRest:
    """Per line: the operating postings still to come dated 31 December (kr., ≥ 0), and the
    same with the lowest and the highest ratio of the earlier years (for the band)."""

    rest: FloatArray
    low: FloatArray
    high: FloatArray

    @classmethod
    def none(cls, lines: int) -> SupplementaryRest:
        zero = np.zeros(lines)
        return cls(zero, zero, zero)


def is_open(prep: Prepared, year: int) -> bool:
    """Whether the year's supplementary period may still bring postings: the ledger (the
    extract as a whole, not only what is dated in the year) holds nothing after it."""
    closed = date(year + 1, *CLOSED_FROM).toordinal()
    return not len(prep.ledger.day) or int(prep.ledger.day.max()) < closed


def _split(prep: Prepared, year: int) -> tuple[FloatArray, FloatArray]:
    """Per line: operating postings dated 1 January - 30 December, and dated 31 December."""
    first, eve = date(year, 1, 1).toordinal(), date(year, 12, 30).toordinal()
    before = booked(prep, first, eve, refund=False)
    last_day = booked(prep, eve + 1, eve + 1, refund=False)
    return before, last_day


def estimate(prep: Prepared, state: State) -> SupplementaryRest:
    """The rest still to come on ``state.as_of`` (nothing before 31 December, or when the
    period has closed, or without an earlier complete year)."""
    n = len(prep.activities)
    years = history_years(prep, state)
    if state.t < state.year_last or not years or not is_open(prep, state.as_of.year):
        return SupplementaryRest.none(n)
    splits = [_split(prep, y) for y in years]
    before = np.array([b for b, _ in splits])
    last_day = np.array([d for _, d in splits])
    with np.errstate(divide="ignore", invalid="ignore"):
        pooled = np.where(before.sum(axis=0) > 0, last_day.sum(axis=0) / before.sum(axis=0), 0.0)
        yearly = np.where(before > 0, last_day / before, pooled[None, :])
    now_before, now_last = _split(prep, state.as_of.year)

    def rest(ratio: FloatArray) -> FloatArray:
        ratio = np.maximum(np.nan_to_num(ratio), 0.0)
        return np.asarray(np.maximum(ratio * now_before - now_last, 0.0), dtype=np.float64)

    return SupplementaryRest(rest(pooled), rest(yearly.min(axis=0)), rest(yearly.max(axis=0)))
