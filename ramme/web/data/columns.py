"""The tables the forecast reads, as columns: one query per table, its values straight into
numpy chunk by chunk (``ramme.web.data.dataset.load_prepared``), no record per row.

On PostgreSQL each table of the data as it stands comes in one query as one value of packed
fixed-width numbers, read with ``numpy.frombuffer``, and each text column as one string
split into lines (``_packed``); elsewhere, and for the data as known after an earlier import
(``known_at``, a union with the history tables), the rows come through the same
``known_values`` filter as the records.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain, islice
from typing import Any

import numpy as np
from django.db import connection, transaction
from django.db.models import BigIntegerField, F, FloatField, Max, Min, Model, QuerySet
from django.db.models.functions import Cast, Round

from ramme.core.forecast.columns import (
    UNITS,
    ChildColumns,
    MeasureColumns,
    PriceColumns,
    ordinals,
)
from ramme.core.forecast.data import INF, IntArray, Ledger
from ramme.core.records import PriceKind
from ramme.web.data import models
from ramme.web.data.shared_values import shared
from ramme.web.data.versions import Known, known_values

CHUNK = 200_000
# each measure's prices by start, base price before supplements on the same day, then by
# every other column the arrays hold: rows still tied hold the same values, so the records
# and the columns (two queries) give the same arrays
PRICE_ORDER = (
    "measure_id", "valid_from", "kind", "valid_to", "unit", "amount", "hours_per_week"
)  # fmt: skip


def _lookup(mapping: dict[int, int]) -> np.ndarray:
    """An array from primary key to index (-1 for unknown keys)."""
    table = np.full(max(mapping, default=0) + 2, -1, dtype=np.int64)
    for pk, index in mapping.items():
        table[pk] = index
    return table


def _indices(column: tuple[int | None, ...], table: np.ndarray) -> np.ndarray:
    """Primary keys (None for none) through ``table``: -1 where none or unknown."""
    keys = np.array(column, dtype=np.float64)  # None becomes NaN
    known = ~np.isnan(keys)
    out = np.full(len(keys), -1, dtype=np.int64)
    safe = np.where(known, keys, len(table) - 1).astype(np.int64)
    inside = safe < len(table)
    out[inside] = table[safe[inside]]
    out[~known] = -1
    return out


def _measure_lookup(measure_ids: list[str], rows: IntArray | None) -> np.ndarray:
    """From a posting's measure (its row id) to the measure's index in ``measure_ids``:
    through ``rows``, the ids of those very rows, or else by the current rows' measure ids."""
    if rows is not None:
        table = np.full(int(rows.max(initial=0)) + 2, -1, dtype=np.int64)
        table[rows] = np.arange(len(rows))
        return table
    index = {mid: i for i, mid in enumerate(measure_ids)}
    return _lookup(
        {
            pk: index[mid]
            for pk, mid in models.Measure.objects.values_list("pk", "measure_id")
            if mid in index
        }
    )


def _chunks(rows: QuerySet[Any, Any]) -> Iterator[list[tuple[Any, ...]]]:
    """The query's rows, ``CHUNK`` at a time. On PostgreSQL straight from a server-side
    cursor, one fetch per chunk: Django's iterator fetches 100 rows a round trip and runs
    its converters on each value, which PostgreSQL's dates, floats and decimals do not need
    (half the time of reading the columns at Copenhagen size)."""
    if connection.vendor != "postgresql":
        read = rows.iterator(CHUNK)
        while chunk := list(islice(read, CHUNK)):
            yield chunk
        return
    sql, params = rows.query.sql_with_params()
    with connection.chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(CHUNK):
            yield chunk


Packed = tuple[list[Any], list[list[str]]]
WIDTH = {"int4": ">i4", "int8": ">i8", "float8": ">f8"}


def _packed_sql(
    model: type[Model],
    numbers: Sequence[tuple[str, str]],
    texts: Sequence[str],
    by: str,
    where: str = "",
) -> str:
    """With texts, the rows sorted ``by`` in a subquery (one sort, not one per aggregate:
    half the time), numbered by ``ROW_NUMBER`` over the same order to check the order they
    came in; without, the one aggregate sorts them itself."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table) + (f" WHERE {where}" if where else "")
    if by and not texts:
        packed = " || ".join(f"{kind}send(({sql})::{kind})" for sql, kind in numbers)
        return f"SELECT string_agg({packed}, ''::bytea ORDER BY {by}), count(*) FROM {table}"
    if by:
        numbers = [*numbers, (f"ROW_NUMBER() OVER (ORDER BY {by})", "int8")]
    packed = " || ".join(f"{kind}send(({sql})::{kind})" for sql, kind in numbers)
    names = "".join(f", {quote(t)}" for t in texts)
    rows = f"SELECT {packed} AS packed{names} FROM {table}"
    rows += f" ORDER BY {by}" if by else ""
    aggregates = ["string_agg(packed, ''::bytea)"]
    aggregates += [f"string_agg({quote(t)}, E'\\n')" for t in texts]
    return f"SELECT {', '.join(aggregates)}, count(*) FROM ({rows}) AS rows"


def _packed(
    model: type[Model],
    numbers: Sequence[tuple[str, str]],
    texts: Sequence[str] = (),
    order: Sequence[str] = (),
    where: str = "",
) -> Packed | None:
    """PostgreSQL, one query: fixed-width numbers (SQL expression, type ``int4``, ``int8``
    or ``float8``; never NULL) of every row of the model's table in ``order``, packed by the
    server into one ``bytea`` (``string_agg`` of each row's ``int4send``…, big-endian) and
    split into arrays by ``numpy.frombuffer``, and each text column as one string split into
    lines: no Python value per row or number. None when a text holds a line break or the
    rows did not come in order. (A binary ``COPY`` sends a message per row, a third slower;
    4.4 million postings pack into 124 MB.) ``where``: SQL keeping only some rows."""
    by = ", ".join(connection.ops.quote_name(f) for f in order)
    data, *strings, count = _binary_row(_packed_sql(model, numbers, texts, by, where))
    numbered = bool(by and texts)  # the last number: the row's place (``_packed_sql``)
    kinds = [kind for _, kind in numbers] + (["int8"] if numbered else [])
    dtype = np.dtype([(f"value{n}", WIDTH[kind]) for n, kind in enumerate(kinds)])
    rows = np.frombuffer(data or b"", dtype=dtype)
    assert len(rows) == count, "a NULL among the packed values"
    lines = [[] if text is None else text.split("\n") for text in strings]
    arrays = [rows[f"value{n}"].astype(WIDTH[kind][1:]) for n, kind in enumerate(kinds)]
    if numbered and not np.array_equal(arrays.pop(), np.arange(1, count + 1)):
        return None
    if any(len(column) != count for column in lines):
        return None
    return arrays, lines


def _binary_row(sql: str) -> tuple[Any, ...]:
    """The query's one row with its values in binary. As text, libpq would hold the
    ``bytea`` hex-encoded, twice its size, for psycopg to decode: reading 4.4 million
    postings (89 MB packed) took 0.53 GB for a moment instead of 0.27 GB, on top of all the
    after-import task holds. Django's client-side cursor cannot ask for binary results, so
    the query runs on a plain psycopg cursor of the same connection (same transaction),
    logged as Django logs its own (the debug log, the query-count tests)."""
    import psycopg

    connection.ensure_connection()
    started = time.monotonic()
    with psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(sql.encode(), binary=True)
        row = cursor.fetchone()
    if connection.queries_logged:
        connection.queries_log.append({"sql": sql, "time": f"{time.monotonic() - started:.3f}"})
    assert row is not None  # an aggregate without GROUP BY gives one row
    return tuple(row)


@contextmanager
def one_snapshot() -> Iterator[None]:
    """PostgreSQL: the queries within read one snapshot of the data (a transaction at
    REPEATABLE READ), so an import committing meanwhile cannot change one table's columns
    between their queries, nor one table against another; inside a transaction already
    (a test, a request), or on SQLite, each statement reads as it runs."""
    if not _fast() or connection.in_atomic_block:
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def _fast() -> bool:
    """Whether the data as it stands is read packed (``_packed``: PostgreSQL)."""
    return connection.vendor == "postgresql"


def _day(column: str) -> str:
    """SQL: the day ordinal of a date column (``date.toordinal``), INF when blank."""
    name = connection.ops.quote_name(column)
    return f"COALESCE({name} - DATE '0001-01-01' + 1, {INF})"


def _through(keys: IntArray, table: np.ndarray) -> IntArray:
    """Primary keys (-1 for none) through ``table``: -1 where none or unknown."""
    inside = (keys >= 0) & (keys < len(table))
    out = np.full(len(keys), -1, dtype=np.int64)
    out[inside] = table[keys[inside]]
    return out


def _postings_packed(acts: np.ndarray, measures: np.ndarray) -> Ledger:
    columns = [
        (_day("date"), "int4"),
        ("amount", "float8"),
        ("COALESCE(activity_id, -1)", "int8"),
        ("dranst", "int8"),
        ("COALESCE(measure_id, -1)", "int8"),
    ]
    read = _packed(models.Posting, columns)
    assert read is not None  # no order, no text
    day, amount, act, dranst, measure = read[0]
    return Ledger(day.astype(np.int64), amount, _through(act, acts), dranst,
                  _through(measure, measures))  # fmt: skip


def ledger(
    lines: list[str], measure_ids: list[str], known_at: Known | None, rows: IntArray | None = None
) -> Ledger:
    """The ledger with the measures indexed as ``measure_ids`` (``rows``: their row ids)."""
    measures = _measure_lookup(measure_ids, rows)
    line_index = {name: i for i, name in enumerate(lines)}
    acts = _lookup(
        {
            pk: line_index.get(name, -1)
            for pk, name in models.ActivityLine.objects.values_list("pk", "name")
        }
    )
    if known_at is None and _fast():
        return _postings_packed(acts, measures)
    # the database casts the amounts; rows of earlier versions come as Decimal (numpy casts)
    amount_field = Cast("amount", FloatField()) if known_at is None else "amount"
    postings = known_values(
        models.Posting, known_at, "date", amount_field, "activity_id", "dranst", "measure_id"
    )
    # chunk by chunk into arrays: the whole ledger never stands as Python tuples at once
    parts = []
    for chunk in _chunks(postings):
        days, amounts, lines_pk, dransts, measures_pk = zip(*chunk, strict=True)
        parts.append(
            (
                ordinals(days),  # a posting's date is never blank
                np.array(amounts, dtype=np.float64),
                _indices(lines_pk, acts),
                np.array(dransts, dtype=np.int64),
                _indices(measures_pk, measures),
            )
        )
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return Ledger(empty, np.zeros(0), empty.copy(), empty.copy(), empty.copy())
    day, amount, act, dranst, measure = (np.concatenate(c) for c in zip(*parts, strict=True))
    return Ledger(day.astype(np.int64), amount, act, dranst, measure)


# a posting's amount in whole øre: exact, as its two decimals
ORE = Cast(Round(F("amount") * 100), BigIntegerField())


def linked_postings() -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """Of each posting linked to a measure: the measure's row id, the day ordinal, the
    amount in øre and the posting's row id (for the quality rules), in no order."""
    if _fast():
        return _linked_packed()
    rows = models.Posting.objects.filter(measure__isnull=False)
    values = rows.values_list("measure_id", "date", ORE, "pk")
    measure, day, ore, ref = columns_of(values, int64, ordinals, int64, int64)
    return measure, day, ore, ref


def _linked_packed() -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """``linked_postings`` on PostgreSQL, packed, a range of row ids at a time: the packed
    value of 4.4 million postings stood three times in memory at once (0.4 GB)."""
    numbers = [("measure_id", "int8"), (_day("date"), "int4")]
    numbers += [("ROUND(amount * 100)", "int8"), ("id", "int8")]
    span = models.Posting.objects.aggregate(low=Min("id"), high=Max("id"))
    parts = []
    for low in range(span["low"] or 0, (span["high"] or -1) + 1, CHUNK * 5):
        where = f"measure_id IS NOT NULL AND id >= {low} AND id < {low + CHUNK * 5}"
        read = _packed(models.Posting, numbers, where=where)
        assert read is not None  # no order, no text
        parts.append(read[0])
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, empty
    measure, day, ore, ref = (np.concatenate(c, dtype=np.int64) for c in zip(*parts, strict=True))
    return measure, day, ore, ref


def columns_of(rows: QuerySet[Any, Any], *make: Callable[[Sequence[Any]], Any]) -> list[Any]:
    """The query's columns, each made by its ``make`` (a list, ``ordinals``, an array)
    chunk by chunk, so the rows never stand as Python tuples all at once."""
    parts: list[list[Any]] = [[] for _ in make]
    for chunk in _chunks(rows):
        for part, made, column in zip(parts, make, zip(*chunk, strict=True), strict=True):
            part.append(made(column))
    return [_joined(part, made) for part, made in zip(parts, make, strict=True)]


def _joined(part: list[Any], make: Callable[[Sequence[Any]], Any]) -> Any:
    if not part:
        return make(())
    if isinstance(part[0], np.ndarray):
        return np.concatenate(part)
    return list(chain.from_iterable(part))


def int64(column: Sequence[Any]) -> IntArray:
    return np.array(column, dtype=np.int64)


def _float64(column: Sequence[Any]) -> np.ndarray:
    """Amounts (floats cast by the database, or Decimal), blank as 0."""
    return np.array([0.0 if v is None else v for v in column], dtype=np.float64)


def _is_base(column: Sequence[str]) -> np.ndarray:
    return np.fromiter((k == PriceKind.BASE.value for k in column), bool, len(column))


UNIT_INDEX = {unit.value: i for i, unit in enumerate(UNITS)}


def _unit(column: Sequence[str]) -> IntArray:
    return np.fromiter((UNIT_INDEX[u] for u in column), np.int64, len(column))


def _children_packed() -> tuple[ChildColumns, IntArray] | None:
    """The children in order of their row ids, and the ids."""
    numbers = [("id", "int8"), (_day("birth_date"), "int4")]
    read = _packed(models.Child, numbers, ("key", "household"), ("id",))
    if read is None:
        return None
    (ids, birth), (keys, households) = read
    return ChildColumns(keys, birth.astype(np.int64), shared(households)), ids


def _measures_packed(children: ChildColumns, child_ids: IntArray) -> MeasureColumns | None:
    """The measures, each child as its index in ``children`` (whose row ids: ``child_ids``)."""
    numbers = [("id", "int8"), ("measure_type_id", "int8"), ("child_id", "int8")]
    numbers += [(_day(f), "int4") for f in ("start_date", "end_date", "planned_end_date")]
    read = _packed(models.Measure, numbers, ("measure_id", "legal_basis"), ("measure_id",))
    if read is None:
        return None
    (row, mtype, child_id, start, end, planned), (ids, basis) = read
    at = np.minimum(np.searchsorted(child_ids, child_id), max(len(child_ids) - 1, 0))
    if len(child_id) and not (len(child_ids) and (child_ids[at] == child_id).all()):
        return None  # a child not read (written since): read both row by row
    codes = dict(models.MeasureType.objects.values_list("pk", "code"))
    keys = children.key
    return MeasureColumns(
        row, ids, [codes[t] for t in mtype.tolist()], [keys[c] for c in at.tolist()],
        start.astype(np.int64), end.astype(np.int64), planned.astype(np.int64), shared(basis), at,
    )  # fmt: skip


def measures_and_children(known_at: Known | None) -> tuple[MeasureColumns, ChildColumns]:
    """The measures and the children as columns (on PostgreSQL packed, as known now)."""
    if known_at is None and _fast():
        children = _children_packed()
        measures = _measures_packed(*children) if children is not None else None
        if children is not None and measures is not None:
            return measures, children[0]
    return measure_columns(known_at), child_columns(known_at)


def measure_columns(known_at: Known | None) -> MeasureColumns:
    fields = ("pk", "measure_id", "measure_type__code", "child__key", "start_date", "end_date")
    rows = known_values(
        models.Measure, known_at, *fields, "planned_end_date", "legal_basis", order=("measure_id",)
    )
    return MeasureColumns(
        *columns_of(rows, int64, list, shared, list, ordinals, ordinals, ordinals, shared)
    )


def _prices_packed() -> PriceColumns | None:
    units = " ".join(f"WHEN '{u}' THEN {i}" for u, i in UNIT_INDEX.items())
    columns = [
        ("measure_id", "int8"),
        (_day("valid_from"), "int4"),
        (_day("valid_to"), "int4"),
        (f"CASE WHEN kind = '{PriceKind.BASE.value}' THEN 1 ELSE 0 END", "int4"),
        (f"CASE unit {units} END", "int4"),
        ("amount", "float8"),
        ("COALESCE(hours_per_week, 0)", "float8"),
    ]
    read = _packed(models.PricePeriod, columns, (), PRICE_ORDER)
    if read is None:
        return None
    measure, start, end, base, unit, amount, hours = read[0]
    return PriceColumns(measure, start.astype(np.int64), end.astype(np.int64), base == 1,
                        unit.astype(np.int64), amount, hours)  # fmt: skip


def price_columns(known_at: Known | None) -> PriceColumns:
    packed = _prices_packed() if known_at is None and _fast() else None
    if packed is not None:
        return packed

    def amount(name: str) -> Any:  # cast by the database, as the ledger's amounts
        return Cast(name, FloatField()) if known_at is None else name

    fields = ("measure_id", "valid_from", "valid_to", "kind", "unit")
    rows = known_values(
        models.PricePeriod,
        known_at,
        *fields,
        amount("amount"),
        amount("hours_per_week"),
        order=PRICE_ORDER,
    )
    made = columns_of(rows, int64, ordinals, ordinals, _is_base, _unit, _float64, _float64)
    return PriceColumns(*made)


def child_columns(known_at: Known | None) -> ChildColumns:
    rows = known_values(models.Child, known_at, "key", "birth_date", "household")
    return ChildColumns(*columns_of(rows, list, ordinals, list))
