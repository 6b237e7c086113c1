"""Write the report texts: one named function owning the transaction and the audit row."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.db import transaction

from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.texts.models import ReportText

MAX_LENGTH = 20_000


class TextError(ValueError):
    """A text that cannot be saved (Danish message)."""


@transaction.atomic
def save_texts(user: User, report: str, period: date, texts: Mapping[tuple[str, str], str]) -> int:
    """Save the (element, area) → text of ``report`` for ``period``; returns how many
    changed. A text equal to what is saved is left alone (and not audited)."""
    too_long = [key for key, body in texts.items() if len(body) > MAX_LENGTH]
    if too_long:
        element, area = too_long[0]
        raise TextError(f"Teksten «{element}» {area} er længere end {MAX_LENGTH} tegn.")
    existing = {
        (t.element, t.area): t for t in ReportText.objects.filter(report=report, period=period)
    }
    changed = 0
    for (element, area), body in texts.items():
        body = body.replace("\r\n", "\n").strip()
        row = existing.get((element, area))
        if (row.body if row is not None else "") == body:
            continue  # unchanged, or an empty field with nothing saved
        ReportText.objects.update_or_create(
            report=report, period=period, area=area, element=element,
            defaults={"body": body, "updated_by": user.get_username()},
        )  # fmt: skip
        changed += 1
    if changed:
        record_access(user, AuditEvent.Action.CHANGE, "text", f"{report}:{period.isoformat()}",
                      detail=f"{changed} tekster")  # fmt: skip
    return changed
