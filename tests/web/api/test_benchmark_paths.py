"""``/api/v1/benchmark``, ``/offers`` and ``/casework``: token auth, the page's figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from ramme.web.data.services.importer import import_folder
from tests.web.api.conftest import token_client
from tests.web.personas import make_user
from tests.web.test_import import write_folder
from tests.web.test_import_v2 import V2

PATHS = ("/api/v1/benchmark", "/api/v1/offers", "/api/v1/casework")


@pytest.fixture
def data(db: None, tmp_path: Path) -> None:
    assert import_folder(write_folder(tmp_path / "data", V2)).ok


def test_the_paths_need_a_token(data: None) -> None:
    for path in PATHS:
        assert Client().get(path).status_code == 401


def test_the_paths_are_in_the_schema(db: None) -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    assert set(schema["paths"]) >= set(PATHS)


def test_benchmark_gives_own_figures_beside_the_supplied_ones(data: None) -> None:
    client = token_client(make_user("alice", "caseworker", "Team Nord"))
    body = client.get("/api/v1/benchmark", {"year": 2024}).json()
    assert body["years"] == [2021, 2022, 2023, 2024]
    spending = next(i for i in body["indicators"] if i["code"] == "udgift_pr_0_17")
    assert [r["municipality"] for r in spending["rows"]][1:] == ["Aabenraa"]
    assert spending["rows"][1]["values"] == [None, None, None, 16250.0]
    placed = next(i for i in body["indicators"] if i["code"] == "anbragte_pr_1000_0_22")
    assert placed["rows"][0]["values"][-1] == "–"  # one placed child: hidden


def test_offers_and_casework_answer_per_month(data: None) -> None:
    client = token_client(make_user("erik", "economist"))
    offers = client.get("/api/v1/offers", {"as_of": "2024-12-31"}).json()
    family = next(o for o in offers if o["provider_id"] == "P1")
    july = next(m for m in family["months"] if m["month"] == "2024-07")
    assert july["places"] == 12.0
    work = client.get("/api/v1/casework", {"as_of": "2024-12-31"}).json()
    assert work["has_end_dates"] and work["months"][0]["month"] == "2024-01"
