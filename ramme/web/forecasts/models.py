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

    class Meta:
        ordering = ["-as_of"]
        verbose_name = "prognoseopgørelse"
        verbose_name_plural = "prognoseopgørelser"

    def __str__(self) -> str:
        return f"Prognose pr. {self.as_of.isoformat()}"
