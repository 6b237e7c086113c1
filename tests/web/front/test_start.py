"""The start page: login required, what is loaded, ledger totals by ladder step."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from ramme.web.data.models import ImportRun
from ramme.web.front.overview import UNMAPPED_LABEL, build_ledger_table
from tests.web.personas import PASSWORD, make_line, make_user, post


def test_start_page_requires_login(client: Client, db: None) -> None:
    response = client.get(reverse("front:start"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=/")


def test_login_page_is_danish(client: Client, db: None) -> None:
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert 'lang="da"' in response.text
    assert "Adgangskode" in response.text


def test_wrong_password_says_so_in_danish(client: Client, db: None) -> None:
    make_user("alice", "caseworker")
    response = client.post(reverse("login"), {"username": "alice", "password": "forkert"})
    assert "forkert" in response.text
    assert "_auth_user_id" not in client.session


@pytest.fixture
def loaded(db: None) -> None:
    home = make_line("Opholdssted", "indgribende", position=2)
    family = make_line("Familiebehandling", "forebyggende", position=1)
    care = make_line("Familiepleje", "indgribende", position=3)
    post("1", date(2023, 3, 1), "1000000.00", home)
    post("2", date(2023, 12, 31), "234567.50", home)
    post("3", date(2024, 5, 1), "500000", family)
    post("4", date(2024, 6, 1), "-25000", care)
    post("5", date(2024, 6, 2), "777", None)
    ImportRun.objects.create(source="/data/marts", username="erik", succeeded=True)


def test_start_page_shows_loaded_figures_in_danish(client: Client, loaded: None) -> None:
    make_user("erik", "economist")
    client.login(username="erik", password=PASSWORD)
    html = client.get(reverse("front:start")).text
    assert "2023–2024" in html
    assert "1.234.568" in html  # 2023 Opholdssted, rounded half up
    assert "-25.000" in html
    assert "I alt indgribende foranstaltninger" in html
    assert UNMAPPED_LABEL in html
    assert "/data/marts" in html
    # ladder order: preventive before intervening, whatever the insertion order
    assert html.index("Familiebehandling") < html.index("Opholdssted")


def test_start_page_query_count_does_not_grow_with_data(
    client: Client, loaded: None, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    make_user("erik", "economist")
    client.login(username="erik", password=PASSWORD)
    client.get(reverse("front:start"))  # the findings badge loads the dataset once per import
    # 10 for the page, 6 for the badge: the per-import cache key (4), the user's children
    # (with its access-log row) and the explanations
    with django_assert_max_num_queries(16):
        client.get(reverse("front:start"))


def test_caseworker_sees_the_aggregate_page(client: Client, loaded: None) -> None:
    make_user("alice", "caseworker", "Team Nord")
    client.login(username="alice", password=PASSWORD)
    response = client.get(reverse("front:start"))
    assert response.status_code == 200
    assert "1.234.568" in response.text
    assert "Administration" not in response.text  # the admin link is for economists


def test_economist_sees_the_admin_link(client: Client, loaded: None) -> None:
    make_user("erik", "economist")
    client.login(username="erik", password=PASSWORD)
    assert reverse("admin:index") in client.get(reverse("front:start")).text


def test_empty_database_explains_how_to_load(client: Client, db: None) -> None:
    make_user("erik", "economist")
    client.login(username="erik", password=PASSWORD)
    assert "ramme demo" in client.get(reverse("front:start")).text


def test_ledger_table_groups_and_sums_by_ladder_step() -> None:
    years = [2023, 2024]
    lines = [
        ("Familiepleje", "indgribende"),
        ("Kontakt", "forebyggende"),
        ("Ophold", "indgribende"),
    ]
    totals = {
        (2023, "Familiepleje"): Decimal("10"),
        (2024, "Ophold"): Decimal("5.5"),
        (2024, "Kontakt"): Decimal("1"),
        (2024, None): Decimal("2"),
    }
    table = build_ledger_table(years, lines, totals)
    assert [g.label for g in table.groups] == [
        "Forebyggende indsatser",
        "Indgribende foranstaltninger",
        UNMAPPED_LABEL,
    ]
    assert [r.label for r in table.groups[1].rows] == ["Familiepleje", "Ophold"]
    assert table.groups[1].subtotal == [Decimal("10"), Decimal("5.5")]
    assert table.total == [Decimal("10"), Decimal("8.5")]


def test_ledger_table_without_unmapped_postings_has_no_unmapped_group() -> None:
    table = build_ledger_table([2024], [("A", "oevrige")], {(2024, "A"): Decimal(1)})
    assert [g.label for g in table.groups] == ["Øvrige"]
