"""Web test setup: a fast password hasher (the default one is slow on purpose), the fast
forecast, and the demo's files generated once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_django import Settings


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def fast_forecast(settings: Settings) -> Iterator[None]:
    """Forecasts with 50 simulated paths, and the per-process forecast cache emptied before
    and after: rows differ per test, and ids may repeat after a rollback. A folder opts in
    with an autouse fixture that asks for this one."""
    from ramme.web.forecasts.services import cache

    settings.RAMME_FORECAST_SIMULATIONS = 50
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo municipality's files with the seed ``ramme demo`` uses, generated once per
    run: the generator is deterministic and the modules only read them
    (``tests/web/demo/`` imports them once)."""
    from ramme.demo import generate
    from ramme.web.demo.setup import DEMO_SEED

    folder = tmp_path_factory.mktemp("demo")
    generate(folder, seed=DEMO_SEED)
    return folder
