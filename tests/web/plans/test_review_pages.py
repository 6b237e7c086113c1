"""Issue 17: a long review list comes in pages with headings to skip by, and paging one list
keeps the date and the other lists' pages."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from pytest_django import Settings

from ramme.web.data.models import PricePeriod
from tests.web.personas import PASSWORD, make_line, make_measure, make_user

pytestmark = pytest.mark.django_db

URL = "/handleplaner/opfoelgning/"
DUE = [f"A{i}" for i in range(1, 6)]  # started 01.01.2024, never reviewed: due by 30.09.2024


@pytest.fixture
def alice(settings: Settings) -> Client:
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


def test_a_second_view_reads_the_lists_from_the_cache_not_the_rule_engine(
    alice: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ramme.core.plans import reviews

    calls: list[date] = []
    real = reviews.past_duration_limit

    def counted(*a: Any) -> list[reviews.ReviewItem]:
        calls.append(a[2])
        return real(*a)

    monkeypatch.setattr(reviews, "past_duration_limit", counted)
    alice.get(f"{URL}?dato=2024-09-30")
    alice.get(f"{URL}?dato=2024-09-30&side-gennemgang=2")
    assert calls == [date(2024, 9, 30)]
    alice.get(f"{URL}?dato=2024-10-31")  # another day is computed for itself
    assert calls == [date(2024, 9, 30), date(2024, 10, 31)]


def test_a_recorded_review_leaves_the_due_list_at_once(alice: Client) -> None:
    url = f"{URL}?dato=2024-09-30"
    assert "(5)" in alice.get(url).content.decode()
    alice.post(url, {"measure_id": "A1", "reviewed_on": "15.09.2024", "note": ""})
    page = alice.get(url).content.decode()
    assert f"Over 6 måneder siden start eller sidste gennemgang ({len(DUE) - 1})" in page


def test_the_access_log_names_only_the_cases_the_page_showed(alice: Client) -> None:
    from ramme.web.accounts.models import AuditEvent

    page = alice.get(f"{URL}?dato=2024-09-30").content.decode()
    event = AuditEvent.objects.filter(object_key="opfølgningslister").latest("pk")
    shown = sorted(set(re.findall(r">(A\d)<", page)))
    assert event.detail == f"viste {len(shown)}: " + ", ".join(shown)
    assert len(shown) < len(DUE)  # a page of two rows per list, not all five due


def _vary(measure_id: str, start: date, code: str = "") -> None:
    """Give a case its own start, and optionally a measure type of its own."""
    from ramme.web.data.models import ActivityLine, Measure, MeasureType

    measure = Measure.objects.get(measure_id=measure_id)
    if code:
        activity = ActivityLine.objects.first()
        assert activity is not None
        measure.measure_type, _ = MeasureType.objects.get_or_create(
            code=code,
            defaults={"name": "Plejefamilie", "ladder_step": "indgribende",
                      "activity": activity},
        )  # fmt: skip
    measure.start_date = start
    measure.save()


def test_the_lists_are_sorted_on_the_server_as_the_querystring_says(alice: Client) -> None:
    _vary("A3", date(2023, 6, 1))  # the oldest
    _vary("A5", date(2023, 9, 1))
    url = f"{URL}?dato=2024-09-30"
    assert _forms(alice.get(url).content.decode()) == ["A3", "A5"]  # oldest first by default
    assert _forms(alice.get(f"{url}&sorter=nyeste").content.decode()) == ["A1", "A2"]
    page = alice.get(f"{url}&sorter=indsats").content.decode()
    assert _forms(page) == ["A1", "A2"]
    assert '<option value="indsats" selected>Indsats</option>' in page
    # the next page keeps the order
    following = re.search(r'href="(\?[^"]*side-gennemgang=2)#due">Næste side', page)
    assert following is not None
    again = alice.get(URL + following.group(1).replace("&amp;", "&")).content.decode()
    assert _forms(again) == ["A3", "A4"]
    # an unknown order is the default one
    assert _forms(alice.get(f"{url}&sorter=tilfaeldig").content.decode()) == ["A3", "A5"]


def test_the_lists_are_filtered_on_the_server_by_measure_type(alice: Client) -> None:
    _vary("A2", date(2024, 1, 1), code="PLF")
    _vary("A4", date(2024, 1, 1), code="PLF")
    page = alice.get(f"{URL}?dato=2024-09-30&type=PLF").content.decode()
    assert _forms(page) == ["A2", "A4"]
    assert "Over 6 måneder siden start eller sidste gennemgang (2)" in page
    assert '<option value="PLF" selected>PLF – Plejefamilie</option>' in page
    assert "Viser kun indsatstype PLF." in page
    unknown = alice.get(f"{URL}?dato=2024-09-30&type=NIX").content.decode()
    assert f"Over 6 måneder siden start eller sidste gennemgang ({len(DUE)})" in unknown
