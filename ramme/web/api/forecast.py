"""``GET /api/v1/forecast``: the year-end forecast, the same JSON as ``ramme forecast --json``."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from ramme.web.accounts.disclosure import line_disclosure
from ramme.web.api.auth import api_user
from ramme.web.api.common import disclosed, forecast_on
from ramme.web.forecasts.services import year_end

router = Router(tags=["prognose"])


class Components(Schema):
    """What the forecast is made of (kr.): actual + these = forecast."""

    committed: float
    outflow: float
    inflow: float
    inflow_count: float
    billing_lag: float
    refunds: float
    other: float
    calibration: float  # what the calibration on earlier years adds (docs/forecast.md)


class Figures(Schema):
    """Corrected and adopted budget, booked to date, expected year end and its band (kr.).

    ``null`` in place of the case figures: they rest on 1-4 children the caller may not
    see, or would give such figures away (diskretionering, ``ramme.core.disclosure``)."""

    budget: float
    adopted: float
    actual: float | None
    forecast: float | None
    p10: float | None
    p50: float | None
    p90: float | None
    variance: float | None
    components: Components | None


class LineFigures(Figures):
    activity: str
    ladder_step: str
    method: str


class ActionPlanRule(Schema):
    required: bool
    reason: str


class LineCalibration(Schema):
    case_based: float | None  # the case-based estimate before calibration (kr.); null: hidden
    case_based_ratio: float  # its learned ratio to the outturn in earlier years
    weights: dict[str, float]  # method -> weight in the combination
    switched: bool  # a simple method took the line's place


class Calibration(Schema):
    """How the forecast was calibrated on the municipality's earlier years."""

    years: list[int]
    band_scores: int
    lines: dict[str, LineCalibration]


class AgeLimitOverruled(Schema):
    """A measure type whose measures went on past 18 in the data: they run to 23."""

    measure_type: str
    went_on: int
    stopped: int


class Registration(Schema):
    """Ends and starts not yet registered, as learned from the data (0 days: none seen)."""

    end_lag: float
    ended_unregistered: float
    end_effect: float
    start_lag: float
    started_unregistered: float
    start_effect: float


class ForecastOut(Schema):
    as_of: date
    year: int
    lines: list[LineFigures]
    total: Figures
    calibration: Calibration | None
    age_limits_overruled: list[AgeLimitOverruled]
    registration: Registration | None
    action_plan: ActionPlanRule


@router.get("", response=ForecastOut, summary="Forventet regnskab (prognose)")
def forecast(
    request: HttpRequest, as_of: date | None = None, known_at: int | None = None
) -> dict[str, Any]:
    """Per activity line and for the frame; ``as_of`` defaults to the month end of the
    latest posting, as in the CLI; ``known_at`` (an import's number in the import history)
    re-runs it on the data as known after that import, as ``ramme forecast --known-at``."""
    fc = forecast_on(as_of, known_at)
    return disclosed(year_end.forecast_payload(fc), line_disclosure(api_user(request), fc))
