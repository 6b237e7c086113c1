"""The forecast arrays built from table columns (issue 12: "columns, not objects").

``prepare(dataset)`` walks Measure, PricePeriod and Child records; a database of the whole
country holds millions of them. Here the same ``Prepared`` is built from the tables' columns
as read (one query per table, ``ramme.web.data.dataset.load_prepared``): ages, households,
aftercare and daily rates are computed on whole arrays, and no record is made per row.
``tests/web/data/test_prepared_columns.py`` checks that every array equals ``prepare``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from ramme.core.forecast.data import (
    _UNIT_PER_DAY,
    EPOCH,
    INF,
    BoolArray,
    FloatArray,
    IntArray,
    Ledger,
    Prepared,
    _is_aftercare,
    _regulation,
)
from ramme.core.legal import is_aftercare_basis
from ramme.core.records import Dataset, PriceUnit


def ordinals(days: Sequence[date | None]) -> IntArray:
    """Day ordinals of a column of dates, INF where blank (``toordinal`` is 20 times faster
    than numpy's parsing of date objects into datetime64)."""
    return np.fromiter((INF if d is None else d.toordinal() for d in days), np.int64, len(days))


def day_before_birthday(birth: IntArray, years: int) -> IntArray:
    """The day before each ``years``-th birthday (``periods.birthday``: born 29 February,
    1 March in other years), INF where the birth date is unknown (INF)."""
    known = birth < INF
    day = (np.where(known, birth, EPOCH) - EPOCH).astype("datetime64[D]")
    month = day.astype("datetime64[M]")
    into = day - month.astype("datetime64[D]")  # days into the month
    then = (month + np.timedelta64(12 * years, "M")).astype("datetime64[D]") + into
    out = then.astype(np.int64) + EPOCH - 1  # the 29th of a February without one: 1 March
    return np.asarray(np.where(known, out, INF), dtype=np.int64)


@dataclass(frozen=True)
class MeasureColumns:
    """The measures table as read, in the order of ``measure_id``."""

    row: IntArray  # the key the price rows name their measure by (the row's id)
    measure_id: list[str]
    type_code: list[str]
    child_key: list[str]
    start: IntArray  # day ordinals (``ordinals``), INF when blank
    end: IntArray
    planned: IntArray
    legal_basis: list[str]
    child: IntArray | None = None  # the child's index in ChildColumns, when the reader knows


UNITS = tuple(PriceUnit)  # a price row's unit as its index here


@dataclass(frozen=True)
class PriceColumns:
    """The price periods as read, each measure's in order of ``valid_from``."""

    measure: IntArray  # the measure's ``MeasureColumns.row``
    valid_from: IntArray
    valid_to: IntArray  # INF when open-ended
    base: BoolArray  # a base price (PriceKind.BASE), else a supplement
    unit: IntArray  # index in UNITS
    amount: FloatArray
    hours_per_week: FloatArray  # 0 when blank


@dataclass(frozen=True)
class ChildColumns:
    key: list[str]
    birth: IntArray  # day ordinal, INF when unknown
    household: list[str]  # "" when none


@dataclass(frozen=True)
class _Kept:
    """The measures whose type is in the catalogue (``prepare`` keeps those), as indices."""

    index: IntArray  # into MeasureColumns
    m_type: IntArray
    measure_ids: list[str]


def _types(master: Dataset) -> dict[str, Any]:
    types = sorted(master.measure_types.values(), key=lambda t: t.code)
    act = {a.name: i for i, a in enumerate(master.activities)}
    return {
        "activities": [a.name for a in master.activities],
        "type_codes": [t.code for t in types],
        "type_activity": np.array([act.get(t.activity, -1) for t in types], dtype=np.int64),
        "type_step": [str(t.ladder_step) for t in types],
        "type_aftercare": np.array([_is_aftercare(t) for t in types], dtype=bool),
    }


def _kept(measures: MeasureColumns, type_codes: list[str]) -> _Kept:
    tix = {code: i for i, code in enumerate(type_codes)}
    m_type = np.fromiter((tix.get(c, -1) for c in measures.type_code), np.int64)
    index = np.flatnonzero(m_type >= 0)
    ids = measures.measure_id
    return _Kept(index, m_type[index], [ids[i] for i in index.tolist()])


def _child_columns(
    measures: MeasureColumns, kept: IntArray, children: ChildColumns
) -> dict[str, Any]:
    """Ages and households per kept measure: its child's, or none when the child is unknown
    (then the household is the child's key, as in ``prepare``)."""
    keys = [measures.child_key[i] for i in kept.tolist()]
    if measures.child is not None:
        child = measures.child[kept]
    else:
        position = {key: i for i, key in enumerate(children.key)}
        child = np.fromiter((position.get(k, -1) for k in keys), np.int64, len(keys))
    birth = np.append(children.birth, INF)[child]  # -1 (unknown child): INF
    households: dict[str, int] = {}
    m_hh = [
        households.setdefault((children.household[c] if c >= 0 else "") or key, len(households))
        for c, key in zip(child.tolist(), keys, strict=True)
    ]
    return {
        "m_age18": day_before_birthday(birth, 18),
        "m_age23": day_before_birthday(birth, 23),
        "m_household": np.array(m_hh, dtype=np.int64),
        "households": list(households),
    }


def _aftercare(
    measures: MeasureColumns, kept: _Kept, by_type: BoolArray, bases: frozenset[str]
) -> BoolArray:
    basis = [measures.legal_basis[i] for i in kept.index.tolist()]
    known = {text: is_aftercare_basis(text, bases) for text in set(basis)}
    by_basis = np.fromiter((known[text] for text in basis), bool, len(basis))
    return np.asarray(by_type[kept.m_type] | by_basis, dtype=bool)


def _price_rows(prices: PriceColumns, measures: MeasureColumns, kept: IntArray) -> IntArray:
    """(price row, kept measure) of every price row of a kept measure, ordered by measure
    and then as read: what ``prepare``'s walk over each measure's prices gives."""
    rows = measures.row[kept]
    order = np.argsort(rows, kind="stable")
    ranked = rows[order]
    lo = np.searchsorted(ranked, prices.measure, "left")
    counts = np.searchsorted(ranked, prices.measure, "right") - lo
    price = np.repeat(np.arange(len(prices.measure)), counts)
    offset = np.arange(len(price)) - np.repeat(np.cumsum(counts) - counts, counts)
    measure = order[np.repeat(lo, counts) + offset]
    walk = np.argsort(measure, kind="stable")
    return np.stack([price[walk], measure[walk]]).astype(np.int64)


def _price_columns(
    prices: PriceColumns, measures: MeasureColumns, kept: IntArray
) -> dict[str, Any]:
    row, measure = _price_rows(prices, measures, kept)
    unit = prices.unit[row]
    unit_rate = np.array([_UNIT_PER_DAY[u] for u in UNITS], dtype=np.float64)[unit]
    hour = unit == UNITS.index(PriceUnit.HOUR)
    amount = prices.amount[row]
    hours = np.where(hour, prices.hours_per_week[row] / 7, 0.0)
    start = prices.valid_from[row]
    return {
        "p_measure": measure,
        "p_from": start,
        "p_to": prices.valid_to[row],
        "p_year": _years(start),
        "p_base": prices.base[row],
        "p_once": unit == UNITS.index(PriceUnit.ONCE),
        "p_amount": amount,
        "p_rate": amount * (unit_rate + hours),
    }


def _years(days: IntArray) -> IntArray:
    years = (days - EPOCH).astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64)
    return np.asarray(years + 1970, dtype=np.int64)


def prepare_columns(
    master: Dataset,
    measures: MeasureColumns,
    prices: PriceColumns,
    children: ChildColumns,
    ledger: Callable[[list[str], IntArray], Ledger],
    full: Callable[[], Dataset] | None = None,
) -> Prepared:
    """The ``Prepared`` of ``prepare`` from columns; ``ledger(measure_ids, rows)`` reads the
    postings for the kept measures (their ids and ``MeasureColumns.row``), ``full`` the whole
    Dataset when a caller asks for ``Prepared.dataset``."""
    types = _types(master)
    kept = _kept(measures, types["type_codes"])
    reg_years, reg_cum = _regulation(master)
    return Prepared(
        master=master,
        **types,
        measure_ids=kept.measure_ids,
        m_type=kept.m_type,
        m_start=measures.start[kept.index],
        m_end=measures.end[kept.index],
        m_planned=measures.planned[kept.index],
        m_aftercare=_aftercare(measures, kept, types["type_aftercare"], master.aftercare_bases),
        **_child_columns(measures, kept.index, children),
        **_price_columns(prices, measures, kept.index),
        ledger=ledger(kept.measure_ids, measures.row[kept.index]),
        reg_years=reg_years,
        reg_cum=reg_cum,
        full=full,
    )
