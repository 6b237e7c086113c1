"""A real browser creates a plan with two actions and sees its effect table."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import Page
from pytest_django.live_server_helper import LiveServer

from tests.web.browser import CHROMIUM, chromium_page, log_in
from tests.web.personas import PASSWORD, make_line, make_measure, make_user

# Playwright's sync API runs an event loop; Django refuses ORM calls inside one unless told.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="kræver Debians chromium"),
]


def _add_action(page: Page, base: str, area: str, mechanism: str, amount: str) -> None:
    page.get_by_role("link", name="Tilføj handling").click()
    page.get_by_label("Indsatsområde", exact=True).fill(area)
    page.get_by_label("Virkemiddel").select_option(mechanism)
    page.get_by_label("Indsatstyper (koder)").fill("OPH")
    page.get_by_label("Virker fra").fill("2021-05-01")
    for month in ("maj", "jun", "jul"):
        page.get_by_label(f"{month} 2021").fill(amount)
    page.get_by_role("button", name="Gem handling").click()
    page.wait_for_selector("#effekt")


def test_a_plan_with_two_actions_shows_its_effect_table(live_server: LiveServer) -> None:
    make_line("Opholdssted", "indgribende")
    make_measure("M1", "alice", "Team Nord")
    make_user("erik", "economist")
    with chromium_page() as page:
        log_in(page, live_server.url, "erik", PASSWORD)
        page.goto(f"{live_server.url}/handleplaner/ny/")
        page.get_by_label("Titel", exact=True).fill("Handleplan 2021")
        page.get_by_label("År", exact=True).fill("2021")
        page.get_by_label("Opstart af handleplan").fill("2021-04-22")
        page.get_by_role("button", name="Gem handleplan").click()
        page.wait_for_selector("#effekt")
        _add_action(page, live_server.url, "5.20 opholdssteder", "fewer_new", "310000")
        _add_action(page, live_server.url, "5.21 forebyggende", "lower_price", "100000")
        table = page.locator("#effekt")
        assert table.get_by_text("5.20 opholdssteder").is_visible()
        assert table.get_by_text("5.21 forebyggende").is_visible()
        assert table.locator("tfoot").get_by_text("Effekt af handlinger i alt").is_visible()
        assert table.locator("tfoot td").first.inner_text() == "1.230.000"
        assert page.locator("#forventet-effekt tfoot").get_by_text("410.000").first.is_visible()
