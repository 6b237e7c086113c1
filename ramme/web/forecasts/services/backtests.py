"""The backtest of the forecast on the database: ``ramme backtest`` and the API call this."""

from __future__ import annotations

from collections.abc import Callable

from ramme.core.forecast.backtest import BacktestResult, backtest
from ramme.web.forecasts.services import cache
from ramme.web.forecasts.services.year_end import default_simulations

ALL_MONTHS = tuple(range(1, 13))


class BacktestUnavailable(ValueError):
    """No data, or no budget for the year (Danish message)."""


def run_backtest(
    year: int,
    *,
    months: tuple[int, ...] = ALL_MONTHS,
    simulations: int | None = None,
    seed: int = 0,
    progress: Callable[[int], None] | None = None,
) -> BacktestResult:
    """Forecast each month end of ``year`` from the data known then; compare with outturn."""
    prep = cache.prepared()
    if not prep.activities:
        raise BacktestUnavailable("Der er ingen data. Indlæs først med 'ramme import MAPPE'.")
    if not any(b.year == year for b in prep.master.budgets):
        raise BacktestUnavailable(f"Der er intet budget for {year}; vælg et år med data.")
    sims = default_simulations() if simulations is None else simulations
    return backtest(prep, year, months=months, simulations=sims, seed=seed, progress=progress)
