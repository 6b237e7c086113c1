"""The login page: single sign-on ("Log ind med ...") and, unless switched off, local login."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden


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
