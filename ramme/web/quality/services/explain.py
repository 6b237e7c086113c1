"""Marking a finding as explained (forklaret): the one write of the quality app."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.quality.models import FindingExplanation
from ramme.web.quality.services.findings import all_findings, visible

MAX_NOTE = 2000


class ExplainError(ValueError):
    """Why a finding could not be marked as explained (Danish, for the user)."""


def explain_finding(user: User, key: str, note: str, as_of: date) -> FindingExplanation:
    """Store ``note`` as the explanation of the finding ``key`` on ``as_of`` (replacing an
    earlier note), audited; only for a finding about a child ``user`` may see."""
    text = note.strip()
    if not text:
        raise ExplainError("Skriv en forklaring, før fundet markeres som forklaret.")
    if len(text) > MAX_NOTE:
        raise ExplainError(f"Forklaringen må højst være {MAX_NOTE} tegn.")
    finding = next((f for f in visible(user, all_findings(as_of)) if f.key == key), None)
    if finding is None:
        raise ExplainError("Fundet findes ikke på datoen, eller du har ikke adgang til sagen.")
    with transaction.atomic():
        explanation, _ = FindingExplanation.objects.update_or_create(
            key=key,
            defaults={"kind": finding.kind, "note": text, "username": user.get_username()},
        )
        record_access(user, AuditEvent.Action.CHANGE, "finding", key, detail=text[:500])
    return explanation
