"""One demo municipality, one live server and one browser for every accessibility test.

Building the demo (``ramme demo``'s own ``prepare_demo``) and logging in are the slow part,
so they happen once for this package; its tests only read, and the database is emptied
again when the package is done, so the rest of the suite starts from an empty database.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connections
from django.test.utils import override_settings

from tests.web.browser import CHROMIUM, CHROMIUM_ARGS, log_in

# Playwright's sync API runs an event loop; Django refuses ORM calls inside one unless told.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@dataclass(frozen=True)
class DemoSite:
    url: str
    users: dict[str, Any]  # persona -> User
    password: str


@pytest.fixture(scope="package")
def demo_site(
    browser: Any,
    django_db_setup: None,
    django_db_blocker: Any,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[DemoSite]:
    # Playwright is started first (``browser``): once it runs, code runs in its greenlet's
    # context, and Django's connections are per context. Building the demo in that same
    # context gives the tests, their transactions and the live server one shared SQLite
    # connection; built before, a second connection would lock the in-memory database.
    from pytest_django.live_server_helper import LiveServer

    from ramme.web.accounts.models import User
    from ramme.web.demo.setup import DEMO_PASSWORD, ECONOMIST, prepare_demo
    from ramme.web.forecasts.services import cache

    with (
        django_db_blocker.unblock(),
        override_settings(
            RAMME_FORECAST_SIMULATIONS=50,
            # the package-wide demo is built before the per-test settings apply: no queued
            # forecasts (the pages would say "beregnes" with no worker running)
            RAMME_FORECAST_AFTER_IMPORT=False,
            RAMME_ACCURACY_AFTER_IMPORT=False,
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
    ):
        cache.clear()
        state = prepare_demo(tmp_path_factory.mktemp("a11y-var"))
        users = {
            "economist": User.objects.get(username=ECONOMIST),
            "caseworker": User.objects.get(username=state.caseworker),
        }
        server = LiveServer("127.0.0.1:0")
        try:
            yield DemoSite(server.url, users, DEMO_PASSWORD)
        finally:
            server.stop()
            cache.clear()
            call_command("flush", interactive=False, verbosity=0)
            connections.close_all()  # ours, in Playwright's context (the session's is apart)


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _logged_in(browser: Any, site: DemoSite, username: str) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    context.set_default_timeout(30_000)
    page = context.new_page()
    log_in(page, site.url, username, site.password)
    page.wait_for_url(f"{site.url}/")
    return page


@pytest.fixture(scope="package")
def pages(browser: Any, demo_site: DemoSite) -> Iterator[dict[str, Any]]:
    """A logged-in page per persona, and an anonymous one ("public")."""
    opened = {
        persona: _logged_in(browser, demo_site, user.username)
        for persona, user in demo_site.users.items()
    }
    anonymous = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    opened["public"] = anonymous.new_page()
    yield opened
    for page in opened.values():
        page.context.close()
