"""Backtest: forecast at every month end of a past year from what was known then, and
compare with the outturn (the sum of postings dated in the year), beside the run-rate and
the corrected budget. Errors are in percent of the frame's corrected budget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from statistics import mean

from ramme.core.forecast.data import FloatArray, Prepared, prepare
from ramme.core.forecast.engine import budgets, forecast
from ramme.core.forecast.lag import booked
from ramme.core.forecast.model import Config
from ramme.core.forecast.results import Forecast
from ramme.core.forecast.simple import cases_x_price, periodised, run_rate
from ramme.core.periods import Month
from ramme.core.records import Dataset

ACCEPTANCE_MONTHS = (3, 6, 9)


@dataclass(frozen=True)
class LineBacktest:
    """One line on one forecast date (kr.): ramme, its band, the simple methods, outturn."""

    activity: str
    forecast: float
    p10: float
    p90: float
    case_based: float  # before calibration
    run_rate: float
    periodised: float
    cases_x_price: float
    budget: float
    outturn: float

    @property
    def inside(self) -> bool:
        return self.p10 - 1 <= self.outturn <= self.p90 + 1

    @property
    def counted(self) -> bool:
        """Lines with neither postings nor a forecast do not count in the coverage."""
        return self.forecast != 0 or self.outturn != 0


@dataclass(frozen=True)
class BacktestMonth:
    """One forecast date of the backtest (amounts in kr., errors in % of corrected budget)."""

    as_of: date
    forecast: float
    p10: float
    p90: float
    run_rate: float
    budget: float
    outturn: float
    error_pct: float
    run_rate_error_pct: float
    budget_error_pct: float
    inside: bool  # outturn within P10-P90
    lines_inside: int  # lines whose outturn fell within their band
    lines: int
    periodised: float = 0.0
    cases_x_price: float = 0.0
    line_results: tuple[LineBacktest, ...] = ()

    def pct(self, value: float) -> float:
        """``value − outturn`` in % of the frame's corrected budget."""
        scale = abs(self.budget) or abs(self.outturn) or 1.0
        return 100 * (value - self.outturn) / scale


@dataclass(frozen=True)
class BacktestResult:
    year: int
    months: tuple[BacktestMonth, ...]

    def _pick(self, months: tuple[int, ...] | None) -> list[BacktestMonth]:
        return [m for m in self.months if months is None or m.as_of.month in months]

    def mae_pct(self, months: tuple[int, ...] | None = None) -> float:
        """Mean absolute error of the forecast, % of the corrected budget."""
        return mean(abs(m.error_pct) for m in self._pick(months))

    def run_rate_mae_pct(self, months: tuple[int, ...] | None = None) -> float:
        return mean(abs(m.run_rate_error_pct) for m in self._pick(months))

    def budget_mae_pct(self, months: tuple[int, ...] | None = None) -> float:
        return mean(abs(m.budget_error_pct) for m in self._pick(months))

    def bias_pct(self, months: tuple[int, ...] | None = None) -> float:
        """Mean signed error (forecast − outturn), % of the corrected budget."""
        return mean(m.error_pct for m in self._pick(months))

    def coverage(self, months: tuple[int, ...] | None = None) -> float:
        """Share of forecast dates whose frame outturn fell within P10-P90."""
        picked = self._pick(months)
        return sum(m.inside for m in picked) / len(picked)

    def line_coverage(self, months: tuple[int, ...] | None = None) -> float:
        """Share of (line, date) pairs whose outturn fell within the line's P10-P90."""
        picked = self._pick(months)
        return float(sum(m.lines_inside for m in picked) / max(1, sum(m.lines for m in picked)))

    def accepted(self) -> bool:
        """The issue's test: at end of March, June, September MAE ≤ ⅓ of the run-rate's
        and P10-P90 coverage between 60 % and 95 %."""
        months = ACCEPTANCE_MONTHS
        cov = self.line_coverage(months)
        good_error = self.mae_pct(months) <= self.run_rate_mae_pct(months) / 3
        return bool(good_error and 0.6 <= cov <= 0.95)

    def to_dict(self) -> dict[str, object]:
        return {
            "year": self.year,
            "months": [_month_dict(m) for m in self.months],
            "summary": {
                "mae_pct": self.mae_pct(),
                "run_rate_mae_pct": self.run_rate_mae_pct(),
                "budget_mae_pct": self.budget_mae_pct(),
                "bias_pct": self.bias_pct(),
                "coverage": self.coverage(),
                "line_coverage": self.line_coverage(),
                "acceptance_months": list(ACCEPTANCE_MONTHS),
                "acceptance_mae_pct": self.mae_pct(ACCEPTANCE_MONTHS),
                "acceptance_run_rate_mae_pct": self.run_rate_mae_pct(ACCEPTANCE_MONTHS),
                "acceptance_line_coverage": self.line_coverage(ACCEPTANCE_MONTHS),
                "accepted": self.accepted(),
            },
        }


def _month_dict(m: BacktestMonth) -> dict[str, object]:
    plain = {k: v for k, v in m.__dict__.items() if k != "line_results"}
    lines = [r.__dict__ | {"inside": r.inside} for r in m.line_results]
    return plain | {"as_of": m.as_of.isoformat(), "line_results": lines}


def backtest(
    data: Dataset | Prepared,
    year: int,
    *,
    months: tuple[int, ...] = tuple(range(1, 13)),
    simulations: int = 200,
    seed: int = 0,
    config: Config | None = None,
    calibrated: bool = True,
    progress: Callable[[int], None] | None = None,
) -> BacktestResult:
    """Forecast at each month end of ``year`` and compare with the year's outturn."""
    prep = data if isinstance(data, Prepared) else prepare(data)
    outturn = booked(prep, date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal())
    corrected, _ = budgets(prep.master, year, prep.activities)
    result = []
    for month in months:
        as_of = Month(year, month).last_day
        fc = forecast(
            prep, as_of, simulations=simulations, seed=seed, config=config, calibrated=calibrated
        )
        result.append(_month(prep, fc, outturn, corrected))
        if progress is not None:
            progress(len(result))
    return BacktestResult(year, tuple(result))


def _month(
    prep: Prepared, fc: Forecast, outturn: FloatArray, corrected: FloatArray
) -> BacktestMonth:
    as_of = fc.as_of
    simple = {"run_rate": run_rate(prep, as_of), "periodised": periodised(prep, as_of),
              "cases_x_price": cases_x_price(prep, as_of)}  # fmt: skip
    case_based = fc.calibration.case_based if fc.calibration else {}
    rows = tuple(
        LineBacktest(
            activity=line.activity,
            forecast=float(line.forecast),
            p10=float(line.p10),
            p90=float(line.p90),
            case_based=case_based.get(line.activity, float(line.forecast)),
            run_rate=float(simple["run_rate"][i]),
            periodised=float(simple["periodised"][i]),
            cases_x_price=float(simple["cases_x_price"][i]),
            budget=float(corrected[i]),
            outturn=float(outturn[i]),
        )
        for i, line in enumerate(fc.lines)
    )
    counted = [r for r in rows if r.counted]
    total, out = float(fc.total.forecast), float(outturn.sum())
    rr, budget = float(simple["run_rate"].sum()), float(corrected.sum())
    scale = abs(budget) or abs(out) or 1.0
    return BacktestMonth(
        as_of=as_of,
        forecast=total,
        p10=float(fc.total.p10),
        p90=float(fc.total.p90),
        run_rate=rr,
        budget=budget,
        outturn=out,
        error_pct=100 * (total - out) / scale,
        run_rate_error_pct=100 * (rr - out) / scale,
        budget_error_pct=100 * (budget - out) / scale,
        inside=float(fc.total.p10) - 1 <= out <= float(fc.total.p90) + 1,
        lines_inside=sum(r.inside for r in counted),
        lines=len(counted),
        periodised=float(simple["periodised"].sum()),
        cases_x_price=float(simple["cases_x_price"].sum()),
        line_results=rows,
    )
