"""On 31 December the invoices of the supplementary period are still to come, until it closes."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from ramme.core.forecast import forecast
from ramme.core.records import Posting
from tests.core.forecast.builders import dataset, measure, posting

START, YEAR = date(2021, 1, 1), 2025
DAILY = 1000.0
AS_OF = date(YEAR, 12, 31)


def _invoices(until: date) -> list[Posting]:
    """One measure's monthly invoices, booked on the 10th of the month after; December's,
    booked in the supplementary period, is dated 31 December. Only those booked by ``until``."""
    out, month = [], START
    while month.year <= YEAR:
        nxt = (month + timedelta(days=32)).replace(day=1)
        booked = nxt.replace(day=10)
        dated = date(month.year, 12, 31) if month.month == 12 else booked
        if booked <= until:
            amount = DAILY * (nxt - month).days
            out.append(posting(f"p{month}", dated, amount, measure_id="m1"))
        month = nxt
    return out


def _year_end(until: date) -> tuple[Decimal, Decimal, Decimal]:
    """Forecast, P90 and booked of the line on 31 December, from an extract made ``until``."""
    m = measure("m1", START, daily=DAILY)
    data = dataset([m], _invoices(until))
    line = forecast(data, AS_OF, simulations=50).lines[0]
    return line.forecast, line.p90, line.actual


def test_an_extract_of_31_december_expects_decembers_invoice() -> None:
    fc, p90, booked = _year_end(AS_OF)
    december = Decimal(31 * DAILY)
    assert booked < 335 * Decimal(DAILY)  # November's invoice is in, December's is not
    assert fc - booked == pytest.approx(december, rel=Decimal("0.02"))
    assert p90 >= fc


def test_once_the_supplementary_period_has_closed_the_year_is_what_is_booked() -> None:
    fc, _, booked = _year_end(date(YEAR + 1, 3, 15))
    assert booked == 365 * Decimal(DAILY)
    assert fc == booked
