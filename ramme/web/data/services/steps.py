"""One import step per small contract file: resolve references, then upsert by key.

Each step gets the validated rows of its file and returns the counts. Unknown references
become errors on the row and column that hold them; the importer rolls everything back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ramme.core.cpr import birth_month
from ramme.core.money import to_money
from ramme.importing.errors import quote
from ramme.importing.validate import Row
from ramme.web.data.models import (
    ActivityLine,
    Budget,
    Child,
    Event,
    Measure,
    MeasureType,
    PriceIndex,
    PricePeriod,
    Provider,
)
from ramme.web.data.services import optional_steps
from ramme.web.data.services.context import ImportContext
from ramme.web.data.services.mapping import replace_rules
from ramme.web.data.services.reference import match_paragraphs
from ramme.web.data.services.staged import replace_sets, staged_records
from ramme.web.data.services.upsert import Counts, upsert
from ramme.web.data.versions import keep_versions

Step = Callable[[ImportContext, str, list[Row]], Counts]


def activities(ctx: ImportContext, file: str, rows: list[Row]) -> Counts:
    """Activity lines (first row of each gives its place) and the mapping rules in order."""
    lines: dict[str, dict[str, Any]] = {}
    for row in rows:
        v = row.values
        line = lines.setdefault(
            v["activity"],
            {"name": v["activity"], "ladder_step": v["ladder_step"], "position": len(lines) + 1},
        )
        if line["ladder_step"] != v["ladder_step"]:
            ctx.error(file, row.number, "ladder_step", "aktiviteten har to forskellige trin")
    counts = upsert(ActivityLine, ("name",), lines.values())
    counts.read = len(rows)
    ctx.forget(ActivityLine)
    ids = ctx.lookup(ActivityLine, "name")
    rules = [
        (
            ids[r.values["activity"]],
            r.values["account"],
            r.values["dranst"] or "",
            r.values["cost_center"],
        )
        for r in rows
    ]
    ctx.rules_replaced = replace_rules(rules)
    if ctx.rules_replaced:
        ctx.warnings.append("Konteringsreglerne er erstattet af reglerne i activities-filen.")
    return counts


def catalogue(ctx: ImportContext, file: str, rows: list[Row]) -> Counts:
    records = []
    for row in rows:
        v, before = row.values, len(ctx.errors)
        activity = ctx.ref(
            file, row.number, "activity", v["activity"], ActivityLine, "name", "aktivitet"
        )
        record = {
            "code": v["measure_type"],
            "name": v["name"],
            "ladder_step": v["ladder_step"],
            "activity_id": activity,
            "account": v["account"],
            "duration_limit_days": v.get("duration_limit_days"),
            "extra": row.extra,
        }
        if len(ctx.errors) == before:
            records.append(record)
    return _write(ctx, MeasureType, ("code",), records)


def providers(ctx: ImportContext, file: str, rows: list[Row]) -> Counts:
    records = [
        {
            "provider_id": r.values["provider_id"],
            "name": r.values["name"],
            "kind": r.values["kind"],
            "extra": r.extra,
        }
        for r in rows
    ]
    return _write(ctx, Provider, ("provider_id",), records)


def children(ctx: ImportContext, file: str, rows: list[Row]) -> Counts:
    records = []
    for row in rows:
        v = row.values
        facts = v.get("cpr")
        record = {
            "key": facts.pseudonym if facts else v["child_id"],
            "caseworker": v.get("caseworker") or "",
            "team": v.get("team") or "",
            "household": v.get("household") or "",
            "extra": row.extra,
        }
        if facts:
            record.update(birth_date=facts.birth_date, replacement_cpr=facts.is_replacement)
        else:
            born = v.get("birth_date")
            record["birth_date"] = birth_month(born) if born else None
        records.append(record)
    return _write(ctx, Child, ("key",), records)


def measures(ctx: ImportContext, file: str, rows: list[Row]) -> Counts:
    texts = {r.values["legal_basis"] for r in rows if r.values.get("legal_basis")}
    paragraphs = match_paragraphs(texts)
    for text in sorted(texts - paragraphs.keys()):
        ctx.warnings.append(f"{file}: hjemlen {quote(text)} er ikke genkendt")
    records = []
    for row in rows:
        v, n, before = row.values, row.number, len(ctx.errors)
        record = {
            "measure_id": v["measure_id"],
            "child_id": ctx.child(file, n, v),
            "measure_type_id": ctx.ref(
                file, n, "measure_type", v["measure_type"], MeasureType, "code", "indsatstype"
            ),
            "provider_id": ctx.ref(
                file,
                n,
                "provider_id",
                v.get("provider_id") or "",
                Provider,
                "provider_id",
                "leverandør",
            ),
            "start_date": v["start_date"],
            "end_date": v.get("end_date"),
            "planned_end_date": v.get("planned_end_date"),
            "legal_basis": v.get("legal_basis") or "",
            "legal_paragraph_id": paragraphs.get(v.get("legal_basis") or ""),
            "approved_by": v.get("approved_by") or "",
            "approved_at": v.get("approved_at"),
            "extra": row.extra,
        }
        if len(ctx.errors) == before:
            records.append(record)
    return _write(ctx, Measure, ("measure_id",), records)


_PRICE_FIELDS = PricePeriod.CONTENT_FIELDS


def prices(ctx: ImportContext, file: str, rows: list[Row]) -> Counts:
    """Price periods, keyed by measure: a measure's whole set is replaced when it differs."""
    wanted: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        measure = ctx.ref(
            file,
            row.number,
            "measure_id",
            row.values["measure_id"],
            Measure,
            "measure_id",
            "indsats",
        )
        if measure is not None:
            values = {**row.values, "amount": to_money(row.values["amount"])}
            wanted[measure].append(tuple(values.get(f) for f in _PRICE_FIELDS))
    current: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    # One pass over the table: an IN list of every measure would pass SQLite's variable limit
    for measure_id, *fields in PricePeriod.objects.values_list("measure_id", *_PRICE_FIELDS):
        if measure_id in wanted:
            current[measure_id].append(tuple(fields))
    counts = Counts(read=len(rows))
    changed: list[int] = []
    for measure, periods in wanted.items():
        if current[measure] and sorted(map(_price_key, periods)) == sorted(
            map(_price_key, current[measure])
        ):
            counts.unchanged += len(periods)
            continue
        if current[measure]:
            counts.updated += len(periods)
        else:
            counts.created += len(periods)
        changed.append(measure)
    if STAGED_WRITES:
        new_rows = (
            (measure, *_price_fields(p).values()) for measure in changed for p in wanted[measure]
        )
        columns = ("measure_id", *_PRICE_FIELDS)
        replace_sets(PricePeriod, "measure_id", changed, columns, new_rows, ctx.import_number)
    else:
        _replace_prices(ctx, {measure: wanted[measure] for measure in changed})
    return counts


def _replace_prices(ctx: ImportContext, sets: dict[int, list[tuple[Any, ...]]]) -> None:
    """The object-by-object path of ``prices`` (compared with the staged one in tests)."""
    changed = list(sets)
    new = [
        PricePeriod(measure_id=measure, **_price_fields(p))
        for measure, periods in sets.items()
        for p in periods
    ]
    for start in range(0, len(changed), 500):
        replaced = PricePeriod.objects.filter(measure_id__in=changed[start : start + 500])
        keep_versions(PricePeriod, replaced, ctx.import_number)
        replaced.delete()
    for period in new:
        period.valid_from_import = ctx.import_number
    PricePeriod.objects.bulk_create(new, batch_size=1000)


def _price_fields(period: tuple[Any, ...]) -> dict[str, Any]:
    fields = dict(zip(_PRICE_FIELDS, period, strict=True))
    fields["note"] = fields["note"] or ""
    return fields


# How each type of a price field is compared (_price_key); any other type by its str.
_KEY_OF: dict[type, Callable[[Any], str]] = {
    type(None): lambda v: "",
    str: lambda v: v,
    Decimal: lambda v: str(v.normalize()),
}


def _price_key(period: tuple[Any, ...]) -> tuple[str, ...]:
    """A comparable form: blanks and None alike, decimals by value (a look-up by type:
    ``hasattr`` on a date, which has no ``normalize``, raised and caught an error)."""
    return tuple(_KEY_OF.get(type(v), str)(v) for v in period)


def price_index(ctx: ImportContext, file: str, rows: list[Row]) -> Counts:
    records = [{"year": r.values["year"], "rate": r.values["rate"]} for r in rows]
    return _write(ctx, PriceIndex, ("year",), records)


def budget(ctx: ImportContext, file: str, rows: list[Row]) -> Counts:
    records = []
    for row in rows:
        v, before = row.values, len(ctx.errors)
        record = {
            "year": v["year"],
            "kind": v["kind"],
            "date": v.get("date"),
            "amount": to_money(v["amount"]),
            "activity_id": ctx.ref(
                file, row.number, "activity", v["activity"], ActivityLine, "name", "aktivitet"
            ),
        }
        if len(ctx.errors) == before:
            records.append(record)
    return _write(ctx, Budget, ("year", "activity_id", "kind", "date"), records)


def events(ctx: ImportContext, file: str, rows: list[Row]) -> Counts:
    records = []
    for row in rows:
        v, before = row.values, len(ctx.errors)
        has_child = v.get("cpr") is not None or v.get("child_id")
        record = {
            "event_id": v["event_id"],
            "date": v["date"],
            "kind": v["kind"].lower(),
            "child_id": ctx.child(file, row.number, v) if has_child else None,
            "end_date": v.get("end_date"),
        }
        if len(ctx.errors) == before:
            records.append(record)
    return _write(ctx, Event, ("event_id",), records)


# The case files written through a staging table (staged.py) rather than object by object
# (upsert.py); the tests compare the two on the same files.
STAGED = (Child, Measure, Event)
STAGED_WRITES = True


def _write(ctx: ImportContext, model: Any, key: tuple[str, ...], records: list[dict]) -> Counts:
    """Upsert the rows whose references resolved, so later files can refer to them.

    Rows with errors are left out; the importer rolls the whole import back anyway. The
    children the rows created from CPR numbers are written first, before rows name them.
    """
    ctx.new_children.flush(ctx.import_number)
    if STAGED_WRITES and model in STAGED and records:
        counts = staged_records(model, key[0], records, ctx.import_number)
    else:
        counts = upsert(model, key, records, ctx.import_number)
    ctx.forget(model)
    return counts


STEPS: dict[str, Step] = {
    "activities": activities,
    "catalogue": catalogue,
    "providers": providers,
    "children": children,
    "measures": measures,
    "prices": prices,
    "price_index": price_index,
    "budget": budget,
    "events": events,
    **optional_steps.STEPS,
}
