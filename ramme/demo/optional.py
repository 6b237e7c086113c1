"""The data contract's optional files for the demo (version 2): population, benchmark, the
internal offers' waiting lists and staff, and the investigations' end dates.

They draw from their own random stream (the seed plus ``STREAM``), so the other files stay
byte-identical for a seed. The benchmark figures are ILLUSTRATIVE: the two other
municipalities are invented and the national figures are rounded from Statistics Denmark
(docs/benchmark.md); the source column says so.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ramme.demo import days as d
from ramme.demo.days import OPEN, IntArray
from ramme.demo.events import Events
from ramme.demo.model import World
from ramme.demo.writer import write_table
from ramme.importing.parsing import MAX_DECIMAL

STREAM = 15  # issue 15; a fixed second part of the seed
INVESTIGATION = 1  # index of "undersoegelse" in events.KINDS
ILLUSTRATIVE = "Illustrativ demo"
NATIONAL_SOURCE = "Illustrativ, afrundet efter Danmarks Statistik ANBAAR/BU43 og KL"
# Rounded national levels (Hele landet): 0,9 % of 0-22-year-olds placed, about 63 % of them
# in family care, about 3 % with a preventive measure, about 15.000 kr. per 0-17-year-old.
NATIONAL = {
    "anbragte_pr_1000_0_22": 9.0,
    "forebyggende_pr_1000_0_22": 29.0,
    "andel_familiepleje": 0.63,
    "udgift_pr_0_17": 15_000.0,
}
YEARLY_GROWTH = {"forebyggende_pr_1000_0_22": 0.02, "udgift_pr_0_17": 0.035}
OTHERS = (
    ("Sammenligningskommune A (illustrativ)", 1.15),
    ("Sammenligningskommune B (illustrativ)", 0.88),
)
# Children per staff member of each internal unit (seed 001: contact persons with 9 each).
CASELOAD = {"I01": 8.0, "I02": 2.5, "I03": 9.0, "I04": 20.0, "I05": 10.0}


def rng_for(seed: int) -> np.random.Generator:
    return np.random.default_rng([seed, STREAM])


def investigation_ends(rng: np.random.Generator, events: Events, last_day: int) -> IntArray:
    """End dates: most investigations finish within four months, some later; blank for
    notifications and for investigations still running on the last day."""
    n = len(events.date)
    length = np.round(rng.lognormal(math.log(85), 0.35, n)).astype(np.int64)
    end = events.date + np.maximum(length, 7)
    return np.where((events.kind == INVESTIGATION) & (end <= last_day), end, OPEN)


def _age_weights() -> np.ndarray:
    ages = np.arange(100)
    return np.where(ages < 75, 1.0, np.maximum(0.05, 1 - (ages - 75) / 25))


def write_population(rng: np.random.Generator, world: World, out: Path) -> int:
    weights = _age_weights()
    rows = []
    for year in range(world.first_year, world.last_year + 1):
        base = world.population * (1 + 0.004 * (year - world.first_year)) * weights / weights.sum()
        counts = np.round(base * rng.normal(1, 0.03, len(base))).astype(np.int64)
        rows += [(str(year), str(age), str(int(c))) for age, c in enumerate(counts)]
    return _rows(out / "population.csv", ("year", "age", "count"), rows)


def write_benchmark(rng: np.random.Generator, world: World, out: Path) -> int:
    rows = []
    for year in range(world.first_year, world.last_year + 1):
        for code, level in NATIONAL.items():
            value = level * (1 + YEARLY_GROWTH.get(code, 0.0)) ** (year - world.first_year)
            rows.append((str(year), "Hele landet", code, _fmt(code, value), NATIONAL_SOURCE))
            for name, factor in OTHERS:
                noisy = value * factor * rng.normal(1, 0.03)
                if code == "andel_familiepleje":
                    noisy = min(0.95, value * (2 - factor) * rng.normal(1, 0.03))
                rows.append((str(year), name, code, _fmt(code, noisy), ILLUSTRATIVE))
    header = ("year", "municipality", "indicator", "value", "source")
    return _rows(out / "benchmark.csv", header, rows)


def _fmt(code: str, value: float) -> str:
    return f"{value:.3f}" if code == "andel_familiepleje" else f"{value:.1f}"


def _internal(world: World) -> list[tuple[int, str]]:
    p = world.providers
    return [(i, pid) for i, (pid, kind) in enumerate(zip(p.provider_id, p.kind, strict=True))
            if kind == "intern"]  # fmt: skip


def write_staff(world: World, out: Path) -> int:
    """Per unit and year: places a little above the year's average occupancy, and staff
    for the unit's caseload."""
    m = world.measures
    rows = []
    for index, pid in _internal(world):
        mine = m.provider == index
        for year in range(world.first_year, world.last_year + 1):
            first, last = d.day(year), d.day(year, 12, 31)
            ends = np.minimum(np.where(m.end[mine] >= OPEN, last, m.end[mine]), last)
            active = np.maximum(0, ends - np.maximum(m.start[mine], first) + 1).sum()
            occupied = active / (last - first + 1)
            if occupied < 0.5:
                continue
            places = max(1, math.ceil(occupied * 1.08))
            staff = max(1.0, round(occupied / CASELOAD.get(pid, 8.0), 1))
            if staff >= MAX_DECIMAL:
                # a whole country's unit (the all-Denmark size) has more staff than the
                # contract's column allows one unit; no row, rather than one the import refuses
                continue
            rows.append((pid, d.to_date(first).isoformat(), d.to_date(last).isoformat(),
                         str(places), f"{staff:.1f}"))  # fmt: skip
    header = ("provider_id", "valid_from", "valid_to", "places", "staff")
    return _rows(out / "staff.csv", header, rows)


def write_waiting(rng: np.random.Generator, world: World, out: Path) -> int:
    """About a third of the children who start at an internal unit waited for it first; a
    few are still waiting on the last day."""
    m, cpr = world.measures, world.children.cpr
    rows = []
    for index, pid in _internal(world):
        starts = np.flatnonzero((m.provider == index) & (m.aftercare == 0)
                                & (m.start >= d.day(world.first_year)))  # fmt: skip
        if not len(starts):
            continue  # a unit that only books salaries (PPR) has no waiting list here
        waited = starts[rng.random(len(starts)) < 0.35]
        wait = rng.integers(10, 110, len(waited))
        for i, days in zip(waited.tolist(), wait.tolist(), strict=True):
            since, until = int(m.start[i]) - days, int(m.start[i]) - 1
            rows.append((cpr[m.child[i]], pid, d.to_date(since).isoformat(),
                         d.to_date(until).isoformat()))  # fmt: skip
        open_now = rng.choice(
            len(cpr), size=min(len(cpr), max(1, len(waited) // 12)), replace=False
        )
        for child in open_now.tolist():
            since = world.last_day - int(rng.integers(5, 80))
            rows.append((cpr[child], pid, d.to_date(since).isoformat(), ""))
    rows.sort(key=lambda r: (r[1], r[2], r[0]))
    # one row per key (child, offer, since), the first: at the all-Denmark size a child may
    # wait for the same unit from the same day twice, a duplicate the import refuses
    first: dict[tuple[str, ...], tuple[str, ...]] = {}
    for row in rows:
        first.setdefault(row[:3], row)
    return _rows(out / "waiting.csv", ("cpr", "offer", "since", "until"), list(first.values()))


def _rows(path: Path, header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> int:
    columns = [lambda s, i=i: [r[i] for r in rows[s]] for i in range(len(header))]
    return write_table(path, header, len(rows), columns)
