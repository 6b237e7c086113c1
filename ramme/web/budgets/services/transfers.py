"""Writes of the yearly transfers (overførsler): one amount per activity line and one for
the frame, with the audit row."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.db import transaction

from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.budgets.models import YearTransfer
from ramme.web.data.models import ActivityLine


@transaction.atomic
def set_transfers(
    year: int, amounts: Mapping[int | None, Decimal], user: User | None = None
) -> None:
    """Transfers of ``year`` per activity line id (``None``: the frame as a whole)."""
    known = set(ActivityLine.objects.values_list("pk", flat=True))
    for activity_id, amount in amounts.items():
        if activity_id is not None and activity_id not in known:
            raise ValueError(f"ukendt aktivitet {activity_id}")
        YearTransfer.objects.update_or_create(
            year=year, activity_id=activity_id, defaults={"amount": amount}
        )
    shown = "; ".join(f"{key or 'rammen'}: {amount}" for key, amount in amounts.items())
    record_access(user, AuditEvent.Action.CHANGE, "transfer", str(year), shown)
