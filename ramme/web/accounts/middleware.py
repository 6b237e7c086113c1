"""Session limits, no caching of pages, and logging of refused requests."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent

Handler = Callable[[HttpRequest], HttpResponse]
STARTED = "ramme_started"  # in the session, written at login
SEEN_COOKIE = "ramme_seen"  # a signed time stamp, renewed at most once a minute
TOUCH_SECONDS = 60


class SessionLimitsMiddleware:
    """Ends a session 8 hours after login (SESSION_COOKIE_AGE) and after 30 minutes
    without a request (SESSION_IDLE_SECONDS), whatever the browser does with its cookie.

    The idle clock is a signed cookie, not a session field: renewing it then writes
    nothing to the database, so pages keep working while an import holds SQLite's lock.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        now = time.time()
        if request.user.is_authenticated and self._expired(request, now):
            user = request.user
            logout(request)
            record_access(user, AuditEvent.Action.LOGOUT, "session", detail="udløbet")
        response = self.get_response(request)
        if request.user.is_authenticated and now - self._seen(request) >= TOUCH_SECONDS:
            response.set_signed_cookie(
                SEEN_COOKIE, str(now), salt=SEEN_COOKIE, httponly=True, samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE, max_age=settings.SESSION_COOKIE_AGE,
            )  # fmt: skip
        return response

    @staticmethod
    def _seen(request: HttpRequest) -> float:
        try:
            value = request.get_signed_cookie(SEEN_COOKIE, default=None, salt=SEEN_COOKIE)
            return float(value or 0)
        except (ValueError, signing.BadSignature):
            return 0.0

    def _expired(self, request: HttpRequest, now: float) -> bool:
        started = float(request.session.get(STARTED, now))
        seen = self._seen(request) or started
        return now - started > settings.SESSION_COOKIE_AGE or (
            now - seen > settings.SESSION_IDLE_SECONDS
        )


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every page and download a server renders: any of
    them may hold case data, and a shared or browser cache must not keep it."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith("/" + settings.STATIC_URL.lstrip("/")):
            add_never_cache_headers(response)
        return response


class DeniedAccessMiddleware:
    """Every refused request (403) is written to the access log with its address."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 403:
            found = getattr(request, "user", None)  # absent if refused before authentication
            user = found if found is not None and found.is_authenticated else None
            record_access(user, AuditEvent.Action.DENIED, "side", request.path[:200])
        return response
