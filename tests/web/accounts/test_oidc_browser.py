"""Single sign-on in a real browser: ramme's button, the provider's form, back logged in."""

from __future__ import annotations

import os

import pytest
from pytest_django.live_server_helper import LiveServer

from tests.web.accounts.conftest import Provider
from tests.web.browser import CHROMIUM, chromium_page

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's loop beside the ORM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="kræver Debians chromium: apt-get install chromium"
    ),
]


def test_team_leader_logs_in_through_the_identity_provider(
    live_server: LiveServer, sso: Provider
) -> None:
    sso.add_user(
        "tina-sub", preferred_username="tina", name="Tina Teamleder",
        groups=["grp-teamledere", "grp-syd"],
    )  # fmt: skip
    with chromium_page() as page:
        page.goto(f"{live_server.url}/")
        page.get_by_role("link", name="Log ind med Testkommunens login").click()
        page.get_by_placeholder("sub").fill("tina-sub")  # the provider's own form
        page.get_by_role("button", name="Authorize").click()
        page.wait_for_url(f"{live_server.url}/")
        assert page.get_by_role("heading", name="Forside").is_visible()
        assert page.get_by_text("Tina Teamleder (Teamleder)").is_visible()
