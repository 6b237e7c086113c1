"""The login page (single sign-on and, unless switched off, local login) and the access log."""

from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import render

from ramme.web.accounts import auditlog
from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.accounts.rights import may_read_log


class LoginView(auth_views.LoginView):
    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["oidc_name"] = settings.RAMME_OIDC.name if settings.RAMME_OIDC else ""
        context["local_login"] = settings.RAMME_LOCAL_LOGIN
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not settings.RAMME_LOCAL_LOGIN:
            return HttpResponseForbidden("Lokalt login er slået fra (RAMME_LOCAL_LOGIN=0).")
        return super().post(request, *args, **kwargs)


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    """Search and export the access log (adgangslog); every search is itself logged."""
    user = cast(User, request.user)
    if not may_read_log(user):
        raise PermissionDenied("Kun afdelingsledere kan se adgangsloggen.")
    query = auditlog.LogQuery.parse(request.GET.dict())
    rows = auditlog.search(query)
    export = request.GET.get("format") == "csv"
    action = AuditEvent.Action.EXPORT if export else AuditEvent.Action.READ
    record_access(user, action, "adgangslog", detail=query.describe())
    if export:
        response = HttpResponse(auditlog.as_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="adgangslog.csv"'
        return response
    context = {
        "rows": rows[: auditlog.PAGE_ROWS],
        "count": rows.count(),
        "shown": auditlog.PAGE_ROWS,
        "query": query,
        "actions": AuditEvent.Action.choices,
    }
    return render(request, "accounts/audit_log.html", context)
