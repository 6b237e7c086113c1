"""Background tasks (django-tasks) of the forecasts app; the work is in services."""

from __future__ import annotations

from django_tasks import task

from ramme.web.forecasts.services import accuracy

# The queue takes the highest priority first, then the oldest. The backtest (twelve
# forecasts, minutes at a large size) is queued at the same import as the pages' forecasts:
# behind them, so no page says «beregnes» while only the accuracy page's figures are due.
BACKTEST_PRIORITY = -10


@task(priority=BACKTEST_PRIORITY)
def compute_accuracy(report_pk: int) -> None:
    """The backtest behind the accuracy page (prognosens træfsikkerhed)."""
    accuracy.compute(report_pk)


@task()
def compute_stored_forecast(pk: int) -> None:
    """A forecast of new data, stored for every reader (lagret prognose)."""
    from ramme.web.forecasts.services import precompute

    precompute.compute(pk)
