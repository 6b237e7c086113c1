"""Every report test forecasts fast, with 30 simulated paths: the figures the tests and the
golden files hold were computed with 30."""

from __future__ import annotations

import pytest
from pytest_django import Settings


@pytest.fixture(autouse=True)
def _fast_forecast(fast_forecast: None, settings: Settings) -> None:
    """The shared fixture (tests/web/conftest.py), with the reports' 30 paths."""
    settings.RAMME_FORECAST_SIMULATIONS = 30
