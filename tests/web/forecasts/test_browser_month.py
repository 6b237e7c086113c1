"""The economist's month in a real browser (Debian's chromium, an English one): correct a
budget, write the month's texts, approve the forecast, download the monthly report in all
four formats."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from pytest_django.live_server_helper import LiveServer

from ramme.web.accounts.models import User
from ramme.web.data.models import Budget
from ramme.web.forecasts.models import ForecastSnapshot
from tests.web.browser import CHROMIUM, CHROMIUM_ARGS, log_in
from tests.web.personas import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="kræver Debians chromium"),
]
DAY = "30.09.2024"
CHALLENGE = "Flere **underretninger** end sidste år"


def test_an_economist_does_her_month_in_the_browser(
    example: dict[str, User], live_server: LiveServer, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="en-US",
                                    accept_downloads=True)  # fmt: skip
            page.set_default_timeout(20_000)
            log_in(page, live_server.url, "erik", PASSWORD)

            page.goto(f"{live_server.url}/prognose/?dato={DAY}")
            page.locator("#budget-link").click()
            page.locator("#id_activity").select_option(label="Opholdssted")
            page.get_by_label("Art").select_option("korrigeret")
            page.get_by_label("Beløb (kr.)").fill("2.300.000")
            page.get_by_label("Dato (korrektion)").fill("27.09.2024")
            page.get_by_label("Note").fill("3. budgetopfølgning")
            page.get_by_role("button", name="Gem budget").click()
            page.get_by_text("er gemt").wait_for()
            assert page.get_by_text("2.300.000 kr.").first.is_visible()

            page.goto(f"{live_server.url}/prognose/?dato={DAY}")
            page.locator("#tekster").click()
            page.get_by_label("Udfordringerne", exact=True).fill(CHALLENGE)
            page.get_by_role("button", name="Gem tekster").click()
            page.get_by_text("1 tekst gemt").wait_for()

            page.goto(f"{live_server.url}/prognose/?dato={DAY}")
            page.get_by_role("button", name="Godkend månedens prognose").click()
            page.get_by_text("godkendt af erik").wait_for()

            page.locator("#maanedsrapport").click()
            files = {}
            for label in ("HTML", "PDF", "Word", "Excel"):
                with page.expect_download() as info:
                    page.get_by_role("link", name=label, exact=True).click()
                target = tmp_path / info.value.suggested_filename
                info.value.save_as(target)
                files[label] = target.read_bytes()
        finally:
            browser.close()
    assert Budget.objects.filter(note="3. budgetopfølgning", entered_by="erik").exists()
    assert ForecastSnapshot.objects.get(as_of="2024-09-30").approved_by == "erik"
    assert "<strong>underretninger</strong>" in files["HTML"].decode()
    assert files["PDF"].startswith(b"%PDF")
    words = " ".join(p.text for p in Document(io.BytesIO(files["Word"])).paragraphs)
    assert "Flere underretninger end sidste år" in words
    book = load_workbook(io.BytesIO(files["Excel"]))
    assert "Budgetopfølgning" in book.sheetnames
    budget_rows = [r for r in book["Budgetopfølgning"].iter_rows(values_only=True)
                   if r[0] == "Opholdssted"]  # fmt: skip
    assert budget_rows and budget_rows[0][1] == 2300  # the corrected budget, 1.000 kr.
