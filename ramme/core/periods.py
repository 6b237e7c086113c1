"""Periods as types: months, years and half-open date ranges; Danish date format."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

MONTH_NAMES_DA = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
MONTH_ABBR_DA = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def format_date(value: date | None) -> str:
    """Danish date: 31.03.2024 (blank for none)."""
    return value.strftime("%d.%m.%Y") if value else ""


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month (måned)."""

    year: int
    month: int

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def days(self) -> int:
        return calendar.monthrange(self.year, self.month)[1]

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def label(self) -> str:
        return f"{MONTH_NAMES_DA[self.month - 1]} {self.year}"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class DateRange:
    """A half-open range of days [start, stop)."""

    start: date
    stop: date

    @classmethod
    def inclusive(cls, first: date, last: date) -> DateRange:
        return cls(first, last + timedelta(days=1))

    @classmethod
    def year(cls, year: int) -> DateRange:
        return cls(date(year, 1, 1), date(year + 1, 1, 1))

    @property
    def days(self) -> int:
        return max(0, (self.stop - self.start).days)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day < self.stop

    def intersect(self, other: DateRange) -> DateRange:
        start = max(self.start, other.start)
        return DateRange(start, max(start, min(self.stop, other.stop)))

    def months(self) -> list[Month]:
        """The months the range touches, in order."""
        if self.days == 0:
            return []
        month, last = Month.of(self.start), Month.of(self.stop - timedelta(days=1))
        result = []
        while month <= last:
            result.append(month)
            month = month.next()
        return result


def month_end(day: date) -> date:
    """The last day of ``day``'s month (ultimo måneden): 14.02.2024 → 29.02.2024."""
    return Month.of(day).last_day


def birthday(birth: date, years: int) -> date:
    """The day of the ``years``-th birthday (born 29 February: 1 March in other years)."""
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:
        return date(birth.year + years, 3, 1)


def is_month_end(day: date) -> bool:
    return day == month_end(day)


def year_fraction_elapsed(as_of: date) -> float:
    """Share of the calendar year up to and including ``as_of``."""
    total = DateRange.year(as_of.year).days
    return (as_of - date(as_of.year, 1, 1)).days / total + 1 / total
