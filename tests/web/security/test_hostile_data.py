"""Hostile but valid data never breaks a page: extreme amounts and dates, a new activity
line without any case, long texts with new lines, markup and formulas, imported and then
every URL of the app fetched by every persona. No 500 anywhere, and nothing unescaped."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from ramme.web.accounts.models import Role
from ramme.web.data.models import ActivityLine, Measure
from ramme.web.data.services.importer import import_folder
from ramme.web.plans.models import Action, ActionPlan, Indicator
from ramme.web.reports.builders import BUILDERS
from tests.web.personas import PASSWORD, make_user
from tests.web.test_import import FILES, write_folder

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
MARKUP = "<script>alert(1)</script>"
FORMULA = "=SUM(A1;A2)&cmd|' /C calc'!A0"
LONG = ("Lang tekst med æøå, " * 30)[:400]

HOSTILE = dict(FILES)
HOSTILE["activities.csv"] = (
    FILES["activities.csv"] + f'"Ny linje {MARKUP}",forebyggende,5.28.99,1,\n'
)
HOSTILE["measures.csv"] = FILES["measures.csv"].replace(
    "M3,,0207154567,FB,P1,2024-02-01,,aftale",
    f'M3,,0207154567,FB,P1,1900-01-01,2100-12-31,"{FORMULA}\nlinje 2"',
)
HOSTILE["prices.csv"] = FILES["prices.csv"] + (
    f'M3,1900-01-01,2100-12-31,base,"999.999.999.999,99",year,,nej,"{MARKUP}\n{LONG}"\n'
)
HOSTILE["postings.csv"] = FILES["postings.csv"] + (
    f'X1,31.12.2100,5.28.20,1,,999999999999.99,"{FORMULA}",M3,,\n'
    f'X2,01.01.1900,5.28.20,1,,-999999999999.99,"{MARKUP}\n{LONG}",,,\n'
)
HOSTILE["budget.csv"] = FILES["budget.csv"] + '2100,Opholdssted,vedtaget,,"999.999.999.999,99"\n'

PERSONAS = {
    "anonym": None,
    "alice": (Role.CASEWORKER, "Team Nord", False),
    "bob": (Role.CASEWORKER, "Team Syd", False),
    "tina": (Role.TEAM_LEADER, "Team Nord", False),
    "tom": (Role.TEAM_LEADER, "", False),  # a team leader without a team
    "erik": (Role.ECONOMIST, "", False),
    "hanne": (Role.HEAD, "", False),
    "olga": ("", "", False),  # no role
    "root": ("", "", True),
}
QUERIES: list[dict[str, str]] = [
    {},
    {"dato": "2100-12-31", "year": "2100", "aar": "2100"},
    {"dato": "1900-01-01", "year": "1900", "aar": "1900", "as_of": "1900-01-01"},
    {"dato": "ikke-en-dato", "year": "99999999999", "aar": "-1", "id": "0"},
]


def _patterns(patterns: list[Any], prefix: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def _values() -> dict[str, list[str]]:
    line = ActivityLine.objects.order_by("-pk").first()
    assert line is not None
    plan = ActionPlan.objects.first()
    return {
        "pk": [str(line.pk), str(plan.pk if plan else 1), "999999"],
        "plan_pk": [str(plan.pk if plan else 1)],
        "plan_id": [str(plan.pk if plan else 1)],
        "measure_id": ["M1", "M3", "ukendt"],
        "activity": [line.name, "Opholdssted", "findes-ikke"],
        "upload_id": ["1", "999999"],
        "year": ["2024", "2100", "1900"],
        "kind": [*BUILDERS, "ukendt"],
        "fmt": ["html", "pdf", "docx", "xlsx", "exe"],
        "slug": ["maaned", "aar", "ukendt"],  # the month's and the year's texts
    }


def _urls() -> list[str]:
    values = _values()
    urls = []
    for pattern in _patterns(get_resolver().url_patterns):
        if pattern.startswith(("admin/", "oidc/", "logout/", "^")):
            continue
        names = re.findall(r"<(?:\w+:)?(\w+)>", pattern)
        filled = [pattern]
        for name in names:
            filled = [
                re.sub(rf"<(?:\w+:)?{name}>", value, url, count=1)
                for url in filled
                for value in values[name]
            ]
        urls += ["/" + url for url in filled]
    return urls


def _admin_urls() -> list[str]:
    from django.contrib import admin

    urls = ["/admin/"]
    for model in admin.site._registry:
        meta = model._meta
        urls.append(f"/admin/{meta.app_label}/{meta.model_name}/")
        first = model._default_manager.first()
        if first is not None:
            urls.append(f"/admin/{meta.app_label}/{meta.model_name}/{first.pk}/change/")
    return urls


def _client(name: str) -> Client:
    client = Client(raise_request_exception=False)  # a 500 is counted, not raised
    persona = PERSONAS[name]
    if persona is not None:
        role, team, superuser = persona
        make_user(name, role, team, is_superuser=superuser, is_staff=superuser)
        assert client.login(username=name, password=PASSWORD)
    return client


@pytest.fixture
def hostile(tmp_path: Path) -> None:
    result = import_folder(write_folder(tmp_path / "data", HOSTILE))
    assert result.ok, [str(e) for e in result.errors]
    erik = make_user("planner", Role.ECONOMIST)
    plan = ActionPlan.objects.create(title=MARKUP, year=2100, start_date="1900-01-01",
                                     created_by=erik, updated_by=erik)  # fmt: skip
    Action.objects.create(plan=plan, number=1, effort_area=FORMULA, mechanism="fewer_new",
                          from_date="2100-12-01", measure_types="OPH")  # fmt: skip
    Indicator.objects.create(name=MARKUP, kind="average_price", baseline_from="1900-01-01",
                             baseline_to="2100-12-31", change=-1, target_date="2100-12-31",
                             measure_types="OPH")  # fmt: skip
    assert Measure.objects.filter(measure_id="M3", end_date__year=2100).exists()


def test_no_page_breaks_for_any_persona_on_hostile_data(hostile: None) -> None:
    urls = _urls()
    failures, fetched = [], 0
    for name in PERSONAS:
        client = _client(name)
        pages = urls + (_admin_urls() if name in ("erik", "root") else [])
        for url in pages:
            # Every query on the pages that read one; the downloads once (PDF takes a while).
            queries = QUERIES if "/hent/" not in url else QUERIES[:2]
            for query in queries:
                response = client.get(url, query)
                fetched += 1
                if response.status_code >= 500:
                    failures.append(f"{name} {url} {query}: {response.status_code}")
                elif response["Content-Type"].startswith("text/html") and (
                    MARKUP in response.content.decode(errors="replace")
                ):  # JSON, CSV and the reports' files carry the text as data
                    failures.append(f"{name} {url} {query}: unescaped markup")
    print(f"{len(PERSONAS)} personas, {len(urls)} URLs, {fetched} requests, {len(failures)} bad")
    assert not failures, "\n".join(failures[:40])
