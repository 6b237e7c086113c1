"""The explanatory figures of the follow-up: units and unit price by ladder step over the
years (annual accounts Tables 3-4), the most expensive cases, new and ended measures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from ramme.core import expensive
from ramme.core.forecast import Forecast, Prepared, TypeVolume, volumes_from_forecast
from ramme.core.forecast.data import INF
from ramme.core.forecast.results import kr
from ramme.core.periods import DateRange
from ramme.core.pricing import yearly_price
from ramme.core.records import Measure
from ramme.core.volume import full_year_cases, grouped, known_on, units_on
from ramme.reports.development import development

YEARS_BACK = 4


@dataclass(frozen=True)
class StepVolume:
    """One ladder step in one year: units on 31 December (or the as-of date) and price."""

    year: int
    units: int
    full_year_cases: Decimal
    price: Decimal | None  # average cost per full-year case
    expected: bool  # this year's figures are the forecast's expectation


def ladder_volumes(prep: Prepared, fc: Forecast) -> dict[str, list[StepVolume]]:
    """Per ladder step, the years up to the forecast year (this year as expected).

    The completed years are the annual report's development figures (``development``: units
    on 31 December, price per full-year case) on the measures as known on the as-of date,
    so the page and the report show one figure; this year is the forecast's expectation."""
    data = prep.dataset
    measures = known_on(
        (m for m in data.measures if m.measure_type in data.measure_types), fc.as_of
    )
    first = min((m.start_date.year for m in measures), default=fc.year)
    past = range(max(first, fc.year - YEARS_BACK), fc.year)
    figures = development(measures, data.measure_types, data.price_index, past)
    by_step = grouped(measures, lambda m: str(data.measure_types[m.measure_type].ladder_step))
    result: dict[str, list[StepVolume]] = defaultdict(list)
    for step, years in sorted((str(s), y) for s, y in figures.items()):
        for year, fig in years.items():
            if fig.price is not None:  # no volume in the year: no row, as in the report
                cases = full_year_cases(by_step[step], DateRange.year(year))
                result[step].append(StepVolume(year, fig.units, cases.quantize(Decimal("0.1")),
                                               fig.price.quantize(Decimal(1)), False))  # fmt: skip
    _add_expected_year(result, by_step, prep, fc)
    return dict(result)


def _add_expected_year(
    result: dict[str, list[StepVolume]],
    by_step: dict[str, list[Measure]],
    prep: Prepared,
    fc: Forecast,
) -> None:
    """This year: units on the as-of date, full-year cases and cost as the forecast expects."""
    for step, (cases, cost) in sorted(_by_step(prep, volumes_from_forecast(fc)).items()):
        price = (cost / cases).quantize(Decimal(1)) if cases else None
        units = units_on(by_step.get(step, []), fc.as_of)
        result[step].append(StepVolume(fc.year, units, cases.quantize(Decimal("0.1")), price, True))


def _by_step(prep: Prepared, volumes: dict[str, TypeVolume]) -> dict[str, list[Decimal]]:
    out: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for code, vol in volumes.items():
        mtype = prep.dataset.measure_types.get(code)
        if mtype is not None:
            out[str(mtype.ladder_step)][0] += vol.full_year_cases
            out[str(mtype.ladder_step)][1] += vol.cost
    return out


def _known_active(measure: Measure, day: date, as_of: date) -> bool:
    """Active on ``day`` as known on ``as_of`` (a later end date is not known yet)."""
    if measure.start_date > min(day, as_of):
        return False
    end = measure.end_date if measure.end_date and measure.end_date <= as_of else None
    return end is None or day <= end


Behind = dict[tuple[str, int], tuple[set[str], set[str]]]  # (step, year) -> children


def volume_children(prep: Prepared, fc: Forecast) -> Behind:
    """Per (ladder step, year) of ``ladder_volumes``: the children behind its units (active
    on the day) and behind its price (active in the year), for the small-number rule."""
    types = prep.dataset.measure_types
    out: dict[tuple[str, int], tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for year in range(fc.year - YEARS_BACK, fc.year + 1):
        day = fc.as_of if year == fc.year else date(year, 12, 31)
        first = date(year, 1, 1)
        for m in prep.dataset.measures:
            if m.measure_type not in types or m.start_date > min(day, fc.as_of):
                continue
            end = m.end_date if m.end_date and m.end_date <= fc.as_of else None
            if end is not None and end < first:
                continue
            units, in_year = out[(str(types[m.measure_type].ladder_step), year)]
            in_year.add(m.child_key)
            if _known_active(m, day, fc.as_of):
                units.add(m.child_key)
    return dict(out)


@dataclass(frozen=True)
class CaseRow:
    """One measure in a case-level list (most expensive, new, ended)."""

    measure_id: str
    measure_type: str
    activity: str
    start_date: date
    end_date: date | None
    yearly_price: Decimal  # on the as-of date
    yearly_price_before: Decimal | None  # a year earlier (price development)
    year_cost: Decimal  # accrued + expected in the forecast year


def _case_rows(prep: Prepared, fc: Forecast, indices: list[int]) -> list[CaseRow]:
    by_id = {m.measure_id: m for m in prep.dataset.measures}
    t, index = fc.measures, prep.dataset.price_index
    year_ago = fc.as_of - timedelta(days=365)
    rows = []
    for i in indices:
        measure = by_id[t.measure_ids[i]]
        end = int(t.known_end[i])
        before = yearly_price(measure, year_ago, index) if measure.start_date <= year_ago else None
        rows.append(
            CaseRow(
                t.measure_ids[i],
                t.types[i],
                t.activities[i],
                measure.start_date,
                None if end >= INF else date.fromordinal(end),
                kr(float(t.daily_price[i]) * 365),
                None if before is None else before.quantize(Decimal(1)),
                kr(float(t.accrued[i] + t.expected[i])),
            )
        )
    return rows


def most_expensive(prep: Prepared, fc: Forecast, n: int = 10) -> list[CaseRow]:
    """The ``n`` most expensive cases on the as-of date (the core's one ranking, as in the
    annual report; case level: restricted)."""
    data = prep.dataset
    position = {measure_id: i for i, measure_id in enumerate(fc.measures.measure_ids)}
    ranked = expensive.most_expensive(data.measures, data.price_index, fc.as_of, n)
    rows = _case_rows(prep, fc, [position[p.measure.measure_id] for p in ranked])
    # the price the ranking is by, so the column reads in the order the rows stand
    prices = [p.yearly_price.quantize(Decimal(1)) for p in ranked]
    return [replace(row, yearly_price=price) for row, price in zip(rows, prices, strict=True)]


def month_changes(prep: Prepared, fc: Forecast) -> tuple[list[CaseRow], list[CaseRow]]:
    """Measures started and ended in the as-of date's month (up to the as-of date)."""
    t = fc.measures
    first, last = fc.as_of.replace(day=1).toordinal(), fc.as_of.toordinal()
    new = [i for i in range(len(t)) if first <= int(t.start[i]) <= last]
    ended = [i for i in range(len(t)) if first <= int(t.known_end[i]) <= last]
    return _case_rows(prep, fc, new), _case_rows(prep, fc, ended)


@dataclass(frozen=True)
class ChangeCount:
    activity: str
    new: int
    new_yearly: Decimal
    ended: int
    ended_year_cost: Decimal


def change_counts(new: list[CaseRow], ended: list[CaseRow]) -> list[ChangeCount]:
    """New and ended measures per line (aggregates: shown to everyone)."""
    lines = sorted({r.activity for r in new} | {r.activity for r in ended})
    return [
        ChangeCount(
            name,
            sum(1 for r in new if r.activity == name),
            sum((r.yearly_price for r in new if r.activity == name), Decimal(0)),
            sum(1 for r in ended if r.activity == name),
            sum((r.year_cost for r in ended if r.activity == name), Decimal(0)),
        )
        for name in lines
    ]
