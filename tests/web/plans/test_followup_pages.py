"""Indicator, effect drill-down and review pages through the test client."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from ramme.web.accounts.models import User
from ramme.web.data.models import Measure, MeasureType, PricePeriod, Provider
from ramme.web.plans.models import IndicatorConclusion, Review
from ramme.web.plans.services import followup
from ramme.web.plans.services import plans as services
from tests.web.personas import login, make_line, make_measure, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def data() -> dict[str, User]:
    make_line("Opholdssted", "indgribende")
    users = {
        "erik": make_user("erik", "economist"),
        "alice": make_user("alice", "caseworker", "Team Nord"),
    }
    old = make_measure("A1", "alice", "Team Nord")  # started 01.01.2024, never reviewed
    other = make_measure("B1", "bob", "Team Syd")
    for m in (old, other):
        PricePeriod.objects.create(
            measure=m, valid_from=date(2024, 1, 1), valid_to=date(2024, 6, 30),
            kind="base", amount=Decimal(3000), unit="day",
        )  # fmt: skip
        PricePeriod.objects.create(measure=m, valid_from=date(2024, 7, 1), kind="base",
                                   amount=Decimal(2700), unit="day")  # fmt: skip
    return users


def test_review_list_shows_only_visible_cases_and_records_a_review(data: dict[str, User]) -> None:
    page = login("alice").get("/handleplaner/opfoelgning/?dato=2024-09-30").content.decode()
    # whole words only: the random CSRF token may contain "B1"
    assert re.search(r"\bA1\b", page) and not re.search(r"\bB1\b", page)
    response = login("alice").post(
        "/handleplaner/opfoelgning/?dato=2024-09-30",
        {"measure_id": "A1", "reviewed_on": "2024-09-30", "note": "gennemgået med teamleder"},
    )
    assert response.status_code == 302
    assert Review.objects.get().reviewer == "alice"
    page = login("alice").get("/handleplaner/opfoelgning/?dato=2024-09-30").content.decode()
    assert "over 6 mdr." not in page


def test_internal_offers_show_occupancy(data: dict[str, User]) -> None:
    provider = Provider.objects.create(provider_id="I02", name="UP-Turbo", kind="intern")
    followup.set_internal_offer(data["erik"], provider, places=10, waiting=3, label="TURBO")
    page = login("erik").get("/handleplaner/opfoelgning/").content.decode()
    assert "TURBO" in page


def test_effect_drill_down_names_the_cases_the_user_may_see(data: dict[str, User]) -> None:
    plan = services.create_plan(
        data["erik"], {"title": "Plan", "year": 2024, "start_date": date(2024, 7, 1)}
    )
    action = services.save_action(
        data["erik"], plan.pk, plan.version,
        {"effort_area": "5.20 opholdssteder", "mechanism": "lower_price",
         "measure_types": "OPH", "from_date": date(2024, 7, 1)},
        {7: Decimal(10000)},
    )  # fmt: skip
    url = f"/handleplaner/handling/{action.pk}/sager/?dato=2024-07-31"
    erik_page = _text(login("erik").get(url).content.decode())
    assert "A1" in erik_page and "B1" in erik_page and "18.600 kr." in erik_page  # 2×300×31
    alice_page = _text(login("alice").get(url).content.decode())
    assert "A1" in alice_page and "B1" not in alice_page and "1 sager er skjult" in alice_page


def _text(page: str) -> str:
    """What the page shows, without its tags: a random CSRF token or nonce in an attribute
    can hold any two characters (it once held "B1")."""
    return re.sub(r"<[^>]*>", " ", page)


def test_indicator_page_has_a_chart_and_takes_a_conclusion(data: dict[str, User]) -> None:
    assert MeasureType.objects.filter(code="OPH").exists()
    indicator = followup.save_indicator(data["erik"], {
        "name": "Færre på opholdssted", "kind": "children", "measure_types": "OPH",
        "baseline_from": date(2024, 1, 1), "baseline_to": date(2024, 3, 31),
        "change": Decimal("-0.10"), "relative": True, "target_date": date(2024, 12, 31),
    })  # fmt: skip
    client = login("erik")
    page = client.get(f"/handleplaner/pejlemaerker/{indicator.pk}/?dato=2024-06-30").content
    assert b"<svg" in page and b"Ikke n" in page
    client.post(f"/handleplaner/pejlemaerker/{indicator.pk}/",
                {"month": "2024-06-01", "text": "Målet er ikke nået."})  # fmt: skip
    assert IndicatorConclusion.objects.get().author == data["erik"]
    listing = client.get("/handleplaner/pejlemaerker/?dato=2024-06-30").content.decode()
    assert "Færre på opholdssted" in listing and "Ikke nået" in listing


def test_indicator_page_shows_the_average_duration_of_ended_measures(data: dict[str, User]) -> None:
    Measure.objects.filter(measure_id="A1").update(end_date=date(2024, 6, 30))  # 182 days
    indicator = followup.save_indicator(data["erik"], {
        "name": "Kortere anbringelser", "kind": "average_duration", "measure_types": "OPH",
        "baseline_from": date(2024, 6, 1), "baseline_to": date(2024, 6, 30),
        "change": Decimal("-0.10"), "relative": True, "target_date": date(2024, 12, 31),
    })  # fmt: skip
    client = login("erik")
    page = client.get(f"/handleplaner/pejlemaerker/{indicator.pk}/?dato=2024-07-31")
    text = page.content.decode()
    assert "Gennemsnitlig varighed af afsluttede indsatser (dage)" in text
    assert "182,00" in text  # June and July: A1's 182 days; B1 has not ended
    form = client.get("/handleplaner/pejlemaerker/nyt/").content.decode()
    assert 'value="average_duration"' in form


def test_indicator_page_shows_the_children_with_a_measure_started_in_twelve_months(
    data: dict[str, User],
) -> None:
    Measure.objects.filter(measure_id="B1").update(start_date=date(2023, 7, 31))  # a day early
    indicator = followup.save_indicator(data["erik"], {
        "name": "Færre nye anbringelser", "kind": "children_started", "measure_types": "OPH",
        "baseline_from": date(2024, 6, 1), "baseline_to": date(2024, 6, 30),
        "change": Decimal(-1), "relative": False, "target_date": date(2024, 12, 31),
    })  # fmt: skip
    client = login("erik")
    page = client.get(f"/handleplaner/pejlemaerker/{indicator.pk}/?dato=2024-07-31")
    text = page.content.decode()
    assert "Antal børn med en indsats startet de seneste 12 måneder" in text
    # June's 12 months start 01.07.2023 (A1 and B1), July's 01.08.2023 (A1 only)
    assert "Seneste måling juli 2024: 1, basis 2, mål 1. Målet er nået." in text
    form = client.get("/handleplaner/pejlemaerker/nyt/").content.decode()
    assert 'value="children_started"' in form
