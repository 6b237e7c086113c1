"""The simple methods municipalities use today, as kernels over the prepared arrays.

- run-rate (fremskrivning): booked × days in the year / days so far;
- full-year cases × average price (Hvidovre): the year's full-year cases if every measure
  active now runs to year end, times the average yearly price of the active measures;
  lines without measures use the run-rate;
- periodised budget (periodiseret forbrug): booked / the share earlier years had booked
  by the same date.

They are the calibration's candidates beside the case-based estimate (calibration.py) and are
shown side by side on the follow-up page (baselines.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from ramme.core.forecast.data import FloatArray, Prepared, wsum
from ramme.core.forecast.known import State, daily_price_on, line_of_measure, state_at
from ramme.core.forecast.lag import booked, history_years, same_day
from ramme.core.forecast.pending_starts import PendingStarts


@dataclass(frozen=True)
class Unregistered:
    """What the case register does not show yet on the as-of day: per measure P(ended, not
    registered) (pending.py), and the starts not registered yet (pending_starts.py)."""

    ended: FloatArray
    waiting: PendingStarts

    def start_volume(self, prep: Prepared, year_last: int) -> FloatArray:
        """Full-year days per line of the unregistered starts, run to the year end."""
        w = self.waiting
        lines = prep.type_activity[w.types]
        days = w.count * np.clip(year_last - w.start + 1, 0, None)
        keep = lines >= 0
        return wsum(lines[keep], days[keep], len(prep.activities))


def run_rate(prep: Prepared, as_of: date) -> FloatArray:
    """Booked per line × days in the year / days so far."""
    first = date(as_of.year, 1, 1).toordinal()
    days = date(as_of.year, 12, 31).toordinal() - first + 1
    elapsed = as_of.toordinal() - first + 1
    return booked(prep, first, as_of.toordinal()) * days / elapsed


def periodised(prep: Prepared, as_of: date) -> FloatArray:
    """Booked per line / the average share booked by the same date in earlier years."""
    state = state_at(prep, as_of)
    shares = []
    for year in history_years(prep, state):
        full = booked(prep, date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal())
        part = booked(prep, date(year, 1, 1).toordinal(), same_day(as_of, year).toordinal())
        with np.errstate(divide="ignore", invalid="ignore"):
            shares.append(np.where(np.abs(full) > 0, part / full, np.nan))
    actual = booked(prep, state.year_first, state.t)
    if not shares:
        return run_rate(prep, as_of)
    arr = np.array(shares)
    finite = np.isfinite(arr)
    share = np.where(finite, arr, 0).sum(axis=0) / np.maximum(finite.sum(axis=0), 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        result = np.where(share > 0.02, actual / share, run_rate(prep, as_of))
    return np.asarray(result, dtype=np.float64)


def cases_x_price(
    prep: Prepared,
    as_of: date,
    unregistered: Unregistered | None = None,
    state: State | None = None,
) -> FloatArray:
    """Full-year cases of the year (active now assumed to run on) × average yearly price.

    ``unregistered``: the registrations not yet made on ``as_of`` (ends, starts) as the
    case-based model estimates them. The calibration compares this method on earlier years,
    whose ends and starts are all registered, with today, whose are not; without the same
    knowledge today it would count measures that ended unregistered as running to year end
    (lundholm's residential care, ends ~60 days late: +26 % at 31 March). ``state``: the
    known world to count from (default: all registered by ``as_of``)."""
    state = state or state_at(prep, as_of)
    n = len(prep.activities)
    line = line_of_measure(prep)
    ended = np.zeros(len(prep.m_start)) if unregistered is None else unregistered.ended
    in_year = state.known & (state.m_last >= state.year_first) & (line >= 0)
    first = np.maximum(prep.m_start, state.year_first)
    last = np.where(state.active, state.year_last, np.minimum(state.m_last, state.year_last))
    days = np.where(in_year, np.clip(last - first + 1, 0, None), 0)
    # an end not yet registered: the measure ran to about today, not to the year end
    days = days - np.where(state.active, ended * np.clip(state.year_last - state.t, 0, None), 0)
    volume = wsum(line[in_year], days[in_year], n) / 365
    price = daily_price_on(prep, state, state.t, as_of.year) * 365
    act = state.active & (line >= 0)
    weight = 1 - ended[act]
    avg = wsum(line[act], price[act] * weight, n) / np.maximum(wsum(line[act], weight, n), 1e-9)
    if unregistered is not None:
        volume = volume + unregistered.start_volume(prep, state.year_last) / 365
    has_measures = np.zeros(n, dtype=bool)
    has_measures[prep.type_activity[prep.type_activity >= 0]] = True
    return np.asarray(np.where(has_measures, volume * avg, run_rate(prep, as_of)), dtype=np.float64)
