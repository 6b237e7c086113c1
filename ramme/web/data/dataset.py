"""Database → core: the Dataset of records the pure core computes on, and the forecast
arrays (``load_prepared``), read as columns without a record per row (``columns.py``).

Every table is read with one query; nothing is fetched per row. Each table is read through
``versions.known_values``, so the data as known after an earlier import (``known_at``) is
filtered in one place for the records and the columns alike.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import cache

from django.conf import settings
from django.db.models import Q

from ramme.core.forecast.columns import prepare_columns
from ramme.core.forecast.data import IntArray, Ledger, Prepared
from ramme.core.ladder import LadderStep
from ramme.core.plans.reviews import months_to_days
from ramme.core.reconcile import MappingRule
from ramme.core.records import (
    ActivityLine,
    BudgetFigure,
    Child,
    Dataset,
    Event,
    Measure,
    MeasureType,
    Posting,
    PriceKind,
    PricePeriod,
    PriceUnit,
    ProviderKind,
)
from ramme.web.data import columns, models
from ramme.web.data.columns import CHUNK, PRICE_ORDER
from ramme.web.data.shared_values import Shared
from ramme.web.data.versions import Known, known_values


def _activities() -> tuple[ActivityLine, ...]:
    rows = models.ActivityLine.objects.order_by("position", "name")
    return tuple(
        ActivityLine(name, LadderStep(step), pos)
        for name, step, pos in rows.values_list("name", "ladder_step", "position")
    )


def _duration_limit(days: int | None, extra: dict[str, object] | None) -> int | None:
    """Days, or the contract's optional ``duration_limit_months`` column (kept in extra)."""
    if days is not None:
        return days
    months = (extra or {}).get("duration_limit_months")
    return months_to_days(str(months)) if months not in (None, "") else None


def _measure_types() -> dict[str, MeasureType]:
    rows = models.MeasureType.objects.values_list(
        "code", "name", "ladder_step", "activity__name", "account", "duration_limit_days", "extra"
    )
    return {
        code: MeasureType(
            code, name, LadderStep(step), activity, account, _duration_limit(limit, extra)
        )
        for code, name, step, activity, account, limit, extra in rows
    }


def _children(known_at: Known | None, share: Shared) -> dict[str, Child]:
    rows = known_values(
        models.Child, known_at, "key", "birth_date", "caseworker", "team", "household"
    )
    s = share.same  # s(value, value): the first equal one read
    return {
        s(key, key): Child(s(key, key), s(birth, birth), s(cw, cw), s(team, team), s(hh, hh))
        for key, birth, cw, team, hh in rows.iterator(CHUNK)
    }


def _prices(known_at: Known | None, share: Shared) -> dict[int, list[PricePeriod]]:
    by_measure: dict[int, list[PricePeriod]] = defaultdict(list)
    fields = models.PricePeriod.CONTENT_FIELDS
    rows = known_values(models.PricePeriod, known_at, "measure_id", *fields, order=PRICE_ORDER)
    s, money = share.same, share.amount
    for mid, start, end, kind, amount, unit, hours, negotiated, note in rows.iterator(CHUNK):
        by_measure[mid].append(
            PricePeriod(
                s(start, start),
                s(end, end),
                PriceKind(kind),
                money(amount),
                PriceUnit(unit),
                None if hours is None else money(hours),
                negotiated,
                s(note, note),
            )
        )
    return by_measure


def _measures(known_at: Known | None, share: Shared) -> tuple[Measure, ...]:
    prices = _prices(known_at, share)
    s = share.same  # s(value, value): the first equal one read
    rows = known_values(
        models.Measure,
        known_at,
        "pk",
        "measure_id",
        "child__key",
        "measure_type__code",
        "start_date",
        "end_date",
        "planned_end_date",
        "provider__provider_id",
        "provider__kind",
        "approved_at",
        "legal_basis",
        order=("measure_id",),
    )
    return tuple(
        Measure(
            measure_id=mid,
            child_key=s(child, child),
            measure_type=s(mtype, mtype),
            start_date=s(start, start),
            end_date=s(end, end),
            planned_end_date=s(planned, planned),
            provider_id=s(provider, provider),
            provider_kind=ProviderKind(kind) if kind else None,
            prices=tuple(prices.get(pk, ())),
            approved_at=s(approved, approved),
            legal_basis=s(basis, basis),
        )
        for pk, mid, child, mtype, start, end, planned, provider, kind, approved, basis in (
            rows.iterator(CHUNK)
        )
    )


def _budgets(known_at: Known | None) -> tuple[BudgetFigure, ...]:
    """Adopted and the latest corrected budget per (year, line); undated corrections first."""
    figures: dict[tuple[int, str], dict[str, object]] = defaultdict(dict)
    fields = ("year", "activity__name", "kind", "date", "amount")
    rows = known_values(models.Budget, known_at, *fields)
    ordered = sorted(rows, key=lambda r: (r[3] is not None, r[3] or date.min))
    for year, activity, kind, day, amount in ordered:
        entry = figures[(year, activity)]
        if kind == models.Budget.Kind.ADOPTED:
            entry["adopted"] = amount
        else:
            entry["corrected"], entry["at"] = amount, day
    result = []
    for (year, activity), entry in sorted(figures.items()):
        adopted = entry.get("adopted", Decimal(0))
        corrected = entry.get("corrected", adopted)
        at = entry.get("at")
        assert isinstance(adopted, Decimal) and isinstance(corrected, Decimal)
        result.append(
            BudgetFigure(year, activity, adopted, corrected, at if isinstance(at, date) else None)
        )
    return tuple(result)


def _postings(
    since: date | None, known_at: Known | None, where: Q | None = None
) -> tuple[Posting, ...]:
    values = known_values(
        models.Posting,
        known_at,
        "posting_id",
        "date",
        "amount",
        "activity__name",
        "account",
        "dranst",
        "measure__measure_id",
        "child__key",
        "cost_center",
        "text",
        order=("date", "posting_id"),
        where=where if since is None else Q(date__gte=since) & (where or Q()),
    )
    # A ledger repeats a few thousand dates and texts, a few lines, accounts and cost
    # centres, and each measure's and child's key a dozen times: each such value is kept as
    # the first equal object read (all immutable), not a new one per row; 4.4 million
    # postings held 1.8 GB more without it. The id is unique, dranst a small int Python
    # shares already, and equal amounts may differ in their digits (1.5 and 1.50).
    s = Shared().same
    return tuple(
        Posting(
            pid,
            s(d, d),
            amount,
            s(a, a),
            s(c, c),
            dranst,
            s(m, m),
            s(k, k),
            s(cc, cc),
            s(t, t),
        )
        for pid, d, amount, a, c, dranst, m, k, cc, t in values.iterator(CHUNK)
    )


def load_postings(where: Q | None = None) -> tuple[Posting, ...]:
    """Every posting (or those ``where`` keeps) as core records: what a Dataset loaded with
    ``postings=False`` lacks."""
    return _postings(None, None, where)


def _events(known_at: Known | None, share: Shared) -> tuple[Event, ...]:
    fields = ("event_id", "date", "kind", "child__key", "end_date")
    rows = known_values(models.Event, known_at, *fields).iterator(CHUNK)
    s = share.same
    return tuple(
        Event(eid, s(day, day), s(kind, kind), s(child, child), s(end, end))
        for eid, day, kind, child, end in rows
    )


def load_dataset(
    *, postings: bool = True, postings_since: date | None = None, known_at: Known | None = None
) -> Dataset:
    """Everything in the database as core records; ``postings=False`` skips the ledger
    (load it columnar with ``load_ledger`` for the forecast), ``postings_since`` keeps only
    the postings dated from that day (a year's reconciliation needs no older ones);
    ``known_at`` reads the data as it stood after that import (docs/data-versions.md)."""
    index = dict(known_values(models.PriceIndex, known_at, "year", "rate"))
    share = Shared()
    return Dataset(
        activities=_activities(),
        measure_types=_measure_types(),
        children=_children(known_at, share),
        measures=_measures(known_at, share),
        postings=_postings(postings_since, known_at) if postings else (),
        budgets=_budgets(known_at),
        events=_events(known_at, share),
        price_index=index,
        aftercare_bases=frozenset(settings.AFTERCARE_BASES),
    )


def load_rules() -> tuple[MappingRule, ...]:
    """The posting → activity line rules of activities.csv, in file order."""
    rows = models.MappingRule.objects.order_by("position").values_list(
        "activity__name", "account", "dranst", "cost_center"
    )
    return tuple(
        MappingRule(name, account, int(dranst) if dranst else None, cost_center)
        for name, account, dranst, cost_center in rows
    )


def load_ledger(dataset: Dataset, known_at: Known | None = None) -> Ledger:
    """The postings as arrays (day, amount, line, dranst, measure) for ``prepare(dataset)``:
    one query whose columns go into numpy chunk by chunk, no object per row."""
    ids = [m.measure_id for m in _forecast_measures(dataset)]
    return columns.ledger([a.name for a in dataset.activities], ids, known_at)


def _forecast_measures(dataset: Dataset) -> list[Measure]:
    # the order ramme.core.forecast.data.prepare gives the measures it keeps
    return [m for m in dataset.measures if m.measure_type in dataset.measure_types]


def _master(known_at: Known | None) -> Dataset:
    """The small tables the forecast reads (``Prepared.master``), without the rows."""
    return Dataset(
        activities=_activities(),
        measure_types=_measure_types(),
        budgets=_budgets(known_at),
        price_index=dict(known_values(models.PriceIndex, known_at, "year", "rate")),
        aftercare_bases=frozenset(settings.AFTERCARE_BASES),
    )


def _ledger_reader(master: Dataset, known_at: Known | None) -> Callable[..., Ledger]:
    lines = [a.name for a in master.activities]

    def ledger(measure_ids: list[str], rows: IntArray) -> Ledger:
        # with known_at, rows of earlier versions: the postings name the current rows
        return columns.ledger(lines, measure_ids, known_at, rows if known_at is None else None)

    return ledger


def load_prepared(known_at: Known | None = None) -> Prepared:
    """The forecast arrays read as columns (``columns.py``: one query per table, on
    PostgreSQL all in one snapshot) straight into numpy: the same arrays as ``prepare`` of
    the Dataset with the columnar ledger (tests/web/data/test_prepared_columns.py), without
    a record per row. ``Prepared.dataset`` reads the whole Dataset only when a caller asks
    for it; ``known_at``: as the data stood after that import."""

    @cache
    def full() -> Dataset:
        return load_dataset(postings=False, known_at=known_at)

    with columns.one_snapshot():
        master = _master(known_at)
        measures, children = columns.measures_and_children(known_at)
        prices = columns.price_columns(known_at)
        ledger = _ledger_reader(master, known_at)
        return prepare_columns(master, measures, prices, children, ledger, full)
