"""Volume, price and mix: why the year costs differ from last year (or from the budget).

With V full-year cases (helårssager), w_i the share of type i and p_i its average price per
full-year case, cost C = V · Σ w_i p_i, and the change from base (0) to current (1) is
  volume = (V1 − V0) · P0              (more or fewer full-year cases at the old average)
  mix    = V1 · Σ (w1_i − w0_i) p0_i   (a shift between cheap and expensive types)
  price  = V1 · Σ w1_i (p1_i − p0_i)   (dearer or cheaper per full-year case, type by type)
which add up to C1 − C0 exactly. A type new in the current period is priced at its own
price in the base (its effect is volume and mix, not price).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import numpy as np

from ramme.core.forecast.data import Prepared, prepare, wsum
from ramme.core.forecast.known import measure_cost, state_at
from ramme.core.forecast.lag import booked as lag_booked
from ramme.core.forecast.results import Forecast, kr
from ramme.core.records import Dataset, Measure

KR, CASES = Decimal(1), Decimal("0.01")


@dataclass(frozen=True)
class TypeVolume:
    """Full-year cases and cost of one measure type in a period."""

    full_year_cases: Decimal
    cost: Decimal

    @property
    def price(self) -> Decimal | None:
        return self.cost / self.full_year_cases if self.full_year_cases else None


@dataclass(frozen=True)
class Decomposition:
    base_cost: Decimal
    current_cost: Decimal
    volume: Decimal
    price: Decimal
    mix: Decimal
    base_cases: Decimal
    current_cases: Decimal


def volumes_in_year(
    data: Dataset | Prepared, year: int, as_of: date | None = None
) -> dict[str, TypeVolume]:
    """Full-year cases and cost per type in ``year`` from what was known on ``as_of``
    (default: the year's last day). Vectorised; tests check it against ramme.core.volume."""
    prep = data if isinstance(data, Prepared) else prepare(data)
    last = date(year, 12, 31)
    state = state_at(prep, as_of or last)
    first_day, last_day = date(year, 1, 1).toordinal(), last.toordinal()
    cost = measure_cost(prep, state, first_day, last_day)
    end = np.minimum(state.m_last, last_day)
    days = np.where(state.known, np.maximum(end - np.maximum(prep.m_start, first_day) + 1, 0), 0)
    n = len(prep.type_codes)
    type_days = wsum(prep.m_type, days.astype(np.float64), n)
    type_cost = wsum(prep.m_type, cost, n)
    return {
        code: TypeVolume(Decimal(int(type_days[i])) / 365, kr(type_cost[i]))
        for i, code in enumerate(prep.type_codes)
        if type_days[i] > 0
    }


def budget_volumes(
    last_year: Mapping[str, TypeVolume], budget: Decimal, regulation: Decimal
) -> dict[str, TypeVolume]:
    """The volumes a budget pays for: last year's mix and prices (regulated), volume scaled
    so the cost equals ``budget`` (a budget has no volumes of its own)."""
    cost = sum((v.cost for v in last_year.values()), Decimal(0)) * regulation
    scale = budget / cost if cost else Decimal(0)
    return {
        t: TypeVolume(v.full_year_cases * scale, v.cost * regulation * scale)
        for t, v in last_year.items()
    }


def volumes_from_forecast(fc: Forecast) -> dict[str, TypeVolume]:
    """Expected full-year cases and cost per type in the forecast year."""
    days: dict[str, float] = defaultdict(float)
    cost: dict[str, float] = defaultdict(float)
    table = fc.measures
    for i, mtype in enumerate(table.types):
        days[mtype] += float(table.days_to_date[i] + table.expected_days[i])
        cost[mtype] += float(table.accrued[i] + table.expected[i])
    for mtype, inflow in fc.inflow_by_type.items():  # expected new measures count too
        days[mtype] += inflow["days"]
        cost[mtype] += inflow["cost"]
    return {
        t: TypeVolume(Decimal(repr(days[t])) / 365, Decimal(repr(round(cost[t])))) for t in days
    }


def decompose(
    base: Mapping[str, TypeVolume],
    current: Mapping[str, TypeVolume],
    types: set[str] | None = None,
) -> Decomposition:
    """Split current − base cost into volume, price and mix (optionally for some types)."""
    chosen = sorted(set(base) | set(current) if types is None else types)
    b = {t: base[t] for t in chosen if t in base and base[t].full_year_cases}
    c = {t: current[t] for t in chosen if t in current and current[t].full_year_cases}
    v0 = sum((x.full_year_cases for x in b.values()), Decimal(0))
    v1 = sum((x.full_year_cases for x in c.values()), Decimal(0))
    c0 = sum((x.cost for x in b.values()), Decimal(0))
    c1 = sum((x.cost for x in c.values()), Decimal(0))
    p0 = {t: x.price or Decimal(0) for t, x in b.items()}
    for t, x in c.items():
        p0.setdefault(t, x.price or Decimal(0))
    avg0 = c0 / v0 if v0 else Decimal(0)
    w0 = {t: x.full_year_cases / v0 for t, x in b.items()} if v0 else {}
    w1 = {t: x.full_year_cases / v1 for t, x in c.items()} if v1 else {}
    volume = (v1 - v0) * avg0
    mix_avg = sum((w1[t] * p0[t] for t in w1), Decimal(0))
    if not v0:  # nothing in the base: the whole change is volume
        return Decomposition(c0, c1, c1 - c0, Decimal(0), Decimal(0), v0, v1)
    mix = v1 * (mix_avg - sum((w0[t] * p0[t] for t in w0), Decimal(0)))
    volume, mix = volume.quantize(KR), mix.quantize(KR)
    price = (c1 - c0) - volume - mix  # the rest, so the three add up exactly
    return Decomposition(c0, c1, volume, price, mix, v0.quantize(CASES), v1.quantize(CASES))


def types_of_line(dataset: Dataset, activity: str) -> set[str]:
    """The measure types reported under an activity line."""
    return {t.code for t in dataset.measure_types.values() if t.activity == activity}


def measures_of(dataset: Dataset, types: set[str]) -> list[Measure]:
    return [m for m in dataset.measures if m.measure_type in types]


@dataclass(frozen=True)
class LineChange:
    """Why a line's expected cost of measures differs from last year and from the budget."""

    activity: str
    vs_last_year: Decomposition
    vs_budget: Decomposition | None  # None when the line has no budget or no history


def explain(data: Dataset | Prepared, fc: Forecast) -> tuple[LineChange, ...]:
    """Volume, price and mix per line with measures, and for the frame ("I alt").

    The budget has no volumes of its own: it is read as last year's mix and prices,
    regulated, with the volume it can pay for; only the part of the budget that last year
    went to measures (cost of measures / booked) is compared."""
    prep = data if isinstance(data, Prepared) else prepare(data)
    last = volumes_in_year(prep, fc.year - 1, fc.as_of)
    now = volumes_from_forecast(fc)
    regulation = Decimal(repr(float(prep.factor(fc.year - 1, fc.year))))
    booked_last = {
        name: Decimal(repr(float(v)))
        for name, v in zip(
            prep.activities,
            lag_booked(prep, date(fc.year - 1, 1, 1).toordinal(),
                       date(fc.year - 1, 12, 31).toordinal(), refund=False),
            strict=True,
        )
    }  # fmt: skip
    groups = {line.activity: types_of_line(prep.master, line.activity) for line in fc.lines}
    groups = {name: types for name, types in groups.items() if types}
    result = []
    for name, types in [*groups.items(), ("I alt", set().union(*groups.values()))]:
        base = {t: v for t, v in last.items() if t in types}
        if name == "I alt":
            budget = sum((fc.line(n).budget for n in groups), Decimal(0))
            booked = sum((booked_last[n] for n in groups), Decimal(0))
        else:
            budget, booked = fc.line(name).budget, booked_last[name]
        cost_last = sum((v.cost for v in base.values()), Decimal(0))
        vs_budget = None
        if budget and booked > 0 and cost_last > 0:
            measure_budget = budget * min(Decimal(1), cost_last / booked)
            vs_budget = decompose(budget_volumes(base, measure_budget, regulation), now, types)
        result.append(LineChange(name, decompose(base, now, types), vs_budget))
    return tuple(result)
