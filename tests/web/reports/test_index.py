"""The reports page offers every report with its inputs; follow-up and plan pages link to them."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from ramme.web.forecasts.services.year_end import default_as_of
from ramme.web.plans.models import ActionPlan
from ramme.web.reports.builders import BUILDERS
from tests.web.personas import PASSWORD, personas
from tests.web.reports.test_monthly_data import AS_OF, example_with_plan

pytestmark = pytest.mark.django_db
LoggedIn = tuple[Client, ActionPlan]  # erik's client and the example's plan


@pytest.fixture
def logged_in(db: None) -> LoggedIn:
    user, plan, _ = example_with_plan()
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client, plan


def _section(html: str, kind: str) -> str:
    match = re.search(rf'<section id="rapport-{kind}">(.*?)</section>', html, re.S)
    assert match, f"no section for {kind}"
    return match[1]


def test_index_offers_every_report_with_its_inputs(logged_in: LoggedIn) -> None:
    client, plan = logged_in
    html = client.get("/rapporter/").content.decode()
    for kind in ("annual", "monthly", "actionplan", "portfolio"):
        assert kind in BUILDERS
        assert f"/rapporter/vis/{kind}/" in _section(html, kind)
    monthly = _section(html, "monthly")
    assert f'name="dato" id="dato" value="{default_as_of():%d.%m.%Y}"' in monthly
    assert 'placeholder="dd.mm.åååå"' in monthly  # Danish whatever the browser's language
    options = re.findall(r'<option value="(\d+)">', _section(html, "actionplan"))
    assert options == [str(plan.pk)]
    assert '<select name="year"' in _section(html, "annual")


def test_index_inputs_open_the_reports(logged_in: LoggedIn) -> None:
    client, plan = logged_in
    monthly = client.get("/rapporter/vis/monthly/", {"as_of": AS_OF.isoformat()})
    assert monthly.status_code == 200
    assert client.get("/rapporter/vis/actionplan/", {"id": plan.pk}).status_code == 200


def test_index_without_plans_says_so(db: None) -> None:
    client = Client()
    assert client.login(username=personas()["erik"].username, password=PASSWORD)
    html = client.get("/rapporter/").content.decode()
    assert "ingen handleplaner" in _section(html, "actionplan")


def test_follow_up_links_to_the_monthly_report_for_its_date(
    logged_in: LoggedIn,
) -> None:
    client, _ = logged_in
    html = client.get("/prognose/", {"dato": AS_OF.isoformat()}).content.decode()
    link = re.search(r'<a id="maanedsrapport" href="([^"]+)">Månedsrapport \(udvalg\)</a>', html)
    assert link and link[1] == f"/rapporter/vis/monthly/?as_of={AS_OF.isoformat()}"
    assert client.get(link[1].replace("&amp;", "&")).status_code == 200


def test_plan_page_links_to_the_action_plan_report(logged_in: LoggedIn) -> None:
    client, plan = logged_in
    html = client.get(f"/handleplaner/{plan.pk}/", {"dato": AS_OF.isoformat()}).content.decode()
    link = re.search(r'<a id="handleplan-rapport" href="([^"]+)">Handleplan som rapport</a>', html)
    assert link and link[1].startswith(f"/rapporter/vis/actionplan/?id={plan.pk}&amp;dato=")
    assert client.get(link[1].replace("&amp;", "&")).status_code == 200
