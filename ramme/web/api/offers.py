"""``GET /api/v1/offers``: internal offers month by month (as the internal-offers page)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from ramme.web.api.common import Value
from ramme.web.benchmark import figures
from ramme.web.benchmark.serialize import offers_json
from ramme.web.front.danish_input import default_as_of

router = Router(tags=["interne tilbud"])


class OfferMonthOut(Schema):
    month: str  # ÅÅÅÅ-MM
    places: Value
    occupied: Value
    occupancy: Value
    children: Value
    waiting: Value
    caseload: Value
    cost_per_place: Value
    external_price: Value


class OfferOut(Schema):
    provider_id: str
    name: str
    measure_types: list[str]
    compared_with: list[str]
    months: list[OfferMonthOut]


@router.get("", response=list[OfferOut], summary="Interne tilbud pr. måned")
def offers(request: HttpRequest, as_of: date | None = None) -> list[dict[str, Any]]:
    day = as_of or default_as_of()
    return offers_json(figures.offers(day, figures.months_to(day)))
