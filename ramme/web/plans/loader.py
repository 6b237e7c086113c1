"""Database → core records for the plans pages.

A private loader: ramme/web/data/dataset.py (``load_dataset``) was not there when this was
written. It reads only what the plans need: measures with prices, the catalogue (duration
limit from ``duration_limit_days`` or the importer's ``extra["duration_limit_months"]``),
events and the price index.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from ramme.core.ladder import LadderStep
from ramme.core.plans.reviews import months_to_days
from ramme.core.records import (
    Event,
    Measure,
    MeasureType,
    PriceKind,
    PricePeriod,
    PriceUnit,
    ProviderKind,
)
from ramme.web.data import models as db


@dataclass(frozen=True)
class PlanData:
    measures: tuple[Measure, ...]
    types: dict[str, MeasureType]
    events: tuple[Event, ...]
    index: dict[int, Decimal]


def _duration_limit(row: db.MeasureType) -> int | None:
    if row.duration_limit_days is not None:
        return row.duration_limit_days
    months = (row.extra or {}).get("duration_limit_months")
    return months_to_days(str(months)) if months not in (None, "") else None


def load_types() -> dict[str, MeasureType]:
    return {
        t.code: MeasureType(
            t.code,
            t.name,
            LadderStep(t.ladder_step),
            t.activity.name,
            t.account,
            _duration_limit(t),
        )
        for t in db.MeasureType.objects.select_related("activity")
    }


def _prices() -> dict[int, list[PricePeriod]]:
    result: dict[int, list[PricePeriod]] = defaultdict(list)
    for p in db.PricePeriod.objects.order_by("measure_id", "valid_from"):
        result[p.measure_id].append(
            PricePeriod(
                p.valid_from,
                p.valid_to,
                PriceKind(p.kind),
                p.amount,
                PriceUnit(p.unit),
                p.hours_per_week,
                p.negotiated,
                p.note,
            )
        )
    return result


def to_record(m: db.Measure, prices: list[PricePeriod]) -> Measure:
    return Measure(
        m.measure_id,
        m.child.key,
        m.measure_type.code,
        m.start_date,
        m.end_date,
        m.planned_end_date,
        m.provider.provider_id if m.provider else None,
        ProviderKind(m.provider.kind) if m.provider else None,
        tuple(prices),
        m.approved_at,
        m.legal_basis,
    )


def load_plan_data() -> PlanData:
    prices = _prices()
    rows = db.Measure.objects.select_related("child", "measure_type", "provider")
    measures = tuple(to_record(m, prices.get(m.pk, [])) for m in rows)
    events = tuple(
        Event(e.event_id, e.date, e.kind, e.child.key if e.child else None)
        for e in db.Event.objects.select_related("child")
    )
    index = {p.year: p.rate for p in db.PriceIndex.objects.all()}
    return PlanData(measures, load_types(), events, index)
