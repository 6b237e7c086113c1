"""Who may change the portfolio and the transfers: economists, heads and superusers."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, Role


def can_edit_reports(user: Any) -> bool:
    return bool(
        user.is_authenticated
        and (user.is_superuser or getattr(user, "role", "") in (Role.ECONOMIST, Role.HEAD))
    )


def require_editor(user: Any) -> None:
    if not can_edit_reports(user):
        raise PermissionDenied("Kun økonomikonsulenter og ledere kan ændre dette.")


def require_case_access(user: Any, kind: str) -> None:
    """The restricted version lists cases: only those who see every case, and it is logged."""
    if not getattr(user, "sees_all_cases", False):
        raise PermissionDenied("Ledelsesversionen kræver adgang til alle sager.")
    record_access(user, AuditEvent.Action.EXPORT, "report", kind, detail="ledelsesversion")
