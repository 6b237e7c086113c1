"""Internal offers (interne tilbud): places, occupancy, waiting list and caseload.

Capacity is configuration (e.g. 10 TURBO places, 8 places at Vejen Frem); occupancy and
caseload come from the measures at the provider active on ``as_of``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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


def _active_at(measures: Iterable[Measure], c: Capacity, as_of: date) -> list[Measure]:
    return [
        m
        for m in measures
        if m.provider_id == c.provider_id
        and (not c.measure_types or m.measure_type in c.measure_types)
        and m.is_active_on(as_of)
    ]


def occupancy(
    capacities: Sequence[Capacity], measures: Sequence[Measure], as_of: date
) -> list[Occupancy]:
    """Occupied places = children with an active measure at the provider."""
    return [
        Occupancy(c, len({m.child_key for m in _active_at(measures, c, as_of)})) for c in capacities
    ]


def caseloads(
    capacities: Sequence[Capacity], measures: Sequence[Measure], as_of: date
) -> list[Caseload]:
    """Hour-priced measures (contact persons) at each provider with staff."""
    result = []
    for c in capacities:
        if not c.staff:
            continue
        hours = Decimal(0)
        youths = set()
        for m in _active_at(measures, c, as_of):
            for p in m.prices:
                if p.unit is PriceUnit.HOUR and as_of in price_range(p, m):
                    hours += p.hours_per_week or Decimal(0)
                    youths.add(m.child_key)
        result.append(Caseload(c, len(youths), hours))
    return result
