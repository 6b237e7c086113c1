"""The case-based year-end forecast (forventet regnskab) and its companions.

API (pure; the web and CLI call these):
- ``forecast(dataset, as_of, *, simulations, seed) -> Forecast``
- ``backtest.backtest(dataset, year) -> BacktestResult``
- ``simple_methods(dataset, as_of) -> SimpleMethods`` (run-rate, cases × price, periodised)
- ``bridge.bridge(before, after) -> Bridge`` (inflow, outflow, changes, expectations)
- ``decompose.decompose(dataset, year, as_of) -> Decomposition`` (volume, price, mix)
- ``prepare(dataset, ledger)`` once, then pass the ``Prepared`` to save work.

Only the data and result types load with the package; the other names load their module
on first use (``__getattr__``), so reading a stored forecast (``ramme forecast --json``)
does not import the engine's companions (issue 12). ``backtest``, ``bridge`` and
``decompose`` are imported from their modules: the package's attribute of that name is
the submodule once it is loaded, so it cannot also be the function.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from ramme.core.forecast.data import Ledger, Prepared, prepare
from ramme.core.forecast.results import Components, Forecast, LineForecast, MeasureTable

if TYPE_CHECKING:
    from ramme.core.forecast.backtest import BacktestMonth, BacktestResult
    from ramme.core.forecast.baselines import (
        METHOD_LABELS,
        MethodsLine,
        SimpleMethods,
        simple_methods,
    )
    from ramme.core.forecast.bridge import Bridge, BridgeItem
    from ramme.core.forecast.decompose import (
        Decomposition,
        LineChange,
        TypeVolume,
        budget_volumes,
        explain,
        volumes_from_forecast,
        volumes_in_year,
    )
    from ramme.core.forecast.engine import forecast
    from ramme.core.forecast.model import Config

_LAZY = {
    "backtest": ("BacktestMonth", "BacktestResult"),
    "baselines": ("METHOD_LABELS", "MethodsLine", "SimpleMethods", "simple_methods"),
    "bridge": ("Bridge", "BridgeItem"),
    "decompose": (
        "Decomposition",
        "LineChange",
        "TypeVolume",
        "budget_volumes",
        "explain",
        "volumes_from_forecast",
        "volumes_in_year",
    ),
    "engine": ("forecast",),
    "model": ("Config",),
}
_MODULE_OF = {name: module for module, names in _LAZY.items() for name in names}


if not TYPE_CHECKING:  # hidden from mypy, so a misspelt name is still an error there

    def __getattr__(name: str) -> object:
        """A lazy name from its module; anything else is missing (a submodule then imports)."""
        module = _MODULE_OF.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(import_module(f"{__name__}.{module}"), name)
        globals()[name] = value  # later look-ups skip __getattr__
        return value


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
    "budget_volumes",
    "explain",
    "forecast",
    "prepare",
    "simple_methods",
    "volumes_from_forecast",
    "volumes_in_year",
]
