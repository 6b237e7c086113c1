"""Forecasts computed once per data version and stored (lagrede prognoser): what the page,
the API and the CLI show is the stored result, equal to a fresh computation; another
process reads it without simulating; new data (an import, a budget correction) makes a new
version; after an import the background task computes what the pages need."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from ramme.core.forecast import Forecast, forecast
from ramme.web.accounts.models import User
from ramme.web.api.services.tokens import create_token
from ramme.web.budgets.services.budgets import BudgetEntry, enter_budget
from ramme.web.data.dataset import load_prepared
from ramme.web.data.models import ActivityLine, Budget
from ramme.web.data.services.importer import import_folder
from ramme.web.forecasts.models import StoredForecast
from ramme.web.forecasts.services import (
    cache,
    followup,
    page_figures,
    precompute,
    stored,
    year_end,
)
from tests.web.forecasts.conftest import AS_OF, EXAMPLE
from tests.web.personas import PASSWORD, make_user

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
DATO = AS_OF.strftime("%d.%m.%Y")


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def _cli_json() -> dict[str, object]:
    out = io.StringIO()
    call_command("forecast", "--as-of", AS_OF.isoformat(), "--json", stdout=out)
    return dict(json.loads(out.getvalue()))


def _forbid_computing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh process (empty memory) that must not simulate: computing raises."""
    cache.clear()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("simulated while a user waited")

    monkeypatch.setattr(cache, "forecast", refuse)


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    calls: list[object] = []

    def counted(*args: Any, **kwargs: Any) -> Forecast:
        calls.append(args[1])
        return forecast(*args, **kwargs)  # the one cache.forecast names

    monkeypatch.setattr(cache, "forecast", counted)
    return calls


def test_stored_result_equals_a_fresh_computation_on_page_api_and_cli(
    example: dict[str, User],
) -> None:
    page = _client("erik").get("/prognose/", {"dato": DATO})
    assert page.status_code == 200
    row = StoredForecast.objects.get(as_of=AS_OF, simulations=50)
    assert row.status == "done" and row.data_version == cache.data_version()
    assert row.payload is not None
    fresh = year_end.forecast_payload(forecast(load_prepared(), AS_OF, simulations=50, seed=0))
    assert page.context["fu"].payload == fresh
    assert {k: row.payload[k] for k in fresh if k != "action_plan"} == {
        k: v for k, v in fresh.items() if k != "action_plan"
    }
    assert _cli_json() == fresh
    _, raw = create_token("erik", "test")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get(f"/api/v1/forecast?as_of={AS_OF}")
    assert api.status_code == 200
    assert api.json()["total"]["forecast"] == fresh["total"]["forecast"]
    assert api.json()["lines"] == fresh["lines"]


def test_another_worker_reads_the_stored_result_without_simulating(
    example: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    client = _client("erik")
    first = client.get("/prognose/", {"dato": DATO})
    line = ActivityLine.objects.get(name=first.context["fu"].forecast.lines[0].activity)
    first_line = client.get(f"/prognose/linje/{line.pk}/", {"dato": DATO})
    _forbid_computing(monkeypatch)
    again = client.get("/prognose/", {"dato": DATO})
    assert again.status_code == 200
    assert again.context["fu"].payload == first.context["fu"].payload
    assert again.context["chart"] == first.context["chart"]  # history from the stored months
    line_page = client.get(f"/prognose/linje/{line.pk}/", {"dato": DATO})
    assert line_page.status_code == 200
    assert line_page.context["measures"] == first_line.context["measures"]
    assert line_page.context["calibration"] == first_line.context["calibration"]
    assert _cli_json() == first.context["fu"].payload


def test_the_history_uses_deterministic_forecasts_for_earlier_months(
    example: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _counting(monkeypatch)
    _client("erik").get("/prognose/", {"dato": DATO})
    sims = sorted(
        StoredForecast.objects.filter(as_of__lt=AS_OF).values_list("simulations", flat=True)
    )
    assert sims == [0] * (AS_OF.month - 1)  # January to August, no paths
    assert StoredForecast.objects.get(as_of=AS_OF).simulations == 50
    assert len(calls) == AS_OF.month  # each once, however often the page asks


def test_a_process_holds_forecasts_of_a_limited_number_of_measures(
    example: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "MAX_MEASURE_ROWS", 1)  # one forecast at a time, whatever size
    calls = _counting(monkeypatch)
    client = _client("erik")
    first = client.get("/prognose/", {"dato": DATO})
    assert len(cache._forecasts) == 1  # the others were let go as the next came
    again = client.get("/prognose/", {"dato": DATO})
    assert again.context["fu"].payload == first.context["fu"].payload
    assert again.context["chart"] == first.context["chart"]
    assert len(calls) == AS_OF.month  # let go, then read back as stored: never computed again


def test_a_budget_correction_makes_a_new_version_and_a_new_forecast(
    example: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    client = _client("erik")
    before = client.get("/prognose/", {"dato": DATO}).context["fu"].forecast
    old_version = cache.data_version()
    activity = ActivityLine.objects.get(name=before.lines[0].activity)
    entry = BudgetEntry(
        activity, 2024, Budget.Kind.CORRECTED, before.lines[0].budget + 1_000_000, AS_OF, "Test"
    )
    enter_budget(example["erik"], entry)
    assert cache.data_version() != old_version
    assert stored.load(cache.data_version(), AS_OF, 50, 0) is None
    calls = _counting(monkeypatch)
    after = client.get("/prognose/", {"dato": DATO}).context["fu"].forecast
    assert calls  # computed anew for the new version, not read from the old
    assert after.total.budget == before.total.budget + Decimal(1_000_000)


def test_a_new_import_makes_a_new_version(example: dict[str, User]) -> None:
    _client("erik").get("/prognose/", {"dato": DATO})
    old_version = cache.data_version()
    assert import_folder(EXAMPLE).ok
    assert cache.data_version() != old_version
    assert stored.load(cache.data_version(), AS_OF, 50, 0) is None


def test_after_an_import_the_task_stores_what_the_pages_need(
    db: None,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    settings.TASKS = IMMEDIATE
    settings.RAMME_FORECAST_AFTER_IMPORT = True
    make_user("erik", "economist")
    with django_capture_on_commit_callbacks(execute=True):
        assert import_folder(EXAMPLE).ok
    version = cache.data_version()
    as_of = year_end.default_as_of()
    wanted = followup.needed_forecasts(as_of)
    rows = StoredForecast.objects.filter(data_version=version, status="done")
    assert {(r.as_of, r.simulations) for r in rows} == set(wanted)
    _forbid_computing(monkeypatch)
    page = _client("erik").get("/prognose/", {"dato": as_of.strftime("%d.%m.%Y")})
    assert page.status_code == 200 and "fu" in page.context


def test_the_task_lets_go_of_what_it_stored_before_the_next_task(
    example: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The task's process goes on to the earlier months and the backtest (at all of Denmark
    the records alone are 1.2 GB): once the month ends are drawn it holds the as-of forecast
    only, and once everything is stored the arrays only."""
    cache.clear()
    precompute.queue(AS_OF)
    row = StoredForecast.objects.get(as_of=AS_OF, simulations=year_end.default_simulations())
    held_at_the_stores: list[tuple[list[date], int, int]] = []
    store_others = precompute._store_others

    def records_held() -> int:
        prep = cache.prepared_if_held()
        assert prep is not None and prep.full is not None  # the arrays stay, for the next task
        records: Any = prep.full  # load_prepared's reader, a functools.cache
        return int(records.cache_info().currsize)

    def spied(as_of: Any) -> None:
        forecasts = [key[1] for key in cache._forecasts]
        held_at_the_stores.append((forecasts, records_held(), len(page_figures._memo())))
        store_others(as_of)

    monkeypatch.setattr(precompute, "_store_others", spied)
    precompute.compute(row.pk)
    # the as-of forecast alone (not January to August too), the records, read for the
    # page's figures, and not those figures (stored)
    assert held_at_the_stores == [([AS_OF], 1, 0)]
    assert records_held() == 0
    assert cache._forecasts == {} and cache._other == {}
    _forbid_computing(monkeypatch)
    page = _client("erik").get("/prognose/", {"dato": DATO})
    assert page.status_code == 200 and page.context["fu"].forecast.as_of == AS_OF


def test_after_an_import_the_pages_forecasts_are_taken_before_the_backtest(
    db: None, settings: Settings, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    settings.TASKS = DATABASE
    settings.RAMME_FORECAST_AFTER_IMPORT = settings.RAMME_ACCURACY_AFTER_IMPORT = True
    with django_capture_on_commit_callbacks(execute=True):
        assert import_folder(EXAMPLE).ok
    queued = [r.task_path.rsplit(".", 1)[-1] for r in DBTaskResult.objects.ready()]
    assert "compute_accuracy" in queued and queued[0] == "compute_stored_forecast"
    assert queued[-1] == "compute_accuracy"


def test_while_queued_the_page_says_it_is_computing(example: dict[str, User]) -> None:
    version = cache.data_version()
    wanted = followup.needed_forecasts(AS_OF)
    for day, sims in wanted:
        stored.queue_row(version, day, sims, 0)
    client = _client("erik")
    page = client.get("/prognose/", {"dato": DATO})
    assert page.status_code == 200
    assert "Prognosen beregnes" in page.content.decode()
    # the shared polling script (front/progress.js) counts the status's "done"
    assert 'data-progress-count="done"' in page.content.decode()
    assert "front/progress.js" in page.content.decode()
    status = client.get("/prognose/status/", {"dato": DATO}).json()
    assert status == {"ready": False, "done": 0, "total": len(wanted)}
    # an earlier month's deterministic forecast (the as-of date's task computes them all)
    earlier = StoredForecast.objects.filter(simulations=0).order_by("as_of").first()
    assert earlier is not None
    precompute.compute(earlier.pk)
    assert client.get("/prognose/status/", {"dato": DATO}).json()["done"] == 1
    # a queued row nobody ran for a long time is taken as lost: the page computes itself
    StoredForecast.objects.update(requested_at=timezone.now() - timedelta(hours=1))
    assert client.get("/prognose/status/", {"dato": DATO}).json() == {"ready": True}
    assert "fu" in client.get("/prognose/", {"dato": DATO}).context


def test_a_task_of_an_outdated_version_is_dropped(example: dict[str, User]) -> None:
    pk = stored.queue_row("an-older-version", AS_OF, 50, 0)
    assert pk is not None
    precompute.compute(pk)
    assert not StoredForecast.objects.filter(pk=pk).exists()


def test_a_budget_saved_queues_the_new_versions_forecasts_once(
    example: dict[str, User],
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    settings.RAMME_FORECAST_AFTER_IMPORT = True
    queued: list[int] = []
    monkeypatch.setattr(precompute, "enqueue", queued.append)
    activity = ActivityLine.objects.first()
    assert activity is not None
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for day in (AS_OF, AS_OF - timedelta(days=1)):  # two rows in one transaction
            enter_budget(
                example["erik"],
                BudgetEntry(activity, 2024, Budget.Kind.CORRECTED, Decimal(1), day, "Test"),
            )
    assert len(callbacks) == 1
    rows = StoredForecast.objects.filter(data_version=cache.data_version(), status="pending")
    assert sorted(queued) == sorted(rows.values_list("pk", flat=True))
    assert len(queued) == len(followup.needed_forecasts(year_end.default_as_of()))
