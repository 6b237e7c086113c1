"""The pages' figures stored per data version (sidetal): a warm follow-up, line or case page
in a fresh process prepares no dataset, simulates nothing and builds no figures, yet shows
exactly what a fresh computation gives; saving a month's snapshot redraws the history."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from ramme.web.accounts import disclosure
from ramme.web.accounts.models import User
from ramme.web.data.models import ActivityLine
from ramme.web.forecasts.chart import HISTORY_TITLE, history_figure
from ramme.web.forecasts.models import StoredForecast
from ramme.web.forecasts.services import cache, followup, page_figures, precompute, stored, year_end
from tests.web.forecasts.conftest import AS_OF
from tests.web.personas import PASSWORD

DATO = AS_OF.strftime("%d.%m.%Y")


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def _pages(client: Client) -> dict[str, Any]:
    """The follow-up, the page of its first line with a case the user sees, and the page of
    that line's dearest case."""
    follow_up = client.get("/prognose/", {"dato": DATO})
    assert follow_up.status_code == 200
    for name in (line.activity for line in follow_up.context["fu"].forecast.lines):
        pk = ActivityLine.objects.get(name=name).pk
        line = client.get(f"/prognose/linje/{pk}/", {"dato": DATO})
        assert line.status_code == 200
        if line.context["measures"]:
            break
    measure_id = line.context["measures"][0]["measure_id"]
    case = client.get(f"/prognose/indsats/{measure_id}/", {"dato": DATO})
    assert case.status_code == 200
    fu = follow_up.context["fu"]
    return {
        "figures": (fu.methods, fu.explanation, fu.volumes, fu.new, fu.ended, fu.changes),
        "volume_rows": follow_up.context["volume_rows"],
        "expensive": follow_up.context["expensive"],
        "chart": follow_up.context["chart"],
        "line": (line.context["measures"], line.context["chart"], line.context["history"]),
        "case": case.context["detail"],
    }


def _fresh_process_that_only_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Empty memory, as a new gunicorn worker; preparing, simulating, building or reading
    every measure's child (the small-number rule's, per request before) raises."""
    cache.clear()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("computed while a user waited")

    monkeypatch.setattr(cache, "load_prepared", refuse)
    monkeypatch.setattr(cache, "forecast", refuse)
    monkeypatch.setattr(page_figures, "build", refuse)
    monkeypatch.setattr(disclosure, "children_by_line", refuse)


@pytest.mark.parametrize("username", ["erik", "alice"])  # every case; only her team's
def test_a_warm_page_reads_what_is_stored_and_computes_nothing(
    example: dict[str, User], monkeypatch: pytest.MonkeyPatch, username: str
) -> None:
    first = _pages(_client(username))
    row = StoredForecast.objects.get(as_of=AS_OF, simulations=50)
    assert row.figures is not None  # stored for every worker, not only in this one's memory
    _fresh_process_that_only_reads(monkeypatch)
    assert _pages(_client(username)) == first


def test_the_stored_figures_equal_a_fresh_computation(example: dict[str, User]) -> None:
    shown = _pages(_client("erik"))
    fc = year_end.compute_forecast(AS_OF)
    fresh = followup._parts(fc, False, None)
    assert shown["figures"][:5] == (
        fresh.methods,
        fresh.explanation,
        fresh.volumes,
        fresh.new,
        fresh.ended,
    )
    assert shown["chart"] == history_figure(
        HISTORY_TITLE, followup.fresh_history(None, AS_OF), fc.total.budget
    )
    measures, chart, history = shown["line"]
    activity = fc.lines[0].activity
    on_line = [r for r in fc.measures.rows() if r["activity"] == activity]
    assert measures == sorted(on_line, key=lambda r: -r["year_cost"])
    assert history == followup.fresh_history(activity, AS_OF)
    assert chart == history_figure(HISTORY_TITLE, history, fc.line(activity).budget)
    assert followup.stored_figures(AS_OF).children == disclosure.children_by_line(fc)


def test_saving_an_earlier_month_redraws_the_stored_history(example: dict[str, User]) -> None:
    client = _client("erik")
    before = client.get("/prognose/", {"dato": DATO}).context["chart"]
    # the saved month's own simulated band replaces the deterministic one in the history
    march = followup.year_month_ends(AS_OF)[2]
    year_end.save_snapshot(year_end.compute_forecast(march))
    after = client.get("/prognose/", {"dato": DATO}).context["chart"]
    assert after != before
    fc = year_end.compute_forecast(AS_OF)
    assert after == history_figure(
        HISTORY_TITLE, followup.fresh_history(None, AS_OF), fc.total.budget
    )


def test_the_background_task_stores_the_figures_with_the_forecast(example: dict[str, User]) -> None:
    version = cache.data_version()
    for day, sims in followup.needed_forecasts(AS_OF):
        stored.queue_row(version, day, sims, 0)
    precompute.compute(StoredForecast.objects.get(as_of=AS_OF).pk)
    rows = StoredForecast.objects.filter(data_version=version)
    assert set(rows.values_list("status", flat=True)) == {"done"}
    blob = stored.load_figures(version, AS_OF, 50, 0)
    page = page_figures.decode(blob) if blob is not None else None
    assert page is not None
    # the task draws every line's chart; a page that builds them draws only the frame's
    fc = year_end.compute_forecast(AS_OF)
    assert set(page.charts) == {None, *(line.activity for line in fc.lines)}


def test_figures_of_another_shape_are_computed_again(
    example: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    _client("erik").get("/prognose/", {"dato": DATO})
    StoredForecast.objects.filter(as_of=AS_OF).update(figures=b"not figures")
    cache.clear()
    built: list[object] = []
    real = page_figures.build

    def counted(*a: Any) -> page_figures.PageFigures:
        built.append(a)
        return real(*a)

    monkeypatch.setattr(page_figures, "build", counted)
    assert _client("erik").get("/prognose/", {"dato": DATO}).status_code == 200
    assert len(built) == 1
    blob = stored.load_figures(cache.data_version(), AS_OF, 50, 0)
    assert blob is not None and page_figures.decode(blob) is not None
