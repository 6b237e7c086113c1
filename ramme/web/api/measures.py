"""``GET /api/v1/measures/{measure_id}``: one measure with prices and postings.

404 unless the caller may see the case (the refusal is logged, as is the read)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from ramme.web.accounts.access import get_measure_for_user
from ramme.web.api.auth import api_user
from ramme.web.api.lines import MeasureForecast
from ramme.web.data.models import Measure
from ramme.web.forecasts.services import year_end

router = Router(tags=["indsatser"])


class PriceOut(Schema):
    """A price (takst) for a period: base price or supplement (tillæg), in kr. per unit."""

    valid_from: date
    valid_to: date | None
    kind: str
    amount: float
    unit: str
    hours_per_week: float | None
    negotiated: bool | None
    note: str


class PostingOut(Schema):
    posting_id: str
    date: date
    account: str
    dranst: int
    cost_center: str
    amount: float
    text: str


class MeasureOut(Schema):
    measure_id: str
    measure_type: str
    measure_type_name: str
    activity: str
    caseworker: str
    team: str
    provider_id: str | None
    provider_name: str | None
    start_date: date
    end_date: date | None
    planned_end_date: date | None
    legal_basis: str
    approved_by: str
    approved_at: date | None
    as_of: date
    forecast: MeasureForecast | None  # None when the measure is not in the as-of year
    prices: list[PriceOut]
    postings: list[PostingOut]  # booked up to and including as_of, newest first


def _facts(measure: Measure) -> dict[str, Any]:
    kind, provider = measure.measure_type, measure.provider
    return {
        "measure_id": measure.measure_id,
        "measure_type": kind.code,
        "measure_type_name": kind.name,
        "activity": kind.activity.name,
        "caseworker": measure.child.caseworker,
        "team": measure.child.team,
        "provider_id": provider.provider_id if provider else None,
        "provider_name": provider.name if provider else None,
        "start_date": measure.start_date,
        "end_date": measure.end_date,
        "planned_end_date": measure.planned_end_date,
        "legal_basis": measure.legal_basis,
        "approved_by": measure.approved_by,
        "approved_at": measure.approved_at,
    }


@router.get("/{measure_id}", response=MeasureOut, summary="Én indsats med takster og posteringer")
def measure(request: HttpRequest, measure_id: str, as_of: date | None = None) -> dict[str, Any]:
    found = get_measure_for_user(api_user(request), measure_id)  # 404 unless visible; logged
    day = as_of or year_end.default_as_of()
    fc = year_end.compute_forecast(day)
    detail = next((r for r in fc.measures.rows() if r["measure_id"] == measure_id), None)
    postings = found.posting_set.filter(date__lte=day).order_by("-date", "posting_id")
    return _facts(found) | {
        "as_of": day,
        "forecast": detail,
        "prices": found.prices.order_by("valid_from", "kind"),
        "postings": postings,
    }
