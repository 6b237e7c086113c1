"""The monthly report's data figures stored per data version (issue 12): the after-import task
stores them with the report's charts drawn, they equal a fresh computation, and a report in
a fresh process reads them: the same report, without preparing the dataset, loading the
postings or drawing a chart."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from ramme.reports import charts
from ramme.reports.model import Chart, Report
from ramme.reports.renderers import RENDERERS
from ramme.web.forecasts.models import StoredForecast
from ramme.web.forecasts.services import cache, followup, precompute, stored
from ramme.web.quality.services import data as quality_data
from ramme.web.reports.builders import BUILDERS, monthly, monthly_stored
from tests.web.reports.test_monthly_data import AS_OF, example_with_plan

pytestmark = pytest.mark.django_db
OPTIONS = {"as_of": AS_OF, "today": date(2024, 10, 5)}


def _after_import() -> None:
    """The background task after an import, as the worker runs it, then a new worker."""
    version = cache.data_version()
    for day, sims in followup.needed_forecasts(AS_OF):
        stored.queue_row(version, day, sims, 0)
    precompute.compute(StoredForecast.objects.get(as_of=AS_OF, simulations=30).pk)
    cache.clear()
    charts._render.cache_clear()


def _kept() -> monthly_stored.DataFigures:
    blob = stored.load_report_figures(cache.data_version(), AS_OF, 30, 0)
    kept = monthly_stored.RESULT.decode(blob) if blob is not None else None
    assert kept is not None, "the task stored no report figures"
    return kept


def _charts(report: Report) -> list[Chart]:
    return [b for s in report.sections for b in s.blocks if isinstance(b, Chart)]


def test_the_task_stores_the_figures_and_they_equal_a_fresh_computation(db: None) -> None:
    example_with_plan()
    _after_import()
    kept = _kept()
    assert replace(kept, drawn={}) == monthly.data_figures(AS_OF)
    assert kept.recipients["Anbringelser"] and kept.reconciliation.postings
    fresh = _charts(BUILDERS["monthly"].build(dict(OPTIONS)))
    assert fresh and set(kept.drawn) == set(fresh)  # every chart of the report, drawn once
    charts._render.cache_clear()
    assert all(kept.drawn[c] == charts.svg(c) for c in fresh)


def _refuse_to_compute(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("computed while a user waited")

    monkeypatch.setattr(cache, "load_prepared", refuse)
    monkeypatch.setattr(quality_data, "load_dataset", refuse)
    monkeypatch.setattr(quality_data, "quality_ledger", refuse)
    monkeypatch.setattr(monthly, "data_figures", refuse)
    monkeypatch.setattr(charts, "figure", refuse)


def test_a_report_in_a_fresh_process_reads_them_and_says_the_same(
    db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    example_with_plan()
    computed = BUILDERS["monthly"].build(dict(OPTIONS))  # nothing stored: all computed here
    expected = RENDERERS["html"].render(computed)
    cache.clear()
    charts._render.cache_clear()
    _after_import()
    _refuse_to_compute(monkeypatch)
    report = BUILDERS["monthly"].build(dict(OPTIONS))
    assert report == computed
    assert all(c.drawn for c in _charts(report))
    assert RENDERERS["html"].render(report) == expected
    assert RENDERERS["pdf"].render(report).startswith(b"%PDF")
