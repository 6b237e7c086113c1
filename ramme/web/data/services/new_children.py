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

from django.db import connection

from ramme.core.cpr import CprFacts
from ramme.web.data.models import Child

BLOCK = 1000


class NewChildren:
    """Pending children of one import: ``add`` returns the new id, ``flush`` writes them."""

    def __init__(self) -> None:
        self.pending: list[Child] = []
        self._free: list[int] = []
        self._next: int | None = None  # SQLite: the next free id

    def add(self, facts: CprFacts) -> int:
        pk = self._reserve()
        self.pending.append(
            Child(
                pk=pk,
                key=facts.pseudonym,
                birth_date=facts.birth_date,
                replacement_cpr=facts.is_replacement,
            )
        )
        return pk

    def flush(self) -> None:
        """Write the pending children (ids as reserved)."""
        if self.pending:
            Child.objects.bulk_create(self.pending, batch_size=1000)
            self.pending = []
        self._next = None

    def _reserve(self) -> int:
        if connection.vendor == "postgresql":
            if not self._free:
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT nextval(pg_get_serial_sequence(%s, 'id'))"
                        " FROM generate_series(1, %s)",
                        [Child._meta.db_table, BLOCK],
                    )
                    self._free = [row[0] for row in reversed(cursor.fetchall())]
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
