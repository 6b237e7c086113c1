"""The one function that writes the audit log."""

from __future__ import annotations

from ramme.web.accounts.models import AuditEvent, User


def record_access(
    user: User | None, action: str, object_type: str, object_key: str = "", detail: str = ""
) -> AuditEvent:
    """Log that ``user`` read, changed, imported or exported case-level data."""
    return AuditEvent.objects.create(
        user=user if user is not None and user.pk else None,
        username=user.get_username() if user is not None else "system",
        action=action,
        object_type=object_type,
        object_key=object_key,
        detail=detail,
    )
