"""Forecasts on the data as known after an earlier import (kendt efter import nr. N).

A past version of the data never changes, so its prepared arrays and forecasts are kept per
import number (a few, the newest used last) beside the cache of the current data.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from ramme.core.forecast import Forecast, Prepared, forecast
from ramme.core.periods import format_date
from ramme.web.data.dataset import load_prepared
from ramme.web.data.models import ImportRun
from ramme.web.data.versions import Corrected, Known, import_exists

MAX_VERSIONS = 6
_prepared: dict[Known, Prepared] = {}
_forecasts: dict[tuple[Known, date, int, int], Forecast] = {}


class UnknownImport(ValueError):
    """No successful import has that number."""

    def __init__(self, number: int) -> None:
        super().__init__(f"Der er ingen gennemført import nr. {number} i importhistorikken.")


def prepared_known_at(number: Known) -> Prepared:
    """The forecast arrays of the data as it stood after import ``number``."""
    if number not in _prepared:
        parts = (number.number, number.existed_at) if isinstance(number, Corrected) else (number,)
        for part in parts:
            if not import_exists(part):
                raise UnknownImport(part)
        if len(_prepared) >= MAX_VERSIONS:
            oldest = next(iter(_prepared))
            del _prepared[oldest]
            for key in [k for k in _forecasts if k[0] == oldest]:
                del _forecasts[key]
        _prepared[number] = load_prepared(known_at=number)
    return _prepared[number]


def forecast_known_at(number: Known, as_of: date, simulations: int, seed: int) -> Forecast:
    """``forecast`` on ``as_of`` from the data as known after import ``number``."""
    prep = prepared_known_at(number)
    key = (number, as_of, simulations, seed)
    if key not in _forecasts:
        _forecasts[key] = forecast(prep, as_of, simulations=simulations, seed=seed)
    return _forecasts[key]


def clear() -> None:
    """Forget the kept versions (tests roll back rows, and numbers may repeat)."""
    _prepared.clear()
    _forecasts.clear()


def known_label(number: int) -> str:
    """The Danish line naming the version: «Data som kendt efter import nr. 3, 12.03.2024»."""
    run = ImportRun.objects.filter(pk=number).values_list("finished_at", "started_at").first()
    when = (run[0] or run[1]) if run else None
    day = f", {format_date(timezone.localdate(when))}" if when else ""
    return f"Data som kendt efter import nr. {number}{day}"
