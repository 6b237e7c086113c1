"""The backtest's API schema is the core's dataclasses: the JSON the core writes is exactly
what the schema declares, field for field."""

from __future__ import annotations

from datetime import date
from typing import Any

from ramme.core.forecast.backtest import BacktestMonth, BacktestResult, LineBacktest
from ramme.web.api.backtest import BacktestMonthOut, LineBacktestOut


def _result() -> BacktestResult:
    line = LineBacktest("Plejefamilier", 110.0, 90.0, 130.0, 105.0, 120.0, 100.0, 95.0,
                        100.0, 111.0)  # fmt: skip
    month = BacktestMonth(
        as_of=date(2024, 3, 31), forecast=110.0, p10=90.0, p90=130.0, run_rate=120.0,
        budget=100.0, outturn=111.0, error_pct=-1.0, run_rate_error_pct=9.0,
        budget_error_pct=-11.0, inside=True, lines_inside=1, lines=1, periodised=100.0,
        cases_x_price=95.0, line_results=(line,),
    )  # fmt: skip
    return BacktestResult(2024, (month,))


def _month() -> dict[str, Any]:
    months = _result().to_dict()["months"]
    assert isinstance(months, list)
    month: dict[str, Any] = months[0]
    return month


def test_month_schema_declares_exactly_the_fields_the_core_writes() -> None:
    month = _month()
    assert set(BacktestMonthOut.model_fields) == set(month)
    assert set(LineBacktestOut.model_fields) == set(month["line_results"][0])


def test_every_field_is_required_and_the_core_json_validates() -> None:
    month = _month()
    assert all(f.is_required() for f in BacktestMonthOut.model_fields.values())
    parsed = BacktestMonthOut.model_validate(month)
    # the schema is made from the dataclass at import: mypy sees no fields on it
    assert parsed.line_results[0].inside is True  # type: ignore[attr-defined]
    assert parsed.as_of == date(2024, 3, 31)  # type: ignore[attr-defined]
