"""Texts economists write for the committee documents (rapporttekster)."""

from __future__ import annotations

from django.db import models


class ReportText(models.Model):
    """One element of one report for a period (the month's first day, or 1 January for
    the annual accounts) and an area ("" for the whole report). Light Markdown."""

    report = models.CharField("rapport", max_length=20)
    period = models.DateField("periode")
    area = models.CharField("område", max_length=100, blank=True)
    element = models.CharField("element", max_length=40)
    body = models.TextField("tekst", blank=True)
    updated_by = models.CharField("skrevet af", max_length=150, blank=True)
    updated_at = models.DateTimeField("skrevet", auto_now=True)

    class Meta:
        ordering = ["report", "period", "element", "area"]
        verbose_name = "rapporttekst"
        verbose_name_plural = "rapporttekster"
        constraints = [
            models.UniqueConstraint(
                fields=["report", "period", "area", "element"], name="one_text_per_slot"
            )
        ]

    def __str__(self) -> str:
        return f"{self.element} {self.area} {self.period:%m.%Y}".strip()
