"""Small helpers the routers share: the as-of date, a forecast that needs data."""

from __future__ import annotations

from datetime import date

from django.http import Http404

from ramme.core.forecast import Forecast
from ramme.web.data.models import ActivityLine
from ramme.web.forecasts.services import followup

NO_DATA = "Der er ingen data endnu: indlæs først månedens filer."


def require_data() -> None:
    if not ActivityLine.objects.exists():
        raise Http404(NO_DATA)


def forecast_on(as_of: date | None) -> Forecast:
    """The forecast on ``as_of`` (default: month end of the latest posting), as the CLI's."""
    require_data()
    return followup.compute_forecast(as_of or followup.default_as_of())
