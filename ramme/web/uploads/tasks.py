"""The background tasks (django-tasks) of the browser import; the work is in services.

They run in ``ramme worker`` (or the worker ``ramme serve`` starts), which takes them from
the database queue; in tests they may run at once (ImmediateBackend).
"""

from __future__ import annotations

from django_tasks import task

from ramme.web.uploads.services import runner


@task()
def validate_upload(upload_id: int) -> str:
    """Validate an upload and prepare its preview (trin 1)."""
    try:
        return runner.validate(upload_id)
    except Exception as exc:
        runner.fail(upload_id, exc)
        raise


@task()
def import_upload(upload_id: int) -> str:
    """Import a validated upload, all or nothing (trin 2)."""
    try:
        return runner.run_import(upload_id)
    except Exception as exc:
        runner.fail(upload_id, exc)
        raise
