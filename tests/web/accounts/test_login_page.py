"""The login page without single sign-on, and with local login switched off."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from tests.web.accounts.conftest import Provider, configure
from tests.web.personas import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def test_without_sso_the_login_page_has_only_the_password_form(client: Client) -> None:
    page = client.get(reverse("login")).content.decode()
    assert "Log ind med" not in page and 'name="password"' in page
    assert client.get("/oidc/login/").status_code == 404


def test_local_login_can_be_switched_off(client: Client, settings: Settings) -> None:
    configure(settings, Provider("http://127.0.0.1:9"))  # never contacted
    settings.RAMME_LOCAL_LOGIN = False
    settings.AUTHENTICATION_BACKENDS = ["ramme.web.accounts.oidc.backend.OidcBackend"]
    make_user("erik", "economist")
    page = client.get(reverse("login")).content.decode()
    assert "Log ind med Testkommunens login" in page and 'name="password"' not in page
    refused = client.post(reverse("login"), {"username": "erik", "password": PASSWORD})
    assert refused.status_code == 403
    assert not client.login(username="erik", password=PASSWORD)  # no password backend either


def test_the_admin_logs_in_on_the_one_login_page(client: Client) -> None:
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("login") + "?next=/admin/"
