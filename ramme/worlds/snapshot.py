"""What the municipality's systems held on a day: the world as exported on ``known_at``.

Only postings booked by then, measures registered by then, end dates and price changes
registered by then, budget corrections dated by then, index rates published by then.
Rows are plain dicts of typed values; ``ramme.worlds.files`` formats and writes them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ramme.worlds.people import SimChild
from ramme.worlds.simulate import SimMeasure
from ramme.worlds.world import World

Row = dict[str, Any]


def _child_ref(child: SimChild | None, cpr: bool) -> Row:
    if child is None:
        return {"cpr": None} if cpr else {"child_id": None}
    return {"cpr": child.cpr} if cpr else {"child_id": child.child_id}


def measures(world: World, known: date) -> list[SimMeasure]:
    return [m for m in world.measures if m.registered <= known]


def catalogue(world: World) -> list[Row]:
    return [
        {"measure_type": t.code, "name": t.name, "ladder_step": t.ladder_step,
         "activity": t.activity, "account": t.account}
        for t in world.spec.types
    ]  # fmt: skip


def activities(world: World) -> list[Row]:
    from ramme.worlds.activities import rules

    return [
        {"activity": r.activity, "ladder_step": r.ladder_step, "account": r.account,
         "dranst": r.dranst, "cost_center": r.cost_center}
        for r in rules(world.spec)
    ]  # fmt: skip


def providers(world: World) -> list[Row]:
    return [
        {"provider_id": f"{t.code}-{i}", "name": f"{t.name} {i}", "kind": t.provider_kind}
        for t in world.spec.types
        for i in range(1, t.providers + 1)
    ]


def children(world: World, known: date) -> list[Row]:
    cpr = world.spec.style.cpr
    seen = {m.child.child_id for m in measures(world, known)}
    seen |= {p.child.child_id for p in world.postings if p.child and p.booked <= known}
    rows = []
    for c in world.children:
        if c.child_id in seen:
            row = _child_ref(c, cpr) | {"caseworker": c.caseworker, "team": c.team}
            rows.append(row if cpr else row | {"birth_date": c.birth_date})
    return rows


def measure_rows(world: World, known: date) -> list[Row]:
    cpr, planned = world.spec.style.cpr, world.spec.style.planned_end
    rows = []
    for m in measures(world, known):
        end = m.end if m.end_registered is not None and m.end_registered <= known else None
        row = {"measure_id": m.measure_id, **_child_ref(m.child, cpr),
               "measure_type": m.type.code, "provider_id": m.provider_id,
               "start_date": m.start, "end_date": end, "legal_basis": m.legal_basis,
               "approved_by": "afdelingsleder", "approved_at": m.registered}  # fmt: skip
        if planned:
            row["planned_end_date"] = m.planned_end
        rows.append(row)
    return rows


def price_rows(world: World, known: date) -> list[Row]:
    rows = []
    for m in measures(world, known):
        for p in m.prices:
            if p.registered > known:
                continue
            closed = p.closed_known is not None and p.closed_known <= known
            rows.append(
                {"measure_id": m.measure_id, "valid_from": p.valid_from,
                 "valid_to": p.valid_to if closed else None, "kind": p.kind,
                 "amount": p.amount, "unit": p.unit, "hours_per_week": p.hours,
                 "negotiated": p.negotiated, "note": p.note}
            )  # fmt: skip
    return rows


def index_rows(world: World, known: date) -> list[Row]:
    spec = world.spec
    return [
        {"year": y, "rate": spec.rate(y)}
        for y in range(spec.first_year, spec.last_year + 2)
        if date(y, 1, 1) <= known
    ]


def posting_rows(world: World, known: date) -> list[Row]:
    cpr = world.spec.style.cpr
    return [
        {"posting_id": p.posting_id, "date": p.date, "account": p.account, "dranst": p.dranst,
         "cost_center": p.cost_center, "amount": p.amount, "text": p.text,
         "measure_id": p.measure_id, **_child_ref(p.child, cpr), "provider_id": p.provider_id}
        for p in world.postings
        if p.booked <= known
    ]  # fmt: skip


def budget_rows(world: World, known: date) -> list[Row]:
    return [
        {"year": b.year, "activity": b.activity, "kind": b.kind, "date": b.date,
         "amount": b.amount}
        for b in world.budgets
        if (b.date is None and b.year <= known.year) or (b.date is not None and b.date <= known)
    ]  # fmt: skip
