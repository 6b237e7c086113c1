"""Issue 4, done when: on the demo municipality the backtest at the end of March, June and
September has a mean absolute error at most a third of the run-rate's, and P10-P90 coverage
between 60 % and 95 % (counted over activity lines × forecast dates).

The demo (the seed ``ramme demo`` uses) goes through the real generator and importer once
for the package (``conftest.py``); this module computes everything once, in a savepoint
that is rolled back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ramme.core.forecast import Prepared
from ramme.core.forecast.backtest import ACCEPTANCE_MONTHS, backtest
from ramme.web.data.dataset import load_prepared
from tests.web.demo.conftest import computed

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture(scope="module")
def demo(django_db_blocker: Any, imported_demo: Path) -> Prepared:
    return computed(django_db_blocker, load_prepared)


@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_backtest_beats_a_third_of_the_run_rate_with_honest_bands(
    demo: Prepared, year: int
) -> None:
    result = backtest(demo, year, months=ACCEPTANCE_MONTHS, simulations=200)
    mae, run_rate = result.mae_pct(), result.run_rate_mae_pct()
    assert mae <= run_rate / 3, (mae, run_rate)
    assert 0.6 <= result.line_coverage() <= 0.95, result.line_coverage()
    assert result.accepted()
