"""Personal tokens: ``ramme token``, Bearer auth, 401 without one, session for browsers."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from ramme.web.accounts.models import User
from ramme.web.api.models import ApiToken
from tests.web.personas import PASSWORD

URL = "/api/v1/forecast?as_of=2024-09-30"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def created_token(username: str) -> str:
    text = run("token", "create", username, "--name", "Power BI")
    tokens: list[str] = re.findall(r"^ramme_\S+$", text, flags=re.MULTILINE)
    (token,) = tokens
    return token


def bearer(token: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def test_token_create_prints_the_token_once_and_stores_only_its_hash(
    world: dict[str, User],
) -> None:
    token = created_token("alice")
    stored = ApiToken.objects.get()
    assert stored.user == world["alice"] and stored.name == "Power BI"
    assert token not in repr(list(ApiToken.objects.values()))
    assert stored.key_hash != token and len(stored.key_hash) == 64
    assert token not in run("token", "list")  # only its first characters are shown again
    assert stored.prefix in run("token", "list", "alice")


def test_a_token_reads_the_api_and_marks_itself_used(world: dict[str, User]) -> None:
    token = created_token("erik")
    response = bearer(token).get(URL)
    assert response.status_code == 200 and response.json()["as_of"] == "2024-09-30"
    assert ApiToken.objects.get().last_used_at is not None


def test_without_a_token_the_api_answers_401_in_danish(world: dict[str, User]) -> None:
    response = Client().get(URL)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert "Authorization: Bearer" in response.json()["detail"]
    assert "ikke logget ind" in response.json()["detail"]


@pytest.mark.parametrize(
    "header", ["Bearer ramme_forkert", "Bearer ", "Basic ZXJpazpoZW1tZWxpZw=="]
)
def test_a_wrong_token_is_refused(world: dict[str, User], header: str) -> None:
    created_token("erik")
    assert Client(HTTP_AUTHORIZATION=header).get(URL).status_code == 401


def test_a_revoked_token_stops_working_at_once(world: dict[str, User]) -> None:
    token = created_token("erik")
    assert bearer(token).get(URL).status_code == 200
    number = ApiToken.objects.get().pk
    assert "tilbagekaldt" in run("token", "revoke", str(number))
    assert bearer(token).get(URL).status_code == 401
    assert "tilbagekaldt" in run("token", "list")


def test_a_deactivated_users_token_is_refused(world: dict[str, User]) -> None:
    token = created_token("erik")
    world["erik"].is_active = False
    world["erik"].save()
    assert bearer(token).get(URL).status_code == 401


def test_a_logged_in_browser_reads_the_api_with_its_session(world: dict[str, User]) -> None:
    client = Client()
    assert client.login(username="alice", password=PASSWORD)
    assert client.get(URL).status_code == 200


def test_token_errors_are_danish(world: dict[str, User]) -> None:
    with pytest.raises(CommandError, match="Brugeren 'nobody' findes ikke"):
        run("token", "create", "nobody")
    with pytest.raises(CommandError, match="intet token med nummer 99"):
        run("token", "revoke", "99")
    assert not ApiToken.objects.exists()
