"""A data-quality finding marked as explained (forklaret), with the note and who wrote it.

Findings themselves are computed from the data each time (``ramme.core.quality``); only
the explanation is stored, by the finding's stable key (``kind:measure[:...]``).
"""

from __future__ import annotations

from django.db import models


class FindingExplanation(models.Model):
    key = models.CharField("fund", max_length=200, unique=True)
    kind = models.CharField("regel", max_length=40, db_index=True)
    note = models.TextField("forklaring")
    username = models.CharField("bruger", max_length=150)
    explained_at = models.DateTimeField("forklaret", auto_now=True)

    class Meta:
        ordering = ["-explained_at"]
        verbose_name = "forklaret fund"
        verbose_name_plural = "forklarede fund"

    def __str__(self) -> str:
        return self.key
