"""``POST /api/v1/imports`` and ``GET /api/v1/imports/{id}``: the browser import, by API.

A django-ninja router the v1 API mounts; its authentication (bearer tokens) comes from
that API, and the permission is the import page's (economists and administrators). The
POST stores the files and validates them at once, in the request, like the CLI: 422 with
every error as ``{file, row, column, reason}`` and nothing changed, or 202 with the id.
With ``dry_run=true`` that is all; otherwise the import is queued for the worker and
``GET /imports/{id}`` tells its status, progress and errors.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from ramme.importing.errors import RowError
from ramme.web.accounts.models import User
from ramme.web.accounts.rights import may_import
from ramme.web.uploads.models import Upload
from ramme.web.uploads.services import uploads

router = Router(tags=["import"])
REFUSED = "Kun økonomikonsulenter og administratorer kan indlæse data."


class ImportErrorOut(Schema):
    file: str
    row: int
    column: str
    reason: str


class ImportStatusOut(Schema):
    id: int
    status: str
    status_label: str
    running: bool
    progress: int | None
    rows_done: int
    rows_total: int
    error_count: int
    errors: list[ImportErrorOut]
    import_run: int | None


class RefusedOut(Schema):
    errors: list[ImportErrorOut]


class MessageOut(Schema):
    detail: str


def _user(request: HttpRequest) -> Any:
    """The token's user when the API authenticates by token, else the session's."""
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, User) else request.user


def _errors(errors: list[RowError] | list[dict[str, Any]]) -> dict[str, Any]:
    rows = [e if isinstance(e, dict) else vars(e) for e in errors]
    keys = ("file", "row", "column", "reason")
    return {"errors": [{k: row[k] for k in keys} for row in rows]}


@router.post("/imports", response={202: ImportStatusOut, 403: MessageOut, 422: RefusedOut})
def create_import(
    request: HttpRequest,
    files: File[list[UploadedFile]],
    profile: Form[str] = "",
    dry_run: Form[bool] = False,
) -> Status[Any]:
    """Upload data files (CSV, XLSX or one zip) and validate them; import unless dry_run."""
    user = _user(request)
    if not may_import(user):
        return Status(403, {"detail": REFUSED})
    upload, errors = uploads.receive_upload(user, files, profile, origin="api")
    if upload is None:
        return Status(422, _errors(errors))
    if not uploads.validate_now(upload):
        return Status(422, _errors(upload.errors))
    if not dry_run:
        uploads.confirm(upload, user)
    return Status(202, uploads.status(upload))


@router.get(
    "/imports/{upload_id}", response={200: ImportStatusOut, 403: MessageOut, 404: MessageOut}
)
def get_import(request: HttpRequest, upload_id: int) -> Status[Any]:
    """Status, progress (0-100) and errors of an upload."""
    if not may_import(_user(request)):
        return Status(403, {"detail": REFUSED})
    upload = Upload.objects.filter(pk=upload_id).first()
    if upload is None:
        return Status(404, {"detail": "Importen findes ikke."})
    return Status(200, uploads.status(upload))
