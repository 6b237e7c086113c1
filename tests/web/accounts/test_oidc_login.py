"""Single sign-on end to end: ramme (live_server) against a real OpenID provider.

The authorization code flow runs over HTTP as a browser would run it (requests keeps the
cookies); nothing of mozilla-django-oidc is replaced.
"""

from __future__ import annotations

import re

import requests
from pytest_django.live_server_helper import LiveServer

from ramme.web.accounts.models import AuditEvent, Role, User
from tests.web.accounts.conftest import Provider


def log_in(
    live_server: LiveServer, provider: Provider, sub: str, browser: requests.Session | None = None
) -> requests.Response:
    """Start at ramme's login page, authorize ``sub`` at the provider, follow back (in
    ``browser``'s cookies when given, else a fresh session's)."""
    browser = browser or requests.Session()
    login_page = browser.get(f"{live_server.url}/login/?next=/prognose/", timeout=10)
    sso_link = re.search(r'href="([^"]*/oidc/login/[^"]*)"', login_page.text)
    assert sso_link, login_page.text
    to_provider = browser.get(
        live_server.url + sso_link.group(1).replace("&amp;", "&"), allow_redirects=False
    )
    assert to_provider.headers["Location"].startswith(f"{provider.url}/oauth2/authorize")
    back = browser.post(to_provider.headers["Location"], data={"sub": sub}, allow_redirects=False)
    assert back.headers["Location"].startswith(f"{live_server.url}/oidc/callback/")
    return browser.get(back.headers["Location"], timeout=30)


def test_login_page_offers_the_identity_provider_by_name(
    live_server: LiveServer, sso: Provider
) -> None:
    page = requests.get(f"{live_server.url}/login/", timeout=10).text
    assert "Log ind med Testkommunens login" in page
    assert 'name="password"' in page  # local login stays unless switched off


def test_sso_creates_the_caseworker_with_role_and_team_from_the_groups(
    live_server: LiveServer, sso: Provider
) -> None:
    sso.add_user(
        "1f0c-anna",
        preferred_username="anna",
        given_name="Anna",
        family_name="Rådgiver",
        email="anna@kommune.dk",
        groups=["grp-raadgivere", "grp-nord", "grp-andet"],
    )
    response = log_in(live_server, sso, "1f0c-anna")
    assert response.status_code == 200
    assert response.url == f"{live_server.url}/prognose/"  # where she was going
    assert "Anna Rådgiver" in response.text and "Log ud" in response.text
    anna = User.objects.get(username="anna")
    assert (anna.role, str(anna.team)) == (Role.CASEWORKER, "Team Nord")
    assert (anna.email, anna.get_full_name()) == ("anna@kommune.dk", "Anna Rådgiver")
    assert not anna.has_usable_password() and not anna.is_staff
    assert AuditEvent.objects.filter(object_type="user", object_key="anna").exists()


def test_sso_updates_the_role_at_each_login(live_server: LiveServer, sso: Provider) -> None:
    sso.add_user("erik", preferred_username="erik", groups=["grp-raadgivere"])
    log_in(live_server, sso, "erik")
    sso.add_user("erik", preferred_username="erik", groups=["grp-raadgivere", "grp-oekonomi"])
    response = log_in(live_server, sso, "erik")
    assert response.status_code == 200
    erik = User.objects.get(username="erik")
    assert erik.role == Role.ECONOMIST and erik.is_staff  # the most access of her groups
    assert erik.has_perm("data.change_measuretype")


def test_sso_refuses_a_user_without_a_mapped_role_in_danish(
    live_server: LiveServer, sso: Provider
) -> None:
    sso.add_user("olga", preferred_username="olga", groups=["grp-kantine"])
    browser = requests.Session()
    response = log_in(live_server, sso, "olga", browser)
    assert response.status_code == 403
    assert "Du har ikke adgang til ramme" in response.text
    assert "ikke medlem af en gruppe, der giver adgang" in response.text
    start = browser.get(f"{live_server.url}/", allow_redirects=False)
    assert start.status_code == 302 and "/login/" in start.headers["Location"]  # not logged in
    assert not User.objects.filter(username="olga").exists()


def test_sso_refuses_a_team_leader_without_a_team(live_server: LiveServer, sso: Provider) -> None:
    sso.add_user("tina", preferred_username="tina", groups=["grp-teamledere"])
    response = log_in(live_server, sso, "tina")
    assert response.status_code == 403
    assert "ingen af dine grupper svarer til et team" in response.text


def test_a_denied_login_at_the_provider_gets_a_danish_page(
    live_server: LiveServer, sso: Provider
) -> None:
    browser = requests.Session()
    to_provider = browser.get(f"{live_server.url}/oidc/login/", allow_redirects=False)
    back = browser.post(
        to_provider.headers["Location"], data={"action": "deny"}, allow_redirects=False
    )
    response = browser.get(back.headers["Location"])
    assert response.status_code == 403 and "godkendte ikke login" in response.text
    assert "Login lykkedes ikke" in response.text and "ingen rolle" not in response.text
