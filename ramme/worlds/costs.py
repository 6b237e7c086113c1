"""The true cost of a measure per calendar month, from its price periods and the index."""

from __future__ import annotations

from datetime import date, timedelta

from ramme.core.periods import Month
from ramme.worlds.prices import SimPrice, level
from ramme.worlds.simulate import SimMeasure
from ramme.worlds.spec import WorldSpec

# days of service a unit's amount covers (month: the calendar month's days, below)
UNIT_DAYS = {"day": 1.0, "week": 7.0, "year": 365.0}


def month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def month_bounds(index: int) -> tuple[date, date]:
    year, month = divmod(index, 12)
    month_of = Month(year, month + 1)
    return month_of.first_day, month_of.last_day


def _period_cost(spec: WorldSpec, p: SimPrice, first: date, last: date, month_days: int) -> float:
    days = (last - first).days + 1
    if p.unit == "once":
        return p.amount if first <= p.valid_from <= last else 0.0
    if p.unit == "month":
        units = days / month_days
    elif p.unit == "hour":
        units = days / 7 * (p.hours or 0.0)
    else:
        units = days / UNIT_DAYS[p.unit]
    return units * p.amount * level(spec, p.valid_from.year, first.year)


def monthly_cost(spec: WorldSpec, m: SimMeasure) -> dict[int, float]:
    """Month index → cost of the measure's service in that month (history and horizon)."""
    stop = m.end or spec.horizon
    costs: dict[int, float] = {}
    for p in m.prices:
        begin = max(p.valid_from, m.start, spec.window_start)
        end = min(p.valid_to or stop, stop)
        index = month_index(begin)
        while begin <= end:
            month_last = month_bounds(index)[1]
            last = min(month_last, end)
            cost = _period_cost(spec, p, begin, last, month_last.day)
            if cost:
                costs[index] = costs.get(index, 0.0) + cost
            begin, index = last + timedelta(days=1), index + 1
    return costs
