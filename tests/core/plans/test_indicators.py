"""Indicator statuses right by construction."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ramme.core.periods import Month
from ramme.core.plans.indicators import (
    IndicatorData,
    IndicatorDefinition,
    IndicatorKind,
    IndicatorTarget,
    indicator_status,
    months_between,
    value_on,
)
from ramme.core.records import Event, ProviderKind
from tests.core.plans.helpers import measure

AS_OF = date(2019, 9, 30)
BASELINE = tuple(months_between(Month(2019, 1), Month(2019, 3)))
MONTHS = months_between(Month(2019, 1), Month(2019, 9))


def test_fewer_residential_placements_by_ten_percent_is_reached_when_two_of_ten_end() -> None:
    stays = [measure(f"S{i}", "OPH", date(2018, 1, 1)) for i in range(8)]
    leave = [measure(f"L{i}", "OPH", date(2018, 1, 1), date(2019, 6, 15)) for i in range(2)]
    other = measure("P", "PLF", date(2018, 1, 1))
    data = IndicatorData([*stays, *leave, other], [], {})
    target = IndicatorTarget(BASELINE, Decimal("-0.10"), True, date(2019, 12, 31))
    status = indicator_status(
        IndicatorDefinition(IndicatorKind.CHILDREN, frozenset({"OPH"})), target, data, MONTHS, AS_OF
    )
    assert status.baseline == 10 and status.goal == 9
    assert [p.achieved for p in status.points] == [False] * 5 + [True] * 4
    assert status.achieved is True


def test_two_fewer_pupils_in_day_treatment_is_an_absolute_target() -> None:
    pupils = [measure(f"D{i}", "DAG", date(2018, 8, 1)) for i in range(5)]
    pupils.append(measure("D9", "DAG", date(2018, 8, 1), date(2019, 7, 31)))
    data = IndicatorData(pupils, [], {})
    target = IndicatorTarget(BASELINE, Decimal(-2), False, date(2019, 12, 31))
    status = indicator_status(
        IndicatorDefinition(IndicatorKind.CHILDREN, frozenset({"DAG"})), target, data, MONTHS, AS_OF
    )
    assert status.goal == 4 and status.latest is not None and status.latest.value == 5
    assert status.achieved is False


def test_more_in_network_foster_care_is_a_rising_share() -> None:
    foster = [measure(f"F{i}", "PLF", date(2018, 1, 1)) for i in range(9)]
    network = [measure("N0", "NPL", date(2018, 1, 1)), measure("N1", "NPL", date(2019, 8, 1))]
    data = IndicatorData([*foster, *network], [], {})
    defn = IndicatorDefinition(
        IndicatorKind.SHARE, frozenset({"NPL"}), share_of_types=frozenset({"PLF"})
    )
    target = IndicatorTarget(BASELINE, Decimal("0.05"), True, date(2019, 12, 31))
    status = indicator_status(defn, target, data, MONTHS, AS_OF)
    assert status.baseline == Decimal(1) / 10
    assert [p.achieved for p in status.points][-2:] == [True, True]
    assert status.points[0].achieved is False


def test_child_investigations_are_counted_per_month() -> None:
    events = [Event(f"e{i}", date(2019, 1 + i % 3, 5), "undersoegelse") for i in range(9)]
    events.append(Event("u", date(2019, 1, 5), "underretning"))
    data = IndicatorData([], events, {})
    defn = IndicatorDefinition(IndicatorKind.EVENTS, event_kind="undersoegelse")
    assert value_on(defn, data, Month(2019, 1), AS_OF) == 3
    assert value_on(defn, data, Month(2019, 4), AS_OF) == 0
    assert value_on(defn, data, Month(2019, 10), AS_OF) is None


def test_external_contact_persons_and_average_price() -> None:
    measures = [
        measure("X1", "KP", date(2019, 1, 1), price=100),
        measure("X2", "KP", date(2019, 1, 1), price=300),
        measure("I1", "KP", date(2019, 1, 1), price=50, provider_kind=ProviderKind.INTERNAL),
    ]
    data = IndicatorData(measures, [], {})
    external = IndicatorDefinition(IndicatorKind.MEASURES, frozenset({"KP"}), ProviderKind.EXTERNAL)
    price = IndicatorDefinition(
        IndicatorKind.AVERAGE_PRICE, frozenset({"KP"}), ProviderKind.EXTERNAL
    )
    assert value_on(external, data, Month(2019, 2), AS_OF) == 2
    assert value_on(price, data, Month(2019, 2), AS_OF) == Decimal(200 * 365)


def test_average_duration_of_placements_ended_in_the_last_twelve_months() -> None:
    measures = [
        measure("A", "PLF", date(2019, 1, 1), date(2019, 1, 31)),  # 31 days
        measure("B", "NPL", date(2018, 9, 1), date(2019, 8, 28)),  # 362 days
        measure("C", "PLF", date(2017, 1, 1), date(2018, 8, 31)),  # 608 days
        measure("D", "PLF", date(2019, 1, 1)),  # still going
        measure("E", "PLF", date(2019, 6, 1), date(2019, 5, 1)),  # end before start: left out
        measure("F", "OPH", date(2019, 1, 1), date(2019, 2, 1)),  # residential: not chosen
    ]
    data = IndicatorData(measures, [], {})
    defn = IndicatorDefinition(IndicatorKind.AVERAGE_DURATION, frozenset({"PLF", "NPL"}))
    # the 12 months through September 2019 start 01.10.2018: A and B
    assert value_on(defn, data, Month(2019, 9), AS_OF) == Decimal(31 + 362) / 2
    assert value_on(defn, data, Month(2019, 8), date(2019, 8, 27)) == 31  # B ends 28.08
    assert value_on(defn, data, Month(2019, 2), AS_OF) == Decimal(31 + 608) / 2
    assert value_on(defn, data, Month(2017, 12), AS_OF) is None  # nothing ended in 2017


def test_children_with_a_placement_started_in_the_last_twelve_months() -> None:
    measures = [
        measure("A", "PLF", date(2018, 10, 1)),  # the window's first day
        measure("B1", "PLF", date(2019, 2, 1), date(2019, 3, 31), child="b"),  # ended: counts
        measure("B2", "NPL", date(2019, 5, 1), child="b"),  # the same child: once
        measure("C", "PLF", date(2018, 9, 30)),  # the day before the window
        measure("D", "PLF", date(2019, 9, 15)),  # after the as-of day below
        measure("E", "OPH", date(2019, 1, 1)),  # residential: not chosen
    ]
    data = IndicatorData(measures, [], {})
    defn = IndicatorDefinition(IndicatorKind.CHILDREN_STARTED, frozenset({"PLF", "NPL"}))
    # the 12 months through September 2019 start 01.10.2018: A, b and D
    assert value_on(defn, data, Month(2019, 9), AS_OF) == 3
    assert value_on(defn, data, Month(2019, 9), date(2019, 9, 14)) == 2  # D starts 15.09
    assert value_on(defn, data, Month(2019, 8), AS_OF) == 3  # 01.09.2018-31.08.2019: C, A, b
    assert value_on(defn, data, Month(2019, 10), AS_OF) is None
