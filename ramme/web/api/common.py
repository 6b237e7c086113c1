"""Small helpers the routers share: the as-of date, a forecast that needs data."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import Http404

from ramme.core.disclosure import TableDisclosure
from ramme.core.forecast import Forecast
from ramme.web.data.models import ActivityLine
from ramme.web.forecasts.services import year_end
from ramme.web.forecasts.services.known import UnknownImport

NO_DATA = "Der er ingen data endnu: indlæs først månedens filer."
# a figure that may be hidden: "<5"/"–" when fewer than five children lie behind it
Value = float | str | None


def require_data() -> None:
    if not ActivityLine.objects.exists():
        raise Http404(NO_DATA)


def forecast_on(as_of: date | None, known_at: int | None = None) -> Forecast:
    """The forecast on ``as_of`` (default: month end of the latest posting), as the CLI's;
    ``known_at``: on the data as known after that import (404 if there is none)."""
    require_data()
    try:
        return year_end.compute_forecast(as_of or year_end.default_as_of(), known_at=known_at)
    except UnknownImport as error:
        raise Http404(str(error)) from error


# the figures that rest on cases; budgets are decided by the council and stay
CASE_FIGURES = ("actual", "forecast", "p10", "p50", "p90", "variance", "components")


def hidden_figures(figures: dict[str, Any]) -> dict[str, Any]:
    return figures | dict.fromkeys(CASE_FIGURES)


def disclosed(payload: dict[str, Any], hide: TableDisclosure[str, str]) -> dict[str, Any]:
    """``payload`` (the forecast JSON) with what ``hide`` keeps from the caller ``null``."""
    lines = [hidden_figures(x) if hide.hides(x["activity"]) else x for x in payload["lines"]]
    total = hidden_figures(payload["total"]) if hide.total_hidden else payload["total"]
    calibration = payload.get("calibration")
    if calibration:  # the case-based estimate per line is a case figure too
        per_line = {
            name: line | {"case_based": None} if hide.hides(name) else line
            for name, line in calibration["lines"].items()
        }
        calibration = calibration | {"lines": per_line}
    return payload | {"lines": lines, "total": total, "calibration": calibration}
