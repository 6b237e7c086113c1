"""The figures of the benchmark, internal-offer and casework pages, fetched once.

Database → core records → the pure functions of ``ramme.core.benchmark``, ``offers`` and
``casework``. The pages, the reports, ``ramme benchmark`` and the API all call these, so
they show the same values.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Sum
from django.db.models.functions import TruncMonth

from ramme.core.benchmark import BenchmarkValue, Comparison, OwnData, PopulationCount, compare
from ramme.core.casework import Casework, casework
from ramme.core.offers import (
    CaseworkerLoad,
    Offer,
    OfferData,
    OfferSeries,
    StaffPeriod,
    WaitingSpell,
    caseworker_loads,
    offer_series,
)
from ramme.core.periods import Month
from ramme.core.plans.indicators import months_between
from ramme.core.records import Dataset
from ramme.web.data import models, queries
from ramme.web.forecasts.services import cache

YEARS_SHOWN = 4  # the benchmark's years: as the annual accounts' development tables


@dataclass(frozen=True)
class Supplied:
    """Which of the internal offers' optional files the municipality has imported."""

    waiting: bool
    staff: bool


def supplied() -> Supplied:
    return Supplied(models.WaitingSpell.objects.exists(), models.StaffPeriod.objects.exists())


def dataset() -> Dataset:
    """Measures, children and events as the follow-up's cached dataset holds them."""
    return cache.prepared().dataset


def spending_by_year(years: tuple[int, ...]) -> dict[int, Decimal]:
    """Net spending (udgifter minus refusion) of the frame per year: every posting."""
    totals: dict[int, Decimal] = defaultdict(Decimal)
    for (year, _line), amount in queries.ledger_totals(list(years)).items():
        totals[year] += amount
    return dict(totals)


def benchmark_years(year: int) -> tuple[int, ...]:
    return tuple(range(year - YEARS_SHOWN + 1, year + 1))


def default_year() -> int:
    """The latest year with postings (else the latest year of population or benchmark)."""
    years = queries.years_covered()
    if years:
        return years[-1]
    latest = models.Population.objects.order_by("-year").values_list("year", flat=True).first()
    return latest or date.today().year


@dataclass(frozen=True)
class BenchmarkFigures:
    """The comparisons of four years and the optional files that were missing for them."""

    year: int
    comparisons: tuple[Comparison, ...]
    missing_population: bool
    missing_benchmark: bool


def benchmark(year: int, own_name: str, data: Dataset | None = None) -> BenchmarkFigures:
    """Everything the benchmark shows, in three queries (population, others, ledger) beside
    the dataset (pass one already loaded, as the annual report does)."""
    data = data or dataset()
    years = benchmark_years(year)
    population = tuple(
        PopulationCount(*row)
        for row in models.Population.objects.values_list("year", "age", "count")
    )
    others = tuple(
        BenchmarkValue(*row)
        for row in models.BenchmarkFigure.objects.values_list(
            "year", "municipality", "indicator", "value", "source"
        )
    )
    own = OwnData(
        spending_by_year(years),
        population,
        data.measures,
        data.measure_types,
        data.price_index,
    )
    comparisons = compare(own_name, years, own, others)
    return BenchmarkFigures(year, comparisons, not population, not others)


def comparisons(year: int, own_name: str) -> tuple[Comparison, ...]:
    return benchmark(year, own_name).comparisons


def months_to(as_of: date, count: int | None = None) -> tuple[Month, ...]:
    """The months up to ``as_of``: the last ``count``, or every month from the first year
    with postings."""
    last = Month.of(as_of)
    if count is not None:
        first = last
        for _ in range(count - 1):
            first = first.previous()
    else:
        years = queries.years_covered()
        first = Month(years[0], 1) if years else Month(last.year, 1)
    return tuple(months_between(first, last))


def _offer_costs() -> dict[tuple[str, Month], Decimal]:
    rows = (
        models.Posting.objects.filter(provider__kind=models.Provider.Kind.INTERNAL)
        .annotate(month=TruncMonth("date"))
        .values("provider__provider_id", "month")
        .annotate(total=Sum("amount"))
    )
    return {
        (r["provider__provider_id"], Month(r["month"].year, r["month"].month)): r["total"]
        for r in rows
    }


def offer_data(as_of: date) -> OfferData:
    data = dataset()
    internal = models.Provider.objects.filter(kind=models.Provider.Kind.INTERNAL)
    staff = models.StaffPeriod.objects.values_list(
        "provider__provider_id", "valid_from", "valid_to", "places", "staff"
    )
    waiting = models.WaitingSpell.objects.filter(since__lte=as_of).values_list(
        "child__key", "offer__provider_id", "since", "until"
    )
    return OfferData(
        offers=tuple(Offer(p, n) for p, n in internal.values_list("provider_id", "name")),
        measures=tuple(m for m in data.measures if m.start_date <= as_of),
        measure_types=data.measure_types,
        price_index=data.price_index,
        staff=tuple(StaffPeriod(*row) for row in staff),
        waiting=tuple(WaitingSpell(k, o, s, u if u is None or u <= as_of else None)
                      for k, o, s, u in waiting),
        costs=_offer_costs(),
    )  # fmt: skip


def offers(as_of: date, months: tuple[Month, ...]) -> tuple[OfferSeries, ...]:
    return offer_series(offer_data(as_of), months)


def caseworkers(as_of: date, months: tuple[Month, ...]) -> tuple[CaseworkerLoad, ...]:
    data = dataset()
    known = tuple(m for m in data.measures if m.start_date <= as_of)
    return caseworker_loads(data.children, known, months)


def casework_figures(as_of: date, months: tuple[Month, ...]) -> Casework:
    data = dataset()
    return casework(data.events, data.children, months, as_of)
