"""The forecasts of new data computed in the background (forudberegning): after an import,
a budget, price index or catalogue change, the forecasts the follow-up, line pages and
reports read are queued once for the new data version, with the pages' figures beside the
latest month end's (``page_figures``), so no page simulates or prepares the dataset while a
user waits; ``waiting`` tells a page that they are still being computed.
"""

from __future__ import annotations

import logging
from datetime import date

from django.conf import settings
from django.db import connection, transaction

from ramme.web.forecasts import also_stored
from ramme.web.forecasts.models import StoredForecast
from ramme.web.forecasts.services import cache, followup, stored, year_end

log = logging.getLogger(__name__)


def queue(as_of: date | None = None) -> list[int]:
    """Queue every forecast the pages on ``as_of`` (default: the latest month end) need
    and are not stored for the current data version; forget the older versions."""
    version = cache.data_version()
    stored.forget_other_versions(version)
    day = as_of or year_end.default_as_of()
    queued = []
    for when, simulations in followup.needed_forecasts(day):
        pk = stored.queue_row(version, when, simulations, 0)
        if pk is not None:
            queued.append(pk)
    for pk in queued:
        enqueue(pk)
    return queued


def _queue_on_commit() -> None:
    queue()


def after_data_change(**_: object) -> None:
    """New data (the import signal, or a saved budget, price index or measure type): queue
    the forecasts once the transaction commits, once per transaction however many rows
    changed (``RAMME_FORECAST_AFTER_IMPORT = False`` turns it off, as the tests do)."""
    if not getattr(settings, "RAMME_FORECAST_AFTER_IMPORT", True):
        return
    if any(entry[1] is _queue_on_commit for entry in connection.run_on_commit):
        return
    transaction.on_commit(_queue_on_commit)


def enqueue(pk: int) -> None:
    """Run the computation in the background task queue."""
    from ramme.web.forecasts.tasks import compute_stored_forecast

    compute_stored_forecast.enqueue(pk)


def compute(pk: int) -> None:
    """The task's body: compute and store the row's forecast, unless the data changed since
    it was queued (then the new version's own rows are queued and this one is dropped)."""
    row = StoredForecast.objects.filter(pk=pk).first()
    if row is None:
        return
    if row.status == stored.Status.DONE:
        # stored by a page or the CLI before the task ran (the demo's snapshots do): its
        # companions are still the task's to store; each keeps what is stored already
        if row.data_version == cache.data_version() and followup.is_stored(
            row.simulations, row.seed, None
        ):
            _store_others(row.as_of)
        return
    if row.data_version != cache.data_version():
        row.delete()
        return
    stored.mark(pk, stored.Status.RUNNING)
    try:
        cache.cached_forecast(row.as_of, row.simulations, row.seed)
        if followup.is_stored(row.simulations, row.seed, None):
            # the row stays «running» until the pages' figures are stored too, so no page
            # computes them itself meanwhile (it says «beregnes» instead)
            stored.mark(pk, stored.Status.RUNNING)
            followup.stored_figures(row.as_of, every_chart=True, keep=False)
            stored.mark(pk, stored.Status.DONE)
            _store_others(row.as_of)
    except Exception as error:  # the page then computes itself; the log has the traceback
        stored.mark(pk, stored.Status.FAILED, str(error))
        raise


def _store_others(as_of: date) -> None:
    # after the row is done: a failure here leaves the forecast stored (the page that needs
    # the other result computes it itself), with the traceback in the log; then the records
    # they read are let go, as the process goes on to the next task
    for store in also_stored.stores():
        try:
            store(as_of)
        except Exception:
            log.exception("could not store %s on %s", store.__qualname__, as_of)
    cache.release_records()


def waiting(as_of: date) -> stored.Progress | None:
    """Progress while forecasts the pages on ``as_of`` need are queued or running."""
    return stored.progress(cache.data_version(), followup.needed_forecasts(as_of))
