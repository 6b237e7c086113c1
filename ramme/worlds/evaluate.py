"""Run the forecast on a world at as-of days and pair it with the truth and the run-rate."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ramme.core.forecast import forecast, prepare
from ramme.core.records import Dataset
from ramme.worlds.loader import load_worlds
from ramme.worlds.scoring import Point, run_rate
from ramme.worlds.spec import WorldSpec
from ramme.worlds.world import FRAME, frame_budget, outturn


def evaluate(
    spec: WorldSpec, days: list[date], *, full: bool = False, simulations: int = 200
) -> tuple[list[Point], Decimal]:
    """Points for every line and the frame on each day, and the frame's budget.

    ``full``: forecast from the final files with only ``as_of`` cut (not the snapshot as
    exported that day), to see what the registration and booking lags cost."""
    year = days[0].year
    truth = outturn(spec, year)
    loaded = load_worlds(spec, [None] if full else days)
    points: list[Point] = []
    for day in days:
        dataset = loaded[None] if full else loaded[day]
        points += _points(dataset, day, truth, simulations)
    return points, frame_budget(spec, year)


def _points(
    dataset: Dataset, day: date, truth: dict[str, Decimal], simulations: int
) -> list[Point]:
    fc = forecast(prepare(dataset), day, simulations=simulations)
    rr = run_rate(dataset, day.year, day)
    out = [
        Point(day, line.activity, truth.get(line.activity, Decimal(0)), line.forecast,
              line.p10, line.p90, rr.get(line.activity, Decimal(0)))
        for line in fc.lines
    ]  # fmt: skip
    total = fc.total
    out.append(Point(day, FRAME, truth[FRAME], total.forecast, total.p10, total.p90, rr[FRAME]))
    return out
