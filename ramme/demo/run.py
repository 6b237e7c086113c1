"""Generate a demo municipality: every data-contract file plus scenario.json."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ramme.demo import days as d
from ramme.demo import files, optional, people, scenario, simulate, truth, writer
from ramme.demo.budget import BudgetRow, make_budget
from ramme.demo.events import Events, make_events
from ramme.demo.ledger import Ledger, book_ledger
from ramme.demo.model import Children, Prices, World
from ramme.demo.parameters import BURN_IN_YEARS, PLACEMENT_TYPES, Parameters, Scenario
from ramme.demo.prices import base_prices, renegotiate, sort_prices, supplements
from ramme.demo.providers import assign_providers, build_providers, provider_factors


@dataclass(frozen=True)
class GenerationSummary:
    """What was written (counts per file) and how long it took."""

    out_dir: Path
    population: int
    years: tuple[int, int]
    seed: int
    scenario: str
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass
class Generated:
    """The in-memory result, before writing (tests calibrate on it)."""

    world: World
    ledger: Ledger
    budget: list[BudgetRow]
    events: Events
    planted: scenario.Planted
    effects: dict[str, dict[str, float]]
    ids: list[str]
    seed: int = 1  # the optional files draw from their own stream of it (demo/optional.py)


def _draft(
    rng: np.random.Generator,
    params: Parameters,
    first: int,
    last: int,
    scale: float,
    planted: scenario.Planted,
    sc: Scenario,
) -> simulate.Draft:
    types = params.catalogue
    draft = simulate.concat(
        [simulate.draw_type(rng, t, i, first, last, scale) for i, t in enumerate(types)]
    )
    oph = next(i for i, t in enumerate(types) if t.code == "OPH")
    scenario.thin_inflow(rng, draft, oph, sc, scale, planted)
    simulate.attach_to_hosts(rng, draft, types)
    return simulate.add_aftercare(rng, draft, types, d.day(last, 12, 31))


def _compact(world: World, planted: scenario.Planted) -> list[str]:
    """Drop ghosts, order measures by start, renumber; returns measure ids."""
    m = world.measures
    kept = np.flatnonzero(m.ghost == 0)
    kept = kept[np.lexsort((m.child[kept], m.start[kept]))]
    new_index = np.full(len(m), -1, np.int64)
    new_index[kept] = np.arange(len(kept))
    world.measures = m.take(kept)
    world.measures.parent = np.where(
        world.measures.parent >= 0, new_index[np.maximum(world.measures.parent, 0)], -1
    )
    p = world.prices
    rows = np.flatnonzero(new_index[p.measure] >= 0)
    world.prices = Prices(**{n: getattr(p, n)[rows] for n in p.__dataclass_fields__})
    world.prices.measure = new_index[world.prices.measure]
    planted.renegotiated = [int(new_index[i]) for i in planted.renegotiated]
    planted.converted = [(int(new_index[a]), int(new_index[b])) for a, b in planted.converted]
    width = max(6, len(str(len(kept))))
    return [f"M{i:0{width}d}" for i in range(1, len(kept) + 1)]


def _measures(
    rng: np.random.Generator, params: Parameters, years: tuple[int, int], population: int,
    sc: Scenario, planted: scenario.Planted,
) -> World:  # fmt: skip
    """Measures, children's birth dates, providers and prices, before the scenario's edits."""
    first, last = years
    scale = population / 48_000
    types = params.catalogue
    draft = _draft(rng, params, first, last, scale, planted, sc)
    n_children = simulate.assign_children(draft)
    root = draft.host == -1
    birth = np.zeros(n_children, np.int64)
    birth[draft.measures.child[root]] = draft.birth[root]
    providers = build_providers(params.units, types, scale)
    assign_providers(rng, draft, types, providers)
    people.plan_ends(rng, draft, types, params.casework)
    last_day = d.day(last, 12, 31)
    draft = simulate.censor(draft, last_day)
    world = World(params, first, last, population, last_day, types, draft.measures,
                  Children(birth), providers)  # fmt: skip
    base = base_prices(rng, world.measures, types, provider_factors(rng, providers))
    world.prices = Prices.concat([
        base,
        renegotiate(rng, world.measures, base, types, last_day),
        supplements(rng, world.measures, base, types, last_day),
    ])  # fmt: skip
    return world


def build(
    *,
    population: int = 48_000,
    years: tuple[int, int] = (2021, 2024),
    seed: int = 1,
    scenario_name: str = "handleplan",
    params: Parameters | None = None,
) -> Generated:
    """Simulate the whole municipality in memory."""
    params = params or Parameters()
    if scenario_name not in params.scenarios:
        known = ", ".join(params.scenarios)
        raise ValueError(f"ukendt scenarie '{scenario_name}' (kendte: {known})")
    sc = params.scenarios[scenario_name]
    first, last = years
    rng = np.random.default_rng(seed)
    planted = scenario.Planted(start_day=scenario.start_day(sc, first))
    world = _measures(rng, params, years, population, sc, planted)
    types = world.types
    placements = np.array([i for i, t in enumerate(types) if t.code in PLACEMENT_TYPES])
    scenario.renegotiate_top(world, sc, planted, placements)
    oph, npl = world.type_index("OPH"), world.type_index("NPL")
    scenario.convert_to_network(rng, world, sc, planted, oph, npl)
    effects = scenario.effects_by_month(world, planted) if planted.ghosts else {}
    ids = _compact(world, planted)
    n_children = len(world.children)
    events, extra_birth = make_events(
        rng, world.measures, params.events, first, last, world.scale, n_children
    )
    world.children = Children(np.concatenate([world.children.birth, extra_birth]))
    world.children.cpr = people.replacement_cprs(rng, world.children.birth)
    people.assign_caseworkers(rng, world, params.casework)
    people.approve_and_review(rng, world, params.casework)
    world.prices = sort_prices(world.prices)
    ledger = book_ledger(world, rng)
    lines = [line.name for line in params.lines]
    budget = make_budget(rng, ledger, lines, first, last, params.budget)
    # The year before the first only feeds the first adopted budget: no postings are written.
    ledger.postings = ledger.postings.take(np.flatnonzero(ledger.postings.date >= d.day(first)))
    return Generated(world, ledger, budget, events, planted, effects, ids, seed)


def write(generated: Generated, out_dir: Path) -> dict[str, int]:
    """Write every data-contract file and scenario.json into ``out_dir``."""
    g, w = generated, generated.world
    out_dir.mkdir(parents=True, exist_ok=True)
    extra = optional.rng_for(g.seed)
    ends = optional.investigation_ends(extra, g.events, w.last_day)
    return {
        "catalogue.csv": files.write_catalogue(w, out_dir),
        "activities.csv": files.write_activities(w, out_dir),
        "providers.csv": files.write_providers(w, out_dir),
        "children.csv": files.write_children(w, out_dir),
        "measures.csv": writer.write_measures(w, out_dir, g.ids),
        "prices.csv": writer.write_prices(w, out_dir, g.ids),
        "price_index.csv": writer.write_price_index(
            out_dir, w.first_year - BURN_IN_YEARS, w.last_year + 1
        ),
        "postings.csv": writer.write_postings(w, g.ledger, out_dir, g.ids),
        "budget.csv": files.write_budget(g.budget, out_dir),
        "events.csv": files.write_events(w, g.events, out_dir, ends),
        "population.csv": optional.write_population(extra, w, out_dir),
        "benchmark.csv": optional.write_benchmark(extra, w, out_dir),
        "staff.csv": optional.write_staff(w, out_dir),
        "waiting.csv": optional.write_waiting(extra, w, out_dir),
    }


def generate(
    out_dir: Path,
    *,
    population: int = 48_000,
    years: tuple[int, int] = (2021, 2024),
    seed: int = 1,
    scenario: str = "handleplan",
) -> GenerationSummary:
    """Generate a demo municipality into ``out_dir``; same seed ⇒ byte-identical files."""
    began = time.perf_counter()
    if years[0] > years[1] or population < 1_000:
        raise ValueError("ugyldige parametre: årene skal være stigende og indbyggertallet ≥ 1.000")
    generated = build(population=population, years=years, seed=seed, scenario_name=scenario)
    counts = write(generated, Path(out_dir))
    sc = generated.world.params.scenarios[scenario]
    truth.write_truth(
        Path(out_dir), generated.world, sc, generated.planted, generated.effects, generated.ids
    )
    return GenerationSummary(
        Path(out_dir), population, years, seed, scenario, counts, time.perf_counter() - began
    )
