"""Month close: "Godkend månedens prognose" saves and locks the month's forecast; the
monthly report and the action plan compare with approved snapshots."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from pytest_django import Settings

from ramme.reports.model import Cell, RowLevel
from ramme.web.accounts.models import User
from ramme.web.forecasts.models import ForecastSnapshot
from ramme.web.forecasts.services import followup, year_end
from ramme.web.plans.services import plans as plan_services
from ramme.web.reports.builders import BUILDERS
from tests.web.forecasts.conftest import AS_OF
from tests.web.personas import login

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse  # the test client's response (stubs)

AUGUST = date(2024, 8, 31)


def _amount(cell: Cell) -> Decimal:
    assert isinstance(cell, Decimal | int), cell
    return Decimal(cell)


def approve(client: Client, day: date) -> _MonkeyPatchedWSGIResponse:
    return client.post("/prognose/godkend/", {"dato": f"{day:%d.%m.%Y}"}, follow=True)


def test_approving_saves_the_months_forecast_with_who_and_when(example: dict[str, User]) -> None:
    page = approve(login("erik"), AS_OF)
    snap = ForecastSnapshot.objects.get(as_of=AS_OF)
    assert snap.approved_by == "erik" and snap.approved_at is not None
    fc = year_end.compute_forecast(AS_OF)
    assert Decimal(repr(snap.payload["total"]["forecast"])) == pytest.approx(fc.total.forecast)
    html = page.content.decode()
    assert "godkendt af erik" in html and "Godkend månedens prognose" not in html


def test_an_approved_month_is_locked(example: dict[str, User]) -> None:
    client = login("erik")
    approve(client, AS_OF)
    again = approve(client, AS_OF).content.decode()
    assert "er godkendt af erik" in again and "låst" in again
    with pytest.raises(CommandError, match="låst"):
        call_command("forecast", "--as-of", AS_OF.isoformat(), "--save")
    assert ForecastSnapshot.objects.get(as_of=AS_OF).approved_by == "erik"


def test_a_caseworker_cannot_approve(example: dict[str, User]) -> None:
    page = approve(login("alice"), AS_OF)
    assert "Kun økonomikonsulenter" in page.content.decode()
    assert not ForecastSnapshot.objects.exists()
    assert "Godkend månedens prognose" not in login("alice").get("/prognose/").content.decode()


def test_the_monthly_table_has_one_expected_result_per_month_from_approved_snapshots(
    example: dict[str, User], settings: Settings
) -> None:
    approve(login("erik"), AUGUST)
    august = ForecastSnapshot.objects.get(as_of=AUGUST).payload["total"]
    settings.RESULT_SIGN = "merforbrug-"
    report = BUILDERS["monthly"].build({"as_of": AS_OF, "today": date(2024, 10, 5)})
    table = next(t for t in report.tables() if t.title.startswith("Tabel 3"))
    titles = [c.title for c in table.columns]
    assert "Prognose aug. (godkendt)" in titles
    col = titles.index("Prognose aug. (godkendt)")
    results = table.rows[-1].cells
    assert str(results[0]).startswith("Forventet resultat (− er merforbrug)")
    budget = next(r for r in table.rows if r.level is RowLevel.TOTAL).cells[1]
    assert results[col] == pytest.approx(_amount(budget) - Decimal(repr(august["forecast"])), abs=1)
    fu = followup.followup(AS_OF)
    assert results[-1] == -fu.table.total.result


def test_the_action_plans_overspend_comes_from_approved_snapshots_unless_typed(
    example: dict[str, User],
) -> None:
    approve(login("erik"), AUGUST)
    from ramme.web.accounts.models import User

    erik = User.objects.get(username="erik")
    plan = plan_services.create_plan(
        erik, {"title": "Handleplan", "year": 2024, "start_date": date(2024, 9, 2)}
    )
    page = login("erik").get(f"/handleplaner/{plan.pk}/", {"dato": AS_OF.isoformat()})
    start, _last, now = page.context["overspend"]
    august = ForecastSnapshot.objects.get(as_of=AUGUST).payload["total"]
    assert start.amount == pytest.approx(
        Decimal(repr(august["forecast"] - august["budget"])), abs=1
    )
    assert "godkendt prognose pr. 31.08.2024" in page.content.decode()
    fc = year_end.compute_forecast(AS_OF)
    assert now.amount == pytest.approx(fc.total.forecast - fc.total.budget, abs=1)
    plan.overspend_at_start = Decimal("9400000")
    plan.save()
    page = login("erik").get(f"/handleplaner/{plan.pk}/", {"dato": AS_OF.isoformat()})
    assert page.context["overspend"][0].amount == Decimal("9400000")
    assert "indtastet i handleplanen" in page.content.decode()


def test_the_follow_up_page_shows_each_months_expected_result(example: dict[str, User]) -> None:
    from ramme.web.forecasts.templatetags.forecasts import tkr

    page = login("erik").get("/prognose/", {"dato": f"{AS_OF:%d.%m.%Y}"})
    total = page.context["fu"].table.total
    row = (
        page.content.decode().split('<th scope="row">Forventet resultat</th>')[1].split("</tr>")[0]
    )
    assert len(total.results) == 3
    for value in total.results:
        assert f">{tkr(value)}<" in row
