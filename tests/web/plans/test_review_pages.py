"""Issue 17: a long review list comes in pages with headings to skip by, and paging one list
keeps the date and the other lists' pages."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from ramme.web.data.models import PricePeriod
from tests.web.personas import PASSWORD, make_line, make_measure, make_user

pytestmark = pytest.mark.django_db

URL = "/handleplaner/opfoelgning/"
DUE = [f"A{i}" for i in range(1, 6)]  # started 01.01.2024, never reviewed: due by 30.09.2024


@pytest.fixture
def alice(settings) -> Client:  # type: ignore[no-untyped-def]
    settings.RAMME_PAGE_SIZE = 2
    make_line("Opholdssted", "indgribende")
    make_user("alice", "caseworker", "Team Nord")
    for measure_id in DUE:
        measure = make_measure(measure_id, "alice", "Team Nord")
        PricePeriod.objects.create(
            measure=measure, valid_from=date(2024, 1, 1), kind="base",
            amount=Decimal(2700), unit="day",
        )  # fmt: skip
    client = Client()
    assert client.login(username="alice", password=PASSWORD)
    return client


def _forms(page: str) -> list[str]:
    return re.findall(r'name="measure_id" value="([^"]+)"', page)


def test_review_list_comes_in_pages_that_together_hold_every_case(alice: Client) -> None:
    seen: list[str] = []
    url = f"{URL}?dato=2024-09-30"
    for _ in range(len(DUE)):
        page = alice.get(url).content.decode()
        forms = _forms(page)
        assert 0 < len(forms) <= 2
        seen += forms
        following = re.search(r'href="(\?[^"]*side-gennemgang=\d+)#due">Næste side', page)
        if following is None:
            break
        url = URL + following.group(1).replace("&amp;", "&")
        assert "dato=2024-09-30" in url  # the date stays when paging
    assert sorted(seen) == DUE


def test_review_page_has_a_heading_per_list_and_links_to_skip_to_them(alice: Client) -> None:
    page = alice.get(f"{URL}?dato=2024-09-30").content.decode()
    for key in ("due", "past_limit", "supplements", "unapproved", "interne-titel"):
        assert f'<h2 id="{key}">' in page
        assert f'href="#{key}"' in page
    assert "Side 1 af 3" in page
    assert f"Over 6 måneder siden start eller sidste gennemgang ({len(DUE)})" in page


def test_a_page_number_past_the_end_shows_the_last_page(alice: Client) -> None:
    page = alice.get(f"{URL}?dato=2024-09-30&side-gennemgang=99").content.decode()
    assert _forms(page) == DUE[4:]
