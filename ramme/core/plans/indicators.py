"""Key indicators (pejlemærker): a figure over the data, a baseline, a target by a date.

Stock figures (children, measures, average price, share) are taken on the month's last day
(or ``as_of`` in the running month); flow figures (events, new measures) count the month;
the average duration looks at the measures ended in the 12 months up to that day, the
number of children started counts the children whose measures started in them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from ramme.core.periods import Month
from ramme.core.pricing import yearly_price
from ramme.core.records import Event, Measure, ProviderKind


class IndicatorKind(StrEnum):
    CHILDREN = "children"  # antal børn i indsatstyperne
    MEASURES = "measures"  # antal indsatser (fx eksterne kontaktpersoner)
    AVERAGE_PRICE = "average_price"  # gennemsnitlig årspris pr. indsats
    SHARE = "share"  # andel børn i typerne blandt børn i ``share_of_types``
    EVENTS = "events"  # antal hændelser af en art i måneden (underretning, undersoegelse)
    NEW_MEASURES = "new_measures"  # antal nye indsatser i måneden
    AVERAGE_DURATION = "average_duration"  # gns. varighed (dage) af indsatser afsluttet 12 mdr.
    CHILDREN_STARTED = "children_started"  # antal børn med en indsats startet de seneste 12 mdr.


KIND_LABELS = {
    IndicatorKind.CHILDREN: "Antal børn",
    IndicatorKind.MEASURES: "Antal indsatser",
    IndicatorKind.AVERAGE_PRICE: "Gennemsnitspris (årspris)",
    IndicatorKind.SHARE: "Andel",
    IndicatorKind.EVENTS: "Antal hændelser i måneden",
    IndicatorKind.NEW_MEASURES: "Antal nye indsatser i måneden",
    IndicatorKind.AVERAGE_DURATION: "Gennemsnitlig varighed af afsluttede indsatser (dage)",
    IndicatorKind.CHILDREN_STARTED: "Antal børn med en indsats startet de seneste 12 måneder",
}


@dataclass(frozen=True)
class IndicatorDefinition:
    kind: IndicatorKind
    measure_types: frozenset[str] = frozenset()
    provider_kind: ProviderKind | None = None
    share_of_types: frozenset[str] = frozenset()
    event_kind: str = ""


@dataclass(frozen=True)
class IndicatorData:
    measures: Sequence[Measure]
    events: Sequence[Event]
    index: Mapping[int, Decimal]


def _chosen(defn: IndicatorDefinition, data: IndicatorData, types: frozenset[str]) -> list[Measure]:
    return [
        m
        for m in data.measures
        if (not types or m.measure_type in types)
        and (defn.provider_kind is None or m.provider_kind == defn.provider_kind)
    ]


def _children(measures: list[Measure], day: date) -> int:
    return len({m.child_key for m in measures if m.is_active_on(day)})


def _average_price(defn: IndicatorDefinition, data: IndicatorData, day: date) -> Decimal | None:
    active = [m for m in _chosen(defn, data, defn.measure_types) if m.is_active_on(day)]
    prices = [yearly_price(m, day, data.index) for m in active]
    return sum(prices, Decimal(0)) / len(prices) if prices else None


def _share(defn: IndicatorDefinition, data: IndicatorData, day: date) -> Decimal | None:
    whole = _children(_chosen(defn, data, defn.share_of_types | defn.measure_types), day)
    part = _children(_chosen(defn, data, defn.measure_types), day)
    return Decimal(part) / whole if whole else None


def _year_start(month: Month) -> date:
    """The first day of the 12 months through ``month``."""
    first = month
    for _ in range(11):
        first = first.previous()
    return first.first_day


def ended_within_year(
    defn: IndicatorDefinition, data: IndicatorData, month: Month, day: date
) -> list[Measure]:
    """The chosen measures that ended in the 12 months through ``month``, by ``day``; an end
    before the start is a data error (a quality finding) and left out."""
    first = _year_start(month)
    return [
        m
        for m in _chosen(defn, data, defn.measure_types)
        if m.end_date is not None and first <= m.end_date <= day and m.start_date <= m.end_date
    ]


def started_within_year(
    defn: IndicatorDefinition, data: IndicatorData, month: Month, day: date
) -> list[Measure]:
    """The chosen measures that started in the 12 months through ``month``, by ``day``
    (whether or not they have ended since)."""
    first = _year_start(month)
    return [m for m in _chosen(defn, data, defn.measure_types) if first <= m.start_date <= day]


def _average_duration(
    defn: IndicatorDefinition, data: IndicatorData, month: Month, day: date
) -> Decimal | None:
    """Mean length in days, both ends counted: 01.01-31.01 is 31 days."""
    ended = ended_within_year(defn, data, month, day)
    days = [(m.end_date - m.start_date).days + 1 for m in ended if m.end_date is not None]
    return Decimal(sum(days)) / len(days) if days else None


def value_on(
    defn: IndicatorDefinition, data: IndicatorData, month: Month, as_of: date
) -> Decimal | None:
    """The indicator's value for ``month`` as known on ``as_of`` (None: nothing to measure)."""
    if month.first_day > as_of:
        return None
    day = min(month.last_day, as_of)
    stock: dict[IndicatorKind, Callable[[], Decimal | None]] = {
        IndicatorKind.CHILDREN: lambda: Decimal(
            _children(_chosen(defn, data, defn.measure_types), day)
        ),
        IndicatorKind.MEASURES: lambda: Decimal(
            sum(1 for m in _chosen(defn, data, defn.measure_types) if m.is_active_on(day))
        ),
        IndicatorKind.AVERAGE_PRICE: lambda: _average_price(defn, data, day),
        IndicatorKind.SHARE: lambda: _share(defn, data, day),
        IndicatorKind.EVENTS: lambda: Decimal(
            sum(
                1
                for e in data.events
                if e.kind == defn.event_kind and Month.of(e.date) == month and e.date <= as_of
            )
        ),
        IndicatorKind.NEW_MEASURES: lambda: Decimal(
            sum(
                1
                for m in _chosen(defn, data, defn.measure_types)
                if Month.of(m.start_date) == month and m.start_date <= as_of
            )
        ),
        IndicatorKind.AVERAGE_DURATION: lambda: _average_duration(defn, data, month, day),
        IndicatorKind.CHILDREN_STARTED: lambda: Decimal(
            len({m.child_key for m in started_within_year(defn, data, month, day)})
        ),
    }
    return stock[defn.kind]()


@dataclass(frozen=True)
class IndicatorTarget:
    """Baseline months, and a change by a date: relative (-0.10) or absolute (-2)."""

    baseline: tuple[Month, ...]
    change: Decimal
    relative: bool
    by: date

    def goal(self, baseline: Decimal) -> Decimal:
        return baseline * (1 + self.change) if self.relative else baseline + self.change

    def reached(self, value: Decimal, goal: Decimal) -> bool:
        """Lower is better for a negative change, higher for a positive one."""
        return value >= goal if self.change > 0 else value <= goal


@dataclass(frozen=True)
class Point:
    month: Month
    value: Decimal | None
    achieved: bool | None


@dataclass(frozen=True)
class IndicatorStatus:
    baseline: Decimal | None
    goal: Decimal | None
    points: tuple[Point, ...]

    @property
    def latest(self) -> Point | None:
        measured = [p for p in self.points if p.value is not None]
        return measured[-1] if measured else None

    @property
    def achieved(self) -> bool | None:
        """Whether the latest measured month reaches the goal."""
        latest = self.latest
        return latest.achieved if latest is not None else None


def months_between(first: Month, last: Month) -> list[Month]:
    result, month = [], first
    while month <= last:
        result.append(month)
        month = month.next()
    return result


def indicator_status(
    defn: IndicatorDefinition,
    target: IndicatorTarget,
    data: IndicatorData,
    months: Sequence[Month],
    as_of: date,
) -> IndicatorStatus:
    """Baseline (mean over the baseline months), goal, and each month's value and status."""
    base_values = [value_on(defn, data, m, as_of) for m in target.baseline]
    known = [v for v in base_values if v is not None]
    baseline = sum(known, Decimal(0)) / len(known) if known else None
    goal = target.goal(baseline) if baseline is not None else None
    points = []
    for month in months:
        value = value_on(defn, data, month, as_of)
        ok = None if value is None or goal is None else target.reached(value, goal)
        points.append(Point(month, value, ok))
    return IndicatorStatus(baseline, goal, tuple(points))
