"""Notifications and investigations (ramme.core.casework)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ramme.core.casework import casework, indicator_years, yearly
from ramme.core.periods import Month
from ramme.core.records import Child, Event

JAN, FEB, JUN = Month(2024, 1), Month(2024, 2), Month(2024, 6)


def _note(n: int, day: date, child: str | None) -> Event:
    return Event(f"N{n}", day, "underretning", child)


def _inv(n: int, day: date, child: str, end: date | None = None) -> Event:
    return Event(f"U{n}", day, "undersoegelse", child, end)


def test_a_notification_is_followed_when_the_child_is_investigated_within_four_months() -> None:
    events = [
        _note(1, date(2024, 1, 5), "a"),
        _note(2, date(2024, 1, 6), "b"),
        _note(3, date(2024, 1, 7), "c"),
        _inv(1, date(2024, 3, 1), "a"),
        _inv(2, date(2024, 6, 1), "b"),  # more than four months later
    ]
    work = casework(events, {}, [JAN], date(2024, 12, 31))
    assert work.months[0].notifications == 3 and work.months[0].followed == 1
    assert work.months[0].followed_share == Decimal(1) / 3


def test_investigations_finished_within_four_months_and_those_past_the_deadline() -> None:
    events = [
        _inv(1, date(2024, 1, 10), "a", date(2024, 5, 10)),  # on the deadline day: in time
        _inv(2, date(2024, 1, 10), "b", date(2024, 6, 2)),  # late
        _inv(3, date(2024, 1, 20), "c"),  # still open: past the deadline in June
    ]
    work = casework(events, {}, [Month(2024, 5), JUN], date(2024, 6, 30))
    may, june = work.months
    assert (may.finished, may.in_time) == (1, 1)
    assert (june.finished, june.in_time) == (1, 0)
    assert june.overdue == 1 and work.has_end_dates


def test_an_end_date_after_the_as_of_day_is_not_yet_known() -> None:
    events = [_inv(1, date(2024, 1, 10), "a", date(2024, 3, 1))]
    work = casework(events, {}, [FEB], date(2024, 2, 29))
    assert not work.has_end_dates and work.months[0].finished == 0


def test_counts_are_split_by_the_childs_team() -> None:
    children = {"a": Child("a", team="Team Nord"), "b": Child("b", team="Team Syd")}
    events = [_note(1, date(2024, 1, 5), "a"), _note(2, date(2024, 1, 6), "b"),
              _note(3, date(2024, 1, 7), "a"), _note(4, date(2024, 1, 8), None)]  # fmt: skip
    work = casework(events, children, [JAN], date(2024, 12, 31))
    counts = {team: rows[0].notifications for team, rows in work.teams.items()}
    assert counts == {"Team Nord": 2, "Team Syd": 1, "Uden team": 1}


def test_five_percent_fewer_investigations_compares_the_same_period_of_last_year() -> None:
    events = [_inv(i, date(2023, 1 + i % 6, 10), f"x{i}") for i in range(20)]
    events += [_inv(100 + i, date(2024, 1 + i % 6, 10), f"y{i}") for i in range(19)]
    events.append(_inv(999, date(2023, 11, 1), "late"))  # after the as-of day's date in 2023
    (year,) = indicator_years(events, [2024], date(2024, 6, 30))
    assert (year.investigations, year.previous) == (19, 20)
    assert year.goal == Decimal(19) and year.achieved
    assert year.change == Decimal(-1) / 20


def test_yearly_totals_sum_the_flows_and_keep_the_last_months_stock() -> None:
    events = [_note(1, date(2024, 1, 5), "a"), _note(2, date(2024, 2, 5), "b")]
    work = casework(events, {}, [JAN, FEB], date(2024, 12, 31))
    (total,) = yearly(work.months)
    assert total.notifications == 2 and total.month == FEB
