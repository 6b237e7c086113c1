"""One real browser (Debian's chromium, driven by Playwright) logs in and sees the start page."""

from __future__ import annotations

import os
from datetime import date

import pytest
from pytest_django.live_server_helper import LiveServer

from tests.web.browser import CHROMIUM, chromium_page
from tests.web.personas import PASSWORD, make_line, make_user, post

# Playwright's sync API runs an event loop; Django refuses ORM calls inside one unless told.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="kræver Debians chromium: apt-get install chromium"
    ),
]


def test_login_shows_the_start_page_in_danish(live_server: LiveServer) -> None:
    post("1", date(2024, 2, 1), "1234567.40", make_line("Opholdssted", "indgribende"))
    make_user("erik", "economist")
    with chromium_page() as page:
        page.goto(f"{live_server.url}/")
        assert "/login/" in page.url  # not logged in yet
        page.get_by_label("Brugernavn").fill("erik")
        page.get_by_label("Adgangskode").fill(PASSWORD)
        page.get_by_role("button", name="Log ind").click()
        page.wait_for_url(f"{live_server.url}/")
        assert page.get_by_role("heading", name="Forside").is_visible()
        assert page.locator("table.ledger").get_by_text("1.234.567").first.is_visible()
