"""The forecast's accuracy on the latest complete year (prognosens træfsikkerhed): the
backtest computed once per data version, in the background, and stored for every reader.

``request`` makes (or finds) the report of a year for the current data and queues its
computation; ``compute`` is the task's body; ``latest_year`` picks the year to show.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ramme.web.data.models import Budget
from ramme.web.forecasts.models import AccuracyReport
from ramme.web.forecasts.services import cache
from ramme.web.forecasts.services.backtests import run_backtest
from ramme.web.forecasts.services.year_end import default_as_of


def latest_year() -> int | None:
    """The latest complete year with a budget: the year before the latest posting's, or
    that year when its last month end has passed. Read from the budget rows, not the
    prepared dataset: the import calls it as it commits, and loading every table there cost
    6-16 s of a Copenhagen-size import (the background task loads the data anyway)."""
    years = set(Budget.objects.order_by().values_list("year", flat=True).distinct())
    as_of = default_as_of()
    last = as_of.year if as_of >= date(as_of.year, 12, 31) else as_of.year - 1
    done = [y for y in years if y <= last]
    return max(done) if done else None


def current(year: int) -> AccuracyReport | None:
    """The year's report for the data as it stands now, if one was asked for."""
    return AccuracyReport.objects.filter(year=year, data_version=cache.data_version()).first()


def request(year: int) -> AccuracyReport:
    """The year's report for the current data; queued for computing when new or failed."""
    report, created = AccuracyReport.objects.get_or_create(
        year=year, data_version=cache.data_version()
    )
    if created or report.status == AccuracyReport.Status.FAILED:
        report.status, report.error, report.months_done = AccuracyReport.Status.PENDING, "", 0
        report.save(update_fields=["status", "error", "months_done"])
        enqueue(report.pk)
    return report


def after_import(**_: object) -> None:
    """New data: queue the accuracy of the latest complete year once the import commits
    (``RAMME_ACCURACY_AFTER_IMPORT = False`` in settings turns it off, as the tests do)."""
    if not getattr(settings, "RAMME_ACCURACY_AFTER_IMPORT", True):
        return

    def queue() -> None:
        year = latest_year()
        if year is not None:
            request(year)

    transaction.on_commit(queue)


def enqueue(report_pk: int) -> None:
    """Run the computation in the background task queue."""
    from ramme.web.forecasts.tasks import compute_accuracy

    compute_accuracy.enqueue(report_pk)


def compute(report_pk: int) -> None:
    """Backtest the report's year month by month, saving progress; store the result."""
    report = AccuracyReport.objects.get(pk=report_pk)
    report.status = AccuracyReport.Status.RUNNING
    report.save(update_fields=["status"])

    def progress(done: int) -> None:
        AccuracyReport.objects.filter(pk=report_pk).update(months_done=done)

    try:
        result = run_backtest(report.year, progress=progress)
    except Exception as error:  # the page says it failed; the log has the traceback
        AccuracyReport.objects.filter(pk=report_pk).update(
            status=AccuracyReport.Status.FAILED, error=str(error), finished_at=timezone.now()
        )
        raise
    AccuracyReport.objects.filter(pk=report_pk).update(
        status=AccuracyReport.Status.DONE,
        payload=result.to_dict(),
        months_done=12,
        finished_at=timezone.now(),
    )


def payload_of(report: AccuracyReport) -> dict[str, Any] | None:
    return report.payload if report.status == AccuracyReport.Status.DONE else None
