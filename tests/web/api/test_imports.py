"""``POST /api/v1/imports`` on the real API with a personal token: an economist imports,
a bad file changes nothing and answers every error, a caseworker is refused."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pytest_django import Settings

from ramme.web.api.services.tokens import create_token
from ramme.web.data.models import ImportRun, PriceIndex
from tests.web.personas import make_user
from tests.web.uploads.conftest import EXAMPLE, IMMEDIATE, example_files

pytestmark = pytest.mark.django_db


def _client(role: str, team: str | None = None) -> Client:
    user = make_user(f"user-{role}", role, team) if team else make_user(f"user-{role}", role)
    _, raw = create_token(user.username, "test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_an_economists_token_imports_the_months_files(settings: Settings) -> None:
    settings.TASKS = IMMEDIATE
    client = _client("economist")
    answer = client.post("/api/v1/imports", {"files": example_files()})
    assert answer.status_code == 202, answer.content
    status = client.get(f"/api/v1/imports/{answer.json()['id']}").json()
    assert status["status"] == "imported"
    assert ImportRun.objects.get().origin == "api"
    again = client.post("/api/v1/imports", {"files": example_files()})
    assert again.status_code == 202
    assert ImportRun.objects.count() == 2 and PriceIndex.objects.count() > 0


def test_a_bad_file_gives_every_error_and_changes_nothing() -> None:
    lines = (EXAMPLE / "price_index.csv").read_text().splitlines()
    bad = SimpleUploadedFile("price_index.csv", f"{lines[0]}\n2024,tre\n20x5,2.0\n".encode())
    answer = _client("economist").post("/api/v1/imports", {"files": [bad]})
    assert answer.status_code == 422
    errors = answer.json()["errors"]
    assert {(e["file"], e["row"]) for e in errors} == {
        ("price_index.csv", 2),
        ("price_index.csv", 3),
    }
    assert all(e["column"] and e["reason"] for e in errors)
    assert not PriceIndex.objects.exists()


def test_a_caseworkers_token_may_not_import() -> None:
    answer = _client("caseworker", "Team Nord").post("/api/v1/imports", {"files": example_files()})
    assert answer.status_code == 403
    assert not ImportRun.objects.exists()
