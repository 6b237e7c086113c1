"""The review lists stored per data version (lagrede opfølgningslister): the after-import
task stores them on the forecast row, a fresh process's view reads them and walks no case,
they equal a fresh computation, and a review recorded since leaves the «due» list at once."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from ramme.core.plans import reviews
from ramme.web.accounts.models import User
from ramme.web.forecasts.services import cache, stored
from ramme.web.plans import loader, stored_lists
from tests.web.forecasts.after_import import run_task
from tests.web.forecasts.conftest import AS_OF, example  # noqa: F401  (the fixture)
from tests.web.personas import login


@pytest.fixture(autouse=True)
def _fast_forecast(fast_forecast: None) -> None:
    """The task forecasts too (the shared fixture in tests/web/conftest.py)."""


URL = f"/handleplaner/opfoelgning/?dato={AS_OF:%d.%m.%Y}"


def _shown(client: Client, query: str = "") -> dict[str, Any]:
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


def test_the_task_stores_the_lists_and_they_equal_a_fresh_computation(
    example: dict[str, User],  # noqa: F811
) -> None:
    run_task(AS_OF)
    blob = stored.load_review_lists(cache.data_version(), AS_OF, 50, 0)
    kept = stored_lists.RESULT.decode(blob) if blob is not None else None
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
def test_a_view_in_a_fresh_process_reads_the_stored_lists_and_computes_nothing(
    example: dict[str, User],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    username: str,
) -> None:
    computed = {query: _shown(login(username), query) for query in ("", "&sorter=type")}
    run_task(AS_OF)
    _refuse_to_compute(monkeypatch)
    for query, shown in computed.items():
        assert _shown(login(username), query) == shown


def test_a_review_recorded_after_the_task_leaves_the_due_list_without_a_rebuild(
    example: dict[str, User],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run_task(AS_OF)
    client = login("erik")
    due = _shown(client)["due"]
    assert due
    _refuse_to_compute(monkeypatch)
    first = due[0]
    reviewed = client.post(URL, {"measure_id": first.measure_id, "reviewed_on": "15.09.2024"})
    assert reviewed.status_code == 302
    after = _shown(client)["due"]
    assert [i.measure_id for i in after] == [i.measure_id for i in due[1:]]
