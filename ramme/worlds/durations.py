"""Sampling of duration distributions (days), each kind a small function in a registry."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ramme.worlds.spec import Duration

Sampler = Callable[[Duration, np.random.Generator, int], np.ndarray]


def _exponential(d: Duration, rng: np.random.Generator, n: int) -> np.ndarray:
    return rng.exponential(d.a, n)


def _weibull(d: Duration, rng: np.random.Generator, n: int) -> np.ndarray:
    return rng.weibull(d.a, n) * d.b


def _lognormal(d: Duration, rng: np.random.Generator, n: int) -> np.ndarray:
    return np.exp(rng.normal(np.log(d.a), d.b, n))


def _pareto(d: Duration, rng: np.random.Generator, n: int) -> np.ndarray:
    # numpy's pareto is the Lomax form; + 1 gives the classic Pareto with minimum b
    return (rng.pareto(d.a, n) + 1.0) * d.b


def _gamma(d: Duration, rng: np.random.Generator, n: int) -> np.ndarray:
    return rng.gamma(d.a, d.b, n)


def _fixed(d: Duration, rng: np.random.Generator, n: int) -> np.ndarray:
    return d.a + rng.uniform(-d.b, d.b, n)


def _mixture(d: Duration, rng: np.random.Generator, n: int) -> np.ndarray:
    weights = np.array([w for w, _ in d.parts], dtype=float)
    pick = rng.choice(len(d.parts), size=n, p=weights / weights.sum())
    out = np.empty(n)
    for i, (_, part) in enumerate(d.parts):
        chosen = pick == i
        out[chosen] = sample(part, rng, int(chosen.sum()))
    return out


SAMPLERS: dict[str, Sampler] = {
    "exponential": _exponential,
    "weibull": _weibull,
    "lognormal": _lognormal,
    "pareto": _pareto,
    "gamma": _gamma,
    "fixed": _fixed,
    "mixture": _mixture,
}


def sample(d: Duration, rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` durations in whole days, at least one."""
    return np.maximum(np.rint(SAMPLERS[d.kind](d, rng, n)), 1.0)


def mean_days(d: Duration, cap: float = 8 * 365.0) -> float:
    """The mean duration, capped as the age limits cap it (for intake rates)."""
    rng = np.random.default_rng(12345)
    return float(np.minimum(sample(d, rng, 20_000), cap).mean())
