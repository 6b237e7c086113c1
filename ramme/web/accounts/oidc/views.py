"""The two steps of the code flow: off to the provider, and back with a code."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.views import View
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from ramme.web.accounts.oidc.backend import REFUSAL_ATTRIBUTE
from ramme.web.accounts.oidc.provider import config, oidc_setting

FAILED = "Identitetsudbyderen godkendte ikke login, eller login blev afbrudt."


def _require_oidc() -> None:
    if settings.RAMME_OIDC is None:
        raise Http404("Single sign-on er ikke sat op.")


class OidcLoginView(OIDCAuthenticationRequestView):  # type: ignore[misc]
    """Sends the browser to the identity provider."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, **kwargs: Any) -> None:
        # The library reads its settings here; without single sign-on that must be a 404.
        View.__init__(self, **kwargs)

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        _require_oidc()
        self.OIDC_OP_AUTH_ENDPOINT = oidc_setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
        self.OIDC_RP_CLIENT_ID = oidc_setting("OIDC_RP_CLIENT_ID")
        return super().dispatch(request, *args, **kwargs)  # type: ignore[no-any-return]


class OidcCallbackView(OIDCAuthenticationCallbackView):  # type: ignore[misc]
    """Back from the provider: logged in, or a Danish page saying why not."""

    get_settings = staticmethod(oidc_setting)

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        _require_oidc()
        return super().dispatch(request, *args, **kwargs)  # type: ignore[no-any-return]

    def login_failure(self) -> HttpResponse:
        reason = getattr(self.request, REFUSAL_ATTRIBUTE, "")
        context = {"reason": reason or FAILED, "refused": bool(reason), "provider": config().name}
        return render(self.request, "accounts/oidc_refused.html", context, status=403)
