"""Web test setup: a fast password hasher (the default one is slow on purpose)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def fast_forecast(settings):  # type: ignore[no-untyped-def]
    """Forecasts with 50 simulated paths, and the per-process forecast cache emptied before
    and after: rows differ per test, and ids may repeat after a rollback. A folder opts in
    with an autouse fixture that asks for this one."""
    from ramme.web.forecasts.services import cache

    settings.RAMME_FORECAST_SIMULATIONS = 50
    cache.clear()
    yield
    cache.clear()
