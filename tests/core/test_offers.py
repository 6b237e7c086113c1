"""Internal offers month by month (ramme.core.offers)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from ramme.core.ladder import LadderStep
from ramme.core.offers import (
    Offer,
    OfferData,
    StaffPeriod,
    WaitingSpell,
    caseworker_loads,
    comparable_types,
    offer_series,
)
from ramme.core.periods import Month
from ramme.core.records import (
    Child,
    Measure,
    MeasureType,
    PriceKind,
    PricePeriod,
    PriceUnit,
    ProviderKind,
)

TYPES = {
    "DUT": MeasureType("DUT", "Kontaktperson, Det Udegående Team", LadderStep.ANTICIPATING, "DUT"),
    "KP": MeasureType("KP", "Kontaktperson", LadderStep.ANTICIPATING, "Kontaktpersoner"),
    "AFL": MeasureType("AFL", "Aflastning", LadderStep.ANTICIPATING, "Aflastning"),
}
APRIL = Month(2024, 4)


def _m(n: int, kind: str, provider: str, start: date, end: date | None = None,
       daily: str = "100") -> Measure:  # fmt: skip
    external = provider.startswith("P")
    prices = (PricePeriod(start, None, PriceKind.BASE, Decimal(daily), PriceUnit.DAY),)
    return Measure(f"M{n}", f"c{n}", kind, start, end, provider_id=provider,
                   provider_kind=ProviderKind.EXTERNAL if external else ProviderKind.INTERNAL,
                   prices=prices)  # fmt: skip


def _data(
    measures: list[Measure],
    staff: Sequence[StaffPeriod] = (),
    waiting: Sequence[WaitingSpell] = (),
    costs: Mapping[tuple[str, Month], Decimal] | None = None,
) -> OfferData:
    return OfferData([Offer("I03", "DUT")], measures, TYPES, {}, staff, waiting, costs)


def test_occupied_places_are_active_days_over_the_days_of_the_month() -> None:
    measures = [_m(1, "DUT", "I03", date(2024, 1, 1)), _m(2, "DUT", "I03", date(2024, 4, 16))]
    staff = [StaffPeriod("I03", date(2024, 1, 1), None, places=10, staff=Decimal(1))]
    (series,) = offer_series(_data(measures, staff=staff), [APRIL])
    month = series.months[0]
    assert month.occupied == Decimal(30 + 15) / 30
    assert month.occupancy == month.occupied / 10
    assert month.children == 2 and month.caseload == 2


def test_waiting_list_counts_the_children_on_it_on_the_last_day() -> None:
    spells = [
        WaitingSpell("a", "I03", date(2024, 3, 1), None),
        WaitingSpell("b", "I03", date(2024, 3, 1), date(2024, 4, 10)),  # left in April
        WaitingSpell("c", "I03", date(2024, 4, 30), None),
    ]
    (series,) = offer_series(_data([], waiting=spells), [APRIL])
    assert series.months[0].waiting == 2 and series.has_waiting


def test_cost_per_occupied_place_stands_beside_the_external_price_of_the_same_kind() -> None:
    measures = [
        _m(1, "DUT", "I03", date(2024, 1, 1)),
        _m(2, "KP", "P1", date(2024, 1, 1), daily="200"),
    ]
    costs = {("I03", APRIL): Decimal("4500")}
    (series,) = offer_series(_data(measures, costs=costs), [APRIL])
    month = series.months[0]
    assert series.compared_with == ("KP",)
    assert month.cost_per_place == Decimal("4500")
    assert month.external_price == Decimal(200 * 30)


def test_an_offer_is_compared_with_its_own_type_when_that_is_also_bought_outside() -> None:
    measures = [_m(1, "AFL", "I03", date(2024, 1, 1)), _m(2, "AFL", "P1", date(2024, 1, 1)),
                _m(3, "KP", "P2", date(2024, 1, 1))]  # fmt: skip
    assert comparable_types(["AFL"], _data(measures)) == ("AFL",)


def test_places_follow_the_staff_period_in_force_at_the_month_end() -> None:
    staff = [
        StaffPeriod("I03", date(2024, 1, 1), date(2024, 3, 31), places=8),
        StaffPeriod("I03", date(2024, 4, 1), None, places=10),
    ]
    (series,) = offer_series(_data([], staff=staff), [Month(2024, 3), APRIL])
    assert [m.places for m in series.months] == [8, 10]


def test_caseworker_caseload_counts_children_with_an_active_measure() -> None:
    children = {f"c{i}": Child(f"c{i}", caseworker="alice" if i < 3 else "bob") for i in range(5)}
    measures = [_m(i, "KP", "P1", date(2024, 1, 1)) for i in range(5)]
    (load,) = caseworker_loads(children, measures, [APRIL])
    assert (load.caseworkers, load.children, load.highest) == (2, 5, 3)
    assert load.average == Decimal("2.5")
