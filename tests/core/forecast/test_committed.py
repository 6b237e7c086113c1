"""Committed cost of active measures: prices, supplements, regulation, known and planned ends."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from ramme.core.forecast import Forecast, forecast
from ramme.core.records import PriceKind
from tests.core.forecast.builders import dataset, measure, price


def _row(fc: Forecast, mid: str) -> dict[str, Any]:
    return next(r for r in fc.measures.rows() if r["measure_id"] == mid)


def test_one_measure_with_planned_end_is_committed_to_that_day() -> None:
    m = measure("m1", date(2024, 1, 1), planned=date(2024, 6, 30), daily=1000)
    fc = forecast(dataset([m]), date(2024, 3, 31), simulations=0)
    row = _row(fc, "m1")
    assert row["accrued"] == Decimal(91_000)  # 1 January - 31 March 2024 (leap year)
    assert row["committed"] == Decimal(91_000)  # 1 April - 30 June
    assert row["expected"] == row["committed"]  # a planned end is the expected end


def test_a_known_end_stops_the_cost_and_the_measure_is_not_active() -> None:
    m = measure("m1", date(2024, 1, 1), date(2024, 2, 29), daily=1000)
    fc = forecast(dataset([m]), date(2024, 3, 31), simulations=0)
    row = _row(fc, "m1")
    assert row["end_date"] == date(2024, 2, 29)
    assert row["accrued"] == Decimal(60_000)
    assert row["committed"] == 0


def test_supplement_runs_to_its_end_and_base_price_is_regulated_on_1_january() -> None:
    prices = (
        price(1000, date(2023, 7, 1)),
        price(200, date(2024, 1, 1), date(2024, 4, 30), kind=PriceKind.SUPPLEMENT),
    )
    m = measure("m1", date(2023, 7, 1), planned=date(2024, 12, 31), prices=prices)
    data = dataset([m], index={2024: Decimal("2.0")})
    fc = forecast(data, date(2024, 3, 31), simulations=0)
    # base 1,020/day for 275 days after 31 March; supplement 200/day for 30 April days
    assert _row(fc, "m1")["committed"] == Decimal(1020 * 275 + 200 * 30)
    assert _row(fc, "m1")["daily_price"] == Decimal(1220)


def test_an_end_date_after_as_of_is_not_known_yet() -> None:
    m = measure("m1", date(2024, 1, 1), date(2024, 5, 31), planned=date(2024, 12, 31))
    fc = forecast(dataset([m]), date(2024, 3, 31), simulations=0)
    row = _row(fc, "m1")
    assert row["end_date"] is None
    assert row["committed"] == Decimal(275_000)


def test_the_age_limit_ends_a_measure_at_the_18th_birthday() -> None:
    from ramme.core.records import Child

    m = measure("m1", date(2020, 1, 1), child="kid")
    kid = Child("kid", birth_date=date(2006, 6, 1))
    fc = forecast(dataset([m], children=[kid]), date(2024, 3, 31), simulations=0)
    # active through 31 May 2024, the day before the 18th birthday: April + May = 61 days
    assert _row(fc, "m1")["committed"] == Decimal(61_000)
    assert _row(fc, "m1")["expected"] <= Decimal(61_000)
