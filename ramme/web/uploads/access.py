"""Who may import (importere): economists and administrators (superusers); others get 403."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from ramme.web.accounts.models import Role
from ramme.web.uploads.models import Upload


def may_import(user: Any) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or getattr(user, "role", "") == Role.ECONOMIST)
    )


def require_importer(user: Any) -> None:
    if not may_import(user):
        raise PermissionDenied("Kun økonomikonsulenter og administratorer kan indlæse data.")


def get_upload_for_user(user: Any, upload_id: int) -> Upload:
    """An upload, for those who may import (they share the municipality's data load)."""
    require_importer(user)
    return get_object_or_404(Upload, pk=upload_id)
