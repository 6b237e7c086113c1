"""The small data-contract files: catalogue, activities, providers, children, budget, events."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ramme.demo.budget import BudgetRow
from ramme.demo.days import iso
from ramme.demo.events import KINDS, Events
from ramme.demo.model import World
from ramme.demo.writer import dates, lookup, write_table


def write_catalogue(world: World, out: Path) -> int:
    rows = [
        (
            t.code,
            t.name,
            t.ladder_step,
            t.activity,
            t.account,
            "" if t.duration_limit_months is None else str(t.duration_limit_months),
        )
        for t in world.types
    ]
    header = ("measure_type", "name", "ladder_step", "activity", "account", "duration_limit_months")
    return _rows(out / "catalogue.csv", header, rows)


def write_activities(world: World, out: Path) -> int:
    """One mapping rule per line, in report order; the cost centre is the activity dimension."""
    account_of = {t.activity: t.account for t in world.types}
    for unit in world.params.units:
        for name in unit.lines:
            account_of[name] = unit.account
    rows = [
        (
            line.name,
            line.ladder_step,
            account_of.get(line.name, "") if line.dranst == 1 else "",
            str(line.dranst),
            line.cost_center,
        )
        for line in world.params.lines
    ]
    return _rows(
        out / "activities.csv",
        ("activity", "ladder_step", "account", "dranst", "cost_center"),
        rows,
    )


def write_providers(world: World, out: Path) -> int:
    p = world.providers
    rows = list(zip(p.provider_id, p.name, p.kind, strict=True))
    return _rows(out / "providers.csv", ("provider_id", "name", "kind"), rows)


def write_children(world: World, out: Path) -> int:
    c = world.children
    return write_table(
        out / "children.csv",
        ("cpr", "birth_date", "caseworker", "team"),
        len(c),
        [
            lambda s: c.cpr[s],
            dates(c.birth),
            lookup(world.caseworkers, c.caseworker),
            lookup(list(world.params.casework.teams), c.team),
        ],
    )


def write_budget(rows: list[BudgetRow], out: Path) -> int:
    lines = [
        (
            str(r.year),
            r.activity,
            r.kind,
            f"{r.amount:.2f}",
            "" if r.date is None else iso(np.array([r.date]))[0],
        )
        for r in rows
    ]
    return _rows(out / "budget.csv", ("year", "activity", "kind", "amount", "date"), lines)


def write_events(world: World, events: Events, out: Path, ends: np.ndarray) -> int:
    """Events; ``ends`` are the investigations' end dates (OPEN: blank)."""
    return write_table(
        out / "events.csv",
        ("event_id", "date", "kind", "cpr", "end_date"),
        len(events.date),
        [
            lambda s: [f"E{i:08d}" for i in range(s.start + 1, s.stop + 1)],
            dates(events.date),
            lookup(KINDS, events.kind),
            lookup(world.children.cpr, events.child),
            dates(ends),
        ],
    )


def _rows(path: Path, header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> int:
    columns = [lambda s, i=i: [r[i] for r in rows[s]] for i in range(len(header))]
    return write_table(path, header, len(rows), columns)
