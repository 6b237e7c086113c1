"""The OpenAPI schema lists the issue's paths; the docs page loads without the internet."""

from __future__ import annotations

import os
import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from playwright.sync_api import Route
from pytest_django.live_server_helper import LiveServer

from tests.web.browser import CHROMIUM, chromium_page
from tests.web.personas import make_user

PATHS = {
    "/api/v1/forecast",
    "/api/v1/lines",
    "/api/v1/lines/{activity}",
    "/api/v1/measures/{measure_id}",
    "/api/v1/plans",
    "/api/v1/plans/{plan_id}",
    "/api/v1/indicators",
    "/api/v1/reviews",
    "/api/v1/backtest",
}


def test_openapi_schema_lists_every_path_with_bearer_auth(db: None) -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    assert set(schema["paths"]) >= PATHS
    assert schema["components"]["securitySchemes"]["BearerToken"]["scheme"] == "bearer"
    forecast = schema["paths"]["/api/v1/forecast"]["get"]
    assert [p["name"] for p in forecast["parameters"]] == ["as_of", "known_at"]


def test_docs_page_uses_only_local_assets(db: None) -> None:
    page = Client().get("/api/v1/docs").content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets and all(a.startswith("/static/ninja/") for a in assets), assets
    for asset in assets:
        assert finders.find(asset.removeprefix("/static/")), asset


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="kræver Debians chromium")
def test_docs_render_in_a_browser_cut_off_from_the_internet(live_server: LiveServer) -> None:
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    make_user("erik", "economist")
    outside: list[str] = []
    with chromium_page() as page:

        def only_local(route: Route) -> None:
            if route.request.url.startswith(live_server.url):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", only_local)
        page.goto(f"{live_server.url}/api/v1/docs")
        heading = page.get_by_role("heading", name=re.compile("ramme API"))
        heading.wait_for()  # drawn by Swagger UI's script, so only if it loaded
        assert heading.is_visible()
        page.get_by_text("/api/v1/measures/{measure_id}").first.wait_for()
    assert not outside, outside
