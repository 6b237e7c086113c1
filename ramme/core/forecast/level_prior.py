"""The registration-delay fit with the window's level held near what earlier years showed.

``pending.fit_delay`` leaves the level of the recent window free, so that a year whose
events simply run below the reference is not taken for a delay; only the shape of the
shortfall counts. In a small municipality the shape of a few dozen events hardly tells a
delay of 40 days from one of 120 (the fitted delay jumped between those from month to
month on the held-out worlds), and when the events of the last four months are half of the
reference, a delay is by far the likelier reading unless the municipality's intake often
moves that much. How much it moves is learned from its own history: the same window in
earlier years against its reference year, all registered by now. The level then gets a
log-normal prior with that centre and spread, and delay and level are fitted together.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ramme.core.forecast.data import FloatArray
from ramme.core.forecast.pending import (
    BIN,
    DOUBT_FLOOR,
    DOUBT_SHARE,
    EVIDENCE,
    LAGS,
    LIKELY,
    registered_share,
)

PRIOR_SPREAD = 0.25  # the level's log spread assumed before any earlier window is seen
PRIOR_WINDOWS = 1.0  # pseudo-windows of that spread
SPREAD_FLOOR = 0.05  # never taken to know the level better than this
LOG_LEVELS = np.linspace(-2.0, 2.0, 401)  # the grid the level is profiled on


@dataclass(frozen=True)
class LevelPrior:
    """Log-normal prior on the window's level against its reference: centre and spread."""

    centre: float
    spread: float


@dataclass(frozen=True)
class DelayFit:
    """What the fit found: the delay, the window's level and the events it leaves missing."""

    lag: float  # mean delay in days; 0 when the data show none
    level: float  # the window's level against the reference
    missing: float  # events not yet registered in the window
    doubt: float  # relative standard deviation of ``missing``


def learn_prior(observed: FloatArray, expected: FloatArray) -> LevelPrior | None:
    """The prior from earlier windows' registered (``observed``) and expected counts; None
    when there is no earlier window (the level is then left free)."""
    ok = (observed > 0) & (expected > 0)
    if not ok.any():
        return None
    z = np.log(observed[ok] / expected[ok])
    n = float(ok.sum())
    centre = float(z.sum() / (n + PRIOR_WINDOWS))
    # the window's own Poisson noise is in the likelihood already; the reference's is not
    own = float((1 / observed[ok]).sum())
    spread2 = (float(((z - centre) ** 2).sum()) - own + PRIOR_WINDOWS * PRIOR_SPREAD**2) / (
        n + PRIOR_WINDOWS
    )
    return LevelPrior(centre, max(float(np.sqrt(max(spread2, 0.0))), SPREAD_FLOOR))


def shares(lag: float, bins: int) -> FloatArray:
    """The registered share of each ``BIN``-day recency bin for a delay of mean ``lag``."""
    return np.array([registered_share(lag, a, a + BIN) for a in range(0, BIN * bins, BIN)])


def _objective(observed: FloatArray, expected: FloatArray, prior: LevelPrior) -> FloatArray:
    """Per candidate delay (0 first, then ``LAGS``) and log level: deviance + prior term."""
    lags = np.concatenate([[0.0], LAGS])
    registered = np.array([shares(float(lag), len(observed)) for lag in lags])  # (lags, bins)
    mean = np.exp(LOG_LEVELS)[None, :, None] * (expected * registered)[:, None, :]
    mean = np.maximum(mean, 1e-9)
    with np.errstate(divide="ignore", invalid="ignore"):
        term = np.where(observed > 0, observed * np.log(observed / mean), 0.0)
    deviance = 2 * (term - (observed - mean)).sum(axis=2)  # (lags, levels)
    return np.asarray(deviance + ((LOG_LEVELS - prior.centre) / prior.spread) ** 2)


def fit(observed: FloatArray, expected: FloatArray, prior: LevelPrior) -> DelayFit:
    """Delay and level together; no delay unless it beats none by ``EVIDENCE``."""
    objective = _objective(observed, expected, prior)
    best_level = objective.argmin(axis=1)
    best = objective[np.arange(len(objective)), best_level]  # per delay
    lags = np.concatenate([[0.0], LAGS])
    i = int(best.argmin())
    if best[0] - best[i] <= EVIDENCE:
        return DelayFit(0.0, float(np.exp(LOG_LEVELS[best_level[0]])), 0.0, 0.0)
    levels = np.exp(LOG_LEVELS[best_level])
    missing = [
        float(levels[j] * (expected * (1 - shares(lag, len(observed)))).sum())
        for j, lag in enumerate(lags)
    ]
    likely = [missing[j] for j in range(len(lags)) if best[j] - best[i] <= LIKELY]
    doubt = DOUBT_SHARE * (max(likely) - min(likely)) / 2 / max(missing[i], 1e-9)
    return DelayFit(float(lags[i]), float(levels[i]), missing[i], max(doubt, DOUBT_FLOOR))
