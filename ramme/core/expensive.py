"""The most expensive cases (de dyreste sager): one ranking for every output that names
them — the follow-up page, the annual report's restricted version and the what-if of a
lower price — so the same date gives the same cases in the same order everywhere.

The ranking: the measures active on the day, by their full yearly price on it (årspris:
base and supplements in force, regulated to the day's year), highest first; ties by
measure id, so it never depends on the order the measures came in.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ramme.core.pricing import yearly_price
from ramme.core.records import Measure


@dataclass(frozen=True, slots=True)
class PricedMeasure:
    """A measure and its yearly price on the ranking's day (kr.)."""

    measure: Measure
    yearly_price: Decimal


def most_expensive(
    measures: Iterable[Measure],
    index: Mapping[int, Decimal],
    day: date,
    count: int = 10,
    types: Collection[str] | None = None,
) -> list[PricedMeasure]:
    """The ``count`` measures (of ``types``, when given) active on ``day`` with the highest
    yearly price on it."""
    priced = [
        PricedMeasure(m, yearly_price(m, day, index))
        for m in measures
        if m.is_active_on(day) and (types is None or m.measure_type in types)
    ]
    priced.sort(key=lambda p: (-p.yearly_price, p.measure.measure_id))
    return priced[:count]
