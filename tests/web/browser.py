"""How the browser tests start Debian's chromium (shared by every browser test module)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="kræver Debians chromium: apt-get install chromium"
    ),
]


def log_in(page: Any, base_url: str, username: str, password: str) -> None:
    """Log in through the login form, as a user does."""
    page.goto(f"{base_url}/login/")
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").click()


@contextmanager
def chromium_page(timeout_ms: int = 15_000, **options: Any) -> Iterator[Any]:
    """A new page (``options`` as Playwright's ``new_page``) in Debian's chromium, which is
    closed afterwards however the test ends."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(**options)
            page.set_default_timeout(timeout_ms)
            yield page
        finally:
            browser.close()
