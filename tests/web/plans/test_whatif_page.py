"""The what-if page: a proposed action's saving per month and for the year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from ramme.core.money import format_number
from ramme.core.periods import Month
from ramme.core.plans import whatif
from ramme.web.data.models import PricePeriod
from ramme.web.plans.loader import load_plan_data
from tests.web.personas import PASSWORD, make_measure, make_user

pytestmark = pytest.mark.django_db
AS_OF = date(2024, 4, 30)


@pytest.fixture
def client() -> Client:
    make_user("erik", "economist")
    # Seven measures: a what-if on fewer than five is hidden (the small-number rule).
    for i, amount in enumerate((3000, 2000, 1000, 900, 800, 700, 600)):
        m = make_measure(f"M{i}", "alice", "Team Nord")
        PricePeriod.objects.create(
            measure=m, valid_from=date(2024, 1, 1), kind="base", amount=Decimal(amount), unit="day"
        )
    c = Client()
    assert c.login(username="erik", password=PASSWORD)
    return c


def _get(client: Client, **params: str) -> str:
    query = {"dato": AS_OF.isoformat(), "measure_types": "OPH", "to_types": "", "per_month": "4",
             "top_n": "5", "cut_pct": "10", "start": "2024-05-01", **params}  # fmt: skip
    response = client.get("/handleplaner/hvad-nu-hvis/", query)
    assert response.status_code == 200
    return response.content.decode()


def test_price_cut_shows_the_core_saving_for_the_five_most_expensive(client: Client) -> None:
    page = _get(client, kind="price_cut")
    data = load_plan_data()
    expected = whatif.price_cut(
        data.measures, frozenset({"OPH"}), 5, Decimal("0.1"), Month(2024, 5), AS_OF, data.index
    )
    # 10 % of 7.700 kr. a day from 1 May to 31 December (245 days)
    assert expected.total == Decimal(770) * 245
    assert format_number(expected.total) in page
    assert "5 indsatser" in page


def test_fewer_new_placements_show_a_saving(client: Client) -> None:
    page = _get(client, kind="fewer_new")
    assert "færre nye pr. måned fra" in page
    assert 'id="hvad-nu-hvis"' in page


def test_bad_input_gets_a_message_and_no_result(client: Client) -> None:
    page = _get(client, kind="fewer_new", start="2025-05-01", measure_types="XYZ")
    assert "Måneden skal ligge i prognoseåret 2024." in page
    assert "Ukendt indsatstype: XYZ." in page
    assert 'id="hvad-nu-hvis"' not in page
    page = _get(client, kind="conversion")
    assert "Angiv hvilken indsatstype der omlægges til." in page


def test_the_forecast_after_is_the_forecast_less_the_saving_to_come(client: Client) -> None:
    page = _get(client, kind="price_cut")
    from ramme.web.forecasts.services.year_end import compute_forecast

    before = compute_forecast(AS_OF).total.forecast
    after = before - Decimal(770) * 245  # the saving lies wholly after 30 April
    assert f'<dd id="prognose-efter">{format_number(after)} kr.</dd>' in page


def test_types_and_cases_are_chosen_from_lists(client: Client) -> None:
    page = _get(client, kind="price_cut")
    assert '<select name="measure_types"' in page and '<option value="OPH" selected>' in page
    assert '<option value="M0">' in page  # the economist's list of running cases
    from ramme.web.accounts.models import AuditEvent

    one = _get(client, kind="price_cut", cases="M2")  # narrowed to one case from the list
    logged = AuditEvent.objects.filter(object_type="whatif").order_by("pk").last()
    assert logged is not None and logged.detail.endswith("1 indsatser: M2")
    assert 'id="for-faa"' in one  # and one case is below the small-number rule


def test_a_what_if_becomes_a_proposed_action_with_its_monthly_effect(client: Client) -> None:
    from ramme.web.accounts.models import User
    from ramme.web.plans.models import Action
    from ramme.web.plans.services import plans as services

    erik = User.objects.get(username="erik")
    plan = services.create_plan(erik, {"title": "Handleplan 2024", "year": 2024,
                                       "start_date": date(2024, 4, 1)})  # fmt: skip
    query = {"dato": "30.04.2024", "kind": "price_cut", "measure_types": "OPH", "top_n": "2",
             "cut_pct": "10", "per_month": "4", "start": "01.05.2024"}  # fmt: skip
    response = client.post("/handleplaner/hvad-nu-hvis/gem/",
                           query | {"plan": plan.pk, "effort_area": "Anbringelser"})  # fmt: skip
    assert response.status_code == 302
    action = Action.objects.get(plan=plan)
    assert action.proposed and action.mechanism == "lower_price" and action.top_n == 2
    data = load_plan_data()
    expected = whatif.price_cut(
        data.measures, frozenset({"OPH"}), 2, Decimal("0.1"), Month(2024, 5), AS_OF, data.index
    )
    saved = {e.month: e.amount for e in action.expected.all()}
    assert saved == {m.month: v.quantize(Decimal(1)) for m, v in expected.by_month.items()}
    assert (
        'Anbringelser <em class="proposed">(foreslået)</em>'
        in client.get(f"/handleplaner/{plan.pk}/").content.decode()
    )


def test_a_what_if_on_fewer_than_five_cases_is_hidden(client: Client) -> None:
    page = _get(client, kind="price_cut", top_n="1", cut_pct="100")
    assert 'id="for-faa"' in page and 'id="hvad-nu-hvis"' not in page
    assert format_number(Decimal(3000) * 245) not in page


def test_a_caseworker_s_what_if_runs_on_her_own_cases_only(client: Client) -> None:
    make_user("bob", "caseworker", "Team Syd")  # none of the seven cases is his
    bob = Client()
    assert bob.login(username="bob", password=PASSWORD)
    page = _get(bob, kind="price_cut", top_n="7")
    assert 'id="for-faa"' in page and 'id="hvad-nu-hvis"' not in page


def test_every_what_if_is_in_the_access_log(client: Client) -> None:
    from ramme.web.accounts.models import AuditEvent

    _get(client, kind="price_cut", top_n="5")
    event = AuditEvent.objects.get(object_type="whatif")
    assert event.username == "erik" and "5 indsatser: M0, M1, M2, M3, M4" in event.detail
