"""Writes of the initiative portfolio: one initiative with its budget needs."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db import transaction

from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.reports.models import (
    FocusArea,
    Initiative,
    InitiativeBudgetNeed,
    SubStrategy,
)

INITIATIVE_FIELDS = (
    "action",
    "problem",
    "yearly_cost",
    "yearly_cost_text",
    "financing",
    "expected_effect",
    "prerequisites",
    "start_year",
)


def sub_strategy_named(focus_area: str, sub_strategy: str) -> SubStrategy:
    """The sub-strategy under the focus area, both created (last in order) when new."""
    area, created = FocusArea.objects.get_or_create(name=focus_area.strip())
    if created:
        area.position = FocusArea.objects.count()
        area.save(update_fields=["position"])
    sub, created = SubStrategy.objects.get_or_create(focus_area=area, name=sub_strategy.strip())
    if created:
        sub.position = area.sub_strategies.count()
        sub.save(update_fields=["position"])
    return sub


def _replace_needs(initiative: Initiative, needs: Mapping[int, Decimal]) -> None:
    initiative.budget_needs.exclude(year__in=list(needs)).delete()
    for year, amount in needs.items():
        InitiativeBudgetNeed.objects.update_or_create(
            initiative=initiative, year=year, defaults={"amount": amount}
        )


@transaction.atomic
def save_initiative(
    initiative: Initiative | None,
    focus_area: str,
    sub_strategy: str,
    fields: Mapping[str, Any],
    needs: Mapping[int, Decimal],
    user: User | None = None,
) -> Initiative:
    """Create or update an initiative and set its budget need per year (others removed)."""
    target = initiative or Initiative()
    created = target.pk is None
    target.sub_strategy = sub_strategy_named(focus_area, sub_strategy)
    for name in INITIATIVE_FIELDS:
        if name in fields:
            setattr(target, name, fields[name])
    if target.pk is None:
        target.position = Initiative.objects.filter(sub_strategy=target.sub_strategy).count()
    target.full_clean()
    target.save()
    for link in ("indicators", "actions"):  # links to the plans app's pejlemærker/handlinger
        if link in fields:
            getattr(target, link).set(fields[link])
    _replace_needs(target, needs)
    what = "oprettet" if created else "ændret"
    record_access(user, AuditEvent.Action.CHANGE, "initiative", str(target.pk), what)
    return target


@transaction.atomic
def delete_initiative(initiative: Initiative, user: User | None = None) -> None:
    """Remove an initiative; a sub-strategy or focus area left empty goes too."""
    record_access(user, AuditEvent.Action.CHANGE, "initiative", str(initiative.pk), "slettet")
    sub = initiative.sub_strategy
    initiative.delete()
    if not sub.initiatives.exists():
        area = sub.focus_area
        sub.delete()
        if not area.sub_strategies.exists():
            area.delete()
