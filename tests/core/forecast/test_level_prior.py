"""The registration-delay fit with the level held near earlier years' (level_prior.py)."""

from __future__ import annotations

import numpy as np

from ramme.core.forecast import level_prior
from ramme.core.forecast.data import FloatArray
from ramme.core.forecast.level_prior import LevelPrior, fit, learn_prior
from ramme.core.forecast.pending import BIN, deficit, fit_delay, registered_share

BINS = 8


def _shares(lag: float) -> np.ndarray:
    return np.array([registered_share(lag, a, a + BIN) for a in range(0, BIN * BINS, BIN)])


def _counts(
    rng: np.random.Generator, per_bin: float, lag: float, level: float = 1.0
) -> tuple[FloatArray, FloatArray, float]:
    """Registered events per recency bin of a small municipality, the expected ones and how
    many are in truth still unregistered."""
    expected = np.full(BINS, per_bin)
    observed = rng.poisson(level * expected * _shares(lag)).astype(float)
    return observed, expected, float((level * expected * (1 - _shares(lag))).sum())


def test_in_a_small_municipality_the_prior_finds_missing_starts_the_shape_alone_does_not() -> None:
    rng = np.random.default_rng(3)
    prior = LevelPrior(0.0, 0.1)
    with_prior, shape_only = [], []
    for _ in range(200):
        observed, expected, truth = _counts(rng, 8.0, 45.0)
        with_prior.append(abs(fit(observed, expected, prior).missing - truth) / truth)
        lag = fit_delay(observed, expected)
        free = deficit(observed, expected, lag) if lag else 0.0
        shape_only.append(abs(free - truth) / truth)
    assert np.mean(with_prior) < 0.6 * np.mean(shape_only)
    assert np.median(with_prior) < 0.35


def test_the_fitted_delay_is_near_the_true_one_where_the_level_is_as_before() -> None:
    rng = np.random.default_rng(5)
    lags = [fit(*_counts(rng, 8.0, 45.0)[:2], LevelPrior(0.0, 0.1)).lag for _ in range(100)]
    assert 30 <= np.median(lags) <= 65


def test_a_drop_in_a_municipality_whose_intake_often_moves_that_much_is_no_delay() -> None:
    rng = np.random.default_rng(9)
    found = [fit(*_counts(rng, 8.0, 0.0, 0.6)[:2], LevelPrior(0.0, 0.5)).lag for _ in range(100)]
    assert np.mean(np.array(found) > 0) < 0.2


def test_events_on_time_give_no_delay_and_nothing_missing() -> None:
    rng = np.random.default_rng(13)
    fits = [fit(*_counts(rng, 8.0, 0.0)[:2], LevelPrior(0.0, 0.1)) for _ in range(100)]
    assert np.mean([f.lag > 0 for f in fits]) < 0.15
    assert all(f.missing == 0.0 for f in fits if f.lag == 0.0)


def test_the_prior_is_learned_from_earlier_windows_shrunk_with_one_pseudo_window() -> None:
    assert learn_prior(np.array([]), np.array([])) is None
    prior = learn_prior(np.array([120.0, 80.0]), np.array([100.0, 100.0]))
    assert prior is not None
    z = np.log([1.2, 0.8])
    assert prior.centre == z.sum() / 3
    assert level_prior.SPREAD_FLOOR <= prior.spread < level_prior.PRIOR_SPREAD
    steady = learn_prior(np.full(4, 100.0), np.full(4, 100.0))
    assert steady is not None and steady.spread < prior.spread
