"""Budgets entered on the budget page (budgetsiden): the adopted budget of a line and year,
and corrections, each a dated row with its note and who entered it. Imported budgets are the
same rows (without note), so the page's history shows both."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ramme.core.money import format_kr
from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.data.models import ActivityLine, Budget


class BudgetError(ValueError):
    """A budget entry that cannot be saved; the text is Danish and names the field."""


@dataclass(frozen=True)
class BudgetEntry:
    """What the form gives: line, year, kind, amount, date (corrections) and note."""

    activity: ActivityLine
    year: int
    kind: str
    amount: Decimal
    day: date | None
    note: str


def _check(entry: BudgetEntry) -> None:
    if entry.kind == Budget.Kind.CORRECTED:
        if entry.day is None:
            raise BudgetError("En budgetkorrektion skal have en dato.")
        if entry.day.year != entry.year:
            raise BudgetError(f"Korrektionens dato skal ligge i budgetåret {entry.year}.")
        if not entry.note.strip():
            raise BudgetError("Skriv en note om, hvorfor budgettet korrigeres.")


@transaction.atomic
def enter_budget(user: User, entry: BudgetEntry) -> Budget:
    """Save an adopted budget (replacing the line's adopted one) or add a correction.

    A correction on a day that already has one replaces it: one corrected budget per day.
    """
    _check(entry)
    day = None if entry.kind == Budget.Kind.ADOPTED else entry.day
    row, _ = Budget.objects.update_or_create(
        year=entry.year,
        activity=entry.activity,
        kind=entry.kind,
        date=day,
        defaults={
            "amount": entry.amount,
            "note": entry.note.strip(),
            "entered_by": user.get_username(),
            "entered_at": timezone.now(),
        },
    )
    record_access(
        user,
        AuditEvent.Action.CHANGE,
        "budget",
        f"{entry.year}:{entry.activity.name}",
        detail=f"{row.get_kind_display()} {format_kr(entry.amount)}"
        + (f" pr. {day:%d.%m.%Y}" if day else ""),
    )
    return row
