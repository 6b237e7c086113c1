"""Background tasks (django-tasks) of the forecasts app; the work is in services."""

from __future__ import annotations

from django_tasks import task

from ramme.web.forecasts.services import accuracy


@task()
def compute_accuracy(report_pk: int) -> None:
    """The backtest behind the accuracy page (prognosens træfsikkerhed)."""
    accuracy.compute(report_pk)


@task()
def compute_stored_forecast(pk: int) -> None:
    """A forecast of new data, stored for every reader (lagret prognose)."""
    from ramme.web.forecasts.services import precompute

    precompute.compute(pk)
