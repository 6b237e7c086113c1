"""Every report test forecasts fast, with 30 simulated paths: the figures the tests and the
golden files hold were computed with 30."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _fast_forecast(fast_forecast: None, settings) -> None:  # type: ignore[no-untyped-def]
    """The shared fixture (tests/web/conftest.py), with the reports' 30 paths."""
    settings.RAMME_FORECAST_SIMULATIONS = 30
