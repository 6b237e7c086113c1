"""Children known only from a CPR number (børn oprettet fra CPR-numre), created in bulk.

A ledger can name thousands of children that children.csv does not hold; one INSERT each
cost more than the rest of the row. Each new child gets its id at once (the row that names
it needs it), from ids reserved in blocks, and the children are written together at the
end of the file (``flush``). Foreign keys to them are checked at commit (deferred) or when
the ledger's keys are rebuilt, both after the flush.

Ids: PostgreSQL hands out blocks of its sequence; on SQLite the import is the only writer
(it holds the database's write lock), so the next ids after the highest are free until the
flush, and the reservation starts again after it.
"""

from __future__ import annotations

import json
from typing import Any

from django.db import connection, models

from ramme.core.cpr import CprFacts
from ramme.web.data.models import Child
from ramme.web.data.services.staged import STAMP, send_rows

BLOCK = 1000


GIVEN = ("id", "key", "birth_date", "replacement_cpr")


class NewChildren:
    """Pending children of one import: ``add`` returns the new id, ``flush`` writes them."""

    def __init__(self) -> None:
        self.pending: list[tuple[int, str, Any, bool]] = []  # in ``GIVEN`` order
        self._free: list[int] = []
        self._next: int | None = None  # SQLite: the next free id

    def add(self, facts: CprFacts) -> int:
        pk = self._reserve()
        self.pending.append((pk, facts.pseudonym, facts.birth_date, facts.is_replacement))
        return pk

    def flush(self, import_number: int | None = None) -> None:
        """Write the pending children (ids as reserved), stamped with ``import_number``
        (so the history knows from which import they exist), the other columns at their
        defaults, as plain tuples: a model instance each cost more than the write."""
        if self.pending:
            columns, fill = _defaults()
            fill = tuple(
                import_number if column == STAMP else value
                for column, value in zip(columns[len(GIVEN) :], fill, strict=True)
            )
            rows = (row + fill for row in self.pending)
            with connection.cursor() as cursor:
                send_rows(cursor, Child._meta.db_table, columns, rows)
            self.pending = []
        self._next = None

    def _reserve(self) -> int:
        if connection.vendor == "postgresql":
            if not self._free:
                self._free = _block_of_ids()
            return self._free.pop()
        if self._next is None:
            self._next = self._highest() + 1
        pk, self._next = self._next, self._next + 1
        return pk

    @staticmethod
    def _highest() -> int:
        table = Child._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
            top = int(cursor.fetchone()[0])
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
        return max(top, int(row[0]) if row else 0)


def _block_of_ids() -> list[int]:
    """``BLOCK`` ids from the table's sequence, the first last (for ``pop``)."""
    with connection.cursor() as cursor:
        # The sequence is looked up once: inside nextval() it would be once per id, five
        # times the cost of the ids themselves.
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [Child._meta.db_table])
        sequence = cursor.fetchone()[0]
        cursor.execute(
            "SELECT nextval(%s::regclass) FROM generate_series(1, %s)", [sequence, BLOCK]
        )
        return [row[0] for row in reversed(cursor.fetchall())]


def _defaults() -> tuple[tuple[str, ...], tuple[Any, ...]]:
    """The columns of a new child and the values of those ``GIVEN`` does not hold, as
    ``bulk_create`` would write them (JSON as text)."""
    fields = [f for f in Child._meta.concrete_fields if f.column not in GIVEN]
    fill = tuple(
        json.dumps(f.get_default()) if isinstance(f, models.JSONField) else f.get_default()
        for f in fields
    )
    return (*GIVEN, *(str(f.column) for f in fields)), fill
