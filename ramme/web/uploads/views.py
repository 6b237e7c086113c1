"""The import pages: upload, validation result or progress, confirmation, history."""

from __future__ import annotations

from typing import cast

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ramme.importing.errors import RowError
from ramme.web.accounts.models import User
from ramme.web.accounts.rights import require_importer
from ramme.web.data.models import ImportRun
from ramme.web.uploads.access import get_upload_for_user
from ramme.web.uploads.forms import UploadForm
from ramme.web.uploads.services import preview, progress, uploads

HISTORY_SHOWN = 200


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    """The form; a valid post stores the files and queues the validation."""
    require_importer(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    errors: list[RowError] = []
    if request.method == "POST" and form.is_valid():
        files, profile = form.cleaned_data["upload_files"], form.cleaned_data["profile"]
        new, errors = uploads.receive_upload(request.user, files, profile)  # type: ignore[arg-type]
        if new is not None:
            uploads.start_validation(new)
            return redirect("uploads:detail", new.pk)
    return render(request, "uploads/upload.html", {"form": form, "errors": errors})


@login_required
def detail(request: HttpRequest, upload_id: int) -> HttpResponse:
    """Progress while a task runs; then the errors, or the preview and the confirm button."""
    item = get_upload_for_user(request.user, upload_id)
    context = {
        "upload": item,
        "files": item.files.all(),
        "percent": progress.percent(item),
        "change": preview.change(item.preview) if item.preview else None,
    }
    return render(request, "uploads/detail.html", context)


@login_required
def status(request: HttpRequest, upload_id: int) -> JsonResponse:
    """The small JSON the detail page polls while a task runs."""
    item = get_upload_for_user(request.user, upload_id)
    return JsonResponse(uploads.status(item))


@login_required
@require_POST
def confirm(request: HttpRequest, upload_id: int) -> HttpResponse:
    item = get_upload_for_user(request.user, upload_id)
    uploads.confirm(item, cast(User, request.user))
    return redirect("uploads:detail", item.pk)


@login_required
def history(request: HttpRequest) -> HttpResponse:
    """Every import, by any path (browser, API, ``ramme import``), newest first."""
    require_importer(request.user)
    runs = ImportRun.objects.all()[:HISTORY_SHOWN]
    return render(request, "uploads/history.html", {"runs": runs})
