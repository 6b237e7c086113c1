"""Linking a measure to an action from the case page, and the plans admin."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ramme.web.accounts.models import AuditEvent
from ramme.web.data.models import PricePeriod, Provider
from ramme.web.plans.models import Action, InternalOffer, MeasureActionLink
from ramme.web.plans.services import plans as services
from tests.web.personas import login, make_measure, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def action() -> Action:
    erik = make_user("erik", "economist")
    make_user("alice", "caseworker", "Team Nord")
    for mid, amount in (("A1", 3000), ("A2", 2000)):
        m = make_measure(mid, "alice", "Team Nord")
        PricePeriod.objects.create(
            measure=m, valid_from=date(2024, 1, 1), kind="base", amount=Decimal(amount), unit="day"
        )
    plan = services.create_plan(
        erik, {"title": "Plan", "year": 2024, "start_date": date(2024, 7, 1)}
    )
    return services.save_action(
        erik, plan.pk, plan.version,
        {"effort_area": "5.20 opholdssteder", "mechanism": "lower_price",
         "measure_types": "OPH", "from_date": date(2024, 7, 1)},
        {},
    )  # fmt: skip


def _case_row(measure_id: str) -> str:
    return f'<th scope="row">{measure_id}</th>'


def test_a_linked_measure_becomes_the_case_behind_the_action(action: Action) -> None:
    url = f"/handleplaner/handling/{action.pk}/sager/?dato=2024-07-31"
    client = login("erik")
    before = client.get(url).content.decode()
    assert _case_row("A1") not in before  # no price change: not found automatically
    response = client.post(url, {"measure_id": "A1", "note": "genforhandlet"})
    assert response.status_code == 302
    link = MeasureActionLink.objects.get()
    assert link.measure is not None and link.created_by is not None
    assert (link.measure.measure_id, link.created_by.username) == ("A1", "erik")
    after = client.get(url).content.decode()
    assert "A1: genforhandlet" in after
    assert _case_row("A1") in after and _case_row("A2") not in after


def test_an_unknown_measure_gets_a_message_and_nothing_is_saved(action: Action) -> None:
    url = f"/handleplaner/handling/{action.pk}/sager/"
    page = login("erik").post(url, {"measure_id": "ZZ9", "note": ""}).content.decode()
    assert "Indsatsen ZZ9 findes ikke eller er ikke din." in page
    assert not MeasureActionLink.objects.exists()


def test_a_caseworker_cannot_link(action: Action) -> None:
    url = f"/handleplaner/handling/{action.pk}/sager/"
    assert 'id="knyt"' not in login("alice").get(url).content.decode()
    assert login("alice").post(url, {"measure_id": "A1"}).status_code == 403
    assert not MeasureActionLink.objects.exists()


def test_admin_lists_the_plans_models_and_records_who_changed_an_offer(action: Action) -> None:
    make_user("root", is_superuser=True, is_staff=True)
    client = login("root")
    for name in ("actionplan", "action", "measureactionlink", "indicator", "review"):
        assert client.get(f"/admin/plans/{name}/").status_code == 200
    provider = Provider.objects.create(provider_id="I02", name="Ungdomspensionen", kind="intern")
    response = client.post(
        "/admin/plans/internaloffer/add/",
        {"provider": provider.pk, "label": "TURBO", "places": 10, "waiting": 2, "staff": 0},
    )
    assert response.status_code == 302
    offer = InternalOffer.objects.get()
    assert offer.updated_by is not None and offer.updated_by.username == "root"
    assert AuditEvent.objects.filter(object_type="internaloffer", username="root").exists()
