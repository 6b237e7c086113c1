"""Vectorised day arithmetic: days are int64 counts since 1970-01-01 (numpy datetime64[D])."""

from __future__ import annotations

from datetime import date

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
OPEN = np.int64(1 << 40)  # an end date that never comes (blank in the files)
_EPOCH = date(1970, 1, 1).toordinal()


def day(year: int, month: int = 1, dom: int = 1) -> int:
    """The day number of a calendar date."""
    return date(year, month, dom).toordinal() - _EPOCH


def to_date(value: int) -> date:
    return date.fromordinal(int(value) + _EPOCH)


def month_start(days: IntArray) -> IntArray:
    """First day of each day's month."""
    return (
        days.astype("datetime64[D]")
        .astype("datetime64[M]")
        .astype("datetime64[D]")
        .astype(np.int64)
    )


def month_number(days: IntArray) -> IntArray:
    """Months since January 1970 (year * 12 + month - 1 - 1970 * 12)."""
    return days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)


def month_first_day(months: IntArray) -> IntArray:
    """First day of each month number."""
    return months.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)


def month_last_day(months: IntArray) -> IntArray:
    return month_first_day(months + 1) - 1


def years_of(days: IntArray) -> IntArray:
    return days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970


def add_years(days: IntArray, years: int) -> IntArray:
    """The same calendar day ``years`` later (29 February → 1 March)."""
    months = month_number(days)
    offset = days - month_first_day(months)
    target = month_first_day(months + 12 * years) + offset
    return np.minimum(target, month_last_day(months + 12 * years) + (offset > 27))


def add_months(days: IntArray, months: int) -> IntArray:
    """The same day of the month ``months`` later or earlier, kept inside the month."""
    number = month_number(days)
    offset = days - month_first_day(number)
    moved: IntArray = np.minimum(
        month_first_day(number + months) + offset, month_last_day(number + months)
    )
    return moved


def iso(days: IntArray) -> list[str]:
    """ISO dates; OPEN and negative sentinels become blank."""
    blank = (days >= OPEN) | (days < -50_000)
    out = np.datetime_as_string(np.where(blank, 0, days).astype("datetime64[D]"))
    texts: list[str] = np.where(blank, "", out).tolist()
    return texts
