"""What a perfectly calibrated band would score on the harness (orakelbånd, pure numpy).

Issue 9 asks that on every world the frame's P10-P90 band hold 70-90 % of the outturns at
the month ends of a year. The month ends of one year are not independent draws: the
outturn is the forecast of 31 January plus every surprise of the eleven months after it,
and the forecast of 30 June shares the last six of them. So even an oracle, whose band is
exactly the P10-P90 of the surprises still to come, misses on runs of month ends in a year
that turned out unusual, and holds all twelve in a quiet one.

This module simulates that oracle: a year of twelve monthly surprises and one for the
supplementary period (normal, independent, the given variances), the band at each month
end from the surprises after it. It tells how often the oracle passes the per-world
criterion, and the range in which its coverage pooled over a group of worlds falls, so the
harness (bench/worlds.py) judges ramme's band against what an honest band can do, not
against 80 % hit on every world; and the accuracy page tells the economist how far one
year's coverage of an honest band strays (``one_year_range``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from statistics import NormalDist

import numpy as np

from ramme.core.forecast.data import FloatArray

Z90 = NormalDist().inv_cdf(0.9)
MONTHS = 12
SUPPLEMENTARY = 0.05  # the supplementary period's surprise, as a share of the year's variance


@dataclass(frozen=True)
class OracleBand:
    """The oracle's frame coverage per simulated world (one row per world, in %)."""

    coverage: FloatArray

    def pass_probability(self, low: float = 70.0, high: float = 90.0) -> float:
        """The share of worlds whose coverage lies within [low, high] (the criterion)."""
        ok = (self.coverage >= low - 1e-9) & (self.coverage <= high + 1e-9)
        return float(ok.mean())

    def central(self, spread: float = 0.9) -> tuple[float, float]:
        """The central ``spread`` range of one world's coverage."""
        return _central(self.coverage, spread)

    def pooled_range(self, worlds: int, spread: float = 0.9) -> tuple[float, float]:
        """The central ``spread`` range of the coverage pooled over ``worlds`` worlds."""
        usable = len(self.coverage) // worlds * worlds
        return _central(self.coverage[:usable].reshape(-1, worlds).mean(axis=1), spread)


def _central(values: FloatArray, spread: float) -> tuple[float, float]:
    tail = (1 - spread) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return float(low), float(high)


def monthly_variances(supplementary: float = SUPPLEMENTARY) -> FloatArray:
    """Equal surprises per month, and the supplementary period's share of the year's."""
    return np.append(np.ones(MONTHS), supplementary * MONTHS)


def simulate(
    years: int, *, variances: FloatArray | None = None, worlds: int = 50_000, seed: int = 1
) -> OracleBand:
    """The oracle's coverage over the month ends of ``years`` years in ``worlds`` worlds."""
    var = monthly_variances() if variances is None else np.asarray(variances, dtype=np.float64)
    rng = np.random.default_rng(seed)
    hits = np.zeros((worlds, years * MONTHS))
    # the spread of what is still to come after each month end (surprises m+1 .. the end)
    still = np.sqrt(np.cumsum(var[::-1])[::-1][1:])
    for year in range(years):
        surprises = rng.standard_normal((worlds, len(var))) * np.sqrt(var)
        to_come = np.cumsum(surprises[:, ::-1], axis=1)[:, ::-1][:, 1:]  # (worlds, 12)
        hits[:, year * MONTHS : (year + 1) * MONTHS] = np.abs(to_come) <= Z90 * still
    return OracleBand(100 * hits.mean(axis=1))


@cache
def one_year_range(spread: float = 0.9) -> tuple[float, float]:
    """Where an honest band's frame coverage of one year's twelve month ends lies in
    ``spread`` of the years (seeded, so every page and process shows the same figures)."""
    return simulate(1, worlds=20_000).central(spread)
