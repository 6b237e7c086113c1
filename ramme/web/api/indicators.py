"""``GET /api/v1/indicators``: key indicators (pejlemærker) with their monthly status."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from ramme.core.plans.indicators import IndicatorStatus
from ramme.web.front.danish_input import default_as_of
from ramme.web.plans import figures
from ramme.web.plans.loader import load_plan_data
from ramme.web.plans.models import Indicator

router = Router(tags=["pejlemærker"])


class PointOut(Schema):
    month: str  # ÅÅÅÅ-MM
    value: float | None
    achieved: bool | None


class IndicatorOut(Schema):
    id: int
    name: str
    area: str
    kind: str
    plan_id: int | None
    baseline_from: date
    baseline_to: date
    change: float
    relative: bool
    target_date: date
    baseline: float | None
    goal: float | None
    achieved: bool | None  # whether the latest measured month reaches the goal
    points: list[PointOut]


def _status(status: IndicatorStatus) -> dict[str, Any]:
    return {
        "baseline": status.baseline,
        "goal": status.goal,
        "achieved": status.achieved,
        "points": [
            {
                "month": f"{p.month.year:04d}-{p.month.month:02d}",
                "value": p.value,
                "achieved": p.achieved,
            }
            for p in status.points
        ],
    }


FIELDS = ("id", "name", "area", "kind", "plan_id", "baseline_from", "baseline_to", "change",
          "relative", "target_date")  # fmt: skip


@router.get("", response=list[IndicatorOut], summary="Pejlemærker med status")
def indicators(request: HttpRequest, as_of: date | None = None) -> list[dict[str, Any]]:
    """Each indicator's months as known on ``as_of`` (default: the pages' default)."""
    data, day = load_plan_data(), as_of or default_as_of()
    return [
        {f: getattr(ind, f) for f in FIELDS} | _status(figures.indicator_report(ind, data, day))
        for ind in Indicator.objects.all()
    ]
