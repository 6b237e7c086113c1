"""The accuracy page's tables and chart, from a stored backtest (``BacktestResult.to_dict``).

Errors are forecast − outturn in % of the frame's corrected budget (as ``ramme backtest``
prints them), per line also in % of the line's own budget; coverage is the share of month
ends whose outturn fell within P10-P90.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from statistics import mean
from typing import Any

from ramme.core.forecast import METHOD_LABELS
from ramme.core.periods import MONTH_ABBR_DA
from ramme.reports.model import Chart, ChartKind, Series

METHODS = (  # the simple methods under the names the follow-up page gives them
    ("forecast", "ramme"),
    ("case_based", "Sagsbaseret før kalibrering"),
    *((key, METHOD_LABELS[key]) for key in ("run_rate", "periodised", "cases_x_price")),
    ("budget", "Korrigeret budget"),
)


@dataclass(frozen=True)
class FrameMonth:
    as_of: date
    errors: list[float]  # per method in METHODS, % of the frame's corrected budget
    inside: bool
    lines_inside: int
    lines: int


@dataclass(frozen=True)
class LineSummary:
    activity: str
    mae: list[float]  # per method, % of the frame's corrected budget
    mae_own: float | None  # ramme's, % of the line's own budget
    bias: float
    coverage: float


def _pct(value: float, outturn: float, scale: float) -> float:
    return 100 * (value - outturn) / (scale or 1.0)


def frame_months(payload: dict[str, Any]) -> list[FrameMonth]:
    out = []
    for m in payload["months"]:
        scale = abs(m["budget"]) or abs(m["outturn"]) or 1.0
        totals = {key: sum(r[key] for r in m["line_results"]) for key, _ in METHODS}
        totals["forecast"], totals["run_rate"] = m["forecast"], m["run_rate"]
        out.append(
            FrameMonth(
                date.fromisoformat(m["as_of"]),
                [_pct(totals[key], m["outturn"], scale) for key, _ in METHODS],
                bool(m["inside"]),
                int(m["lines_inside"]),
                int(m["lines"]),
            )
        )
    return out


def line_summaries(payload: dict[str, Any]) -> list[LineSummary]:
    months = payload["months"]
    if not months:
        return []
    out = []
    for i, first in enumerate(months[0]["line_results"]):
        rows = [(m, m["line_results"][i]) for m in months]
        rows = [(m, r) for m, r in rows if r["forecast"] or r["outturn"]]
        if not rows:
            continue
        scale = [abs(m["budget"]) or abs(m["outturn"]) or 1.0 for m, _ in rows]
        errors = {
            key: [_pct(r[key], r["outturn"], s) for (_, r), s in zip(rows, scale, strict=True)]
            for key, _ in METHODS
        }
        own = abs(rows[0][1]["budget"])
        out.append(
            LineSummary(
                first["activity"],
                [mean(abs(e) for e in errors[key]) for key, _ in METHODS],
                mean(abs(r["forecast"] - r["outturn"]) for _, r in rows) / own * 100
                if own
                else None,
                mean(errors["forecast"]),
                sum(bool(r["inside"]) for _, r in rows) / len(rows),
            )
        )
    return out


def error_chart(months: list[FrameMonth]) -> Chart:
    """Error per month end for ramme and the simple methods (% of corrected budget)."""
    shown = (0, 2, 3, 4)
    return Chart(
        title="Fejl i forventet regnskab pr. månedsskifte",
        kind=ChartKind.LINE_BAND,
        categories=tuple(f"{MONTH_ABBR_DA[m.as_of.month - 1]}." for m in months),
        series=tuple(
            Series(
                METHODS[k][1],
                tuple(Decimal(repr(round(m.errors[k], 2))) for m in months),
            )
            for k in shown
        ),
        unit="% af korrigeret budget",
    )
