"""Internal offers (interne tilbud): places, occupancy, waiting list and caseload.

Capacity is configuration (e.g. 10 TURBO places, 8 places at Vejen Frem); occupancy and
caseload come from the measures at the provider active on ``as_of``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ramme.core.pricing import price_range
from ramme.core.records import Measure, PriceUnit


@dataclass(frozen=True)
class Capacity:
    """Places, waiting list and contact persons (staff) of an internal provider."""

    provider_id: str
    name: str
    places: int
    waiting: int = 0
    staff: int = 0  # contact persons (kontaktpersoner), for the caseload
    measure_types: frozenset[str] = frozenset()  # the offer's types at the provider; empty: all


@dataclass(frozen=True)
class Occupancy:
    capacity: Capacity
    occupied: int

    @property
    def free(self) -> int:
        return self.capacity.places - self.occupied

    @property
    def share(self) -> Decimal | None:
        return Decimal(self.occupied) / self.capacity.places if self.capacity.places else None


@dataclass(frozen=True)
class Caseload:
    """Youths and weekly hours in total and per contact person (sagsbyrde)."""

    capacity: Capacity
    youths: int
    hours_per_week: Decimal

    @property
    def youths_per_person(self) -> Decimal | None:
        staff = self.capacity.staff
        return Decimal(self.youths) / staff if staff else None

    @property
    def hours_per_person(self) -> Decimal | None:
        staff = self.capacity.staff
        return self.hours_per_week / staff if staff else None


@dataclass(frozen=True)
class ProviderCase:
    """A measure active at a provider on a day, as occupancy and caseload count it
    (sag hos leverandøren): small enough to store per import instead of every measure."""

    child_key: str
    measure_type: str
    hourly: bool  # an hour price (contact person) in force on the day
    hours_per_week: Decimal


ProviderCases = Mapping[str, Sequence[ProviderCase]]  # provider id → its cases on the day


def provider_cases(measures: Iterable[Measure], as_of: date) -> dict[str, list[ProviderCase]]:
    """The measures active on ``as_of`` with a provider, by provider id."""
    result: dict[str, list[ProviderCase]] = {}
    for m in measures:
        if not m.provider_id or not m.is_active_on(as_of):
            continue
        hourly = [p for p in m.prices if p.unit is PriceUnit.HOUR and as_of in price_range(p, m)]
        hours = sum((p.hours_per_week or Decimal(0) for p in hourly), Decimal(0))
        case = ProviderCase(m.child_key, m.measure_type, bool(hourly), hours)
        result.setdefault(m.provider_id, []).append(case)
    return result


def _active_at(cases: ProviderCases, c: Capacity) -> list[ProviderCase]:
    return [
        case
        for case in cases.get(c.provider_id, ())
        if not c.measure_types or case.measure_type in c.measure_types
    ]


def occupancy(capacities: Sequence[Capacity], cases: ProviderCases) -> list[Occupancy]:
    """Occupied places = children with an active measure at the provider
    (``cases``: ``provider_cases`` on the day)."""
    return [
        Occupancy(c, len({case.child_key for case in _active_at(cases, c)})) for c in capacities
    ]


def caseloads(capacities: Sequence[Capacity], cases: ProviderCases) -> list[Caseload]:
    """Hour-priced measures (contact persons) at each provider with staff."""
    result = []
    for c in capacities:
        if not c.staff:
            continue
        hourly = [case for case in _active_at(cases, c) if case.hourly]
        hours = sum((case.hours_per_week for case in hourly), Decimal(0))
        result.append(Caseload(c, len({case.child_key for case in hourly}), hours))
    return result
