"""The planted action plan (handleplan) and the truth about it (scenario.json).

Every change keeps a "ghost" copy of what would have happened (a measure not granted, a price
before renegotiation, a placement before conversion). Ghosts are priced like real measures but
never written; the expected effect per month is ghost cost minus the real cost that replaced
it, computed with the same kernel as the ledger.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ramme.demo import days as d
from ramme.demo.costs import daily_rates, monthly_costs
from ramme.demo.days import OPEN, IntArray
from ramme.demo.model import KIND_BASE, NOTES, Measures, Prices, World
from ramme.demo.parameters import Scenario
from ramme.demo.prices import base_prices, levels
from ramme.demo.simulate import Draft


@dataclass
class Planted:
    """What the scenario changed, by measure index (before compaction)."""

    start_day: int = 0
    removed_by_month: dict[str, int] = field(default_factory=dict)
    renegotiated: list[int] = field(default_factory=list)
    converted: list[tuple[int, int]] = field(default_factory=list)  # (placement, network)
    ghosts: dict[str, list[int]] = field(default_factory=dict)  # component → ghost indices
    replacements: dict[str, list[int]] = field(default_factory=dict)  # component → real ones


def start_day(scenario: Scenario, first_year: int) -> int:
    return d.day(first_year + scenario.year_offset, scenario.start_month)


def thin_inflow(
    rng: np.random.Generator,
    draft: Draft,
    oph: int,
    scenario: Scenario,
    scale: float,
    planted: Planted,
) -> None:
    """Mark new residential placements from the start day as not granted (ghosts).

    The random draw is made for every scenario so that all other measures are the same with
    and without the plan (the difference is exactly the removed placements).
    """
    m = draft.measures
    draw = rng.random(len(m))
    if scenario.fewer_residential_per_month <= 0:
        return
    own = (m.mtype == oph) & (draft.host == -1)
    before = own & (m.start < planted.start_day) & (m.start >= planted.start_day - 365)
    per_month = max(before.sum() / 12, 1e-9)
    share = min(1.0, scenario.fewer_residential_per_month * scale / per_month)
    hit = np.flatnonzero(own & (m.start >= planted.start_day) & (draw < share))
    m.ghost[hit] = 1
    months, counts = np.unique(d.month_number(m.start[hit]), return_counts=True)
    planted.removed_by_month = {
        str(np.datetime64(int(mo), "M")): int(c) for mo, c in zip(months, counts, strict=True)
    }
    planted.ghosts["færre_nyanbringelser"] = hit.tolist()
    planted.replacements["færre_nyanbringelser"] = []


def _ghost_copies(world: World, rows: IntArray) -> IntArray:
    """Append ghost copies of measures ``rows`` with their price periods; new indices."""
    m = world.measures
    copies = m.take(rows)
    copies.ghost = np.ones(len(rows), np.int64)
    first_new = len(m)
    world.measures = Measures.concat([m, copies])
    mapping = {int(r): first_new + i for i, r in enumerate(rows)}
    p = world.prices
    pick = np.flatnonzero(np.isin(p.measure, rows))
    extra = Prices(**{n: getattr(p, n)[pick] for n in p.__dataclass_fields__})
    extra.measure = np.array([mapping[int(x)] for x in extra.measure], dtype=np.int64)
    world.prices = Prices.concat([p, extra])
    return np.arange(first_new, first_new + len(rows), dtype=np.int64)


def renegotiate_top(
    world: World, scenario: Scenario, planted: Planted, placements: IntArray
) -> None:
    """Renegotiate the most expensive running placements by ``renegotiation_cut``."""
    top = round(scenario.renegotiate_top * world.scale)
    if top <= 0:
        return
    day0 = planted.start_day
    m, p = world.measures, world.prices
    active = (m.start < day0) & (m.end >= day0) & (m.ghost == 0) & np.isin(m.mtype, placements)
    in_force = (p.valid_from <= day0) & (p.valid_to >= day0) & active[p.measure]
    later = np.zeros(len(m), bool)
    # a price set on the start day itself (an ordinary renegotiation) would be cut to end
    # before it begins: leave such placements out
    later[p.measure[p.valid_from >= day0]] = True
    yearly = np.zeros(len(m))
    year = np.full(int(in_force.sum()), d.years_of(np.array([day0]))[0])
    regulated = daily_rates(p)[in_force] * levels(d.years_of(p.valid_from[in_force]), year)
    np.add.at(yearly, p.measure[in_force], regulated * 365)
    yearly[later | ~active] = 0
    chosen = np.argsort(-yearly, kind="stable")[:top]
    chosen = np.sort(chosen[yearly[chosen] > 0])
    ghosts = _ghost_copies(world, chosen)
    p = world.prices
    rows = np.flatnonzero(
        np.isin(p.measure, chosen)
        & (p.kind == KIND_BASE)
        & (p.valid_from <= day0)
        & (p.valid_to >= day0)
    )
    level = levels(
        d.years_of(p.valid_from[rows]), np.full(len(rows), d.years_of(np.array([day0]))[0])
    )
    new = Prices(**{n: getattr(p, n)[rows].copy() for n in p.__dataclass_fields__})
    new.valid_from = np.full(len(rows), day0, np.int64)
    new.amount = np.round(p.amount[rows] * level * (1 - scenario.renegotiation_cut))
    new.note = np.full(len(rows), NOTES.index("Genforhandlet takst (handleplan)"), np.int64)
    p.valid_to[rows] = day0 - 1
    world.prices = Prices.concat([p, new])
    planted.renegotiated = chosen.tolist()
    planted.ghosts["genforhandling"] = ghosts.tolist()
    planted.replacements["genforhandling"] = chosen.tolist()


def convert_to_network(
    rng: np.random.Generator,
    world: World,
    scenario: Scenario,
    planted: Planted,
    oph: int,
    npl: int,
) -> None:
    """Move young children from residential homes to network foster care on the start day."""
    count = round(scenario.conversions_to_network * world.scale)
    if count <= 0:
        return
    day0 = planted.start_day
    m = world.measures
    age = (day0 - world.children.birth[m.child]) / 365.25
    ok = (m.mtype == oph) & (m.start < day0 - 180) & (m.end >= day0 + 90) & (m.ghost == 0)
    ok &= (age < 14) & (m.aftercare == 0)
    # A renegotiated placement is already one action's case; converting it too would count
    # its saving twice in the planted truth.
    ok[np.asarray(planted.renegotiated, dtype=np.int64)] = False
    pool = np.flatnonzero(ok)
    chosen = np.sort(rng.choice(pool, min(count, len(pool)), replace=False))
    ghosts = _ghost_copies(world, chosen)
    m = world.measures
    new = m.take(chosen)
    new.mtype = np.full(len(chosen), npl, np.int64)
    new.start = np.full(len(chosen), day0, np.int64)
    cap = d.add_years(world.children.birth[new.child], 18) - 1
    drawn = day0 + np.round(rng.lognormal(np.log(36 * 30.4), 0.5, len(chosen))).astype(np.int64)
    new.end = np.where(np.minimum(drawn, cap) > world.last_day, OPEN, np.minimum(drawn, cap))
    new.planned_end = np.minimum(drawn, cap)
    family = np.array(world.providers.family)
    new.provider = rng.choice(np.flatnonzero(family == "NPL"), len(chosen))
    m.end[chosen] = day0 - 1
    m.planned_end[chosen] = day0 - 1
    first_new = len(m)
    world.measures = Measures.concat([m, new])
    prices = base_prices(rng, new, world.types, np.ones(len(world.providers.provider_id)))
    prices.measure = prices.measure + first_new
    world.prices = Prices.concat([world.prices, prices])
    added = list(range(first_new, first_new + len(chosen)))
    planted.converted = list(zip(chosen.tolist(), added, strict=True))
    planted.ghosts["netværkspleje"] = ghosts.tolist()
    planted.replacements["netværkspleje"] = chosen.tolist() + added


def effects_by_month(world: World, planted: Planted) -> dict[str, dict[str, float]]:
    """Expected saving per component and month from the start day (ghost − replacement)."""
    m0 = int(d.month_number(np.array([planted.start_day]))[0])
    m1 = int(d.month_number(np.array([world.last_day]))[0])
    out: dict[str, dict[str, float]] = {}
    if m1 < m0:  # the plan starts after the last reported year
        return out
    for component, ghosts in planted.ghosts.items():
        ghost_cost = _cost_of(world, np.array(ghosts, np.int64), m0, m1)
        real_cost = _cost_of(world, np.array(planted.replacements[component], np.int64), m0, m1)
        out[component] = {
            str(np.datetime64(m0 + i, "M")): round(float(ghost_cost[i] - real_cost[i]), 2)
            for i in range(m1 - m0 + 1)
        }
    return out


def _cost_of(world: World, rows: IntArray, m0: int, m1: int) -> np.ndarray:
    p = world.prices
    pick = np.flatnonzero(np.isin(p.measure, rows))
    sub = Prices(**{n: getattr(p, n)[pick] for n in p.__dataclass_fields__})
    entries = monthly_costs(sub, world.measures, m0, m1, world.last_day)
    out = np.zeros(m1 - m0 + 1)
    np.add.at(out, entries.month - m0, entries.amount)
    return out
