"""Expected new measures (tilgang) per type and month, priced at recent new measures.

The rate is the number of new measures of the type in the last 12 complete months, with a
damped trend (last 12 against the 12 before, half its log, capped at ±25 %) and a
month-of-year seasonality estimated from all types together and shrunk halfway towards
flat, so small counts do not make a wild forecast. The price is the mean first-day price
of the type's measures started in the last 12 months (36 when fewer than 3, then all),
regulated to the forecast year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from ramme.core.forecast import pending_starts
from ramme.core.forecast.data import FloatArray, IntArray, Prepared, month_index, wsum
from ramme.core.forecast.known import State
from ramme.core.forecast.survival import Survival
from ramme.core.periods import is_month_end

SEASON_PRIOR = 36  # starts it takes before a type's own seasonal pattern weighs half


@dataclass(frozen=True)
class InflowPlan:
    """Expected starts: one row per (type, remaining month)."""

    types: IntArray
    start: IntArray  # representative start day (middle of the remaining part of the month)
    rate: FloatArray  # expected number of new measures
    daily_price: FloatArray  # per type: price per day at the forecast year's level
    once_price: FloatArray  # per type: one-off payments per new measure
    price_samples: list[FloatArray]  # per type: recent (daily price, one-off) pairs, (n, 2)
    expected_days: FloatArray  # expected active days from start to year end
    evidence: FloatArray  # per type: new measures the rate rests on (for its uncertainty)
    months_of_data: int
    waiting: pending_starts.PendingStarts  # started, not yet registered (rows with past starts)

    def waiting_cost(self) -> FloatArray:
        """Per waiting row: the expected cost after as_of of the starts not yet registered
        (``plan`` puts those rows last)."""
        w = self.waiting
        days = self.expected_days[len(self.types) - len(w.types) :]
        return np.asarray(
            w.count * (self.daily_price[w.types] * days + self.once_price[w.types]),
            dtype=np.float64,
        )


def _shape(counts: FloatArray) -> FloatArray:
    mean = counts.mean()
    return np.ones(12) if mean == 0 else np.asarray(counts / mean, dtype=np.float64)


def _seasonality(month_idx: IntArray, types: IntArray, n_types: int) -> FloatArray:
    """Month-of-year factors per type: its own pattern, shrunk towards all types' pattern
    (and that one halfway towards flat) by how many starts the type has had."""
    pooled = (_shape(np.bincount(month_idx % 12, minlength=12).astype(float)) + 1) / 2
    out = np.empty((n_types, 12))
    for ti in range(n_types):
        counts = np.bincount(month_idx[types == ti] % 12, minlength=12).astype(float)
        weight = counts.sum() / (counts.sum() + SEASON_PRIOR)
        out[ti] = weight * _shape(counts) + (1 - weight) * pooled
    return out


def _prices(prep: Prepared, state: State, known: IntArray, month_idx: IntArray) -> list[FloatArray]:
    """Per type: (daily price, one-off total) of recent new measures, forecast-year level."""
    pairs = np.column_stack(
        [daily_price_on_start(prep, state, known), once_on_measures(prep, state, known)]
    )
    now = state.as_of.year * 12 + state.as_of.month - 1
    out = []
    for ti in range(len(prep.type_codes)):
        mine = prep.m_type[known] == ti
        chosen = pairs[mine & (month_idx > now - 12)]
        if len(chosen) < 3:
            chosen = pairs[mine & (month_idx > now - 36)]
        if len(chosen) < 3:
            chosen = pairs[mine]
        out.append(chosen)
    return out


def once_on_measures(prep: Prepared, state: State, measures: IntArray) -> FloatArray:
    """Known one-off payments of each of ``measures``, regulated to the as-of year."""
    rows = state.rows[prep.p_once[state.rows]]
    factor = prep.factor(prep.p_year[rows], state.as_of.year)
    total = wsum(prep.p_measure[rows], prep.p_amount[rows] * factor, len(prep.m_start))
    return np.asarray(total[measures], dtype=np.float64)


def daily_price_on_start(prep: Prepared, state: State, measures: IntArray) -> FloatArray:
    """First-day price per day of ``measures``, regulated to the as-of year."""
    rows = state.rows
    measure = prep.p_measure[rows]
    first = prep.m_start[measure]
    inside = (prep.p_from[rows] <= first) & (state.row_last >= first) & ~prep.p_once[rows]
    rate = prep.p_rate[rows] * prep.factor(prep.p_year[rows], state.as_of.year)
    price = wsum(measure, np.where(inside, rate, 0.0), len(prep.m_start))
    return np.asarray(price[measures], dtype=np.float64)


def plan(prep: Prepared, state: State, survival: Survival, pending: bool = True) -> InflowPlan:
    known = np.flatnonzero(state.known)
    month_idx = month_index(prep.m_start[known])
    as_of = state.as_of
    complete = as_of.year * 12 + as_of.month - (0 if is_month_end(as_of) else 1)
    history = month_idx[month_idx < complete]
    months = int(complete - history.min()) if len(history) else 0
    n_types = len(prep.type_codes)
    types_hist = prep.m_type[known][month_idx < complete]
    season = _seasonality(history, types_hist, n_types)
    waiting = pending_starts.estimate(prep, state, season) if pending else pending_starts.none()
    last12 = np.bincount(types_hist[history >= complete - 12], minlength=n_types).astype(float)
    last12 += waiting.per_type(n_types)  # the rate counts the starts not yet registered
    prev12 = np.bincount(
        types_hist[(history >= complete - 24) & (history < complete - 12)], minlength=n_types
    ).astype(float)
    window = max(1, min(12, months))
    level = last12 / window
    trend = (
        np.ones(n_types)
        if months < 24
        else np.clip(np.sqrt((last12 + 5) / (prev12 + 5)), 0.8, 1.25)
    )
    prices = _prices(prep, state, known, month_idx)
    daily = np.array([p[:, 0].mean() if len(p) else 0.0 for p in prices])
    once = np.array([p[:, 1].mean() if len(p) else 0.0 for p in prices])
    rows_t, rows_start, rows_rate = [], [], []
    for first, last, month in _remaining_months(as_of):
        ahead = month - (complete - 6)
        frac = (last - first + 1) / _days_in_month(first)
        rate = level * season[:, month % 12] * trend ** (ahead / 12) * frac
        rows_t.append(np.arange(n_types))
        rows_start.append(np.full(n_types, (first + last) // 2))
        rows_rate.append(rate)
    types = np.concatenate([*rows_t, waiting.types]).astype(np.int64)
    start = np.concatenate([*rows_start, waiting.start]).astype(np.int64)
    rate = np.concatenate([*rows_rate, waiting.count]).astype(float)
    # days after as_of only: a past start's earlier days come with the billing-lag ratio
    from_day = np.asarray(np.maximum(state.t + 2 - start, 1), dtype=np.int64)
    days = survival.days_alive(types, from_day, state.year_last - start + 1)
    return InflowPlan(types, start, rate, daily, once, prices, days, last12, months, waiting)


def _days_in_month(first: int) -> int:
    day = date.fromordinal(first)
    nxt = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return (nxt - date(day.year, day.month, 1)).days


def _remaining_months(as_of: date) -> list[tuple[int, int, int]]:
    """(first day, last day, month index) of each rest-of-year month after ``as_of``."""
    out = []
    day = as_of + timedelta(days=1)
    while day.year == as_of.year:
        nxt = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        out.append(
            (day.toordinal(), (nxt - timedelta(days=1)).toordinal(), day.year * 12 + day.month - 1)
        )
        day = nxt
    return out
