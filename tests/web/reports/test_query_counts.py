"""The monthly report's builder asks the database a bounded number of times, however many
measures there are (no query per row)."""

from __future__ import annotations

from datetime import date

from ramme.web.accounts.models import User
from ramme.web.reports.builders import BUILDERS
from tests.web.forecasts.conftest import example  # noqa: F401  (the fixture)
from tests.web.query_counts import more_cases, queries

OPTIONS = {"as_of": date(2024, 9, 30), "today": date(2024, 10, 5)}
# measured 95 cold on the example municipality; 141 once the follow-up's figures are stored
# per data version: a cold build computes and stores the pages' figures with it, the year's
# earlier month ends (deterministic forecasts) for the history chart included, which the
# background task otherwise computes after the import and the pages then read
MAX_QUERIES = 160


def test_the_monthly_report_builder_does_not_query_per_measure(
    example: dict[str, User],  # noqa: F811
) -> None:
    more_cases(0, 2)
    before = queries(lambda: BUILDERS["monthly"].build(dict(OPTIONS)))
    assert before <= MAX_QUERIES
    more_cases(2, 10)
    assert queries(lambda: BUILDERS["monthly"].build(dict(OPTIONS))) == before
