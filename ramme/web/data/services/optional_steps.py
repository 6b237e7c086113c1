"""Import steps of the data contract's optional files (version 2): population, benchmark,
waiting list and staff. Like the other steps: references resolve or become errors on the row
and column that hold them, and the rows are upserted by their key."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise
from typing import Any

from ramme.core.benchmark import BY_CODE
from ramme.importing.errors import quote
from ramme.importing.validate import Row
from ramme.web.data.models import BenchmarkFigure, Population, Provider, StaffPeriod, WaitingSpell
from ramme.web.data.services.context import ImportContext
from ramme.web.data.services.upsert import Counts, upsert

INDICATOR_NAMES = ", ".join(BY_CODE)


def population(ctx: ImportContext, file: str, rows: list[Row]) -> Counts:
    records = [{k: r.values[k] for k in ("year", "age", "count")} for r in rows]
    return upsert(Population, ("year", "age"), records)


def benchmark(ctx: ImportContext, file: str, rows: list[Row]) -> Counts:
    records = []
    for row in rows:
        v = row.values
        if v["indicator"].lower() not in BY_CODE:
            reason = f"ukendt nøgletal {quote(v['indicator'])} (kendte: {INDICATOR_NAMES})"
            ctx.error(file, row.number, "indicator", reason)
            continue
        records.append(
            {
                "year": v["year"],
                "municipality": v["municipality"],
                "indicator": v["indicator"].lower(),
                "value": v["value"],
                "source": v.get("source") or "",
            }
        )
    return upsert(BenchmarkFigure, ("year", "municipality", "indicator"), records)


def _internal(ctx: ImportContext, file: str, row: Row, column: str) -> int | None:
    """The id of the internal provider the row names, or None and an error."""
    value = row.values[column]
    pk = ctx.ref(file, row.number, column, value, Provider, "provider_id", "leverandør")
    if pk is not None and pk not in ctx.lookup_internal():
        ctx.error(file, row.number, column, f"leverandøren {quote(value)} er ikke intern")
        return None
    return pk


def waiting(ctx: ImportContext, file: str, rows: list[Row]) -> Counts:
    records = []
    for row in rows:
        before = len(ctx.errors)
        record = {
            "child_id": ctx.child(file, row.number, row.values),
            "offer_id": _internal(ctx, file, row, "offer"),
            "since": row.values["since"],
            "until": row.values.get("until"),
        }
        if len(ctx.errors) == before:
            records.append(record)
    return upsert(WaitingSpell, ("child_id", "offer_id", "since"), records)


def staff(ctx: ImportContext, file: str, rows: list[Row]) -> Counts:
    records: list[dict[str, Any]] = []
    periods: dict[int, list[tuple[Row, Any, Any]]] = defaultdict(list)
    for row in rows:
        v, before = row.values, len(ctx.errors)
        provider = _internal(ctx, file, row, "provider_id")
        if len(ctx.errors) != before or provider is None:
            continue
        periods[provider].append((row, v["valid_from"], v.get("valid_to")))
        records.append(
            {
                "provider_id": provider,
                "valid_from": v["valid_from"],
                "valid_to": v.get("valid_to"),
                "places": v.get("places"),
                "staff": v.get("staff"),
            }
        )
    _check_overlaps(ctx, file, periods)
    return upsert(StaffPeriod, ("provider_id", "valid_from"), records)


def _check_overlaps(
    ctx: ImportContext, file: str, periods: dict[int, list[tuple[Row, Any, Any]]]
) -> None:
    """Two periods of one offer may not overlap: the places on a day must be one number."""
    for rows in periods.values():
        rows.sort(key=lambda item: item[1])
        for (_, _, end), (row, start, _) in pairwise(rows):
            if end is None or end >= start:
                ctx.error(file, row.number, "valid_from", "perioden overlapper den forrige")


STEPS = {"population": population, "benchmark": benchmark, "waiting": waiting, "staff": staff}
