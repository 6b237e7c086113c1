"""Realised effect of an action, case by case (effekt pr. handling, sporet til sager).

Effect = counterfactual cost (what the targeted cases or inflow would have cost without the
action, from the data as of the action's start) − actual cost (``measure_cost``), per month
from the action's start to ``as_of`` within the plan year. A positive effect is a saving.
Each effect lists the measures (cases) that carried it. Method: docs/action-plans.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from ramme.core.money import format_kr, format_number
from ramme.core.periods import DateRange, Month
from ramme.core.plans.baseline import (
    average_yearly_price,
    baseline_inflow,
    day_before,
    mean_duration,
    prices_continued,
    with_yearly_price,
)
from ramme.core.plans.dates import add_months, follow_up_period, month_range
from ramme.core.plans.targets import Target
from ramme.core.pricing import measure_cost
from ramme.core.records import Measure, PricePeriod, ProviderKind

ZERO = Decimal(0)
CONVERSION_GAP_DAYS = 31  # a new measure within a month of the old one's end is a conversion


class Mechanism(StrEnum):
    """How an action saves money (virkemiddel)."""

    FEWER_NEW = "fewer_new"  # færre nye indsatser
    SHORTER = "shorter"  # kortere varighed
    LOWER_PRICE = "lower_price"  # lavere priser: genforhandling, ingen tillæg uden forhandling
    CONVERSION = "conversion"  # omlægning til billigere type (opholdssted → netværkspleje)
    INTERNAL = "internal"  # intern frem for ekstern leverandør


MECHANISM_LABELS = {
    Mechanism.FEWER_NEW: "Færre nye indsatser",
    Mechanism.SHORTER: "Kortere varighed",
    Mechanism.LOWER_PRICE: "Lavere priser (genforhandling, tillæg)",
    Mechanism.CONVERSION: "Omlægning til billigere indsatstype",
    Mechanism.INTERNAL: "Intern frem for ekstern leverandør",
}


@dataclass(frozen=True)
class ActionSpec:
    """An action's mechanism and target, as the core sees it."""

    key: str
    mechanism: Mechanism
    target: Target
    to_types: frozenset[str] = frozenset()  # conversion: the cheaper types
    linked: frozenset[str] = frozenset()  # measure ids linked to the action by a user
    baseline_months: int = 24


@dataclass(frozen=True)
class CaseEffect:
    """One measure's part of an action's effect over the follow-up period."""

    measure_id: str
    child_key: str
    measure_type: str
    counterfactual: Decimal
    actual: Decimal
    note: str = ""

    @property
    def effect(self) -> Decimal:
        return self.counterfactual - self.actual


@dataclass(frozen=True)
class ActionEffect:
    """Counterfactual and actual cost per month, and the cases behind them."""

    key: str
    period: DateRange
    counterfactual: dict[Month, Decimal]
    actual: dict[Month, Decimal]
    cases: tuple[CaseEffect, ...] = ()
    note: str = ""
    by_month: dict[Month, Decimal] = field(init=False)

    def __post_init__(self) -> None:
        months = sorted(set(self.counterfactual) | set(self.actual))
        values = {m: self.counterfactual.get(m, ZERO) - self.actual.get(m, ZERO) for m in months}
        object.__setattr__(self, "by_month", values)

    @property
    def total(self) -> Decimal:
        return sum(self.by_month.values(), ZERO)


@dataclass(frozen=True)
class EffectContext:
    measures: Sequence[Measure]
    index: Mapping[int, Decimal]
    year: int
    as_of: date


def _monthly(
    measure: Measure, period: DateRange, index: Mapping[int, Decimal]
) -> dict[Month, Decimal]:
    return {
        m: measure_cost(measure, month_range(m).intersect(period), index) for m in period.months()
    }


def _add(total: dict[Month, Decimal], part: dict[Month, Decimal]) -> None:
    for month, amount in part.items():
        total[month] = total.get(month, ZERO) + amount


def _pairs_effect(
    spec: ActionSpec,
    period: DateRange,
    ctx: EffectContext,
    pairs: list[tuple[Measure, Measure, str]],
    note: str,
) -> ActionEffect:
    """Effect from (actual measure, counterfactual measure, note) pairs."""
    cf_total: dict[Month, Decimal] = {m: ZERO for m in period.months()}
    actual_total: dict[Month, Decimal] = dict(cf_total)
    cases = []
    for actual, counterfactual, why in pairs:
        cf_months = _monthly(counterfactual, period, ctx.index)
        actual_months = _monthly(actual, period, ctx.index)
        _add(cf_total, cf_months)
        _add(actual_total, actual_months)
        cases.append(
            CaseEffect(
                actual.measure_id,
                actual.child_key,
                actual.measure_type,
                sum(cf_months.values(), ZERO),
                sum(actual_months.values(), ZERO),
                why,
            )
        )
    cases.sort(key=lambda c: (-c.effect, c.measure_id))
    return ActionEffect(spec.key, period, cf_total, actual_total, tuple(cases), note)


def _candidates(spec: ActionSpec, ctx: EffectContext) -> list[Measure]:
    if spec.linked:
        return [m for m in ctx.measures if m.measure_id in spec.linked]
    return [m for m in ctx.measures if spec.target.matches(m)]


def _price_changed(measure: Measure, start: date, stop: date) -> bool:
    def changed(p: PricePeriod) -> bool:
        begins = start <= p.valid_from < stop
        ends = p.valid_to is not None and day_before(start) <= p.valid_to < day_before(stop)
        return begins or (ends and p.valid_from < start)

    return any(changed(p) for p in measure.prices)


def lower_price_effect(spec: ActionSpec, ctx: EffectContext) -> ActionEffect:
    """Renegotiated prices, removed supplements: the prices before the start continued."""
    start = spec.target.from_date
    period = follow_up_period(start, ctx.year, ctx.as_of)
    pairs = []
    for m in _candidates(spec, ctx):
        if m.start_date >= start or not m.is_active_on(period.start):
            continue
        if not spec.linked and not _price_changed(m, start, period.stop):
            continue
        before = prices_continued(m, day_before(start))
        pairs.append((m, replace(m, prices=before), "pris før start fortsat"))
    return _pairs_effect(spec, period, ctx, pairs, "Kontrafaktisk: prisen før handlingens start.")


def shorter_effect(spec: ActionSpec, ctx: EffectContext) -> ActionEffect:
    """Measures ended sooner than the baseline mean duration: they would have run on."""
    start = spec.target.from_date
    period = follow_up_period(start, ctx.year, ctx.as_of)
    in_target = [m for m in ctx.measures if spec.target.matches(m)]
    mean = mean_duration(in_target, add_months(start, -spec.baseline_months), start)
    if mean is None:
        return _pairs_effect(spec, period, ctx, [], "Ingen afsluttede forløb før start.")
    pairs = []
    for m in _candidates(spec, ctx):
        if m.end_date is None or m.end_date not in period:
            continue
        cf_end = m.start_date + timedelta(days=int(mean) - 1)
        if cf_end <= m.end_date:
            continue
        cf = replace(m, end_date=cf_end, prices=prices_continued(m, m.end_date))
        pairs.append((m, cf, f"ville have varet til {cf_end:%d.%m.%Y}"))
    note = f"Kontrafaktisk: gennemsnitlig varighed før start, {format_number(mean)} dage."
    return _pairs_effect(spec, period, ctx, pairs, note)


def _predecessor(measure: Measure, old_types: frozenset[str], ctx: EffectContext) -> Measure | None:
    gap = timedelta(days=CONVERSION_GAP_DAYS)
    for old in ctx.measures:
        if (
            old.child_key == measure.child_key
            and old.measure_type in old_types
            and old.end_date is not None
            and measure.start_date - gap <= old.end_date <= measure.start_date + gap
        ):
            return old
    return None


def conversion_effect(spec: ActionSpec, ctx: EffectContext) -> ActionEffect:
    """New measures of a cheaper type replacing an old type: the old price continued."""
    start = spec.target.from_date
    period = follow_up_period(start, ctx.year, ctx.as_of)
    old_types = spec.target.measure_types
    olds = [m for m in ctx.measures if m.measure_type in old_types]
    average = average_yearly_price(olds, day_before(start), start.year, ctx.index)
    pool = (
        [m for m in ctx.measures if m.measure_id in spec.linked]
        if spec.linked
        else [m for m in ctx.measures if m.measure_type in spec.to_types]
    )
    pairs = []
    for m in pool:
        if m.start_date < start or m.start_date not in period:
            continue
        old = _predecessor(m, old_types, ctx)
        if old is not None and old.end_date is not None:
            cf = replace(m, prices=prices_continued(old, old.end_date))
            pairs.append((m, cf, f"afløser {old.measure_id}: dens pris fortsat"))
        elif spec.linked and average is not None:
            cf = with_yearly_price(m, average, start)
            pairs.append((m, cf, f"gennemsnitspris for {', '.join(sorted(old_types))}"))
    return _pairs_effect(spec, period, ctx, pairs, "Kontrafaktisk: den gamle indsats' pris.")


def internal_effect(spec: ActionSpec, ctx: EffectContext) -> ActionEffect:
    """Internal providers instead of external: the external average price of the type."""
    start = spec.target.from_date
    period = follow_up_period(start, ctx.year, ctx.as_of)
    pairs = []
    averages: dict[str, Decimal | None] = {}
    for m in _candidates(spec, ctx):
        if m.provider_kind is not ProviderKind.INTERNAL or m.start_date not in period:
            continue
        if m.measure_type not in averages:
            same = [x for x in ctx.measures if x.measure_type == m.measure_type]
            averages[m.measure_type] = average_yearly_price(
                same, day_before(start), start.year, ctx.index, ProviderKind.EXTERNAL
            )
        price = averages[m.measure_type]
        if price is not None:
            cf = with_yearly_price(m, price, start)
            pairs.append((m, cf, f"ekstern gennemsnitspris {format_kr(price)} om året"))
    return _pairs_effect(spec, period, ctx, pairs, "Kontrafaktisk: ekstern gennemsnitspris.")


def fewer_new_effect(spec: ActionSpec, ctx: EffectContext) -> ActionEffect:
    """Fewer new measures: the baseline inflow × the average price of a new measure."""
    start = spec.target.from_date
    period = follow_up_period(start, ctx.year, ctx.as_of)
    in_target = [m for m in ctx.measures if spec.target.matches(m)]
    inflow = baseline_inflow(in_target, start, spec.baseline_months, ctx.year, ctx.index)
    counterfactual = expected_inflow_cost(
        inflow.per_month, inflow.yearly_price, inflow.mean_days, period, period
    )
    new = [m for m in in_target if m.start_date in period]
    pairs = [(m, replace(m, prices=()), "ny indsats efter start") for m in new]
    result = _pairs_effect(spec, period, ctx, pairs, "")
    note = (
        f"Kontrafaktisk tilgang: {format_number(inflow.per_month, 2)} nye pr. måned "
        f"({inflow.starts} i de {inflow.months} måneder før start) à "
        f"{format_kr(inflow.yearly_price)} om året; faktisk {len(new)} nye."
    )
    return replace(result, counterfactual=counterfactual, note=note)


def expected_inflow_cost(
    per_month: Decimal,
    yearly_price: Decimal,
    mean_days: Decimal | None,
    starts: DateRange,
    horizon: DateRange,
) -> dict[Month, Decimal]:
    """Cost per month of ``per_month`` starts in each month of ``starts`` (mid-period), each
    lasting ``mean_days`` (None: to the horizon's end), counted within ``horizon``."""
    daily = yearly_price / Decimal(365)
    result = {m: ZERO for m in horizon.months()}
    for month in starts.months():
        part = month_range(month).intersect(starts)
        count = per_month * part.days / month.days
        first = part.start + timedelta(days=part.days // 2)
        stop = horizon.stop
        if mean_days is not None:
            stop = min(stop, first + timedelta(days=int(mean_days)))
        life = DateRange(first, max(first, stop))
        for m in result:
            result[m] += count * daily * life.intersect(month_range(m)).days
    return result


MECHANISMS: dict[Mechanism, Callable[[ActionSpec, EffectContext], ActionEffect]] = {
    Mechanism.FEWER_NEW: fewer_new_effect,
    Mechanism.SHORTER: shorter_effect,
    Mechanism.LOWER_PRICE: lower_price_effect,
    Mechanism.CONVERSION: conversion_effect,
    Mechanism.INTERNAL: internal_effect,
}


def realised_effect(spec: ActionSpec, ctx: EffectContext) -> ActionEffect:
    """The realised effect (status til dato) of one action."""
    return MECHANISMS[spec.mechanism](spec, ctx)
