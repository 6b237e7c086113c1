"""The demo portfolio workbook (seed 003) imports through the real importer, idempotently."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytest_django import Settings

from ramme.reports.model import Report
from ramme.web.demo.portfolio import (
    ensure_demo_portfolio,
    link_demo_initiatives,
    write_workbook,
)
from ramme.web.demo.portfolio_data import INITIATIVES
from ramme.web.reports.builders import BUILDERS
from ramme.web.reports.models import FocusArea, Initiative, InitiativeBudgetNeed
from ramme.web.reports.services.portfolio_import import import_portfolio, read_portfolio
from tests.web.reports.test_monthly_data import example_with_plan

pytestmark = pytest.mark.django_db

FOCUS_AREAS = {
    "Tidlig indsats i forhold til udsatte børn",
    "Bedre myndighedsarbejde",
    "Hurtig og insisterende indsats i forhold til uroskabende unge",
    "Udvikling af anbringelsesviften",
    "Udvikling af metoder, ansvarlighed og evidens",
}


def test_workbook_merges_repeated_cells_like_the_original(tmp_path: Path) -> None:
    sheet = load_workbook(write_workbook(tmp_path / "p.xlsx")).active
    assert sheet is not None
    first_column = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sum(1 for cell in first_column if cell) == len(FOCUS_AREAS)
    assert len(first_column) == len(INITIATIVES) >= 12


def test_workbook_imports_without_errors(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "p.xlsx")
    items, errors = read_portfolio(path)
    assert (len(items), errors) == (len(INITIATIVES), [])
    result = import_portfolio(path)
    assert (result.created, result.errors) == (len(INITIATIVES), [])
    assert set(FocusArea.objects.values_list("name", flat=True)) == FOCUS_AREAS
    per_area = Counter(Initiative.objects.values_list("sub_strategy__focus_area__name", flat=True))
    assert per_area == Counter(item.focus_area for item in INITIATIVES)
    assert all(n >= 2 for n in per_area.values())
    # blank cells repeat the row above: every initiative keeps its own problem text
    for item in INITIATIVES:
        saved = Initiative.objects.get(action=item.action)
        assert (saved.sub_strategy.name, saved.problem) == (item.sub_strategy, item.problem)


def test_budget_need_summed_per_year(tmp_path: Path) -> None:
    import_portfolio(write_workbook(tmp_path / "p.xlsx"))
    expected: dict[int, Decimal] = defaultdict(Decimal)
    for item in INITIATIVES:
        for year, amount in item.needs.items():
            expected[year] += Decimal(amount)
    saved: dict[int, Decimal] = defaultdict(Decimal)
    for need in InitiativeBudgetNeed.objects.all():
        saved[need.year] += need.amount
    assert saved == expected
    assert sum(expected.values()) > 0
    report: Report = BUILDERS["portfolio"].build({"today": date(2024, 10, 5)})
    table = next(t for t in report.tables() if "Budgetbehov pr. år" in t.title)
    titles = [c.title for c in table.columns]
    total = table.rows[-1]
    assert total.cells[0] == "I alt"
    for year, summed in expected.items():
        assert total.cells[titles.index(f"Budgetbehov {year}")] == summed


def test_second_import_changes_nothing(tmp_path: Path) -> None:
    first = ensure_demo_portfolio(tmp_path)
    before = list(Initiative.objects.values_list("pk", "action", "problem", "start_year"))
    second = ensure_demo_portfolio(tmp_path)
    assert first.created == len(INITIATIVES)
    assert (second.created, second.updated, second.unchanged) == (0, 0, len(INITIATIVES))
    assert list(Initiative.objects.values_list("pk", "action", "problem", "start_year")) == before


def test_initiatives_link_to_the_plan_when_it_exists(tmp_path: Path) -> None:
    ensure_demo_portfolio(tmp_path)  # no plan yet: nothing to link, no error
    assert link_demo_initiatives() == 0
    example_with_plan()
    assert link_demo_initiatives() >= 1
    assert link_demo_initiatives() >= 1  # again: the same links, no duplicates
    linked = Initiative.objects.filter(actions__isnull=False) | Initiative.objects.filter(
        indicators__isnull=False
    )
    assert linked.exists()


def test_demo_setup_saves_three_month_ends_once(settings: Settings) -> None:
    from django.test import Client

    from ramme.web.demo.setup import ensure_demo_snapshots
    from ramme.web.forecasts.models import ForecastSnapshot
    from ramme.web.forecasts.services import cache
    from ramme.web.forecasts.services.year_end import default_as_of
    from tests.web.personas import PASSWORD

    settings.RAMME_FORECAST_SIMULATIONS = 30
    cache.clear()
    user, _, _ = example_with_plan()
    saved = ensure_demo_snapshots()
    as_of = default_as_of()
    assert saved[-1] == as_of and len(saved) == 3
    assert all(d.month != as_of.month for d in saved[:2])
    assert ensure_demo_snapshots() == []  # a second run changes nothing
    assert ForecastSnapshot.objects.count() == 3
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    html = client.get("/prognose/", {"dato": as_of.isoformat()}).content.decode()
    assert html.count("(gemt)") == 2  # the earlier month ends; the as-of month is computed now
    cache.clear()
