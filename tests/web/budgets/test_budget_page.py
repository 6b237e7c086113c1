"""The budget page: adopted budget and dated corrections with note and who, and history."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ramme.web.accounts.models import AuditEvent
from ramme.web.data.models import ActivityLine, Budget
from ramme.web.forecasts.services import year_end
from tests.web.personas import login, make_line, make_user, post

pytestmark = pytest.mark.django_db


@pytest.fixture
def lines() -> tuple[ActivityLine, ActivityLine]:
    make_user("erik", "economist")
    make_user("alice", "caseworker", "Team Nord")
    return make_line("Opholdssted", "indgribende", 1), make_line("Aflastning", "foregribende", 2)


def test_a_correction_is_a_dated_row_with_note_and_who(
    lines: tuple[ActivityLine, ActivityLine],
) -> None:
    line, _ = lines
    client = login("erik")
    client.post("/budget/", {"aar": "2024", "activity": line.pk, "kind": "vedtaget",
                             "amount": "40.500.000", "day": "", "note": ""})  # fmt: skip
    response = client.post("/budget/", {"aar": "2024", "activity": line.pk, "kind": "korrigeret",
                                        "amount": "42.000.000", "day": "27.11.2024",
                                        "note": "3. budgetopfølgning"})  # fmt: skip
    assert response.status_code == 302
    rows = Budget.objects.filter(activity=line, year=2024).order_by("kind")
    assert [(r.kind, r.amount) for r in rows] == [
        ("korrigeret", Decimal("42000000")), ("vedtaget", Decimal("40500000"))
    ]  # fmt: skip
    corrected = rows[0]
    assert corrected.date is not None
    assert corrected.date.isoformat() == "2024-11-27" and corrected.entered_by == "erik"
    assert AuditEvent.objects.filter(object_type="budget", username="erik").count() == 2
    page = client.get("/budget/", {"aar": "2024"}).content.decode()
    assert "42.000.000 kr." in page and "3. budgetopfølgning" in page and "27.11.2024" in page
    assert "40.500.000 kr." in page  # the adopted row stays in the history


def test_a_correction_without_note_or_date_is_refused_and_nothing_changes(
    lines: tuple[ActivityLine, ActivityLine],
) -> None:
    line, _ = lines
    client = login("erik")
    page = client.post("/budget/", {"aar": "2024", "activity": line.pk, "kind": "korrigeret",
                                    "amount": "42.000.000", "day": "", "note": ""})  # fmt: skip
    assert page.status_code == 200 and "skal have en dato" in page.content.decode()
    page = client.post(
        "/budget/",
        {
            "aar": "2024",
            "activity": line.pk,
            "kind": "korrigeret",
            "amount": "1.2.3",
            "day": "01.03.2024",
            "note": "x",
        },
    )
    assert "ugyldigt beløb" in page.content.decode()
    assert not Budget.objects.exists()


def test_only_economists_and_heads_enter_budgets(lines: tuple[ActivityLine, ActivityLine]) -> None:
    line, _ = lines
    response = login("alice").post("/budget/", {"aar": "2024", "activity": line.pk,
                                                "kind": "vedtaget", "amount": "1"})  # fmt: skip
    assert response.status_code == 403 and not Budget.objects.exists()


def test_a_year_without_budget_is_stated_and_raises_no_alarm(
    lines: tuple[ActivityLine, ActivityLine],
) -> None:
    line, _ = lines
    Budget.objects.create(year=2024, activity=line, kind="vedtaget", amount=Decimal("1000000"))
    page = login("erik").get("/budget/", {"aar": "2024"}).content.decode()
    assert "Der er intet budget for 2024" in page and "Aflastning" in page
    post("P1", date(2025, 3, 5), "100000000", line)
    fu = login("erik").get("/prognose/")
    assert fu.status_code == 200
    html = fu.content.decode()
    assert "intet korrigeret budget" in html and "Handleplan påkrævet" not in html
    assert not year_end.action_plan(fu.context["fu"].forecast).required
