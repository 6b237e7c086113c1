"""Session limits, no caching of pages, and logging of refused requests."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent

Handler = Callable[[HttpRequest], HttpResponse]
STARTED, SEEN = "ramme_started", "ramme_seen"
TOUCH_SECONDS = 60  # the idle clock is saved at most once a minute: a session write is a write


class SessionLimitsMiddleware:
    """Ends a session 8 hours after login (SESSION_COOKIE_AGE) and after 30 minutes
    without a request (SESSION_IDLE_SECONDS), whatever the browser does with its cookie."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            started = request.session.setdefault(STARTED, now)
            seen = request.session.get(SEEN, now)
            if now - started > settings.SESSION_COOKIE_AGE or (
                now - seen > settings.SESSION_IDLE_SECONDS
            ):
                user = request.user
                logout(request)
                record_access(user, AuditEvent.Action.LOGOUT, "session", detail="udløbet")
            elif now - seen >= TOUCH_SECONDS or SEEN not in request.session:
                request.session[SEEN] = now
        return self.get_response(request)


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
            user = request.user if request.user.is_authenticated else None
            record_access(user, AuditEvent.Action.DENIED, "side", request.path[:200])
        return response
