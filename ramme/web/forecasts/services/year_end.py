"""The year-end forecast of the budget follow-up as ``ramme forecast``, the API and the
pages all read it: its as-of date, its settings, the action-plan rule and its JSON.

Apart from ``followup`` (the page's figures: bridge, explanations, simple methods, charts)
so that reading a stored forecast imports none of that (issue 12: ``ramme forecast --json``
as a new process).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Max

from ramme.core.forecast import Forecast
from ramme.core.periods import month_end
from ramme.core.plans.trigger import TriggerResult, action_plan_required
from ramme.web.data.models import Posting
from ramme.web.forecasts.services import cache, known, snapshots

DEFAULT_SIMULATIONS = 200


def default_as_of() -> date:
    """The month end of the latest posting date (today's month end without postings)."""
    latest = Posting.objects.aggregate(day=Max("date"))["day"]
    return month_end(latest or date.today())


def default_simulations() -> int:
    """Paths of the band: ``RAMME_FORECAST_SIMULATIONS`` in settings, else 200."""
    return int(getattr(settings, "RAMME_FORECAST_SIMULATIONS", DEFAULT_SIMULATIONS))


def compute_forecast(
    as_of: date, *, simulations: int | None = None, seed: int = 0, known_at: int | None = None
) -> Forecast:
    """The year-end forecast on ``as_of`` from the database (cached per process);
    ``known_at``: from the data as it stood after that import (raises UnknownImport)."""
    sims = default_simulations() if simulations is None else simulations
    if known_at is not None:
        return known.forecast_known_at(known_at, as_of, sims, seed)
    return cache.cached_forecast(as_of, sims, seed)


def action_plan(fc: Forecast) -> TriggerResult:
    """The action-plan rule on the frame: overspend = forecast − corrected budget."""
    return action_plan_required(fc.total.forecast - fc.total.budget, fc.total.budget)


def forecast_payload(fc: Forecast) -> dict[str, Any]:
    """``fc.to_dict()`` plus ``action_plan``: the JSON of ``ramme forecast --json``."""
    trigger = action_plan(fc)
    return fc.to_dict() | {"action_plan": {"required": trigger.required, "reason": trigger.reason}}


def save_snapshot(fc: Forecast, username: str = "") -> None:
    """Save ``fc`` as the snapshot of its as-of date (replacing an earlier one)."""
    snapshots.save(fc, forecast_payload(fc), username)
