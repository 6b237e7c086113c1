"""Every table on a page travels to Excel (?excel=<id>) with real numbers and Danish
formats; the follow-up table fits a 1366 px screen with a sticky first column,
collapsible ladder groups and a column chooser."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytest_django.live_server_helper import LiveServer

from ramme.web.accounts.models import AuditEvent, User
from ramme.web.forecasts.services import followup
from tests.web.browser import log_in
from tests.web.forecasts.conftest import AS_OF
from tests.web.personas import PASSWORD, login

DATO = {"dato": f"{AS_OF:%d.%m.%Y}"}
CHROMIUM = Path("/usr/bin/chromium")


def test_the_follow_up_table_downloads_with_numbers(example: dict[str, User]) -> None:
    response = login("erik").get("/prognose/", DATO | {"excel": "opfoelgning"})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0].value: row for row in sheet.iter_rows() if row[0].value}
    total = rows["Hovedtotal"]
    budget = followup.followup(AS_OF).table.total.budget
    assert total[2].value == round(float(budget) / 1000)  # 1.000 kr., a number
    assert "#,##0" in total[2].number_format
    assert AuditEvent.objects.filter(action="export", object_key="opfoelgning").exists()


def test_every_table_of_the_page_can_be_downloaded(example: dict[str, User]) -> None:
    client = login("erik")
    for table in ("metoder", "forklaring", "enheder", "enhedspris"):
        response = client.get("/prognose/", DATO | {"excel": table})
        assert response.status_code == 200, table
        cells = [c.value for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()
                 for c in row]  # fmt: skip
        assert any(isinstance(v, int | float) for v in cells), table
    assert client.get("/prognose/", DATO | {"excel": "findes-ikke"}).status_code == 404


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="kræver Debians chromium")
def test_the_follow_up_table_fits_1366_pixels(
    example: dict[str, User], live_server: LiveServer
) -> None:
    from playwright.sync_api import sync_playwright

    from tests.web.browser import CHROMIUM_ARGS

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 800}, locale="en-US")
            page.set_default_timeout(15_000)
            log_in(page, live_server.url, "erik", PASSWORD)
            page.goto(f"{live_server.url}/prognose/?dato={DATO['dato']}")
            result = page.locator("#opfoelgning thead th").last
            box = result.bounding_box()
            assert box is not None and box["x"] + box["width"] <= 1366
            assert page.locator("#dato").input_value() == DATO["dato"]  # not mm/dd/yyyy
            group = page.locator("#opfoelgning .group-toggle").first
            group.click()
            assert group.get_attribute("aria-expanded") == "false"
            page.get_by_text("Vælg kolonner").click()
            page.locator("#opfoelgning-kol-1").uncheck()
            assert not page.locator("#opfoelgning thead th").nth(1).is_visible()
            assert page.get_by_text("Hent «Budget og forventet regnskab").first.is_visible()
        finally:
            browser.close()
