"""The ledger step: stream postings into the database, upserting by posting_id.

Rows are parsed one at a time and written in batches: SQLite upserts each batch with
executemany; PostgreSQL COPYs into a temporary table and upserts from it in one statement.
An upsert only touches a row when a column differs, so the counts of created and updated
rows come from the table's growth and the number of rows changed. The file is never held in
memory as Python objects, only the set of keys seen (for duplicates).
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
    writer = _PostgresWriter() if connection.vendor == "postgresql" else _SqliteWriter()
    try:
        for batch in _batches(_tuples(ctx, converter, _progress(ctx, converter.rows()))):
            counts.read += len(batch)
            writer.write(batch)
        if not ctx.errors and not converter.errors:
            writer.finish(counts)
    finally:
        writer.close()
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


def _posting_count() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {Posting._meta.db_table}")
        return int(cursor.fetchone()[0])


def _upsert_sql(source: str, differs: str) -> str:
    """INSERT ... ON CONFLICT (posting_id) DO UPDATE only where a column really changed."""
    table = Posting._meta.db_table
    columns = ", ".join(COLUMNS)
    sets = ", ".join(f"{c} = excluded.{c}" for c in COLUMNS[1:])
    changed = " OR ".join(f"{table}.{c} {differs} excluded.{c}" for c in COLUMNS[1:])
    return (
        f"INSERT INTO {table} ({columns}) {source}"
        f" ON CONFLICT (posting_id) DO UPDATE SET {sets} WHERE {changed}"
    )


class _SqliteWriter:
    """Batches into a temporary table (executemany), then count, update and insert.

    SQLite's upsert is several times slower than a plain insert, so the merge is done as
    one UPDATE of the changed rows and one INSERT of the new ones.
    """

    def __init__(self) -> None:
        columns = ", ".join(f"{c} {t}" for c, t in zip(COLUMNS, _TYPES, strict=True))
        with connection.cursor() as cursor:
            # The ledger's indexes outgrow SQLite's default 2 MB page cache at ~100,000 rows.
            cursor.execute("PRAGMA cache_size = -262144")
            cursor.execute(f"DROP TABLE IF EXISTS {STAGE}")
            cursor.execute(f"CREATE TEMPORARY TABLE {STAGE} ({columns})")
        self.sql = f"INSERT INTO {STAGE} VALUES ({', '.join('?' * len(COLUMNS))})"

    def write(self, batch: list[tuple]) -> None:
        rows = [(r[0], r[1].isoformat(), *r[2:5], str(r[5]), *r[6:]) for r in batch]
        with connection.cursor() as cursor:
            cursor.cursor.executemany(self.sql, rows)

    def finish(self, counts: Counts) -> None:
        table = Posting._meta.db_table
        changed = " OR ".join(f"p.{c} IS NOT s.{c}" for c in COLUMNS[1:])
        with connection.cursor() as cursor:
            if _posting_count() == 0:  # first import: nothing to compare with
                existing = updated = 0
            else:
                cursor.execute(
                    f"SELECT COUNT(p.id), SUM(CASE WHEN {changed} THEN 1 ELSE 0 END)"
                    f" FROM {STAGE} s JOIN {table} p ON p.posting_id = s.posting_id"
                )
                existing, updated = cursor.fetchone()
            counts.created = counts.read - existing
            counts.updated = updated or 0
            counts.unchanged = existing - counts.updated
            if counts.updated:
                sets = ", ".join(f"{c} = s.{c}" for c in COLUMNS[1:])
                cursor.execute(
                    f"UPDATE {table} AS p SET {sets} FROM {STAGE} s"
                    f" WHERE p.posting_id = s.posting_id AND ({changed})"
                )
            if counts.created:
                new = " WHERE NOT EXISTS (SELECT 1 FROM {t} p WHERE p.posting_id = s.posting_id)"
                cursor.execute(
                    f"INSERT INTO {table} ({', '.join(COLUMNS)}) SELECT {', '.join(COLUMNS)}"
                    f" FROM {STAGE} s" + (new.format(t=table) if existing else "")
                )

    def close(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {STAGE}")


class _PostgresWriter:
    """COPY into a temporary table, then one upsert from it into the ledger table."""

    def __init__(self) -> None:
        columns = ", ".join(f"{c} {t}" for c, t in zip(COLUMNS, _TYPES, strict=True))
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {STAGE}")
            cursor.execute(f"CREATE TEMPORARY TABLE {STAGE} ({columns})")

    def write(self, batch: list[tuple]) -> None:
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {STAGE} ({', '.join(COLUMNS)}) FROM STDIN") as copy,
        ):
            for row in batch:
                copy.write_row(row)

    def finish(self, counts: Counts) -> None:
        before = _posting_count()
        sql = _upsert_sql(f"SELECT {', '.join(COLUMNS)} FROM {STAGE}", "IS DISTINCT FROM")
        with connection.cursor() as cursor:
            cursor.execute(sql)
            changed = max(cursor.rowcount, 0)
        counts.created = _posting_count() - before
        counts.updated = changed - counts.created
        counts.unchanged = counts.read - counts.created - counts.updated

    def close(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {STAGE}")
