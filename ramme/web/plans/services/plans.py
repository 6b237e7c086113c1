"""Create and change action plans and their actions (with optimistic locking)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db import transaction

from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.plans.models import Action, ActionPlan, ExpectedEffect, MeasureActionLink

PLAN_FIELDS = (
    "title",
    "year",
    "centre",
    "responsible",
    "unit",
    "unit_responsible",
    "start_date",
    "last_updated",
    "cause",
    "overspend_at_start",
    "overspend_last_update",
    "overspend_after_update",
)
ACTION_FIELDS = (
    "effort_area",
    "goal",
    "action_text",
    "consequences",
    "mechanism",
    "measure_types",
    "to_types",
    "providers",
    "provider_kind",
    "from_date",
    "count_per_month",
    "price_change_pct",
    "top_n",
    "proposed",
)


class PlanConflict(Exception):
    """The plan changed since the user opened it (optimistic locking)."""

    def __init__(self, plan: ActionPlan) -> None:
        who = plan.updated_by.get_username() if plan.updated_by else "en anden bruger"
        super().__init__(f"Planen er ændret af {who} siden du åbnede den.")
        self.plan = plan


def _log(user: User, plan: ActionPlan, detail: str) -> None:
    record_access(user, AuditEvent.Action.CHANGE, "actionplan", str(plan.pk), detail)


def _locked(plan_id: int, version: int) -> ActionPlan:
    # of=("self",): PostgreSQL refuses to lock the nullable side of the outer join
    locked = ActionPlan.objects.select_for_update(of=("self",))
    plan = locked.select_related("updated_by").get(pk=plan_id)
    if plan.version != version:
        raise PlanConflict(plan)
    return plan


def _bump(plan: ActionPlan, user: User) -> None:
    plan.version += 1
    plan.updated_by = user
    plan.save()


def create_plan(user: User, data: Mapping[str, Any]) -> ActionPlan:
    with transaction.atomic():
        plan = ActionPlan(**{f: data[f] for f in PLAN_FIELDS if f in data})
        plan.created_by = plan.updated_by = user
        plan.save()
        _log(user, plan, f"oprettet: {plan.title}")
    return plan


def update_plan(user: User, plan_id: int, version: int, data: Mapping[str, Any]) -> ActionPlan:
    """Save the header; raises PlanConflict when someone saved in between."""
    with transaction.atomic():
        plan = _locked(plan_id, version)
        for f in PLAN_FIELDS:
            if f in data:
                setattr(plan, f, data[f])
        _bump(plan, user)
        _log(user, plan, "hoved ændret")
    return plan


def _set_effects(action: Action, effects: Mapping[int, Decimal | None]) -> None:
    for month, amount in effects.items():
        if amount is None:
            ExpectedEffect.objects.filter(action=action, month=month).delete()
        else:
            ExpectedEffect.objects.update_or_create(
                action=action, month=month, defaults={"amount": amount}
            )


def save_action(
    user: User,
    plan_id: int,
    version: int,
    data: Mapping[str, Any],
    effects: Mapping[int, Decimal | None],
    action_id: int | None = None,
) -> Action:
    """Add (``action_id`` None) or change an action and its expected effect per month."""
    with transaction.atomic():
        plan = _locked(plan_id, version)
        if action_id is None:
            last = plan.actions.order_by("-number").first()
            action = Action(plan=plan, number=(last.number + 1) if last else 1, created_by=user)
        else:
            action = plan.actions.get(pk=action_id)
        for f in ACTION_FIELDS:
            if f in data:
                setattr(action, f, data[f])
        action.updated_by = user
        action.save()
        _set_effects(action, effects)
        _bump(plan, user)
        _log(user, plan, f"handling {action.number} gemt: {action.effort_area}")
    return action


def link_measure(user: User, action: Action, measure_pk: int, note: str = "") -> MeasureActionLink:
    """Link a measure to the action that changed it."""
    with transaction.atomic():
        link, _ = MeasureActionLink.objects.update_or_create(
            measure_id=measure_pk,
            action=action,
            defaults={"note": note, "updated_by": user, "created_by": user},
        )
        record_access(
            user,
            AuditEvent.Action.CHANGE,
            "measure",
            link.measure.measure_id,
            f"knyttet til handling {action.pk}",
        )
    return link
