"""The follow-up page: drill-down through the access rules, the action-plan banner."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client
from pytest_django import Settings

from ramme.core.forecast.bridge import bridge
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.data.models import ActivityLine, Budget, Measure
from ramme.web.forecasts.services import cache, followup, year_end
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


def test_page_requires_login(example: dict[str, User]) -> None:
    page = Client().get("/prognose/")
    assert page.status_code == 302 and "login" in page["Location"]


def test_follow_up_page_shows_the_table(example: dict[str, User]) -> None:
    page = login("alice").get("/prognose/", DATO)
    html = page.content.decode()
    assert "Hovedtotal" in html and "Forventet resultat" in html and "<svg" in html
    assert len(page.context["fu"].months) == 3  # July, August, September side by side
    assert page.context["expensive"] == []  # case level: not for caseworkers
    assert 'id="dyreste"' not in html


def test_economist_sees_most_expensive_cases_and_it_is_logged(example: dict[str, User]) -> None:
    page = login("erik").get("/prognose/", DATO)
    rows = page.context["expensive"]
    assert rows and rows == sorted(rows, key=lambda r: -r.yearly_price)
    assert AuditEvent.objects.filter(username="erik", detail="dyreste sager").exists()


def test_drill_down_hides_other_caseworkers_measures(example: dict[str, User]) -> None:
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


def test_action_plan_flag_follows_the_corrected_budget(example: dict[str, User]) -> None:
    _set_corrected(Decimal(1000))  # a budget far below the forecast (none at all: no alarm)
    low = year_end.forecast_payload(year_end.compute_forecast(AS_OF))["action_plan"]
    assert low["required"] is True and "Handleplan påkrævet" in low["reason"]
    page = login("erik").get("/prognose/", DATO)
    assert page.context["fu"].action_plan.required
    assert "Handleplan påkrævet" in page.content.decode()
    _set_corrected(Decimal(100_000_000))
    high = year_end.forecast_payload(year_end.compute_forecast(AS_OF))["action_plan"]
    assert high["required"] is False


def test_an_edited_budget_shows_without_a_new_import(example: dict[str, User]) -> None:
    before = year_end.forecast_payload(year_end.compute_forecast(AS_OF))["total"]["budget"]
    row = Budget.objects.filter(year=2024, kind=Budget.Kind.CORRECTED).first() or (
        Budget.objects.filter(year=2024).first()
    )
    assert row is not None
    row.amount += Decimal(1_000_000)  # as an economist would in the admin: no cache.clear()
    row.save()
    after = year_end.forecast_payload(year_end.compute_forecast(AS_OF))["total"]["budget"]
    assert after != before


JANUARY = {"dato": "2024-01-31"}  # the example's month with new cases (five)


def _new_cases(client: Client, pages: int) -> tuple[list[str], str]:
    """The new cases over every page of the list, and the first page's HTML."""
    first = client.get("/prognose/", JANUARY)
    ids = [r.measure_id for r in first.context["new"]]
    for n in range(2, pages + 1):
        page = client.get("/prognose/", JANUARY | {"nye": n})
        assert page.context["cases_open"] and 'id="dine-sager" open' in page.content.decode()
        ids += [r.measure_id for r in page.context["new"]]
    return ids, first.content.decode()


def test_the_months_new_cases_are_paged_and_only_her_own(
    example: dict[str, User], settings: Settings
) -> None:
    settings.RAMME_PAGE_SIZE = 2
    everyone = set(Measure.objects.values_list("measure_id", flat=True))
    erik_ids, html = _new_cases(login("erik"), 3)
    assert len(erik_ids) == len(set(erik_ids)) == 5 and set(erik_ids) <= everyone
    assert "Dine sager: 5 nye og 0 ophørte" in html
    assert html.count('href="/prognose/indsats/') >= 2 and "Side 1 af 3" in html
    assert f'href="/prognose/indsats/{erik_ids[0]}/?dato=2024-01-31"' in html
    logged = AuditEvent.objects.filter(username="erik", object_key="budgetopfølgning").first()
    assert logged is not None and all(i in logged.detail for i in erik_ids)  # all, not a page
    alice = login("alice").get("/prognose/", JANUARY)
    mine = {m.measure_id for m in Measure.objects.filter(child__caseworker="alice")}
    count = alice.context["new_count"]
    alice_ids, _ = _new_cases(login("alice"), -(-count // 2))
    assert set(alice_ids) == set(erik_ids) & mine and len(alice_ids) == count


def test_the_bridge_is_computed_once_per_pair_of_forecasts(example: dict[str, User]) -> None:
    first, again = followup.followup(AS_OF), followup.followup(AS_OF)
    assert first.bridge is not None and again.bridge is first.bridge
    august = followup.month_forecast(followup.earlier_month_ends(AS_OF)[-1]).forecast
    year_end.save_snapshot(august)  # a new snapshot: another forecast to bridge from
    saved = followup.followup(AS_OF)
    assert saved.bridge is not first.bridge and saved.months[-2].saved
    assert saved.bridge == bridge(saved.months[-2].forecast, saved.forecast)
