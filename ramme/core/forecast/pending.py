"""Ends not yet registered (ophør, der endnu ikke er registreret), learned from the data.

A caseworker often registers that a measure ended weeks after it did. On the as-of date such
a measure looks active, and the forecast would pay it to its expected end. The file does not
say when an end was registered, but the gap shows in the ends themselves: fewer ends fall in
the last weeks before the as-of date than the duration model expects, and the shortfall grows
towards the as-of date. The shortfall by recency gives the registration delay: an
exponential delay with mean ``lag`` days, fitted by Poisson likelihood with the level free
(so a year whose ends simply run below the curve is not taken for a delay), and taken only
when it explains the ends clearly better than no delay (a likelihood-ratio test). Each
apparently active measure then gets the probability that it has in fact ended unregistered;
its expected remaining cost is scaled by the rest.

On earlier years (the self-calibration's backtest) every end is known, the shortfall is nil
and nothing changes, so calibration and this correction do not count the same thing twice.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ramme.core.forecast.data import INF, BoolArray, FloatArray, IntArray, Prepared
from ramme.core.forecast.known import State
from ramme.core.forecast.survival import Survival

# days before as_of in which ends may still be unregistered: a year, so that the older half,
# all registered, anchors the level that is fitted with the delay (with 180 days the two
# traded off and the delay jumped from month to month; docs/forecast-worlds.md, session 10)
WINDOW = 360
BIN = 15  # days per recency bin of the fit
MIN_ENDS = 20  # fewer ends in the window: too little to see a shortfall
LAGS = np.arange(2.0, 121.0, 2.0)  # candidate mean delays (days)
EVIDENCE = 3.84  # deviance gain required (chi-square, 1 degree of freedom, 5 %)
LIKELY = 1.0  # deviance above the best within which a delay is as likely (about 68 %)
# the deficit's half-range over those delays, times this, is its standard deviation: on the
# tuning worlds with known delays the whole half-range overstated how far the correction
# was off where the delay is clear (vestmark: a tenth to a fifth, against 0.4-0.6)
DOUBT_SHARE = 0.5
DOUBT_FLOOR = 0.1
STEP = 5  # days per step when a measure's probability of an unregistered end is summed


@dataclass(frozen=True)
class PendingEnds:
    """The learned registration delay of ends and, per measure, P(ended, not registered)."""

    lag: float  # mean delay in days; 0 when the data show none
    deficit: float  # ends missing in the window by the fit (expected minus registered)
    probability: FloatArray  # per measure; 0 for measures not active on as_of
    doubt: float = 0.0  # relative standard deviation of the deficit (``deficit_doubt``)

    @classmethod
    def none(cls, measures: int) -> PendingEnds:
        """No delay seen (or not looked for)."""
        return cls(0.0, 0.0, np.zeros(measures))


def estimate(prep: Prepared, state: State, surv: Survival, limit: IntArray) -> PendingEnds:
    """The delay of end registrations on ``state.as_of`` and each measure's probability of an
    unregistered end (``limit``: the learned age limits, whose ends are not the hazard's)."""
    none = PendingEnds.none(len(prep.m_start))
    eligible = _eligible(prep, state)
    t = state.t
    bins = [(t - a1 + 1, t - a0) for a0, a1 in _bin_ages()]
    observed = np.array([_observed(prep, eligible, limit, lo, hi) for lo, hi in bins])
    expected = np.array([_expected(prep, state, surv, eligible, limit, lo, hi) for lo, hi in bins])
    if observed.sum() < MIN_ENDS or expected.sum() <= 0:
        return none
    # the level is fitted with the delay: a year whose ends run below the curve throughout
    # is not a delay, only a shortfall that grows towards the as-of date is
    lag = fit_delay(observed, expected)
    if lag == 0.0:
        return none
    shares = np.array([registered_share(lag, a0, a1) for a0, a1 in _bin_ages()])
    level = float(observed.sum() / (expected * shares).sum())
    deficit = float((level * expected * (1 - shares)).sum())
    probability = _probability(prep, state, surv, eligible, limit, lag, level)
    return PendingEnds(lag, deficit, probability, deficit_doubt(observed, expected, lag))


def _bin_ages(window: int = WINDOW) -> list[tuple[int, int]]:
    """Recency bins [a0, a1) in days before as_of."""
    return [(a, a + BIN) for a in range(0, window, BIN)]


def _eligible(prep: Prepared, state: State) -> BoolArray:
    """Known measures with a daily price (a one-off grant has no duration to end)."""
    daily = np.zeros(len(prep.m_start), dtype=bool)
    daily[prep.p_measure[~prep.p_once]] = True
    return np.asarray(state.known & daily, dtype=bool)


def _observed(prep: Prepared, eligible: BoolArray, limit: IntArray, lo: int, hi: int) -> float:
    """Registered ends dated in [lo, hi], leaving out ends at the age limit."""
    end = prep.m_end
    hit = eligible & (end >= lo) & (end <= hi) & (np.abs(end - limit) > 1)
    return float(hit.sum())


def _expected(
    prep: Prepared,
    state: State,
    surv: Survival,
    eligible: BoolArray,
    limit: IntArray,
    lo: int,
    hi: int,
) -> float:
    """Ends in [lo, hi] the duration model expects of the measures at risk then."""
    start, end = prep.m_start, prep.m_end
    risk = eligible & (start <= hi) & (end >= lo) & (limit > hi + 1)
    return float(_end_probability(prep, surv, np.flatnonzero(risk), lo, hi).sum())


def _end_probability(
    prep: Prepared, surv: Survival, idx: IntArray, lo: int | IntArray, hi: int | IntArray
) -> FloatArray:
    """P(end in [lo, hi] | active when the window or the measure began)."""
    start, types = prep.m_start[idx], prep.m_type[idx]
    k0 = np.maximum(lo, start) - start  # days already lasted
    k1 = hi - start + 1
    s0 = surv.s(types, k0)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(s0 > 1e-12, 1 - surv.s(types, k1) / s0, 0.0)
    return np.asarray(np.clip(p, 0.0, 1.0), dtype=np.float64)


def registered_share(lag: float, a0: float, a1: float) -> float:
    """Average share of the ends aged [a0, a1) days that are registered, for an exponential
    delay with mean ``lag``."""
    if lag <= 0:
        return 1.0
    return float(1 - lag / (a1 - a0) * (np.exp(-a0 / lag) - np.exp(-a1 / lag)))


def _deviance(observed: FloatArray, mean: FloatArray) -> float:
    mean = np.maximum(mean, 1e-9)
    with np.errstate(divide="ignore", invalid="ignore"):
        term = np.where(observed > 0, observed * np.log(observed / mean), 0.0)
    return float(2 * (term - (observed - mean)).sum())


def fit_delay(observed: FloatArray, expected: FloatArray) -> float:
    """The mean delay that best explains the registered events per ``BIN``-day recency bin
    (``expected``: without delay); 0 unless it beats no delay by ``EVIDENCE``.
    The expected counts are taken as right in shape only: their level is fitted too."""
    ages = _bin_ages(BIN * len(observed))

    def deviance(share: FloatArray) -> float:
        mean = expected * share
        if mean.sum() > 0:
            mean = mean * observed.sum() / mean.sum()
        return _deviance(observed, mean)

    base = deviance(np.ones(len(ages)))
    best, best_dev = 0.0, base
    for lag in LAGS:
        dev = deviance(np.array([registered_share(float(lag), a0, a1) for a0, a1 in ages]))
        if dev < best_dev:
            best, best_dev = float(lag), dev
    return best if base - best_dev > EVIDENCE else 0.0


def deficit(observed: FloatArray, expected: FloatArray, lag: float) -> float:
    """The events missing in the window for a delay of mean ``lag`` (the level fitted)."""
    shares = np.array([registered_share(lag, a0, a1) for a0, a1 in _bin_ages(BIN * len(observed))])
    level = float(observed.sum() / max(float((expected * shares).sum()), 1e-9))
    return float((level * expected * (1 - shares)).sum())


def deficit_doubt(observed: FloatArray, expected: FloatArray, lag: float) -> float:
    """How uncertain the missing events are, relative to them: from the range of the deficit
    over the delays the data do not tell from the best (deviance within ``LIKELY`` of it),
    at least ``DOUBT_FLOOR`` (the shape of the delay is assumed, not known)."""
    ages = _bin_ages(BIN * len(observed))

    def deviance(candidate: float) -> float:
        mean = expected * np.array([registered_share(candidate, a0, a1) for a0, a1 in ages])
        return _deviance(observed, mean * observed.sum() / max(float(mean.sum()), 1e-9))

    best = deviance(lag)
    likely = [float(c) for c in LAGS if deviance(float(c)) - best <= LIKELY] or [lag]
    found = [deficit(observed, expected, c) for c in likely]
    centre = deficit(observed, expected, lag)
    spread = DOUBT_SHARE * (max(found) - min(found)) / 2 / max(centre, 1e-9)
    return max(float(spread), DOUBT_FLOOR)


def _probability(
    prep: Prepared,
    state: State,
    surv: Survival,
    eligible: BoolArray,
    limit: IntArray,
    lag: float,
    level: float,
) -> FloatArray:
    """Per active measure: P(it ended in the window and is not registered | it looks active),
    with the duration curve's hazard scaled by the window's ``level``."""
    t = state.t
    out = np.zeros(len(prep.m_start))
    idx = np.flatnonzero(eligible & state.active & (prep.m_end == INF) & (limit > t))
    if len(idx) == 0:
        return out
    lo = np.maximum(t - WINDOW + 1, prep.m_start[idx])
    hidden = np.zeros(len(idx))
    for a0 in range(0, WINDOW, STEP):
        day_lo, day_hi = t - a0 - STEP + 1, t - a0
        inside = day_hi >= lo
        p = _end_probability(prep, surv, idx, np.maximum(day_lo, lo), day_hi)
        # the end's chance to fall here, given active at the window start, times unregistered
        gone = _end_probability(prep, surv, idx, lo, np.maximum(day_lo - 1, lo - 1))
        unregistered = 1 - registered_share(lag, a0, a0 + STEP)
        hidden += np.where(inside, (1 - gone) * level * p * unregistered, 0.0)
    still = 1 - _end_probability(prep, surv, idx, lo, np.full(len(idx), t))
    out[idx] = hidden / np.maximum(still + hidden, 1e-12)
    return out
