"""The ledger step: stream postings into a staging table, then merge by posting_id.

Rows are parsed one at a time and written in batches (PostgreSQL: COPY; SQLite:
executemany) to a temporary table; one statement then counts, updates and inserts. The
file is never held in memory as Python objects, only the set of keys seen (for duplicates).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

from django.db import connection

from ramme.importing.validate import Converter, Row
from ramme.web.data.models import Measure, Posting, Provider
from ramme.web.data.services.context import ImportContext
from ramme.web.data.services.mapping import Mapper
from ramme.web.data.services.upsert import Counts

STAGE = "ramme_stage_posting"
COLUMNS = (
    "posting_id",
    "date",
    "account",
    "dranst",
    "cost_center",
    "amount",
    "text",
    "measure_id",
    "child_id",
    "provider_id",
    "activity_id",
)
BATCH = 20_000
_TYPES = (
    "varchar(64)",
    "date",
    "varchar(20)",
    "smallint",
    "varchar(50)",
    "numeric(14, 2)",
    "varchar(500)",
    "bigint",
    "bigint",
    "bigint",
    "bigint",
)


def import_postings(ctx: ImportContext, converter: Converter) -> Counts:
    """Validate and write every posting of one file; returns the counts."""
    counts = Counts()
    _create_stage()
    try:
        for batch in _batches(_tuples(ctx, converter, _progress(ctx, converter.rows()))):
            counts.read += len(batch)
            _write_stage(batch)
        if not ctx.errors and not converter.errors:
            _merge(counts)
    finally:
        _drop_stage()
    return counts


def _progress(ctx: ImportContext, rows: Iterator[Row]) -> Iterable[Row]:
    if not ctx.progress:
        return rows
    from tqdm import tqdm

    bar: Iterable[Row] = tqdm(
        rows, desc="Posteringer", unit=" rækker", file=sys.stderr, unit_scale=True
    )
    return bar


def _tuples(ctx: ImportContext, converter: Converter, rows: Iterable[Row]) -> Iterator[tuple]:
    file = converter.file
    measures = ctx.lookup(Measure, "measure_id")
    activity_of = Mapper().activity
    providers = ctx.lookup(Provider, "provider_id")
    for row in rows:
        v, n = row.values, row.number
        measure = provider = child = None
        if v.get("measure_id"):
            measure = measures.get(v["measure_id"])
            if measure is None:
                ctx.ref(file, n, "measure_id", v["measure_id"], Measure, "measure_id", "indsats")
                continue
        if v.get("provider_id"):
            provider = providers.get(v["provider_id"])
            if provider is None:
                ctx.ref(
                    file, n, "provider_id", v["provider_id"], Provider, "provider_id", "leverandør"
                )
                continue
        if v.get("cpr") is not None or v.get("child_id"):
            before = len(ctx.errors)
            child = ctx.child(file, n, v)
            if len(ctx.errors) > before:
                continue
        dranst, cost_center = int(v["dranst"]), v["cost_center"] or ""
        activity = activity_of(measure, v["account"], dranst, cost_center)
        yield (
            v["posting_id"],
            v["date"],
            v["account"],
            dranst,
            cost_center,
            v["amount"],
            v["text"] or "",
            measure,
            child,
            provider,
            activity,
        )


def _batches(rows: Iterator[tuple]) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _create_stage() -> None:
    columns = ", ".join(f"{c} {t}" for c, t in zip(COLUMNS, _TYPES, strict=True))
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {STAGE}")
        cursor.execute(f"CREATE TEMPORARY TABLE {STAGE} ({columns})")


def _drop_stage() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {STAGE}")


def _write_stage(batch: list[tuple]) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {STAGE} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for row in batch:
                    copy.write_row(row)
            return
        rows = [(r[0], r[1].isoformat(), *r[2:5], str(r[5]), *r[6:]) for r in batch]
        marks = ", ".join("?" * len(COLUMNS))
        cursor.cursor.executemany(f"INSERT INTO {STAGE} VALUES ({marks})", rows)


def _merge(counts: Counts) -> None:
    """Count, update changed and insert new postings from the staging table."""
    table = Posting._meta.db_table
    differs = "IS DISTINCT FROM" if connection.vendor == "postgresql" else "IS NOT"
    changed = " OR ".join(f"p.{c} {differs} s.{c}" for c in COLUMNS[1:])
    changed_here = changed.replace("p.", f"{table}.")
    sets = ", ".join(f"{c} = s.{c}" for c in COLUMNS[1:])
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*), COUNT(p.id), SUM(CASE WHEN p.id IS NOT NULL AND ({changed})"
            f" THEN 1 ELSE 0 END) FROM {STAGE} s LEFT JOIN {table} p ON p.posting_id = s.posting_id"
        )
        total, existing, updated = cursor.fetchone()
        counts.created = total - existing
        counts.updated = updated or 0
        counts.unchanged = existing - counts.updated
        if counts.updated:
            cursor.execute(
                f"UPDATE {table} SET {sets} FROM {STAGE} s"
                f" WHERE {table}.posting_id = s.posting_id AND ({changed_here})"
            )
        if counts.created:
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(COLUMNS)}) SELECT {', '.join(COLUMNS)}"
                f" FROM {STAGE} s WHERE NOT EXISTS"
                f" (SELECT 1 FROM {table} p WHERE p.posting_id = s.posting_id)"
            )
