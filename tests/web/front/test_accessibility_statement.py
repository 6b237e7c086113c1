"""Issue 17: the accessibility statement (tilgængelighedserklæring) is open to everyone, is
linked from every page's footer and states what the browser tests check."""

from __future__ import annotations

import pytest
from django.test import Client
from pytest_django import Settings

from ramme.web.front import accessibility as a11y
from tests.web.personas import PASSWORD, make_user

pytestmark = pytest.mark.django_db

URL = "/tilgaengelighed/"


def test_statement_is_open_without_login_and_linked_from_the_footer(client: Client) -> None:
    assert client.get(URL).status_code == 200
    login_page = client.get("/login/").content.decode()
    assert f'<a href="{URL}">Tilgængelighedserklæring</a>' in login_page
    make_user("erik", "economist")
    assert client.login(username="erik", password=PASSWORD)
    assert f'<a href="{URL}">Tilgængelighedserklæring</a>' in client.get("/").content.decode()


def test_statement_lists_what_the_tests_check_and_the_known_gaps(client: Client) -> None:
    page = client.get(URL).content.decode()
    for checked in [*a11y.CHECKED_PAGES, *a11y.CHECKED_REPORT_FILES]:
        assert f"<li>{checked.label}</li>" in page
    for width in a11y.WIDTHS:
        assert str(width) in page
    for persona in a11y.PERSONAS.values():
        assert persona in page
    for gap in a11y.KNOWN_GAPS:
        assert gap.replace("'", "&#x27;") in page
    assert f"axe-core {a11y.AXE_VERSION}" in page
    assert "delvist" in page  # overholdelsesstatus: known gaps, so not «fuldt»


def test_statement_shows_the_configured_contact(client: Client, settings: Settings) -> None:
    settings.ACCESSIBILITY_EMAIL = "webtilgaengelighed@demo.dk"
    settings.ACCESSIBILITY_PHONE = "70 10 20 30"
    page = client.get(URL).content.decode()
    assert 'href="mailto:webtilgaengelighed@demo.dk"' in page and "70 10 20 30" in page
    assert "RAMME_ACCESSIBILITY_EMAIL" not in page  # the hint to the administrator is gone


def test_statement_tells_the_administrator_when_contact_is_missing(client: Client) -> None:
    assert "RAMME_ACCESSIBILITY_PHONE" in client.get(URL).content.decode()
