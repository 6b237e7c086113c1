"""Small helpers the routers share: the as-of date, a forecast that needs data."""

from __future__ import annotations

from datetime import date

from django.http import Http404

from ramme.core.forecast import Forecast
from ramme.web.data.models import ActivityLine
from ramme.web.forecasts.services import followup
from ramme.web.forecasts.services.known import UnknownImport

NO_DATA = "Der er ingen data endnu: indlæs først månedens filer."


def require_data() -> None:
    if not ActivityLine.objects.exists():
        raise Http404(NO_DATA)


def forecast_on(as_of: date | None, known_at: int | None = None) -> Forecast:
    """The forecast on ``as_of`` (default: month end of the latest posting), as the CLI's;
    ``known_at``: on the data as known after that import (404 if there is none)."""
    require_data()
    try:
        return followup.compute_forecast(as_of or followup.default_as_of(), known_at=known_at)
    except UnknownImport as error:
        raise Http404(str(error)) from error
