"""Review lists find exactly the planted cases."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Protocol

from ramme.core.ladder import LadderStep
from ramme.core.plans.internal import Capacity, caseloads, occupancy, provider_cases
from ramme.core.plans.reviews import (
    due_for_review,
    months_to_days,
    past_duration_limit,
    supplement_issues,
    unapproved,
    with_later_reviews,
)
from ramme.core.records import Measure, MeasureType, PriceKind, PricePeriod, PriceUnit
from tests.core.plans.helpers import day_price, measure

AS_OF = date(2021, 9, 30)


class _Identified(Protocol):
    @property
    def measure_id(self) -> str: ...


def ids(items: Iterable[_Identified]) -> list[str]:
    return [i.measure_id for i in items]


def test_measures_older_than_six_months_without_review_are_due() -> None:
    measures = [
        measure("OLD", "KP", date(2021, 3, 30)),  # exactly 6 months: due
        measure("NEW", "KP", date(2021, 4, 1)),
        measure("REVIEWED", "KP", date(2020, 1, 1)),
        measure("ENDED", "KP", date(2020, 1, 1), date(2021, 9, 1)),
    ]
    reviews = {"REVIEWED": date(2021, 5, 1)}
    assert ids(due_for_review(measures, reviews, AS_OF)) == ["OLD"]
    assert ids(due_for_review(measures, reviews, AS_OF, months=4)) == ["OLD", "NEW", "REVIEWED"]


def test_later_reviews_applied_to_a_due_list_equal_computing_it_with_them() -> None:
    measures = [
        measure("A", "KP", date(2020, 1, 1)),  # reviewed later, still due: stays, new date
        measure("B", "KP", date(2020, 1, 1)),  # reviewed recently: leaves
        measure("C", "KP", date(2021, 1, 1)),  # an older review than the import's: no change
        measure("D", "KP", date(2021, 3, 1)),  # never reviewed
    ]
    imported = {"C": date(2021, 2, 1)}
    later = {"A": date(2021, 2, 1), "B": date(2021, 8, 1), "C": date(2021, 1, 15)}
    both = imported | {k: max(v, imported.get(k, v)) for k, v in later.items()}
    for months in (4, 6):
        once = due_for_review(measures, imported, AS_OF, months)
        assert with_later_reviews(once, later, AS_OF, months) == due_for_review(
            measures, both, AS_OF, months
        )


def test_measures_past_their_types_duration_limit() -> None:
    types = {
        "FBE": MeasureType(
            "FBE", "Familiebehandling", LadderStep.ANTICIPATING, "F", "", months_to_days(9)
        )
    }
    measures = [
        measure("LONG", "FBE", date(2020, 12, 1)),
        measure("SHORT", "FBE", date(2021, 3, 1)),
        measure("NOLIMIT", "OPH", date(2015, 1, 1)),
    ]
    assert months_to_days(9) == 274
    assert months_to_days(12) == 366  # 365,25 days: past the limit on day 366
    assert ids(past_duration_limit(measures, types, AS_OF)) == ["LONG"]


def test_supplements_unnegotiated_or_open_ended() -> None:
    start = date(2021, 1, 1)

    def with_supplement(mid: str, to: date | None, negotiated: bool) -> Measure:
        supplement = day_price(300, start, to, PriceKind.SUPPLEMENT, negotiated=negotiated)
        return measure(mid, "OPH", start, prices=(day_price(2500, start), supplement))

    measures = [
        with_supplement("OK", date(2021, 12, 31), True),
        with_supplement("UNNEG", date(2021, 12, 31), False),
        with_supplement("OPEN", None, True),
        with_supplement("BOTH", None, False),
        with_supplement("EXPIRED", date(2021, 6, 30), False),
    ]
    found = {i.measure_id: i.reason for i in supplement_issues(measures, AS_OF)}
    assert found == {
        "UNNEG": "tillæg ikke forhandlet",
        "OPEN": "tillæg uden slutdato",
        "BOTH": "tillæg ikke forhandlet, tillæg uden slutdato",
    }


def test_measures_without_management_approval() -> None:
    measures = [
        measure("APPROVED", "KP", date(2021, 5, 1), approved_at=date(2021, 5, 2)),
        measure("MISSING", "KP", date(2021, 5, 1)),
        measure("OLDMISSING", "KP", date(2019, 5, 1), date(2020, 1, 1)),
    ]
    assert ids(unapproved(measures, AS_OF)) == ["MISSING"]
    assert ids(unapproved(measures, AS_OF, since=date(2019, 1, 1))) == ["OLDMISSING", "MISSING"]


def test_internal_occupancy_and_caseload_per_contact_person() -> None:
    hours = PricePeriod(
        date(2021, 1, 1),
        None,
        PriceKind.BASE,
        Decimal(400),
        PriceUnit.HOUR,
        hours_per_week=Decimal(3),
    )
    dut = [
        measure(f"D{i}", "DUT", date(2021, 1, 1), provider_id="I03", prices=(hours,))
        for i in range(9)
    ]
    turbo = [measure(f"T{i}", "UPT", date(2021, 1, 1), provider_id="I02") for i in range(7)]
    capacities = [Capacity("I02", "TURBO", 10, waiting=2), Capacity("I03", "DUT", 12, staff=3)]
    occ = {
        o.capacity.provider_id: o
        for o in occupancy(capacities, provider_cases([*dut, *turbo], AS_OF))
    }
    assert (occ["I02"].occupied, occ["I02"].free, occ["I02"].share) == (7, 3, Decimal("0.7"))
    (load,) = caseloads(capacities, provider_cases([*dut, *turbo], AS_OF))
    assert (load.youths, load.hours_per_week) == (9, Decimal(27))
    assert (load.youths_per_person, load.hours_per_person) == (Decimal(3), Decimal(9))


def test_occupancy_counts_only_the_offers_types_at_a_shared_provider() -> None:
    turbo = [measure(f"T{i}", "UPT", date(2021, 1, 1), provider_id="I02") for i in range(7)]
    stay = [measure(f"U{i}", "UPD", date(2021, 1, 1), provider_id="I02") for i in range(5)]
    every = Capacity("I02", "UP", 20)
    only = Capacity("I02", "TURBO", 10, measure_types=frozenset({"UPT"}))
    by_name = {
        o.capacity.name: o.occupied
        for o in occupancy([every, only], provider_cases(turbo + stay, AS_OF))
    }
    assert by_name == {"UP": 12, "TURBO": 7}
