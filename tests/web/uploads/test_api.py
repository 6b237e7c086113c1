"""The import endpoints of the API, mounted on a NinjaAPI of the test's own (session auth)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import path
from ninja import NinjaAPI
from ninja.security import django_auth

from ramme.web.accounts.models import Role
from ramme.web.api.imports import router
from ramme.web.data.models import ImportRun, Posting
from ramme.web.data.services.importer import import_folder
from tests.web.personas import make_user
from tests.web.uploads.conftest import EXAMPLE, example_files

api = NinjaAPI(urls_namespace="test-imports-api", auth=django_auth)
api.add_router("/v1", router)
urlpatterns = [path("api/", api.urls)]

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.web.uploads.test_api")]


@pytest.fixture
def economist(client: Client) -> Client:
    client.force_login(make_user("erik", Role.ECONOMIST))
    return client


def test_a_dry_run_validates_and_imports_nothing(economist: Client) -> None:
    response = economist.post("/api/v1/imports", {"files": example_files(), "dry_run": "true"})
    assert response.status_code == 202
    body = response.json()
    assert body["status"] == "valid" and body["errors"] == []
    assert not Posting.objects.exists() and not ImportRun.objects.exists()
    again = economist.get(f"/api/v1/imports/{body['id']}").json()
    assert again["status"] == "valid" and again["progress"] == 100


def test_an_import_is_accepted_and_runs(economist: Client) -> None:
    response = economist.post("/api/v1/imports", {"files": example_files()})
    assert response.status_code == 202
    status = economist.get(f"/api/v1/imports/{response.json()['id']}").json()
    assert status["status"] == "imported" and status["import_run"] == ImportRun.objects.get().pk
    assert ImportRun.objects.get().origin == "api" and Posting.objects.exists()


def test_bad_files_give_422_with_every_error_and_change_nothing(
    economist: Client, tmp_path: Path
) -> None:
    text = (EXAMPLE / "price_index.csv").read_text().splitlines()
    bad = "\n".join([text[0], "2024,tre", "20x5,2.0"]) + "\n"
    files = [SimpleUploadedFile("price_index.csv", bad.encode())]
    response = economist.post("/api/v1/imports", {"files": files})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert [(e["file"], e["row"]) for e in errors] == [
        ("price_index.csv", 2),
        ("price_index.csv", 3),
    ]
    assert {e["column"] for e in errors} == {"rate", "year"} and all(e["reason"] for e in errors)
    assert not ImportRun.objects.exists()


def test_an_unknown_profile_gives_422(economist: Client) -> None:
    response = economist.post("/api/v1/imports", {"files": example_files(), "profile": "nej"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["reason"] == "importprofilen er ikke installeret"


def test_a_second_import_of_the_same_files_changes_nothing(economist: Client) -> None:
    assert import_folder(EXAMPLE).ok
    before = list(Posting.objects.values_list("posting_id", "amount", "activity_id"))
    assert economist.post("/api/v1/imports", {"files": example_files()}).status_code == 202
    run = ImportRun.objects.first()
    assert run is not None and run.origin == "api"
    assert all(f["created"] == f["updated"] == 0 for f in run.summary["files"].values())
    assert list(Posting.objects.values_list("posting_id", "amount", "activity_id")) == before


def test_caseworkers_get_403(client: Client) -> None:
    client.force_login(make_user("alice", Role.CASEWORKER, "Team Nord"))
    assert client.post("/api/v1/imports", {"files": example_files()}).status_code == 403
    assert client.get("/api/v1/imports/1").status_code == 403


def test_unknown_import_is_404(economist: Client) -> None:
    assert economist.get("/api/v1/imports/999").status_code == 404
