"""Small hand-built datasets whose right answers can be stated."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from ramme.core.ladder import LadderStep
from ramme.core.records import (
    ActivityLine,
    BudgetFigure,
    Child,
    Dataset,
    Measure,
    MeasureType,
    Posting,
    PriceKind,
    PricePeriod,
    PriceUnit,
)

ACTIVITIES = (
    ActivityLine("Opholdssted", LadderStep.INTERVENING, 1),
    ActivityLine("Kontaktperson", LadderStep.PREVENTIVE, 2),
    ActivityLine("Interne", LadderStep.OTHER, 3),
    ActivityLine("Refusion", LadderStep.OTHER, 4),
)
TYPES = {
    "OPH": MeasureType("OPH", "Opholdssted", LadderStep.INTERVENING, "Opholdssted"),
    "KP": MeasureType("KP", "Kontaktperson", LadderStep.PREVENTIVE, "Kontaktperson"),
}


def price(
    amount: float,
    start: date,
    end: date | None = None,
    *,
    kind: PriceKind = PriceKind.BASE,
    unit: PriceUnit = PriceUnit.DAY,
) -> PricePeriod:
    return PricePeriod(start, end, kind, Decimal(str(amount)), unit)


def measure(
    mid: str,
    start: date,
    end: date | None = None,
    *,
    mtype: str = "OPH",
    daily: float = 1000,
    planned: date | None = None,
    child: str | None = None,
    prices: tuple[PricePeriod, ...] | None = None,
) -> Measure:
    return Measure(
        measure_id=mid,
        child_key=child or f"c-{mid}",
        measure_type=mtype,
        start_date=start,
        end_date=end,
        planned_end_date=planned,
        prices=prices if prices is not None else (price(daily, start),),
    )


def posting(
    pid: str,
    day: date,
    amount: float,
    activity: str = "Opholdssted",
    *,
    dranst: int = 1,
    measure_id: str | None = None,
) -> Posting:
    return Posting(pid, day, Decimal(str(amount)), activity, dranst=dranst, measure_id=measure_id)


def daily_postings(
    m: Measure, first: date, last: date, activity: str = "Opholdssted"
) -> list[Posting]:
    """Monthly postings of a measure's daily price, booked on each month's last day."""
    out, day, total = [], first, 0.0
    rate = float(m.prices[0].amount)
    stop = min(last, m.end_date or last)
    while day <= stop:
        total += rate
        nxt = day + timedelta(days=1)
        if nxt.day == 1 or day == stop:
            out.append(
                posting(f"{m.measure_id}-{day}", day, total, activity, measure_id=m.measure_id)
            )
            total = 0.0
        day = nxt
    return out


def dataset(
    measures: Iterable[Measure] = (),
    postings: Iterable[Posting] = (),
    *,
    children: Iterable[Child] = (),
    budgets: Iterable[BudgetFigure] = (),
    index: dict[int, Decimal] | None = None,
) -> Dataset:
    measures = tuple(measures)
    kids = {c.key: c for c in children}
    for m in measures:
        kids.setdefault(m.child_key, Child(m.child_key))
    return Dataset(
        activities=ACTIVITIES,
        measure_types=dict(TYPES),
        children=kids,
        measures=measures,
        postings=tuple(postings),
        budgets=tuple(budgets),
        price_index=index or {},
    )
