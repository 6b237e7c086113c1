"""Issue 17: the follow-up page, a line and a plan work with the keyboard alone, and focus can
always be seen (a ring of at least 3:1 on whatever lies behind it)."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.urls import reverse

from ramme.web.plans.models import ActionPlan
from tests.web.a11y.conftest import DemoSite
from tests.web.a11y.keyboard import focused, ring_problem, tab_through, tab_to
from tests.web.browser import BROWSER_MARKS

pytestmark = [*BROWSER_MARKS, pytest.mark.slow, pytest.mark.django_db]


def _open(page: Any, site: DemoSite, path: str, width: int = 1280) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{site.url}{path}")


def _every_stop_shows_focus(page: Any) -> list[dict[str, Any]]:
    stops = tab_through(page)
    problems = [p for p in map(ring_problem, stops) if p]
    assert not problems, "\n".join(problems)
    return stops


def _is_region(info: dict[str, Any]) -> bool:
    role: str = info["role"]
    return role == "region"


def test_follow_up_page_works_by_keyboard_with_visible_focus(
    pages: dict[str, Any], demo_site: DemoSite
) -> None:
    page = pages["economist"]
    _open(page, demo_site, reverse("forecasts:follow_up"))
    stops = _every_stop_shows_focus(page)
    assert stops[0]["name"] == "Gå til indhold"
    assert any(s["name"] == "Log ud" for s in stops)  # the header's controls are reachable
    assert sum(map(_is_region, stops)) >= 5  # every wide table can be scrolled by keyboard

    # the skip link takes focus past the header to the page's first control
    page.evaluate("window.scrollTo(0, 0)")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    now = focused(page)
    assert now is not None and now["name"] != "Log ud"
    assert page.evaluate("document.activeElement.closest('main') !== null")

    # the chart's numbers open as a table with Enter
    tab_to(page, lambda i: i["tag"] == "summary" and i["name"].startswith("Vis tallene"))
    page.keyboard.press("Enter")
    assert page.locator("figure.chart-block details table").first.is_visible()

    # a line opens with Enter on its link
    tab_to(
        page,
        lambda i: i["tag"] == "a" and "/linje/" in page.evaluate("document.activeElement.href"),
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/prognose/linje/**")


def test_a_wide_table_scrolls_with_the_arrow_keys_at_320_px(
    pages: dict[str, Any], demo_site: DemoSite
) -> None:
    page = pages["economist"]
    _open(page, demo_site, reverse("forecasts:follow_up"), width=320)
    region = tab_to(page, _is_region)
    assert region["name"].startswith("Budget og forventet regnskab")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    # (scrolling may be animated: wait for it rather than read at once; wait_for_function
    # would need 'unsafe-eval', which the Content-Security-Policy refuses)
    deadline = time.monotonic() + 5
    while page.evaluate("document.activeElement.scrollLeft") <= 0 and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert page.evaluate("document.activeElement.scrollLeft") > 0
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")


def test_line_page_works_by_keyboard_with_visible_focus(
    pages: dict[str, Any], demo_site: DemoSite
) -> None:
    page = pages["caseworker"]
    _open(page, demo_site, reverse("forecasts:follow_up"))
    region = page.get_by_role("region", name="Budget og forventet regnskab")
    region.get_by_role("link").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/prognose/linje/**")
    _every_stop_shows_focus(page)
    tab_to(page, lambda i: i["tag"] == "summary")
    page.keyboard.press(" ")
    table = page.locator("figure.chart-block details table").first
    assert table.is_visible()
    assert table.locator("tbody tr").count() >= 1
    # her own cases open from the list of measures, by keyboard
    tab_to(
        page,
        lambda i: i["tag"] == "a" and "/indsats/" in page.evaluate("document.activeElement.href"),
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/prognose/indsats/**")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Indsats ")


def test_plan_page_works_by_keyboard_with_visible_focus(
    pages: dict[str, Any], demo_site: DemoSite
) -> None:
    page = pages["economist"]
    plan = ActionPlan.objects.order_by("pk").first()
    assert plan is not None
    _open(page, demo_site, reverse("plans:detail", args=[plan.pk]))
    stops = _every_stop_shows_focus(page)
    assert any(s["name"] == "Tilføj handling" for s in stops)
    # an empty new action, sent with Enter, comes back with its errors and nothing is saved
    actions = plan.actions.count()
    tab_to(page, lambda i: i["name"] == "Tilføj handling")
    page.keyboard.press("Enter")
    page.wait_for_url("**/handling/ny/")
    tab_to(page, lambda i: i["name"] == "Gem handling")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".error").count() >= 1
    assert plan.actions.count() == actions
    _every_stop_shows_focus(page)
