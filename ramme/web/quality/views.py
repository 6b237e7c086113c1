"""The data-quality pages: findings (case level through the access helpers) and the
reconciliation (aggregates and posting keys, no case data)."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ramme.web.accounts.models import User
from ramme.web.data.models import ActivityLine
from ramme.web.front.danish_input import as_of_from_request
from ramme.web.front.excel_tables import excel_tables
from ramme.web.quality.services.explain import ExplainError, explain_finding
from ramme.web.quality.services.findings import overview
from ramme.web.quality.services.reconciliation import reconciliation


@login_required
@excel_tables
def findings(request: HttpRequest) -> HttpResponse:
    as_of = as_of_from_request(request)
    if not ActivityLine.objects.exists():
        return render(request, "forecasts/empty.html", {"as_of": as_of})
    context = {"as_of": as_of, "ov": overview(cast(User, request.user), as_of)}
    return render(request, "quality/findings.html", context)


@login_required
@require_POST
def explain(request: HttpRequest) -> HttpResponse:
    as_of = as_of_from_request(request)
    key = request.POST.get("key", "")
    try:
        explain_finding(cast(User, request.user), key, request.POST.get("note", ""), as_of)
        messages.success(request, "Fundet er markeret som forklaret.")
    except ExplainError as error:
        messages.error(request, str(error))
    return redirect(f"{reverse('quality:findings')}?dato={as_of.isoformat()}")


@login_required
@excel_tables
def reconcile(request: HttpRequest) -> HttpResponse:
    as_of = as_of_from_request(request)
    if not ActivityLine.objects.exists():
        return render(request, "forecasts/empty.html", {"as_of": as_of})
    try:
        year = max(min(int(request.GET.get("aar", as_of.year)), as_of.year), 1900)
    except ValueError:
        year = as_of.year
    context = {"as_of": as_of, "r": reconciliation(year, as_of)}
    return render(request, "quality/reconcile.html", context)
