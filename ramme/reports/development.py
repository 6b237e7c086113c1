"""Development figures of the annual accounts (Tables 3 and 4): per ladder step and year,
the price per full-year case (enhedspris) and the units on 31 December, with the number of
children behind each figure so the small-number rule can be applied.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ramme.core.expensive import most_expensive
from ramme.core.ladder import LadderStep
from ramme.core.periods import DateRange
from ramme.core.pricing import measure_cost
from ramme.core.records import Measure, MeasureType
from ramme.core.volume import active_days, grouped, price_per_full_year_case


@dataclass(frozen=True, slots=True)
class StepYear:
    """One ladder step in one year."""

    price: Decimal | None  # cost per full-year case, kr.
    price_children: int  # children with any active day in the year
    units: int  # measures active on 31 December
    unit_children: int  # children with a measure active on 31 December


def step_year(measures: list[Measure], year: int, index: Mapping[int, Decimal]) -> StepYear:
    period = DateRange.year(year)
    in_year = [m for m in measures if active_days(m, period) > 0]
    last_day = date(year, 12, 31)
    on_last = [m for m in measures if m.is_active_on(last_day)]
    return StepYear(
        price=price_per_full_year_case(in_year, period, index),
        price_children=len({m.child_key for m in in_year}),
        units=len(on_last),  # units_on(measures, last_day), the list already at hand
        unit_children=len({m.child_key for m in on_last}),
    )


def development(
    measures: Iterable[Measure],
    types: Mapping[str, MeasureType],
    index: Mapping[int, Decimal],
    years: Iterable[int],
    own_rows: Mapping[str, Collection[str]] | None = None,
) -> dict[str, dict[int, StepYear]]:
    """Per ladder step (in ladder order) and year: price per unit and units per 31 December.

    ``own_rows`` (label -> activity lines) are rows of their own after the steps, as
    document 002's «Småbørnsstøtte og specialinstitutioner»: the measures of types booked on
    those lines count there and not under their step, so the rows add to Table 4's total.
    A row whose lines exist but have no measures is still shown (the tables say «ingen data»).
    """
    rows = _row_of_line(own_rows or {})
    by_row = grouped(
        (m for m in measures if m.measure_type in types),
        lambda m: _row(types[m.measure_type], rows),
    )
    wanted = list(years)
    order = [*LadderStep, *(own_rows or {})]
    return {
        str(key): {year: step_year(by_row.get(key, []), year, index) for year in wanted}
        for key in order
        if key in by_row or key in (own_rows or {})
    }


def _row_of_line(own_rows: Mapping[str, Collection[str]]) -> dict[str, str]:
    """Activity line (case-folded, as names are spelt differently) -> its own row's label."""
    return {line.casefold(): label for label, lines in own_rows.items() for line in lines}


def _row(kind: MeasureType, rows: Mapping[str, str]) -> str:
    return rows.get(kind.activity.casefold(), kind.ladder_step)


@dataclass(frozen=True, slots=True)
class CaseCost:
    """One measure's cost in a year: a case-level row for the restricted version only."""

    measure_id: str
    child_key: str
    measure_type: str
    ladder_step: LadderStep
    yearly_price: Decimal  # on 31 December: what the ranking is by
    cost: Decimal  # in the year, from the prices


def most_expensive_in_year(
    measures: Iterable[Measure],
    types: Mapping[str, MeasureType],
    index: Mapping[int, Decimal],
    year: int,
    count: int = 10,
) -> list[CaseCost]:
    """The ``count`` most expensive cases on 31 December of ``year`` (the core's one
    ranking, as on the follow-up page on that date), each with its cost in the year."""
    period, day = DateRange.year(year), date(year, 12, 31)
    return [
        CaseCost(
            p.measure.measure_id,
            p.measure.child_key,
            types[p.measure.measure_type].name,
            types[p.measure.measure_type].ladder_step,
            p.yearly_price,
            measure_cost(p.measure, period, index),
        )
        for p in most_expensive(measures, index, day, count, types.keys())
    ]
