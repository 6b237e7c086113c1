"""Scoring: the run-rate from the postings, errors in % of the budget, the criteria."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ramme.core.records import Dataset, Posting
from ramme.worlds.scoring import Point, combine, month_ends, run_rate, summarise
from ramme.worlds.world import FRAME


def test_run_rate_extrapolates_what_is_booked_in_the_year_so_far() -> None:
    postings = (
        Posting("1", date(2024, 12, 31), Decimal(1000), "A"),  # last year: not counted
        Posting("2", date(2025, 1, 15), Decimal(3100), "A"),
        Posting("3", date(2025, 1, 20), Decimal(-310), "B"),
        Posting("4", date(2025, 2, 1), Decimal(5000), "A"),  # after as_of
    )
    rr = run_rate(Dataset(postings=postings), 2025, date(2025, 1, 31))
    assert rr["A"] == Decimal(3100) * 365 / 31
    assert rr[FRAME] == Decimal(2790) * 365 / 31


def _points(errors: dict[date, tuple[int, int]], inside: bool) -> list[Point]:
    out = []
    for day, (ramme, rr) in errors.items():
        truth = Decimal(1000)
        band = (truth - 10, truth + 10) if inside else (truth + 5, truth + 10)
        out.append(Point(day, FRAME, truth, truth + ramme, *band, truth + rr))
        out.append(Point(day, "A", truth, truth + ramme, *band, truth + rr))
    return out


def test_a_world_passes_when_it_halves_the_run_rate_in_march_and_beats_it_after() -> None:
    ends = month_ends(2025)
    errors = {d: (10, 50) if d.month == 3 else (-5, 20) for d in ends}
    summary = summarise(_points(errors, inside=True), budget=Decimal(1000))
    assert summary.mae([ends[2]]) == 1.0 and summary.mae([ends[2]], "run_rate") == 5.0
    assert summary.bias < 0
    # a band that always holds the outturn holds 100 %: above the 70-90 % asked for
    assert summary.criteria() == {"marts": True, "efter": True, "bånd": False}


def test_a_world_fails_when_the_run_rate_wins_on_one_month_end() -> None:
    ends = month_ends(2025)
    errors = {d: (1, 50) for d in ends} | {ends[7]: (30, 20)}
    summary = summarise(_points(errors, inside=False), budget=Decimal(1000))
    assert summary.criteria()["efter"] is False
    assert summary.coverage_frame == 0.0


def test_years_combined_judge_every_month_end_of_every_year() -> None:
    ends24, ends25 = month_ends(2024), month_ends(2025)
    good = summarise(_points({d: (1, 50) for d in ends25}, inside=True), budget=Decimal(1000))
    # 2024: the run-rate wins in August, and the band never holds the outturn
    bad = {d: (1, 50) for d in ends24} | {ends24[7]: (30, 20)}
    worse = summarise(_points(bad, inside=False), budget=Decimal(1000))
    both = combine([good, worse])
    assert len(both.ramme) == 24
    assert both.mae([ends24[2], ends25[2]]) == 0.1
    assert both.coverage_frame == 50.0
    assert both.criteria()["efter"] is False and good.criteria()["efter"] is True
    assert both.bias == pytest.approx((23 * 0.1 + 3.0) / 24)
