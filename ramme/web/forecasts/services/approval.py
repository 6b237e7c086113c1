"""Month close (månedsafslutning): "Godkend månedens prognose" saves the month's forecast
with who and when and locks it. Comparisons (the monthly report's columns, the action
plan's overspend at start and at the last update) read approved snapshots."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from ramme.core.money import format_kr
from ramme.core.periods import is_month_end
from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.forecasts.models import ForecastSnapshot
from ramme.web.forecasts.services import snapshots, year_end


class ApprovalError(ValueError):
    """The month cannot be approved; the text is Danish."""


@transaction.atomic
def approve_month(user: User, as_of: date) -> ForecastSnapshot:
    """Save and lock the forecast of the month ending ``as_of``."""
    if not is_month_end(as_of):
        raise ApprovalError(
            f"Kun en prognose pr. månedens sidste dag kan godkendes, ikke {as_of:%d.%m.%Y}."
        )
    if not user.sees_all_cases:
        raise ApprovalError("Kun økonomikonsulenter og ledere kan godkende månedens prognose.")
    try:
        snapshots.refuse_if_approved(as_of)
    except snapshots.SnapshotLocked as error:
        raise ApprovalError(str(error)) from error
    fc = year_end.compute_forecast(as_of)
    snap = snapshots.save(fc, year_end.forecast_payload(fc), user.get_username())
    snap.approved_by, snap.approved_at = user.get_username(), timezone.now()
    snap.save(update_fields=["approved_by", "approved_at"])
    record_access(
        user,
        AuditEvent.Action.CHANGE,
        "forecast",
        as_of.isoformat(),
        detail=f"godkendt: forventet regnskab {format_kr(fc.total.forecast)}",
    )
    return snap


def approval_of(as_of: date) -> ForecastSnapshot | None:
    """The approved snapshot of exactly ``as_of``, or None."""
    return ForecastSnapshot.objects.filter(as_of=as_of, approved_at__isnull=False).first()
