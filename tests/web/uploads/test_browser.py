"""A real browser uploads the demo's files, confirms, watches the progress and sees the history.

The tasks go through the database queue; the test runs django-tasks' worker in batches
while the page polls its status (the worker shares the live server's database).
"""

from __future__ import annotations

import os
import re

import pytest
from django.db import connections
from django_tasks_db.management.commands.db_worker import Worker
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from ramme.web.accounts.models import Role
from tests.web.browser import CHROMIUM, chromium_page
from tests.web.personas import PASSWORD, make_user
from tests.web.uploads.conftest import DATABASE, EXAMPLE

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's event loop, as in test_browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="kræver Debians chromium: apt-get install chromium"
    ),
]


def run_queued_tasks() -> None:
    """django-tasks' database worker: take every queued task, run it, stop.

    Inside Playwright's greenlet the ORM has connections of its own; they are closed here.
    """
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="browser-test",
        excluded_queue_names=[],
    )
    try:
        worker.run()
    finally:
        connections.close_all()


def test_an_economist_uploads_confirms_and_sees_the_import_in_the_history(
    live_server: LiveServer, settings: Settings
) -> None:
    from playwright.sync_api import expect

    settings.TASKS = DATABASE
    make_user("erik", Role.ECONOMIST)
    with chromium_page(20_000) as page:
        page.goto(f"{live_server.url}/login/?next=/import/")
        page.get_by_label("Brugernavn").fill("erik")
        page.get_by_label("Adgangskode").fill(PASSWORD)
        page.get_by_role("button", name="Log ind").click()
        page.wait_for_url(f"{live_server.url}/import/")

        page.get_by_label("Filer").set_input_files(sorted(EXAMPLE.glob("*.csv")))
        page.get_by_role("button", name="Kontrollér filerne").click()
        page.wait_for_url(re.compile(r"/import/\d+/$"))
        expect(page.get_by_label("Fremdrift")).to_be_visible()  # queued, bar shown
        run_queued_tasks()
        expect(page.get_by_role("heading", name="Det vil importen ændre")).to_be_visible()
        expect(page.locator("table.preview")).to_contain_text("postings.csv")
        expect(page.locator("table.frame-effect")).to_contain_text("Efter importen")

        page.get_by_role("button", name="Bekræft og importér").click()
        bar = page.get_by_label("Fremdrift")
        expect(bar).to_be_visible()
        run_queued_tasks()
        expect(page.get_by_role("status")).to_contain_text("Importen er gennemført")

        page.get_by_role("link", name="importhistorikken").click()
        row = page.locator("table.import-history tbody tr").first
        expect(row).to_contain_text("erik")
        expect(row).to_contain_text("browser")
        expect(row).to_contain_text("Gennemført")
        expect(row).to_contain_text("postings.csv")
