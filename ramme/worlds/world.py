"""A world built once per spec: its measures, children, ledger and budgets (the truth)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from ramme.worlds.activities import Rule, lines
from ramme.worlds.budget import BudgetRow, budgets
from ramme.worlds.ledger import SimPosting, build_ledger
from ramme.worlds.people import SimChild
from ramme.worlds.simulate import SimMeasure, simulate
from ramme.worlds.spec import WorldSpec

FRAME = "I alt"  # the key of the frame's total in outturn()


@dataclass(frozen=True)
class World:
    spec: WorldSpec
    measures: tuple[SimMeasure, ...]
    children: tuple[SimChild, ...]
    postings: tuple[SimPosting, ...]
    budgets: tuple[BudgetRow, ...]
    lines: tuple[Rule, ...]


@lru_cache(maxsize=16)
def build_world(spec: WorldSpec) -> World:
    measures, children = simulate(spec)
    postings = build_ledger(spec, measures, children)
    line_rules = lines(spec)
    names = [r.activity for r in line_rules]
    years = range(spec.first_year, spec.last_year + 1)
    outturns = {year: _totals(postings, year, names) for year in years}
    return World(
        spec, tuple(measures), tuple(children), tuple(postings),
        tuple(budgets(spec, outturns, names)), tuple(line_rules),
    )  # fmt: skip


def _totals(postings: list[SimPosting], year: int, names: list[str]) -> dict[str, Decimal]:
    totals = dict.fromkeys(names, Decimal(0))
    for p in postings:
        if p.date.year == year:
            totals[p.line] += p.amount
    totals[FRAME] = sum((totals[n] for n in names), Decimal(0))
    return totals


def outturn(spec: WorldSpec, year: int) -> dict[str, Decimal]:
    """The year's booked total per line and for the frame (``FRAME``), as finally known:
    every posting dated in the year, including the supplementary period."""
    world = build_world(spec)
    return _totals(list(world.postings), year, [r.activity for r in world.lines])


def frame_budget(spec: WorldSpec, year: int) -> Decimal:
    """The frame's corrected budget for ``year`` as finally known (the latest correction of
    each line, or its adopted budget)."""
    latest: dict[str, tuple[object, Decimal]] = {}
    for b in build_world(spec).budgets:
        if b.year != year:
            continue
        rank = (b.kind == "korrigeret", b.date or date.min)
        if b.activity not in latest or rank >= latest[b.activity][0]:  # type: ignore[operator]
            latest[b.activity] = (rank, b.amount)
    return sum((amount for _, amount in latest.values()), Decimal(0))
