"""The two background steps of an upload: validate (a dry run with a preview) and import.

Both run in the worker: the files are read back from the database into a temporary
folder of the worker and handed to the one importer (``import_folder``), the same code
``ramme import`` runs, so the errors are the CLI's and the import is all or nothing.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.utils import timezone

from ramme.importing.errors import RowError
from ramme.web.data.services.importer import ImportOptions, ImportResult, import_folder
from ramme.web.uploads.models import Upload
from ramme.web.uploads.services import preview, profiles, progress, storage

MAX_ERRORS_KEPT = 10_000  # a broken million-row file would otherwise store a million


def error_dicts(errors: list[RowError]) -> list[dict[str, Any]]:
    """Errors as JSON objects: file, row, column, reason, and the CLI's line of text."""
    return [
        {"file": e.file, "row": e.row, "column": e.column, "reason": e.reason, "text": str(e)}
        for e in errors[:MAX_ERRORS_KEPT]
    ]


def validate(upload_id: int) -> str:
    """Step 1: a dry run. The upload becomes «klar» with a preview, or «afvist» with errors."""
    upload = _begin(upload_id, Upload.Status.VALIDATING)
    was = preview.before()
    result = _run(upload, dry_run=True, inspect=lambda summary: preview.after(summary, was))
    if result.ok:
        upload.preview = result.inspected
    return _finish(upload, result, Upload.Status.VALID)


def run_import(upload_id: int) -> str:
    """Step 2: the import itself (all or nothing); it appears in the import history."""
    upload = _begin(upload_id, Upload.Status.IMPORTING)
    result = _run(upload, dry_run=False)
    upload.import_run_id = result.run_id
    return _finish(upload, result, Upload.Status.IMPORTED)


def _begin(upload_id: int, status: str) -> Upload:
    upload = Upload.objects.get(pk=upload_id)
    upload.status, upload.rows_done = status, 0
    upload.save(update_fields=["status", "rows_done"])
    return upload


def _run(upload: Upload, dry_run: bool, inspect: Any = None) -> ImportResult:
    names = ", ".join(upload.files.values_list("name", flat=True))
    with (
        tempfile.TemporaryDirectory(prefix="ramme-upload-") as tmp,
        progress.reporter(upload) as report,
    ):
        folder = Path(tmp)
        storage.materialise(upload, folder)
        options = ImportOptions(
            username=upload.username,
            origin=upload.origin,
            source=f"upload {upload.pk}: {names}",
            dry_run=dry_run,
            inspect=inspect,
            on_rows=report,
        )
        return import_folder(folder, profiles.path_of(upload.profile), options=options)


def _finish(upload: Upload, result: ImportResult, success: str) -> str:
    upload.status = success if result.ok else Upload.Status.REJECTED
    upload.error_count = len(result.errors)
    upload.errors = error_dicts(result.errors)
    upload.warnings = result.warnings
    upload.rows_done = upload.rows_total
    if upload.status != Upload.Status.VALID:
        upload.finished_at = timezone.now()
        storage.discard(upload)  # imported or refused: the bytes are no longer needed
    upload.save()
    return str(upload.status)


def fail(upload_id: int, exc: BaseException) -> None:
    """Mark an upload «fejlet» after an unexpected error (the task's log has the trace)."""
    reason = f"uventet fejl under importen ({type(exc).__name__}); intet er ændret"
    Upload.objects.filter(pk=upload_id).update(
        status=Upload.Status.FAILED,
        error_count=1,
        errors=[{"file": "", "row": 0, "column": "", "reason": reason, "text": reason}],
        finished_at=timezone.now(),
    )
