"""The background task after an import, as the worker runs it, for the tests of what it
stores beside the forecast (review lists, data-quality findings)."""

from __future__ import annotations

from datetime import date

from ramme.web.forecasts.models import StoredForecast
from ramme.web.forecasts.services import cache, followup, precompute, stored


def run_task(as_of: date, simulations: int = 50) -> None:
    """Queue the forecasts the pages on ``as_of`` need, compute the day's own (it stores
    the other results too), then forget the process's memory as a new worker would."""
    version = cache.data_version()
    for day, sims in followup.needed_forecasts(as_of):
        stored.queue_row(version, day, sims, 0)
    precompute.compute(StoredForecast.objects.get(as_of=as_of, simulations=simulations).pk)
    cache.clear()  # a new worker: nothing in memory, the results in the database
