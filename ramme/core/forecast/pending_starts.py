"""Measures started but not yet registered (ikke-registreret tilgang), learned from the data.

A measure is often registered weeks after it began; until then it is in no file, and its
cost is neither committed nor expected. The starts registered by the as-of date fall short
of the type's rate in the last weeks, the more so the nearer the as-of date. Against the
rate of the year before the window (with the type's seasonality), the shortfall by recency
gives the registration delay (the exponential fit of pending.py), fitted together with the
window's level, which a prior holds near how the same window stood against its reference in
earlier years (level_prior.py): a small municipality's few dozen starts cannot tell the delay
from their shape alone, and a trend up or down as large as the history shows is still not
taken for a delay. The starts it implies are added to the expected
new measures with their start in the past: their cost from the day after the as-of date
(the invoices for the days before come with the billing-lag ratio, as in earlier years).

On earlier years every start is known, the shortfall is nil and nothing is added.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from ramme.core.forecast import level_prior
from ramme.core.forecast.data import FloatArray, IntArray, Prepared, month_index
from ramme.core.forecast.known import State
from ramme.core.forecast.level_prior import DelayFit, LevelPrior
from ramme.core.forecast.pending import BIN, deficit_doubt, fit_delay

WINDOW = 120  # days before as_of in which starts may still be unregistered
MIN_REFERENCE_STARTS = 20
REFERENCE = 365  # days of the year before the window that give the rate
PRIOR_YEARS = 4  # earlier years whose same window teaches the level's prior


@dataclass(frozen=True)
class PendingStarts:
    """The learned delay of registrations and the unregistered starts per (type, bin)."""

    lag: float
    types: IntArray
    start: IntArray  # middle day of the recency bin
    count: FloatArray  # expected starts of the type in the bin not yet registered
    doubt: float = 0.0  # relative standard deviation of the count (pending.deficit_doubt)

    @property
    def total(self) -> float:
        return float(self.count.sum())

    def per_type(self, n_types: int) -> FloatArray:
        return np.bincount(self.types, weights=self.count, minlength=n_types).astype(float)


def none() -> PendingStarts:
    empty = np.zeros(0, dtype=np.int64)
    return PendingStarts(0.0, empty, empty.copy(), np.zeros(0))


def estimate(prep: Prepared, state: State, season: FloatArray) -> PendingStarts:
    """Unregistered starts on ``state.as_of`` (``season``: month factors per type)."""
    n_types = len(prep.type_codes)
    t = state.t
    known = np.flatnonzero(state.known)
    start, types = prep.m_start[known], prep.m_type[known]
    window = _window(start, types, season, t, n_types)
    if window is None:
        return none()
    observed, expected = window
    bins = [(t - a - BIN + 1, t - a) for a in range(0, WINDOW, BIN)]
    fitted = _fit(observed, expected.sum(axis=1), _prior(prep, start, types, season, t))
    if fitted.lag == 0.0:
        return none()
    shares = level_prior.shares(fitted.lag, len(bins))
    missing = fitted.level * expected * (1 - shares)[:, None]  # (bins, types)
    return PendingStarts(
        fitted.lag,
        np.tile(np.arange(n_types), len(bins)),
        np.repeat([(lo + hi) // 2 for lo, hi in bins], n_types),
        missing.ravel(),
        fitted.doubt,
    )


def _fit(observed: FloatArray, expected: FloatArray, prior: LevelPrior | None) -> DelayFit:
    """Delay and level with the prior learned from earlier years; without one (no earlier
    window in the history) the level is left free and only the shape of the shortfall tells."""
    if prior is not None:
        return level_prior.fit(observed, expected, prior)
    lag = fit_delay(observed, expected)
    shares = level_prior.shares(lag, len(observed))
    level = float(observed.sum() / max(float((expected * shares).sum()), 1e-9))
    missing = float((level * expected * (1 - shares)).sum())
    return DelayFit(lag, level, missing, deficit_doubt(observed, expected, lag) if lag else 0.0)


def _window(
    start: IntArray, types: IntArray, season: FloatArray, t: int, n_types: int
) -> tuple[FloatArray, FloatArray] | None:
    """Registered starts per recency bin before ``t`` and the (bins, types) starts expected
    at the rate of the reference year before the window; None when it holds too few."""
    ref = (start > t - WINDOW - REFERENCE) & (start <= t - WINDOW)
    if ref.sum() < MIN_REFERENCE_STARTS:
        return None
    ref_days = np.arange(t - WINDOW - REFERENCE + 1, t - WINDOW + 1)
    norm = season[:, month_index(ref_days) % 12].mean(axis=1)
    rate = np.bincount(types[ref], minlength=n_types) / REFERENCE / np.maximum(norm, 1e-9)
    bins = [(t - a - BIN + 1, t - a) for a in range(0, WINDOW, BIN)]
    expected = np.array([_expected(rate, season, lo, hi) for lo, hi in bins])  # (bins, types)
    observed = np.array([((start >= lo) & (start <= hi)).sum() for lo, hi in bins], dtype=float)
    return observed, expected


def _prior(
    prep: Prepared, start: IntArray, types: IntArray, season: FloatArray, t: int
) -> LevelPrior | None:
    """How the same window stood against its reference year in earlier years, whose starts
    are all registered by now (only years whose reference lies inside the history)."""
    if not prep.complete_years:
        return None
    first = date(min(prep.complete_years), 1, 1).toordinal()
    observed, expected = [], []
    for back in range(1, PRIOR_YEARS + 1):
        then = t - 365 * back
        if then - WINDOW - REFERENCE < first:
            break
        window = _window(start, types, season, then, len(prep.type_codes))
        if window is not None:
            observed.append(window[0].sum())
            expected.append(window[1].sum())
    return level_prior.learn_prior(np.array(observed), np.array(expected))


def _expected(rate: FloatArray, season: FloatArray, lo: int, hi: int) -> FloatArray:
    """Starts per type in [lo, hi] at ``rate`` per day, with the month factors."""
    months = month_index(np.arange(lo, hi + 1)) % 12
    return np.asarray(rate * season[:, months].sum(axis=1), dtype=np.float64)
