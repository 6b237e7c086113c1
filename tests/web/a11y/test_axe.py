"""Issue 17: axe-core finds no WCAG 2.1 A/AA violation on any main page, as each persona and
at each width the accessibility statement names; at 320 px no page scrolls sideways.

The page list is :data:`ramme.web.front.accessibility.CHECKED_PAGES` (a new page is one line
there); the statement page renders the same list.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from ramme.web.front.accessibility import (
    AXE_TAGS,
    AXE_VERSION,
    CHECKED_PAGES,
    CHECKED_REPORT_FILES,
    PERSONAS,
    WIDTHS,
    CheckedPage,
)
from tests.web.a11y.conftest import DemoSite
from tests.web.browser import BROWSER_MARKS

pytestmark = [*BROWSER_MARKS, pytest.mark.slow, pytest.mark.django_db]

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": list(AXE_TAGS)}, "resultTypes": ["violations"]}


def _url(site: DemoSite, page: CheckedPage, persona: str) -> str:
    user = site.users.get(persona) or site.users["economist"]
    path = reverse(page.url_name, args=page.example(user) if page.example else ())
    query = page.query(user) if page.query else ""
    return f"{site.url}{path}{'?' + query if query else ''}"


def _violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS).response
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – "
        + "; ".join(
            str(n["target"]) + " " + n.get("failureSummary", "")[:200] for n in v["nodes"][:5]
        )
        for v in results["violations"]
    ]


# The outermost elements that stick out to the right (a table's region may scroll inside).
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth, found = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (el.parentElement.closest(".table-scroll, svg")) continue;
    const right = el.getBoundingClientRect().right;
    if (right > width + 1 && !found.some(f => f.contains(el))) found.push(el);
  }
  return found.slice(0, 4).map(el => el.outerHTML.slice(0, 90));
}"""


def _sideways_overflow(page: Any) -> str:
    """What makes the page wider than the window ("": it reflows)."""
    if page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"):
        return ""
    return " | ".join(page.evaluate(OVERFLOWING))


def _check_at_every_width(page: Any) -> list[str]:
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        problems += [f"{width} px: {v}" for v in _violations(page)]
        if overflow := _sideways_overflow(page):
            problems.append(f"{width} px: siden ruller sidelæns: {overflow}")
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    return problems


def _cases() -> list[Any]:
    cases = []
    for page in CHECKED_PAGES:
        for persona in ("public",) if page.public else PERSONAS:
            if page.editors_only and persona == "caseworker":
                continue
            cases.append(pytest.param(page, persona, id=f"{page.url_name}-{persona}"))
    return cases


@pytest.mark.parametrize(("checked", "persona"), _cases())
def test_page_has_no_wcag_violation_at_either_width(
    pages: dict[str, Any], demo_site: DemoSite, checked: CheckedPage, persona: str
) -> None:
    page = pages[persona]
    response = page.goto(_url(demo_site, checked, persona))
    assert response is not None and response.status == 200, (
        checked.label,
        response and response.status,
    )
    problems = _check_at_every_width(page)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("checked", CHECKED_REPORT_FILES, ids=lambda c: c.label)
def test_report_html_file_has_no_wcag_violation_at_either_width(
    pages: dict[str, Any], demo_site: DemoSite, checked: CheckedPage
) -> None:
    page = pages["economist"]
    response = page.request.get(_url(demo_site, checked, "economist"))
    assert response.status == 200 and response.headers["content-type"].startswith("text/html")
    page.set_content(response.text())
    problems = _check_at_every_width(page)
    assert not problems, "\n".join(problems)


def test_the_statement_names_the_axe_version_the_tests_run(
    pages: dict[str, Any], demo_site: DemoSite
) -> None:
    page = pages["public"]
    page.goto(f"{demo_site.url}{reverse('front:accessibility')}")
    _violations(page)  # injects axe
    assert page.evaluate("axe.version") == AXE_VERSION
    assert f"axe-core {AXE_VERSION}" in page.inner_text("main")
