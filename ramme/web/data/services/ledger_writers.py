"""Writing ledger batches (posteringer) to SQLite or PostgreSQL and counting the changes.

Two modes, chosen when the writer starts:
- *load*: the ledger table is empty (first import). Rows go straight into it with its
  secondary indexes (and on PostgreSQL its foreign keys) dropped; they are rebuilt once at
  the end, which is several times faster than keeping them up to date row by row. Every
  row is created.
- *merge*: rows go to a temporary staging table (PostgreSQL: COPY), then one query counts
  the existing and changed rows, one UPDATE touches only the changed ones and one INSERT
  adds the new ones. Unchanged rows are never written, so a re-import writes nothing.
Everything runs inside the import's transaction (DDL included), so a failed import leaves
the table and its indexes as they were. Rows written are stamped with the import's number
(``valid_from_import``); a changed row's old version is first copied to the history
(docs/data-versions.md).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from django.db import connection

from ramme.web.data.models import Posting, PostingVersion
from ramme.web.data.services.background import BackgroundSender
from ramme.web.data.services.bulk_load import drop_indexes, rebuild
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
TABLE = Posting._meta.db_table
HISTORY = PostingVersion._meta.db_table
STAMP = "valid_from_import"


def ledger_writer(number: int | None = None) -> LedgerWriter:
    """The writer for the current database connection and table state; ``number`` is the
    import's, stamped on the rows it writes (None in a dry run)."""
    return PostgresWriter(number) if connection.vendor == "postgresql" else SqliteWriter(number)


class LedgerWriter:
    """Common logic; subclasses send batches (``_send``) and know their index catalogue."""

    differs = "IS NOT"

    def __init__(self, number: int | None = None) -> None:
        self.sender: BackgroundSender | None = None
        self.number = number
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {TABLE} LIMIT 1")
            self.load = cursor.fetchone() is None
            self.target = TABLE if self.load else STAGE
            # a first load writes the stamp with each row; a merge sets it in SQL
            self.columns = (*COLUMNS, STAMP) if self.load else COLUMNS
            self.indexes = drop_indexes(cursor, TABLE) if self.load else []
            if not self.load:
                columns = ", ".join(f"{c} {t}" for c, t in zip(COLUMNS, _TYPES, strict=True))
                cursor.execute(f"DROP TABLE IF EXISTS {STAGE}")
                cursor.execute(f"CREATE TEMPORARY TABLE {STAGE} ({columns})")

    def write(self, batch: list[tuple]) -> None:
        if self.sender is None:
            raw = connection.connection.cursor()  # the DB-API cursor, for the worker thread
            self.sender = BackgroundSender(lambda rows: self._send(raw, rows))
        self.sender.put(batch)

    def finish(self, counts: Counts) -> None:
        self._join()
        with connection.cursor() as cursor:
            if self.load:
                rebuild(cursor, self.indexes)
                counts.created = counts.read
                return
            self._analyze(cursor)
            existing, updated = self._compare(cursor)
            counts.created = counts.read - existing
            counts.updated = updated
            counts.unchanged = existing - updated
            changed = " OR ".join(f"p.{c} {self.differs} s.{c}" for c in COLUMNS[1:])
            if updated:
                self._keep_versions(cursor, changed)
                sets = ", ".join(f"{c} = s.{c}" for c in COLUMNS[1:])
                cursor.execute(
                    f"UPDATE {TABLE} AS p SET {sets}, {STAMP} = %s FROM {STAGE} s"
                    f" WHERE p.posting_id = s.posting_id AND ({changed})",
                    [self.number],
                )
            if counts.created:
                columns = ", ".join(COLUMNS)
                cursor.execute(
                    f"INSERT INTO {TABLE} ({columns}, {STAMP}) SELECT {columns}, %s FROM {STAGE} s"
                    f" WHERE NOT EXISTS (SELECT 1 FROM {TABLE} p"
                    " WHERE p.posting_id = s.posting_id)",
                    [self.number],
                )

    def _keep_versions(self, cursor: Any, changed: str) -> None:
        """Copy the rows this merge changes to the history, valid until this import."""
        if self.number is None:
            return
        columns = ", ".join((*COLUMNS, STAMP))
        selected = ", ".join(f"p.{c}" for c in (*COLUMNS, STAMP))
        cursor.execute(
            f"INSERT INTO {HISTORY} (row_pk, valid_to_import, {columns})"
            f" SELECT p.id, %s, {selected} FROM {TABLE} p JOIN {STAGE} s"
            f" ON p.posting_id = s.posting_id WHERE {changed}",
            [self.number],
        )

    def _compare(self, cursor: Any) -> tuple[int, int]:
        """How many staged rows already exist, and how many of those differ."""
        changed = " OR ".join(f"p.{c} {self.differs} s.{c}" for c in COLUMNS[1:])
        cursor.execute(
            f"SELECT COUNT(p.id), SUM(CASE WHEN {changed} THEN 1 ELSE 0 END)"
            f" FROM {STAGE} s JOIN {TABLE} p ON p.posting_id = s.posting_id"
        )
        existing, updated = cursor.fetchone()
        return int(existing or 0), int(updated or 0)

    def _join(self) -> None:
        if self.sender is not None:
            sender, self.sender = self.sender, None
            sender.join()

    def abandon(self) -> None:
        """Stop after a failure: wait for the worker, keeping the first error raised."""
        with contextlib.suppress(Exception):
            self._join()

    def close(self) -> None:
        self._join()
        if not self.load:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS {STAGE}")

    def _send(self, cursor: Any, batch: list[tuple]) -> None:
        raise NotImplementedError

    def _analyze(self, cursor: Any) -> None:
        """Statistics for the staging table, so the planner joins it sensibly."""


class SqliteWriter(LedgerWriter):
    """executemany; a large page cache, as the ledger's indexes outgrow the default 2 MB."""

    def __init__(self, number: int | None = None) -> None:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -262144")
        super().__init__(number)
        marks = ", ".join("?" * len(self.columns))
        self.sql = f"INSERT INTO {self.target} ({', '.join(self.columns)}) VALUES ({marks})"

    def _send(self, cursor: Any, batch: list[tuple]) -> None:
        cursor.executemany(self.sql, _stamped(batch, self.number) if self.load else batch)


class PostgresWriter(LedgerWriter):
    """COPY in text format, rows formatted by psycopg."""

    differs = "IS DISTINCT FROM"

    def _send(self, cursor: Any, batch: list[tuple]) -> None:
        rows = _stamped(batch, self.number) if self.load else batch
        with cursor.copy(f"COPY {self.target} ({', '.join(self.columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def _analyze(self, cursor: Any) -> None:
        cursor.execute(f"ANALYZE {STAGE}")


def _stamped(batch: list[tuple], number: int | None) -> Iterator[tuple]:
    """The rows of a first load with the import's number as their last column."""
    return ((*row, number) for row in batch)
