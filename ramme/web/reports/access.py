"""Who may change the portfolio and the transfers: economists, heads and superusers."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from ramme.web.accounts.models import Role


def can_edit_reports(user: Any) -> bool:
    return bool(
        user.is_authenticated
        and (user.is_superuser or getattr(user, "role", "") in (Role.ECONOMIST, Role.HEAD))
    )


def require_editor(user: Any) -> None:
    if not can_edit_reports(user):
        raise PermissionDenied("Kun økonomikonsulenter og ledere kan ændre dette.")
