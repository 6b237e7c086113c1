"""Danish in and out on the pages: ``?dato=31.03.2024``, one default as-of date, error pages."""

from __future__ import annotations

from ramme.web.accounts.models import User
from ramme.web.forecasts.services.year_end import default_as_of
from tests.web.personas import login, make_user


def test_follow_up_takes_a_danish_date_in_the_query(example: dict[str, User]) -> None:
    page = login("erik").get("/prognose/", {"dato": "31.03.2024"})
    assert page.status_code == 200
    assert str(page.context["as_of"]) == "2024-03-31"
    assert 'value="31.03.2024"' in page.content.decode()


def test_report_download_takes_a_danish_date(example: dict[str, User]) -> None:
    client = login("erik")
    for params in ({"as_of": "31.03.2024"}, {"dato": "31.03.2024"}):
        page = client.get("/rapporter/vis/monthly/", params)
        assert page.status_code == 200, page.content.decode()[:500]
        assert "31.03.2024" in page.content.decode()


def test_every_list_defaults_to_the_last_postings_month_end(example: dict[str, User]) -> None:
    client, day = login("erik"), default_as_of()
    for url in ("/prognose/", "/handleplaner/opfoelgning/", "/datakvalitet/"):
        page = client.get(url)
        assert page.status_code == 200, url
        assert page.context["as_of"] == day, url
        assert f"{day:%d.%m.%Y}" in page.content.decode(), url


def test_a_bad_date_gives_a_danish_400_page(example: dict[str, User]) -> None:
    page = login("erik").get("/prognose/", {"dato": "i går"})
    assert page.status_code == 400
    html = page.content.decode()
    assert "Forkert forespørgsel" in html and "ugyldig dato" in html


def test_not_found_and_forbidden_pages_are_danish(example: dict[str, User]) -> None:
    make_user("olga")
    client = login("olga")
    missing = client.get("/prognose/indsats/findes-ikke/")
    assert missing.status_code == 404 and "Siden findes ikke" in missing.content.decode()
    assert "matches the given query" not in missing.content.decode()
    forbidden = client.get("/handleplaner/ny/")
    assert forbidden.status_code == 403 and "Ingen adgang" in forbidden.content.decode()
