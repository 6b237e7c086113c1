"""The case-based year-end forecast (forventet regnskab) and its companions.

API (pure; the web and CLI call these):
- ``forecast(dataset, as_of, *, simulations, seed) -> Forecast``
- ``backtest(dataset, year) -> BacktestResult``
- ``simple_methods(dataset, as_of) -> SimpleMethods`` (run-rate, cases × price, periodised)
- ``bridge(before, after) -> Bridge`` (inflow, outflow, changes, expectations)
- ``decompose(dataset, year, as_of) -> Decomposition`` (volume, price, mix)
- ``prepare(dataset, ledger)`` once, then pass the ``Prepared`` to save work.
"""

from __future__ import annotations

from ramme.core.forecast.backtest import BacktestMonth, BacktestResult, backtest
from ramme.core.forecast.baselines import METHOD_LABELS, MethodsLine, SimpleMethods, simple_methods
from ramme.core.forecast.bridge import Bridge, BridgeItem, bridge
from ramme.core.forecast.data import Ledger, Prepared, prepare
from ramme.core.forecast.decompose import (
    Decomposition,
    LineChange,
    TypeVolume,
    budget_volumes,
    decompose,
    explain,
    volumes_from_forecast,
    volumes_in_year,
)
from ramme.core.forecast.engine import forecast
from ramme.core.forecast.model import Config
from ramme.core.forecast.results import Components, Forecast, LineForecast, MeasureTable

__all__ = [
    "METHOD_LABELS",
    "BacktestMonth",
    "BacktestResult",
    "Bridge",
    "BridgeItem",
    "Components",
    "Config",
    "Decomposition",
    "Forecast",
    "Ledger",
    "LineChange",
    "LineForecast",
    "MeasureTable",
    "MethodsLine",
    "Prepared",
    "SimpleMethods",
    "TypeVolume",
    "backtest",
    "bridge",
    "budget_volumes",
    "decompose",
    "explain",
    "forecast",
    "prepare",
    "simple_methods",
    "volumes_from_forecast",
    "volumes_in_year",
]
