"""What was known on the as-of date, and the cost of the known price rows in a window.

Only measures started by ``as_of``, end dates on or before it and price periods valid from
on or before it are known. A later end date is not known: the measure counts as active.
The last known base price of an active measure is taken to run on (the caseworker's
expectation that the place continues at its price); supplements keep their end dates.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from ramme.core.forecast.data import INF, BoolArray, FloatArray, IntArray, Prepared, wsum


@dataclass(frozen=True)
class State:
    """The known world on one day (days as ordinals)."""

    as_of: date
    t: int
    year_first: int
    year_last: int
    known: BoolArray  # per measure: started by as_of
    active: BoolArray  # per measure: known and no end known
    m_last: IntArray  # per measure: known last day, INF when still active
    rows: IntArray  # indices of the known price rows
    row_last: IntArray  # per known row: last day it applies (price and measure end)


@dataclass(frozen=True)
class Replay:
    """Registration delays to replay on an earlier day (mean days; 0: none).

    The files tell when a measure started and ended, not when that was registered, so an
    earlier year's day seen from today's files knows every start and end: more than was
    known that day. The self-calibration compares its methods on such days with today,
    where the latest starts and ends are not registered yet. Replaying the delays the
    forecast has learned today (an exponential delay with that mean, pending.py) hides, on
    the earlier day, the starts and ends a delay like today's would have hidden then."""

    ends: float = 0.0
    starts: float = 0.0


def _unregistered(days_ago: IntArray, mean_lag: float, seed: int) -> BoolArray:
    """Which events ``days_ago`` before the day a delay of ``mean_lag`` days still hides:
    each with probability exp(-days_ago / mean_lag), drawn the same way on every call."""
    if mean_lag <= 0:
        return np.zeros(len(days_ago), dtype=bool)
    draw = np.random.default_rng(seed).random(len(days_ago))
    with np.errstate(over="ignore"):
        return np.asarray(draw < np.exp(-np.clip(days_ago, 0, None) / mean_lag), dtype=bool)


def replayed(prep: Prepared, as_of: date, replay: Replay) -> Prepared:
    """The files as a delay like ``replay`` would have shown them on ``as_of``: a hidden
    start makes the measure unknown that day (it starts the day after, end blank), a hidden
    end leaves it active."""
    t = as_of.toordinal()
    started = prep.m_start <= t
    hide_start = started & _unregistered(t - prep.m_start, replay.starts, t)
    hide_end = started & (prep.m_end <= t) & _unregistered(t - prep.m_end, replay.ends, t + 1)
    if not (hide_start.any() or hide_end.any()):
        return prep
    m_start = np.where(hide_start, t + 1, prep.m_start)
    m_end = np.where(hide_start | hide_end, INF, prep.m_end)
    return replace(prep, m_start=m_start, m_end=m_end)


def state_at(prep: Prepared, as_of: date) -> State:
    t = as_of.toordinal()
    known = prep.m_start <= t
    ended = known & (prep.m_end <= t)
    m_last = np.where(ended, prep.m_end, INF)
    rows = np.flatnonzero((prep.p_from <= t) & known[prep.p_measure])
    p_to = prep.p_to[rows].copy()
    measure = prep.p_measure[rows]
    base = prep.p_base[rows] & ~prep.p_once[rows] & ~ended[measure]
    if base.any():
        # the latest known base price of each active measure runs on
        order = np.lexsort((prep.p_from[rows][base], measure[base]))
        idx = np.flatnonzero(base)[order]
        last_of_measure = np.r_[measure[idx][1:] != measure[idx][:-1], True]
        p_to[idx[last_of_measure]] = INF
    return State(
        as_of=as_of,
        t=t,
        year_first=date(as_of.year, 1, 1).toordinal(),
        year_last=date(as_of.year, 12, 31).toordinal(),
        known=known,
        active=known & ~ended,
        m_last=m_last,
        rows=rows,
        row_last=np.minimum(p_to, m_last[measure]),
    )


def row_cost(prep: Prepared, state: State, first: int, last: int) -> FloatArray:
    """Cost of every known price row within days [first, last], regulated each 1 January."""
    rows = state.rows
    start = np.maximum(prep.p_from[rows], prep.m_start[prep.p_measure[rows]])
    lo = np.maximum(start, first)
    hi = np.minimum(state.row_last, last)
    cost = np.zeros(len(rows))
    y_first, y_last = date.fromordinal(first).year, date.fromordinal(last).year
    for year in range(y_first, y_last + 1):
        y_lo = np.maximum(lo, date(year, 1, 1).toordinal())
        y_hi = np.minimum(hi, date(year, 12, 31).toordinal())
        days = np.clip(y_hi - y_lo + 1, 0, None)
        cost += days * prep.p_rate[rows] * prep.factor(prep.p_year[rows], year)
    once = prep.p_once[rows]
    on = prep.p_from[rows]
    hit = once & (on >= first) & (on <= last) & (on >= start) & (on <= state.row_last)
    cost[once] = np.where(hit[once], prep.p_amount[rows][once], 0.0)
    return cost


def measure_cost(prep: Prepared, state: State, first: int, last: int) -> FloatArray:
    """Cost per measure (all measures; unknown ones 0) within days [first, last]."""
    cost = row_cost(prep, state, first, last)
    return wsum(prep.p_measure[state.rows], cost, len(prep.m_start))


def line_of_measure(prep: Prepared) -> IntArray:
    """Activity-line index of every measure (through its type)."""
    return prep.type_activity[prep.m_type]


def daily_price_on(prep: Prepared, state: State, day: int, year: int) -> FloatArray:
    """Per measure: the price per day in force on ``day``, in ``year``'s price level."""
    rows = state.rows
    measure = prep.p_measure[rows]
    start = np.maximum(prep.p_from[rows], prep.m_start[measure])
    inside = (start <= day) & (state.row_last >= day) & ~prep.p_once[rows]
    rate = np.where(inside, prep.p_rate[rows] * prep.factor(prep.p_year[rows], year), 0.0)
    return wsum(measure, rate, len(prep.m_start))
