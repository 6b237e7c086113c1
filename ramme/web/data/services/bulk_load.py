"""A first load into an empty table (første indlæsning) with its indexes built afterwards.

Keeping secondary indexes up to date row by row, and on PostgreSQL a foreign-key check per
row and key (a trigger each, deferred to the commit), cost more than writing the rows of a
Copenhagen-size file. Into an empty table they are dropped, the rows go in, and they are
built back once: an index from sorted rows, a foreign key by one join that checks every
row. Indexes behind the primary key and UNIQUE constraints stay, so duplicate keys still
fail at once. It all runs inside the import's transaction, DDL included, so a failed
import leaves the table with its indexes as it was; a rebuilt foreign key that finds a row
without its target fails the import, as the commit's check would have.

On PostgreSQL the table is locked until the commit (ALTER TABLE), as it is empty there is
nothing for a page to read meanwhile. Checks still pending from earlier files run first:
PostgreSQL alters no table with pending trigger events.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection


def is_empty(table: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {table} LIMIT 1")
        return cursor.fetchone() is None


@contextmanager
def indexes_built_after(table: str) -> Iterator[None]:
    """Drop ``table``'s secondary indexes (and foreign keys) for the block, then build
    them back; not after a failure, whose transaction is rolled back with the drop."""
    with connection.cursor() as cursor:
        restore = drop_indexes(cursor, table)
    yield
    with connection.cursor() as cursor:
        rebuild(cursor, restore)


def drop_indexes(cursor: Any, table: str) -> list[str]:
    """Drop the secondary indexes (PostgreSQL: and foreign keys) of ``table``; returns
    the statements that build them back."""
    restore: list[str] = []
    if connection.vendor == "postgresql":
        restore = _drop_foreign_keys(cursor, table)
    found = _secondary_indexes(cursor, table)
    for name, _ in found:
        cursor.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in found] + restore


def rebuild(cursor: Any, statements: list[str]) -> None:
    """Run the statements ``drop_indexes`` returned (checks pending from the rows written
    meanwhile first, on PostgreSQL)."""
    postgres = connection.vendor == "postgresql"
    if postgres:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for sql in statements:
        cursor.execute(sql)
    if postgres:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _secondary_indexes(cursor: Any, table: str) -> list[tuple[str, str]]:
    if connection.vendor == "postgresql":
        # Indexes that back a constraint (primary key, unique keys) are kept.
        cursor.execute(
            "SELECT c.relname, pg_get_indexdef(c.oid) FROM pg_index x"
            " JOIN pg_class c ON c.oid = x.indexrelid"
            " WHERE x.indrelid = %s::regclass"
            " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)",
            [table],
        )
    else:
        # Indexes behind UNIQUE and PRIMARY KEY have no SQL here and are kept.
        cursor.execute(
            "SELECT name, sql FROM sqlite_master"
            " WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL",
            [table],
        )
    return [(name, sql) for name, sql in cursor.fetchall()]


def _drop_foreign_keys(cursor: Any, table: str) -> list[str]:
    # One check per key when it is added back is far faster than a trigger per row.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
        " WHERE conrelid = %s::regclass AND contype = 'f'",
        [table],
    )
    keys = cursor.fetchall()
    for name, _ in keys:
        cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    return [f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {sql}' for name, sql in keys]
