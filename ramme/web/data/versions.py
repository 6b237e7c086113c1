"""Data versions (dataversioner): each import is a version of the case data.

An import that changes or removes a row first copies its old version to the table's history
(``ramme.web.data.history``); the rows it writes get its number in ``valid_from_import``.
The data *as known after import N* (kendt efter import nr. N) is the current rows written by
import N or earlier, plus the superseded versions that were valid then. ``known_values`` is
the one filter the dataset loader applies to its queries (docs/data-versions.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Model, Q, QuerySet
from django.db.models.expressions import Combinable

from ramme.web.data import models

HISTORY: dict[type[Model], type[Model]] = {
    models.Child: models.ChildVersion,
    models.Measure: models.MeasureVersion,
    models.PricePeriod: models.PricePeriodVersion,
    models.PriceIndex: models.PriceIndexVersion,
    models.Posting: models.PostingVersion,
    models.Budget: models.BudgetVersion,
    models.Event: models.EventVersion,
}

# The key that names "the same row" across versions, for the corrected-rows version below.
KEYS: dict[type[Model], str] = {
    models.Child: "key",
    models.Measure: "measure_id",
    models.PricePeriod: "measure_id",  # a measure's prices are replaced as a set
    models.PriceIndex: "year",
    models.Posting: "posting_id",
    models.Budget: "year",
    models.Event: "event_id",
}


@dataclass(frozen=True)
class Corrected:
    """The rows known after import ``existed_at``, as import ``number`` left them (rettede
    gamle data): later corrections and removals apply, rows that arrived since do not."""

    number: int
    existed_at: int


Known = int | Corrected  # an import's number, or the corrected old rows


def latest_import_number() -> int | None:
    """The number of the latest successful import (seneste import nr.), or None before any.

    With ``known_at`` it names a version of the data: stored forecasts can be keyed on it.
    """
    runs = models.ImportRun.objects.filter(succeeded=True).order_by("-pk")
    return runs.values_list("pk", flat=True).first()


def import_exists(number: int) -> bool:
    """Whether ``number`` is a successful import in the history."""
    return models.ImportRun.objects.filter(pk=number, succeeded=True).exists()


def next_import_number() -> int:
    """The number the import now running will get in the history (called under the import
    lock, so no other import can take it): its rows are stamped with it as they are written."""
    table = models.ImportRun._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id'))", [table])
            return int(cursor.fetchone()[0])
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        cursor.execute(f"SELECT MAX(id) FROM {table}")
        top = cursor.fetchone()[0]
    return max(int(row[0]) if row else 0, int(top or 0)) + 1


def known_values(
    model: type[Model],
    known_at: Known | None,
    *fields: str | Combinable,
    order: tuple[str, ...] = (),
    where: Q | None = None,
) -> QuerySet[Any, Any]:
    """``model.objects.filter(where).order_by(*order).values_list(*fields)``, as known after
    import ``known_at`` (None: as the data stands now). ``pk`` reads the current row's id."""
    if isinstance(known_at, Corrected):
        existed = _existed(model, known_at.existed_at)
        where = existed if where is None else where & existed
        known_at = known_at.number
    current = model._default_manager.all()
    if where is not None:
        current = current.filter(where)
    if known_at is None:
        return current.order_by(*order).values_list(*fields)
    written = _written(known_at)
    older = model_history(model).objects.filter(written, valid_to_import__gt=known_at)
    if where is not None:
        older = older.filter(where)
    # the models' default ordering is cleared: a compound query orders only as a whole
    past = older.order_by().values_list(*("row_pk" if f == "pk" else f for f in fields))
    both = current.filter(written).order_by().values_list(*fields).union(past, all=True)
    return both.order_by(*order) if order else both


def _written(number: int) -> Q:
    return Q(valid_from_import__isnull=True) | Q(valid_from_import__lte=number)


def _existed(model: type[Model], number: int) -> Q:
    """Rows whose key the data had after import ``number``."""
    key = KEYS[model]
    now = model._default_manager.filter(_written(number)).order_by().values(key)
    history = model_history(model).objects.filter(_written(number), valid_to_import__gt=number)
    return Q(**{f"{key}__in": now}) | Q(**{f"{key}__in": history.order_by().values(key)})


def model_history(model: type[Model]) -> Any:
    """The history model of a versioned table."""
    return HISTORY[model]


def keep_versions(model: type[Model], rows: Iterable[Model], number: int | None) -> int:
    """Copy ``rows`` (as they stand before import ``number`` changes or removes them) to the
    history, valid until that import; returns how many. Nothing is kept without a number
    (a dry run, or a table that is not versioned)."""
    if number is None or model not in HISTORY:
        return 0
    history = model_history(model)
    names = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
    copies = [
        history(row_pk=obj.pk, valid_to_import=number, **{n: getattr(obj, n) for n in names})
        for obj in rows
    ]
    history.objects.bulk_create(copies, batch_size=1000)
    return len(copies)
