"""Benchmark (sammenligning) per 1,000 children: the municipality beside others and the country.

The municipality's own key figures (nøgletal) are computed here from its own data, the way
Statistics Denmark and the key-figure portals define them, so they can stand beside the
figures of ``benchmark.csv``:

- net spending (nettoudgift) of the frame per 0-17-year-old on 1 January (REGK31 / FOLK1A);
- children with a placement (anbringelse, the intervening step) on 31 December per 1,000
  0-22-year-olds (ANBAAR);
- children with a preventive or anticipating measure on 31 December per 1,000 0-22-year-olds
  (BU04A's forebyggende foranstaltninger);
- the share of placed children who are in family care (familiepleje);
- the price per full-year case (helårssag) per ladder step.

Each figure carries the number of children behind it, so outputs can apply the
small-number rule. ``as_of``-free: a year's figures use only that year's data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from ramme.core.ladder import LadderStep
from ramme.core.periods import DateRange
from ramme.core.records import Measure, MeasureType
from ramme.core.volume import active_days, price_per_full_year_case

NATIONAL = "Hele landet"
THOUSAND = Decimal(1000)
FAMILY_CARE_WORDS = ("plejefamilie", "familiepleje")
CHILD_AGES = range(0, 18)  # 0-17-year-olds: the denominator of spending
YOUNG_AGES = range(0, 23)  # 0-22-year-olds: the denominator of placements and measures


class Unit(StrEnum):
    """How an indicator's value reads: kroner, a rate per 1,000 or a share."""

    KR = "kr"
    PER_THOUSAND = "per_thousand"
    SHARE = "share"


@dataclass(frozen=True, slots=True)
class Indicator:
    """A key figure of the benchmark: its code in ``benchmark.csv`` and its Danish label."""

    code: str
    label: str
    unit: Unit


def _price_code(step: LadderStep) -> str:
    return f"pris_helaarssag_{step.value}"


INDICATORS: tuple[Indicator, ...] = (
    Indicator("udgift_pr_0_17", "Nettoudgift pr. 0-17-årig (kr.)", Unit.KR),
    Indicator(
        "anbragte_pr_1000_0_22", "Anbragte børn og unge pr. 1.000 0-22-årige", Unit.PER_THOUSAND
    ),
    Indicator(
        "forebyggende_pr_1000_0_22",
        "Børn og unge med forebyggende indsatser pr. 1.000 0-22-årige",
        Unit.PER_THOUSAND,
    ),
    Indicator("andel_familiepleje", "Andel af anbragte i familiepleje", Unit.SHARE),
    *(
        Indicator(_price_code(step), f"Pris pr. helårssag, {step.label.lower()} (kr.)", Unit.KR)
        for step in LadderStep
    ),
)
BY_CODE = {indicator.code: indicator for indicator in INDICATORS}


@dataclass(frozen=True, slots=True)
class PopulationCount:
    """Inhabitants of one age on 1 January of ``year`` (FOLK1A)."""

    year: int
    age: int
    count: int


@dataclass(frozen=True, slots=True)
class BenchmarkValue:
    """One row of ``benchmark.csv``: another municipality's or the country's figure."""

    year: int
    municipality: str
    indicator: str
    value: Decimal
    source: str = ""


@dataclass(frozen=True, slots=True)
class Figure:
    """A value and the children behind it (None: not a count of children, never hidden)."""

    value: Decimal | None
    children: int | None = None


@dataclass(frozen=True, slots=True)
class MunicipalityRow:
    """One municipality's values of one indicator, one per year (None: not supplied)."""

    municipality: str
    own: bool
    figures: tuple[Figure | None, ...]
    source: str = ""


@dataclass(frozen=True, slots=True)
class Comparison:
    """One indicator over the years: the municipality first, then the others, the country last."""

    indicator: Indicator
    years: tuple[int, ...]
    rows: tuple[MunicipalityRow, ...]


@dataclass(frozen=True)
class OwnData:
    """What the municipality's own figures are computed from."""

    spending: Mapping[int, Decimal]  # net spending of the frame per calendar year
    population: Sequence[PopulationCount]
    measures: Sequence[Measure]
    measure_types: Mapping[str, MeasureType]
    price_index: Mapping[int, Decimal]


def population_in(population: Iterable[PopulationCount], year: int, ages: range) -> int:
    """Inhabitants of ``ages`` on 1 January of ``year`` (0 when the year is missing)."""
    return sum(p.count for p in population if p.year == year and p.age in ages)


def is_family_care(measure_type: MeasureType) -> bool:
    """Foster families, network and municipal ones alike (by the catalogue's name)."""
    name = measure_type.name.casefold()
    return any(word in name for word in FAMILY_CARE_WORDS)


def _children_on(
    measures: Iterable[Measure], day: date, keep: Callable[[Measure], bool]
) -> set[str]:
    return {m.child_key for m in measures if keep(m) and m.is_active_on(day)}


def _rate(children: int, inhabitants: int) -> Figure:
    if not inhabitants:
        return Figure(None, children)
    return Figure(Decimal(children) * THOUSAND / inhabitants, children)


def own_figures(data: OwnData, year: int) -> dict[str, Figure]:
    """The municipality's value of every indicator for ``year``."""
    types, day = data.measure_types, date(year, 12, 31)

    def on_step(*steps: LadderStep) -> Callable[[Measure], bool]:
        return lambda m: m.measure_type in types and types[m.measure_type].ladder_step in steps

    placed = _children_on(data.measures, day, on_step(LadderStep.INTERVENING))
    family = _children_on(
        data.measures,
        day,
        lambda m: on_step(LadderStep.INTERVENING)(m) and is_family_care(types[m.measure_type]),
    )
    preventive = _children_on(
        data.measures, day, on_step(LadderStep.PREVENTIVE, LadderStep.ANTICIPATING)
    )
    young = population_in(data.population, year, YOUNG_AGES)
    children = population_in(data.population, year, CHILD_AGES)
    spending = data.spending.get(year)
    figures = {
        "udgift_pr_0_17": Figure(
            spending / children if spending is not None and children else None
        ),
        "anbragte_pr_1000_0_22": _rate(len(placed), young),
        "forebyggende_pr_1000_0_22": _rate(len(preventive), young),
        "andel_familiepleje": Figure(
            Decimal(len(family)) / len(placed) if placed else None, len(placed)
        ),
    }
    figures.update(_unit_prices(data, year))
    return figures


def _unit_prices(data: OwnData, year: int) -> dict[str, Figure]:
    by_step: dict[LadderStep, list[Measure]] = defaultdict(list)
    for measure in data.measures:
        kind = data.measure_types.get(measure.measure_type)
        if kind is not None:
            by_step[kind.ladder_step].append(measure)
    period = DateRange.year(year)
    result = {}
    for step in LadderStep:
        # the same selection as the annual accounts' Table 3, so the two prices agree
        active = [m for m in by_step[step] if active_days(m, period) > 0]
        price = price_per_full_year_case(active, period, data.price_index)
        result[_price_code(step)] = Figure(price, len({m.child_key for m in active}))
    return result


def compare(
    own_name: str,
    years: Sequence[int],
    data: OwnData,
    others: Iterable[BenchmarkValue],
) -> tuple[Comparison, ...]:
    """Every indicator over ``years``: own figures beside each municipality that supplied it."""
    own = {year: own_figures(data, year) for year in years}
    supplied: dict[str, dict[str, dict[int, BenchmarkValue]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for value in others:
        if value.year in years and value.indicator in BY_CODE:
            supplied[value.indicator][value.municipality][value.year] = value
    result = []
    for indicator in INDICATORS:
        rows = [
            MunicipalityRow(own_name, True, tuple(own[year].get(indicator.code) for year in years))
        ]
        names = sorted(supplied[indicator.code], key=lambda n: (n == NATIONAL, n))
        for name in names:
            by_year = supplied[indicator.code][name]
            rows.append(
                MunicipalityRow(
                    name,
                    False,
                    tuple(Figure(by_year[y].value) if y in by_year else None for y in years),
                    ", ".join(sorted({v.source for v in by_year.values() if v.source})),
                )
            )
        result.append(Comparison(indicator, tuple(years), tuple(rows)))
    return tuple(result)
