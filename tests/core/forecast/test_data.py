"""The columnar form agrees with the record-based pricing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ramme.core.forecast import prepare
from ramme.core.pricing import daily_rate
from ramme.core.records import PriceKind, PricePeriod, PriceUnit
from tests.core.forecast.builders import dataset, measure


@pytest.mark.parametrize("unit", list(PriceUnit))
def test_daily_rate_column_matches_pricing(unit: PriceUnit) -> None:
    period = PricePeriod(
        date(2024, 1, 1), None, PriceKind.BASE, Decimal("7300"), unit, hours_per_week=Decimal("3.5")
    )
    prep = prepare(dataset([measure("m", date(2024, 1, 1), prices=(period,))]))
    assert prep.p_rate[0] == pytest.approx(float(daily_rate(period)))
