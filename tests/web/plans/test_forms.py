"""Plan and action forms through the Django test client: validation and locking."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ramme.web.accounts.models import AuditEvent, User
from ramme.web.plans.models import Action, ActionPlan, ExpectedEffect
from ramme.web.plans.services import plans as services
from tests.web.personas import login, make_line, make_measure, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def erik() -> User:
    make_line("Opholdssted", "indgribende")
    make_measure("M1", "alice", "Team Nord")  # creates the OPH measure type
    return make_user("erik", "economist")


def plan_for(user: User) -> ActionPlan:
    return services.create_plan(
        user, {"title": "Handleplan 2021", "year": 2021, "start_date": date(2021, 4, 22)}
    )


def action_post(plan: ActionPlan, **changes: str) -> dict[str, str]:
    data = {
        "version": str(plan.version), "effort_area": "5.20 opholdssteder", "goal": "Færre",
        "action_text": "Akutplejefamilier", "consequences": "", "mechanism": "fewer_new",
        "measure_types": "OPH", "to_types": "", "providers": "", "provider_kind": "",
        "from_date": "2021-05-01", "count_per_month": "4", "price_change_pct": "", "top_n": "",
        **{f"effect_{m}": "310.000" for m in range(5, 13)},
    }  # fmt: skip
    data.update(changes)
    return data


def test_creating_a_plan_records_who_and_when(erik: User) -> None:
    response = login("erik").post(
        "/handleplaner/ny/",
        {"title": "Handleplan", "year": "2021", "start_date": "2021-04-22", "version": "0",
         "overspend_at_start": "9.400.000"},
    )  # fmt: skip
    plan = ActionPlan.objects.get()
    assert response.status_code == 302
    assert plan.created_by == erik and plan.overspend_at_start == Decimal("9400000")
    assert AuditEvent.objects.filter(object_type="actionplan", action="change").exists()


def test_an_action_with_monthly_effects_is_saved(erik: User) -> None:
    plan = plan_for(erik)
    response = login("erik").post(f"/handleplaner/{plan.pk}/handling/ny/", action_post(plan))
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.number == 1 and action.updated_by == erik
    assert sorted(ExpectedEffect.objects.values_list("month", flat=True)) == list(range(5, 13))
    assert ExpectedEffect.objects.get(month=5).amount == Decimal("310000")
    page = login("erik").get(f"/handleplaner/{plan.pk}/").content.decode()
    assert "2.480.000" in page  # 8 × 310.000 in the year column


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("from_date", "2022-01-01", "Datoen skal ligge i planens år (2021)."),
        ("count_per_month", "-4", "Antallet kan ikke være negativt."),
        ("effect_6", "mange penge", "ugyldigt beløb"),
        ("measure_types", "OPH, XYZ", "Ukendt indsatstype: XYZ."),
    ],
)
def test_bad_input_gets_a_message_beside_the_field_and_saves_nothing(
    erik: User, field: str, value: str, message: str
) -> None:
    plan = plan_for(erik)
    response = login("erik").post(
        f"/handleplaner/{plan.pk}/handling/ny/", action_post(plan, **{field: value})
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert f'id="id_{field}-fejl"' in response.content.decode()
    assert not Action.objects.exists() and not ExpectedEffect.objects.exists()
    plan.refresh_from_db()
    assert plan.version == 1


def test_two_users_cannot_silently_overwrite_each_other(erik: User) -> None:
    make_user("hanne", "head")
    plan = plan_for(erik)
    opened = plan.version
    header = {"title": "Ny titel", "year": "2021", "start_date": "2021-04-22"}
    first = login("hanne").post(f"/handleplaner/{plan.pk}/rediger/", {**header, "version": opened})
    assert first.status_code == 302
    second = login("erik").post(
        f"/handleplaner/{plan.pk}/rediger/", {**header, "title": "Eriks titel", "version": opened}
    )
    assert "Planen er ændret af hanne siden du åbnede den." in second.content.decode()
    plan.refresh_from_db()
    assert plan.title == "Ny titel"
    stale_action = login("erik").post(
        f"/handleplaner/{plan.pk}/handling/ny/", action_post(plan, version=str(opened))
    )
    assert "Planen er ændret af hanne" in stale_action.content.decode()
    assert not Action.objects.exists()


def test_caseworkers_cannot_change_plans(erik: User) -> None:
    make_user("alice", "caseworker", "Team Nord")
    assert login("alice").get("/handleplaner/ny/").status_code == 403


def test_editing_a_plan_shows_and_takes_danish_amounts(erik: User) -> None:
    plan = plan_for(erik)
    plan.overspend_at_start = Decimal("9400000")
    plan.save()
    client = login("erik")
    form = client.get(f"/handleplaner/{plan.pk}/rediger/").content.decode()
    assert 'value="9.400.000"' in form and 'value="22.04.2021"' in form
    response = client.post(
        f"/handleplaner/{plan.pk}/rediger/",
        {"title": "Handleplan 2021", "year": "2021", "start_date": "22.04.2021",
         "version": str(plan.version), "overspend_at_start": "9.400.000",
         "overspend_last_update": "-3,3", "overspend_after_update": "1.234,50"},
    )  # fmt: skip
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.overspend_at_start == Decimal("9400000")
    assert plan.overspend_last_update == Decimal("-3.3")
    assert plan.overspend_after_update == Decimal("1234.50")
