"""Shared test setup: the database marker, personas and small helpers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_django import Settings


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="write the golden files of the report tests anew (then review the diff)",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Tests that touch the database run a second time against PostgreSQL (-m database).
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if item.get_closest_marker("django_db") or {"db", "transactional_db", "live_server"} & set(
            fixtures
        ):
            item.add_marker(pytest.mark.database)


@pytest.fixture(autouse=True)
def _no_accuracy_after_import(settings: Settings) -> None:
    # Every import would queue a whole backtest; the tests of that hook turn it back on.
    settings.RAMME_ACCURACY_AFTER_IMPORT = False
    # likewise the stored forecasts: a page computes and stores the one it needs
    settings.RAMME_FORECAST_AFTER_IMPORT = False


@pytest.fixture(autouse=True)
def _fresh_per_import_caches(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each database test starts without what an earlier test cached per data version
    (the plan data, the review lists): ids repeat after a rollback, so the version would
    look the same while the rows differ."""
    if request.node.get_closest_marker("database") is None:
        yield
        return
    from ramme.web.forecasts.services import cache

    cache.clear()
    yield
    cache.clear()
