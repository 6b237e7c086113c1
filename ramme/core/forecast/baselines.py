"""The simple methods municipalities use today (simple.py), side by side with the forecast
per line and for the frame, and how far apart they are."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import numpy as np

from ramme.core.forecast.data import Prepared, prepare
from ramme.core.forecast.engine import budgets, forecast
from ramme.core.forecast.lag import booked
from ramme.core.forecast.results import Forecast, kr
from ramme.core.forecast.simple import cases_x_price, periodised, run_rate
from ramme.core.records import Dataset

METHODS = ("case_based", "run_rate", "cases_x_price", "periodised")
METHOD_LABELS = {
    "case_based": "Sagsbaseret prognose",
    "run_rate": "Fremskrivning af forbrug",
    "cases_x_price": "Helårssager × gennemsnitspris",
    "periodised": "Periodiseret forbrug",
}


@dataclass(frozen=True)
class MethodsLine:
    """One line (or the frame) by every method, and how far apart they are."""

    activity: str
    budget: Decimal
    actual: Decimal
    figures: dict[str, Decimal]  # method -> expected year end

    @property
    def spread(self) -> Decimal:
        """Highest minus lowest expected year end across the methods."""
        return max(self.figures.values()) - min(self.figures.values())

    @property
    def spread_pct(self) -> Decimal | None:
        """The spread as percent of the corrected budget (None without a budget)."""
        if self.budget == 0:
            return None
        return (self.spread / abs(self.budget) * 100).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class SimpleMethods:
    as_of: date
    lines: tuple[MethodsLine, ...]
    total: MethodsLine


def simple_methods(
    data: Dataset | Prepared, as_of: date, case_based: Forecast | None = None
) -> SimpleMethods:
    """Every method per line and for the frame, with the spread between them."""
    prep = data if isinstance(data, Prepared) else prepare(data)
    fc = case_based or forecast(prep, as_of, simulations=0)
    corrected, _ = budgets(prep.master, as_of.year, prep.activities)
    actual = booked(prep, date(as_of.year, 1, 1).toordinal(), as_of.toordinal())
    values = {
        "case_based": np.array([float(line.forecast) for line in fc.lines]),
        "run_rate": run_rate(prep, as_of),
        "cases_x_price": cases_x_price(prep, as_of),
        "periodised": periodised(prep, as_of),
    }
    lines = tuple(
        MethodsLine(name, kr(corrected[i]), kr(actual[i]), {m: kr(values[m][i]) for m in METHODS})
        for i, name in enumerate(prep.activities)
    )
    total = MethodsLine(
        "I alt", kr(corrected.sum()), kr(actual.sum()), {m: kr(values[m].sum()) for m in METHODS}
    )
    return SimpleMethods(as_of, lines, total)
