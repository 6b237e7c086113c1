"""Budgets per activity line and year: adopted ≈ last year's spending, then corrections.

Spending grows with prices and volume, so an adopted budget at last year's level gives the
few-percent overspend on the frame the documents show; the June correction (2nd budget
follow-up) and, for some lines, the November one move it a little.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ramme.demo import days as d
from ramme.demo.ledger import Ledger
from ramme.demo.parameters import BudgetParams


@dataclass(frozen=True)
class BudgetRow:
    year: int
    activity: str
    kind: str  # vedtaget | korrigeret
    amount: float
    date: int | None = None


def spending(ledger: Ledger, n_lines: int, years: range) -> np.ndarray:
    """Spending (line × year) by booking date, refunds included."""
    p = ledger.postings
    year = d.years_of(p.date)
    out = np.zeros((n_lines, len(years)))
    ok = (year >= years.start) & (year < years.stop)
    np.add.at(out, (p.line[ok], year[ok] - years.start), p.amount[ok])
    return out


def make_budget(
    rng: np.random.Generator,
    ledger: Ledger,
    lines: list[str],
    first_year: int,
    last_year: int,
    params: BudgetParams,
) -> list[BudgetRow]:
    years = range(first_year - 1, last_year + 1)
    spent = spending(ledger, len(lines), years)
    rows: list[BudgetRow] = []
    for year in range(first_year, last_year + 1):
        for li, name in enumerate(lines):
            base = spent[li, year - years.start - 1] or spent[li, year - years.start]
            adopted = round(base * (1 + rng.normal(*params.adopted_change)), -3)
            rows.append(BudgetRow(year, name, "vedtaget", adopted))
            corrected = adopted
            for i, (month, dom, mean, sd) in enumerate(params.corrections):
                if i > 0 and rng.random() >= params.second_correction_share:
                    continue
                corrected = round(corrected * (1 + rng.normal(mean, sd)), -3)
                rows.append(BudgetRow(year, name, "korrigeret", corrected, d.day(year, month, dom)))
    return rows
