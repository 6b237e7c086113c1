"""The benchmark, internal-offer and notification pages, for a municipality without the
optional files (a plain explanation, never an error) and with them (Danish figures)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.test import Client

from ramme.web.benchmark import sections
from ramme.web.data.services.importer import import_folder
from tests.web.forecasts.conftest import EXAMPLE
from tests.web.personas import PASSWORD, make_user
from tests.web.test_import import write_folder
from tests.web.test_import_v2 import V2

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse  # the test client's response (stubs)

PAGES = ("/sammenligning/", "/sammenligning/interne-tilbud/", "/sammenligning/underretninger/")


@pytest.fixture(autouse=True)
def _fresh_cache(fast_forecast: None) -> None:
    """Every test here forecasts fast (the shared fixture in tests/web/conftest.py)."""


def _client(role: str = "caseworker", team: str = "Team Nord") -> Client:
    user = make_user("alice", role, team)
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def _text(response: _MonkeyPatchedWSGIResponse) -> str:
    return response.content.decode()


@pytest.mark.django_db
def test_the_pages_need_a_login() -> None:
    for page in PAGES:
        response = Client().get(page)
        assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.django_db
def test_without_the_optional_files_each_page_says_what_to_supply() -> None:
    assert import_folder(EXAMPLE).ok
    client = _client()
    expected = {
        PAGES[0]: [sections.ASK_POPULATION, sections.ASK_BENCHMARK],
        PAGES[1]: [sections.ASK_STAFF, sections.ASK_WAITING],
        PAGES[2]: [sections.ASK_END_DATES],
    }
    for page, asks in expected.items():
        response = client.get(page)
        assert response.status_code == 200, page
        body = _text(response)
        for ask in asks:
            assert ask.split(" (")[0] in body, (page, ask)


@pytest.mark.django_db
def test_an_empty_database_shows_the_explanations_too() -> None:
    client = _client()
    for page in PAGES:
        assert client.get(page).status_code == 200
    assert "Indlæs events.csv" in _text(client.get(PAGES[2]))


@pytest.mark.django_db
def test_with_the_optional_files_the_pages_show_danish_figures_and_charts(tmp_path: Path) -> None:
    assert import_folder(write_folder(tmp_path / "data", V2)).ok
    client = _client("economist", "")
    benchmark = _text(client.get(PAGES[0], {"year": "2024"}))
    assert "Hele landet" in benchmark and "9,0" in benchmark and "16.250" in benchmark
    assert "<svg" in benchmark and sections.ASK_POPULATION not in benchmark
    offers = _text(client.get(PAGES[1], {"as_of": "2024-12-31"}))
    assert "Kommunens familiehus" in offers or "Familiehuset" in offers
    assert "<svg" in offers and sections.ASK_STAFF not in offers
    work = _text(client.get(PAGES[2], {"as_of": "2024-12-31"}))
    assert "5 % færre børnefaglige undersøgelser" in work
    assert "&lt;5" in work  # one investigation: a count of 1-4 is hidden


@pytest.mark.django_db
def test_the_menu_links_the_benchmark_and_each_page_the_other_two() -> None:
    client = _client()
    assert f'href="{PAGES[0]}"' in _text(client.get("/"))
    for page in PAGES:
        body = _text(client.get(page))
        assert all(f'href="{other}"' in body for other in PAGES)
        assert f'href="{page}" aria-current="page"' in body
