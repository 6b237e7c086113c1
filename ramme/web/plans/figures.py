"""Read side of the plans pages: plan rows → core specs → tables (computed once here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ramme.core.periods import Month
from ramme.core.plans.effects import (
    ActionEffect,
    ActionSpec,
    EffectContext,
    Mechanism,
    realised_effect,
)
from ramme.core.plans.indicators import (
    IndicatorData,
    IndicatorDefinition,
    IndicatorKind,
    IndicatorStatus,
    IndicatorTarget,
    indicator_status,
    months_between,
)
from ramme.core.plans.targets import Target
from ramme.core.records import ProviderKind
from ramme.web.plans.loader import PlanData
from ramme.web.plans.models import Action, ActionPlan, Indicator

ZERO = Decimal(0)


def _set(text: str) -> frozenset[str]:
    return frozenset(Action.codes(text))


def action_spec(action: Action) -> ActionSpec:
    target = Target(
        action.from_date,
        _set(action.measure_types),
        _set(action.providers),
        ProviderKind(action.provider_kind) if action.provider_kind else None,
    )
    linked = frozenset(action.links.values_list("measure__measure_id", flat=True))
    return ActionSpec(
        str(action.pk), Mechanism(action.mechanism), target, _set(action.to_types), linked
    )


def plan_as_of(plan: ActionPlan, today: date) -> date:
    """Follow up to today, but never past the plan year's end."""
    return min(today, date(plan.year, 12, 31))


@dataclass(frozen=True)
class EffectRow:
    action: Action
    expected_year: Decimal
    expected_to_date: Decimal
    realised: ActionEffect

    @property
    def difference(self) -> Decimal:
        return self.expected_year - self.realised.total


@dataclass(frozen=True)
class AreaRow:
    area: str
    expected_year: Decimal
    expected_to_date: Decimal
    realised: Decimal

    @property
    def difference(self) -> Decimal:
        return self.expected_year - self.realised


def effect_rows(plan: ActionPlan, data: PlanData, as_of: date) -> list[EffectRow]:
    ctx = EffectContext(data.measures, data.index, plan.year, as_of)
    rows = []
    for action in plan.actions.prefetch_related("expected"):
        expected = {e.month: e.amount for e in action.expected.all()}
        to_date = sum((a for m, a in expected.items() if date(plan.year, m, 1) <= as_of), ZERO)
        realised = realised_effect(action_spec(action), ctx)
        rows.append(EffectRow(action, sum(expected.values(), ZERO), to_date, realised))
    return rows


def area_rows(rows: list[EffectRow]) -> tuple[list[AreaRow], AreaRow]:
    """The September 2019 table: per effort area, and the total."""
    areas: dict[str, list[EffectRow]] = {}
    for row in rows:
        areas.setdefault(row.action.effort_area, []).append(row)

    def total(name: str, group: list[EffectRow]) -> AreaRow:
        return AreaRow(
            name,
            sum((r.expected_year for r in group), ZERO),
            sum((r.expected_to_date for r in group), ZERO),
            sum((r.realised.total for r in group), ZERO),
        )

    return [total(a, g) for a, g in areas.items()], total("Effekt af handlinger i alt", rows)


@dataclass(frozen=True)
class ExpectedTable:
    months: list[Month]
    rows: list[tuple[Action, list[Decimal | None], Decimal]]
    totals: list[Decimal]
    grand_total: Decimal


def expected_table(plan: ActionPlan) -> ExpectedTable:
    """The template's table: months × actions, totals per month and for the year."""
    months = [Month(plan.year, m) for m in range(1, 13)]
    rows = []
    totals = [ZERO] * 12
    for action in plan.actions.prefetch_related("expected"):
        by_month = {e.month: e.amount for e in action.expected.all()}
        cells = [by_month.get(m) for m in range(1, 13)]
        for i, cell in enumerate(cells):
            totals[i] += cell or ZERO
        rows.append((action, cells, sum(by_month.values(), ZERO)))
    return ExpectedTable(months, rows, totals, sum(totals, ZERO))


def indicator_core(ind: Indicator) -> tuple[IndicatorDefinition, IndicatorTarget]:
    defn = IndicatorDefinition(
        IndicatorKind(ind.kind),
        _set(ind.measure_types),
        ProviderKind(ind.provider_kind) if ind.provider_kind else None,
        _set(ind.share_of_types),
        ind.event_kind,
    )
    baseline = tuple(months_between(Month.of(ind.baseline_from), Month.of(ind.baseline_to)))
    return defn, IndicatorTarget(baseline, ind.change, ind.relative, ind.target_date)


def indicator_report(ind: Indicator, data: PlanData, as_of: date) -> IndicatorStatus:
    """Monthly status from the baseline's first month to the target date (or ``as_of``)."""
    defn, target = indicator_core(ind)
    last = Month.of(max(ind.target_date, ind.baseline_to))
    months = months_between(Month.of(ind.baseline_from), last)
    return indicator_status(
        defn, target, IndicatorData(data.measures, data.events, data.index), months, as_of
    )
