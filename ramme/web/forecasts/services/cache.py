"""The prepared data (arrays of the whole database) and forecasts, cached per process.

Preparing reads every table; a page view should not do that each time. The cache is keyed
on the latest import (id and time), so a new import is seen at once; tests and commands
that change rows directly call ``clear()``.
"""

from __future__ import annotations

from datetime import date

from ramme.core.forecast import Forecast, Prepared, forecast
from ramme.web.data.dataset import load_prepared
from ramme.web.data.models import ImportRun

_prepared: dict[object, Prepared] = {}
_forecasts: dict[tuple[object, date, int, int], Forecast] = {}
MAX_FORECASTS = 64


def _key() -> object:
    run = ImportRun.objects.order_by("-pk").values_list("pk", "started_at").first()
    return run


def clear() -> None:
    """Forget the cached data (after changing rows outside an import)."""
    _prepared.clear()
    _forecasts.clear()


def prepared() -> Prepared:
    """The database as forecast arrays, prepared once per import."""
    key = _key()
    if key not in _prepared:
        clear()
        _prepared[key] = load_prepared()
    return _prepared[key]


def cached_forecast(as_of: date, simulations: int, seed: int) -> Forecast:
    """``forecast(prepared(), as_of)``, computed once per import, date and settings."""
    prep = prepared()
    key = (_key(), as_of, simulations, seed)
    if key not in _forecasts:
        if len(_forecasts) >= MAX_FORECASTS:
            _forecasts.pop(next(iter(_forecasts)))
        _forecasts[key] = forecast(prep, as_of, simulations=simulations, seed=seed)
    return _forecasts[key]
