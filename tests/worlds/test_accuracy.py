"""Issue 9's bounds on a few small worlds (one held out), at a few month ends.

At full size (half size is mostly the luck of few cases); aadal is the known shortfall (a
strict xfail). bench/worlds.py prints the full table. Slow: each world is imported as known
on each day.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache

import pytest

from ramme.worlds.evaluate import evaluate
from ramme.worlds.registry import get
from ramme.worlds.scoring import COVERAGE, Point, summarise
from ramme.worlds.world import FRAME

pytestmark = pytest.mark.slow

NAMES = ("laerebog", "aadal", "kaerby")  # kaerby is held out
# aadal (billing in advance, so the run-rate is close) is not beaten at every later month end
# today, and at 31 March its lines err both ways (residential homes +4.5 %, institutions
# -4.4 % of the frame, the run-rate alike): the frame's -1.9 % is not half the run-rate's
# -2.7 % (docs/forecast-worlds.md, session 10). The known shortfall, kept visible; it fails
# as soon as the forecast meets it there.
AADAL = pytest.param(
    "aadal", marks=pytest.mark.xfail(strict=True, reason="issue 9: not met on aadal yet")
)
BOUNDED = ("laerebog", AADAL, "kaerby")
SCALE = 1.0
DAYS = [date(2025, 3, 31), date(2025, 6, 30), date(2025, 9, 30), date(2025, 11, 30)]


@cache
def _scored(name: str) -> tuple[list[Point], Decimal]:
    return evaluate(get(name, SCALE), DAYS, simulations=100)


@pytest.mark.parametrize("name", BOUNDED)
def test_the_forecast_halves_the_run_rates_error_at_31_march(name: str) -> None:
    points, budget = _scored(name)
    s = summarise(points, budget)
    assert s.mae([DAYS[0]]) <= 0.5 * s.mae([DAYS[0]], "run_rate")


@pytest.mark.parametrize("name", BOUNDED)
def test_the_forecast_beats_the_run_rate_at_every_later_month_end(name: str) -> None:
    points, budget = _scored(name)
    s = summarise(points, budget)
    for day in DAYS[1:]:
        assert abs(s.ramme[day]) < abs(s.run_rate[day]), day


def test_the_80_percent_band_holds_70_to_90_percent_of_the_outturns() -> None:
    points = [p for name in NAMES for p in _scored(name)[0]]
    frame = [p.inside for p in points if p.line == FRAME]
    lines = [p.inside for p in points if p.line != FRAME and p.outturn != 0]
    low, high = COVERAGE
    assert low <= 100 * sum(lines) / len(lines) <= high
    # Twelve frame points: "70-90 %" would accept 9 or 10 only, which an exact 80 % band
    # gives half the time. Accept what it gives nine times in ten (binomial, 12 × 0.8).
    assert 7 <= sum(frame) <= 11, f"{sum(frame)} of {len(frame)}"
    assert len(frame) == 12
