"""The review lists and the indicator list ask the database a fixed number of times,
however many measures there are (no query per row)."""

from __future__ import annotations

import pytest
from django.test import Client

from ramme.web.accounts.models import User
from tests.web.forecasts.conftest import example  # noqa: F401  (the fixture)
from tests.web.personas import PASSWORD
from tests.web.query_counts import more_cases, queries

PAGES = ("/handleplaner/opfoelgning/?dato=30.09.2024", "/handleplaner/pejlemaerker/")
MAX_QUERIES = 25  # measured 16 and 12 on the example municipality


@pytest.fixture(autouse=True)
def _fast_forecast(fast_forecast: None) -> None:
    """The lists forecast too (the shared fixture in tests/web/conftest.py)."""


@pytest.mark.parametrize("page", PAGES)
def test_a_review_list_stays_within_its_query_budget(example: dict[str, User], page: str) -> None:  # noqa: F811
    client = Client()
    assert client.login(username="erik", password=PASSWORD)
    client.get(page)  # the first request of a session writes its own rows
    more_cases(0, 2)
    before = queries(lambda: client.get(page))
    assert before <= MAX_QUERIES
    more_cases(2, 10)
    assert queries(lambda: client.get(page)) == before
