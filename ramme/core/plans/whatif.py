"""What-if (hvad nu hvis): the effect of a proposed action on the year-end forecast.

Computed from the measures active on ``as_of`` and the recent inflow, before the action is
adopted. A positive amount is a saving. Method: docs/action-plans.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from ramme.core.expensive import most_expensive
from ramme.core.money import format_kr, format_number
from ramme.core.periods import DateRange, Month
from ramme.core.plans.baseline import average_yearly_price, baseline_inflow
from ramme.core.plans.dates import month_range
from ramme.core.plans.effects import expected_inflow_cost
from ramme.core.pricing import measure_cost
from ramme.core.records import Measure

ZERO = Decimal(0)


@dataclass(frozen=True)
class WhatIf:
    """The saving per month of the plan year and the measures it rests on."""

    by_month: dict[Month, Decimal]
    note: str
    measure_ids: tuple[str, ...] = ()
    basis: int = 0  # the measures the figure rests on (the small-number rule needs 5)

    @property
    def total(self) -> Decimal:
        return sum(self.by_month.values(), ZERO)


def _rest_of_year(start: Month) -> DateRange:
    return DateRange(start.first_day, DateRange.year(start.year).stop)


def fewer_new(
    measures: Sequence[Measure],
    types: frozenset[str],
    per_month: Decimal,
    start: Month,
    as_of: date,
    index: Mapping[int, Decimal],
    baseline_months: int = 12,
) -> WhatIf:
    """``per_month`` fewer new measures of ``types`` from ``start`` (e.g. 4 fewer placements
    at opholdssted a month from May), each priced at the recent new measures' average."""
    chosen = [m for m in measures if m.measure_type in types]
    inflow = baseline_inflow(chosen, as_of + timedelta(days=1), baseline_months, start.year, index)
    period = _rest_of_year(start)
    saving = expected_inflow_cost(per_month, inflow.yearly_price, inflow.mean_days, period, period)
    note = (
        f"{format_number(per_month, 1)} færre nye pr. måned fra {start.label()} à "
        f"{format_kr(inflow.yearly_price)} om året (gennemsnit af {inflow.starts} nye "
        f"de seneste {baseline_months} måneder)."
    )
    if per_month > inflow.per_month:  # more avoided than usually arrive: say so, don't hide it
        note += (
            f" Bemærk: det er flere end de {format_number(inflow.per_month, 1)} nye pr. "
            "måned, der normalt kommer."
        )
    months = DateRange.year(start.year).months()
    return WhatIf({m: saving.get(m, ZERO) for m in months}, note, basis=inflow.starts)


def price_cut(
    measures: Sequence[Measure],
    types: frozenset[str],
    top_n: int,
    cut: Decimal,
    start: Month,
    as_of: date,
    index: Mapping[int, Decimal],
) -> WhatIf:
    """``cut`` (0.10 = 10 %) lower price from ``start`` on the ``top_n`` most expensive
    measures of ``types`` active on ``as_of``, for as long as each runs in the year."""
    ranked = most_expensive(measures, index, as_of, top_n, types)
    chosen = [p.measure for p in ranked]
    period = _rest_of_year(start)
    by_month = {m: ZERO for m in DateRange.year(start.year).months()}
    for month in period.months():
        span = month_range(month)
        by_month[month] = sum((measure_cost(m, span, index) * cut for m in chosen), ZERO)
    note = (
        f"{format_number(cut * 100)} % lavere pris for de {len(chosen)} dyreste "
        f"fra {start.label()}."
    )
    return WhatIf(by_month, note, tuple(m.measure_id for m in chosen), len(chosen))


def conversion(
    measures: Sequence[Measure],
    from_types: frozenset[str],
    to_types: frozenset[str],
    per_month: Decimal,
    start: Month,
    as_of: date,
    index: Mapping[int, Decimal],
) -> WhatIf:
    """``per_month`` measures a month moved from ``from_types`` to ``to_types`` from
    ``start``, each saving the difference of the types' average prices on ``as_of``."""
    olds = [m for m in measures if m.measure_type in from_types and m.is_active_on(as_of)]
    news = [m for m in measures if m.measure_type in to_types and m.is_active_on(as_of)]
    old = average_yearly_price(olds, as_of, start.year, index)
    new = average_yearly_price(news, as_of, start.year, index)
    difference = (old or ZERO) - (new or ZERO)
    period = _rest_of_year(start)
    saving = expected_inflow_cost(per_month, difference, None, period, period)
    note = (
        f"{format_number(per_month, 1)} omlægninger pr. måned fra {start.label()}; "
        f"prisforskel {format_kr(difference)} om året."
    )
    months = DateRange.year(start.year).months()
    # Both average prices must rest on enough measures, so the smaller count is the basis.
    return WhatIf({m: saving.get(m, ZERO) for m in months}, note, basis=min(len(olds), len(news)))
