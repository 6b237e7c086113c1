"""The prepared data (arrays of the whole database), cached per process, and the forecasts,
stored in the database per data version (``stored``) and kept in memory once read.

Preparing reads every table; a page view should not do that each time. Both are keyed on
the data version: the latest import and a fingerprint of the master data the admin edits
(budgets, price index, catalogue), so either change is seen at once; code that changes
case data outside an import calls ``case_data_changed()``.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import TypeVar, cast

from django.db.models import Count, Max, Sum

from ramme.core.forecast import Forecast, Prepared, forecast
from ramme.web.data.dataset import load_prepared
from ramme.web.data.models import Budget, ImportRun, MeasureType, PriceIndex
from ramme.web.forecasts.services import known, stored

_prepared: dict[object, Prepared] = {}
_forecasts: dict[tuple[str, date, int, int], Forecast] = {}
_other: dict[tuple[str, object], object] = {}
MAX_FORECASTS = 64
# and at most this many measure rows in all: at all of Denmark a forecast's table holds
# 230,000 measures (70 MB), so a page keeps its forecast and the month before (the bridge),
# and the after-import task no more (its twelve month ends held 0.7 GB, four of them 0.27)
MAX_MEASURE_ROWS = 500_000
T = TypeVar("T")


def _import_key() -> object:
    """Which import the case data comes from (its id and start; an import number later)."""
    return ImportRun.objects.order_by("-pk").values_list("pk", "started_at").first()


def _master_key() -> object:
    """A fingerprint of what the admin can edit between imports.

    Budgets, price index and the catalogue are master data an economist may correct in the
    admin or on the budget page; such an edit must show on the follow-up page at once.
    """
    budget = Budget.objects.aggregate(n=Count("pk"), top=Max("pk"), total=Sum("amount"))
    index = PriceIndex.objects.aggregate(n=Count("pk"), total=Sum("rate"))
    types = MeasureType.objects.aggregate(n=Count("pk"), top=Max("pk"))
    return (tuple(budget.values()), tuple(index.values()), tuple(types.values()))


_memo: ContextVar[dict[str, object] | None] = ContextVar("ramme_data_version", default=None)


@contextmanager
def one_version() -> Iterator[None]:
    """Within the block the data version is read once: a page asks for several forecasts,
    and each would otherwise check the data's fingerprint again (4 queries)."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def _key() -> object:
    """The data version (dataversion): the one definition every cache and store keys on."""
    memo = _memo.get()
    if memo is not None and "key" in memo:
        return memo["key"]
    key = (_import_key(), _master_key())
    if memo is not None:
        memo["key"] = key
    return key


def data_version() -> str:
    """A short stable name of the data as it stands (the cache key, hashed)."""
    return hashlib.sha256(repr(_key()).encode()).hexdigest()[:32]


def per_import(name: str, build: Callable[[], T]) -> T:
    """``build()`` once per import under ``name`` (other apps' data, e.g. data quality),
    forgotten by ``clear()`` like the forecasts."""
    key = (name, _key())
    if key not in _other:
        for old in [k for k in _other if k[0] == name]:
            del _other[old]
        _other[key] = build()
    return cast(T, _other[key])


def case_data_changed() -> None:
    """Case rows changed outside an import (the data version cannot see it): forget what
    this process holds and what is stored for every process."""
    clear()
    stored.forget_all()


def clear() -> None:
    """Forget what this process holds (a fresh process: stored forecasts stay)."""
    _forget()
    memo = _memo.get()
    if memo is not None:
        memo.clear()


def _forget() -> None:
    _prepared.clear()
    _forget_results()


def _forget_results() -> None:
    """What this process computed or read from the arrays: forecasts, other apps' results,
    the data as known after earlier imports."""
    _forecasts.clear()
    _other.clear()
    known.clear()


def prepared() -> Prepared:
    """The database as forecast arrays, prepared once per import."""
    key = _key()
    if key not in _prepared:
        _forget()  # an older version's arrays; the version just read stays valid
        _prepared[key] = load_prepared()
    return _prepared[key]


def forget_forecasts(but: Forecast) -> None:
    """Forget every forecast this process holds except ``but`` (all stay stored): the
    background task, once the history chart's month ends are drawn, reads the records for
    the other figures and needs only the as-of forecast (at all of Denmark the four it held
    were 0.27 GB)."""
    for key in [k for k, fc in _forecasts.items() if fc is not but]:
        del _forecasts[key]
    gc.collect()  # now, before the records are read


def release_records() -> None:
    """Forget what the background task read beside the forecast arrays, all stored by now:
    the records behind ``Prepared.dataset``, the other apps' per-import results and the
    forecasts. Its process goes on with the earlier month ends and the backtest, which read
    the arrays only (at all of Denmark the records alone are 1.2 GB)."""
    for prep in _prepared.values():
        forget = getattr(prep.full, "cache_clear", None)  # load_prepared's reader remembers
        if forget is not None:
            forget()
    _forget_results()
    gc.collect()


def prepared_if_held() -> Prepared | None:
    """The prepared arrays when this process holds them for the data version (the
    background task after forecasting), else None: for a caller that needs only the
    dataset and would read far less than ``prepared()`` to get it."""
    return _prepared.get(_key())


def _make_room(rows: int) -> None:
    """Forget the oldest forecasts until one of ``rows`` measures fits the limits."""
    held = sum(len(fc.measures) for fc in _forecasts.values())
    while _forecasts and (len(_forecasts) >= MAX_FORECASTS or held + rows > MAX_MEASURE_ROWS):
        held -= len(_forecasts.pop(next(iter(_forecasts))).measures)


def cached_forecast(as_of: date, simulations: int, seed: int) -> Forecast:
    """``forecast(prepared(), as_of)`` as stored for the data version: read from the
    database when any process computed it, else computed here once and stored."""
    version = data_version()
    key = (version, as_of, simulations, seed)
    if key not in _forecasts:
        fc = stored.load(*key)
        if fc is None:
            fresh = forecast(prepared(), as_of, simulations=simulations, seed=seed)
            fc = stored.store(version, fresh, seed)
        _make_room(len(fc.measures))
        _forecasts[key] = fc
    return _forecasts[key]
