"""Notifications (underretninger) and child investigations (børnefaglige undersøgelser).

Per month and per team: notifications received, the share followed by an investigation of
the same child within four months, investigations started and finished, those finished
within the legal four months (Barnets lov § 20, stk. 5; ``end_date`` of events.csv) and
those open past the deadline; and document 001's key indicator, five per cent fewer
investigations than the year before.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ramme.core.periods import Month
from ramme.core.plans.dates import add_months
from ramme.core.records import Child, Event

NOTIFICATION = "underretning"
INVESTIGATION = "undersoegelse"
DEADLINE_MONTHS = 4  # an investigation must be finished within four months
FOLLOW_MONTHS = 4  # a notification counts as followed by an investigation started this soon
TARGET_REDUCTION = Decimal("0.05")  # "5 % færre børnefaglige undersøgelser" (seed 001)
NO_TEAM = "Uden team"


def deadline(event: Event) -> date:
    """The last day an investigation started on ``event.date`` may finish."""
    return add_months(event.date, DEADLINE_MONTHS)


@dataclass(frozen=True, slots=True)
class CaseworkMonth:
    """One month's counts (of events, each about one child)."""

    month: Month
    notifications: int = 0
    followed: int = 0  # of those notifications, followed by an investigation
    started: int = 0  # investigations started
    finished: int = 0  # investigations finished in the month
    in_time: int = 0  # of those finished, within four months
    overdue: int = 0  # open on the month's last day and past the deadline
    with_end: int = 0  # started investigations of the month that carry an end date

    @property
    def followed_share(self) -> Decimal | None:
        return Decimal(self.followed) / self.notifications if self.notifications else None

    @property
    def in_time_share(self) -> Decimal | None:
        return Decimal(self.in_time) / self.finished if self.finished else None


@dataclass(frozen=True, slots=True)
class IndicatorYear:
    """Investigations in a year (to the as-of day) against the same period a year before."""

    year: int
    through: date  # the counts cover 1 January to this day in both years
    investigations: int
    previous: int

    @property
    def goal(self) -> Decimal:
        return Decimal(self.previous) * (1 - TARGET_REDUCTION)

    @property
    def change(self) -> Decimal | None:
        if not self.previous:
            return None
        return Decimal(self.investigations - self.previous) / self.previous

    @property
    def achieved(self) -> bool | None:
        return None if not self.previous else Decimal(self.investigations) <= self.goal


@dataclass(frozen=True)
class Casework:
    months: tuple[CaseworkMonth, ...]
    teams: dict[str, tuple[CaseworkMonth, ...]]  # per team (the child's team), same months
    indicator: tuple[IndicatorYear, ...]
    has_end_dates: bool


def _followed(notes: Sequence[Event], investigations: Sequence[Event]) -> set[str]:
    """Event ids of the notifications that an investigation of the same child follows."""
    starts: dict[str, list[date]] = defaultdict(list)
    for inv in investigations:
        if inv.child_key:
            starts[inv.child_key].append(inv.date)
    for days in starts.values():
        days.sort()
    result = set()
    for note in notes:
        days = starts.get(note.child_key or "", [])
        i = bisect_left(days, note.date)
        if i < len(days) and days[i] <= add_months(note.date, FOLLOW_MONTHS):
            result.add(note.event_id)
    return result


def _month_counts(
    month: Month,
    notes: Sequence[Event],
    invs: Sequence[Event],
    followed: set[str],
    deadlines: bool,
) -> CaseworkMonth:
    first, last = month.first_day, month.last_day
    mine = [n for n in notes if first <= n.date <= last]
    started = [i for i in invs if first <= i.date <= last]
    finished = [i for i in invs if i.end_date is not None and first <= i.end_date <= last]
    # without any end date in the data every investigation would look open: count none
    overdue = [
        i
        for i in invs
        if deadlines
        and i.date <= last
        and deadline(i) < last
        and (i.end_date is None or i.end_date > last)
    ]
    return CaseworkMonth(
        month,
        notifications=len(mine),
        followed=sum(1 for n in mine if n.event_id in followed),
        started=len(started),
        finished=len(finished),
        in_time=sum(1 for i in finished if i.end_date is not None and i.end_date <= deadline(i)),
        overdue=len(overdue),
        with_end=sum(1 for i in started if i.end_date is not None),
    )


def _series(
    events: Sequence[Event], months: Sequence[Month], followed: set[str], deadlines: bool
) -> tuple[CaseworkMonth, ...]:
    notes = [e for e in events if e.kind == NOTIFICATION]
    invs = [e for e in events if e.kind == INVESTIGATION]
    return tuple(_month_counts(m, notes, invs, followed, deadlines) for m in months)


def indicator_years(events: Iterable[Event], years: Iterable[int], as_of: date) -> tuple[
    IndicatorYear, ...
]:  # fmt: skip
    """Each year's investigations against the year before, up to the as-of day in the
    as-of year (so a year in progress is compared with the same months of the last)."""
    days = sorted(e.date for e in events if e.kind == INVESTIGATION)
    result = []
    for year in years:
        through = min(as_of, date(year, 12, 31))
        if through.year != year:
            continue
        before = _same_day(through, year - 1)
        result.append(
            IndicatorYear(
                year,
                through,
                _count(days, date(year, 1, 1), through),
                _count(days, date(year - 1, 1, 1), before),
            )
        )
    return tuple(result)


def _same_day(day: date, year: int) -> date:
    if (day.month, day.day) == (2, 29):
        return date(year, 2, 28)
    return day.replace(year=year)


def _count(days: Sequence[date], first: date, last: date) -> int:
    """Days from ``first`` to ``last`` inclusive in the sorted ``days``."""
    return bisect_right(days, last) - bisect_left(days, first)


def casework(
    events: Sequence[Event], children: Mapping[str, Child], months: Sequence[Month], as_of: date
) -> Casework:
    """Counts per month, per team and the indicator, from the events known on ``as_of``."""
    known = [e for e in events if e.date <= as_of]
    known = [e if e.end_date is None or e.end_date <= as_of else _open(e) for e in known]
    notes = [e for e in known if e.kind == NOTIFICATION]
    invs = [e for e in known if e.kind == INVESTIGATION]
    followed = _followed(notes, invs)
    by_team: dict[str, list[Event]] = defaultdict(list)
    for event in known:
        child = children.get(event.child_key or "")
        by_team[(child.team if child else "") or NO_TEAM].append(event)
    years = sorted({m.year for m in months})
    ends = any(e.end_date is not None for e in invs)
    return Casework(
        months=_series(known, months, followed, ends),
        teams={t: _series(evs, months, followed, ends) for t, evs in sorted(by_team.items())},
        indicator=indicator_years(known, years, as_of),
        has_end_dates=ends,
    )


def _open(event: Event) -> Event:
    """An event as known before its end date."""
    return Event(event.event_id, event.date, event.kind, event.child_key, None)


def yearly(rows: Sequence[CaseworkMonth]) -> tuple[CaseworkMonth, ...]:
    """The months summed per calendar year; ``month`` is each year's last month shown, and
    ``overdue`` (open past the deadline, a stock) is that month's."""
    years: dict[int, list[CaseworkMonth]] = defaultdict(list)
    for row in rows:
        years[row.month.year].append(row)
    result = []
    for months in years.values():
        last = months[-1]
        flows = {f: sum(getattr(m, f) for m in months) for f in _FLOWS}
        result.append(CaseworkMonth(last.month, overdue=last.overdue, **flows))
    return tuple(result)


_FLOWS = ("notifications", "followed", "started", "finished", "in_time", "with_end")
