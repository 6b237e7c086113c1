"""The accuracy page (prognosens træfsikkerhed): computed in the background once per data
version, the same figures as ``ramme backtest --json``, asked for only by economists."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from ramme.core.forecast.band_oracle import one_year_range
from ramme.core.money import format_number
from ramme.web.accounts.models import User
from ramme.web.data.services.importer import import_folder
from ramme.web.forecasts.models import AccuracyReport
from ramme.web.forecasts.services import accuracy, cache
from tests.web.personas import PASSWORD, make_user

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(scope="module")
def small_world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from ramme.demo import generate

    folder = tmp_path_factory.mktemp("world")
    generate(folder, population=12_000, years=(2022, 2024), seed=5)
    return folder


@pytest.fixture
def imported(db: None, small_world: Path, settings: Settings) -> dict[str, User]:
    settings.TASKS = IMMEDIATE
    assert import_folder(small_world).ok
    cache.clear()
    return {"erik": make_user("erik", "economist"), "carl": make_user("carl", "caseworker", "T")}


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def test_the_page_says_it_is_not_computed_and_offers_the_economist_to_compute(
    imported: dict[str, User],
) -> None:
    page = _client("erik").get("/prognose/traefsikkerhed/")
    assert page.status_code == 200
    assert page.context["year"] == 2024
    assert b'id="beregn"' in page.content
    assert b'id="beregn"' not in _client("carl").get("/prognose/traefsikkerhed/").content


def test_a_caseworker_cannot_order_the_computation(imported: dict[str, User]) -> None:
    answer = _client("carl").post("/prognose/traefsikkerhed/beregn/", {"aar": "2024"})
    assert answer.status_code == 403
    assert not AccuracyReport.objects.exists()


def test_computed_report_shows_the_same_figures_as_the_cli(
    imported: dict[str, User], tmp_path: Path
) -> None:
    client = _client("erik")
    answer = client.post("/prognose/traefsikkerhed/beregn/", {"aar": "2024"})
    assert answer.status_code == 302
    report = AccuracyReport.objects.get()
    assert report.status == "done" and report.months_done == 12
    out = tmp_path / "bt.json"
    call_command("backtest", "--year", "2024", "--json", str(out), stdout=io.StringIO())
    cli = json.loads(out.read_text())
    assert report.payload == cli
    page = client.get("/prognose/traefsikkerhed/", {"aar": "2024"})
    months = page.context["months"]
    assert [m.as_of.month for m in months] == list(range(1, 13))
    assert months[5].errors[0] == pytest.approx(cli["months"][5]["error_pct"], abs=1e-9)
    assert months[5].errors[2] == pytest.approx(cli["months"][5]["run_rate_error_pct"], abs=1e-9)
    assert b"<svg" in page.content and b'id="pr-aktivitet"' in page.content
    low, high = (format_number(bound, 0) for bound in one_year_range())
    hint = page.content.decode().split('id="daekning-forklaring"')[1].split("</p>")[0]
    assert f"mellem {low} % og {high} % af månederne" in hint
    assert {line.activity for line in page.context["lines"]} <= {
        r["activity"] for r in cli["months"][0]["line_results"]
    }


def test_a_caseworker_sees_the_frame_but_not_the_lines(imported: dict[str, User]) -> None:
    from tests.web.api.conftest import token_client

    assert _client("erik").post("/prognose/traefsikkerhed/beregn/", {"aar": "2024"}).status_code
    page = _client("carl").get("/prognose/traefsikkerhed/", {"aar": "2024"})
    assert b'id="pr-aktivitet-skjult"' in page.content and b'id="pr-aktivitet"' not in page.content
    assert len(page.context["months"]) == 12  # the frame stays
    for user, shown in (("erik", True), ("carl", False)):
        body = token_client(imported[user]).get("/api/v1/backtest?year=2024").json()
        assert bool(body["months"][0]["line_results"]) is shown
        assert body["months"][0]["outturn"] > 0


def test_a_new_import_queues_the_accuracy_of_the_latest_year(
    imported: dict[str, User],
    settings: Settings,
    small_world: Path,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    settings.RAMME_ACCURACY_AFTER_IMPORT = True
    queued: list[int] = []
    monkeypatch.setattr(accuracy, "enqueue", queued.append)
    with django_capture_on_commit_callbacks(execute=True):
        assert import_folder(small_world).ok
    report = AccuracyReport.objects.get()
    assert queued == [report.pk]
    assert (report.year, report.status) == (2024, "pending")
    assert report.data_version == cache.data_version()


def test_progress_is_shown_while_it_runs(imported: dict[str, User]) -> None:
    AccuracyReport.objects.create(
        year=2024, data_version=cache.data_version(), status="running", months_done=4
    )
    page = _client("erik").get("/prognose/traefsikkerhed/")
    assert b'<progress id="fremdrift" max="12" value="4"' in page.content
    # the shared polling script (front/progress.js) counts the status's "months_done"
    assert b'data-progress-count="months_done"' in page.content
    assert b"front/progress.js" in page.content
    status = _client("erik").get("/prognose/traefsikkerhed/", {"format": "json"}).json()
    assert status == {"status": "running", "months_done": 4, "error": ""}


def test_line_page_shows_the_calibration_of_the_cli_json(imported: dict[str, User]) -> None:
    from ramme.web.data.models import ActivityLine

    out = io.StringIO()
    call_command("forecast", "--as-of", "2024-06-30", "--json", stdout=out)
    cli = json.loads(out.getvalue())
    assert cli["calibration"]["years"] == [2023]
    client = _client("erik")
    for line in cli["lines"]:
        pk = ActivityLine.objects.get(name=line["activity"]).pk
        page = client.get(f"/prognose/linje/{pk}/", {"dato": "2024-06-30"})
        shown = page.context["line"]
        assert float(shown.components.calibration) == line["components"]["calibration"]
        assert (float(shown.p10), float(shown.p90)) == (line["p10"], line["p90"])
        weights = cli["calibration"]["lines"][line["activity"]]["weights"]
        assert sum(weights.values()) == pytest.approx(1.0, abs=1e-3)
        case_based = cli["calibration"]["lines"][line["activity"]]["case_based"]
        assert line["forecast"] - line["components"]["calibration"] == pytest.approx(
            case_based, abs=2
        )
    assert page.context["calibration"]["years"] == (2023,)
    assert b'id="kalibreringsvaegte"' in page.content
    # one earlier year: the page says the calibration and its band rest on little
    assert b'id="kort-historik"' in page.content
    assert "hviler kun på 1 tidligere år" in page.content.decode()
