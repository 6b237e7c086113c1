"""``GET /api/v1/backtest?year=YYYY``: the same figures as ``ramme backtest --json``."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from ramme.core.forecast.backtest import BacktestMonth, LineBacktest
from ramme.web.api.auth import api_user
from ramme.web.api.dataclass_schema import schema_of
from ramme.web.forecasts.services import accuracy, backtests

router = Router(tags=["prognose"])


# The month and line records are the core's dataclasses, field for field; the JSON adds
# each line's ``inside`` (a property of the record).
LineBacktestOut = schema_of(LineBacktest, name="LineBacktestOut", extra={"inside": bool})
BacktestMonthOut = schema_of(
    BacktestMonth,
    name="BacktestMonthOut",
    replace={"line_results": list[LineBacktestOut]},  # type: ignore[valid-type]
)


class BacktestSummary(Schema):
    mae_pct: float
    run_rate_mae_pct: float
    budget_mae_pct: float
    bias_pct: float
    coverage: float
    line_coverage: float
    acceptance_months: list[int]
    acceptance_mae_pct: float
    acceptance_run_rate_mae_pct: float
    acceptance_line_coverage: float
    accepted: bool


class BacktestOut(Schema):
    year: int
    months: list[BacktestMonthOut]  # type: ignore[valid-type]
    summary: BacktestSummary


@router.get("", response=BacktestOut, summary="Backtest af prognosen for et tidligere år")
def backtest(request: HttpRequest, year: int) -> dict[str, object]:
    """Every month end of ``year`` with the CLI's defaults (200 simulations, seed 0): the
    stored result of the accuracy page when it is computed for the data as they are, else
    computed now."""
    stored = accuracy.current(year)
    if stored is not None and stored.payload is not None and stored.status == "done":
        payload = dict(stored.payload)
    else:
        try:
            payload = backtests.run_backtest(year).to_dict()
        except backtests.BacktestUnavailable as error:
            raise Http404(str(error)) from error
    return payload if api_user(request).sees_all_cases else frame_only(payload)


def frame_only(payload: dict[str, object]) -> dict[str, object]:
    """The backtest without its per-line amounts: a line's outturn may rest on 1-4
    children the caller may not see (the small-number rule); the frame's figures stay."""
    months = payload.get("months", [])
    assert isinstance(months, list)
    return payload | {"months": [m | {"line_results": []} for m in months]}
