"""The follow-up page (``/prognose/``) asks the database a bounded number of times, however
many measures and children there are (no query per row)."""

from __future__ import annotations

from django.test import Client

from ramme.web.accounts.models import User
from ramme.web.forecasts.services import cache
from tests.web.personas import PASSWORD
from tests.web.query_counts import more_cases, queries

PAGE = "/prognose/?dato=30.09.2024"
# the data version is read once per page view (cache.one_version), however many forecasts
# the page asks for (236 before, when each forecast re-read it); measured 136 cold, most of
# them the nine forecasts looked up, computed and stored (4 queries each)
MAX_QUERIES = 145


def test_the_follow_up_page_stays_within_its_query_budget(example: dict[str, User]) -> None:
    client = Client()
    assert client.login(username="erik", password=PASSWORD)
    before = queries(lambda: client.get(PAGE))
    assert before <= MAX_QUERIES


def test_the_follow_up_page_does_not_query_per_measure(example: dict[str, User]) -> None:
    client = Client()
    assert client.login(username="erik", password=PASSWORD)
    # the first unpaid measures add a data-quality finding (a fixed few queries); from then
    # on more of them must cost nothing
    more_cases(0, 2)
    client.get(PAGE)  # the first request of a session writes its own rows
    cache.case_data_changed()  # both counts cold: computed and stored while counted
    before = queries(lambda: client.get(PAGE))
    more_cases(2, 10)
    assert queries(lambda: client.get(PAGE)) == before
