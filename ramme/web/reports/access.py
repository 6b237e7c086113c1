"""Who may take the restricted (case-level) version of a report; edit rights are in
``ramme.web.accounts.rights``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent


def require_case_access(user: Any, kind: str) -> None:
    """The restricted version lists cases: only those who see every case, and it is logged."""
    if not getattr(user, "sees_all_cases", False):
        raise PermissionDenied("Ledelsesversionen kræver adgang til alle sager.")
    record_access(user, AuditEvent.Action.EXPORT, "report", kind, detail="ledelsesversion")
