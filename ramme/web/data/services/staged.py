"""Set-based upsert by key through a staging table (indlæsning via mellemtabel).

The fast path of the small case files (children, measures, events): the rows of a file go
as plain tuples into a temporary table (PostgreSQL: COPY; SQLite: executemany), and a few
statements then do what ``upsert.upsert`` does one object at a time:

1. count the staged rows whose key exists, and those of them that differ;
2. copy the current version of each differing row to the history (``versions.HISTORY``),
   valid until this import, exactly the columns ``versions.keep_versions`` copies;
3. UPDATE the differing rows, stamped with the import's number;
4. INSERT the new rows, stamped, in file order (so ids follow the file, as before).

Only the staged columns are compared, as ``upsert`` compares only the fields it is given;
``IS DISTINCT FROM`` (SQLite: ``IS NOT``) treats NULL as a value, as ``upsert._same`` does.
Everything runs in the import's transaction; the staging table is dropped at the end.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.db import connection, models

from ramme.web.data.services.bulk_load import indexes_built_after, is_empty
from ramme.web.data.services.upsert import Counts
from ramme.web.data.versions import HISTORY

STAMP = "valid_from_import"
ORDER = "ramme_n"  # the row's place in the file


class StagedTable:
    """The staging table of one model and the columns (``attname``) a file gives."""

    def __init__(
        self,
        model: type[models.Model],
        key: str,
        columns: Sequence[str],
        compared: Sequence[str] | None = None,
    ) -> None:
        self.model, self.key, self.columns = model, key, tuple(columns)
        # the columns the file gives; the others only fill a new row (model defaults)
        self.compared = [c for c in (columns if compared is None else compared) if c != key]
        self.table = model._meta.db_table
        self.stage = f"ramme_stage_{self.table}"
        self.fields = [_field(model, c) for c in self.columns]
        self.postgres = connection.vendor == "postgresql"
        self.differs = "IS DISTINCT FROM" if self.postgres else "IS NOT"

    def create(self, cursor: Any) -> None:
        types = [
            f"{c} {f.rel_db_type(connection) if f.is_relation else f.db_type(connection)}"
            for c, f in zip(self.columns, self.fields, strict=True)
        ]
        cursor.execute(f"DROP TABLE IF EXISTS {self.stage}")
        cursor.execute(f"CREATE TEMPORARY TABLE {self.stage} ({', '.join(types)}, {ORDER} int)")

    def load(self, cursor: Any, rows: Iterable[tuple]) -> None:
        """Send the rows (values in ``columns`` order, JSON already as text)."""
        numbered = ((*row, n) for n, row in enumerate(rows))
        _send(cursor, self.stage, (*self.columns, ORDER), numbered, self.postgres)
        if self.postgres:
            cursor.execute(f"ANALYZE {self.stage}")

    def changed(self) -> str:
        return " OR ".join(f"t.{c} {self.differs} s.{c}" for c in self.compared) or "1 = 0"

    def merge(self, cursor: Any, version: int | None) -> Counts:
        """Steps 1-4 above; returns created, updated and unchanged."""
        join = f"{self.stage} s JOIN {self.table} t ON t.{self.key} = s.{self.key}"
        changed = self.changed()
        cursor.execute(
            f"SELECT COUNT(*), COALESCE(SUM(CASE WHEN {changed} THEN 1 ELSE 0 END), 0) FROM {join}"
        )
        existing, updated = (int(v) for v in cursor.fetchone())
        cursor.execute(f"SELECT COUNT(*) FROM {self.stage}")
        read = int(cursor.fetchone()[0])
        if updated:
            self._keep_versions(cursor, join, changed, version)
            # a dry run (no number) leaves the stamp as it was, as upsert does
            sets = [f"{c} = s.{c}" for c in self.compared]
            sets += [f"{STAMP} = %s"] if version is not None else []
            cursor.execute(
                f"UPDATE {self.table} AS t SET {', '.join(sets)} FROM {self.stage} s"
                f" WHERE t.{self.key} = s.{self.key} AND ({changed})",
                [version] if version is not None else [],
            )
        if read > existing:
            names = ", ".join(self.columns)
            cursor.execute(
                f"INSERT INTO {self.table} ({names}, {STAMP}) SELECT {names}, %s"
                f" FROM {self.stage} s WHERE NOT EXISTS (SELECT 1 FROM {self.table} t"
                f" WHERE t.{self.key} = s.{self.key}) ORDER BY s.{ORDER}",
                [version],
            )
        return Counts(read, read - existing, updated, existing - updated)

    def _keep_versions(self, cursor: Any, join: str, changed: str, version: int | None) -> None:
        if version is None or self.model not in HISTORY:
            return
        history = HISTORY[self.model]._meta.db_table
        names = _columns(self.model)
        cursor.execute(
            f"INSERT INTO {history} (row_pk, valid_to_import, {', '.join(names)})"
            f" SELECT t.id, %s, {', '.join(f't.{n}' for n in names)} FROM {join}"
            f" WHERE {changed} ORDER BY s.{ORDER}",
            [version],
        )

    def drop(self, cursor: Any) -> None:
        cursor.execute(f"DROP TABLE IF EXISTS {self.stage}")


def staged_records(
    model: type[models.Model], key: str, records: list[dict[str, Any]], version: int | None
) -> Counts:
    """``upsert.upsert`` of ``records`` (field → value, foreign keys as ``x_id``) by the
    unique field ``key``, through a staging table.

    As in ``upsert``, a row is compared and updated only on the fields its record gives
    (children by child_id give no ``replacement_cpr``); records are therefore staged in
    groups of the same fields, in file order within each group. A field a record does not
    give takes the model's default in a new row.
    """
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for record in records:
        groups.setdefault(tuple(record), []).append(record)
    total = Counts()
    for given, group in groups.items():
        counts = _staged_group(model, key, given, group, version)
        for name in ("read", "created", "updated", "unchanged"):
            setattr(total, name, getattr(total, name) + getattr(counts, name))
    return total


def _staged_group(
    model: type[models.Model],
    key: str,
    given: tuple[str, ...],
    records: list[dict[str, Any]],
    version: int | None,
) -> Counts:
    defaults = {
        f.attname: f.get_default()
        for f in model._meta.concrete_fields
        if not f.primary_key and f.attname not in given and f.attname != STAMP
    }
    columns = (*given, *defaults)
    fields = [_field(model, c) for c in columns]
    json_at = [i for i, f in enumerate(fields) if isinstance(f, models.JSONField)]
    fill = tuple(defaults.values())

    def row(record: dict[str, Any]) -> tuple:
        values = [*record.values(), *fill]
        for i in json_at:
            # most rows keep no unknown columns: their text is known without json.dumps
            values[i] = "{}" if values[i] == {} else json.dumps(values[i])
        return tuple(values)

    return staged_upsert(model, key, columns, map(row, records), version, compared=given)


def staged_upsert(
    model: type[models.Model],
    key: str,
    columns: Sequence[str],
    rows: Iterable[tuple],
    version: int | None = None,
    compared: Sequence[str] | None = None,
) -> Counts:
    """Write ``rows`` (tuples in ``columns`` order, foreign keys as ids, JSON as text) by
    the unique column ``key``; with ``version`` a changed row's old version goes to the
    history. Only ``compared`` (default: all columns) are compared and updated."""
    table = model._meta.db_table
    if is_empty(table):  # a first load: every row is new
        return _first_load(table, columns, rows, version)
    staged = StagedTable(model, key, columns, compared)
    with connection.cursor() as cursor:
        staged.create(cursor)
        try:
            staged.load(cursor, rows)
            return staged.merge(cursor, version)
        finally:
            staged.drop(cursor)


def _first_load(
    table: str, columns: Sequence[str], rows: Iterable[tuple], version: int | None
) -> Counts:
    """Rows straight into the empty ``table``, stamped, in file order (so ids follow the
    file, as the merge's INSERT gives them), its indexes built afterwards."""
    counted = [0]

    def stamped() -> Iterator[tuple]:
        for row in rows:
            counted[0] += 1
            yield (*row, version)

    with indexes_built_after(table), connection.cursor() as cursor:
        send_rows(cursor, table, (*columns, STAMP), stamped())
    read = counted[0]
    return Counts(read, read, 0, 0)


def _field(model: type[models.Model], column: str) -> models.Field:
    """The field behind a column name (``child_id`` is the field ``child``)."""
    for field in model._meta.concrete_fields:
        if column in (field.attname, field.column):
            return field
    raise LookupError(f"{model.__name__} has no column {column}")


def _columns(model: type[models.Model]) -> list[str]:
    """The columns a history row copies: every concrete one but the id."""
    return [str(f.column) for f in model._meta.concrete_fields if not f.primary_key]


def replace_sets(
    model: type[models.Model],
    set_key: str,
    replaced: Sequence[int],
    columns: Sequence[str],
    rows: Iterable[tuple],
    version: int | None,
) -> None:
    """Replace whole sets of rows (a measure's price periods) set-based: the current rows
    of the ``replaced`` sets go to the history and are deleted, then ``rows`` (tuples in
    ``columns`` order) are inserted, stamped with ``version``, in the order given."""
    table = model._meta.db_table
    postgres = connection.vendor == "postgresql"
    if is_empty(table):  # a first load: nothing to replace
        _first_load(table, columns, rows, version)
        return
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS ramme_stage_sets")
        cursor.execute("CREATE TEMPORARY TABLE ramme_stage_sets (id bigint PRIMARY KEY)")
        try:
            _send(cursor, "ramme_stage_sets", ("id",), ((pk,) for pk in replaced), postgres)
            inside = f"{set_key} IN (SELECT id FROM ramme_stage_sets)"
            if version is not None and model in HISTORY:
                history = HISTORY[model]._meta.db_table
                names = ", ".join(_columns(model))
                cursor.execute(
                    f"INSERT INTO {history} (row_pk, valid_to_import, {names})"
                    f" SELECT id, %s, {names} FROM {table} WHERE {inside} ORDER BY id",
                    [version],
                )
            cursor.execute(f"DELETE FROM {table} WHERE {inside}")
        finally:
            cursor.execute("DROP TABLE IF EXISTS ramme_stage_sets")
        stamped = ((*row, version) for row in rows)
        _send(cursor, table, (*columns, STAMP), stamped, postgres)


def send_rows(cursor: Any, table: str, columns: Sequence[str], rows: Iterable[tuple]) -> None:
    """Rows (tuples in ``columns`` order) into ``table`` on the current database."""
    _send(cursor, table, columns, rows, connection.vendor == "postgresql")


def _send(cursor: Any, table: str, columns: Sequence[str], rows: Iterable[tuple], pg: bool) -> None:
    """Rows into ``table``: COPY on PostgreSQL, executemany on SQLite."""
    names = ", ".join(columns)
    if pg:
        with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join(["%s"] * len(columns))
    cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
