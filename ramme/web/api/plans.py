"""``GET /api/v1/plans`` and ``/plans/{id}``: action plans (handleplaner) and their effects.

Only aggregates, as on the plan page: the cases behind an effect are not listed here."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from ramme.web.front.danish_input import default_as_of
from ramme.web.plans import figures
from ramme.web.plans.loader import load_plan_data
from ramme.web.plans.models import Action, ActionPlan

router = Router(tags=["handleplaner"])
TEXT_FIELDS = ("unit", "unit_responsible", "cause")


class PlanSummary(Schema):
    id: int
    title: str
    year: int
    centre: str
    responsible: str
    start_date: date
    last_updated: date | None
    overspend_at_start: float | None
    overspend_last_update: float | None
    overspend_after_update: float | None
    version: int


class EffectOut(Schema):
    """Expected and realised saving (kr.); difference = expected for the year − realised."""

    expected_year: float
    expected_to_date: float
    realised: float
    difference: float


class ActionOut(EffectOut):
    id: int
    number: int
    effort_area: str
    goal: str
    action_text: str
    mechanism: str
    measure_types: list[str]
    from_date: date
    realised_by_month: dict[str, float]  # "ÅÅÅÅ-MM" → saving that month


class AreaOut(EffectOut):
    area: str


class PlanDetail(PlanSummary):
    as_of: date
    unit: str
    unit_responsible: str
    cause: str
    actions: list[ActionOut]
    areas: list[AreaOut]
    total: AreaOut


def _action(row: figures.EffectRow) -> dict[str, Any]:
    action: Action = row.action
    return {
        "id": action.pk,
        "number": action.number,
        "effort_area": action.effort_area,
        "goal": action.goal,
        "action_text": action.action_text,
        "mechanism": action.mechanism,
        "measure_types": Action.codes(action.measure_types),
        "from_date": action.from_date,
        "expected_year": row.expected_year,
        "expected_to_date": row.expected_to_date,
        "realised": row.realised.total,
        "difference": row.difference,
        "realised_by_month": {
            f"{m.year:04d}-{m.month:02d}": v for m, v in sorted(row.realised.by_month.items())
        },
    }


def _area(row: figures.AreaRow) -> dict[str, Any]:
    return {
        "area": row.area,
        "expected_year": row.expected_year,
        "expected_to_date": row.expected_to_date,
        "realised": row.realised,
        "difference": row.difference,
    }


@router.get("", response=list[PlanSummary], summary="Handleplaner")
def plans(request: HttpRequest) -> Any:
    return ActionPlan.objects.all()


@router.get("/{int:plan_id}", response=PlanDetail, summary="Én handleplan med effekter")
def plan(request: HttpRequest, plan_id: int, as_of: date | None = None) -> Any:
    """Effects as known on ``as_of`` (default: the pages' default, never past the plan year)."""
    found = ActionPlan.objects.filter(pk=plan_id).first()
    if found is None:
        raise Http404(f"Handleplan {plan_id} findes ikke.")
    day = figures.plan_as_of(found, as_of or default_as_of())
    rows = figures.effect_rows(found, load_plan_data(), day)
    areas, total = figures.area_rows(rows)
    return {
        **{f: getattr(found, f) for f in (*PlanSummary.model_fields, *TEXT_FIELDS)},
        "as_of": day,
        "actions": [_action(r) for r in rows],
        "areas": [_area(a) for a in areas],
        "total": _area(total),
    }
