"""Core records of measures for the reports' volume and price figures.

A small local loader: the shared ``ramme.web.data.dataset.load_dataset()`` was not there
when the reports were written; this reads only the measures that touch the period, with
their prices, the catalogue and the price index (three queries).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Q

from ramme.core.ladder import LadderStep
from ramme.core.records import Measure, MeasureType, PriceKind, PricePeriod, PriceUnit
from ramme.web.data import models as db


def _price(row: db.PricePeriod) -> PricePeriod:
    return PricePeriod(
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        kind=PriceKind(row.kind),
        amount=row.amount,
        unit=PriceUnit(row.unit),
        hours_per_week=row.hours_per_week,
        negotiated=row.negotiated,
    )


def load_measures(
    first: date, last: date
) -> tuple[list[Measure], dict[str, MeasureType], dict[int, Decimal]]:
    """Measures active some day in [first, last], the catalogue and the price index."""
    types = {
        t.code: MeasureType(t.code, t.name, LadderStep(t.ladder_step), t.activity.name, t.account)
        for t in db.MeasureType.objects.select_related("activity")
    }
    rows = (
        db.Measure.objects.filter(start_date__lte=last)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=first))
        .select_related("measure_type", "child")
        .prefetch_related("prices")
    )
    measures = [
        Measure(
            measure_id=m.measure_id,
            child_key=m.child.key,
            measure_type=m.measure_type.code,
            start_date=m.start_date,
            end_date=m.end_date,
            prices=tuple(_price(p) for p in m.prices.all()),
        )
        for m in rows
    ]
    index = {row.year: row.rate for row in db.PriceIndex.objects.all()}
    return measures, types, index
