"""An upload for those who may import (the rule itself is ``accounts.rights.may_import``)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from ramme.web.accounts.rights import require_importer
from ramme.web.uploads.models import Upload


def get_upload_for_user(user: Any, upload_id: int) -> Upload:
    """An upload, for those who may import (they share the municipality's data load)."""
    require_importer(user)
    return get_object_or_404(Upload, pk=upload_id)
