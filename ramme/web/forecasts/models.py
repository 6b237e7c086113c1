"""Saved forecasts: one snapshot (prognoseopgørelse) per as-of date, usually a month end."""

from __future__ import annotations

from django.db import models


class ForecastSnapshot(models.Model):
    """The forecast as said on ``as_of``: the follow-up shows month-end snapshots side by side.

    ``payload`` is ``forecast_payload`` plus the per-measure detail and expectations, enough
    to rebuild the Forecast for the bridge to the next month.
    """

    as_of = models.DateField("opgørelsesdato", unique=True)
    year = models.PositiveIntegerField("år")
    created_at = models.DateTimeField("gemt", auto_now=True)
    created_by = models.CharField("gemt af", max_length=150, blank=True)
    payload = models.JSONField("prognose")
    # month close (månedsafslutning): an approved snapshot is locked and is what the month said
    approved_by = models.CharField("godkendt af", max_length=150, blank=True)
    approved_at = models.DateTimeField("godkendt", null=True, blank=True)

    class Meta:
        ordering = ["-as_of"]
        verbose_name = "prognoseopgørelse"
        verbose_name_plural = "prognoseopgørelser"

    def __str__(self) -> str:
        return f"Prognose pr. {self.as_of.isoformat()}"

    @property
    def approved(self) -> bool:
        return self.approved_at is not None


class TaskStatus(models.TextChoices):
    """Where a result computed in the background stands."""

    PENDING = "pending", "venter"
    RUNNING = "running", "beregnes"
    DONE = "done", "færdig"
    FAILED = "failed", "fejlede"


class AccuracyReport(models.Model):
    """The backtest of a complete year (prognosens træfsikkerhed), computed once per data
    version in the background and read by the accuracy page, the API and the CLI."""

    Status = TaskStatus

    year = models.PositiveIntegerField("år")
    data_version = models.CharField("dataversion", max_length=64)
    status = models.CharField("status", max_length=10, choices=Status, default=Status.PENDING)
    months_done = models.PositiveSmallIntegerField("måneder beregnet", default=0)
    payload = models.JSONField("backtest", null=True, blank=True)
    error = models.TextField("fejl", blank=True)
    requested_at = models.DateTimeField("bestilt", auto_now_add=True)
    finished_at = models.DateTimeField("færdig", null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(fields=["year", "data_version"], name="one_report_per_version")
        ]
        verbose_name = "træfsikkerhed"
        verbose_name_plural = "træfsikkerhed"

    def __str__(self) -> str:
        return f"Træfsikkerhed {self.year}"


class StoredForecast(models.Model):
    """A forecast computed once per data version (lagret prognose) and read by every worker,
    the API, the CLI and the reports, so a page never simulates while a user waits.

    ``simulations`` 0 is the deterministic forecast (no paths) the history chart and the
    earlier months' columns use; the latest month end is stored with its simulated band.
    ``payload`` is ``snapshots.snapshot_payload``: enough to rebuild the Forecast exactly.
    """

    Status = TaskStatus

    data_version = models.CharField("dataversion", max_length=64)
    as_of = models.DateField("opgørelsesdato")
    simulations = models.PositiveIntegerField("simulationer")
    seed = models.IntegerField("startværdi", default=0)
    status = models.CharField("status", max_length=10, choices=Status, default=Status.PENDING)
    payload = models.JSONField("prognose", null=True, blank=True)
    # the pages' figures beside the forecast (page_figures.PageFigures, compressed)
    figures = models.BinaryField("sidetal", null=True, blank=True, editable=False)
    # the review lists on as_of over every case (plans.stored_lists.StoredLists, compressed):
    # they change with the same data version, so they live and die with its rows
    review_lists = models.BinaryField("opfølgningslister", null=True, blank=True, editable=False)
    # the data-quality findings on as_of over every case (quality.services.stored_findings,
    # compressed): the same data version's, so they go with its rows like the lists
    quality_findings = models.BinaryField(
        "datakvalitetsfund", null=True, blank=True, editable=False
    )
    # the monthly report's figures on as_of that rest on the data alone (recipients, events,
    # reconciliation, internal offers, casework; reports.stored_figures), with the same rows
    report_figures = models.BinaryField("rapporttal", null=True, blank=True, editable=False)
    error = models.TextField("fejl", blank=True)
    requested_at = models.DateTimeField("bestilt", auto_now_add=True)
    finished_at = models.DateTimeField("færdig", null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["data_version", "as_of", "simulations", "seed"],
                name="one_forecast_per_version",
            )
        ]
        verbose_name = "lagret prognose"
        verbose_name_plural = "lagrede prognoser"

    def __str__(self) -> str:
        return f"Prognose pr. {self.as_of.isoformat()} ({self.data_version[:8]})"
