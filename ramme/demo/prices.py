"""Price periods (takster): base prices, renegotiations and supplements (tillæg).

A price is stored in the price level of its ``valid_from`` year; a period that runs into later
years is regulated by price_index.csv, so a new period is only written on renegotiation.
"""

from __future__ import annotations

import numpy as np

from ramme.demo import days as d
from ramme.demo.days import OPEN, FloatArray, IntArray
from ramme.demo.model import KIND_BASE, KIND_SUPPLEMENT, NOTES, UNITS, Measures, Prices
from ramme.demo.parameters import PRICE_LEVEL_YEAR, MeasureTypeSpec, level_factor

SUPPLEMENT_SHARE_OF_BASE = (0.1, 0.45)
SUPPLEMENT_UNNEGOTIATED = 0.15
SUPPLEMENT_OPEN = 0.2
RENEGOTIATION_CUT = (0.85, 0.97)


def levels(from_years: IntArray, to_years: IntArray) -> FloatArray:
    """Vectorised level_factor."""
    span = range(
        int(min(from_years.min(initial=2000), to_years.min(initial=2000))) - 1,
        int(max(from_years.max(initial=2000), to_years.max(initial=2000))) + 2,
    )
    cumulative = {y: level_factor(span.start, y) for y in span}
    table = np.array([cumulative[y] for y in span])
    factors: FloatArray = table[to_years - span.start] / table[from_years - span.start]
    return factors


def _base_amounts(
    rng: np.random.Generator, spec: MeasureTypeSpec, factor: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Base amount in the 2023 level and hours a week, for ``len(factor)`` measures."""
    model = spec.price
    n = len(factor)
    amount = model.median * factor * np.exp(model.sigma * rng.standard_normal(n))
    if model.vederlag:
        low, high = model.vederlag_range
        amount = amount + model.vederlag * rng.integers(low, high + 1, n)
    if model.tail_share:
        tail = rng.random(n) < model.tail_share
        amount = np.where(tail, rng.uniform(*model.tail, n), amount)
    hours = np.zeros(n)
    if model.unit == "hour":
        hours = np.round(rng.triangular(*model.hours, n) * 2) / 2
    return amount, hours


def base_prices(
    rng: np.random.Generator,
    measures: Measures,
    types: tuple[MeasureTypeSpec, ...],
    provider_factor: FloatArray,
) -> Prices:
    """One open-ended base period per measure from its start (continuations keep the price)."""
    n = len(measures)
    amount2023 = np.zeros(n)
    hours = np.zeros(n)
    unit = np.zeros(n, np.int64)
    for ti, spec in enumerate(types):
        rows = np.flatnonzero(measures.mtype == ti)
        factor = np.where(
            measures.provider[rows] >= 0,
            provider_factor[np.maximum(measures.provider[rows], 0)],
            1.0,
        )
        amount2023[rows], hours[rows] = _base_amounts(rng, spec, factor)
        unit[rows] = UNITS.index(spec.price.unit)
    cont = np.flatnonzero(measures.aftercare == 1)
    amount2023[cont] = amount2023[measures.parent[cont]]
    hours[cont] = hours[measures.parent[cont]]
    start_year = d.years_of(measures.start)
    amount = np.round(amount2023 * levels(np.full(n, PRICE_LEVEL_YEAR), start_year))
    return _open_base(np.arange(n, dtype=np.int64), measures.start.copy(), amount, unit, hours,
                      "Basistakst")  # fmt: skip


def _open_base(
    measure: IntArray,
    valid_from: IntArray,
    amount: FloatArray,
    unit: IntArray,
    hours: FloatArray,
    note: str,
) -> Prices:
    """Base prices (grundtakst) from ``valid_from`` with no end and no negotiation flag."""
    n = len(measure)
    return Prices(
        measure=measure,
        valid_from=valid_from,
        valid_to=np.full(n, OPEN, np.int64),
        kind=np.full(n, KIND_BASE, np.int64),
        amount=amount,
        unit=unit,
        hours=hours,
        negotiated=np.full(n, -1, np.int64),
        note=np.full(n, NOTES.index(note), np.int64),
    )


def renegotiate(
    rng: np.random.Generator,
    measures: Measures,
    base: Prices,
    types: tuple[MeasureTypeSpec, ...],
    last_day: int,
) -> Prices:
    """Cut a share of long measures' base period and add a lower renegotiated one."""
    share = np.array([t.renegotiation_share for t in types])[measures.mtype]
    span = np.minimum(measures.end, last_day) - measures.start
    chosen = np.flatnonzero((span > 365) & (rng.random(len(measures)) < share))
    at = d.month_start(
        measures.start[chosen]
        + (rng.uniform(0.3, 0.8, len(chosen)) * span[chosen]).astype(np.int64)
    )
    at = np.maximum(at, d.month_start(measures.start[chosen]) + 31)
    at = d.month_start(at)
    base.valid_to[chosen] = at - 1
    old_level = levels(d.years_of(measures.start[chosen]), d.years_of(at))
    amount = np.round(
        base.amount[chosen] * old_level * rng.uniform(*RENEGOTIATION_CUT, len(chosen))
    )
    return _open_base(chosen, at, amount, base.unit[chosen], base.hours[chosen],
                      "Genforhandlet takst")  # fmt: skip


def supplements(
    rng: np.random.Generator,
    measures: Measures,
    base: Prices,
    types: tuple[MeasureTypeSpec, ...],
    last_day: int,
) -> Prices:
    """Supplements on placements: mostly negotiated and time-limited, some neither."""
    share = np.array([t.supplement_share for t in types])[measures.mtype]
    frm = measures.start + rng.integers(0, 120, len(measures))
    ok = (rng.random(len(measures)) < share) & (frm <= np.minimum(measures.end, last_day))
    chosen = np.flatnonzero(ok)
    n = len(chosen)
    frm = frm[chosen]
    level = levels(d.years_of(measures.start[chosen]), d.years_of(frm))
    amount = np.round(base.amount[chosen] * level * rng.uniform(*SUPPLEMENT_SHARE_OF_BASE, n))
    months = d.month_number(frm) + 6
    valid_to = d.month_first_day(months) + (frm - d.month_start(frm)) - 1
    valid_to = np.where(rng.random(n) < SUPPLEMENT_OPEN, OPEN, valid_to)
    negotiated = np.where(rng.random(n) < SUPPLEMENT_UNNEGOTIATED, 0, 1)
    notes = np.where(
        rng.random(n) < 0.5,
        NOTES.index("Tillæg: ekstra normering"),
        NOTES.index("Tillæg: særlige behov"),
    )
    return Prices(
        measure=chosen,
        valid_from=frm,
        valid_to=valid_to,
        kind=np.full(n, KIND_SUPPLEMENT, np.int64),
        amount=amount,
        unit=base.unit[chosen],
        hours=base.hours[chosen],
        negotiated=negotiated.astype(np.int64),
        note=notes.astype(np.int64),
    )


def sort_prices(prices: Prices) -> Prices:
    order = np.lexsort((prices.kind, prices.valid_from, prices.measure))
    return Prices(**{name: getattr(prices, name)[order] for name in prices.__dataclass_fields__})
