"""Issue 12, "columns, not objects", on the demo municipality: ``load_prepared`` (columns)
gives every array of the record path and the same forecast, now and as known after the
import (``tests/web/data/test_prepared_columns.py``: a world with two imports)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ramme.core.forecast import Prepared
from ramme.web.data.dataset import load_prepared
from ramme.web.data.versions import latest_import_number
from tests.web.data.test_prepared_columns import (
    assert_same_arrays,
    assert_same_forecast,
    by_records,
)
from tests.web.demo.conftest import computed

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def _both() -> list[tuple[Prepared, Prepared]]:
    number = latest_import_number()
    assert number is not None
    return [(load_prepared(k), by_records(k)) for k in (None, number)]


@pytest.fixture(scope="module")
def pairs(django_db_blocker: Any, imported_demo: Path) -> list[tuple[Prepared, Prepared]]:
    return computed(django_db_blocker, _both)


def test_the_demos_columns_are_the_records_arrays(pairs: list[tuple[Prepared, Prepared]]) -> None:
    for new, old in pairs:
        assert len(new.measure_ids) > 1000 and len(new.ledger.day) > 10_000
        assert_same_arrays(new, old)


def test_the_demos_forecast_is_the_same(pairs: list[tuple[Prepared, Prepared]]) -> None:
    new, old = pairs[0]
    assert_same_forecast(new, old, date(2024, 9, 30))
