"""State refund for especially expensive cases (statsrefusion, særligt dyre enkeltsager).

Per child and year: 25 % of the cost above threshold 1, 50 % above threshold 2, 75 % above
threshold 3. Thresholds from docs (domain.md, marked "verify"): 2021 and 2022 as stated,
price-regulated by the world's index after. Booked as negative dranst 2 postings, per the
world's habit: quarterly on account, one lump the year after, or in the supplementary period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from ramme.worlds.costs import month_bounds
from ramme.worlds.prices import level
from ramme.worlds.spec import WorldSpec

THRESHOLDS = {
    2021: (850_000.0, 1_660_000.0, 2_090_000.0),
    2022: (860_000.0, 1_680_000.0, 2_120_000.0),
}
SHARES = (0.25, 0.5, 0.75)


@dataclass(frozen=True)
class Refund:
    child_id: str
    year: int
    booked: date
    amount: float  # negative: income


def thresholds(spec: WorldSpec, year: int) -> tuple[float, ...]:
    if year in THRESHOLDS:
        return THRESHOLDS[year]
    base = 2022 if year > 2022 else 2021
    return tuple(t * level(spec, base, year) for t in THRESHOLDS[base])


def refund_of(cost: float, tiers: tuple[float, ...]) -> float:
    """The refund of a year's cost for one child (positive)."""
    bounds = (*tiers, float("inf"))
    return sum(
        share * max(0.0, min(cost, bounds[i + 1]) - bounds[i]) for i, share in enumerate(SHARES)
    )


def refunds(
    spec: WorldSpec, costs: dict[str, dict[int, float]], rng: np.random.Generator
) -> list[Refund]:
    """``costs``: child → month index → cost. The refund postings of every child-year."""
    if spec.refunds == "none":
        return []
    out = []
    for child, months in sorted(costs.items()):
        for year in range(spec.first_year, spec.last_year + 1):
            tiers = thresholds(spec, year)
            by_month = [months.get(year * 12 + m, 0.0) for m in range(12)]
            if refund_of(sum(by_month), tiers) <= 0:
                continue
            out += _booked(spec, child, year, by_month, tiers, rng)
    return out


def _booked(
    spec: WorldSpec,
    child: str,
    year: int,
    by_month: list[float],
    tiers: tuple[float, ...],
    rng: np.random.Generator,
) -> list[Refund]:
    total = refund_of(sum(by_month), tiers)
    if spec.refunds == "lump":
        booked = date(year + 1, 4, 1) + timedelta(days=int(rng.integers(0, 75)))
        return [Refund(child, year, booked, -total)]
    if spec.refunds == "supplementary":
        booked = date(year + 1, 1, 20) + timedelta(days=int(rng.integers(0, 20)))
        return [Refund(child, year, booked, -total)]
    out, claimed = [], 0.0
    for quarter in range(4):  # on account of the cost so far, settled with the last quarter
        so_far = refund_of(sum(by_month[: quarter * 3 + 3]), tiers)
        if so_far - claimed > 0:
            end = month_bounds(year * 12 + quarter * 3 + 2)[1]
            booked = end + timedelta(days=int(rng.integers(30, 76)))
            out.append(Refund(child, year, booked, -(so_far - claimed)))
            claimed = so_far
    return out
