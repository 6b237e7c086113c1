"""Issue 15, done when: on the demo each page shows its kinds of figures with Danish formats
and charts, small numbers hidden as in the reports, and the figures agree between page,
report, CLI and API.

The demo (the seed ``ramme demo`` uses) goes through the real generator and importer once
for the package (``conftest.py``); this module computes everything once, in a savepoint
that is rolled back.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from ramme.reports.renderers.html import render_body
from ramme.web.reports.builders import BUILDERS
from tests.web.demo.conftest import computed
from tests.web.personas import PASSWORD, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
AS_OF = date(2024, 12, 31)
YEAR = 2024


@dataclass(frozen=True)
class Outputs:
    pages: dict[str, str]
    api: dict[str, Any]
    cli_json: dict[str, Any]
    cli_text: str
    annual: str
    monthly: str


def _produce() -> Outputs:
    make_user("erik", "economist")
    client = Client()
    assert client.login(username="erik", password=PASSWORD)
    query = {"as_of": AS_OF.isoformat()}
    pages = {
        "benchmark": client.get("/sammenligning/", {"year": YEAR}).content.decode(),
        "offers": client.get("/sammenligning/interne-tilbud/", query).content.decode(),
        "casework": client.get("/sammenligning/underretninger/", query).content.decode(),
    }
    api = {
        "benchmark": client.get("/api/v1/benchmark", {"year": YEAR}).json(),
        "offers": client.get("/api/v1/offers", query).json(),
        "casework": client.get("/api/v1/casework", query).json(),
    }
    out, text = StringIO(), StringIO()
    call_command("benchmark", "--year", str(YEAR), "--json", stdout=out)
    call_command("benchmark", "--year", str(YEAR), stdout=text)
    today = date(2025, 1, 15)
    annual = BUILDERS["annual"].build({"year": YEAR, "today": today, "restricted": False})
    monthly = BUILDERS["monthly"].build({"as_of": AS_OF, "today": today})
    return Outputs(pages, api, json.loads(out.getvalue()), text.getvalue(),
                   render_body(annual), render_body(monthly))  # fmt: skip


@pytest.fixture(scope="module")
def demo(django_db_blocker: Any, imported_demo: Path) -> Outputs:
    return computed(django_db_blocker, _produce)


def _tables(html: str) -> dict[str, str]:
    """Every table of a rendered page or report by its caption."""
    pattern = (
        r'<figure class="table-block[^"]*"><figcaption[^>]*>(.*?)</figcaption>'
        r".*?(<table.*?</table>)"
    )
    return dict(re.findall(pattern, html, flags=re.S))


def _rows(table: str) -> dict[str, str]:
    """A table's body rows by their first cell (e.g. the month)."""
    body = table.split("<tbody>", 1)[1]
    rows = re.findall(r"<tr[^>]*>\s*<th[^>]*>(.*?)</th>(.*?)</tr>", body, flags=re.S)
    return {label: cells for label, cells in rows}


def test_the_benchmark_agrees_between_page_annual_report_cli_and_api(demo: Outputs) -> None:
    assert demo.cli_json == demo.api["benchmark"]
    page, annual = _tables(demo.pages["benchmark"]), _tables(demo.annual)
    indicators = demo.api["benchmark"]["indicators"]
    labels = [i["label"] for i in indicators if any(v for r in i["rows"] for v in r["values"])]
    assert len(labels) >= 7  # four per 1.000 / share figures and the steps' unit prices
    assert all(page[label] == annual[label] for label in labels)
    own = demo.api["benchmark"]["indicators"][1]["rows"][0]  # placed children per 1.000
    assert own["own"] and all(isinstance(v, float) for v in own["values"])
    shown = f"{own['values'][-1]:.1f}".replace(".", ",")
    assert shown in page[labels[1]] and shown in demo.cli_text


def test_the_benchmark_shows_others_and_the_country_in_danish_formats(demo: Outputs) -> None:
    page = demo.pages["benchmark"]
    assert "Hele landet" in page and "illustrativ" in page.lower()
    assert page.count("<svg") >= 4
    assert re.search(r">\d{1,3}\.\d{3}<", page)  # kroner: 19.343
    assert re.search(r">\d+,\d %<", page)  # a share: 42,9 %


def test_internal_offers_agree_between_page_monthly_report_and_api(demo: Outputs) -> None:
    page, monthly = _tables(demo.pages["offers"]), _tables(demo.monthly)
    offers = [o for o in demo.api["offers"] if any(m["children"] for m in o["months"])]
    assert len(offers) >= 3  # Familiehuset, Ungdomspensionen, DUT
    for offer in offers:
        page_rows, report_rows = _rows(page[offer["name"]]), _rows(monthly[offer["name"]])
        assert report_rows["dec. 2024"] == page_rows["dec. 2024"]
        assert len(page_rows) == 48 and len(report_rows) == 12
    dut = next(o for o in demo.api["offers"] if "DUT" in o["name"])
    december = dut["months"][-1]
    assert december["month"] == "2024-12" and december["places"] and december["caseload"]
    caseload = f"{december['caseload']:.1f}".replace(".", ",")
    assert f">{caseload}<" in _rows(page[dut["name"]])["dec. 2024"]


def test_small_numbers_are_hidden_on_every_page_and_in_the_api(demo: Outputs) -> None:
    counts = [
        m[f] for o in demo.api["offers"] for m in o["months"] for f in ("children", "waiting")
    ]
    counts += [m[f] for m in demo.api["casework"]["months"]
               for f in ("notifications", "started", "finished", "overdue")]  # fmt: skip
    assert "<5" in counts
    assert not [c for c in counts if isinstance(c, float) and 0 < c < 5]
    assert "&lt;5" in demo.pages["offers"] and "&lt;5" in demo.pages["casework"]


def test_notifications_and_investigations_agree_between_page_report_and_api(
    demo: Outputs,
) -> None:
    work = demo.api["casework"]
    assert work["has_end_dates"] and len(work["months"]) == 48
    page = _tables(demo.pages["casework"])
    report = _tables(demo.monthly)
    title = "Underretninger og undersøgelser pr. måned"
    assert _rows(report[title])["dec. 2024"] == _rows(page[title])["dec. 2024"]
    december = work["months"][-1]
    assert f">{int(december['notifications'])}<" in _rows(page[title])["dec. 2024"]
    indicator = work["indicator"][-1]
    assert indicator["year"] == YEAR and indicator["previous"] > 0
    assert indicator["achieved"] == (indicator["investigations"] <= indicator["goal"])
    assert "5 % færre børnefaglige undersøgelser" in demo.monthly
    assert len(work["teams"]) >= 2
