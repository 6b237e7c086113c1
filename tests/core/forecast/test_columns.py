"""The forecast arrays from columns (``prepare_columns``) are ``prepare``'s, on a small
dataset with shared households, a child without a birth date, a 29 February birthday, an
unknown measure type, an aftercare basis and every price unit (the database path:
``tests/web/data/test_prepared_columns.py``)."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date, timedelta

import numpy as np

from ramme.core.forecast import Ledger, Prepared, prepare
from ramme.core.forecast.columns import (
    UNITS,
    ChildColumns,
    MeasureColumns,
    PriceColumns,
    day_before_birthday,
    ordinals,
    prepare_columns,
)
from ramme.core.forecast.data import INF, _day_before_birthday
from ramme.core.records import Child, Dataset, PriceKind, PriceUnit
from tests.core.forecast.builders import dataset, measure, price


def test_the_day_before_a_birthday_as_periods_counts_it() -> None:
    births = [date(2008, 2, 29), date(2007, 3, 1), date(2010, 12, 31), date(2012, 1, 1)]
    births += [date(2000, 1, 1) + timedelta(days=37 * i) for i in range(300)]
    days = np.append(ordinals(births), INF)
    for years in (18, 23):
        want = [_day_before_birthday(b, years) for b in births] + [INF]
        assert day_before_birthday(days, years).tolist() == want


def test_ordinals_are_toordinal_and_blank_is_inf() -> None:
    assert ordinals([date(2024, 2, 29), None]).tolist() == [date(2024, 2, 29).toordinal(), INF]
    assert ordinals([]).dtype == np.int64


def _world() -> Dataset:
    units = list(PriceUnit)
    measures = [
        measure(
            f"m{i:02d}",
            date(2023, 1 + i % 12, 1),
            date(2024, 6, 30) if i % 4 == 0 else None,
            mtype="KP" if i % 3 else "OPH",
            child=f"c{i % 9}",
            planned=date(2025, 1, 1) if i % 2 else None,
            prices=(
                price(100 + i, date(2023, 1, 1), unit=units[i % len(units)]),
                price(7, date(2024, 1, 1), date(2024, 3, 31), kind=PriceKind.SUPPLEMENT),
            ),
        )
        for i in range(20)
    ]
    measures[3] = replace(measures[3], measure_type="UKENDT")  # not in the catalogue
    measures[5] = replace(measures[5], legal_basis="SEL § 76, stk. 3")  # aftercare
    hours = replace(measures[7].prices[0], unit=PriceUnit.HOUR, hours_per_week=None)
    measures[7] = replace(measures[7], prices=(hours, measures[7].prices[1]))
    children = [Child(f"c{i}", date(2008, 2, 29) if i == 1 else date(2010, i + 1, 3),
                      household="h1" if i < 4 else "") for i in range(9)]  # fmt: skip
    children[8] = Child("c8")  # no birth date
    return dataset(measures, children=children)


def _columns(data: Dataset) -> tuple[MeasureColumns, PriceColumns, ChildColumns]:
    ms = data.measures
    rows = [(i, p) for i, m in enumerate(ms) for p in m.prices]
    return (
        MeasureColumns(np.arange(len(ms)), [m.measure_id for m in ms],
                       [m.measure_type for m in ms], [m.child_key for m in ms],
                       ordinals([m.start_date for m in ms]), ordinals([m.end_date for m in ms]),
                       ordinals([m.planned_end_date for m in ms]),
                       [m.legal_basis for m in ms]),
        PriceColumns(np.array([i for i, _ in rows]), ordinals([p.valid_from for _, p in rows]),
                     ordinals([p.valid_to for _, p in rows]),
                     np.array([p.kind is PriceKind.BASE for _, p in rows]),
                     np.array([UNITS.index(p.unit) for _, p in rows]),
                     np.array([float(p.amount) for _, p in rows]),
                     np.array([float(p.hours_per_week or 0) for _, p in rows])),
        ChildColumns(list(data.children), ordinals([c.birth_date for c in data.children.values()]),
                     [c.household for c in data.children.values()]),
    )  # fmt: skip


def test_the_columns_give_prepares_arrays() -> None:
    data = _world()
    old = prepare(data)
    new = prepare_columns(data, *_columns(data), lambda ids, rows: old.ledger, lambda: data)
    assert len(new.measure_ids) == 19 and new.m_aftercare.any()
    for f in fields(Prepared):
        a, b = getattr(new, f.name), getattr(old, f.name)
        if isinstance(b, np.ndarray):
            assert a.dtype == b.dtype and np.array_equal(a, b), f.name
        elif f.name not in ("full", "master", "ledger"):
            assert a == b, f.name
    assert new.dataset is data and isinstance(new.ledger, Ledger)
