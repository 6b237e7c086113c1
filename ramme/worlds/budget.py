"""Budgets set the way municipalities set them: last year's outturn, planned growth, and a
planning error; corrections during the year move part of the way towards the outturn."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import numpy as np

from ramme.worlds.spec import WorldSpec


@dataclass(frozen=True)
class BudgetRow:
    year: int
    activity: str
    kind: str  # vedtaget, korrigeret
    date: date | None
    amount: Decimal


def _round(value: float) -> Decimal:
    return Decimal(int(round(value, -3)))


def budgets(
    spec: WorldSpec, outturns: dict[int, dict[str, Decimal]], lines: list[str]
) -> list[BudgetRow]:
    """Adopted and dated corrected budgets per year and line."""
    rng = np.random.default_rng(spec.seed + 2)
    rows = []
    for year in range(spec.first_year, spec.last_year + 1):
        for line in lines:
            actual = float(outturns[year].get(line, Decimal(0)))
            before = outturns.get(year - 1, {}).get(line)
            anchor = float(before) * (1 + spec.budget_growth) if before is not None else actual
            error = spec.budget_error * (1 if before is not None else 2)
            adopted = anchor * (1 + float(rng.normal(0.0, error)))
            rows.append(BudgetRow(year, line, "vedtaget", None, _round(adopted)))
            for month, day, weight in spec.corrections:
                noise = float(rng.normal(0.0, spec.budget_error / 2)) * abs(adopted)
                corrected = adopted + weight * (actual - adopted) + noise
                rows.append(
                    BudgetRow(year, line, "korrigeret", date(year, month, day), _round(corrected))
                )
    return rows
