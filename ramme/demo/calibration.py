"""Calibration figures computed the way the rest of ramme computes them.

The in-memory demo is turned into ramme.core.records and measured with ramme.core.pricing and
ramme.core.volume; ledger figures are sums of the generated postings. Used by tests/demo and
by docs/demo.md's calibration table.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import numpy as np

from ramme.core import volume
from ramme.core.ladder import LadderStep
from ramme.core.periods import DateRange
from ramme.core.records import Measure, PriceKind, PricePeriod, PriceUnit
from ramme.demo import days as d
from ramme.demo.days import OPEN
from ramme.demo.model import KIND_BASE, NO_DAY, UNITS, World
from ramme.demo.parameters import index_rate
from ramme.demo.run import Generated


def _day(value: int) -> date | None:
    return None if value >= OPEN or value <= NO_DAY else d.to_date(value)


def core_measures(world: World, ids: list[str], active_from: int | None = None) -> list[Measure]:
    """ramme.core.records.Measure for every measure (optionally only those running from a day)."""
    m, p = world.measures, world.prices
    periods: dict[int, list[PricePeriod]] = defaultdict(list)
    for i in range(len(p)):
        periods[int(p.measure[i])].append(
            PricePeriod(
                valid_from=d.to_date(int(p.valid_from[i])),
                valid_to=_day(int(p.valid_to[i])),
                kind=PriceKind.BASE if p.kind[i] == KIND_BASE else PriceKind.SUPPLEMENT,
                amount=Decimal(f"{p.amount[i]:.2f}"),
                unit=PriceUnit(UNITS[int(p.unit[i])]),
                hours_per_week=Decimal(f"{p.hours[i]:g}")
                if UNITS[int(p.unit[i])] == "hour"
                else None,
            )
        )
    codes = [t.code for t in world.types]
    rows = range(len(m)) if active_from is None else np.flatnonzero(m.end >= active_from).tolist()
    return [
        Measure(
            measure_id=ids[i],
            child_key=world.children.cpr[int(m.child[i])]
            if world.children.cpr
            else str(m.child[i]),
            measure_type=codes[int(m.mtype[i])],
            start_date=d.to_date(int(m.start[i])),
            end_date=_day(int(m.end[i])),
            prices=tuple(periods[i]),
        )
        for i in rows
    ]


def price_index(first: int, last: int) -> dict[int, Decimal]:
    return {y: Decimal(f"{index_rate(y):g}") for y in range(first, last + 1)}


@dataclass(frozen=True)
class StepFigures:
    """Table 3 and 4 of the annual accounts for one ladder step and year."""

    units_31_dec: int
    price_per_unit: Decimal | None  # cost in the year / full-year cases


def ladder_figures(generated: Generated, year: int) -> dict[LadderStep, StepFigures]:
    world = generated.world
    measures = core_measures(world, generated.ids, active_from=d.day(year))
    step_of = {t.code: LadderStep(t.ladder_step) for t in world.types}
    groups = volume.grouped(measures, lambda x: step_of[x.measure_type])
    period = DateRange.year(year)
    index = price_index(world.first_year - 15, world.last_year + 1)
    return {
        step: StepFigures(
            volume.units_on(items, date(year, 12, 31)),
            volume.price_per_full_year_case(items, period, index),
        )
        for step, items in groups.items()
    }


def spending_by_line(generated: Generated, year: int) -> dict[str, Decimal]:
    """Sum of postings booked in ``year`` per activity line (refunds on their own lines)."""
    p = generated.ledger.postings
    lines = generated.world.params.lines
    sel = d.years_of(p.date) == year
    sums = np.bincount(p.line[sel], weights=p.amount[sel], minlength=len(lines))
    return {line.name: Decimal(f"{sums[i]:.2f}") for i, line in enumerate(lines)}


def frame_spending(generated: Generated, year: int) -> Decimal:
    return sum(spending_by_line(generated, year).values(), Decimal(0))


def events_per_year(generated: Generated, kind: int) -> dict[int, int]:
    e = generated.events
    years, counts = np.unique(d.years_of(e.date[e.kind == kind]), return_counts=True)
    return dict(zip(years.tolist(), counts.tolist(), strict=True))
