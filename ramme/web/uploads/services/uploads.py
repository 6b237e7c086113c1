"""Receiving an upload and moving it on: the named write functions views and the API call."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.files.uploadedfile import UploadedFile as DjangoFile
from django.db import transaction

from ramme.importing.errors import RowError
from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.uploads import tasks
from ramme.web.uploads.models import Upload
from ramme.web.uploads.services import profiles, progress, runner, storage


class _Refused(Exception):
    def __init__(self, errors: list[RowError]) -> None:
        super().__init__("upload refused")
        self.errors = errors


def receive_upload(
    user: User, files: Iterable[DjangoFile], profile: str = "", origin: str = "web"
) -> tuple[Upload | None, list[RowError]]:
    """Store the files of a new upload; on any error nothing is kept and the errors say why."""
    if profile and profiles.path_of(profile) is None:
        return None, [RowError(profile, 0, "", "importprofilen er ikke installeret")]
    try:
        with transaction.atomic():
            upload = Upload.objects.create(
                user=user, username=user.get_username(), origin=origin, profile=profile
            )
            errors = storage.receive(upload, files)
            if errors:
                raise _Refused(errors)
            upload.rows_total = sum(upload.files.values_list("rows", flat=True))
            upload.save(update_fields=["rows_total"])
    except _Refused as refused:
        return None, refused.errors
    names = ", ".join(upload.files.values_list("name", flat=True))
    record_access(user, AuditEvent.Action.IMPORT, "upload", str(upload.pk), f"modtaget: {names}")
    return upload, []


def start_validation(upload: Upload) -> None:
    """Queue step 1 (after the upload is committed, so any worker can read it)."""
    tasks.validate_upload.enqueue(upload.pk)


def validate_now(upload: Upload) -> bool:
    """Step 1 in the caller's process (the API answers with the errors); True when valid."""
    runner.validate(upload.pk)
    upload.refresh_from_db()
    return upload.status == Upload.Status.VALID


def confirm(upload: Upload, user: User | None = None) -> bool:
    """Queue step 2 for a validated upload; False when it is not (or no longer) «klar»."""
    claimed = Upload.objects.filter(pk=upload.pk, status=Upload.Status.VALID).update(
        status=Upload.Status.IMPORTING, rows_done=0
    )
    if not claimed:  # a second click, or another tab, confirmed it already
        return False
    record_access(
        user or upload.user, AuditEvent.Action.IMPORT, "upload", str(upload.pk), "bekræftet"
    )
    tasks.import_upload.enqueue(upload.pk)
    return True


def status(upload: Upload) -> dict[str, Any]:
    """The small JSON the import page polls and the API returns."""
    upload.refresh_from_db()
    return {
        "id": upload.pk,
        "status": upload.status,
        "status_label": upload.get_status_display(),
        "running": upload.is_running,
        "progress": progress.percent(upload),
        "rows_done": progress.rows_done(upload),
        "rows_total": upload.rows_total,
        "error_count": upload.error_count,
        "errors": [{k: e[k] for k in ("file", "row", "column", "reason")} for e in upload.errors],
        "import_run": upload.import_run_id,
    }
