"""The backtest of the forecast on the database: ``ramme backtest`` and the API call this."""

from __future__ import annotations

from ramme.core.forecast import BacktestResult, backtest
from ramme.web.forecasts.services import cache

ALL_MONTHS = tuple(range(1, 13))
DEFAULT_SIMULATIONS = 200


class BacktestUnavailable(ValueError):
    """No data, or no budget for the year (Danish message)."""


def run_backtest(
    year: int,
    *,
    months: tuple[int, ...] = ALL_MONTHS,
    simulations: int = DEFAULT_SIMULATIONS,
    seed: int = 0,
) -> BacktestResult:
    """Forecast each month end of ``year`` from the data known then; compare with outturn."""
    prep = cache.prepared()
    if not prep.activities:
        raise BacktestUnavailable("Der er ingen data. Indlæs først med 'ramme import MAPPE'.")
    if not any(b.year == year for b in prep.dataset.budgets):
        raise BacktestUnavailable(f"Der er intet budget for {year}; vælg et år med data.")
    return backtest(prep, year, months=months, simulations=simulations, seed=seed)
