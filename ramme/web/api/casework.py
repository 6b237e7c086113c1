"""``GET /api/v1/casework``: notifications and investigations per month, per team, and the
indicator «5 % færre børnefaglige undersøgelser» (as the notifications page)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from ramme.web.api.common import Value
from ramme.web.benchmark import figures
from ramme.web.benchmark.serialize import casework_json
from ramme.web.front.danish_input import default_as_of

router = Router(tags=["underretninger"])


class MonthOut(Schema):
    month: str  # ÅÅÅÅ-MM
    notifications: Value
    followed_share: Value
    started: Value
    finished: Value
    in_time_share: Value
    overdue: Value


class IndicatorYearOut(Schema):
    year: int
    through: date
    investigations: int
    previous: int
    change: float | None
    goal: float
    achieved: bool | None


class CaseworkOut(Schema):
    has_end_dates: bool
    months: list[MonthOut]
    teams: dict[str, list[MonthOut]]
    indicator: list[IndicatorYearOut]


@router.get("", response=CaseworkOut, summary="Underretninger og undersøgelser pr. måned")
def casework(request: HttpRequest, as_of: date | None = None) -> dict[str, Any]:
    day = as_of or default_as_of()
    return casework_json(figures.casework_figures(day, figures.months_to(day)))
