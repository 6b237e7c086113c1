"""Login and session hardening: lockout, password rules, session limits, headers."""

from __future__ import annotations

import time

import pytest
from django.core import signing
from django.test import Client
from pytest_django import Settings

from ramme.web.accounts.middleware import SEEN_COOKIE, STARTED
from ramme.web.accounts.models import AuditEvent, Role
from tests.web.personas import PASSWORD, make_measure, make_user

pytestmark = pytest.mark.django_db


def _login(client: Client, password: str, username: str = "erik") -> int:
    response = client.post("/login/", {"username": username, "password": password})
    return response.status_code


def test_wrong_passwords_lock_the_user_name_and_the_right_one_then_fails() -> None:
    make_user("erik", Role.ECONOMIST)
    client = Client()
    for _ in range(5):
        assert _login(client, "forkert") in (200, 429)
    response = client.post("/login/", {"username": "erik", "password": PASSWORD})
    assert response.status_code == 429 and "Login spærret" in response.content.decode()
    assert "_auth_user_id" not in client.session
    failed = AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN_FAILED, object_key="erik")
    assert failed.count() >= 5 and failed.filter(detail__contains="spærret").exists()


def test_a_login_and_a_failed_login_are_in_the_access_log() -> None:
    make_user("erik", Role.ECONOMIST)
    client = Client()
    _login(client, "forkert")
    assert _login(client, PASSWORD) == 302
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", "object_key"))
    assert actions == [("failed", "erik"), ("login", "erik")]


def test_django_s_password_rules_are_on(settings: Settings) -> None:
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("1")
    validate_password("lang-og-god-adgangskode-7")


def _logged_in(username: str = "erik") -> Client:
    make_user(username, Role.ECONOMIST)
    client = Client()
    assert _login(client, PASSWORD, username) == 302
    return client


def test_a_session_ends_after_30_idle_minutes() -> None:
    client = _logged_in()
    assert client.get("/").status_code == 200
    # the signed time stamp as HttpResponse.set_signed_cookie writes it, 31 minutes old
    signer = signing.get_cookie_signer(salt=SEEN_COOKIE + SEEN_COOKIE)
    old = signer.sign(str(time.time() - 31 * 60))
    client.cookies[SEEN_COOKIE] = old
    response = client.get("/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_session_ends_8_hours_after_login_however_busy() -> None:
    client = _logged_in()
    session = client.session
    session[STARTED] = time.time() - 8 * 3600 - 1
    session.save()
    response = client.get("/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert AuditEvent.objects.filter(action="logout", detail="udløbet").exists()


def test_cookies_are_short_lived_and_out_of_reach_of_scripts(settings: Settings) -> None:
    assert settings.SESSION_COOKIE_AGE == 8 * 3600 and settings.SESSION_COOKIE_HTTPONLY
    assert settings.CSRF_COOKIE_HTTPONLY and settings.CSRF_COOKIE_AGE <= 8 * 3600
    client = Client()
    response = client.get("/login/")
    assert response.cookies["csrftoken"]["httponly"]


def test_pages_and_downloads_are_not_stored_and_carry_a_csp() -> None:
    make_measure("M1", "alice", "Team Nord")
    client = _logged_in()
    for url in ("/", "/prognose/indsats/M1/", "/adgangslog/?format=csv"):
        response = client.get(url)
        assert "no-store" in response["Cache-Control"], url
    page = client.get("/")
    policy = page["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    script_src = next(p for p in policy.split(";") if p.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_src


def test_the_progress_scripts_carry_the_pages_nonce() -> None:
    from pathlib import Path

    import ramme

    root = Path(ramme.__file__).parent
    for template in root.glob("web/*/templates/**/*.html"):
        text = template.read_text()
        assert text.count("<script>") == 0, f"{template}: a script without the CSP nonce"
