"""Scoring forecasts against a world's outturn, beside the run-rate (pure, no Django).

Errors are in % of the frame's corrected budget as finally known (one denominator for every
as-of day, so the days compare). The criteria are issue 9's, per world:
MAE at 31 March at most half the run-rate's, below the run-rate's at every month end after,
and the P10-P90 band holding 70-90 % of the outturns, for the frame and for the lines.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ramme.core.periods import Month
from ramme.core.records import Dataset
from ramme.worlds.world import FRAME

COVERAGE = (70.0, 90.0)


@dataclass(frozen=True)
class Point:
    """One line (or the frame, ``FRAME``) forecast on one as-of day."""

    as_of: date
    line: str
    outturn: Decimal
    forecast: Decimal
    p10: Decimal
    p90: Decimal
    run_rate: Decimal

    @property
    def inside(self) -> bool:
        return self.p10 <= self.outturn <= self.p90


@dataclass(frozen=True)
class Summary:
    """A world's figures (percent of the frame's corrected budget) and its pass/fail."""

    ramme: dict[date, float]  # frame error per as-of day (signed)
    run_rate: dict[date, float]
    bias: float
    coverage_frame: float
    coverage_lines: float
    width: float

    def mae(self, days: list[date], of: str = "ramme") -> float:
        errors = self.ramme if of == "ramme" else self.run_rate
        chosen = [abs(errors[d]) for d in days if d in errors]
        return sum(chosen) / len(chosen) if chosen else float("nan")

    def criteria(self) -> dict[str, bool]:
        march = [d for d in self.ramme if d.month == 3]
        after = [d for d in self.ramme if d.month > 3]
        low, high = COVERAGE
        return {
            "marts": bool(march) and self.mae(march) <= 0.5 * self.mae(march, "run_rate"),
            "efter": bool(after) and all(abs(self.ramme[d]) < abs(self.run_rate[d]) for d in after),
            "bånd": low <= self.coverage_frame <= high and low <= self.coverage_lines <= high,
        }


def combine(summaries: list[Summary]) -> Summary:
    """One world's summaries of several years as one: the criteria over every month end of
    every year (the band's coverage of one year is one draw: its twelve month ends share
    the year's surprises). Coverage and width are weighted by month ends; the lines'
    coverage is the years' mean."""
    days = [len(s.ramme) for s in summaries]
    total = max(sum(days), 1)

    def weighted(values: list[float]) -> float:
        return sum(v * n for v, n in zip(values, days, strict=True)) / total

    ramme = {d: e for s in summaries for d, e in s.ramme.items()}
    return Summary(
        ramme,
        {d: e for s in summaries for d, e in s.run_rate.items()},
        bias=sum(ramme.values()) / max(len(ramme), 1),
        coverage_frame=weighted([s.coverage_frame for s in summaries]),
        coverage_lines=sum(s.coverage_lines for s in summaries) / max(len(summaries), 1),
        width=weighted([s.width for s in summaries]),
    )


def month_ends(year: int) -> list[date]:
    return [Month(year, m).last_day for m in range(1, 13)]


def run_rate(dataset: Dataset, year: int, as_of: date) -> dict[str, Decimal]:
    """Booked in ``year`` up to ``as_of`` × 365 / days elapsed, per line and the frame."""
    booked: dict[str, Decimal] = defaultdict(Decimal)
    for p in dataset.postings:
        if p.date.year == year and p.date <= as_of:
            booked[p.activity or ""] += p.amount
    booked[FRAME] = sum(booked.values(), Decimal(0))
    days = (as_of - date(year, 1, 1)).days + 1
    return {line: amount * 365 / days for line, amount in booked.items()}


def _pct(value: Decimal, budget: Decimal) -> float:
    return float(value / budget * 100) if budget else float("nan")


def summarise(points: list[Point], budget: Decimal) -> Summary:
    frame = sorted((p for p in points if p.line == FRAME), key=lambda p: p.as_of)
    lines = [p for p in points if p.line != FRAME and p.outturn != 0]
    ramme = {p.as_of: _pct(p.forecast - p.outturn, budget) for p in frame}
    rr = {p.as_of: _pct(p.run_rate - p.outturn, budget) for p in frame}
    n = max(len(frame), 1)
    return Summary(
        ramme,
        rr,
        bias=sum(ramme.values()) / n,
        coverage_frame=100 * sum(p.inside for p in frame) / n,
        coverage_lines=100 * sum(p.inside for p in lines) / max(len(lines), 1),
        width=sum(_pct(p.p90 - p.p10, budget) for p in frame) / n,
    )
