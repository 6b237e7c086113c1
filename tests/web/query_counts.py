"""Counting SQL statements for the query-count tests of pages and report builders."""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext

from ramme.web.forecasts.services import cache
from tests.web.personas import make_measure


def queries(call: Callable[[], object]) -> int:
    """How many SQL statements ``call`` sends, with an empty forecast cache."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


def more_cases(first: int, count: int) -> None:
    """``count`` more measures of new children without payments, on the example's lines."""
    for number in range(first, first + count):
        make_measure(f"EKSTRA-{number}", "alice", "Team Nord")
    cache.case_data_changed()  # no import: the data version cannot see the new rows
