"""How postings follow services: the billing-lag ratio and the monthly profile.

What the year's accounts show is the sum of postings dated in the year (supplementary-period
postings carry 31 December). For a line with measures, past complete years tell how much
was still booked after the same day of the year per krone of service delivered after it:
``rho = sum(postings after day d) / sum(accrued cost after day d)``. It is above 1 when
invoices for services already delivered are still to come (arrears, quarterly invoices,
late invoices), below 1 with advance payment. For a line without measures the profile is
the share of the year's postings booked by the same day in earlier years. Where the years'
ratios disagree, rho is pulled towards 1 (``_shrunk``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from ramme.core.forecast.data import FloatArray, IntArray, Prepared, wsum
from ramme.core.forecast.known import State, line_of_measure, measure_cost

HISTORY_YEARS = 3
RHO_BOUNDS = (0.2, 5.0)
DRIFT_DAYS = 91  # the window of recent postings compared with the known measures
DRIFT_BOUNDS = (0.85, 1.2)


@dataclass(frozen=True)
class LagModel:
    """Per line: billing-lag ratio and its spread, the booked-by-now profile and its spread."""

    rho: FloatArray
    rho_sd: FloatArray
    share: FloatArray  # share of the year's operating postings booked by the same day
    share_sd: FloatArray  # relative spread of the profile forecast in earlier years
    years: list[int]
    drift: FloatArray | None = None  # per line: ledger level against the known measures


def drift(prep: Prepared, state: State, years: list[int]) -> FloatArray:
    """Per line: how far the last ``DRIFT_DAYS`` of postings ran above (or below) what the
    known measures explain, against the same days of earlier years.

    Postings of measures not yet registered, of prices not yet registered, and of ends
    registered late show here first: the ledger is booked when the invoice comes, the case
    system when the caseworker gets to it. The billing pattern cancels out, being the same in
    the earlier years. Half the drift is taken, within ``DRIFT_BOUNDS``."""
    n = len(prep.activities)
    if not years:
        return np.ones(n)
    now = _window_ratio(prep, state, state.t)
    past = np.array(
        [_window_ratio(prep, state, same_day(state.as_of, y).toordinal()) for y in years]
    )
    positive = np.where(past > 0, past, np.nan)
    count = np.isfinite(positive).sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        typical = np.where(count > 0, np.nansum(positive, axis=0) / np.maximum(count, 1), np.nan)
        raw = now / typical
    raw = np.where(np.isfinite(raw) & (raw > 0), raw, 1.0)
    return np.asarray(np.clip(1 + 0.5 * (raw - 1), *DRIFT_BOUNDS), dtype=np.float64)


def _window_ratio(prep: Prepared, state: State, last: int) -> FloatArray:
    first = last - DRIFT_DAYS + 1
    posted = booked(prep, first, last, refund=False)
    served = accrued_by_line(prep, state, first, last)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(np.where(served > 0, posted / served, np.nan), dtype=np.float64)


def same_day(as_of: date, year: int) -> date:
    """The as-of date moved to ``year`` (29 February becomes 28 February)."""
    day = min(as_of.day, 28) if as_of.month == 2 else as_of.day
    return date(year, as_of.month, day)


def booked(prep: Prepared, first: int, last: int, refund: bool | None = None) -> FloatArray:
    """Postings per line dated in [first, last]; ``refund``: only dranst 2 / only others."""
    led = prep.ledger
    mask = (led.day >= first) & (led.day <= last) & (led.activity >= 0)
    if refund is not None:
        mask &= (led.dranst == 2) if refund else (led.dranst != 2)
    return wsum(led.activity[mask], led.amount[mask], len(prep.activities))


def history_years(prep: Prepared, state: State) -> list[int]:
    """Complete earlier years of the ledger, the most recent ``HISTORY_YEARS``."""
    years = sorted(y for y in prep.complete_years if y < state.as_of.year)
    return years[-HISTORY_YEARS:]


def accrued_by_line(prep: Prepared, state: State, first: int, last: int) -> FloatArray:
    """Accrued service cost per line in [first, last] from the known measures."""
    cost = measure_cost(prep, state, first, last)
    line = line_of_measure(prep)
    ok = line >= 0
    return wsum(line[ok], cost[ok], len(prep.activities))


def estimate(prep: Prepared, state: State) -> LagModel:
    n = len(prep.activities)
    years = history_years(prep, state)
    rem_p, rem_a, shares = [], [], []
    for year in years:
        cut = same_day(state.as_of, year).toordinal()
        y0, y1 = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        full = booked(prep, y0, y1, refund=False)
        to_date = booked(prep, y0, cut, refund=False)
        rem_p.append(full - to_date)
        rem_a.append(accrued_by_line(prep, state, cut + 1, y1))
        with np.errstate(divide="ignore", invalid="ignore"):
            shares.append(np.where(np.abs(full) > 0, to_date / full, np.nan))
    if not years:
        # no earlier year: no lag, the elapsed share as profile, a wide profile error
        return LagModel(np.ones(n), np.full(n, 0.03), np.full(n, np.nan), np.full(n, 0.1), [])
    p, a, s = np.array(rem_p), np.array(rem_a), np.array(shares)
    with np.errstate(divide="ignore", invalid="ignore"):
        rho_y = np.where(a > 0, p / a, np.nan)
        rho = np.where(a.sum(axis=0) > 0, p.sum(axis=0) / a.sum(axis=0), 1.0)
    rho = np.clip(np.nan_to_num(rho, nan=1.0), *RHO_BOUNDS)
    rho_sd = _spread(rho_y, floor=0.02)
    rho = _shrunk(rho, _spread(rho_y, floor=0.0), np.isfinite(rho_y).sum(axis=0))
    finite = np.isfinite(s)
    count = finite.sum(axis=0)
    share = np.where(count > 0, np.where(finite, s, 0.0).sum(axis=0) / np.maximum(count, 1), np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):  # lines with no share yet: NaN
        share_err = s / share[None, :]
    share_sd = np.where(np.isfinite(share), _spread(share_err, floor=0.01), 0.1)
    return LagModel(rho, rho_sd, share, share_sd, years, drift(prep, state, years))


def _shrunk(rho: FloatArray, sd: FloatArray, years: IntArray) -> FloatArray:
    """The ratio pulled towards 1 (no lag) by how little the years agree (positive-part
    James-Stein): a short-stay line's December is a few days of service against a credit
    note or a late bill, and its yearly ratios scatter from 0.2 to 5; their mean then says
    nothing, while a line billed the same way every year keeps its ratio. One year alone
    has no spread to judge by and is kept."""
    standard_error = sd**2 / np.maximum(years, 1)
    keep = np.clip(1 - standard_error / np.maximum((rho - 1) ** 2, 1e-12), 0.0, 1.0)
    keep = np.where(years >= 2, keep, 1.0)
    return np.asarray(1 + keep * (rho - 1), dtype=np.float64)


def year_ratio(prep: Prepared, state: State) -> FloatArray:
    """Per line: the year's operating postings per krone of the year's service cost in
    earlier complete years (1 where there is none). Invoices that cross the year end, credit
    notes and settlements make it differ from 1; the accrual method scales by it."""
    n = len(prep.activities)
    posted, served = np.zeros(n), np.zeros(n)
    for year in history_years(prep, state):
        y0, y1 = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        posted += booked(prep, y0, y1, refund=False)
        served += accrued_by_line(prep, state, y0, y1)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(served > 0, posted / served, 1.0)
    return np.asarray(np.clip(np.nan_to_num(ratio, nan=1.0), *RHO_BOUNDS), dtype=np.float64)


def _spread(values: FloatArray, floor: float) -> FloatArray:
    """Standard deviation across years per line (with a floor; a wider guess for 1 year)."""
    finite = np.isfinite(values)
    count = finite.sum(axis=0)
    filled = np.where(finite, values, 0.0)
    avg = filled.sum(axis=0) / np.maximum(count, 1)
    squares = np.where(finite, (filled - avg[None, :]) ** 2, 0.0).sum(axis=0)
    sd = np.sqrt(squares / np.maximum(count - 1, 1))
    sd = np.where(count >= 2, sd, 2 * floor)
    return np.asarray(np.maximum(sd, floor), dtype=np.float64)
