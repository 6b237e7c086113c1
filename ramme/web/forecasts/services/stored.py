"""Forecasts stored per data version (lagrede prognoser): computed once, read by every
gunicorn worker, the API, the CLI and the reports, so none of them simulates again.

This module only reads and writes the rows; ``cache.cached_forecast`` decides when to
compute, ``precompute`` queues the background computation after new data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from ramme.core.forecast import Forecast
from ramme.web.data.services.import_lock import running_elsewhere
from ramme.web.forecasts.models import StoredForecast
from ramme.web.forecasts.services import snapshots

Status = StoredForecast.Status
# A queued row this old is taken as lost (no worker ran it): the page computes it itself
# rather than saying "beregnes" for ever.
STALE_AFTER = timedelta(minutes=15)


def _rows(version: str, as_of: date, simulations: int, seed: int) -> QuerySet[StoredForecast]:
    return StoredForecast.objects.filter(
        data_version=version, as_of=as_of, simulations=simulations, seed=seed
    )


def load(version: str, as_of: date, simulations: int, seed: int) -> Forecast | None:
    """The finished forecast of this version and date, rebuilt from its row, or None."""
    payload = (
        _rows(version, as_of, simulations, seed)
        .filter(status=Status.DONE)
        .values_list("payload", flat=True)
        .first()
    )
    return None if payload is None else snapshots.rebuild(payload)


def store(version: str, fc: Forecast, seed: int) -> Forecast:
    """Save ``fc`` under ``version`` (finishing a queued row) and return it as every other
    reader will rebuild it, so this process shows exactly what the others show."""
    payload = snapshots.snapshot_payload(fc, fc.to_dict())
    if running_elsewhere():  # SQLite: the write would wait for the import; the next one stores
        return snapshots.rebuild(payload)
    values = {"status": Status.DONE, "payload": payload, "error": "", "finished_at": timezone.now()}
    try:
        with transaction.atomic():
            StoredForecast.objects.update_or_create(
                data_version=version,
                as_of=fc.as_of,
                simulations=fc.simulations,
                seed=seed,
                defaults=values,
            )
    except IntegrityError:  # another worker stored the same forecast at the same moment
        pass
    return snapshots.rebuild(payload)


def load_figures(version: str, as_of: date, simulations: int, seed: int) -> bytes | None:
    """The page figures stored beside the finished forecast (``page_figures``), or None."""
    blob = (
        _rows(version, as_of, simulations, seed)
        .filter(status=Status.DONE)
        .values_list("figures", flat=True)
        .first()
    )
    return None if blob is None else bytes(blob)


def store_figures(version: str, as_of: date, simulations: int, seed: int, blob: bytes) -> None:
    """Save the page figures on the forecast's row (there is one: they are computed from it)."""
    if running_elsewhere():  # SQLite: the write would wait for the import; the next one stores
        return
    _rows(version, as_of, simulations, seed).update(figures=blob)


def load_review_lists(version: str, as_of: date, simulations: int, seed: int) -> bytes | None:
    """The review lists stored on the row of this version and date (any status: they do not
    rest on the forecast, only on the same data), or None."""
    return _load_beside("review_lists", version, as_of, simulations, seed)


def store_review_lists(version: str, as_of: date, simulations: int, seed: int, blob: bytes) -> bool:
    """Save the review lists on the row of this version and date; False when there is no
    row (no forecast queued for the day: the caller keeps them in memory only)."""
    if running_elsewhere():  # SQLite: the write would wait for the import; the next one stores
        return False
    return bool(_rows(version, as_of, simulations, seed).update(review_lists=blob))


def load_findings(version: str, as_of: date, simulations: int, seed: int) -> bytes | None:
    """The data-quality findings (datakvalitetsfund) stored on the row of this version and
    date, any status as the review lists, or None."""
    return _load_beside("quality_findings", version, as_of, simulations, seed)


def store_findings(version: str, as_of: date, simulations: int, seed: int, blob: bytes) -> bool:
    """Save the data-quality findings on the row of this version and date; False when there
    is no row (the caller keeps them in memory only)."""
    if running_elsewhere():  # SQLite: the write would wait for the import; the next one stores
        return False
    return bool(_rows(version, as_of, simulations, seed).update(quality_findings=blob))


def load_report_figures(version: str, as_of: date, simulations: int, seed: int) -> bytes | None:
    """The monthly report's data figures stored on the row of this version and date, any
    status as the review lists, or None."""
    return _load_beside("report_figures", version, as_of, simulations, seed)


def store_report_figures(
    version: str, as_of: date, simulations: int, seed: int, blob: bytes
) -> bool:
    """Save the monthly report's data figures on the row of this version and date; False
    when there is no row (the caller keeps them in memory only)."""
    if running_elsewhere():  # SQLite: the write would wait for the import; the next one stores
        return False
    return bool(_rows(version, as_of, simulations, seed).update(report_figures=blob))


def _load_beside(
    column: str, version: str, as_of: date, simulations: int, seed: int
) -> bytes | None:
    # the results beside the forecast rest only on its data version, not on its status
    blob = _rows(version, as_of, simulations, seed).values_list(column, flat=True).first()
    return None if blob is None else bytes(blob)


def queue_row(version: str, as_of: date, simulations: int, seed: int) -> int | None:
    """A pending row for a forecast not stored yet (its pk to compute), None when there is
    one already (done, or queued by someone else)."""
    try:
        with transaction.atomic():
            row, created = StoredForecast.objects.get_or_create(
                data_version=version, as_of=as_of, simulations=simulations, seed=seed
            )
    except IntegrityError:
        return None
    if not created and row.status != Status.FAILED:
        return None
    if not created:
        row.status, row.error = Status.PENDING, ""
        row.save(update_fields=["status", "error"])
    return row.pk


def mark(pk: int, status: str, error: str = "") -> None:
    StoredForecast.objects.filter(pk=pk).update(status=status, error=error)


def forget_all() -> int:
    """Drop every stored forecast (case data changed outside an import)."""
    return int(StoredForecast.objects.all().delete()[0])


def forget_other_versions(version: str) -> int:
    """Delete the rows of earlier data versions (nobody reads them again)."""
    deleted, _ = StoredForecast.objects.exclude(data_version=version).delete()
    return deleted


@dataclass(frozen=True)
class Progress:
    """How far the background computation of the forecasts a page needs has come."""

    done: int
    total: int


def progress(version: str, wanted: list[tuple[date, int]], seed: int = 0) -> Progress | None:
    """Progress while some of ``wanted`` (date, simulations) are queued or running; None when
    none is (all stored, or missing: then the caller computes)."""
    rows = StoredForecast.objects.filter(
        data_version=version, seed=seed, as_of__in={day for day, _ in wanted}
    ).values_list("as_of", "simulations", "status", "requested_at")
    by_key = {(day, sims): (status, at) for day, sims, status, at in rows}
    fresh = timezone.now() - STALE_AFTER
    waiting = [
        key
        for key in wanted
        if key in by_key
        and by_key[key][0] in (Status.PENDING, Status.RUNNING)
        and by_key[key][1] >= fresh
    ]
    if not waiting:
        return None
    done = sum(1 for key in wanted if by_key.get(key, ("",))[0] == Status.DONE)
    return Progress(done, len(wanted))
