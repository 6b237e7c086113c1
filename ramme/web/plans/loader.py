"""Database → core records for the plans pages, through ``ramme.web.data.dataset``.

The catalogue's duration limit (``duration_limit_months`` → days) is converted in
``load_dataset``; the last review of a measure is the newest of the imported ``reviewed_at``
column (kept in ``Measure.extra``) and the reviews recorded in ramme.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ramme.core.records import Event, Measure, MeasureType
from ramme.web.data import models as db
from ramme.web.data.dataset import load_dataset
from ramme.web.forecasts.services import cache
from ramme.web.plans.models import Review


@dataclass(frozen=True)
class PlanData:
    measures: tuple[Measure, ...]
    types: dict[str, MeasureType]
    events: tuple[Event, ...]
    index: dict[int, Decimal]


def load_plan_data() -> PlanData:
    """The cases, once per data version: every plan page used to read them all per request."""
    return cache.per_import("plan_data", _load_plan_data)


def plan_data_at_hand() -> PlanData:
    """The cases from the prepared arrays when this process holds them (the forecast's
    dataset is the same ``load_dataset(postings=False)``, read once per prepared arrays on
    first use), else ``load_plan_data()``: the background task then reads the records once."""
    prep = cache.prepared_if_held()
    if prep is None:
        return load_plan_data()
    data = prep.dataset
    return PlanData(data.measures, dict(data.measure_types), data.events, dict(data.price_index))


def _load_plan_data() -> PlanData:
    data = load_dataset(postings=False)
    return PlanData(data.measures, dict(data.measure_types), data.events, dict(data.price_index))


def last_reviews() -> dict[str, date]:
    """Measure id → the day of its latest review (imported or recorded here)."""
    return latest_reviews(imported_reviews(), recorded_reviews())


def imported_reviews() -> dict[str, date]:
    """Measure id → the ``reviewed_at`` of the import (import data: cacheable per import)."""
    result: dict[str, date] = {}
    for measure_id, extra in db.Measure.objects.exclude(extra={}).values_list(
        "measure_id", "extra"
    ):
        value = (extra or {}).get("reviewed_at")
        if value:
            try:
                result[measure_id] = date.fromisoformat(str(value))
            except ValueError:  # the importer keeps extra columns unchecked
                continue
    return result


def recorded_reviews() -> tuple[tuple[str, date], ...]:
    """(measure id, day) of every review recorded in ramme, in a stable order."""
    rows = Review.objects.order_by("pk").values_list("measure__measure_id", "reviewed_on")
    return tuple(rows)


def latest_reviews(
    imported: dict[str, date], recorded: tuple[tuple[str, date], ...]
) -> dict[str, date]:
    result = dict(imported)
    for measure_id, reviewed_on in recorded:
        if measure_id not in result or reviewed_on > result[measure_id]:
            result[measure_id] = reviewed_on
    return result
