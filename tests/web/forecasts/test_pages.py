"""The follow-up page: drill-down through the access rules, the action-plan banner."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client

from ramme.web.accounts.models import AuditEvent
from ramme.web.data.models import ActivityLine, Budget, Measure
from ramme.web.forecasts.services import cache, followup
from tests.web.forecasts.conftest import AS_OF
from tests.web.personas import login

DATO = {"dato": AS_OF.isoformat()}


def own(username: str, line: ActivityLine) -> set[str]:
    rows = Measure.objects.filter(measure_type__activity=line, child__caseworker=username)
    return set(rows.values_list("measure_id", flat=True))


def shown(client: Client, line: ActivityLine) -> set[str]:
    page = client.get(f"/prognose/linje/{line.pk}/", DATO)
    assert page.status_code == 200
    return {row["measure_id"] for row in page.context["measures"]}


def test_page_requires_login(example) -> None:  # type: ignore[no-untyped-def]
    page = Client().get("/prognose/")
    assert page.status_code == 302 and "login" in page["Location"]


def test_follow_up_page_shows_the_table(example) -> None:  # type: ignore[no-untyped-def]
    page = login("alice").get("/prognose/", DATO)
    html = page.content.decode()
    assert "Hovedtotal" in html and "Forventet resultat" in html and "<svg" in html
    assert len(page.context["fu"].months) == 3  # July, August, September side by side
    assert page.context["expensive"] == []  # case level: not for caseworkers
    assert 'id="dyreste"' not in html


def test_economist_sees_most_expensive_cases_and_it_is_logged(example) -> None:  # type: ignore[no-untyped-def]
    page = login("erik").get("/prognose/", DATO)
    rows = page.context["expensive"]
    assert rows and rows == sorted(rows, key=lambda r: -r.yearly_price)
    assert AuditEvent.objects.filter(username="erik", detail="dyreste sager").exists()


def test_drill_down_hides_other_caseworkers_measures(example) -> None:  # type: ignore[no-untyped-def]
    lines = [line for line in ActivityLine.objects.all() if own("alice", line) and own("bob", line)]
    assert lines, "the example should have a line with cases of both caseworkers"
    alice, erik = login("alice"), login("erik")
    for line in lines:
        assert shown(alice, line) == own("alice", line)
        assert shown(erik, line) >= own("alice", line) | own("bob", line)
    bobs = next(iter(own("bob", lines[0])))
    assert alice.get(f"/prognose/indsats/{bobs}/", DATO).status_code == 404
    assert erik.get(f"/prognose/indsats/{bobs}/", DATO).status_code == 200
    assert AuditEvent.objects.filter(username="erik", object_key=bobs).exists()


def _set_corrected(amount: Decimal) -> None:
    for line in ActivityLine.objects.all():
        Budget.objects.update_or_create(
            year=2024, activity=line, kind=Budget.Kind.CORRECTED, date=AS_OF,
            defaults={"amount": amount},
        )  # fmt: skip
    cache.clear()


def test_action_plan_flag_follows_the_corrected_budget(example) -> None:  # type: ignore[no-untyped-def]
    _set_corrected(Decimal(1000))  # a budget far below the forecast (none at all: no alarm)
    low = followup.forecast_payload(followup.compute_forecast(AS_OF))["action_plan"]
    assert low["required"] is True and "Handleplan påkrævet" in low["reason"]
    page = login("erik").get("/prognose/", DATO)
    assert page.context["fu"].action_plan.required
    assert "Handleplan påkrævet" in page.content.decode()
    _set_corrected(Decimal(100_000_000))
    high = followup.forecast_payload(followup.compute_forecast(AS_OF))["action_plan"]
    assert high["required"] is False


def test_an_edited_budget_shows_without_a_new_import(example) -> None:  # type: ignore[no-untyped-def]
    before = followup.forecast_payload(followup.compute_forecast(AS_OF))["total"]["budget"]
    row = Budget.objects.filter(year=2024, kind=Budget.Kind.CORRECTED).first() or (
        Budget.objects.filter(year=2024).first()
    )
    assert row is not None
    row.amount += Decimal(1_000_000)  # as an economist would in the admin: no cache.clear()
    row.save()
    after = followup.forecast_payload(followup.compute_forecast(AS_OF))["total"]["budget"]
    assert after != before
