"""In a real browser (Debian's chromium via Playwright): the menu leads to the benchmark,
the chart and the table are shown, and choosing a year reloads the page for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_django.live_server_helper import LiveServer

from ramme.web.data.services.importer import import_folder
from tests.web.browser import CHROMIUM, chromium_page, log_in
from tests.web.personas import PASSWORD, make_user
from tests.web.test_import import write_folder
from tests.web.test_import_v2 import V2

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="kræver Debians chromium: apt-get install chromium"
    ),
]


def test_the_menu_leads_to_the_benchmark_with_chart_and_table(
    live_server: LiveServer, tmp_path: Path
) -> None:
    assert import_folder(write_folder(tmp_path / "data", V2)).ok
    make_user("erik", "economist")
    with chromium_page(20_000) as page:
        log_in(page, live_server.url, "erik", PASSWORD)
        page.get_by_role("navigation", name="Hovedmenu").get_by_role(
            "link", name="Sammenligning"
        ).click()
        page.wait_for_url(f"{live_server.url}/sammenligning/")
        assert page.get_by_role(
            "heading", level=1, name="Sammenligning med andre kommuner"
        ).is_visible()
        assert page.locator("figure.chart-block svg").first.is_visible()
        table = page.locator("figure.table-block", has_text="Nettoudgift pr. 0-17-årig")
        assert table.get_by_text("16.250").is_visible()  # Aabenraa, from benchmark.csv
        page.get_by_label("År", exact=True).first.select_option("2024")
        page.get_by_role("button", name="Vis").click()
        page.wait_for_url("**year=2024")
        assert page.get_by_text("Sammenligning med andre kommuner 2021-2024").is_visible()
