"""Price periods of a measure: base price, renegotiations, price-level shifts, supplements.

A period's amount is in the price level of the year its ``valid_from`` falls in; running
prices are regulated each 1 January by the world's index (the data contract's rule).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from ramme.worlds.spec import TypeSpec, WorldSpec

DAY = timedelta(days=1)
SUPPLEMENT_NOTES = ("Ekstra støtte 1:1", "Nattevagt", "Skoleforløb", "Behandlingstillæg")


@dataclass(frozen=True)
class SimPrice:
    """A price period; ``closed_known`` is when its ``valid_to`` became known."""

    valid_from: date
    valid_to: date | None
    kind: str
    amount: float
    unit: str
    hours: float | None
    negotiated: bool | None
    note: str
    registered: date
    closed_known: date | None


def level(spec: WorldSpec, from_year: int, to_year: int) -> float:
    """The regulation factor from ``from_year``'s price level to ``to_year``'s."""
    factor = 1.0
    for year in range(from_year + 1, to_year + 1):
        factor *= 1 + spec.rate(year) / 100
    return factor


def _lag(rng: np.random.Generator, mean: float) -> timedelta:
    return timedelta(days=int(rng.exponential(mean)) if mean > 0 else 0)


def _changes(
    spec: WorldSpec, t: TypeSpec, rng: np.random.Generator, start: date, last: date
) -> list[tuple[date, float]]:
    """Mid-year renegotiations and the type's price-level shift: (from day, factor)."""
    changes = []
    for year in range(start.year, last.year + 1):
        if rng.random() < t.renegotiation:
            day = date(year, 1, 1) + timedelta(days=int(rng.integers(30, 330)))
            if start < day <= last:
                changes.append((day, float(rng.uniform(0.92, 1.2))))
    shift_year, factor = t.price_shift
    shift_day = date(shift_year, 4, 1) if shift_year else None
    if shift_day and start < shift_day <= last:
        changes.append((shift_day, factor))
    return sorted(dict(changes).items())  # one change a day


def _base_amount(spec: WorldSpec, t: TypeSpec, rng: np.random.Generator, start: date) -> float:
    amount = t.price * float(np.exp(rng.normal(0.0, t.price_spread)))
    amount *= level(spec, spec.first_year, start.year) if start.year > spec.first_year else 1.0
    shift_year, factor = t.price_shift
    if shift_year and start >= date(shift_year, 4, 1):
        amount *= factor
    return round(amount, 2)


def price_periods(
    spec: WorldSpec,
    t: TypeSpec,
    rng: np.random.Generator,
    start: date,
    end: date | None,
    registered: date,
    end_known: date | None,
) -> list[SimPrice]:
    """The base periods (with renegotiations) and at most one supplement."""
    hours = round(float(rng.uniform(*t.hours)) * 2) / 2 if t.unit == "hour" else None
    amount = _base_amount(spec, t, rng, start)
    if t.unit == "once":
        return [
            SimPrice(start, start, "base", amount, "once", None, None, "", registered, registered)
        ]
    changes = _changes(spec, t, rng, start, end or spec.horizon)
    begins = [start] + [day for day, _ in changes]
    ends = [day - DAY for day, _ in changes] + [end]
    known = [registered] + [
        max(day + _lag(rng, spec.price_registration_lag), registered) for day, _ in changes
    ]
    closed = [*known[1:], end_known]
    periods = []
    for i, (begin, stop) in enumerate(zip(begins, ends, strict=True)):
        if i:
            amount = round(
                amount * level(spec, begins[i - 1].year, begin.year) * changes[i - 1][1], 2
            )
        periods.append(
            SimPrice(begin, stop, "base", amount, t.unit, hours, None, "", known[i], closed[i])
        )
    if rng.random() < t.supplements:
        periods.append(_supplement(spec, t, rng, start, end, registered, end_known, amount, hours))
    return periods


def _supplement(
    spec: WorldSpec,
    t: TypeSpec,
    rng: np.random.Generator,
    start: date,
    end: date | None,
    registered: date,
    end_known: date | None,
    base: float,
    hours: float | None,
) -> SimPrice:
    """A time-limited supplement (tillæg), almost always negotiated (seed 000)."""
    begin = start + timedelta(days=int(rng.integers(0, 120)))
    stop = begin + timedelta(days=int(rng.integers(60, 270)))
    known = max(begin + _lag(rng, spec.price_registration_lag), registered)
    closed: date | None = known
    if end is not None and stop >= end:
        stop, closed = end, end_known
    if end is not None and begin > end:
        begin = end
    amount = round(base * float(rng.uniform(0.15, 0.35)), 2)
    note = SUPPLEMENT_NOTES[int(rng.integers(0, len(SUPPLEMENT_NOTES)))]
    negotiated = bool(rng.random() < 0.9)
    return SimPrice(begin, stop, "supplement", amount, t.unit, hours, negotiated, note, known,
                    closed if closed is None else max(closed, known))  # fmt: skip
