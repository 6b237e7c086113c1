"""Columnar form of a Dataset for the forecast kernels (numpy arrays, days as ordinals).

At national scale there are millions of postings (posteringer) and ~100k measures; the
kernels work on arrays indexed by measure, price row and posting instead of on objects.
Money is float64 inside these arrays and turned back into Decimal at the result boundary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

from ramme.core.legal import is_aftercare_basis
from ramme.core.periods import birthday
from ramme.core.records import (
    Dataset,
    MeasureType,
    Posting,
    PriceKind,
    PricePeriod,
    PriceUnit,
)

INF = 10**7  # a day ordinal after every real date: "no end known"
FIRST_DAYS = 62  # a year whose first posting comes later is not a complete year of history
EPOCH = date(1970, 1, 1).toordinal()
AFTERCARE_MARKERS = ("efterv", "eftv")  # efterværn: aftercare type codes/names

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


def wsum(groups: IntArray, weights: FloatArray | None, n: int) -> FloatArray:
    """Sum of ``weights`` per group 0..n-1 (a float bincount; counts when no weights)."""
    return np.asarray(np.bincount(groups, weights=weights, minlength=n), dtype=np.float64)


@dataclass(frozen=True)
class Ledger:
    """Postings as columns: day ordinal, amount, activity index (-1 none), dranst, measure."""

    day: IntArray
    amount: FloatArray
    activity: IntArray
    dranst: IntArray
    measure: IntArray

    @classmethod
    def from_postings(
        cls, postings: Iterable[Posting], activities: Sequence[str], measure_ids: Sequence[str]
    ) -> Ledger:
        act = {name: i for i, name in enumerate(activities)}
        mix = {mid: i for i, mid in enumerate(measure_ids)}
        rows = [
            (
                p.date.toordinal(),
                float(p.amount),
                act.get(p.activity or "", -1),
                p.dranst,
                mix.get(p.measure_id or "", -1),
            )
            for p in postings
        ]
        return cls.from_rows(rows)

    @classmethod
    def from_rows(cls, rows: Sequence[tuple[int, float, int, int, int]]) -> Ledger:
        """Build from (day ordinal, amount, activity index, dranst, measure index) tuples."""
        if not rows:
            empty = np.zeros(0, dtype=np.int64)
            return cls(empty, np.zeros(0), empty, empty, empty)
        arr = np.array(rows, dtype=np.float64)
        return cls(
            arr[:, 0].astype(np.int64),
            arr[:, 1],
            arr[:, 2].astype(np.int64),
            arr[:, 3].astype(np.int64),
            arr[:, 4].astype(np.int64),
        )


@dataclass(frozen=True)
class Prepared:
    """A Dataset turned into arrays once, reused by every as-of date (e.g. a backtest).

    ``master`` holds the small tables the forecast reads (activity lines, measure types,
    budgets, price index, aftercare bases); when the arrays were read as columns
    (``ramme.web.data.dataset.load_prepared``) its measures, children and events are empty
    and ``dataset`` reads the whole Dataset on first use (``full``)."""

    master: Dataset
    activities: list[str]
    type_codes: list[str]
    type_activity: IntArray  # per type: activity index (-1 when unknown)
    type_step: list[str]
    type_aftercare: BoolArray
    measure_ids: list[str]
    m_type: IntArray
    m_start: IntArray
    m_end: IntArray  # INF when blank
    m_planned: IntArray  # INF when blank
    m_age18: IntArray  # day before the 18th birthday, INF when the birth date is unknown
    m_age23: IntArray  # day before the 23rd birthday, INF when unknown
    m_aftercare: BoolArray  # aftercare (efterværn) by its type or its legal basis
    m_household: IntArray  # index of the child's household (or the child itself)
    households: list[str]
    p_measure: IntArray
    p_from: IntArray
    p_to: IntArray  # INF when open-ended
    p_rate: FloatArray  # per day, in the price level of p_from's year
    p_year: IntArray
    p_base: BoolArray
    p_once: BoolArray
    p_amount: FloatArray
    ledger: Ledger
    reg_years: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    reg_cum: FloatArray = field(default_factory=lambda: np.zeros(0))
    # the whole Dataset when ``master`` lacks the rows (remembers it: read once)
    full: Callable[[], Dataset] | None = field(default=None, compare=False, repr=False)

    @property
    def dataset(self) -> Dataset:
        """The whole Dataset: measures with their prices, children, events (postings only
        when prepared from posting objects). ``master`` itself when prepared from a
        Dataset; else read on first use, which the forecast itself never needs."""
        return self.master if self.full is None else self.full()

    @property
    def m_limit(self) -> IntArray:
        """The rule's last day by age: the day before the 18th birthday, aftercare the 23rd
        (age_limits.py learns per type whether the municipality's measures keep to it)."""
        return np.asarray(np.where(self.m_aftercare, self.m_age23, self.m_age18), dtype=np.int64)

    @cached_property
    def complete_years(self) -> frozenset[int]:
        """Years the ledger covers from the start: from the first posting's year when it falls
        in the year's first ``FIRST_DAYS`` days (a month's arrears), else from the next year,
        to the last posting's. An extract that begins with December's advance payments for
        the next year does not make that December's year a year of history."""
        if len(self.ledger.day) == 0:
            return frozenset()
        first = date.fromordinal(int(self.ledger.day.min()))
        last = date.fromordinal(int(self.ledger.day.max()))
        start = first.year if (first - date(first.year, 1, 1)).days < FIRST_DAYS else first.year + 1
        return frozenset(range(start, last.year + 1))

    def factor(self, base_year: IntArray | int, year: int) -> FloatArray:
        """Regulation factor from each ``base_year``'s level to ``year``'s (vectorised)."""
        first = int(self.reg_years[0])
        base = np.clip(np.asarray(base_year) - first, 0, len(self.reg_cum) - 1)
        target = int(np.clip(year - first, 0, len(self.reg_cum) - 1))
        return np.asarray(self.reg_cum[target] / self.reg_cum[base], dtype=np.float64)


def month_index(days: IntArray) -> IntArray:
    """year * 12 + month - 1 of each day ordinal (vectorised through datetime64)."""
    months = (days - EPOCH).astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    return np.asarray(months + 1970 * 12, dtype=np.int64)


def _is_aftercare(mtype: MeasureType) -> bool:
    text = f"{mtype.code} {mtype.name}".lower()
    return any(marker in text for marker in AFTERCARE_MARKERS)


def _day_before_birthday(birth: date | None, years: int) -> int:
    if birth is None:
        return INF
    return (birthday(birth, years) - timedelta(days=1)).toordinal()


def _regulation(dataset: Dataset) -> tuple[IntArray, FloatArray]:
    years = [int(y) for y in dataset.price_index] or [2000]
    first, last = min([*years, 1990]), max([*years, 2100])
    span = np.arange(first, last + 1)
    rates = np.array([float(dataset.price_index.get(int(y), 0)) / 100 for y in span])
    rates[0] = 0.0
    return span.astype(np.int64), np.cumprod(1 + rates)


_UNIT_PER_DAY = {  # the same factors as ramme.core.pricing.daily_rate, as floats
    PriceUnit.DAY: 1.0,
    PriceUnit.WEEK: 1 / 7,
    PriceUnit.MONTH: 12 / 365,
    PriceUnit.YEAR: 1 / 365,
    PriceUnit.HOUR: 0.0,
    PriceUnit.ONCE: 0.0,
}


def _price_columns(rows: list[tuple[int, PricePeriod]]) -> dict[str, Any]:
    """Price rows as columns; the daily rate computed in numpy (one pass over the rows)."""
    table = [
        (i, _day(p.valid_from), _day(p.valid_to), p.valid_from.year, p.kind is PriceKind.BASE,
         p.unit is PriceUnit.ONCE, float(p.amount), _UNIT_PER_DAY[p.unit],
         float(p.hours_per_week or 0) / 7 if p.unit is PriceUnit.HOUR else 0.0)
        for i, p in rows
    ]  # fmt: skip
    cols = list(zip(*table, strict=True)) if table else [()] * 9
    amount = np.array(cols[6], dtype=np.float64)
    return {
        "p_measure": np.array(cols[0], dtype=np.int64),
        "p_from": np.array(cols[1], dtype=np.int64),
        "p_to": np.array(cols[2], dtype=np.int64),
        "p_year": np.array(cols[3], dtype=np.int64),
        "p_base": np.array(cols[4], dtype=bool),
        "p_once": np.array(cols[5], dtype=bool),
        "p_amount": amount,
        "p_rate": amount * (np.array(cols[7], dtype=np.float64) + np.array(cols[8])),
    }


def _day(value: date | None) -> int:
    return value.toordinal() if value is not None else INF


def prepare(dataset: Dataset, ledger: Ledger | None = None) -> Prepared:
    """Arrays of measures, price rows and postings; ``ledger`` when loaded columnar."""
    activities = [a.name for a in dataset.activities]
    act = {name: i for i, name in enumerate(activities)}
    types = sorted(dataset.measure_types.values(), key=lambda t: t.code)
    tix = {t.code: i for i, t in enumerate(types)}
    aftercare = np.array([_is_aftercare(t) for t in types], dtype=bool)
    measures = [m for m in dataset.measures if m.measure_type in tix]
    hh_keys: dict[str, int] = {}
    m_hh, m_age18, m_age23, m_after = [], [], [], []
    for m in measures:
        child = dataset.children.get(m.child_key)
        key = (child.household if child and child.household else "") or m.child_key
        m_hh.append(hh_keys.setdefault(key, len(hh_keys)))
        birth = child.birth_date if child else None
        m_age18.append(_day_before_birthday(birth, 18))
        m_age23.append(_day_before_birthday(birth, 23))
        by_type = bool(aftercare[tix[m.measure_type]])
        m_after.append(by_type or is_aftercare_basis(m.legal_basis, dataset.aftercare_bases))
    rows = [(i, p) for i, m in enumerate(measures) for p in m.prices]
    ids = [m.measure_id for m in measures]
    if ledger is None:
        ledger = Ledger.from_postings(dataset.postings, activities, ids)
    reg_years, reg_cum = _regulation(dataset)
    return Prepared(
        master=dataset,
        activities=activities,
        type_codes=[t.code for t in types],
        type_activity=np.array([act.get(t.activity, -1) for t in types], dtype=np.int64),
        type_step=[str(t.ladder_step) for t in types],
        type_aftercare=aftercare,
        measure_ids=ids,
        m_type=np.array([tix[m.measure_type] for m in measures], dtype=np.int64),
        m_start=np.array([_day(m.start_date) for m in measures], dtype=np.int64),
        m_end=np.array([_day(m.end_date) for m in measures], dtype=np.int64),
        m_planned=np.array([_day(m.planned_end_date) for m in measures], dtype=np.int64),
        m_age18=np.array(m_age18, dtype=np.int64),
        m_age23=np.array(m_age23, dtype=np.int64),
        m_aftercare=np.array(m_after, dtype=bool),
        m_household=np.array(m_hh, dtype=np.int64),
        households=list(hh_keys),
        **_price_columns(rows),
        ledger=ledger,
        reg_years=reg_years,
        reg_cum=reg_cum,
    )
