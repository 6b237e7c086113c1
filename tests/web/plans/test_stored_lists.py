"""The review lists stored per data version (lagrede opfølgningslister): the after-import
task stores them on the forecast row, a fresh process's view reads them and walks no case,
they equal a fresh computation, and a review recorded since leaves the «due» list at once."""

from __future__ import annotations

import pytest
from django.test import Client

from ramme.core.plans import reviews
from ramme.web.forecasts.models import StoredForecast
from ramme.web.forecasts.services import cache, followup, precompute, stored
from ramme.web.plans import loader, stored_lists
from tests.web.forecasts.conftest import AS_OF, example  # noqa: F401  (the fixture)
from tests.web.personas import PASSWORD


@pytest.fixture(autouse=True)
def _fast_forecast(fast_forecast: None) -> None:
    """The task forecasts too (the shared fixture in tests/web/conftest.py)."""


URL = f"/handleplaner/opfoelgning/?dato={AS_OF:%d.%m.%Y}"


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def _after_import() -> None:
    """The background task after an import, as the worker runs it."""
    version = cache.data_version()
    for day, sims in followup.needed_forecasts(AS_OF):
        stored.queue_row(version, day, sims, 0)
    precompute.compute(StoredForecast.objects.get(as_of=AS_OF, simulations=50).pk)
    cache.clear()  # a new worker: nothing in memory, the results in the database


def _shown(client: Client, query: str = "") -> dict[str, object]:
    page = client.get(URL + query)
    assert page.status_code == 200
    keys = ("due", "past_limit", "supplements", "unapproved", "types", "occupancy", "caseloads")
    shown = {key: page.context[key] for key in keys}
    shown["rows"] = [list(entry["page"].object_list) for entry in page.context["lists"]]
    return shown


def _refuse_to_compute(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("computed while a user waited")

    monkeypatch.setattr(stored_lists, "build", refuse)
    monkeypatch.setattr(stored_lists, "plan_data_at_hand", refuse)
    monkeypatch.setattr(loader, "load_dataset", refuse)
    monkeypatch.setattr(cache, "load_prepared", refuse)


def test_the_task_stores_the_lists_and_they_equal_a_fresh_computation(example) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _after_import()
    blob = stored.load_review_lists(cache.data_version(), AS_OF, 50, 0)
    kept = stored_lists.decode(blob) if blob is not None else None
    assert kept is not None and kept == stored_lists.build(AS_OF)
    data = loader.load_plan_data()
    measures = list(data.measures)
    assert kept.lists == {
        "due": reviews.due_for_review(measures, loader.last_reviews(), AS_OF),
        "past_limit": reviews.past_duration_limit(measures, data.types, AS_OF),
        "supplements": reviews.supplement_issues(measures, AS_OF),
        "unapproved": reviews.unapproved(measures, AS_OF),
    }
    assert any(kept.lists.values())  # the example has cases on the lists


@pytest.mark.parametrize("username", ["erik", "alice"])  # every case; only her own
def test_a_view_in_a_fresh_process_reads_the_stored_lists_and_computes_nothing(  # type: ignore[no-untyped-def]
    example,  # noqa: F811
    monkeypatch,
    username,
) -> None:
    computed = {query: _shown(_client(username), query) for query in ("", "&sorter=type")}
    _after_import()
    _refuse_to_compute(monkeypatch)
    for query, shown in computed.items():
        assert _shown(_client(username), query) == shown


def test_a_review_recorded_after_the_task_leaves_the_due_list_without_a_rebuild(  # type: ignore[no-untyped-def]
    example,  # noqa: F811
    monkeypatch,
) -> None:
    _after_import()
    client = _client("erik")
    due = _shown(client)["due"]
    assert due
    _refuse_to_compute(monkeypatch)
    first = due[0]  # type: ignore[index]
    reviewed = client.post(URL, {"measure_id": first.measure_id, "reviewed_on": "15.09.2024"})
    assert reviewed.status_code == 302
    after = _shown(client)["due"]
    assert [i.measure_id for i in after] == [i.measure_id for i in due[1:]]  # type: ignore[index]
