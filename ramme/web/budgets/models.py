"""Budget data that has no data-contract file: the yearly transfers (overførsler), entered
by the economist (default 0) and read by the annual accounts report."""

from __future__ import annotations

from django.db import models

from ramme.web.data.models import ActivityLine


class YearTransfer(models.Model):
    """A transfer (overførsel) from one year's accounts to the next year's budget.

    ``activity`` empty means a transfer for the frame as a whole.
    """

    year = models.PositiveIntegerField("regnskabsår")
    activity = models.ForeignKey(
        ActivityLine, null=True, blank=True, on_delete=models.CASCADE, verbose_name="aktivitet"
    )
    amount = models.DecimalField("beløb (kr.)", max_digits=16, decimal_places=2, default=0)
    note = models.CharField("bemærkning", max_length=300, blank=True)

    class Meta:
        db_table = "reports_yeartransfer"  # created by the reports app, where it began
        ordering = ["year", "activity__position", "activity__name"]
        verbose_name = "overførsel"
        verbose_name_plural = "overførsler"
        constraints = [
            models.UniqueConstraint(fields=["year", "activity"], name="yeartransfer_unique_line"),
        ]
