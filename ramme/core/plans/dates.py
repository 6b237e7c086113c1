"""Small date helpers for plans: month arithmetic and the months of a period."""

from __future__ import annotations

from datetime import date, timedelta

from ramme.core.periods import DateRange, Month


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the month's last day (31.08 + 6 = 28.02)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, Month(year, month + 1).days))


def month_range(month: Month) -> DateRange:
    return DateRange(month.first_day, month.last_day + timedelta(days=1))


def follow_up_period(start: date, year: int, as_of: date) -> DateRange:
    """Days from a plan's start to ``as_of`` (inclusive), inside ``year``."""
    first = max(start, date(year, 1, 1))
    stop = min(as_of + timedelta(days=1), date(year + 1, 1, 1))
    return DateRange(first, max(first, stop))
